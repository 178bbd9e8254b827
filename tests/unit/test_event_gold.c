/* test_event_gold.c: the event gold reader (src/eval/event_gold.c) on
 * good, partial and broken lines, and the dev-set floors of
 * `dateline eval events` when ../shared is there. */
#include "test.h"
#include "base/arena.h"
#include "eval/eval_events.h"
#include "eval/event_gold.h"

#include <stdio.h>

TEST(event_gold_reads_events)
{
    static const char text[] =
        "{\"article\": \"a1\", \"events\": [{\"sentence\": \"X hit Y.\", \"cameo\": \"190\", \"plover\": \"ASSAULT\","
        " \"source\": {\"text\": \"X\", \"code\": \"ISRMIL\"}, \"target\": null, \"factuality\": \"negated\","
        " \"date\": \"2004-11\", \"location\": {\"text\": \"Gaza\", \"country\": \"PSE\"}}]}\n"
        "\n"
        "{\"article\": \"a2\", \"events\": [{\"sentence\": \"Z.\", \"cameo\": \"0256\"}, {\"sentence\": \"W.\"}]}\n"
        "not json\n"
        "{\"article\": \"a3\", \"events\": [{\"sentence\": \"V.\", \"cameo\": \"1x0\"}]}";
    dl_arena *arena = dl_arena_new(0);
    dl_event_gold g;
    uint64_t bad = 0, first_bad = 0;
    CHECK_INT(dl_event_gold_parse(&g, text, sizeof text - 1, arena, &bad, &first_bad), DL_OK);
    CHECK_INT(g.n_articles, 3);
    CHECK_INT(bad, 3); /* a2 lost an event, "not json", a3 lost its event */
    CHECK_INT(first_bad, 3);
    const dl_gold_article *a1 = dl_event_gold_find(&g, "a1");
    CHECK(a1 && a1->n_events == 1);
    if (a1 && a1->n_events) {
        const dl_gold_event *e = &a1->events[0];
        CHECK_STR(e->cameo, "190");
        CHECK_STR(e->source.code, "ISRMIL");
        CHECK(e->target.code == NULL);
        CHECK_STR(e->factuality, "negated");
        CHECK_STR(e->date, "2004-11");
        CHECK_STR(e->location_country, "PSE");
    }
    const dl_gold_article *a2 = dl_event_gold_find(&g, "a2");
    CHECK(a2 && a2->n_events == 1);
    if (a2 && a2->n_events)
        CHECK_STR(a2->events[0].factuality, "asserted"); /* absent: asserted */
    CHECK(dl_event_gold_find(&g, "a3") && dl_event_gold_find(&g, "a3")->n_events == 0);
    CHECK(dl_event_gold_find(&g, "nope") == NULL);
    dl_arena_free(arena);
}

TEST(event_gold_factuality_names)
{
    CHECK_INT(dl_factuality_index("asserted"), 0);
    CHECK_INT(dl_factuality_index("disputed"), 5);
    CHECK_INT(dl_factuality_index("maybe"), -1);
    CHECK_INT(dl_factuality_index(NULL), -1);
}

/* The figures on the Wikinews development set, rounded down: floors that
 * must hold (see tests/e2e/test_eval_events.sh for the command line). */
TEST(event_eval_dev_floors)
{
    const char *shared = dl_test_shared();
    if (!shared)
        SKIP("../shared is absent");
    char dir[4096], data[4096];
    snprintf(dir, sizeof dir, "%s/data/wikinews-events-dev", shared);
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    FILE *f = fopen(dir, "r");
    if (!f)
        SKIP("wikinews-events-dev is absent");
    fclose(f);
    dl_event_eval ev = {0};
    CHECK_INT(dl_event_eval_dir(&ev, dir, data, NULL, NULL, NULL, NULL), DL_OK);
    CHECK_INT(ev.articles, 25);
    CHECK_INT(ev.gold, 184);
    CHECK_INT(ev.gold_asserted, 135);
    CHECK_INT(ev.gold_unplaced, 0);
    CHECK(ev.pred > 0 && ev.hit_p[DL_EV_TARGET] * 100 >= 25 * ev.pred);       /* t+s+t precision >= 25% */
    CHECK(ev.hit_r[DL_EV_TARGET] * 100 >= 14 * ev.gold_asserted);             /* recall >= 14% */
    uint64_t right = 0;
    for (int i = 0; i < DL_FACT_COUNT; i++)
        right += ev.confusion[i][i];
    CHECK(ev.matched && right * 100 >= 93 * ev.matched); /* factuality >= 93% (94.9% with the trained tagger) */
}
