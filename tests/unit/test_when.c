/* test_when.c: temporal expressions, one test per kind of expression. */
#include "test.h"
#include "events/when.h"

/* The first expression found in s, read against anchor in tense, as
 * "ISO/precision" (ranges add "..END"), or "" when none. */
static const char *first(const char *s, int32_t anchor, dl_tense tense)
{
    static char out[96];
    dl_when w[8];
    size_t n = dl_when_find(w, 8, s, strlen(s), anchor, tense);
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char iso[16];
        if (!dl_when_iso(&w[i], iso))
            continue;
        int k = snprintf(out, sizeof out, "%s/%s", iso, dl_when_precision_name(w[i].precision));
        if (w[i].end_year)
            snprintf(out + k, sizeof out - (size_t)k, "..%04d-%02d-%02d", w[i].end_year, w[i].end_month,
                     w[i].end_day);
        return out;
    }
    return out;
}

/* The span of the first expression, as text. */
static const char *span(const char *s, int32_t anchor)
{
    static char out[96];
    dl_when w[8];
    size_t n = dl_when_find(w, 8, s, strlen(s), anchor, DL_TENSE_PAST);
    if (!n)
        return "";
    snprintf(out, sizeof out, "%.*s", (int)(w[0].end - w[0].start), s + w[0].start);
    return out;
}

enum { TUE = 20041116 }; /* Tuesday 16 November 2004 */

TEST(when_calendar)
{
    CHECK_INT(dl_when_weekday(20041116), 1); /* a Tuesday */
    CHECK_INT(dl_when_weekday(20000101), 5); /* a Saturday */
    CHECK_INT(dl_when_add_days(20041231, 1), 20050101);
    CHECK_INT(dl_when_add_days(20040301, -1), 20040229);
}

TEST(when_full_dates)
{
    CHECK_STR(first("It happened on 12 November 2004 in the city.", TUE, 0), "2004-11-12/day");
    CHECK_STR(first("It was signed on November 12, 2004.", TUE, 0), "2004-11-12/day");
    CHECK_STR(first("The record is dated 2004-11-12.", TUE, 0), "2004-11-12/day");
    CHECK_STR(first("He was sued on December 14, 2004, but fought back.", 20041228, 0), "2004-12-14/day");
    CHECK_STR(span("They met on the 12th of November 2003 there.", TUE), "12th of November 2003");
    CHECK_STR(first("On 31 February 2004 nothing happened.", TUE, 0), "2004-02/month"); /* no such day */
}

TEST(when_partial_dates)
{
    CHECK_STR(first("Talks began on Nov. 12 in Geneva.", TUE, DL_TENSE_PAST), "2004-11-12/day");
    CHECK_STR(span("Talks began on Nov. 12 in Geneva.", TUE), "Nov. 12");
    CHECK_STR(first("On 17 November, the minister met the ambassador.", 20041118, DL_TENSE_PAST), "2004-11-17/day");
    CHECK_STR(first("On May 28th, he advised the chief.", TUE, DL_TENSE_PAST), "2004-05-28/day");
    /* past tense: a December date in a November story is the one before */
    CHECK_STR(first("They met on 20 December.", TUE, DL_TENSE_PAST), "2003-12-20/day");
    /* but a date just after the article's is this year's even so */
    CHECK_STR(first("The summit was held on 8 December.", 20041127, DL_TENSE_PAST), "2004-12-08/day");
    /* future: a January date in a November story is next year's */
    CHECK_STR(first("He will visit on January 26.", TUE, DL_TENSE_FUTURE), "2005-01-26/day");
    CHECK_STR(first("The vote was in September 2000.", TUE, 0), "2000-09/month");
    CHECK_STR(first("planned at a summit in March or April of 2005 in Brazil", TUE, DL_TENSE_FUTURE), "2005-03/month");
}

TEST(when_month_names)
{
    CHECK_STR(first("The document was required in September, but no.", 20041118, DL_TENSE_PAST), "2004-09/month");
    CHECK_STR(first("Elections will be held in May.", TUE, DL_TENSE_FUTURE), "2005-05/month");
    CHECK_STR(first("Kostov, who was appointed last May, quit.", 20041115, DL_TENSE_PAST), "2004-05/month");
    CHECK_STR(first("After the November vote, observers objected.", 20041218, DL_TENSE_PAST), "2004-11/month");
    CHECK_STR(first("The drive began in early December.", 20041218, DL_TENSE_PAST), "2004-12/month");
    CHECK_STR(first("Fighting eased by mid-December.", 20041218, DL_TENSE_PAST), "2004-12/month");
    CHECK_STR(first("Fighting eased in mid-December 2003.", 20041218, DL_TENSE_PAST), "2003-12/month");
    /* "may" the verb and a capital May that no word makes a time */
    CHECK_STR(first("Officials may meet soon.", TUE, 0), "");
    CHECK_STR(first("May officials meet?", TUE, 0), "");
    CHECK_STR(first("The march was peaceful.", TUE, 0), "");
}

TEST(when_weekdays_by_tense)
{
    /* Tuesday 16 November 2004: the Sunday before is the 14th, after the 21st */
    CHECK_STR(first("Troops entered the town on Sunday.", TUE, DL_TENSE_PAST), "2004-11-14/day");
    CHECK_STR(first("Leaders will meet on Sunday.", TUE, DL_TENSE_FUTURE), "2004-11-21/day");
    CHECK_STR(first("He resigned on Tuesday.", TUE, DL_TENSE_PAST), "2004-11-16/day");
    CHECK_STR(first("He resigned last Tuesday.", TUE, DL_TENSE_PAST), "2004-11-09/day");
    CHECK_STR(first("They meet next Tuesday.", TUE, DL_TENSE_FUTURE), "2004-11-23/day");
    CHECK_STR(first("Bombs were placed in Madrid on Friday.", 20041205, DL_TENSE_PAST), "2004-12-03/day");
    CHECK_STR(first("He spoke on Monday morning.", TUE, DL_TENSE_PAST), "2004-11-15/day");
    /* the weekday and its date: the date wins */
    CHECK_STR(first("set to explode on Monday, December 6, a holiday", 20041205, DL_TENSE_FUTURE), "2004-12-06/day");
    dl_when w[4];
    const char *s = "Police arrived on Sunday.";
    CHECK_INT(dl_when_find(w, 4, s, strlen(s), TUE, DL_TENSE_PAST), 1);
    dl_when_retense(&w[0], TUE, DL_TENSE_FUTURE);
    CHECK_INT(w[0].day, 21);
}

TEST(when_deictic_words)
{
    CHECK_STR(first("Rebels attacked the base yesterday.", TUE, 0), "2004-11-15/day");
    CHECK_STR(first("The two leaders had lunch today.", TUE, 0), "2004-11-16/day");
    CHECK_STR(first("The vote is tomorrow.", TUE, 0), "2004-11-17/day");
    CHECK_STR(first("Shelling went on last night.", TUE, 0), "2004-11-15/day");
    CHECK_STR(first("Aid will total $8.9bn this year.", TUE, 0), "2004/year");
    CHECK_STR(first("Dissidents were jailed last year.", 20041218, 0), "2003/year");
    CHECK_STR(first("Relations were strained last week when ...", 20041118, 0), "2004-11-08/week");
    CHECK_STR(first("Talks collapsed earlier this month.", TUE, 0), "2004-11/month");
    CHECK_STR(first("Talks collapsed last month.", 20040115, 0), "2003-12/month");
    CHECK_STR(first("Talks resume next year.", TUE, 0), "2005/year");
    CHECK_STR(span("Talks collapsed earlier this month.", TUE), "earlier this month");
}

TEST(when_counted_back)
{
    CHECK_STR(first("He was arrested two days ago.", TUE, 0), "2004-11-14/day");
    CHECK_STR(first("He was arrested 3 weeks ago.", TUE, 0), "2004-10-26/day");
    CHECK_STR(first("The war ended a year ago.", TUE, 0), "2003/year");
    CHECK_STR(first("It began six months ago.", TUE, 0), "2004-05/month");
    CHECK_STR(span("He was arrested two days ago.", TUE), "two days ago");
}

TEST(when_years_and_decades)
{
    CHECK_STR(first("The fighting came to a halt in 2001.", TUE, 0), "2001/year");
    CHECK_STR(first("The war of 1967 changed the region.", TUE, 0), "1967/year");
    CHECK_STR(first("cited by a 1993 UN Truth Commission", TUE, 0), "1993/year");
    CHECK_STR(first("It was begun in the 1980s as China opened.", TUE, 0), "1980/year");
    CHECK_STR(first("abuse in the spring of 2003 by officers", TUE, 0), "2003/year");
    CHECK_STR(first("growth since mid-2003", TUE, 0), "2003/year");
    /* counts are not years */
    CHECK_STR(first("Police said 2000 people marched.", TUE, 0), "");
    CHECK_STR(first("They fired 1,500 shells.", TUE, 0), "");
    CHECK_STR(first("by 2000 votes", TUE, 0), "");
}

TEST(when_ranges)
{
    CHECK_STR(first("The summit, held between 7-9 December at Cusco", 20041127, DL_TENSE_PAST),
              "2004-12-07/day..2004-12-09");
    CHECK_STR(first("The fair runs Nov. 12-14 in Lyon.", TUE, 0), "2004-11-12/day..2004-11-14");
    CHECK_STR(first("Talks ran from May to July 2003.", TUE, DL_TENSE_PAST), "2003-05/month..2003-07-00");
    CHECK_STR(first("Talks ran from 12 November 2003 to 14 November 2003.", TUE, 0),
              "2003-11-12/day..2003-11-14");
}

TEST(when_times_of_day)
{
    dl_when w[4];
    const char *s = "The bomb was set to explode at 13:30 on Monday, December 6.";
    size_t n = dl_when_find(w, 4, s, strlen(s), 20041205, DL_TENSE_FUTURE);
    CHECK_INT(n, 1);
    CHECK_INT(w[0].hour, 13);
    CHECK_INT(w[0].minute, 30);
    CHECK_INT(w[0].day, 6);
    const char *p = "Police arrived yesterday at 3 p.m. and left.";
    n = dl_when_find(w, 4, p, strlen(p), TUE, DL_TENSE_PAST);
    CHECK_INT(n, 1);
    CHECK_INT(w[0].hour, 15);
    CHECK_INT(w[0].day, 15);
    CHECK_INT(w[0].end - w[0].start, (long long)strlen("yesterday at 3 p.m."));
    /* a time alone has no date */
    const char *q = "The meeting starts at 10:30 am.";
    n = dl_when_find(w, 4, q, strlen(q), TUE, 0);
    CHECK_INT(n, 1);
    CHECK_INT(w[0].kind, DL_WHEN_TIME);
    CHECK_INT(w[0].hour, 10);
    char iso[16];
    CHECK(!dl_when_iso(&w[0], iso));
}

TEST(when_without_article_date)
{
    /* no anchor: only expressions that name their year */
    CHECK_STR(first("He was arrested yesterday.", 0, 0), "");
    CHECK_STR(first("He was arrested on Sunday.", 0, 0), "");
    CHECK_STR(first("He was arrested on 12 May 2001.", 0, 0), "2001-05-12/day");
}

TEST(when_iso_arguments)
{
    int y, m, d;
    dl_when_precision p;
    CHECK(dl_when_parse_iso("2004-11-12", &y, &m, &d, &p) && p == DL_WHEN_DAY && d == 12);
    CHECK(dl_when_parse_iso("2004-11", &y, &m, &d, &p) && p == DL_WHEN_MONTH && m == 11);
    CHECK(dl_when_parse_iso("2004", &y, &m, &d, &p) && p == DL_WHEN_YEAR && y == 2004);
    CHECK(dl_when_parse_iso("2004-11-12T10:30:00Z", &y, &m, &d, &p) && p == DL_WHEN_DAY);
    CHECK(!dl_when_parse_iso("2019-13-45", &y, &m, &d, &p));
    CHECK(!dl_when_parse_iso("2019-02-29", &y, &m, &d, &p));
    CHECK(dl_when_parse_iso("2020-02-29", &y, &m, &d, &p));
    CHECK(!dl_when_parse_iso("yesterday", &y, &m, &d, &p));
    CHECK(!dl_when_parse_iso("xyz", &y, &m, &d, &p));
    CHECK(!dl_when_parse_iso("2004-1-2", &y, &m, &d, &p));
    CHECK(!dl_when_parse_iso("", &y, &m, &d, &p));
}

TEST(when_counted_from_the_date_before)
{
    dl_when w[4];
    const char *s = "It joined at its inception in 1969, but withdrew six years later.";
    size_t n = dl_when_find(w, 4, s, strlen(s), TUE, DL_TENSE_PAST);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(w[1].kind, DL_WHEN_RELATIVE);
        CHECK_INT(w[1].precision, DL_WHEN_YEAR);
        CHECK_INT(w[1].year, 1975);
        CHECK_INT(w[1].end - w[1].start, (long long)strlen("six years later"));
    }
    const char *d = "Talks began on 3 May 2001; two days later they collapsed.";
    n = dl_when_find(w, 4, d, strlen(d), TUE, DL_TENSE_PAST);
    CHECK(n == 2 && w[1].precision == DL_WHEN_DAY && w[1].day == 5 && w[1].month == 5 && w[1].year == 2001);
    /* nothing to count from: no date */
    const char *e = "Two days later they collapsed.";
    n = dl_when_find(w, 4, e, strlen(e), TUE, DL_TENSE_PAST);
    CHECK(n == 1 && w[0].precision == DL_WHEN_NONE);
}
