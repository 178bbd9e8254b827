/* test_tagger.c: part-of-speech tags (as dl_parse() gives them: the
 * tagger's, then the news conventions of dl_tagger_adapt()), news
 * capitalisation, and a floor on accuracy against the English Web
 * Treebank's development file. */
#include "test.h"
#include "base/arena.h"
#include "text/chunk.h"
#include "text/conllu.h"
#include "text/tagger.h"

#include <stdio.h>
#include <stdlib.h>

static dl_tagger *tg;

static bool ready(void)
{
    if (!tg) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (dl_tagger_open(&tg, dir) != DL_OK)
            tg = NULL;
    }
    return tg != NULL;
}

__attribute__((destructor)) static void done(void) { dl_tagger_close(tg); }

/* Tags a sentence given as space-separated tokens; returns the tags as
 * space-separated Penn names (in a static buffer). */
static const char *tags(const char *text)
{
    static char out[2048];
    char buf[1024];
    dl_token t[128] = {{0}};
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", text);
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w && n < 128; w = strtok_r(NULL, " ", &save)) {
        t[n].text = w;
        t[n].flags = n == 0 ? DL_TOK_SENT_START : DL_TOK_SPACE_BEFORE;
        n++;
    }
    dl_tagger_tag(tg, t, n);
    dl_tagger_adapt(t, n); /* the tags as dl_parse() gives them */
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(out, i ? " " : "");
        strcat(out, dl_conllu_tag_name((dl_tag)t[i].tag));
    }
    return out;
}

#define NEED_TAGGER()                                                                  \
    do {                                                                               \
        if (!ready())                                                                  \
            SKIP("data/models/tagger.dlm cannot be loaded");                                   \
    } while (0)

TEST(tagger_plain_sentences)
{
    NEED_TAGGER();
    CHECK_STR(tags("The army said it struck 20 targets in Gaza ."), "DT NN VBD PRP VBD CD NNS IN NNP .");
    CHECK_STR(tags("He did not immediately respond to a request for comment ."),
              "PRP VBD RB RB VB IN DT NN IN NN .");
    CHECK_STR(tags("Talks might have held the ceasefire , officials said ."),
              "NNS MD VB VBN DT NN , NNS VBD .");
    CHECK_STR(tags("They want to expand the war ."), "PRP VBP TO VB DT NN .");
}

TEST(tagger_news_capitalisation)
{
    NEED_TAGGER();
    /* US the country against us the pronoun. */
    CHECK_STR(tags("The US will send aid ."), "DT NNP MD VB NN .");
    CHECK_STR(tags("He told us to leave ."), "PRP VBD PRP TO VB .");
    /* A masthead: "Times" is a name, not a plural. */
    CHECK_STR(tags("The Times of Israel reported the strike ."), "DT NNP IN NNP VBD DT NN .");
    /* Sentence-initial names against sentence-initial common words. */
    CHECK_STR(tags("Gallant said the talks failed ."), "NNP VBD DT NNS VBD .");
    CHECK_STR(tags("Officials said the talks failed ."), "NNS VBD DT NNS VBD .");
    CHECK_STR(tags("Israel 's Defence Minister Yoav Gallant visited troops ."),
              "NNP POS NNP NNP NNP NNP VBD NNS .");
    /* Adjectives of nationality keep their capital. */
    CHECK_STR(tags("Iraqi forces entered the town ."), "JJ NNS VBD DT NN .");
}

TEST(tagger_title_case_headlines)
{
    NEED_TAGGER();
    /* In a title-case line every capital is uninformative: common words
     * keep their common tags and only real names are NNP. */
    /* (A headline of names and nouns, "Israeli Jets Strike Gaza Tunnel
     * Network", still comes out all NNP: the treebank has few headlines.) */
    const char *h;
    h = tags("Officials Say Talks Have Stalled");
    CHECK_STR(h, "NNS VBP NNS VBP VBN");
}

TEST(tagger_unknown_words_by_shape)
{
    NEED_TAGGER();
    /* Unknown words: suffixes, digits, hyphens, URLs. */
    CHECK_STR(tags("The frobnicators were blorking 1,200 zorgs on 2024-03-01 ."),
              "DT NNS VBD VBG CD NNS IN CD .");
    CHECK_STR(tags("They blorked the zorgs ."), "PRP VBD DT NNS .");
    CHECK_STR(tags("Details are at https://example.com/news ."), "NNS VBP IN ADD .");
    CHECK_STR(tags("The Frobnicator said so ."), "DT NNP VBD RB .");
    CHECK_STR(tags("a well-organized protest"), "DT JJ NN");
    CHECK_STR(tags("She was quickly blorking ."), "PRP VBD RB VBG .");
}

TEST(tagger_punctuation_and_clitics)
{
    NEED_TAGGER();
    CHECK_STR(tags("`` We wo n't stop , '' he said ( again ) ."), "`` PRP MD RB VB , '' PRP VBD -LRB- RB -RRB- .");
    CHECK_STR(tags("Her troops took her town ."), "PRP$ NNS VBD PRP$ NN .");
    CHECK_STR(tags("They saw her ."), "PRP VBD PRP .");
    /* Nothing to tag is fine. */
    dl_tagger_tag(tg, NULL, 0);
}

TEST(tagger_feeds_the_chunker)
{
    NEED_TAGGER();
    char buf[] = "Israel 's Defence Minister Yoav Gallant did not immediately respond .";
    dl_token t[16] = {{0}};
    uint32_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        t[n++].text = w;
    dl_tagger_tag(tg, t, n);
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = {.tokens = t, .n_tokens = n};
    CHECK_INT(dl_chunk_sentence(&s, a), DL_OK);
    CHECK_INT(s.n_chunks, 2);
    if (s.n_chunks == 2) {
        CHECK_INT(s.chunks[0].kind, DL_CHUNK_NP);
        CHECK_INT(s.chunks[0].head, 5);
        CHECK_INT(s.chunks[1].kind, DL_CHUNK_VG);
        CHECK_INT(s.chunks[1].head, 9);
        CHECK_INT(s.chunks[1].flags, DL_VG_NEGATED);
    }
    dl_arena_free(a);
}

/* The floor: the tagger's accuracy on the Web Treebank's development file
 * (XPOS). The file is used only to measure, never to train. */
TEST(tagger_accuracy_on_ud_ewt_dev)
{
    NEED_TAGGER();
    const char *shared = dl_test_shared();
    if (!shared)
        SKIP("../shared is absent");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/ud-ewt-dev/en_ewt-ud-dev.conllu", shared);
    size_t len;
    char *text = dl_test_read_file(path, &len);
    if (!text)
        SKIP("ud-ewt-dev is absent");
    dl_arena *a = dl_arena_new(1 << 20);
    dl_conllu c;
    uint64_t bad;
    CHECK_INT(dl_conllu_parse(&c, text, len, a, &bad), DL_OK);
    CHECK(c.n_sentences > 1500);
    dl_tag_score sc = {0};
    CHECK_INT(dl_conllu_score_tags(&sc, tg, &c, a), DL_OK);
    double acc = dl_ratio(sc.correct, sc.tokens);
    double known = dl_ratio(sc.known_correct, sc.known);
    double unknown = dl_ratio(sc.unknown_correct, sc.unknown);
    if (acc < 0.935 || known < 0.945 || unknown < 0.77)
        dl_test_fail(__FILE__, __LINE__, "accuracy %.4f (known %.4f, unknown %.4f) below the floor",
                     acc, known, unknown);
    dl_arena_free(a);
    free(text);
}

TEST(conllu_reader_and_boundaries)
{
    const char *doc = "# newdoc id = d1\n# sent_id = s1\n# text = Hi there.\n"
                      "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
                      "2-3\tthere.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                      "2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n"
                      "3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
                      "# newpar\n# text = Bye.\n"
                      "1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
                      "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
    dl_arena *a = dl_arena_new(0);
    dl_conllu c;
    uint64_t bad = 0;
    CHECK_INT(dl_conllu_parse(&c, doc, strlen(doc), a, &bad), DL_OK);
    CHECK_INT(c.n_sentences, 2);
    if (c.n_sentences == 2) {
        CHECK_INT(c.sentences[0].n_words, 3);
        CHECK(c.sentences[0].newdoc && !c.sentences[1].newdoc && c.sentences[1].newpar);
        CHECK_STR(c.sentences[0].text, "Hi there.");
        CHECK(!c.sentences[0].words[1].space_after && c.sentences[0].words[0].space_after);
        CHECK_STR(c.sentences[1].words[0].xpos, "UH");
        dl_token *t = dl_conllu_tokens(&c.sentences[0], a);
        CHECK(t && (t[1].flags & DL_TOK_SPACE_BEFORE) && !(t[2].flags & DL_TOK_SPACE_BEFORE));
    }
    const char *broken = "1\tHi\thi\tINTJ\n\n";
    CHECK_INT(dl_conllu_parse(&c, broken, strlen(broken), a, &bad), DL_ERR_PARSE);
    CHECK_INT(bad, 1);
    dl_boundary_score bs = {0};
    const uint32_t gold[] = {10, 20, 30}, pred[] = {10, 25, 30, 40};
    dl_boundary_score_add(&bs, gold, 3, pred, 4);
    CHECK_INT(bs.gold, 3);
    CHECK_INT(bs.predicted, 4);
    CHECK_INT(bs.matched, 2);
    dl_arena_free(a);
}
