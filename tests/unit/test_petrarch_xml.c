/* test_petrarch_xml.c: the reader of PETRARCH validation files on small
 * inline files, well formed and broken, and on PETRARCH's own unit-test
 * records (../shared). */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "eval/petrarch_xml.h"

#include <stdlib.h>

/* Every diagnostic, one "LINE:error|warning:message" line each. */
typedef struct diags {
    int errors, warnings;
    dl_buf all;
} diags;

static void collect(void *user, const dl_diag *d)
{
    diags *g = user;
    if (d->severity == DL_ERROR)
        g->errors++;
    else
        g->warnings++;
    dl_buf_printf(&g->all, "%s:%llu:%s:%s\n", d->file, (unsigned long long)d->line,
                  d->severity == DL_ERROR ? "error" : "warning", d->message);
    if (getenv("DL_TEST_VERBOSE"))
        fprintf(stderr, "  %s:%llu: %s\n", d->file, (unsigned long long)d->line, d->message);
}

static bool said(const diags *g, const char *text)
{
    return g->all.data && strstr(g->all.data, text);
}

/* Reads xml into f with a fresh arena (returned for freeing). */
static dl_arena *read_xml(dl_petr_file *f, diags *g, const char *xml)
{
    dl_arena *arena = dl_arena_new(0);
    *g = (diags){0, 0, DL_BUF_INIT};
    CHECK_INT(dl_petr_parse(f, xml, strlen(xml), "t.xml", collect, g, arena), DL_OK);
    return arena;
}

static void done(dl_arena *arena, diags *g)
{
    dl_arena_free(arena);
    dl_buf_free(&g->all);
}

static const char basic[] =
    "<Validation>\n"                                              /* 1 */
    "<!-- a header comment\n  over two lines -->\n"               /* 2-3 */
    "<Environment>\n"                                             /* 4 */
    "  <Verbfile>my.verbs.txt</Verbfile>\n"                       /* 5 */
    "  <Actorfile> my.actors.txt </Actorfile>\n"                  /* 6 */
    "  <Actorfile>more.actors.txt</Actorfile>\n"                  /* 7 */
    "  <Agentfile>my.agents.txt</Agentfile>\n"                    /* 8 */
    "  <Discardfile>my.discards.txt</Discardfile>\n"              /* 9 */
    "  <Pause>Stop</Pause><Config option=\"stop_on_error\" value=\"True\"></Config>\n" /* 10 */
    "</Environment>\n"                                            /* 11 */
    "<Sentences>\n"                                               /* 12 */
    "<!--Stop></Stop-->\n"                                        /* 13 */
    "<Sentence date=\"20240305\" id=\"T-01\" category=\"DEMO\" sentence=\"true\">\n" /* 14 */
    "<!-- a comment inside -->\n"
    "<EventCoding sourcecode=\"PLU\" targetcode=\"VEN\" eventcode=\"036\"></EventCoding>\n"
    "<EventCoding sourcecode = 'MRS' targetcode='\"THE RINGS\"' eventcode=\"042\"/>\n"
    "<Text>\n"
    "Pluto offered   to meet Venus \n"
    "   in the spring &amp; Mars &lt;agreed&gt;.\n"
    "</Text>\n"
    "<Parse> (ROOT (S (NP (NNP Pluto)) (CC &amp;) (. .))) </Parse>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date = \"19991231\" id =\"T-02\"  category=\"VERB\">\n" /* 25 */
    "<EventCoding noevents = \"True\"> </EventCoding>\n"
    "<Text>Nothing happened on Neptune.</Text>\n"
    "</Sentence>\n"
    "<Config option=\"comma_max\" value=\"0\"/>\n"
    "<Config option=\"require_dyad\" value=\"true\"/>\n"
    "<Sentence date=\"20000101\" id=\"T-03\" category=\"ERROR\">\n"
    "<EventCoding error=\"storydiscard\"></EventCoding>\n"
    "<Text>The &#x4D;ercury &#233;lite team won the cup.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

TEST(petrarch_reads_environment_records_and_config)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g, basic);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.warnings, 0);
    CHECK(f.has_environment);
    CHECK_INT(f.n_verb_files, 1);
    CHECK_INT(f.n_actor_files, 2);
    CHECK_INT(f.n_agent_files, 1);
    CHECK_INT(f.n_discard_files, 1);
    if (f.n_actor_files == 2) {
        CHECK_STR(f.actor_files[0], "my.actors.txt");
        CHECK_STR(f.actor_files[1], "more.actors.txt");
    }
    if (f.n_verb_files)
        CHECK_STR(f.verb_files[0], "my.verbs.txt");
    CHECK(!f.stopped);
    CHECK_INT(f.n_skipped, 0);
    CHECK_INT(f.n_records, 3);
    if (f.n_records == 3) {
        const dl_petr_record *r = &f.records[0];
        CHECK_STR(r->id, "T-01");
        CHECK_STR(r->category, "DEMO");
        CHECK_STR(r->date, "20240305");
        CHECK_INT(r->date_num, 20240305);
        CHECK_INT(r->line, 14);
        CHECK_STR(r->text, "Pluto offered   to meet Venus in the spring & Mars <agreed>.");
        CHECK(!r->noevents);
        CHECK(r->error == NULL);
        CHECK(r->config == NULL);
        CHECK_INT(r->n_codings, 2);
        if (r->n_codings == 2) {
            CHECK_STR(r->codings[0].source, "PLU");
            CHECK_STR(r->codings[0].target, "VEN");
            CHECK_STR(r->codings[0].event, "036");
            CHECK_STR(r->codings[1].source, "MRS");
            CHECK_STR(r->codings[1].target, "\"THE RINGS\"");
            CHECK_STR(r->codings[1].event, "042");
        }
        r = &f.records[1];
        CHECK_STR(r->id, "T-02");
        CHECK_STR(r->category, "VERB");
        CHECK_INT(r->line, 25);
        CHECK(r->noevents);
        CHECK_INT(r->n_codings, 0);
        CHECK_STR(r->text, "Nothing happened on Neptune.");
        CHECK_STR(r->config, "require_dyad=false");
        r = &f.records[2];
        CHECK_STR(r->error, "storydiscard");
        CHECK(!r->noevents);
        CHECK_STR(r->text, "The Mercury \xc3\xa9lite team won the cup.");
        CHECK_STR(r->config, "require_dyad=true comma_max=0");
    }
    done(arena, &g);
}

TEST(petrarch_stop_ends_records)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g,
                               "<Sentence date=\"20010101\" id=\"A\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/><Text>one</Text></Sentence>\n"
                               "<Stop></Stop>\n"
                               "<Sentence date=\"20010101\" id=\"B\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/><Text>two</Text></Sentence>\n");
    CHECK_INT(f.n_records, 1);
    CHECK(f.stopped);
    CHECK_INT(f.stop_line, 3);
    CHECK_INT(g.errors, 0);
    CHECK(!f.has_environment);
    done(arena, &g);
}

TEST(petrarch_unclosed_sentence_is_skipped_rest_read)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g,
                               "<Sentence date=\"20010101\" id=\"A\" category=\"C\">\n"
                               "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"/>\n"
                               "<Text>one</Text>\n"
                               "<Sentence date=\"20010102\" id=\"B\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/><Text>two</Text></Sentence>\n");
    CHECK_INT(f.n_records, 1);
    if (f.n_records)
        CHECK_STR(f.records[0].id, "B");
    CHECK_INT(f.n_skipped, 1);
    CHECK_INT(g.errors, 1);
    CHECK(said(&g, "t.xml:1:error:record 'A': <Sentence> is not closed before line 4; record skipped"));
    done(arena, &g);
}

TEST(petrarch_missing_attributes_are_reported)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(
        &f, &g,
        "<Sentence date=\"20010101\" category=\"C\">\n"                               /* 1: no id */
        "<EventCoding noevents=\"True\"/><Text>one</Text></Sentence>\n"
        "<Sentence id=\"D1\" date=\"2001-01-01\" category=\"C\">\n"                   /* 3: bad date */
        "<EventCoding noevents=\"True\"/><Text>two</Text></Sentence>\n"
        "<Sentence id=\"D2\" date=\"20011301\" category=\"C\">\n"                     /* 5: month 13 */
        "<EventCoding noevents=\"True\"/><Text>two</Text></Sentence>\n"
        "<Sentence id=\"E1\" date=\"20010101\" category=\"C\">\n"                     /* 7 */
        "<EventCoding sourcecode=\"X\" targetcode=\"Y\"></EventCoding>\n"             /* 8: no eventcode */
        "<Text>three</Text></Sentence>\n"
        "<Sentence id=\"E2\" date=\"20010101\" category=\"C\">\n"                     /* 10 */
        "<EventCoding sourcecode=\"X\" eventcode=\"010\"></EventCoding>\n"            /* 11: no target */
        "<Text>four</Text></Sentence>\n"
        "<Sentence id=\"T1\" date=\"20010101\" category=\"C\">\n"                     /* 13: no text */
        "<EventCoding noevents=\"True\"/></Sentence>\n"
        "<Sentence id=\"T2\" date=\"20010101\" category=\"C\">\n"                     /* 15: empty text */
        "<EventCoding noevents=\"True\"/><Text>  \n </Text></Sentence>\n" /* 16-17 */
        "<Sentence id=\"N1\" date=\"20010101\">\n"                                    /* 18: no category */
        "<EventCoding noevents=\"True\"/><Text>kept</Text></Sentence>\n"
        "<Sentence id=\"N2\" date=\"20010101\" category=\"C\">\n"                     /* 20: both */
        "<EventCoding noevents=\"True\"/>"
        "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"/><Text>x</Text></Sentence>\n"
        "<Sentence id=\"N3\" date=\"20010101\" category=\"C\">\n"                     /* 22: no coding */
        "<Text>nothing expected</Text></Sentence>\n");
    CHECK_INT(f.n_records, 2);
    if (f.n_records == 2) {
        CHECK_STR(f.records[0].id, "N1");
        CHECK_STR(f.records[0].category, "-");
        CHECK_STR(f.records[1].id, "N3");
        CHECK(f.records[1].noevents);
    }
    CHECK_INT(f.n_skipped, 8);
    CHECK_INT(g.errors, 8);
    CHECK_INT(g.warnings, 2);
    CHECK(said(&g, "t.xml:1:error:record at line 1: <Sentence> has no id; record skipped"));
    CHECK(said(&g, "t.xml:3:error:record 'D1': date \"2001-01-01\" is not YYYYMMDD"));
    CHECK(said(&g, "t.xml:5:error:record 'D2': date \"20011301\""));
    CHECK(said(&g, "t.xml:8:error:record 'E1': <EventCoding> has no eventcode"));
    CHECK(said(&g, "t.xml:11:error:record 'E2': <EventCoding> has no targetcode"));
    CHECK(said(&g, "t.xml:13:error:record 'T1': no <Text>"));
    CHECK(said(&g, "t.xml:15:error:record 'T2': the <Text> is empty"));
    CHECK(said(&g, "t.xml:18:warning:record 'N1' has no category"));
    CHECK(said(&g, "t.xml:20:error:record 'N2': both noevents"));
    CHECK(said(&g, "t.xml:22:warning:record 'N3' has no <EventCoding>: expecting no events"));
    done(arena, &g);
}

TEST(petrarch_unclosed_text_and_parse)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g,
                               "<Sentence date=\"20010101\" id=\"A\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/>\n"
                               "<Text>one\n"
                               "<Parse>(ROOT)</Parse>\n"
                               "</Sentence>\n"
                               "<Sentence date=\"20010101\" id=\"B\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/><Text>two</Text>\n"
                               "<Parse>(ROOT (S\n"
                               "</Sentence>\n"
                               "<Sentence date=\"20010101\" id=\"C\" category=\"C\">\n"
                               "<EventCoding noevents=\"True\"/><Text>three</Text></Sentence>\n");
    CHECK_INT(f.n_records, 1);
    if (f.n_records)
        CHECK_STR(f.records[0].id, "C");
    CHECK_INT(f.n_skipped, 2);
    CHECK(said(&g, "t.xml:3:error:record 'A': <Text> is not closed; record skipped"));
    CHECK(said(&g, "t.xml:8:error:record 'B': <Parse> is not closed; record skipped"));
    done(arena, &g);
}

TEST(petrarch_truncated_files)
{
    static const char *const cuts[] = {
        /* the file ends inside a record, a tag, an attribute value, a comment */
        "<Sentence date=\"20010101\" id=\"Z\" category=\"C\">\n<EventCoding noevents=\"True\"/>\n<Text>one",
        "<Sentence date=\"20010101\" id=\"Z\" category=\"C\">\n<EventCoding noevents=\"True\"/>\n<Text>one</Text></Sent",
        "<Sentence date=\"20010101\" id=\"Z\" category=\"C\">\n<EventCoding sourcecode=\"AB",
        "<Sentence date=\"20010101\" id=\"Z\" category=\"C\">\n<!-- a comment that never ends",
    };
    static const int lines[] = {4, 4, 3, 3}; /* where each problem is reported */
    static const char good[] = "<Sentence date=\"20010101\" id=\"OK\" category=\"C\">"
                               "<EventCoding noevents=\"True\"/><Text>fine</Text></Sentence>\n";
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        dl_buf xml = DL_BUF_INIT;
        dl_buf_puts(&xml, good);
        dl_buf_puts(&xml, cuts[i]);
        dl_petr_file f;
        diags g;
        dl_arena *arena = read_xml(&f, &g, xml.data);
        CHECK_INT(f.n_records, 1);
        CHECK_INT(f.n_skipped, 1);
        CHECK(g.errors >= 1);
        CHECK(said(&g, "record 'Z'"));
        char where[32];
        snprintf(where, sizeof where, "t.xml:%d:error:", lines[i]);
        CHECK(said(&g, where));
        if (g.errors < 1)
            fprintf(stderr, "  case %zu\n", i);
        dl_buf_free(&xml);
        done(arena, &g);
    }
}

TEST(petrarch_malformed_tags_resync)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(
        &f, &g,
        "<Sentence date=\"20010101\" id=\"A\" category=\"C\">\n"
        "<EventCoding sourcecode=\"X targetcode=\"Y\" eventcode=\"010\"></EventCoding>\n" /* 2 */
        "<Text>one</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"B\" category=\"C\"\n"                          /* 4: no '>' */
        "<EventCoding noevents=\"True\"/><Text>two</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"C\" category=\"C\">\n"
        "<EventCoding noevents=\"True\"/><Text>a < b and 3<4 &bogus; &#xZZ;</Text></Sentence >\n"
        "</ Sentences>\n"
        "<Sentence date=\"20010101\" id=\"D\" category=\"C\"><EventCoding noevents=\"True\"/>"
        "<Text>four</Text></Sentence>\n");
    CHECK_INT(f.n_records, 2);
    if (f.n_records == 2) {
        CHECK_STR(f.records[0].id, "C");
        CHECK_STR(f.records[0].text, "a < b and 3<4 &bogus; &#xZZ;");
        CHECK_STR(f.records[1].id, "D");
    }
    CHECK(said(&g, "t.xml:2:error:record 'A': unexpected character in a tag"));
    CHECK(said(&g, "t.xml:4:error:a tag is not closed with '>'"));
    CHECK(said(&g, "t.xml:8:error:'</' is not followed by a tag name"));
    done(arena, &g);
}

TEST(petrarch_bad_bytes_and_garbage)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g,
                               "<Sentence date=\"20010101\" id=\"A\" category=\"C\">"
                               "<EventCoding noevents=\"True\"/><Text>caf\xe9 ok</Text></Sentence>\n");
    CHECK_INT(f.n_records, 1);
    if (f.n_records)
        CHECK_STR(f.records[0].text, "caf\xef\xbf\xbd ok");
    CHECK(said(&g, "invalid UTF-8 at byte"));
    done(arena, &g);

    static const char junk[] = "\x01\x02<<<>>></></><!><?><a b='c' d=e f><Sentence/>&&&;\x7f";
    arena = read_xml(&f, &g, junk);
    CHECK_INT(f.n_records, 0);
    CHECK(g.errors >= 1);
    done(arena, &g);

    arena = read_xml(&f, &g, "");
    CHECK_INT(f.n_records, 0);
    CHECK_INT(g.errors, 0);
    done(arena, &g);
}

TEST(petrarch_environment_problems)
{
    dl_petr_file f;
    diags g;
    dl_arena *arena = read_xml(&f, &g,
                               "<Environment>\n"
                               "<Verbfile></Verbfile>\n"
                               "<Actorfile>a.txt\n"
                               "<Agentfile/>\n"
                               "<Sentence date=\"20010101\" id=\"A\" category=\"C\">"
                               "<EventCoding noevents=\"True\"/><Text>x</Text></Sentence>\n");
    CHECK(f.has_environment);
    CHECK_INT(f.n_verb_files, 0);
    CHECK_INT(f.n_actor_files, 0);
    CHECK_INT(f.n_records, 1);
    CHECK(said(&g, "t.xml:2:warning:<Verbfile> names no file"));
    CHECK(said(&g, "t.xml:3:error:<Actorfile> is not closed"));
    CHECK(said(&g, "t.xml:4:warning:<Agentfile/> names no file"));
    CHECK(said(&g, "t.xml:1:error:<Environment> is not closed"));
    done(arena, &g);
}

TEST(petrarch_date)
{
    int32_t d = 0;
    CHECK(dl_petr_date("19950101", &d));
    CHECK_INT(d, 19950101);
    CHECK(!dl_petr_date("1995010", &d));
    CHECK(!dl_petr_date("199501011", &d));
    CHECK(!dl_petr_date("19950001", &d));
    CHECK(!dl_petr_date("19950132", &d));
    CHECK(!dl_petr_date("1995O101", &d));
    CHECK(!dl_petr_date(NULL, &d));
}

TEST(petrarch_read_missing_file)
{
    dl_arena *arena = dl_arena_new(0);
    dl_petr_file f;
    diags g = {0, 0, DL_BUF_INIT};
    CHECK_INT(dl_petr_read(&f, "/nonexistent/x.xml", collect, &g, arena), DL_ERR_IO);
    CHECK(said(&g, "/nonexistent/x.xml:0:error:cannot read"));
    CHECK_INT(f.n_records, 0);
    done(arena, &g);
}

TEST(petrarch_unit_test_records)
{
    const char *shared = dl_test_shared();
    if (!shared)
        SKIP("../shared is absent");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/petrarch2-unit-tests/PETR.UnitTest.records.xml", shared);
    dl_arena *arena = dl_arena_new(0);
    dl_petr_file f;
    diags g = {0, 0, DL_BUF_INIT};
    CHECK_INT(dl_petr_read(&f, path, collect, &g, arena), DL_OK);
    CHECK_INT(g.errors, 0);
    CHECK_INT(f.n_skipped, 0);
    CHECK_INT(f.n_records, 284);
    CHECK_INT(f.n_verb_files, 1);
    CHECK_INT(f.n_actor_files, 1);
    CHECK_INT(f.n_agent_files, 1);
    CHECK_INT(f.n_discard_files, 1);
    if (f.n_verb_files)
        CHECK_STR(f.verb_files[0], "PETR.Validate.verbs.txt");
    size_t codings = 0, noevents = 0, errors = 0;
    const dl_petr_record *injury = NULL;
    for (size_t i = 0; i < f.n_records; i++) {
        codings += f.records[i].n_codings;
        noevents += f.records[i].noevents;
        errors += f.records[i].error != NULL;
        if (!strcmp(f.records[i].id, "DEMO-22"))
            injury = &f.records[i];
    }
    CHECK_INT(codings, 359); /* one more is commented out */
    CHECK_INT(noevents, 20); /* 19 noevents="True" and PATTERN-06, which has none */
    CHECK_INT(errors, 7);
    if (f.n_records) {
        CHECK_STR(f.records[0].id, "DEMO-00");
        CHECK_STR(f.records[0].text, "Arnor is about to restore full diplomatic ties with Gondor almost "
                                     "five years after crowds trashed its embassy.");
        CHECK_STR(f.records[f.n_records - 1].id, "FINAL-RECORD");
    }
    CHECK(injury != NULL);
    if (injury) {
        CHECK_INT(injury->n_codings, 2);
        CHECK_STR(injury->config, "new_actor_length=4");
        if (injury->n_codings == 2)
            CHECK_STR(injury->codings[1].source, "\"INJURY TOLL\"");
    }
    dl_buf_free(&g.all);
    dl_arena_free(arena);
}
