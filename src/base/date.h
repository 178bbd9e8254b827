/* date.h: the one date module: dates as news writes them, as dictionaries
 * write them (YYYYMMDD, TABARI's YYMMDD) and as ISO 8601, converted here
 * and nowhere else. */
#ifndef DL_DOC_DATE_H
#define DL_DOC_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { DL_DATE_MAX = 48 }; /* room for "YYYY-MM-DDTHH:MM" and any int the formatter may see */

/* Parses a whole line that is only a date, with optional lead words
 * ("Published:", "Updated", "Posted on"), weekday, time and zone:
 * "14 March 2025", "March 14, 2025 10:32 AM", "Fri, Mar. 14, 2025",
 * "2025-03-14", "2025-03-14T10:32:00Z". Writes "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM" to out and returns true. */
bool dl_date_parse_line(const char *s, size_t n, char out[DL_DATE_MAX]);

/* Normalises a date field given by the input (JSONL "date"): ISO 8601 is
 * kept as written; other recognised forms are rewritten; anything else
 * returns false. */
bool dl_date_normalize(const char *s, size_t n, char *out, size_t out_size);

/* ISO 8601 dates given by users are checked by dl_iso_date_valid() (dateline.h). */

/* "20221229" or "221229" (TABARI's two-digit years: 00-30 are 20xx) to
 * YYYYMMDD; -1 when not a date. */
int32_t dl_dict_parse_date(const char *s, size_t n);
/* An ISO date ("2023-10-28...") to YYYYMMDD, 0 when absent/unreadable. */
int32_t dl_date_to_int(const char *iso);
/* YYYYMMDD (the PETRARCH records' form) to "YYYY-MM-DD"; false when s is not
 * eight digits of a date. */
bool dl_date_compact_to_iso(const char *s, char out[11]);
/* The year, month and day of an ISO date ("2023-10-28..."); false when it
 * does not start with one. */
bool dl_date_ymd(const char *iso, int *year, int *month, int *day);

#endif
