/* test_gum_events.c: the GUM reader (eval/gum_events.c): documents rebuilt
 * from sentence comments with paragraph breaks, broken comment lines, the
 * gold keyed by sent_id, and the real GUM news documents against the
 * project's gold when ../shared is there. */
#include "test.h"
#include "base/arena.h"
#include "eval/gum_events.h"

#include <stdlib.h>

static const char tiny[] =
    "# newdoc id = GUM_news_a\n"
    "# meta::dateCreated = 2020-05-01\n"
    "# newpar\n"
    "# newpar_block = p (2 s)\n"
    "# sent_id = GUM_news_a-1\n"
    "# text = Rebels attacked the town.\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "\n"
    "# sent_id = GUM_news_a-2\n"
    "# text = Nobody was hurt.\r\n"
    "\n"
    "# newpar\n"
    "# sent_id = GUM_news_a-3\n"
    "# text = The army  replied.\n"
    "\n"
    "# newdoc id = GUM_bio_b\n"
    "# sent_id = GUM_bio_b-1\n"
    "# text=She was born in Oslo.\n";

TEST(gum_documents_rebuilt_from_sentences)
{
    dl_arena *a = dl_arena_new(0);
    dl_gum_corpus c = {0};
    uint64_t bad, first_bad;
    CHECK_INT(dl_gum_read(&c, tiny, strlen(tiny), a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 0);
    CHECK_INT(c.n_docs, 2);
    const dl_gum_doc *d = dl_gum_find_doc(&c, "GUM_news_a");
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->date, "2020-05-01");
        /* one space within a paragraph, a blank line between them; the
         * sentence text is kept byte for byte */
        CHECK_STR(d->text, "Rebels attacked the town. Nobody was hurt.\n\nThe army  replied.");
        CHECK_INT(d->len, strlen(d->text));
        CHECK_INT(d->n_sentences, 3);
        if (d->n_sentences == 3) {
            CHECK_STR(d->sentences[1].id, "GUM_news_a-2");
            CHECK_INT(d->sentences[1].start, 26);
            CHECK_INT(d->sentences[1].end, 42);
            CHECK_INT(d->sentences[2].start, 44);
        }
    }
    d = dl_gum_find_doc(&c, "GUM_bio_b");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->date == NULL);
        CHECK_STR(d->text, "She was born in Oslo.");
    }
    CHECK(dl_gum_find_doc(&c, "GUM_news") == NULL);
    /* a second file adds to the same corpus */
    const char *more = "# newdoc id = GUM_news_c\n# sent_id = GUM_news_c-1\n# text = Talks began.\n";
    CHECK_INT(dl_gum_read(&c, more, strlen(more), a, &bad, &first_bad), DL_OK);
    CHECK_INT(c.n_docs, 3);
    CHECK(dl_gum_find_doc(&c, "GUM_news_a") != NULL);
    dl_arena_free(a);
}

TEST(gum_broken_comment_lines_are_counted)
{
    const char *text = "# text = Before any document.\n"
                       "\n"
                       "# newdoc id = GUM_news_a\n"
                       "# text = No sent_id here.\n"
                       "\n"
                       "# sent_id = GUM_news_a-2\n"
                       "\n"
                       "# text = The id belonged to the block before.\n"
                       "# newdoc\n"
                       "# sent_id = x-1\n"
                       "# text = An anonymous document.\n"
                       "# newdoc id = GUM_news_b\n"
                       "# sent_id = GUM_news_b-1\n"
                       "# text = Kept.";
    dl_arena *a = dl_arena_new(0);
    dl_gum_corpus c = {0};
    uint64_t bad, first_bad;
    CHECK_INT(dl_gum_read(&c, text, strlen(text), a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 4);
    CHECK_INT(first_bad, 1);
    CHECK_INT(c.n_docs, 2);
    const dl_gum_doc *d = dl_gum_find_doc(&c, "GUM_news_a");
    CHECK(d && d->n_sentences == 0 && d->len == 0 && d->text && !d->text[0]);
    d = dl_gum_find_doc(&c, "GUM_news_b");
    CHECK(d && d->n_sentences == 1);
    if (d)
        CHECK_STR(d->text, "Kept.");
    /* empty input: no documents, nothing bad */
    dl_gum_corpus e = {0};
    CHECK_INT(dl_gum_read(&e, "", 0, a, &bad, &first_bad), DL_OK);
    CHECK_INT(e.n_docs, 0);
    CHECK_INT(bad, 0);
    dl_arena_free(a);
}

TEST(gum_gold_keyed_by_sent_id)
{
    dl_arena *a = dl_arena_new(0);
    dl_gum_corpus c = {0};
    uint64_t bad, first_bad;
    CHECK_INT(dl_gum_read(&c, tiny, strlen(tiny), a, &bad, &first_bad), DL_OK);
    const char *gold =
        "{\"doc\": \"GUM_news_a\", \"date\": \"2020-05-01\", \"events\": ["
        "{\"sent_id\": \"GUM_news_a-1\", \"cameo\": \"190\", \"plover\": \"ASSAULT\","
        " \"source\": {\"text\": \"Rebels\", \"code\": \"REB\"}, \"target\": null, \"factuality\": \"asserted\"},"
        "{\"sent_id\": \"GUM_news_a-3\", \"sentence\": \"Rebels attacked the town.\", \"cameo\": \"111\","
        " \"factuality\": \"future\"}], \"skipped\": [{\"sent_id\": \"GUM_news_a-2\", \"why\": \"no actor\"}]}\n"
        "\n"
        "{\"doc\": \"GUM_news_a\", \"events\": [{\"sent_id\": \"GUM_news_a-9\", \"cameo\": \"111\"},"
        " {\"sent_id\": \"GUM_news_a-2\", \"cameo\": \"020\"}]}\n"
        "{\"article\": \"GUM_news_a\", \"events\": []}\n"
        "[1, 2]\n"
        "{\"doc\": \"GUM_news_zz\", \"events\": [{\"sent_id\": \"GUM_news_zz-1\", \"cameo\": \"111\"}]}\n"
        "{\"doc\": \"GUM_news_a\", \"events\": [{\"sent_id\": \"GUM_news_a-1\", \"cameo\": \"1x\"}]}\n"
        "{\"doc\": \"GUM_news_a\", \"events\": [{\"sent_";
    dl_event_gold g;
    CHECK_INT(dl_gum_gold_parse(&g, gold, strlen(gold), &c, a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 6);
    CHECK_INT(first_bad, 3);
    /* lines 1, 3 (its good event), 6 (no events) and 7 (its event dropped) */
    CHECK_INT(g.n_articles, 4);
    const dl_gold_article *ga = dl_event_gold_find(&g, "GUM_news_a");
    CHECK(ga != NULL);
    if (ga && ga->n_events == 2) {
        CHECK_STR(ga->events[0].sentence, "Rebels attacked the town.");
        CHECK_STR(ga->events[0].cameo, "190");
        CHECK_STR(ga->events[0].source.code, "REB");
        CHECK(ga->events[0].target.text == NULL);
        /* the sentence comes from the corpus, never from the gold */
        CHECK_STR(ga->events[1].sentence, "The army  replied.");
        CHECK_STR(ga->events[1].factuality, "future");
    } else {
        CHECK(0);
    }
    if (g.n_articles == 4) {
        CHECK_INT(g.articles[1].n_events, 1);
        CHECK_STR(g.articles[1].events[0].sentence, "Nobody was hurt.");
        CHECK_STR(g.articles[2].article, "GUM_news_zz");
        CHECK_INT(g.articles[2].n_events, 0);
    }
    dl_arena_free(a);
}

static char *read_shared(const char *name, size_t *len)
{
    const char *shared = dl_test_shared();
    if (!shared)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/data/gum/%s", shared, name);
    return dl_test_read_file(path, len);
}

TEST(gum_news_gold_placed_in_the_real_documents)
{
    size_t n1 = 0, n2 = 0, ng = 0;
    char *train = read_shared("en_gum-train.conllu", &n1);
    char *dev = read_shared("en_gum-dev.conllu", &n2);
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/gum-news-events.jsonl", dl_test_root());
    char *gold = dl_test_read_file(path, &ng);
    if (!train || !dev || !gold) {
        free(train);
        free(dev);
        free(gold);
        SKIP(gold ? "../shared/data/gum is absent" : "tests/data/gum-news-events.jsonl is absent");
    }
    dl_arena *a = dl_arena_new(0);
    dl_gum_corpus c = {0};
    uint64_t bad, first_bad;
    CHECK_INT(dl_gum_read(&c, train, n1, a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 0);
    CHECK_INT(dl_gum_read(&c, dev, n2, a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 0);
    dl_event_gold g;
    CHECK_INT(dl_gum_gold_parse(&g, gold, ng, &c, a, &bad, &first_bad), DL_OK);
    CHECK_INT(bad, 0);
    /* every GUM news document is coded, each with its date */
    size_t news = 0, events = 0;
    for (size_t i = 0; i < c.n_docs; i++) {
        const dl_gum_doc *d = &c.docs[i];
        if (strncmp(d->id, "GUM_news_", 9))
            continue;
        news++;
        CHECK(d->date != NULL);
        const dl_gold_article *ga = dl_event_gold_find(&g, d->id);
        if (!ga) {
            dl_test_fail(__FILE__, __LINE__, "%s is not in the gold", d->id);
            continue;
        }
        for (size_t k = 0; k < ga->n_events; k++)
            CHECK(strstr(d->text, ga->events[k].sentence) != NULL);
        events += ga->n_events;
    }
    CHECK_INT(news, 21);
    CHECK_INT(g.n_articles, 21);
    CHECK(events >= 60);
    dl_arena_free(a);
    free(train);
    free(dev);
    free(gold);
}
