/* when.c: temporal expressions, found and resolved against the article's
 * date.
 *
 * The text is cut into small tokens (letter runs, digit runs with their
 * suffix — "28th", "1980s" —, single punctuation marks; a dash of any
 * width is '-'). At each token the recognisers below are tried, longest
 * first; the first that matches takes the tokens it used. A second pass
 * joins times of day to the date beside them and the two ends of a range
 * ("from May to July", "between 7 and 9 December"), and lends a year to a
 * month named just before one that has it ("in March or April of 2005").
 *
 * Dates without a year, and weekdays, are read against the tense of their
 * clause: "on Sunday" in a past-tense clause is the Sunday before the
 * article's date, in a future one the Sunday after. Month dates without a
 * year are put in the article's year unless that is more than a month on
 * the wrong side of the article for the tense (a story of 27 November
 * about a summit "on 8 December" means the coming one, even in the past
 * tense of a report written after it). */
#include "events/when.h"
#include "dateline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ calendar */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int32_t dl_when_ymd(int year, int month, int day) { return year * 10000 + month * 100 + day; }

int32_t dl_when_add_days(int32_t ymd, int days)
{
    int y, m, d;
    civil_from_days(days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100) + days, &y, &m, &d);
    return dl_when_ymd(y, m, d);
}

int dl_when_weekday(int32_t ymd)
{
    long z = days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
    /* 1970-01-01 was a Thursday (3 counting from Monday = 0) */
    return (int)(((z % 7) + 7 + 3) % 7);
}

static bool valid_day(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

static void set_day(dl_when *w, int32_t ymd)
{
    w->year = ymd / 10000;
    w->month = ymd / 100 % 100;
    w->day = ymd % 100;
    w->precision = DL_WHEN_DAY;
}

/* ------------------------------------------------------------- tokens */

typedef enum { T_WORD = 1, T_NUM, T_PUNCT } tok_kind;

typedef struct tok {
    uint32_t start, end;
    uint8_t kind;
    char punct;       /* T_PUNCT: the mark ('-' for every dash) */
    int num;          /* T_NUM: the value (capped) */
    uint8_t digits;   /* T_NUM: how many digits */
    char suffix[4];   /* T_NUM: "th", "st", "s" ... lower case, or "" */
} tok;

typedef struct scan {
    const char *text;
    tok *t;
    size_t n;
} scan;

static size_t tokenize(const char *s, size_t len, tok *t, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            i++;
            continue;
        }
        tok k = {0};
        k.start = (uint32_t)i;
        if (isalpha(c)) {
            while (i < len && isalpha((unsigned char)s[i]))
                i++;
            k.kind = T_WORD;
        } else if (isdigit(c)) {
            long v = 0;
            size_t d0 = i;
            while (i < len && isdigit((unsigned char)s[i])) {
                if (v < 100000)
                    v = v * 10 + (s[i] - '0');
                i++;
            }
            k.kind = T_NUM;
            k.num = (int)v;
            k.digits = (uint8_t)(i - d0 > 9 ? 9 : i - d0);
            size_t a = i;
            while (a < len && isalpha((unsigned char)s[a]) && a - i < 3)
                a++;
            if (a - i >= 1 && a - i <= 2 && !(a < len && isalpha((unsigned char)s[a]))) {
                for (size_t j = i; j < a; j++)
                    k.suffix[j - i] = (char)tolower((unsigned char)s[j]);
                i = a;
            }
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
            k.kind = T_PUNCT;
            k.punct = '-';
            i += 3;
        } else if (c == '&' && i + 7 <= len && !strncmp(s + i, "&mdash;", 7)) {
            k.kind = T_PUNCT;
            k.punct = '-';
            i += 7;
        } else {
            k.kind = T_PUNCT;
            k.punct = (char)c;
            i++;
            /* the rest of a UTF-8 sequence is one mark */
            if (c >= 0x80)
                while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
                    i++;
        }
        k.end = (uint32_t)i;
        t[n++] = k;
    }
    return n;
}

static bool is_word(const scan *s, size_t i, const char *w)
{
    if (i >= s->n || s->t[i].kind != T_WORD)
        return false;
    size_t n = s->t[i].end - s->t[i].start;
    return n == strlen(w) && !strncasecmp(s->text + s->t[i].start, w, n);
}

static int word_in(const scan *s, size_t i, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (is_word(s, i, list[k]))
            return k;
    return -1;
}

static bool is_punct(const scan *s, size_t i, char c)
{
    return i < s->n && s->t[i].kind == T_PUNCT && s->t[i].punct == c;
}

static bool is_num(const scan *s, size_t i) { return i < s->n && s->t[i].kind == T_NUM; }

/* Tokens i and i+1 touch (no space between them). */
static bool glued(const scan *s, size_t i) { return i + 1 < s->n && s->t[i].end == s->t[i + 1].start; }

static bool capitalised(const scan *s, size_t i)
{
    return i < s->n && s->t[i].kind == T_WORD && isupper((unsigned char)s->text[s->t[i].start]);
}

static const char *const month_full[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december", NULL};
static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                         "aug", "sep", "oct", "nov", "dec", NULL};

/* A month name at token i: returns 1-12 and sets *next past it (and past
 * an abbreviation's period), or 0. Full names must be capitalised (so
 * "may" the verb and "march" the noun are not months); abbreviations
 * also need their period or a number after them. */
static int month_at(const scan *s, size_t i, size_t *next)
{
    if (!capitalised(s, i))
        return 0;
    int m = word_in(s, i, month_full);
    if (m >= 0) {
        *next = i + 1;
        return m + 1;
    }
    m = word_in(s, i, month_abbr);
    if (m < 0 && is_word(s, i, "sept"))
        m = 8;
    if (m < 0)
        return 0;
    if (is_punct(s, i + 1, '.') && glued(s, i)) {
        *next = i + 2;
        return m + 1;
    }
    if (is_num(s, i + 1)) {
        *next = i + 1;
        return m + 1;
    }
    return 0;
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};

/* A day of the month: "12", "12th", "1st". */
static bool day_num(const scan *s, size_t i, int *day)
{
    if (!is_num(s, i) || s->t[i].digits > 2 || s->t[i].num < 1 || s->t[i].num > 31)
        return false;
    const char *x = s->t[i].suffix;
    if (*x && strcmp(x, "st") && strcmp(x, "nd") && strcmp(x, "rd") && strcmp(x, "th"))
        return false;
    *day = s->t[i].num;
    return true;
}

/* A year written out: four digits, 1000-2199, no suffix. */
static bool year_num(const scan *s, size_t i, int *year)
{
    if (!is_num(s, i) || s->t[i].digits != 4 || s->t[i].suffix[0] || s->t[i].num < 1000 ||
        s->t[i].num > 2199)
        return false;
    /* "1,500" is a number, not a year */
    if (i > 0 && is_punct(s, i - 1, ',') && glued(s, i - 1) && is_num(s, i - 2))
        return false;
    if (is_punct(s, i + 1, ',') && glued(s, i) && is_num(s, i + 2) && glued(s, i + 1))
        return false;
    if ((is_punct(s, i + 1, '.') || is_punct(s, i + 1, ':')) && glued(s, i) && is_num(s, i + 2) && glued(s, i + 1))
        return false;
    *year = s->t[i].num;
    return true;
}

/* A small count: "2", "two", "a". */
static bool count_at(const scan *s, size_t i, int *n)
{
    static const char *const words[] = {"a", "one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve", NULL};
    if (is_num(s, i) && !s->t[i].suffix[0] && s->t[i].digits <= 3) {
        *n = s->t[i].num;
        return true;
    }
    int k = word_in(s, i, words);
    if (k < 0)
        return false;
    *n = k ? k : 1;
    return true;
}

/* ------------------------------------------------------- recognisers */

typedef struct ctx {
    scan s;
    int32_t anchor;
    dl_tense tense;
} ctx;

static void init(dl_when *w, const ctx *c, size_t first, size_t last_tok, dl_when_kind kind)
{
    memset(w, 0, sizeof *w);
    w->start = c->s.t[first].start;
    w->end = c->s.t[last_tok].end;
    w->kind = kind;
    w->hour = w->minute = -1;
}

/* Puts a month (and day) named without a year in the year the tense and
 * the article's date call for. */
static void resolve_month_name(dl_when *w, int32_t anchor, dl_tense tense)
{
    if (!anchor) {
        w->precision = DL_WHEN_NONE;
        return;
    }
    int ay = anchor / 10000;
    int m = w->month_named, d = w->day_named;
    long a = days_from_civil(ay, anchor / 100 % 100, anchor % 100);
    /* distance from the article's date to the named day (or the middle of
     * the named month) in the article's year */
    long c = days_from_civil(ay, m, d ? (d <= days_in_month(ay, m) ? d : days_in_month(ay, m)) : 15);
    int y = ay;
    long slack = d ? 31 : 45;
    if (tense == DL_TENSE_FUTURE) {
        if (c < a - slack)
            y = ay + 1;
    } else if (tense == DL_TENSE_PAST) {
        if (c > a + slack)
            y = ay - 1;
    } else if (c - a > 183) {
        y = ay - 1;
    } else if (a - c > 183) {
        y = ay + 1;
    }
    w->year = y;
    w->month = m;
    if (d && valid_day(y, m, d)) {
        w->day = d;
        w->precision = DL_WHEN_DAY;
    } else {
        w->day = 0;
        w->precision = DL_WHEN_MONTH;
    }
}

static void resolve_weekday(dl_when *w, int32_t anchor, dl_tense tense, int shift)
{
    if (!anchor) {
        w->precision = DL_WHEN_NONE;
        return;
    }
    int aw = dl_when_weekday(anchor);
    int delta;
    if (shift > 0 || (shift == 0 && tense == DL_TENSE_FUTURE)) {
        delta = (w->weekday - aw + 7) % 7;
        if (delta == 0 && shift > 0)
            delta = 7;
    } else {
        delta = -((aw - w->weekday + 7) % 7);
        if (delta == 0 && shift < 0)
            delta = -7;
    }
    set_day(w, dl_when_add_days(anchor, delta));
}

void dl_when_retense(dl_when *w, int32_t anchor, dl_tense tense)
{
    if (w->kind == DL_WHEN_MONTH_NAME)
        resolve_month_name(w, anchor, tense);
    else if (w->kind == DL_WHEN_WEEKDAY && w->month_named == 0)
        resolve_weekday(w, anchor, tense, 0);
}

static const char *const year_lead[] = {"in", "since", "of", "until", "till", "by", "from", "during",
                                        "early", "late", "mid", "before", "after", "between", "and",
                                        "to", "through", "the", "a", "an", "around", "circa", "year",
                                        "spring", "summer", "autumn", "fall", "winter", "or", "for",
                                        "as", "than", "its", "their", "his", "her", "that", NULL};

/* "12 November 2004", "12th of November", "7-9 December", "7 and 9 December". */
static size_t day_month(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    int d, d2 = 0, m, y;
    if (!day_num(s, i, &d))
        return 0;
    size_t j = i + 1;
    if ((is_punct(s, j, '-') || is_word(s, j, "to") || is_word(s, j, "and")) && day_num(s, j + 1, &d2) && d2 > d)
        j += 2;
    else
        d2 = 0;
    if (is_word(s, j, "of"))
        j++;
    size_t k;
    if (!(m = month_at(s, j, &k)))
        return 0;
    init(w, c, i, k - 1, DL_WHEN_MONTH_NAME);
    w->month_named = m;
    w->day_named = d;
    size_t yk = k + (is_punct(s, k, ',') ? 1 : 0);
    if (year_num(s, yk, &y) && !valid_day(y, m, d))
        return 0; /* "31 February 2004": no such day; "February 2004" is read alone */
    if (year_num(s, yk, &y)) {
        w->kind = DL_WHEN_ABSOLUTE;
        w->year = y, w->month = m, w->day = d;
        w->precision = DL_WHEN_DAY;
        w->end = s->t[yk].end;
        k = yk + 1;
    } else {
        resolve_month_name(w, c->anchor, c->tense);
    }
    if (d2 && w->precision == DL_WHEN_DAY && valid_day(w->year, m, d2))
        w->end_year = w->year, w->end_month = m, w->end_day = d2;
    return k - i;
}

/* "Nov. 12", "November 12, 2004", "Nov 12-14", "November 2004", "in May",
 * "last May". */
static size_t month_first(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    size_t k;
    int m = month_at(s, i, &k), d, d2 = 0, y;
    if (!m)
        return 0;
    if (day_num(s, k, &d) && !(is_punct(s, k + 1, ':'))) {
        size_t j = k + 1;
        if (is_punct(s, j, '-') && day_num(s, j + 1, &d2) && d2 > d)
            j += 2;
        else
            d2 = 0;
        init(w, c, i, j - 1, DL_WHEN_MONTH_NAME);
        w->month_named = m;
        w->day_named = d;
        size_t yk = j + (is_punct(s, j, ',') ? 1 : 0);
        if (year_num(s, yk, &y) && valid_day(y, m, d)) {
            w->kind = DL_WHEN_ABSOLUTE;
            w->year = y, w->month = m, w->day = d;
            w->precision = DL_WHEN_DAY;
            w->end = s->t[yk].end;
            j = yk + 1;
        } else {
            resolve_month_name(w, c->anchor, c->tense);
        }
        if (d2 && w->precision == DL_WHEN_DAY && valid_day(w->year, m, d2))
            w->end_year = w->year, w->end_month = m, w->end_day = d2;
        return j - i;
    }
    size_t yk = k + (is_punct(s, k, ',') ? 1 : is_word(s, k, "of") ? 1 : 0);
    if (year_num(s, yk, &y)) {
        init(w, c, i, yk, DL_WHEN_ABSOLUTE);
        w->year = y, w->month = m;
        w->precision = DL_WHEN_MONTH;
        return yk + 1 - i;
    }
    /* A month alone must follow a word that makes it a time: "in May",
     * "last May", "the November vote", "early December". */
    static const char *const lead[] = {"in", "since", "until", "till", "by", "from", "during", "early",
                                       "late", "mid", "last", "next", "this", "the", "of", "before",
                                       "after", "between", "and", "or", "to", "through", "throughout",
                                       "end", "beginning", "start", "middle", "around", "that", NULL};
    bool mid = i >= 2 && is_punct(s, i - 1, '-') && glued(s, i - 2) && glued(s, i - 1) &&
               (is_word(s, i - 2, "mid") || is_word(s, i - 2, "early") || is_word(s, i - 2, "late"));
    if (i == 0 || (word_in(s, i - 1, lead) < 0 && !mid))
        return 0; /* "mid-December" is a time too */
    init(w, c, i, k - 1, DL_WHEN_MONTH_NAME);
    w->month_named = m;
    if (is_word(s, i - 1, "last") || is_word(s, i - 1, "next") || is_word(s, i - 1, "this")) {
        /* "last May" is the May before the article's month, "next May" the
         * one after it, whatever the tense */
        w->start = s->t[i - 1].start;
        int ay = c->anchor / 10000, am = c->anchor / 100 % 100;
        if (!c->anchor) {
            w->precision = DL_WHEN_NONE;
        } else {
            w->kind = DL_WHEN_DEICTIC;
            w->month = m;
            w->precision = DL_WHEN_MONTH;
            if (is_word(s, i - 1, "last"))
                w->year = m < am ? ay : ay - 1;
            else if (is_word(s, i - 1, "next"))
                w->year = m > am ? ay : ay + 1;
            else
                w->year = ay;
        }
    } else {
        resolve_month_name(w, c->anchor, c->tense);
    }
    return k - i;
}

/* "(on) (last|next|this) Sunday (morning)", "Monday, December 6". */
static size_t weekday(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    int wd = word_in(s, i, weekdays);
    if (wd < 0 || !capitalised(s, i))
        return 0;
    size_t first = i, j = i + 1;
    int shift = 0;
    if (i > 0 && (is_word(s, i - 1, "last") || is_word(s, i - 1, "next") || is_word(s, i - 1, "this"))) {
        first = i - 1;
        shift = is_word(s, i - 1, "last") ? -1 : is_word(s, i - 1, "next") ? 1 : 0;
    }
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    if (word_in(s, j, parts) >= 0)
        j++;
    /* "Monday, December 6": the date given wins */
    size_t k = j + (is_punct(s, j, ',') ? 1 : 0);
    dl_when d;
    size_t used = month_first(c, k, &d);
    if (!used)
        used = day_month(c, k, &d);
    if (used && d.precision == DL_WHEN_DAY) {
        *w = d;
        w->start = s->t[first].start;
        w->weekday = wd;
        return k + used - first;
    }
    init(w, c, first, j - 1, DL_WHEN_WEEKDAY);
    w->weekday = wd;
    resolve_weekday(w, c->anchor, c->tense, shift);
    return j - first;
}

static void set_month_offset(dl_when *w, int32_t anchor, int months)
{
    int y = anchor / 10000, m = anchor / 100 % 100 + months;
    while (m < 1)
        m += 12, y--;
    while (m > 12)
        m -= 12, y++;
    w->year = y, w->month = m, w->day = 0;
    w->precision = DL_WHEN_MONTH;
}

/* "yesterday", "last night", "this morning", "last week", "earlier this
 * month", "next year", "two days ago". */
static size_t deictic(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    if (!c->anchor)
        return 0;
    int32_t a = c->anchor;
    static const char *const one[] = {"yesterday", "today", "tonight", "tomorrow", NULL};
    int k = word_in(s, i, one);
    if (k >= 0) {
        init(w, c, i, i, DL_WHEN_DEICTIC);
        set_day(w, dl_when_add_days(a, k == 0 ? -1 : k == 3 ? 1 : 0));
        return 1;
    }
    size_t j = i;
    int lean = 0; /* "earlier"/"later": still this unit */
    if (is_word(s, j, "earlier") || is_word(s, j, "later"))
        lean = 1, j++;
    if (is_word(s, j, "in") && is_word(s, j + 1, "the") && lean)
        j += 1; /* "earlier in the month" reads like "earlier this month" */
    int dir = is_word(s, j, "last") || is_word(s, j, "past") ? -1
              : is_word(s, j, "next") || is_word(s, j, "coming") ? 1
              : is_word(s, j, "this") || is_word(s, j, "the") ? 0
                                                                : 9;
    if (dir != 9) {
        if (dir == 0 && is_word(s, j, "the") && !lean)
            dir = 9;
    }
    if (dir != 9) {
        size_t u = j + 1;
        if (is_word(s, u, "night") && dir == -1) {
            init(w, c, i, u, DL_WHEN_DEICTIC);
            set_day(w, dl_when_add_days(a, -1));
            return u + 1 - i;
        }
        if ((is_word(s, u, "morning") || is_word(s, u, "afternoon") || is_word(s, u, "evening")) && dir == 0) {
            init(w, c, i, u, DL_WHEN_DEICTIC);
            set_day(w, a);
            return u + 1 - i;
        }
        if (is_word(s, u, "week") || is_word(s, u, "weekend")) {
            init(w, c, i, u, DL_WHEN_DEICTIC);
            /* the week is Monday to Sunday; a week is given by its Monday */
            int32_t monday = dl_when_add_days(a, -dl_when_weekday(a));
            set_day(w, dl_when_add_days(monday, 7 * (lean ? 0 : dir)));
            w->precision = DL_WHEN_WEEK;
            if (is_word(s, u, "weekend")) {
                set_day(w, dl_when_add_days(w->year * 10000 + w->month * 100 + w->day, 5));
                w->end_year = 0;
            }
            return u + 1 - i;
        }
        if (is_word(s, u, "month")) {
            init(w, c, i, u, DL_WHEN_DEICTIC);
            set_month_offset(w, a, lean ? 0 : dir);
            return u + 1 - i;
        }
        if (is_word(s, u, "year")) {
            init(w, c, i, u, DL_WHEN_DEICTIC);
            w->year = a / 10000 + (lean ? 0 : dir);
            w->precision = DL_WHEN_YEAR;
            return u + 1 - i;
        }
        return 0;
    }
    int n;
    /* "two days ago", "a year ago" */
    if (count_at(s, i, &n) && n > 0 && n < 1000 && is_word(s, i + 2, "ago")) {
        static const char *const units[] = {"day", "days", "week", "weeks", "month", "months",
                                            "year", "years", NULL};
        int u = word_in(s, i + 1, units);
        if (u < 0)
            return 0;
        init(w, c, i, i + 2, DL_WHEN_DEICTIC);
        if (u < 2)
            set_day(w, dl_when_add_days(a, -n));
        else if (u < 4)
            set_day(w, dl_when_add_days(a, -7 * n));
        else if (u < 6)
            set_month_offset(w, a, -n);
        else {
            w->year = a / 10000 - n;
            w->precision = DL_WHEN_YEAR;
        }
        return 3;
    }
    return 0;
}

/* "six years later", "two days earlier": counted from the date before it
 * in the text (see join()); no date of its own until then. */
static size_t relative(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    int n;
    if (count_at(s, i, &n) && n > 0 && n < 1000 &&
        (is_word(s, i + 2, "later") || is_word(s, i + 2, "earlier") || is_word(s, i + 2, "afterwards"))) {
        static const char *const units[] = {"day", "days", "week", "weeks", "month", "months", "year", "years", NULL};
        int u = word_in(s, i + 1, units);
        if (u < 0)
            return 0;
        init(w, c, i, i + 2, DL_WHEN_RELATIVE);
        w->shift = is_word(s, i + 2, "earlier") ? -n : n;
        w->shift_unit = "dwmy"[u / 2];
        w->precision = DL_WHEN_NONE;
        return 3;
    }
    return 0;
}

/* "2004-11-12", "2004-11". */
static size_t iso(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    int y;
    if (!year_num(s, i, &y) || !is_punct(s, i + 1, '-') || !glued(s, i) || !glued(s, i + 1) ||
        !is_num(s, i + 2) || s->t[i + 2].digits != 2)
        return 0;
    int m = s->t[i + 2].num;
    if (m < 1 || m > 12)
        return 0;
    if (is_punct(s, i + 3, '-') && glued(s, i + 2) && glued(s, i + 3) && is_num(s, i + 4) &&
        s->t[i + 4].digits == 2 && valid_day(y, m, s->t[i + 4].num)) {
        init(w, c, i, i + 4, DL_WHEN_ABSOLUTE);
        w->year = y, w->month = m, w->day = s->t[i + 4].num;
        w->precision = DL_WHEN_DAY;
        return 5;
    }
    init(w, c, i, i + 2, DL_WHEN_ABSOLUTE);
    w->year = y, w->month = m;
    w->precision = DL_WHEN_MONTH;
    return 3;
}

/* "in 1967", "a 1993 UN commission", "the 1980s", "mid-2003". */
static size_t year_alone(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    if (!is_num(s, i) || s->t[i].digits != 4)
        return 0;
    int y = s->t[i].num;
    if (!strcmp(s->t[i].suffix, "s") && y % 10 == 0 && y >= 1000 && y <= 2190) {
        init(w, c, i, i, DL_WHEN_ABSOLUTE); /* a decade: its first year stands for it */
        w->year = y;
        w->precision = DL_WHEN_YEAR;
        return 1;
    }
    if (!year_num(s, i, &y))
        return 0;
    bool lead = i > 0 && word_in(s, i - 1, year_lead) >= 0;
    if (i > 1 && is_punct(s, i - 1, '-') && glued(s, i - 2) && is_word(s, i - 2, "mid"))
        lead = true;
    /* a year at the end of a clause: "..., 2004." */
    bool tail = i + 1 >= s->n || (s->t[i + 1].kind == T_PUNCT && s->t[i + 1].punct != '%' &&
                                  s->t[i + 1].punct != '-' && s->t[i + 1].punct != '/');
    if (!lead && !tail)
        return 0;
    /* "in 2004 people" would be odd; "by 2000 votes" is a count */
    static const char *const counted[] = {"people", "votes", "soldiers", "troops", "dollars", "euros",
                                          "km", "kilometres", "kilometers", "miles", "metres",
                                          "meters", "tons", "tonnes", "residents", "men", "women",
                                          "children", "deaths", "cases", "units", "homes", "points",
                                          NULL};
    if (word_in(s, i + 1, counted) >= 0)
        return 0;
    init(w, c, i, i, DL_WHEN_ABSOLUTE);
    w->year = y;
    w->precision = DL_WHEN_YEAR;
    return 1;
}

/* "13:30", "10:32 a.m.", "3 pm", "noon", "midnight". */
static size_t time_of_day(const ctx *c, size_t i, dl_when *w)
{
    const scan *s = &c->s;
    int h = -1, mi = 0;
    size_t j = i;
    if (is_word(s, i, "noon") || is_word(s, i, "midday")) {
        h = 12, j = i + 1;
    } else if (is_word(s, i, "midnight")) {
        h = 0, j = i + 1;
    } else if (is_num(s, i) && s->t[i].digits <= 2 && !s->t[i].suffix[0] && is_punct(s, i + 1, ':') &&
               glued(s, i) && glued(s, i + 1) && is_num(s, i + 2) && s->t[i + 2].digits == 2) {
        h = s->t[i].num, mi = s->t[i + 2].num, j = i + 3;
        if (h > 23 || mi > 59)
            return 0;
    } else if (is_num(s, i) && s->t[i].digits <= 2 && (!strcmp(s->t[i].suffix, "am") || !strcmp(s->t[i].suffix, "pm"))) {
        h = s->t[i].num, j = i + 1;
        if (h < 1 || h > 12)
            return 0;
        if (s->t[i].suffix[0] == 'p' && h < 12)
            h += 12;
        else if (s->t[i].suffix[0] == 'a' && h == 12)
            h = 0;
    } else if (is_num(s, i) && s->t[i].digits <= 2 && !s->t[i].suffix[0]) {
        h = s->t[i].num, j = i + 1;
        if (h < 1 || h > 12)
            return 0;
    } else {
        return 0;
    }
    /* "am", "pm", "a.m.", "p.m." after the number */
    int half = 0;
    if (is_word(s, j, "am") || is_word(s, j, "pm")) {
        half = tolower((unsigned char)s->text[s->t[j].start]);
        j++;
    } else if ((is_word(s, j, "a") || is_word(s, j, "p")) && is_punct(s, j + 1, '.') && is_word(s, j + 2, "m")) {
        half = tolower((unsigned char)s->text[s->t[j].start]);
        j += 3;
        if (is_punct(s, j, '.'))
            j++;
    }
    if (half == 'p' && h < 12)
        h += 12;
    else if (half == 'a' && h == 12)
        h = 0;
    /* a bare number is a time only with am/pm */
    if (j == i + 1 && is_num(s, i) && !s->t[i].suffix[0] && !half)
        return 0;
    if (half && h > 23)
        return 0;
    init(w, c, i, j - 1, DL_WHEN_TIME);
    w->hour = h;
    w->minute = mi;
    w->precision = DL_WHEN_NONE;
    return j - i;
}

/* ------------------------------------------------------------ joining */

/* Tokens from..to (exclusive) hold only words from the list. */
static bool only_words(const scan *s, size_t from, size_t to, const char *const *list)
{
    for (size_t i = from; i < to; i++)
        if (word_in(s, i, list) < 0 && !is_punct(s, i, ','))
            return false;
    return true;
}

static size_t tok_at(const scan *s, uint32_t byte)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->t[i].start >= byte)
            return i;
    return s->n;
}

/* Counts a relative expression from the date before it: "in 1969 ...
 * six years later" is 1975, at the coarser of the two precisions. */
static void resolve_relative(dl_when *r, const dl_when *from)
{
    int32_t ymd = dl_when_ymd(from->year, from->month ? from->month : 1, from->day ? from->day : 1);
    dl_when_precision p = from->precision;
    switch (r->shift_unit) {
    case 'd': ymd = dl_when_add_days(ymd, r->shift); break;
    case 'w': ymd = dl_when_add_days(ymd, 7 * r->shift); break;
    case 'm': {
        int y = ymd / 10000, m = ymd / 100 % 100 + r->shift;
        while (m < 1)
            m += 12, y--;
        while (m > 12)
            m -= 12, y++;
        ymd = dl_when_ymd(y, m, 1);
        if (p < DL_WHEN_MONTH)
            p = DL_WHEN_MONTH;
        break;
    }
    default:
        ymd = dl_when_ymd(ymd / 10000 + r->shift, 1, 1);
        p = DL_WHEN_YEAR;
    }
    if (p == DL_WHEN_WEEK)
        p = DL_WHEN_DAY;
    r->year = ymd / 10000;
    r->month = p <= DL_WHEN_MONTH ? ymd / 100 % 100 : 0;
    r->day = p == DL_WHEN_DAY ? ymd % 100 : 0;
    r->precision = p;
}

static size_t join(const ctx *c, dl_when *w, size_t n)
{
    const scan *s = &c->s;
    for (size_t i = 0; i < n; i++)
        if (w[i].kind == DL_WHEN_RELATIVE)
            for (size_t j = i; j-- > 0;)
                if (w[j].precision != DL_WHEN_NONE && w[j].kind != DL_WHEN_RELATIVE) {
                    resolve_relative(&w[i], &w[j]);
                    break;
                }
    static const char *const time_glue[] = {"at", "on", "about", "around", "of", "in", "the", NULL};
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        dl_when *cur = &w[i];
        /* a time beside a date: "at 13:30 on Monday", "Monday at 9 p.m." */
        if (i + 1 < n && (cur->kind == DL_WHEN_TIME) != (w[i + 1].kind == DL_WHEN_TIME) &&
            only_words(s, tok_at(s, cur->end), tok_at(s, w[i + 1].start), time_glue)) {
            dl_when *t = cur->kind == DL_WHEN_TIME ? cur : &w[i + 1];
            dl_when *d = cur->kind == DL_WHEN_TIME ? &w[i + 1] : cur;
            if (d->precision == DL_WHEN_DAY) {
                dl_when m = *d;
                m.hour = t->hour, m.minute = t->minute;
                m.start = cur->start, m.end = w[i + 1].end;
                w[out++] = m;
                i++;
                continue;
            }
        }
        /* a range: "from May to July", "between 7 and 9 December" */
        if (i + 1 < n && cur->precision != DL_WHEN_NONE && w[i + 1].precision != DL_WHEN_NONE) {
            size_t a = tok_at(s, cur->end), b = tok_at(s, w[i + 1].start);
            bool link = b == a + 1 && (is_word(s, a, "to") || is_word(s, a, "until") || is_word(s, a, "till") ||
                                       is_punct(s, a, '-') || is_word(s, a, "and") || is_word(s, a, "through"));
            size_t f = tok_at(s, cur->start);
            bool opened = f > 0 && (is_word(s, f - 1, "from") || is_word(s, f - 1, "between"));
            if (link && (opened || !is_word(s, a, "and"))) {
                dl_when *e = &w[i + 1];
                /* "May to July 2005": the first end borrows the year */
                if (cur->kind == DL_WHEN_MONTH_NAME && e->kind == DL_WHEN_ABSOLUTE) {
                    cur->year = e->year;
                    cur->kind = DL_WHEN_ABSOLUTE;
                }
                cur->end_year = e->year;
                cur->end_month = e->month;
                cur->end_day = e->day;
                cur->end = e->end;
                w[out++] = *cur;
                i++;
                continue;
            }
            /* "in March or April of 2005": the month borrows the year */
            if (b == a + 1 && (is_word(s, a, "or") || is_word(s, a, "and")) && cur->kind == DL_WHEN_MONTH_NAME &&
                w[i + 1].kind == DL_WHEN_ABSOLUTE && w[i + 1].precision <= DL_WHEN_MONTH) {
                cur->year = w[i + 1].year;
                cur->kind = DL_WHEN_ABSOLUTE;
                if (cur->day && !valid_day(cur->year, cur->month, cur->day))
                    cur->day = 0, cur->precision = DL_WHEN_MONTH;
            }
        }
        w[out++] = *cur;
    }
    return out;
}

/* ------------------------------------------------------------- public */

typedef size_t (*recogniser)(const ctx *c, size_t i, dl_when *w);

size_t dl_when_find(dl_when *out, size_t max, const char *text, size_t len, int32_t anchor, dl_tense tense)
{
    if (!max || !text || !len)
        return 0;
    if (anchor && !valid_day(anchor / 10000, anchor / 100 % 100, anchor % 100))
        anchor = 0;
    /* at most one token per byte; a text of news is a few thousand */
    size_t cap = len < 65536 ? len : 65536;
    tok *t = malloc(cap * sizeof *t);
    dl_when *found = malloc(max * sizeof *found);
    if (!t || !found) {
        free(t);
        free(found);
        return 0;
    }
    ctx c = {{text, t, tokenize(text, len, t, cap)}, anchor, tense};
    /* the order matters: a weekday takes the date after it, a date takes
     * its year before the year alone could, a time is tried last */
    static const recogniser rec[] = {iso, weekday, month_first, day_month, relative, deictic, year_alone, time_of_day};
    size_t n = 0;
    for (size_t i = 0; i < c.s.n && n < max;) {
        size_t used = 0;
        dl_when w;
        for (size_t r = 0; r < sizeof rec / sizeof *rec && !used; r++)
            used = rec[r](&c, i, &w);
        if (used) {
            /* an expression that cannot be dated here (no article date) is
             * still a span, so that nothing inside it is read again */
            if (w.precision != DL_WHEN_NONE || w.kind == DL_WHEN_TIME || w.kind == DL_WHEN_RELATIVE)
                found[n++] = w;
            i += used;
        } else {
            i++;
        }
    }
    n = join(&c, found, n);
    memcpy(out, found, n * sizeof *found);
    free(t);
    free(found);
    return n;
}

bool dl_when_iso(const dl_when *w, char out[16])
{
    switch (w->precision) {
    case DL_WHEN_DAY:
    case DL_WHEN_WEEK: snprintf(out, 16, "%04d-%02d-%02d", w->year % 10000, w->month % 100, w->day % 100); return true;
    case DL_WHEN_MONTH: snprintf(out, 16, "%04d-%02d", w->year % 10000, w->month % 100); return true;
    case DL_WHEN_YEAR: snprintf(out, 16, "%04d", w->year % 10000); return true;
    default: out[0] = 0; return false;
    }
}

const char *dl_when_precision_name(dl_when_precision p)
{
    switch (p) {
    case DL_WHEN_DAY: return "day";
    case DL_WHEN_WEEK: return "week";
    case DL_WHEN_MONTH: return "month";
    case DL_WHEN_YEAR: return "year";
    default: return NULL;
    }
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool dl_when_parse_iso(const char *s, int *year, int *month, int *day, dl_when_precision *precision)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    int y = n >= 4 ? digits(s, 4) : -1, m = 0, d = 0;
    dl_when_precision p = DL_WHEN_YEAR;
    if (y < 1 || (n > 4 && s[4] != '-'))
        return false;
    if (n > 4) {
        if (n < 7 || (m = digits(s + 5, 2)) < 1 || m > 12)
            return false;
        p = DL_WHEN_MONTH;
        if (n > 7) {
            if (s[7] != '-' || n < 10 || (d = digits(s + 8, 2)) < 1 || !valid_day(y, m, d))
                return false;
            p = DL_WHEN_DAY;
            /* a time may follow: "T10:30", "T10:30:00Z", "T10:30:00+02:00" */
            if (n > 10) {
                const char *t = s + 10;
                if ((*t != 'T' && *t != ' ') || n < 16 || digits(t + 1, 2) < 0 || digits(t + 1, 2) > 23 ||
                    t[3] != ':' || digits(t + 4, 2) < 0 || digits(t + 4, 2) > 59)
                    return false;
                for (const char *q = t + 6; *q; q++)
                    if (!isdigit((unsigned char)*q) && !strchr(":.+-Z", *q))
                        return false;
            }
        }
    }
    if (year)
        *year = y;
    if (month)
        *month = m;
    if (day)
        *day = d;
    if (precision)
        *precision = p;
    return true;
}

bool dl_iso_date_valid(const char *s) { return dl_when_parse_iso(s, NULL, NULL, NULL, NULL); }
