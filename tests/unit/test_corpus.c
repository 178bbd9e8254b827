/* test_corpus.c: fingerprints, duplicates, stories and event counts
 * (src/corpus/), and the cluster scores and gold reader of
 * src/eval/eval_stories.c. */
#include "test.h"
#include "corpus/corpus.h"
#include "corpus/fingerprint.h"
#include "eval/eval_stories.h"

#include <stdlib.h>

static const char body_a[] =
    "Heavy rain flooded the lower town of Ribeira overnight, forcing 300 families from their homes, "
    "the regional fire service said on Sunday.\n\nRescuers in boats reached residents trapped on the "
    "upper floors of two apartment blocks near the river harbour. The mayor asked people to stay away "
    "from the embankment until the water level fell.\n\nMeteorologists expect more storms along the "
    "coast until Tuesday, with gusts strong enough to close the port to fishing boats.";

TEST(fingerprint_same_words_same_exact_hash)
{
    dl_fingerprint a, b, c;
    dl_fingerprint_compute(&a, body_a, strlen(body_a));
    const char *spaced = "HEAVY rain   flooded the lower town of Ribeira overnight; forcing 300 families from their "
                         "homes the regional fire service said on Sunday Rescuers in boats reached residents "
                         "trapped on the upper floors of two apartment blocks near the river harbour The mayor "
                         "asked people to stay away from the embankment until the water level fell "
                         "Meteorologists expect more storms along the coast until Tuesday with gusts strong "
                         "enough to close the port to fishing boats";
    dl_fingerprint_compute(&b, spaced, strlen(spaced));
    CHECK(a.exact == b.exact);
    CHECK(a.simhash == b.simhash);
    CHECK(dl_fingerprint_jaccard(&a, &b) == 1.0);
    const char *other = "The central bank left its main interest rate unchanged at four percent on Thursday and "
                        "said inflation was likely to fall back to target next year as energy prices eased.";
    dl_fingerprint_compute(&c, other, strlen(other));
    CHECK(a.exact != c.exact);
    CHECK(dl_fingerprint_jaccard(&a, &c) < 0.1);
    CHECK(dl_simhash_distance(a.simhash, c.simhash) > 10);
    CHECK(dl_fingerprint_band(&a, 0) >= 0);
    dl_fingerprint e;
    dl_fingerprint_compute(&e, "", 0);
    CHECK_INT(e.n, 0);
    CHECK(dl_fingerprint_jaccard(&a, &e) == 0);
}

TEST(fingerprint_near_copy_is_similar)
{
    char edited[2048];
    /* The last paragraph replaced: most shingles stay. */
    const char *cut = strstr(body_a, "\n\nMeteorologists");
    snprintf(edited, sizeof edited, "%.*s\n\nThis story has been updated.", (int)(cut - body_a), body_a);
    dl_fingerprint a, b;
    dl_fingerprint_compute(&a, body_a, strlen(body_a));
    dl_fingerprint_compute(&b, edited, strlen(edited));
    CHECK(a.exact != b.exact);
    CHECK(dl_fingerprint_jaccard(&a, &b) > 0.4);
    CHECK(dl_simhash_distance(a.simhash, b.simhash) < 20);
    /* A teaser: the first paragraph stands inside the article. */
    const char *p2 = strstr(body_a, "\n\n");
    dl_fingerprint t;
    dl_fingerprint_compute(&t, body_a, (size_t)(p2 - body_a));
    CHECK(dl_fingerprint_containment(&t, &a) > 0.5);
    uint64_t *x, *y;
    size_t nx, ny;
    dl_shingles(body_a, (size_t)(p2 - body_a), &x, &nx);
    dl_shingles(body_a, strlen(body_a), &y, &ny);
    CHECK_INT(dl_shingles_common(x, nx, y, ny), nx);
    free(x);
    free(y);
}

TEST(corpus_outlet_from_url_host)
{
    char o[64];
    dl_corpus_outlet("https://www.Example.com/news/1?x=2", o, sizeof o);
    CHECK_STR(o, "example.com");
    dl_corpus_outlet("http://user@wire.example:8080/a", o, sizeof o);
    CHECK_STR(o, "wire.example");
    dl_corpus_outlet("Example News Wire", o, sizeof o);
    CHECK_STR(o, "Example News Wire");
    dl_corpus_outlet(NULL, o, sizeof o);
    CHECK_STR(o, "");
}

TEST(cluster_compare_scores)
{
    int64_t gold[] = {1, 1, 2, 2, 3};
    dl_cluster_score s;
    dl_cluster_compare(&s, gold, gold, 5);
    CHECK(s.pair_f == 1 && s.b3_f == 1);
    CHECK_INT(s.gold_clusters, 3);
    int64_t all_apart[] = {1, 2, 3, 4, 5};
    dl_cluster_compare(&s, gold, all_apart, 5);
    CHECK(s.pair_p == 1 && s.pair_r == 0);
    CHECK(s.b3_p == 1 && s.b3_r < 1);
    int64_t one[] = {7, 7, 7, 7, 7};
    dl_cluster_compare(&s, gold, one, 5);
    CHECK(s.pair_r == 1);
    CHECK_INT(s.found_pairs, 10);
    CHECK_INT(s.right_pairs, 2);
    CHECK(s.b3_p > 0.3 && s.b3_p < 0.4); /* (2/5*4 + 1/5) / 5 = 0.36 */
}

static int gold_errors;
static void count_diag(void *user, const dl_diag *d)
{
    (void)user;
    if (d->severity == DL_ERROR && d->line > 0)
        gold_errors++;
}

TEST(stories_gold_reader_skips_bad_lines)
{
    const char data[] = "{\"id\":\"a\",\"story\":\"s1\",\"text\":\"x\"}\n"
                        "not json\n"
                        "\n"
                        "{\"id\":\"b\",\"text\":\"no story\"}\n"
                        "{\"id\":7,\"story\":\"s1\",\"duplicate_of\":\"a\"}\n"
                        "{\"id\":\"c\",\"story\":\"s2\"";
    dl_stories_gold g;
    gold_errors = 0;
    CHECK_INT(dl_stories_gold_read(&g, data, sizeof data - 1, "gold.jsonl", count_diag, NULL), DL_OK);
    CHECK_INT(g.n, 2);
    CHECK_INT(gold_errors, 3);
    if (g.n == 2) {
        CHECK_STR(g.items[1].id, "7");
        CHECK_STR(g.items[1].duplicate_of, "a");
        CHECK(g.items[0].duplicate_of == NULL);
    }
    dl_stories_gold_free(&g);
}

/* ---------------------------------------------------- through the store */

typedef struct art {
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_event e;
} art;

static void make(art *x, const char *id, const char *source, const char *date, const char *title,
                 const char *body, const char *factuality)
{
    memset(x, 0, sizeof *x);
    x->a = (dl_article){.id = id, .source = source, .title = title, .date = date, .body = body,
                        .body_len = strlen(body)};
    x->m = (dl_mention){.start = 0, .end = 4, .text = "Rescuers", .code = "ESPGOV", .country = "ESP",
                        .antecedent = -1};
    x->e = (dl_event){.sentence = 0, .sentence_text = body, .date = date,
                      .source = {"the mayor", "ESPGOV", NULL, "ESP", 0},
                      .target = {"residents", "ESPCVL", NULL, "ESP", -1},
                      .cameo = "073", .cameo_root = "07", .quad_class = 2, .goldstein = 7,
                      .location_text = "Ribeira", .location_country = "ESP", .factuality = factuality};
    x->an.article = &x->a;
    x->an.mentions = &x->m;
    x->an.n_mentions = 1;
    x->an.events = &x->e;
    x->an.n_events = 1;
}

typedef struct got {
    int n;
    char kind[8][16];
    char story[8][16];
    char mentions[16], articles[16], sources[16];
} got;

static const char *value(size_t n, const char *const *names, const char *const *values, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return values[i] ? values[i] : "";
    return "";
}

static dl_status on_article(void *user, size_t n, const char *const *names, const char *const *values)
{
    got *g = user;
    if (g->n < 8)
        snprintf(g->kind[g->n], sizeof g->kind[0], "%s", value(n, names, values, "duplicate"));
    g->n++;
    return DL_OK;
}

static dl_status on_story(void *user, size_t n, const char *const *names, const char *const *values)
{
    got *g = user;
    if (g->n < 8)
        snprintf(g->story[g->n], sizeof g->story[0], "%s", value(n, names, values, "articles"));
    g->n++;
    return DL_OK;
}

static dl_status on_event(void *user, size_t n, const char *const *names, const char *const *values)
{
    got *g = user;
    g->n++;
    snprintf(g->mentions, sizeof g->mentions, "%s", value(n, names, values, "num_mentions"));
    snprintf(g->articles, sizeof g->articles, "%s", value(n, names, values, "num_articles"));
    snprintf(g->sources, sizeof g->sources, "%s", value(n, names, values, "num_sources"));
    return DL_OK;
}

TEST(corpus_links_copies_stories_and_counts_events)
{
    dl_store *s = NULL;
    CHECK_INT(dl_store_open(&s, ":memory:", NULL, NULL), DL_OK);
    if (!s)
        return;
    char edited[2048], teaser[1024];
    const char *cut = strstr(body_a, "\n\nMeteorologists");
    snprintf(edited, sizeof edited, "%.*s\n\nThis story has been updated with reporting from the coast.",
             (int)(cut - body_a), body_a);
    const char *p2 = strstr(body_a, "\n\n");
    snprintf(teaser, sizeof teaser, "%.*s Read more.", (int)(p2 - body_a), body_a);
    const char *other = "The central bank of Atlantis left its main interest rate unchanged at four percent on "
                        "Thursday and said inflation was likely to fall back to its target next year as "
                        "energy prices eased and wages grew more slowly than expected.";
    art x[6];
    make(&x[0], "orig", "https://www.coastnews.example/a", "2025-03-02", "Floods hit Ribeira", body_a, "asserted");
    make(&x[1], "copy", "https://mirror.example/b", "2025-03-02", "Ribeira floods", body_a, "asserted");
    make(&x[2], "edit", "https://regional.example/c", "2025-03-03", "Floods hit Ribeira", edited, "asserted");
    make(&x[3], "teaser", "https://briefs.example/d", "2025-03-02", "Ribeira", teaser, "hypothetical");
    make(&x[4], "bank", "https://money.example/e", "2025-03-02", "Rates on hold", other, "asserted");
    x[4].e.cameo_root = "01", x[4].e.cameo = "010";
    bool added;
    CHECK_INT(dl_store_begin(s), DL_OK);
    for (int i = 0; i < 5; i++) {
        CHECK_INT(dl_store_add(s, &x[i].an, &added), DL_OK);
        CHECK(added);
    }
    /* The same input again adds nothing, even the exact copy. */
    for (int i = 0; i < 5; i++) {
        CHECK_INT(dl_store_add(s, &x[i].an, &added), DL_OK);
        CHECK(!added);
    }
    CHECK_INT(dl_store_commit(s), DL_OK);
    got stories = {0};
    CHECK_INT(dl_store_stories(s, NULL, on_story, &stories), DL_OK);
    CHECK_INT(stories.n, 2);
    CHECK_STR(stories.story[0], "4");
    CHECK_STR(stories.story[1], "1");
    got arts = {0};
    CHECK_INT(dl_store_story_articles(s, 1, on_article, &arts), DL_OK);
    CHECK_INT(arts.n, 4);
    CHECK_STR(arts.kind[0], "");
    CHECK_STR(arts.kind[1], "exact");
    CHECK_STR(arts.kind[2], "near");
    CHECK_STR(arts.kind[3], "contained");
    /* Three asserted mentions of one event from three outlets; the
     * teaser's hypothetical one stands apart; the bank's is another. */
    got ev = {0};
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, &(dl_query){.dedup = true, .story = 1}, on_event, &ev), DL_OK);
    CHECK_INT(ev.n, 2);
    ev = (got){0};
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, &(dl_query){.dedup = true, .cameo = "07", .limit = 1}, on_event,
                             &ev), DL_OK);
    CHECK_STR(ev.mentions, "3");
    CHECK_STR(ev.articles, "3");
    CHECK_STR(ev.sources, "3");
    ev = (got){0};
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, &(dl_query){0}, on_event, &ev), DL_OK);
    CHECK_INT(ev.n, 5);
    /* A later article joins the story it belongs to. */
    make(&x[5], "later", "https://late.example/f", "2025-03-04", "Ribeira cleans up after floods",
         "Residents of the lower town of Ribeira began clearing mud from their homes on Tuesday after the "
         "floods that forced 300 families out; the fire service pumped water from apartment blocks near "
         "the river harbour and the mayor reopened the embankment.", "asserted");
    CHECK_INT(dl_store_add(s, &x[5].an, &added), DL_OK);
    stories = (got){0};
    CHECK_INT(dl_store_stories(s, &(dl_query){.story = 1}, on_story, &stories), DL_OK);
    CHECK_STR(stories.story[0], "5");
    dl_store_close(s);
}

TEST(corpus_off_stores_no_story)
{
    dl_store *s = NULL;
    CHECK_INT(dl_store_open(&s, ":memory:", NULL, NULL), DL_OK);
    if (!s)
        return;
    dl_store_set_stories(s, false);
    art x;
    make(&x, "orig", "a.txt", "2025-03-02", "Floods", body_a, "asserted");
    bool added;
    CHECK_INT(dl_store_add(s, &x.an, &added), DL_OK);
    got stories = {0};
    CHECK_INT(dl_store_stories(s, NULL, on_story, &stories), DL_OK);
    CHECK_INT(stories.n, 0);
    /* An event outside any group still counts once. */
    got ev = {0};
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, &(dl_query){.dedup = true}, on_event, &ev), DL_OK);
    CHECK_INT(ev.n, 1);
    CHECK_STR(ev.mentions, "1");
    dl_store_close(s);
}
