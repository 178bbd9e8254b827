/* eval_extract.h: scoring HTML extraction against expected pages.
 *
 * A test page is a folder holding source.html (the page as served),
 * expected.html (its main content, as a careful reader view keeps it) and
 * expected-metadata.json ({"title", "byline", "publishedTime", ...}), the
 * layout of the readability test pages. The body is scored by word
 * overlap (bags of case-folded words: precision, recall, F1 per page,
 * averaged over pages); the title by exact match (white space
 * collapsed); the byline by match after case folding and dropping a
 * leading "By"/"Par"/"Von" (one containing the other counts: expected
 * bylines often carry a date or a count glued on); the date by its day.
 * Titles, bylines and dates are counted only on pages whose metadata
 * gives one. */
#ifndef DL_EVAL_EVAL_EXTRACT_H
#define DL_EVAL_EVAL_EXTRACT_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"

typedef struct dl_extract_page_score {
    const char *name;            /* the page's folder name */
    double precision, recall, f1;
    uint64_t words_got, words_expected;
    bool has_title, title_ok;
    bool has_byline, byline_ok;
    bool has_date, date_ok;
    const char *title, *expected_title;   /* for reports; in the arena */
    const char *byline, *expected_byline;
    const char *date, *expected_date;
} dl_extract_page_score;

typedef struct dl_extract_score {
    uint64_t pages, skipped;
    double precision_sum, recall_sum, f1_sum;
    uint64_t titles, titles_ok, bylines, bylines_ok, dates, dates_ok;
    uint64_t source_bytes;
    double extract_seconds;      /* time spent in decoding and extraction */
} dl_extract_score;

/* Scores one page folder; adds it to total (may be NULL) and fills page
 * (strings in arena). DL_ERR_IO when a file is missing. */
dl_status dl_eval_extract_page(dl_extract_page_score *page, dl_extract_score *total,
                               const char *dir, const char *name, dl_arena *arena);

/* Per-page callback for dl_eval_extract_dir(); may be NULL. */
typedef void (*dl_extract_page_fn)(void *user, const dl_extract_page_score *page);

/* Scores every page folder under dir (sorted by name). Folders that lack
 * the three files are counted in skipped and reported through diag. */
dl_status dl_eval_extract_dir(dl_extract_score *total, const char *dir, dl_extract_page_fn fn,
                              void *user, dl_diag_fn diag, void *diag_user);

/* Whole-page text dumps (scripts/make-dumps.py writes them): each
 * DIR/NAME/dump.txt is cleaned as plain text, and what the cleaner keeps
 * (titles and bodies of every article it makes) is compared with the
 * expected article (expected.html words plus the expected title). */
typedef struct dl_dump_page_score {
    const char *name;
    uint64_t words_in, junk_in;      /* the dump's words, and those not in the article */
    uint64_t words_out, junk_out;    /* what the cleaner kept, and the junk in it */
    uint64_t words_expected, kept;   /* the article's words, and those kept */
    uint32_t articles;               /* how many the cleaner made of the page */
    bool has_title, title_ok;        /* title: the expected one (words of each in the other) */
    bool has_date, date_ok, date_wrong; /* a date was found and it is another day */
    const char *title, *expected_title;
} dl_dump_page_score;

typedef struct dl_dump_score {
    uint64_t pages;
    uint64_t words_in, junk_in, words_out, junk_out, words_expected, kept;
    uint64_t articles, pages_split;
    uint64_t titles, titles_ok, dates, dates_ok, dates_wrong;
} dl_dump_score;

typedef void (*dl_dump_page_fn)(void *user, const dl_dump_page_score *page);

/* Scores every DIR/NAME/dump.txt with the cleaner loaded from data_dir
 * (NULL: the default). */
dl_status dl_eval_dumps_dir(dl_dump_score *total, const char *dir, const char *data_dir,
                            dl_dump_page_fn fn, void *user);

#endif
