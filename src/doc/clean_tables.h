/* clean_tables.h: the cleaner's word lists, loaded from data/clean/ and the
 * line tests built on them. Each test looks at one normalised line alone;
 * decisions that need context (duplicates, teasers, article breaks) are
 * made in clean.c. */
#ifndef DL_DOC_CLEAN_TABLES_H
#define DL_DOC_CLEAN_TABLES_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"

typedef struct dl_pattern {
    char *reason;  /* static string from the table's reasons */
    char *glob;    /* lower case, '*' wildcards */
} dl_pattern;

/* Many literal strings searched in one pass over a line. Checking each
 * caption marker with memmem() cost half the cleaner's time (55 scans per
 * line); one scan that looks up every byte pair in a bitmap of the
 * markers' first two bytes brought `dateline clean` from 18 to 56 MB/s (bench/run.sh). */
typedef struct dl_multi {
    uint64_t first2[65536 / 64]; /* bit set: some string starts with these two bytes */
    char **strings;
    size_t *lens;
    size_t n;
} dl_multi;

struct dl_cleaner {
    dl_pattern *boiler;
    size_t n_boiler;
    /* boiler patterns by their first (lower-case) byte; '*' patterns under 0 */
    uint16_t *boiler_by_first[256];
    uint16_t n_boiler_by_first[256];
    dl_multi captions;
    char **caption_list;
    size_t n_captions;
    char **agencies;
    size_t n_agencies;
    char **stop;      /* dateline stop words */
    size_t n_stop;
    char **ends;      /* headings that close the article in a page dump: kind letter ('e'nd, 'b'ox) + pattern */
    size_t n_ends;
};

/* The reason for dropping a boilerplate line ("boilerplate", "credit"), or
 * NULL. */
const char *dl_clean_boilerplate(const dl_cleaner *c, const char *s, size_t n);
bool dl_clean_is_caption(const dl_cleaner *c, const char *s, size_t n);
/* "US President Joe Biden, AP" */
bool dl_clean_is_credit(const dl_cleaner *c, const char *s, size_t n);
/* "TT", "AFP": a lone short upper-case word or two. */
bool dl_clean_is_logo(const char *s, size_t n);
/* "By Maria Lopez": sets *name to the byline without "By ". */
bool dl_clean_is_byline(const char *s, size_t n, size_t *name_start);
/* A dateline at the start of a paragraph: "WASHINGTON DC: ", "KYIV,
 * Ukraine (AP) — ". Sets *place_len (the place text is s[0..place_len))
 * and *body_start (where the paragraph's text resumes). */
bool dl_clean_dateline(const dl_cleaner *c, const char *s, size_t n, size_t *place_len,
                       size_t *body_start);
/* "Comments", "Related stories", "Most read": a short line that, in a
 * whole-page dump, closes the article (data/clean/page-ends.txt). Returns
 * 2 for a heading that always does ("end"), 1 for one that may head a box
 * inside the text ("box"), 0 for other lines. */
int dl_clean_page_end(const dl_cleaner *c, const char *s, size_t n);
/* A line that reads as a headline: 2-40 words, no final full stop. */
bool dl_clean_is_headline(const char *s, size_t n);
/* Case-insensitive glob match of a whole string. */
bool dl_glob_match(const char *glob, const char *s, size_t n);

#endif
