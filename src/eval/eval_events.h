/* eval_events.h: scores the event coder against event gold written by
 * ANNOTATION.md (the layout of wikinews-events-dev: DIR/articles.jsonl with
 * id, date and text; DIR/events.jsonl with each article's events). Used by
 * `dateline eval events` and the unit test that holds the floors.
 *
 * Each article's text is run through the whole pipeline (parse, actors,
 * quotes, events) as its body, with its date. An emitted event belongs to a
 * gold sentence when its sentence overlaps the gold sentence's text, and
 * events are matched one to one within a sentence, at each level:
 *
 *   type        the CAMEO root (first two digits)
 *   plover      the PLOVER type
 *   source      type and the source's country part (first three letters
 *               of the code: ISR, IGO, NGO); source_full: the whole code
 *   target      type, source and target on the country part (a null gold
 *               target matches only an event without one); target_full:
 *               both whole codes
 *
 * A meeting (root 04) matches with its actors either way round
 * (ANNOTATION.md: "either as source").
 *
 * Factuality, by ANNOTATION.md: only asserted gold events count for recall;
 * a match counts for precision and recall only when its factuality is the
 * gold's (an emitted asserted event that matches a hypothetical gold one is
 * a false positive). Precision is over every emitted event. The confusion
 * table, and the date and location shares, are over the pairs matched at
 * the type level whatever their factuality. */
#ifndef DL_EVAL_EVAL_EVENTS_H
#define DL_EVAL_EVAL_EVENTS_H

#include "dateline.h"

enum {
    DL_EV_TYPE = 0,
    DL_EV_PLOVER,
    DL_EV_SOURCE,
    DL_EV_SOURCE_FULL,
    DL_EV_TARGET,
    DL_EV_TARGET_FULL,
    DL_EV_LEVELS
};
/* "type", "plover", "type_source", ... */
const char *dl_event_eval_level_name(int level);

enum { DL_FACT_COUNT = 6 };
/* The factuality values, in the table's order: asserted, negated,
 * hypothetical, future, embedded, disputed. */
extern const char *const dl_factuality_names[DL_FACT_COUNT];
/* Index of a factuality name, or -1. */
int dl_factuality_index(const char *name);

typedef struct dl_event_eval {
    uint64_t articles, sentences, gold, gold_asserted, pred;
    uint64_t gold_unplaced;                 /* gold sentences not found in their article */
    uint64_t hit_p[DL_EV_LEVELS];           /* emitted events counted right */
    uint64_t hit_r[DL_EV_LEVELS];           /* asserted gold events found */
    uint64_t confusion[DL_FACT_COUNT][DL_FACT_COUNT]; /* [gold][emitted], type-level pairs */
    uint64_t matched;                       /* type-level pairs */
    uint64_t date_right;                    /* ... with the gold date (at its precision) */
    uint64_t with_date;                     /* ... whose gold has a date */
    uint64_t loc_gold, loc_right;           /* gold has a location country / emitted has it */
    uint64_t noloc_gold, noloc_right;       /* gold has none / emitted has none */
    uint64_t bytes;
    double seconds;                         /* in the pipeline */
} dl_event_eval;

/* One error, for --errors: kind is "false_positive" (an emitted event not
 * right at the type+source+target level) or "miss" (an asserted gold event
 * not found at that level); `event` describes it ("0256 REQUEST ISRMIL ->
 * PSEREBHMS asserted"), `nearest` the other side's closest event in the
 * sentence or NULL. Strings are valid during the callback. */
typedef struct dl_event_eval_error {
    const char *kind;
    const char *article;
    const char *sentence;
    const char *event;
    const char *nearest;
} dl_event_eval_error;
typedef void (*dl_event_eval_error_fn)(void *user, const dl_event_eval_error *error);

/* Runs the pipeline over DIR/articles.jsonl and scores against
 * DIR/events.jsonl. Problems with single lines go to diag and the rest is
 * scored; on_error may be NULL. */
dl_status dl_event_eval_dir(dl_event_eval *ev, const char *dir, const char *data_dir, dl_diag_fn diag,
                            void *diag_user, dl_event_eval_error_fn on_error, void *error_user);

/* Runs the pipeline over articles already built (id, date, body) and
 * scores them against gold already read, the same way: for other gold
 * layouts (the GUM news documents, gum_events.c). */
struct dl_event_gold;
dl_status dl_event_eval_articles(dl_event_eval *ev, const dl_article *articles, size_t n_articles,
                                 const struct dl_event_gold *gold, const char *data_dir, dl_diag_fn diag,
                                 void *diag_user, dl_event_eval_error_fn on_error, void *error_user);

#endif
