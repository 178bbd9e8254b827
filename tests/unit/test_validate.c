/* test_validate.c: the PETRARCH-record scorer (src/eval/validate.c) on a
 * small inline file coded with dateline's own dictionaries: a record that
 * expects nothing passes, one that expects an event the text does not hold
 * fails with both sets reported, a parse-tree record is skipped, and the
 * missing Environment is reported. */
#include "test.h"
#include "base/arena.h"
#include "eval/validate.h"

#include <stdlib.h>

static const char xml[] =
    "<Sentences>\n"
    "<Sentence date=\"20230101\" id=\"T-01\" category=\"CALM\">\n"
    "<EventCoding noevents=\"True\"/>\n"
    "<Text>The weather was mild on Sunday.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"20230101\" id=\"T-02\" category=\"WRONG\">\n"
    "<EventCoding sourcecode=\"FRA\" targetcode=\"DEU\" eventcode=\"190\"/>\n"
    "<Text>The weather was mild on Monday.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"20230101\" id=\"T-03\" category=\"TREE\">\n"
    "<EventCoding error=\"bad_input_parse\"/>\n"
    "<Text>Broken.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n";

typedef struct seen {
    int pass, fail, skip, warnings;
    char expected[64], got[64];
} seen;

static bool on_record(void *user, const dl_validate_outcome *o)
{
    seen *s = user;
    if (o->result == DL_VALIDATE_PASS)
        s->pass++;
    else if (o->result == DL_VALIDATE_SKIP)
        s->skip++;
    else {
        s->fail++;
        snprintf(s->expected, sizeof s->expected, "%s", o->expected);
        snprintf(s->got, sizeof s->got, "%s", o->got);
    }
    return true;
}

static void count_warning(void *user, const dl_diag *d)
{
    if (d->severity == DL_WARNING)
        ((seen *)user)->warnings++;
}

TEST(validate_scores_passes_failures_and_skips)
{
    dl_arena *arena = dl_arena_new(0);
    dl_petr_file f;
    CHECK_INT(dl_petr_parse(&f, xml, sizeof xml - 1, "inline.xml", NULL, NULL, arena), DL_OK);
    CHECK_INT((int)f.n_records, 3);
    seen s = {0};
    char data[1024];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    dl_validate_options o = DL_VALIDATE_OPTIONS_INIT;
    o.data_dir = data;
    o.diag = count_warning;
    o.diag_user = &s;
    o.on_record = on_record;
    o.record_user = &s;
    dl_validate_summary sum;
    CHECK_INT(dl_validate_run(&sum, &f, "inline.xml", &o, arena), DL_OK);
    CHECK_INT((int)sum.passed, 1);
    CHECK_INT((int)sum.failed, 1);
    CHECK_INT((int)sum.skipped, 1);
    CHECK_INT(s.pass, 1);
    CHECK_INT(s.fail, 1);
    CHECK_INT(s.skip, 1);
    CHECK(!strcmp(s.expected, "FRA DEU 190"));
    CHECK(!strcmp(s.got, "(none)"));
    CHECK(s.warnings >= 4); /* no <Verbfile>, <Actorfile>, <Agentfile>, <Discardfile> */
    CHECK_INT((int)sum.n_categories, 2);
    CHECK(!strcmp(sum.categories[0].name, "CALM") && sum.categories[0].passed == 1);
    CHECK(!strcmp(sum.categories[1].name, "WRONG") && sum.categories[1].failed == 1);
    dl_arena_free(arena);
}

static bool stop_at_first(void *user, const dl_validate_outcome *o)
{
    (void)user, (void)o;
    return false;
}

TEST(validate_stops_when_the_printer_fails)
{
    dl_arena *arena = dl_arena_new(0);
    dl_petr_file f;
    CHECK_INT(dl_petr_parse(&f, xml, sizeof xml - 1, "inline.xml", NULL, NULL, arena), DL_OK);
    char data[1024];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    dl_validate_options o = DL_VALIDATE_OPTIONS_INIT;
    o.data_dir = data;
    o.on_record = stop_at_first;
    dl_validate_summary sum;
    CHECK_INT(dl_validate_run(&sum, &f, "inline.xml", &o, arena), DL_ERR_IO);
    CHECK_INT((int)(sum.passed + sum.failed), 1);
    dl_arena_free(arena);
}
