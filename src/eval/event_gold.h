/* event_gold.h: reads event gold in the layout of ANNOTATION.md (one JSON
 * object a line: "article", "events": [{sentence, cameo, plover, source,
 * target, factuality, date, location}], "skipped"). Used by
 * `dateline eval events` and its fuzz target.
 *
 * Everything returned lives in the arena given to dl_event_gold_parse().
 * A line that is not a JSON object with an "article" string is skipped and
 * counted in *bad (the first such line number goes to *first_bad); events
 * without a sentence or a CAMEO code are skipped the same way. */
#ifndef DL_EVAL_EVENT_GOLD_H
#define DL_EVAL_EVENT_GOLD_H

#include "dateline.h"

typedef struct dl_gold_actor {
    const char *text;   /* NULL: the event has no such actor */
    const char *code;   /* CAMEO-style, or NULL */
} dl_gold_actor;

typedef struct dl_gold_event {
    const char *sentence;       /* exact text of the sentence in the article */
    const char *cameo;          /* "0256" */
    const char *plover;         /* "REQUEST", or NULL */
    dl_gold_actor source, target;
    const char *factuality;     /* asserted, negated, hypothetical, future, embedded, disputed */
    const char *date;           /* "2004-11-12", "2004-11", "2004", or NULL */
    const char *location_text;  /* NULL when the gold has no location */
    const char *location_country;
} dl_gold_event;

typedef struct dl_gold_article {
    const char *article;        /* the article's id */
    dl_gold_event *events;
    size_t n_events;
} dl_gold_article;

typedef struct dl_event_gold {
    dl_gold_article *articles;
    size_t n_articles;
} dl_event_gold;

dl_status dl_event_gold_parse(dl_event_gold *out, const char *text, size_t len, dl_arena *arena,
                              uint64_t *bad, uint64_t *first_bad);

/* The gold article with this id, or NULL. */
const dl_gold_article *dl_event_gold_find(const dl_event_gold *gold, const char *article);

#endif
