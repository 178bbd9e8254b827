/* test_whenwhere.c: an event's date and place from its clause, one test
 * per rule of src/events/whenwhere.c, on sentences run through the real
 * parser (tags and chunks) with the event's verb named by its text. */
#include "test.h"
#include "base/arena.h"
#include "events/whenwhere.h"

#include <stdlib.h>

static dl_parser *parser(void)
{
    static dl_parser *p;
    static bool tried;
    if (!tried) {
        tried = true;
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (dl_parser_open(&p, dir))
            p = NULL;
    }
    return p;
}

static dl_whenwhere *ww(void)
{
    static dl_whenwhere *w;
    if (!w) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (dl_whenwhere_open(&w, dir, NULL, NULL))
            w = NULL;
    }
    return w;
}

static int quad = 4; /* the quad class of the events built: a deed unless said */

typedef struct run {
    dl_arena *arena;
    dl_event e;
    bool ok;
} run;

/* Dates and places the event of `verb` in the last sentence of body (an
 * article dated `date`, with an optional dateline), its source and target
 * given by code. `country` adds one mention of that country to the
 * article (the context for ambiguous names). */
static run when_where(const char *body, const char *date, const char *dateline, const char *verb,
                      const char *source, const char *target, const char *country)
{
    run r = {0};
    r.arena = dl_arena_new(0);
    dl_sentence *ss;
    size_t n;
    if (!parser() || !ww() || dl_parse(&ss, &n, parser(), body, strlen(body), r.arena) || !n)
        return r;
    dl_article a = {0};
    a.body = body;
    a.body_len = strlen(body);
    a.date = date;
    a.dateline = dateline;
    const dl_sentence *s = &ss[n - 1];
    uint32_t v = 0;
    for (uint32_t t = 0; t < s->n_tokens; t++)
        if (!strcmp(s->tokens[t].text, verb))
            v = t;
    dl_mention m = {0};
    m.country = country;
    m.sentence = UINT32_MAX;
    r.e.source = (dl_event_actor){.code = source, .mention = -1};
    r.e.target = (dl_event_actor){.code = target, .mention = -1};
    r.e.quad_class = quad;
    r.ok = dl_event_when_where(ww(), &r.e, &a, s, v, &m, country ? 1 : 0, r.arena) == DL_OK;
    return r;
}

#define NEED(r)                                                                        \
    do {                                                                               \
        if (!(r).ok) {                                                                 \
            dl_arena_free((r).arena);                                                  \
            SKIP("no parser or gazetteer");                                            \
        }                                                                              \
    } while (0)

TEST(whenwhere_date_from_the_clause)
{
    run r = when_where("Israeli troops raided the camp on Sunday.", "2004-11-16", NULL, "raided", "ISRMIL", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-11-14");
    CHECK_STR(r.e.date_precision, "day");
    CHECK_STR(r.e.date_basis, "sentence");
    CHECK_STR(r.e.date_text, "Sunday");
    dl_arena_free(r.arena);
}

TEST(whenwhere_future_weekday_is_the_next_one)
{
    run r = when_where("The ministers will meet in Geneva on Sunday.", "2004-11-16", NULL, "meet", "FRAGOV", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-11-21");
    dl_arena_free(r.arena);
}

TEST(whenwhere_article_date_when_the_clause_has_none)
{
    run r = when_where("Police arrested two protesters.", "2004-11-16T10:30", NULL, "arrested", "FRACOP", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-11-16");
    CHECK_STR(r.e.date_basis, "article");
    CHECK(r.e.date_text == NULL);
    dl_arena_free(r.arena);
    r = when_where("Police arrested two protesters.", NULL, NULL, "arrested", "FRACOP", NULL, NULL);
    NEED(r);
    CHECK(r.e.date == NULL && r.e.date_basis == NULL && r.e.date_precision == NULL);
    dl_arena_free(r.arena);
}

TEST(whenwhere_date_in_a_relative_clause_is_not_the_events)
{
    run r = when_where("The BBC quoted Kostov, who was appointed last May, as saying he quit.", "2004-11-15", NULL,
                       "quoted", "GBRMED", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-11-15");
    CHECK_STR(r.e.date_basis, "article");
    dl_arena_free(r.arena);
}

TEST(whenwhere_place_after_a_preposition_of_the_verb)
{
    run r = when_where("Israeli troops attacked militants in Khan Younis on Sunday.", "2004-11-16", NULL, "attacked",
                       "ISRMIL", "PSEREB", NULL);
    NEED(r);
    CHECK_STR(r.e.location_text, "Khan Younis");
    CHECK_STR(r.e.location_country, "PSE");
    CHECK_STR(r.e.location_precision, "city");
    CHECK(r.e.location_has_coords && r.e.location_lat > 31 && r.e.location_lat < 32);
    dl_arena_free(r.arena);
}

TEST(whenwhere_ambiguous_place_follows_the_article)
{
    run r = when_where("The army arrested three men in Tripoli.", "2004-11-16", NULL, "arrested", "LBNMIL", NULL, "LBN");
    NEED(r);
    CHECK_STR(r.e.location_country, "LBN");
    dl_arena_free(r.arena);
    r = when_where("The army arrested three men in Tripoli.", "2004-11-16", NULL, "arrested", "LBYMIL", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.location_country, "LBY");
    dl_arena_free(r.arena);
}

TEST(whenwhere_no_place_from_adjectives_or_passing_mentions)
{
    /* a nationality adjective is not a place */
    run r = when_where("American officials criticized the decision.", "2004-11-16", NULL, "criticized", "USAGOV", NULL, NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
    /* a country that qualifies another noun is not where it happened */
    r = when_where("Prosecutors charged him over leaks about the wars in Afghanistan.", "2010-11-16", NULL,
                   "charged", "USAJUD", NULL, NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
    /* a name that qualifies a noun: "the Cusco declaration" */
    r = when_where("Reforms are proposed in the Cusco declaration.", "2004-12-09", NULL, "proposed", "PERGOV", NULL, NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
}

TEST(whenwhere_residents_of_a_place)
{
    run r = when_where("Soldiers fired on Gaza residents.", "2004-11-16", NULL, "fired", "ISRMIL", "PSECVL", NULL);
    NEED(r);
    CHECK_STR(r.e.location_country, "PSE");
    dl_arena_free(r.arena);
}

TEST(whenwhere_place_that_is_the_target_is_not_where)
{
    /* "a missile at Seoul": the preposition hangs on the missile, Seoul is
     * whom it was fired at */
    run r = when_where("North Korea fired a missile at Seoul.", "2004-11-16", NULL, "fired", "PRK", "KOR", NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
}

TEST(whenwhere_dateline_place_only_for_local_events)
{
    /* a deed whose target belongs to the dateline's country */
    run r = when_where("Police arrested two protesters.", "2024-05-08", "WASHINGTON", "arrested", "USACOP", "USAOPP", NULL);
    NEED(r);
    CHECK_STR(r.e.location_text, "WASHINGTON");
    CHECK_STR(r.e.location_name, "Washington");
    CHECK_STR(r.e.location_country, "USA");
    dl_arena_free(r.arena);
    /* air strikes elsewhere: not the dateline's city */
    r = when_where("Israel carried out air strikes on Hamas.", "2024-05-08", "JERUSALEM", "carried", "ISRMIL", "PSEREBHMS",
                   NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
    /* words are said where their speaker is: a Sydney statement by
     * Australia about China is placed in Sydney */
    quad = 3;
    r = when_where("Australia accused China of hacking.", "2024-07-09", "SYDNEY", "accused", "AUSGOV", "CHNSPY", NULL);
    quad = 4;
    NEED(r);
    CHECK_STR(r.e.location_country, "AUS");
    dl_arena_free(r.arena);
}

TEST(whenwhere_since_marks_a_state_not_the_event)
{
    run c = when_where("Aid fell 30% from 1997, the ministry reported.", "2004-11-16", NULL, "fell", "JPNGOV", NULL, NULL);
    NEED(c);
    CHECK_STR(c.e.date_basis, "article"); /* a point of comparison */
    dl_arena_free(c.arena);
    run r = when_where("Albanese, who has sought to stabilise relations since taking office in 2022, spoke.", "2024-07-09",
                       NULL, "sought", "AUSGOV", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date_basis, "article");
    dl_arena_free(r.arena);
}

TEST(whenwhere_place_named_before)
{
    run r = when_where("Leaders met in Cusco. Thirty projects were approved at the summit.", "2004-12-09", NULL,
                       "approved", "PERGOV", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.location_country, "PER");
    CHECK_STR(r.e.location_name, "Cusco");
    dl_arena_free(r.arena);
}

TEST(whenwhere_month_before_a_noun_dates_the_noun)
{
    run r = when_where("Unlike the November results, the outcome was hailed by observers.", "2004-12-18", NULL, "hailed",
                       "USAGOV", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-12-18");
    CHECK_STR(r.e.date_basis, "article");
    dl_arena_free(r.arena);
    r = when_where("After the November vote, observers criticized the count.", "2004-12-18", NULL, "criticized", "USAGOV",
                   NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-11");
    CHECK_STR(r.e.date_precision, "month");
    dl_arena_free(r.arena);
}

TEST(whenwhere_time_of_day_joins_the_date)
{
    run r = when_where("The bomb was set to explode at 13:30 on Monday, December 6.", "2004-12-05", NULL, "explode",
                       "ESPREB", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.date, "2004-12-06T13:30");
    CHECK_STR(r.e.date_precision, "day");
    dl_arena_free(r.arena);
}

TEST(whenwhere_officials_in_a_place_did_the_deed_there)
{
    run r = when_where("Officials in Mumbai demolished 6,000 shanties.", "2004-12-18", NULL, "demolished", "INDGOV", NULL,
                       NULL);
    NEED(r);
    CHECK_STR(r.e.location_name, "Mumbai");
    dl_arena_free(r.arena);
    /* words: "hailed by officials in the United States" says who, not where */
    quad = 1;
    r = when_where("The outcome was hailed by officials in the United States.", "2004-12-18", NULL, "hailed", "USAGOV",
                   NULL, NULL);
    quad = 4;
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
}

TEST(whenwhere_words_are_placed_by_their_occasion_not_their_topic)
{
    /* a call about operations in Gaza did not happen in Gaza */
    quad = 1;
    run r = when_where("Austin stressed the need to protect civilians during operations in Gaza.", "2023-10-28", NULL,
                       "stressed", "USAGOV", "ISRGOV", NULL);
    NEED(r);
    CHECK(r.e.location_text == NULL);
    dl_arena_free(r.arena);
    /* but words said at a briefing in Beijing were said there */
    r = when_where("At a briefing in Beijing, the spokesman accused Australia of smearing China.", "2024-07-09", NULL,
                   "accused", "CHNGOV", "AUS", NULL);
    quad = 4;
    NEED(r);
    CHECK_STR(r.e.location_country, "CHN");
    dl_arena_free(r.arena);
    /* a deed at the same site is placed there */
    r = when_where("Troops stepped up operations in Gaza.", "2023-10-28", NULL, "stepped", "ISRMIL", NULL, NULL);
    NEED(r);
    CHECK_STR(r.e.location_country, "PSE");
    dl_arena_free(r.arena);
}

TEST(whenwhere_a_longer_name_is_not_cut)
{
    /* "Santa Bárbara" is known, "Santa Bárbara do Pará" is not: the state
     * after "do" places it */
    run r = when_where("Police evicted farmers from an area in Santa Bárbara do Pará.", "2004-11-18", NULL, "evicted",
                       "BRACOP", "BRACVL", NULL);
    NEED(r);
    CHECK_STR(r.e.location_country, "BRA");
    CHECK_STR(r.e.location_precision, "region");
    CHECK_STR(r.e.location_text, "Santa Bárbara do Pará");
    dl_arena_free(r.arena);
}
