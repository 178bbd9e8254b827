/* test_sentence.c: the sentence splitter (src/text/sentence.c), and its
 * boundary F1 on the English Web Treebank's dev set when ../shared has it. */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "text/sentence.h"

#include <stdlib.h>

typedef struct splitters {
    dl_tokenizer *tk;
    dl_splitter *sp;
} splitters;

static const splitters *open_splitters(void)
{
    static splitters s;
    static bool tried;
    if (!tried) {
        tried = true;
        dl_buf dir = DL_BUF_INIT;
        dl_buf_printf(&dir, "%s/data", dl_test_root());
        if (dl_tokenizer_open(&s.tk, dir.data) || dl_splitter_open(&s.sp, dir.data))
            s.tk = NULL;
        dl_buf_free(&dir);
    }
    return s.tk && s.sp ? &s : NULL;
}

/* The sentences of text, as written, joined by " || ", in a static buffer. */
static const char *sents(const char *text)
{
    static char out[4096];
    const splitters *s = open_splitters();
    if (!s)
        return "(no splitter)";
    dl_arena *a = dl_arena_new(0);
    dl_sentence *ss;
    size_t n;
    out[0] = '\0';
    if (dl_segment(&ss, &n, s->tk, s->sp, text, strlen(text), a) == DL_OK) {
        size_t len = 0;
        for (size_t i = 0; i < n && len < sizeof out; i++)
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? " || " : "",
                                    (int)(ss[i].end - ss[i].start), text + ss[i].start);
    }
    dl_arena_free(a);
    return out;
}

TEST(sent_basic)
{
    CHECK_STR(sents("Israel struck Gaza. Hamas fired rockets! Why? Nobody knows."),
              "Israel struck Gaza. || Hamas fired rockets! || Why? || Nobody knows.");
    CHECK_STR(sents(""), "");
    CHECK_STR(sents("no full stop at all"), "no full stop at all");
    CHECK_STR(sents("It ended in 2023. 25 people died."), "It ended in 2023. || 25 people died.");
    CHECK_STR(sents("it went on... and on. Then... Nothing."),
              "it went on... and on. || Then... || Nothing.");
}

TEST(sent_abbreviations)
{
    CHECK_STR(sents("The U.S. and the U.N. condemned it. Dr. Smith agreed."),
              "The U.S. and the U.N. condemned it. || Dr. Smith agreed.");
    CHECK_STR(sents("Gen. Herzi Halevi and Lt. Col. Peter Lerner spoke."),
              "Gen. Herzi Halevi and Lt. Col. Peter Lerner spoke.");
    CHECK_STR(sents("Sen. Lindsey Graham met Rear Adm. Daniel Hagari on Jan. 7 at No. 10 Downing St. in London."),
              "Sen. Lindsey Graham met Rear Adm. Daniel Hagari on Jan. 7 at No. 10 Downing St. in London.");
    CHECK_STR(sents("Mr. X said so. Mr. Y did not."), "Mr. X said so. || Mr. Y did not.");
    CHECK_STR(sents("George W. Bush spoke. John F. Kennedy did too."),
              "George W. Bush spoke. || John F. Kennedy did too.");
    /* An abbreviation that ends a sentence */
    CHECK_STR(sents("Aid arrived from the U.S. The convoy entered Gaza."),
              "Aid arrived from the U.S. || The convoy entered Gaza.");
    CHECK_STR(sents("U.S. Army troops arrived."), "U.S. Army troops arrived.");
    CHECK_STR(sents("Acme Inc. He said it was fine."), "Acme Inc. || He said it was fine.");
    CHECK_STR(sents("The answer was No. The vote failed."), "The answer was No. || The vote failed.");
    CHECK_STR(sents("They sent food, water, etc. Trucks left."), "They sent food, water, etc. || Trucks left.");
    CHECK_STR(sents("They sent food, etc., and water."), "They sent food, etc., and water.");
}

TEST(sent_web_text)
{
    /* Lower case after a full stop (the tokenizer kept abbreviations' periods) */
    CHECK_STR(sents("call them at noon. they know."), "call them at noon. || they know.");
    /* Separator lines, lists of addresses, date stamps */
    CHECK_STR(sents("End of part one. *** Bush also spoke."), "End of part one. || *** || Bush also spoke.");
    CHECK_STR(sents("http://a.com/1 http://a.com/2"), "http://a.com/1 || http://a.com/2");
    CHECK_STR(sents("Scott Neal 08/16/2000 03:48 PM I wrote it on 08/15/2000 06:23 PM today."),
              "Scott Neal || 08/16/2000 03:48 PM || I wrote it on 08/15/2000 06:23 PM today.");
}

TEST(sent_numbers)
{
    CHECK_STR(sents("Growth was 3.5 percent. Aid rose to $1.2 billion. It is 1,000."),
              "Growth was 3.5 percent. || Aid rose to $1.2 billion. || It is 1,000.");
}

TEST(sent_quotes)
{
    CHECK_STR(sents("\"We will respond,\" he said. Next came the strikes."),
              "\"We will respond,\" he said. || Next came the strikes.");
    CHECK_STR(sents("\"We will respond,\" he said.\" Next came the strikes."),
              "\"We will respond,\" he said.\" || Next came the strikes.");
    CHECK_STR(sents("He said: \"We will respond.\" Next came the strikes."),
              "He said: \"We will respond.\" || Next came the strikes.");
    CHECK_STR(sents("He said “we will respond.” Next came the strikes."),
              "He said “we will respond.” || Next came the strikes.");
    /* Straight and curly mixed in one sentence */
    CHECK_STR(sents("The group is called \"Salt Typhoon.” Officials said more."),
              "The group is called \"Salt Typhoon.” || Officials said more.");
    /* A question inside a quotation that does not end the sentence */
    CHECK_STR(sents("\"Why now?\" he asked. Nobody knew."), "\"Why now?\" he asked. || Nobody knew.");
    /* A quotation that opens the next sentence */
    CHECK_STR(sents("He left. \"It is over,\" he said."), "He left. || \"It is over,\" he said.");
    /* Brackets after the full stop stay with it */
    CHECK_STR(sents("He left (for good.) Then it ended."), "He left (for good.) || Then it ended.");
}

TEST(sent_paragraphs)
{
    CHECK_STR(sents("Israel strikes Gaza overnight\n\nThe strikes began at dawn."),
              "Israel strikes Gaza overnight || The strikes began at dawn.");
    CHECK_STR(sents("WATCH LIVE\n\nGen. Smith\n\nspoke."), "WATCH LIVE || Gen. Smith || spoke.");
    /* A single line break is white space */
    CHECK_STR(sents("one line\nand the next."), "one line\nand the next.");
    /* An unclosed quotation does not run into the next paragraph */
    CHECK_STR(sents("\"He said\n\nthe end.\""), "\"He said || the end.\"");
}

TEST(sent_run_on)
{
    CHECK_STR(sents("Troops continue to operate to achieve the objectives of the war\" the IDF "
                    "spokesperson said According to the Times of Israel, Hamas fired rockets."),
              "Troops continue to operate to achieve the objectives of the war\" the IDF "
              "spokesperson said || According to the Times of Israel, Hamas fired rockets.");
    CHECK_STR(sents("\"We are ready,\" Gallant told reporters The army then moved in."),
              "\"We are ready,\" Gallant told reporters || The army then moved in.");
    /* Conservative: no quotation or comma before the verb, no split */
    CHECK_STR(sents("Smith said The Times was wrong."), "Smith said The Times was wrong.");
    /* Not a sentence opener: no split */
    CHECK_STR(sents("\"Enough,\" he said Tuesday."), "\"Enough,\" he said Tuesday.");
}

TEST(sent_fields)
{
    const splitters *s = open_splitters();
    if (!s)
        SKIP("no data");
    const char *text = "\"Yes.\" He left.";
    dl_arena *a = dl_arena_new(0);
    dl_sentence *ss;
    size_t n;
    CHECK_INT(dl_segment(&ss, &n, s->tk, s->sp, text, strlen(text), a), DL_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(ss[0].index, 0);
        CHECK_INT(ss[1].index, 1);
        CHECK_INT(ss[0].start, 0);
        CHECK_INT(ss[0].end, 6);
        CHECK_INT(ss[1].start, 7);
        CHECK_INT(ss[0].n_tokens, 4);
        /* SENT_START marks the first word, not the quotation mark */
        CHECK(!(ss[0].tokens[0].flags & DL_TOK_SENT_START));
        CHECK(ss[0].tokens[1].flags & DL_TOK_SENT_START);
        CHECK(ss[1].tokens[0].flags & DL_TOK_SENT_START);
        CHECK(!(ss[1].tokens[1].flags & DL_TOK_SENT_START));
        CHECK(ss[1].tokens == ss[0].tokens + 4);
    }
    dl_arena_free(a);
}

/* ------------------------------------------------- UD English Web Treebank */

typedef struct boundary_count {
    size_t gold, predicted, matched;
} boundary_count;

/* Scores one document: its sentences joined by a space, paragraphs by a
 * blank line (as `dateline eval parse` does); a boundary is the offset
 * where a sentence other than the first starts. */
static void score_doc(boundary_count *bc, const splitters *s, dl_buf *text, const size_t *gold,
                      size_t n_gold, dl_arena *a, bool show)
{
    dl_sentence *ss;
    size_t n;
    if (!text->len || dl_segment(&ss, &n, s->tk, s->sp, text->data, text->len, a))
        return;
    size_t g = 0;
    bc->gold += n_gold;
    bc->predicted += n ? n - 1 : 0;
    for (size_t i = 1; i < n; i++) {
        while (g < n_gold && gold[g] < ss[i].start)
            g++;
        if (g < n_gold && gold[g] == ss[i].start)
            bc->matched++;
        else if (show)
            fprintf(stderr, "  extra: ...%.40s|%.40s\n",
                    text->data + (ss[i].start > 40 ? ss[i].start - 40 : 0), text->data + ss[i].start);
    }
    if (show)
        for (size_t k = 0; k < n_gold; k++) {
            bool found = false;
            for (size_t i = 1; i < n && !found; i++)
                found = ss[i].start == gold[k];
            if (!found)
                fprintf(stderr, "  missed: ...%.40s|%.40s\n",
                        text->data + (gold[k] > 40 ? gold[k] - 40 : 0), text->data + gold[k]);
        }
    dl_arena_reset(a);
}

TEST(sent_ud_ewt_f1)
{
    const char *shared = dl_test_shared();
    if (!shared)
        SKIP("../shared is absent");
    const splitters *s = open_splitters();
    if (!s)
        SKIP("no data");
    dl_buf path = DL_BUF_INIT;
    dl_buf_printf(&path, "%s/data/ud-ewt-dev/en_ewt-ud-dev.conllu", shared);
    size_t len;
    char *conllu = dl_test_read_file(path.data, &len);
    dl_buf_free(&path);
    if (!conllu)
        SKIP("no UD EWT dev set");
    bool show = getenv("DL_SHOW_BOUNDARIES") != NULL;
    boundary_count bc = {0};
    dl_buf text = DL_BUF_INIT;
    size_t gold_cap = 1024, n_gold = 0;
    size_t *gold = malloc(gold_cap * sizeof *gold);
    dl_arena *a = dl_arena_new(0);
    bool newpar = false;
    for (char *line = conllu, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (!strncmp(line, "# newdoc", 8)) {
            score_doc(&bc, s, &text, gold, n_gold, a, show);
            dl_buf_clear(&text);
            n_gold = 0;
        } else if (!strncmp(line, "# newpar", 8)) {
            newpar = true;
        } else if (!strncmp(line, "# text = ", 9)) {
            if (text.len) {
                dl_buf_puts(&text, newpar ? "\n\n" : " ");
                if (n_gold == gold_cap)
                    gold = realloc(gold, (gold_cap *= 2) * sizeof *gold);
                gold[n_gold++] = text.len;
            }
            dl_buf_puts(&text, line + 9);
            newpar = false;
        }
    }
    score_doc(&bc, s, &text, gold, n_gold, a, show);
    double p = bc.predicted ? (double)bc.matched / (double)bc.predicted : 0;
    double r = bc.gold ? (double)bc.matched / (double)bc.gold : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(stderr, "sentence boundaries on UD EWT dev: P %.4f R %.4f F1 %.4f (%zu gold, %zu found)\n",
            p, r, f1, bc.gold, bc.predicted);
    CHECK(f1 >= 0.93); /* 0.9386 when written; a drop means a rule broke */
    dl_arena_free(a);
    dl_buf_free(&text);
    free(gold);
    free(conllu);
}

/* ------------------------------------------------------ parse.c: records */

TEST(parse_tag_names)
{
    CHECK_STR(dl_tag_name(DL_TAG_NNP), "NNP");
    CHECK_STR(dl_tag_name(DL_TAG_PRPS), "PRP$");
    CHECK_STR(dl_tag_name(DL_TAG_LRB), "-LRB-");
    CHECK_STR(dl_tag_name(DL_TAG_LQUOTE), "``");
    CHECK_STR(dl_tag_name(DL_TAG_NONE), "");
    CHECK_STR(dl_tag_name((dl_tag)200), "");
    for (int t = 1; t < DL_TAG_COUNT; t++) {
        const char *name = dl_tag_name((dl_tag)t);
        CHECK_INT(dl_tag_from_name(name, strlen(name)), t);
    }
    CHECK_INT(dl_tag_from_name("(", 1), DL_TAG_LRB);
    CHECK_INT(dl_tag_from_name("NNPX", 4), DL_TAG_NONE);
    CHECK_INT(dl_tag_from_name("NNPS", 3), DL_TAG_NNP);
}

TEST(parse_sentence_json)
{
    dl_token toks[4] = {
        {10, 16, "Israel", "israel", DL_TAG_NNP, DL_TOK_CAPITAL | DL_TOK_SENT_START, 0, 0, -1, NULL},
        {16, 18, "'s", "'s", DL_TAG_POS, 0, 0, 0, -1, NULL},
        {19, 23, "army", "army", DL_TAG_NN, DL_TOK_SPACE_BEFORE, 0, 0, -1, NULL},
        {24, 32, "\"struck\"", "strike", DL_TAG_VBD, DL_TOK_SPACE_BEFORE, 0, 0, -1, NULL},
    };
    dl_chunk chunks[2] = {{0, 3, 2, DL_CHUNK_NP, 0}, {3, 4, 3, DL_CHUNK_VG, DL_VG_NEGATED}};
    dl_sentence s = {2, 10, 32, toks, 4, chunks, 2};
    dl_buf out = DL_BUF_INIT;
    CHECK_INT(dl_sentence_to_json(&out, &s, "a1"), DL_OK);
    CHECK_STR(out.data,
              "{\"article\":\"a1\",\"index\":2,\"start\":10,\"end\":32,"
              "\"text\":\"Israel's army \\\"struck\\\"\",\"tokens\":["
              "{\"text\":\"Israel\",\"start\":10,\"end\":16,\"lemma\":\"israel\",\"tag\":\"NNP\"},"
              "{\"text\":\"'s\",\"start\":16,\"end\":18,\"lemma\":\"'s\",\"tag\":\"POS\"},"
              "{\"text\":\"army\",\"start\":19,\"end\":23,\"lemma\":\"army\",\"tag\":\"NN\"},"
              "{\"text\":\"\\\"struck\\\"\",\"start\":24,\"end\":32,\"lemma\":\"strike\",\"tag\":\"VBD\"}],"
              "\"chunks\":[{\"kind\":\"NP\",\"first\":0,\"end\":3,\"head\":2,\"text\":\"Israel's army\"},"
              "{\"kind\":\"VG\",\"first\":3,\"end\":4,\"head\":3,\"text\":\"\\\"struck\\\"\","
              "\"passive\":false,\"negated\":true,\"modal\":false,\"future\":false,"
              "\"perfect\":false,\"progressive\":false}]}");
    /* No article id, no tokens */
    dl_buf_clear(&out);
    dl_sentence empty = {0};
    CHECK_INT(dl_sentence_to_json(&out, &empty, NULL), DL_OK);
    CHECK_STR(out.data, "{\"article\":null,\"index\":0,\"start\":0,\"end\":0,\"text\":\"\","
                        "\"tokens\":[],\"chunks\":[]}");
    dl_buf_free(&out);
}

/* The whole parser over the repository's data, or NULL when the system
 * lexicons (wordnet-base) or the models (data/models/) are missing. */
static dl_parser *open_parser(void)
{
    dl_buf dir = DL_BUF_INIT;
    dl_buf_printf(&dir, "%s/data", dl_test_root());
    dl_parser *p = NULL;
    dl_status st = dl_parser_open(&p, dir.data);
    dl_buf_free(&dir);
    return st ? NULL : p;
}

TEST(parse_whole)
{
    dl_parser *p = open_parser();
    if (!p)
        SKIP("the parser's lexicons are not installed");
    const char *text = "Israel's army said it struck Hamas. \"We will respond,\" he said.\n\nGaza";
    dl_arena *a = dl_arena_new(0);
    dl_sentence *ss;
    size_t n;
    CHECK_INT(dl_parse(&ss, &n, p, text, strlen(text), a), DL_OK);
    CHECK_INT(n, 3);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < ss[i].n_tokens; k++) {
            CHECK(ss[i].tokens[k].tag != DL_TAG_NONE);
            CHECK(ss[i].tokens[k].lemma != NULL);
        }
    if (n == 3) {
        CHECK_STR(ss[0].tokens[1].text, "'s");
        CHECK_STR(ss[0].tokens[2].lemma, "army");
        CHECK(ss[0].n_chunks > 0);
    }
    /* Empty text: no sentences */
    CHECK_INT(dl_parse(&ss, &n, p, "", 0, a), DL_OK);
    CHECK_INT(n, 0);
    dl_arena_free(a);
    dl_parser_close(p);
}

/* Curly possessives tag like straight ones, and "according to" is a
 * preposition, not a verb group. */
TEST(parse_curly_possessive_and_according_to)
{
    dl_parser *p = open_parser();
    if (!p)
        SKIP("the parser's lexicons are not installed");
    const char *text = "Israel\xE2\x80\x99s army said it\xE2\x80\x99s ready. According to officials, talks were held.";
    dl_arena *a = dl_arena_new(0);
    dl_sentence *ss;
    size_t n;
    CHECK_INT(dl_parse(&ss, &n, p, text, strlen(text), a), DL_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(ss[0].tokens[1].tag, DL_TAG_POS);
        CHECK_INT(ss[0].tokens[5].tag, DL_TAG_VBZ);
        for (uint32_t c = 0; c < ss[1].n_chunks; c++)
            if (ss[1].chunks[c].kind == DL_CHUNK_VG)
                CHECK(strcmp(ss[1].tokens[ss[1].chunks[c].head].text, "According") != 0);
    }
    dl_arena_free(a);
    dl_parser_close(p);
}
