/* eval_actors.h: scores the actor stage, for `dateline eval actors` and
 * the unit tests that hold its floors.
 *
 * Two measures:
 *
 *  - Named mentions against GUM (gum.h): a gold mention counts when its
 *    type is person, organization or place and its minimal span holds a
 *    proper noun. A mention dateline finds counts as named when its head
 *    word is capitalised and not an adjective (so "Israeli officials",
 *    "the minister", "he" and the demonym of "American soldiers" are left
 *    out). A found mention matches a gold one when it overlaps the gold
 *    mention's proper-noun words and its head lies inside the gold
 *    mention; each gold mention is matched at most once. Recall is per
 *    gold type; precision is per found kind (person; organisation, media
 *    and group as organization; country and place as place; unknown),
 *    "typed" when the kinds agree too. Found mentions that match a named
 *    gold mention of another type (a holiday, a war) are counted apart and
 *    left out of precision; so are gold names that lie inside a found
 *    mention without being matched ("Brazil" in "the President of
 *    Brazil", one mention coded BRAGOV), which recall does not count.
 *    News documents (ids GUM_news_*) are also counted on their own.
 *
 *  - Event actors against the Wikinews event gold (articles.jsonl and
 *    events.jsonl, see ../shared/data/wikinews-events-dev/README.md): each
 *    gold source and target with a code is looked up in its sentence; the
 *    mention dateline gives there is the coded mention overlapping the gold
 *    text that starts first. Scored: its country part (the first three
 *    letters) and the whole code. */
#ifndef DL_EVAL_EVAL_ACTORS_H
#define DL_EVAL_EVAL_ACTORS_H

#include "dateline.h"
#include "eval/gum.h"

enum { DL_GUM_PERSON, DL_GUM_ORGANIZATION, DL_GUM_PLACE, DL_GUM_UNKNOWN, DL_GUM_TYPES };

/* Counts for one set of documents. Index by DL_GUM_*. */
typedef struct dl_gum_counts {
    uint64_t docs;
    uint64_t gold[DL_GUM_TYPES], found[DL_GUM_TYPES];         /* by gold type */
    uint64_t pred[DL_GUM_TYPES], right[DL_GUM_TYPES], typed[DL_GUM_TYPES]; /* by found kind */
    uint64_t other; /* found mentions matching a named gold mention of another type */
    /* gold mentions not matched but whose proper nouns lie inside a found
     * mention ("Brazil" in "the President of Brazil", which dateline codes
     * as one mention, BRAGOV): reported apart, never in recall */
    uint64_t nested[DL_GUM_TYPES];
} dl_gum_counts;

typedef struct dl_gum_score {
    dl_gum_counts all, news;
    uint64_t tokens;
    double seconds; /* in parse + actors */
    dl_buf *misses; /* see dl_gum_set_misses() */
} dl_gum_score;

/* The DL_GUM_* of a gold type ("organization") or of a mention kind
 * ("media"); DL_GUM_TYPES for neither. */
int dl_gum_type(const char *type, bool gold);

/* Scores the mentions found in one document (sentences and mentions from
 * the pipeline run on doc->text). */
void dl_gum_score_doc(dl_gum_score *score, const dl_gum_doc *doc, const dl_sentence *sentences,
                      size_t n_sentences, const dl_mention *mentions, size_t n_mentions);

/* When set, dl_gum_eval_file() appends each gold mention not found
 * ("miss") and each found mention that matches none ("extra") as one line:
 * kind, document, type, text. */
void dl_gum_set_misses(dl_gum_score *score, dl_buf *misses);

/* Reads a GUM CoNLL-U file, runs the pipeline (parse and actors) on each
 * document and adds the scores. Problems go to diag. */
dl_status dl_gum_eval_file(dl_gum_score *score, const dl_pipeline *pipeline, const char *path, dl_diag_fn diag,
                           void *diag_user);

typedef struct dl_event_actor_score {
    uint64_t articles;
    uint64_t gold;      /* gold sources and targets with a code */
    uint64_t located;   /* whose text was found in their sentence */
    uint64_t coded;     /* with a coded mention there */
    uint64_t country;   /* with the right country part */
    uint64_t full;      /* with the right whole code */
} dl_event_actor_score;

/* Scores event actors over DIR/articles.jsonl and DIR/events.jsonl. When
 * misses is not NULL, each wrong or missing actor is appended to it as
 * one line (article, gold text and code, dateline's code). */
dl_status dl_event_actors_eval_dir(dl_event_actor_score *score, const dl_pipeline *pipeline, const char *dir,
                                   dl_buf *misses, dl_diag_fn diag, void *diag_user);

#endif
