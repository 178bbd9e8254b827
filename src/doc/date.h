/* date.h: finding dates as news writes them and writing them as ISO 8601. */
#ifndef DL_DOC_DATE_H
#define DL_DOC_DATE_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
