/* date.c: dates as news writes them, to ISO 8601.
 *
 * A date line is read as a list of words (split on spaces, commas and
 * periods) so that "Fri, Mar. 14, 2025 10:32 AM ET" and "Published: 14
 * March 2025" take one code path: lead words and weekdays are skipped, a
 * day, a month and a year must each be found once, an optional time may
 * follow, and any word left over that is not a time zone means "not a
 * date line" (so a sentence that merely contains a date is never taken). */
#include "base/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum { MAX_WORDS = 16 };

typedef struct word {
    const char *s;
    size_t n;
} word;

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static bool word_is(const word *w, const char *lit)
{
    return w->n == strlen(lit) && strncasecmp(w->s, lit, w->n) == 0;
}

static int month_of(const word *w)
{
    if (w->n < 3)
        return 0;
    static const char *const full[] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};
    for (int m = 0; m < 12; m++) {
        if (w->n == 3 && strncasecmp(w->s, months[m], 3) == 0)
            return m + 1;
        if (w->n == 4 && m == 8 && strncasecmp(w->s, "sept", 4) == 0)
            return 9;
        if (w->n == strlen(full[m]) && strncasecmp(w->s, full[m], w->n) == 0)
            return m + 1;
    }
    return 0;
}

static bool is_skippable(const word *w)
{
    static const char *const lead[] = {"published", "updated", "posted", "on", "at", "last",
                                       "modified", "date", "dated", "monday", "tuesday",
                                       "wednesday", "thursday", "friday", "saturday", "sunday",
                                       "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                                       "fri", "sat", "sun", "|", "-", "—", "–", "gmt", "utc",
                                       "et", "est", "edt", "ct", "pt", "pst", "pdt", "bst",
                                       "cet", "cest", "z"};
    for (size_t i = 0; i < sizeof lead / sizeof *lead; i++)
        if (word_is(w, lead[i]))
            return true;
    return false;
}

static bool all_digits(const char *s, size_t n)
{
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* "2025-03-14" with an optional "T10:32..." tail, at the start of s. */
static bool parse_iso(const char *s, size_t n, int *y, int *mo, int *d, int *h, int *mi)
{
    if (n < 10 || !all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2) || s[7] != '-' ||
        !all_digits(s + 8, 2))
        return false;
    *y = num(s, 4), *mo = num(s + 5, 2), *d = num(s + 8, 2);
    *h = *mi = -1;
    if (n >= 16 && (s[10] == 'T' || s[10] == ' ') && all_digits(s + 11, 2) && s[13] == ':' &&
        all_digits(s + 14, 2)) {
        *h = num(s + 11, 2);
        *mi = num(s + 14, 2);
    }
    return true;
}

static bool valid(int y, int mo, int d, int h, int mi)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= mdays[mo - 1] &&
           (h < 0 || (h <= 23 && mi >= 0 && mi <= 59));
}

static void format(char out[DL_DATE_MAX], int y, int mo, int d, int h, int mi)
{
    if (h >= 0)
        snprintf(out, DL_DATE_MAX, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
    else
        snprintf(out, DL_DATE_MAX, "%04d-%02d-%02d", y, mo, d);
}

static size_t split_words(const char *s, size_t n, word *w)
{
    size_t k = 0, i = 0;
    while (i < n && k < MAX_WORDS) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || (s[i] == ':' && (i + 1 == n || s[i + 1] == ' '))))
            i++;
        if (i >= n)
            break;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != ',')
            i++;
        size_t e = i;
        while (e > b && (s[e - 1] == '.' || s[e - 1] == ':'))
            e--; /* "Mar." and "Published:" */
        if (e > b)
            w[k++] = (word){s + b, e - b};
    }
    return i < n ? MAX_WORDS + 1 : k;
}

bool dl_date_parse_line(const char *s, size_t n, char out[DL_DATE_MAX])
{
    if (n == 0 || n > 80)
        return false;
    word w[MAX_WORDS];
    size_t k = split_words(s, n, w);
    if (k == 0 || k > MAX_WORDS)
        return false;
    int y = 0, mo = 0, d = 0, h = -1, mi = -1;
    for (size_t i = 0; i < k; i++) {
        const word *x = &w[i];
        int m;
        int iy, imo, id, ih, imi;
        if (!y && parse_iso(x->s, x->n, &iy, &imo, &id, &ih, &imi)) {
            y = iy, mo = imo, d = id;
            if (ih >= 0)
                h = ih, mi = imi;
        } else if (!mo && (m = month_of(x)) != 0) {
            mo = m;
        } else if (x->n >= 4 && x->n <= 5 && (x->s[1] == ':' || x->s[2] == ':') && h < 0) {
            /* 10:32 or 9:05, then an optional am/pm */
            size_t c = x->s[1] == ':' ? 1 : 2;
            if (!all_digits(x->s, c) || !all_digits(x->s + c + 1, x->n - c - 1) || x->n - c - 1 != 2)
                return false;
            h = num(x->s, c);
            mi = num(x->s + c + 1, 2);
            if (i + 1 < k && (word_is(&w[i + 1], "am") || word_is(&w[i + 1], "a.m") ||
                              word_is(&w[i + 1], "pm") || word_is(&w[i + 1], "p.m"))) {
                bool pm = tolower((unsigned char)w[i + 1].s[0]) == 'p';
                if (h == 12)
                    h = 0;
                if (pm)
                    h += 12;
                i++;
            }
        } else if (all_digits(x->s, x->n) && x->n == 4 && !y) {
            y = num(x->s, 4);
        } else if (x->n <= 4 && !d && isdigit((unsigned char)x->s[0])) {
            /* 14, 3rd, 22nd */
            size_t dn = 0;
            while (dn < x->n && isdigit((unsigned char)x->s[dn]))
                dn++;
            if (dn > 2 || (dn < x->n && x->n - dn != 2))
                return false;
            d = num(x->s, dn);
        } else if (!is_skippable(x) && !(x->s[0] == '+' && all_digits(x->s + 1, x->n - 1))) {
            return false;
        }
    }
    if (!valid(y, mo, d, h, mi))
        return false;
    format(out, y, mo, d, h, mi);
    return true;
}

bool dl_date_normalize(const char *s, size_t n, char *out, size_t out_size)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    int y, mo, d, h, mi;
    if (parse_iso(s, n, &y, &mo, &d, &h, &mi) && valid(y, mo, d, h, mi < 0 ? 0 : mi)) {
        if (n + 1 > out_size)
            return false;
        memcpy(out, s, n);
        out[n] = '\0';
        return true;
    }
    char tmp[DL_DATE_MAX];
    if (!dl_date_parse_line(s, n, tmp) || strlen(tmp) + 1 > out_size)
        return false;
    memcpy(out, tmp, strlen(tmp) + 1);
    return true;
}

int32_t dl_dict_parse_date(const char *s, size_t n)
{
    int32_t v = 0;
    if (n != 6 && n != 8)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6)
        v += v / 10000 <= 30 ? 20000000 : 19000000;
    int mo = v / 100 % 100, d = v % 100;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? v : -1;
}

int32_t dl_date_to_int(const char *iso)
{
    if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
        return 0;
    char tmp[9] = {iso[0], iso[1], iso[2], iso[3], iso[5], iso[6], iso[8], iso[9], 0};
    int32_t v = dl_dict_parse_date(tmp, 8);
    return v > 0 ? v : 0;
}

bool dl_date_compact_to_iso(const char *s, char out[11])
{
    if (!s || strlen(s) < 8 || dl_dict_parse_date(s, 8) < 0)
        return false;
    snprintf(out, 11, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    return true;
}

bool dl_date_ymd(const char *iso, int *year, int *month, int *day)
{
    int32_t v = dl_date_to_int(iso);
    if (!v)
        return false;
    *year = v / 10000, *month = v / 100 % 100, *day = v % 100;
    return true;
}

bool dl_date_iso_valid(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    }
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (n == 4)
        return true;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12)
        return false;
    if (n == 7)
        return true;
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day >= 1 && day <= days[month - 1] && !(month == 2 && day == 29 && !leap);
}
