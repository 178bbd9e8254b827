/* test_brat.c: the brat standoff reader: entities with one or several
 * fragments, events, broken lines, and offsets counted in characters. */
#include "test.h"
#include "base/arena.h"
#include "eval/brat.h"

TEST(brat_entities_events_and_fragments)
{
    const char *ann = "T1\tSource 0 5\tFlynn\n"
                      "T2\tCue 6 10\tsays\n"
                      "T3\tContent 11 20;25 30\tTrump was right\r\n"
                      "#1\tAnnotatorNotes T1\tignored\n"
                      "A1\tNegated E1\n"
                      "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1 Content2:T9\n";
    dl_arena *a = dl_arena_new(0);
    dl_brat b;
    CHECK_INT(dl_brat_parse(&b, ann, strlen(ann), a), DL_OK);
    CHECK_INT(b.n_entities, 3);
    CHECK_INT(b.n_events, 1);
    CHECK_INT(b.n_bad, 0);
    if (b.n_entities == 3 && b.n_events == 1) {
        CHECK_STR(b.entities[2].type, "Content");
        CHECK_INT(b.entities[2].n_spans, 2);
        CHECK_INT(b.entities[2].spans[1].start, 25);
        CHECK_INT(b.entities[2].spans[1].end, 30);
        CHECK_STR(b.entities[2].text, "Trump was right");
        const dl_brat_event *e = &b.events[0];
        CHECK_STR(e->type, "Attribution");
        CHECK_INT(e->trigger, 1);
        CHECK_INT(dl_brat_event_arg(&b, e, "Source", NULL), 0);
        uint32_t from = 0;
        CHECK_INT(dl_brat_event_arg(&b, e, "Content", &from), 2);
        CHECK_INT(dl_brat_event_arg(&b, e, "Content", &from), -1); /* T9 is unknown */
        CHECK_INT(dl_brat_event_arg(&b, e, "Content", &from), -1);
    }
    dl_arena_free(a);
}

TEST(brat_broken_lines_are_counted_and_skipped)
{
    const char *ann = "T1\tSource 5 2\tbackwards\n"
                      "T2\tCue x 4\tnot a number\n"
                      "T3\tCue 99999999999 100000000000\ttoo big\n"
                      "T4 no tab\n"
                      "E1\tno colon here\n"
                      "T5\tContent 1 3\tok\n"
                      "E2\n"
                      "T6\tContent 1 3;\tdangling\n";
    dl_arena *a = dl_arena_new(0);
    dl_brat b;
    CHECK_INT(dl_brat_parse(&b, ann, strlen(ann), a), DL_OK);
    CHECK_INT(b.n_entities, 1);
    CHECK_INT(b.n_bad, 7);
    CHECK_INT(b.first_bad, 1);
    CHECK_INT(dl_brat_parse(&b, "", 0, a), DL_OK);
    CHECK_INT(b.n_entities + b.n_events, 0);
    dl_arena_free(a);
}

TEST(brat_offsets_in_characters_become_bytes)
{
    /* "Clinton’s van" : the curly apostrophe is 3 bytes, 1 character */
    const char *text = "Clinton\xE2\x80\x99s van was late.";
    const char *ann = "T1\tContent 0 13\tClinton\xE2\x80\x99s van\nT2\tCue 14 17\twas\nT3\tCue 40 50\tpast the end\n";
    dl_arena *a = dl_arena_new(0);
    dl_brat b;
    CHECK_INT(dl_brat_parse(&b, ann, strlen(ann), a), DL_OK);
    size_t bad = 99;
    CHECK_INT(dl_brat_fit_offsets(&b, text, strlen(text), &bad, a), DL_OK);
    CHECK_INT(bad, 1);
    CHECK_INT(b.entities[0].spans[0].end, 15);
    CHECK_INT(b.entities[1].spans[0].start, 16);
    CHECK_INT(b.entities[2].spans[0].start, strlen(text));
    /* offsets that are bytes already stay bytes */
    const char *ann2 = "T1\tContent 0 15\tClinton\xE2\x80\x99s van\n";
    CHECK_INT(dl_brat_parse(&b, ann2, strlen(ann2), a), DL_OK);
    CHECK_INT(dl_brat_fit_offsets(&b, text, strlen(text), &bad, a), DL_OK);
    CHECK_INT(bad, 0);
    CHECK_INT(b.entities[0].spans[0].end, 15);
    dl_arena_free(a);
}
