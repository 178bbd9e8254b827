/* test_depparse.c: the perceptron machinery, the model file container and
 * its errors, the dependency parser's trees, the tree helpers of
 * dateline.h, CoNLL-U output, and floors on UD EWT dev (tags, UAS, LAS). */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "eval/eval_parse.h"
#include "text/conllu.h"
#include "text/depparse.h"
#include "text/perceptron.h"
#include "text/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static dl_tagger *tg;
static dl_depparser *dp;

static bool ready(void)
{
    if (!tg || !dp) {
        char dir[1024], why[600];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (!tg && dl_tagger_open(&tg, dir) != DL_OK)
            tg = NULL;
        if (!dp && dl_depparser_open(&dp, dir, why, sizeof why) != DL_OK)
            dp = NULL;
    }
    return tg && dp;
}

__attribute__((destructor)) static void done(void)
{
    dl_tagger_close(tg);
    dl_depparser_close(dp);
}

#define NEED_MODELS()                                                                  \
    do {                                                                               \
        if (!ready())                                                                  \
            SKIP("data/models/ is incomplete");                                        \
    } while (0)

TEST(perceptron_learns_and_round_trips)
{
    /* Two classes told apart by one feature each, and a shared bias. */
    dl_ptrain *pt;
    CHECK_INT(dl_ptrain_new(&pt, 2), DL_OK);
    uint64_t a[2] = {dl_feat2(1, 0), dl_feat2(2, 10)}, b[2] = {dl_feat2(1, 0), dl_feat2(2, 20)};
    for (int i = 0; i < 10; i++) {
        float s[2] = {0, 0};
        dl_ptrain_score(pt, a, 2, s);
        CHECK_INT(dl_ptrain_update(pt, a, 2, 0, s[1] > s[0] ? 1 : 0), DL_OK);
        s[0] = s[1] = 0;
        dl_ptrain_score(pt, b, 2, s);
        CHECK_INT(dl_ptrain_update(pt, b, 2, 1, s[1] > s[0] ? 1 : 0), DL_OK);
    }
    dl_pwriter pw = {DL_BUF_INIT, DL_OK};
    dl_pw_str(&pw, "label");
    dl_pw_weights(&pw, pt, 0);
    CHECK_INT(pw.status, DL_OK);
    dl_preader r = {(const unsigned char *)pw.buf.data, (const unsigned char *)pw.buf.data + pw.buf.len, false};
    char *label = dl_pr_str(&r, 16);
    CHECK_STR(label, "label");
    free(label);
    dl_pweights w;
    CHECK_INT(dl_pr_weights(&r, &w, 2), DL_OK);
    int32_t sa[2 + DL_SCORES_PAD] = {0}, sb[2 + DL_SCORES_PAD] = {0};
    dl_pweights_score(&w, a, 2, sa);
    dl_pweights_score(&w, b, 2, sb);
    CHECK(sa[0] > sa[1]);
    CHECK(sb[1] > sb[0]);
    /* A truncated weight table is refused, not read past its end. */
    dl_preader cut = {(const unsigned char *)pw.buf.data, (const unsigned char *)pw.buf.data + pw.buf.len - 1, false};
    free(dl_pr_str(&cut, 16));
    dl_pweights w2;
    CHECK_INT(dl_pr_weights(&cut, &w2, 2), DL_ERR_PARSE);
    dl_pweights_free(&w);
    dl_buf_free(&pw.buf);
    dl_ptrain_free(pt);
}

TEST(model_file_errors_are_clear)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dl-test-model-%d", (int)getpid());
    dl_buf payload = DL_BUF_INIT;
    dl_buf_puts(&payload, "some payload bytes");
    CHECK_INT(dl_model_save(path, DL_MODEL_TAGGER, &payload), DL_OK);
    size_t len = 0;
    char *bytes = dl_test_read_file(path, &len);
    CHECK(bytes && len > 36);
    unsigned char *out = NULL;
    size_t out_len = 0;
    char why[300];
    if (bytes && len > 36) {
        const unsigned char *u = (const unsigned char *)bytes;
        CHECK_INT(dl_model_decode(u, len, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_OK);
        CHECK(out_len == payload.len && out && !memcmp(out, payload.data, out_len));
        free(out);
        /* truncated */
        CHECK_INT(dl_model_decode(u, len - 3, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_ERR_PARSE);
        CHECK(strstr(why, "truncated") != NULL);
        CHECK_INT(dl_model_decode(u, 20, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_ERR_PARSE);
        CHECK(strstr(why, "truncated") != NULL);
        /* the wrong kind */
        CHECK_INT(dl_model_decode(u, len, DL_MODEL_PARSER, &out, &out_len, why, sizeof why), DL_ERR_PARSE);
        CHECK(strstr(why, "tagger model where a parser") != NULL);
        /* another version */
        bytes[8] = 99;
        CHECK_INT(dl_model_decode(u, len, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_ERR_VERSION);
        CHECK(strstr(why, "version 99") != NULL);
        bytes[8] = 1;
        /* a flipped byte in the compressed data */
        bytes[len - 1] ^= 0x55;
        CHECK_INT(dl_model_decode(u, len, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_ERR_PARSE);
        /* not a model at all */
        CHECK_INT(dl_model_decode((const unsigned char *)"hello", 5, DL_MODEL_TAGGER, &out, &out_len, why, sizeof why), DL_ERR_PARSE);
        CHECK(strstr(why, "not a dateline model") != NULL);
    }
    /* A tagger file that is a parser file is refused with its name. */
    dl_depparser *p = NULL;
    CHECK_INT(dl_depparser_load(&p, path, why, sizeof why), DL_ERR_PARSE);
    CHECK(p == NULL && strstr(why, path) != NULL);
    CHECK_INT(dl_depparser_load(&p, "/nonexistent/parser.dlm", why, sizeof why), DL_ERR_IO);
    free(bytes);
    dl_buf_free(&payload);
    unlink(path);
}

/* Tags and parses a sentence given as space-separated tokens. */
static dl_sentence parse_words(char *buf, dl_token *t, size_t cap, dl_arena *a)
{
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w && n < cap; w = strtok_r(NULL, " ", &save)) {
        memset(&t[n], 0, sizeof t[n]);
        t[n].text = w;
        t[n].start = (uint32_t)(w - buf);
        t[n].end = t[n].start + (uint32_t)strlen(w);
        t[n].flags = n == 0 ? DL_TOK_SENT_START : DL_TOK_SPACE_BEFORE;
        n++;
    }
    dl_tagger_tag(tg, t, n);
    CHECK_INT(dl_depparse(dp, t, n, a), DL_OK);
    dl_sentence s = {.tokens = t, .n_tokens = (uint32_t)n};
    return s;
}

TEST(depparse_builds_one_tree)
{
    NEED_MODELS();
    char buf[] = "Israeli troops killed three protesters near the border on Friday , the army said .";
    dl_token t[32];
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = parse_words(buf, t, 32, a);
    int roots = 0;
    for (uint32_t i = 0; i < s.n_tokens; i++) {
        CHECK(t[i].deprel != NULL);
        CHECK(t[i].head >= -1 && t[i].head < (int32_t)s.n_tokens && t[i].head != (int32_t)i);
        roots += t[i].head == -1;
        /* no cycles: every token reaches the root within n steps */
        int32_t h = (int32_t)i;
        uint32_t steps = 0;
        while (h >= 0 && steps <= s.n_tokens) {
            h = t[h].head;
            steps++;
        }
        CHECK(h == -1);
    }
    CHECK_INT(roots, 1);
    /* the helpers: the root is "said", its subject "army" */
    int32_t root = dl_sentence_root(&s);
    CHECK_INT(root, 13);
    CHECK_STR(t[root].deprel, "root");
    CHECK_INT(dl_token_child_by(&s, (uint32_t)root, DL_DEP_NSUBJ), 12);
    CHECK_INT(t[1].dep, DL_DEP_NSUBJ); /* troops <- killed */
    CHECK_INT(t[1].head, 2);
    int children = 0;
    for (int32_t c = dl_token_child(&s, 2, -1); c >= 0; c = dl_token_child(&s, 2, c))
        children++;
    CHECK(children >= 3); /* troops, protesters, Friday */
    dl_arena_free(a);
}

TEST(depparse_passive_and_conllu)
{
    NEED_MODELS();
    char buf[] = "The talks were postponed by the mediators .";
    dl_token t[16];
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = parse_words(buf, t, 16, a);
    CHECK_STR(t[1].deprel, "nsubj:pass");
    CHECK_INT(t[1].dep, DL_DEP_NSUBJ);
    CHECK_STR(t[2].deprel, "aux:pass");
    CHECK_INT(dl_sentence_root(&s), 3);
    dl_buf out = DL_BUF_INIT;
    CHECK_INT(dl_sentence_to_conllu(&out, &s, "x-1"), DL_OK);
    CHECK(out.data && strstr(out.data, "# sent_id = x-1\n# text = The talks were postponed by the mediators .\n"));
    CHECK(out.data && strstr(out.data, "\n2\ttalks\t_\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"));
    CHECK(out.len >= 2 && out.data[out.len - 1] == '\n' && out.data[out.len - 2] == '\n');
    /* It reads back as CoNLL-U. */
    dl_conllu c;
    uint64_t bad = 0;
    CHECK_INT(dl_conllu_parse(&c, out.data, out.len, a, &bad), DL_OK);
    CHECK_INT(c.n_sentences, 1);
    if (c.n_sentences == 1)
        CHECK_INT(c.sentences[0].words[1].head, 3);
    dl_buf_free(&out);
    dl_depparse(dp, t, 0, a); /* nothing to parse is fine */
    dl_arena_free(a);
}

TEST(names_of_upos_and_relations)
{
    CHECK_STR(dl_upos_name(DL_UPOS_PROPN), "PROPN");
    CHECK_INT(dl_upos_from_name("VERB", 4), DL_UPOS_VERB);
    CHECK_INT(dl_upos_from_name("VERBS", 5), DL_UPOS_NONE);
    CHECK_INT(dl_dep_from_name("nsubj:pass", 10), DL_DEP_NSUBJ);
    CHECK_INT(dl_dep_from_name("obl", 3), DL_DEP_OBL);
    CHECK_INT(dl_dep_from_name("foo", 3), DL_DEP_NONE);
    CHECK_STR(dl_dep_name(DL_DEP_XCOMP), "xcomp");
    dl_sentence empty = {0};
    CHECK_INT(dl_sentence_root(&empty), -1);
    CHECK_INT(dl_token_child(&empty, 0, -1), -1);
}

/* The floors on EWT dev (never trained on): tags, UAS and LAS on the gold
 * tokens. */
TEST(depparse_floor_on_ud_ewt_dev)
{
    NEED_MODELS();
    const char *shared = dl_test_shared();
    if (!shared)
        SKIP("../shared is absent");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/ud-ewt-dev/en_ewt-ud-dev.conllu", shared);
    size_t len;
    char *text = dl_test_read_file(path, &len);
    if (!text)
        SKIP("ud-ewt-dev is absent");
    char dir[1024], why[600];
    snprintf(dir, sizeof dir, "%s/data", dl_test_root());
    dl_eval_parse *ev = NULL;
    CHECK_INT(dl_eval_parse_open(&ev, dir, why, sizeof why), DL_OK);
    dl_arena *a = dl_arena_new(1 << 20);
    dl_conllu c;
    uint64_t bad;
    CHECK_INT(dl_conllu_parse(&c, text, len, a, &bad), DL_OK);
    dl_parse_score sc = {0}, sub = {0};
    if (ev)
        CHECK_INT(dl_eval_parse_conllu(ev, &c, &sc, &sub, NULL, NULL, NULL), DL_OK);
    double tags = dl_ratio(sc.tag_correct, sc.tokens), uas = dl_ratio(sc.heads_correct, sc.tokens);
    double las = dl_ratio(sc.labels_correct, sc.tokens);
    if (tags < 0.935 || uas < 0.82 || las < 0.78)
        dl_test_fail(__FILE__, __LINE__, "tags %.4f, UAS %.4f, LAS %.4f below the floor", tags, uas, las);
    CHECK(sc.tokens > 25000);
    dl_eval_parse_close(ev);
    dl_arena_free(a);
    free(text);
}
