/* when.h: temporal expressions in news text, found and resolved against
 * the article's date.
 *
 * "Nov. 12", "12 November 2004", "2004-11-12", "on Sunday", "yesterday",
 * "last week", "earlier this month", "in May", "in 1967", "the 1980s",
 * "two days ago", "last year", "7-9 December", "from May to July", "six
 * years later" (counted from the date before it in the same text), and
 * times of day ("at 13:30", "3 p.m.") attached to the date beside them.
 * Each expression found gets a resolved date, a precision and its byte
 * span in the text searched. Used by the event coder (an event's date is
 * the expression attached to its clause) and by the CLI to check --since,
 * --until and --date.
 *
 * Nothing here allocates: results go to caller-given arrays. */
#ifndef DL_EVENTS_WHEN_H
#define DL_EVENTS_WHEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dl_when_precision {
    DL_WHEN_NONE = 0,  /* a time of day alone: no date of its own */
    DL_WHEN_DAY,
    DL_WHEN_WEEK,      /* "last week": the day is the same weekday a week back */
    DL_WHEN_MONTH,
    DL_WHEN_YEAR,
} dl_when_precision;

/* What the expression looked like; the weekday and relative kinds depend
 * on the tense of the clause they are in (see dl_when_retense()). */
typedef enum dl_when_kind {
    DL_WHEN_ABSOLUTE = 1, /* the text names the year, or the day and month */
    DL_WHEN_DEICTIC,      /* "yesterday", "last week", "this year", "two days ago" */
    DL_WHEN_WEEKDAY,      /* "on Sunday": past or next by tense */
    DL_WHEN_MONTH_NAME,   /* "in May", "Nov. 12" without a year: past or next by tense */
    DL_WHEN_TIME,         /* "at 13:30" with no date beside it */
    DL_WHEN_RELATIVE,     /* "six years later": counted from the date before it in the text */
} dl_when_kind;

typedef struct dl_when {
    uint32_t start, end;      /* byte span in the text given */
    dl_when_kind kind;
    dl_when_precision precision;
    int year, month, day;     /* month and day 0 when coarser than them */
    int end_year, end_month, end_day; /* ranges: the last day ("7-9 December"); 0 when none */
    int hour, minute;         /* -1 when no time of day is given */
    int weekday;              /* DL_WHEN_WEEKDAY: 0 Monday .. 6 Sunday */
    int month_named;          /* DL_WHEN_MONTH_NAME: the month named */
    int day_named;            /*   and its day, or 0 */
    int shift, shift_unit;    /* DL_WHEN_RELATIVE: +6, 'y' (days 'd', weeks 'w', months 'm', years 'y') */
} dl_when;

/* Tense of the clause an expression is read in. */
typedef enum dl_tense { DL_TENSE_UNKNOWN = 0, DL_TENSE_PAST = -1, DL_TENSE_FUTURE = 1 } dl_tense;

/* A date as YYYYMMDD (20041112) from its parts, and back. */
int32_t dl_when_ymd(int year, int month, int day);
/* Adds days to a YYYYMMDD date (negative: back). */
int32_t dl_when_add_days(int32_t ymd, int days);
/* 0 Monday .. 6 Sunday. */
int dl_when_weekday(int32_t ymd);

/* Finds the temporal expressions in text[0..len), resolved against
 * `anchor` (the article's date, YYYYMMDD; 0 when unknown: then only
 * expressions that name their year are given a date) read in `tense`.
 * Writes at most `max` results in text order and returns how many. */
size_t dl_when_find(dl_when *out, size_t max, const char *text, size_t len, int32_t anchor,
                    dl_tense tense);

/* Resolves a weekday or month-name expression again for another tense
 * (the event's clause may be future where the sentence's first verb was
 * past). Other kinds are left as they are. */
void dl_when_retense(dl_when *w, int32_t anchor, dl_tense tense);

/* Writes the date as ISO 8601 at its precision ("2004-11-12", "2004-11",
 * "2004"; a week is written as its day). Returns false when the
 * expression has no date. */
bool dl_when_iso(const dl_when *w, char out[16]);
/* "day", "week", "month", "year", or NULL for none. */
const char *dl_when_precision_name(dl_when_precision p);

/* Parses a whole string that is an ISO 8601 date at day, month or year
 * precision ("2004-11-12", "2004-11", "2004", also "2004-11-12T10:30" and
 * longer timestamps). Checks that the day exists. Used to validate dates
 * given on the command line. */
bool dl_when_parse_iso(const char *s, int *year, int *month, int *day, dl_when_precision *precision);

#endif
