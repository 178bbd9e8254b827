/* eval_when_where.h: how well events are dated and placed, against event
 * gold written by ../shared/ANNOTATION.md (DIR/articles.jsonl with id,
 * title, date, text; DIR/events.jsonl with the gold events of each
 * article). Used by `dateline eval when-where DIR`.
 *
 * Each article is cleaned and run through the whole pipeline; an emitted
 * event is matched to a gold event of the same sentence (the one with the
 * same CAMEO root when there are several, else the first). For matched
 * events it counts: the date right (same day; or the same month or year
 * when either side is coarser; a week holds the gold day), the location's
 * country right where the gold has a location, and no location given
 * where the gold has none. */
#ifndef DL_EVAL_WHEN_WHERE_H
#define DL_EVAL_WHEN_WHERE_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"
#include "events/whenwhere.h"

typedef struct dl_ww_score {
    uint64_t articles, gold_events, emitted, matched;
    uint64_t date_right;
    uint64_t date_sentence_gold, date_sentence_right; /* gold dated by its sentence */
    uint64_t loc_gold, loc_country_right;  /* gold has a location */
    uint64_t loc_none_gold, loc_none_right;/* gold has none */
    /* Every gold event, dated and placed from its own sentence by
     * dl_event_when_where() with the gold actors and the first verb after
     * the gold source as its verb: the module's own score, apart from how
     * many events the coder finds. */
    uint64_t all, all_date_right, all_loc_gold, all_loc_right, all_none_gold, all_none_right;
    /* the baseline: every event stamped with its article's date */
    uint64_t all_date_article;
} dl_ww_score;

/* Is `got` (ISO at got_precision: day, week, month or year) the gold date
 * `gold` ("2004-11-12", "2004-11", "2004", "1980s")? */
bool dl_ww_date_match(const char *gold, const char *got, const char *got_precision);

/* Scores the pipeline on DIR. Problems with the gold files go to diag;
 * `report` (may be NULL) is called with one line per wrong matched event,
 * for --explain. */
typedef void (*dl_ww_report_fn)(void *user, const char *line);
dl_status dl_eval_when_where(dl_ww_score *score, const dl_pipeline *pipeline, const dl_cleaner *cleaner,
                             const dl_whenwhere *ww, const char *dir, dl_diag_fn diag, void *diag_user, dl_ww_report_fn report,
                             void *report_user);

#endif
