/* clean_tables.h: the cleaner's word lists, loaded from data/clean/ and the
 * line tests built on them. Each test looks at one normalised line alone;
 * decisions that need context (duplicates, teasers, article breaks) are
 * made in clean.c. */
#ifndef DL_DOC_CLEAN_TABLES_H
#define DL_DOC_CLEAN_TABLES_H

#include <stdbool.h>
#include "dateline.h"

typedef struct dl_pattern {
    char *reason;  /* static string from the table's reasons */
    char *glob;    /* lower case, '*' wildcards */
} dl_pattern;

struct dl_cleaner {
    dl_pattern *boiler;
    size_t n_boiler;
    char **captions;
    size_t n_captions;
    char **agencies;
    size_t n_agencies;
    char **stop;      /* dateline stop words */
    size_t n_stop;
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
/* A line that reads as a headline: 2-40 words, no final full stop. */
bool dl_clean_is_headline(const char *s, size_t n);
/* Case-insensitive glob match of a whole string. */
bool dl_glob_match(const char *glob, const char *s, size_t n);

#endif
