/* test_eval_actors.c: the GUM entity reader, and the floors of `dateline
 * eval actors` on ../shared (skipped when it is absent). */
#include "test.h"
#include "base/arena.h"
#include "eval/eval_actors.h"
#include "eval/gum.h"

#include <stdio.h>
#include <string.h>

static const char sample[] =
    "# newdoc id = GUM_news_test\n"
    "# newpar\n"
    "# text = Maria Lopez met the Acme Bank in Paris.\n"
    "1\tMaria\tMaria\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1,2-coref-Maria_Lopez\n"
    "2\tLopez\tLopez\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2,3-sgl\n"
    "5\tAcme\tAcme\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n"
    "6\tBank\tBank\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=2)\n"
    "7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "8\tParis\tParis\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(3-place-new-sssss-cf3-1-sgl-Paris)|SpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = She didn't.\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t3\tnsubj\t_\tEntity=(1-person-giv:act-sssss-cf1-1-coref)\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t0\troot\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

static const dl_gum_mention *gum_at(const dl_gum_doc *d, const char *text)
{
    for (size_t i = 0; i < d->n_mentions; i++)
        if (d->mentions[i].end - d->mentions[i].start == strlen(text) &&
            !memcmp(d->text + d->mentions[i].start, text, strlen(text)))
            return &d->mentions[i];
    return NULL;
}

TEST(gum_reads_entity_mentions)
{
    dl_arena *a = dl_arena_new(0);
    dl_gum_doc *docs;
    size_t n;
    uint64_t bad;
    CHECK_INT(dl_gum_parse(&docs, &n, sample, strlen(sample), a, &bad), DL_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(docs[0].id, "GUM_news_test");
        CHECK_STR(docs[0].text, "Maria Lopez met the Acme Bank in Paris. She didn't.");
        CHECK_INT(docs[0].n_mentions, 4);
        const dl_gum_mention *p = gum_at(&docs[0], "Maria Lopez");
        CHECK(p && p->named && !strcmp(p->type, "person") && p->identity && !strcmp(p->identity, "Maria_Lopez"));
        const dl_gum_mention *o = gum_at(&docs[0], "the Acme Bank");
        /* the minimal span's proper nouns: "Acme Bank" */
        CHECK(o && o->named && !strcmp(o->type, "organization") && o->core_start == o->start + 4);
        const dl_gum_mention *s = gum_at(&docs[0], "She");
        CHECK(s && !s->named && s->identity == NULL);
        CHECK(gum_at(&docs[0], "Paris") != NULL);
    }
    dl_arena_free(a);
}

TEST(gum_broken_input)
{
    dl_arena *a = dl_arena_new(0);
    dl_gum_doc *docs;
    size_t n;
    uint64_t bad = 0;
    const char *short_line = "# text = a b\n1\ta\ta\n";
    CHECK_INT(dl_gum_parse(&docs, &n, short_line, strlen(short_line), a, &bad), DL_ERR_PARSE);
    CHECK_INT(bad, 2);
    /* an Entity value that cannot be read loses its mentions, not the file */
    const char *odd = "# text = x y\n1\tx\tx\tPROPN\tNNP\t_\t0\troot\t_\tEntity=((((-)\n"
                      "2\ty\ty\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=7)(5-place-new)\n";
    CHECK_INT(dl_gum_parse(&docs, &n, odd, strlen(odd), a, &bad), DL_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(docs[0].n_mentions, 1);
        CHECK(gum_at(&docs[0], "y") != NULL);
    }
    CHECK_INT(dl_gum_parse(&docs, &n, "", 0, a, &bad), DL_OK);
    CHECK_INT(n, 0);
    dl_arena_free(a);
}

static dl_pipeline *actor_pipeline(void)
{
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s/data", dl_test_root());
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.stages = DL_STAGE_ACTORS;
    po.data_dir = dir;
    dl_pipeline *p = NULL;
    return dl_pipeline_open(&p, &po) == DL_OK ? p : NULL;
}

TEST(eval_actors_gum_news_floor)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/gum/en_gum-train.conllu", dl_test_shared());
    FILE *f = fopen(path, "rb");
    if (!f)
        SKIP("../shared/data/gum is absent");
    fclose(f);
    dl_pipeline *p = actor_pipeline();
    if (!p)
        SKIP("the pipeline does not open");
    dl_gum_score sc = {0};
    CHECK_INT(dl_gum_eval_file(&sc, p, path, NULL, NULL), DL_OK);
    uint64_t gold = 0, found = 0, pred = 0, right = 0;
    for (int k = 0; k < DL_GUM_TYPES; k++) {
        gold += sc.news.gold[k];
        found += sc.news.found[k];
        pred += sc.news.pred[k];
        right += sc.news.right[k];
    }
    CHECK(sc.news.docs >= 15);
    /* Floors reached (see the report); raise them as they improve. With
     * the trained tagger (EWT conventions) recall went 0.860 -> 0.83x:
     * the name finder still reads the old tagger's capitalisation cues
     * and not yet the tree's PROPN and flat/compound arcs. */
    double r = gold ? (double)found / gold : 0, pr = pred ? (double)right / pred : 0;
    if (r < 0.82)
        dl_test_fail(__FILE__, __LINE__, "GUM news named-mention recall %.3f below 0.82", r);
    if (pr < 0.85)
        dl_test_fail(__FILE__, __LINE__, "GUM news named-mention precision %.3f below 0.85", pr);
    dl_pipeline_close(p);
}

TEST(eval_actors_wikinews_floor)
{
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/data/wikinews-events-dev", dl_test_shared());
    snprintf(path, sizeof path, "%s/events.jsonl", dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        SKIP("../shared/data/wikinews-events-dev is absent");
    fclose(f);
    dl_pipeline *p = actor_pipeline();
    if (!p)
        SKIP("the pipeline does not open");
    dl_event_actor_score sc = {0};
    CHECK_INT(dl_event_actors_eval_dir(&sc, p, dir, NULL, NULL, NULL), DL_OK);
    CHECK(sc.articles >= 20 && sc.gold >= 300);
    double c = sc.gold ? (double)sc.country / sc.gold : 0;
    if (c < 0.66)
        dl_test_fail(__FILE__, __LINE__, "event actors with the right country %.3f below 0.66", c);
    dl_pipeline_close(p);
}
