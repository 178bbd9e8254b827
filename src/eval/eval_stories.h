/* eval_stories.h: scores near-duplicate links and story clusters against
 * a gold file (`dateline eval stories GOLD`).
 *
 * The gold file is JSONL, one article per line, in the order to ingest:
 * the article as `dateline ingest` reads JSONL (id, url or source, title,
 * date, text) and two gold fields: "story" (any string: articles with the
 * same value report the same happening) and "duplicate_of" (optional: the
 * id of an earlier article this one copies, exactly, nearly, or as a
 * teaser standing inside it). Duplicates form families (the closure of
 * duplicate_of); every article is in some story.
 *
 * The articles are ingested in order into a scratch store with stories on;
 * then found families and stories are compared with the gold ones:
 * pairwise precision, recall and F1 over pairs of articles put together,
 * and B-cubed (per article: the share of its found cluster that is in its
 * gold cluster, and the reverse, averaged). */
#ifndef DL_EVAL_STORIES_H
#define DL_EVAL_STORIES_H

#include "dateline.h"

typedef struct dl_cluster_score {
    double pair_p, pair_r, pair_f;
    double b3_p, b3_r, b3_f;
    uint64_t gold_pairs, found_pairs, right_pairs;
    uint64_t gold_clusters, found_clusters;
} dl_cluster_score;

typedef struct dl_stories_eval {
    uint64_t articles;        /* gold articles */
    uint64_t missing;         /* gold articles the store did not get (unreadable, empty) */
    dl_cluster_score duplicates, stories;
    double seconds;           /* ingest time, whole pipeline and corpus step */
} dl_stories_eval;

/* The gold labels of a JSONL gold file's bytes: for each line with an
 * "id", its story and duplicate_of (NULL when absent), in file order.
 * Lines that are not JSON objects, or lack an id or a story, are reported
 * through diag (with the line number) and skipped. The strings live until
 * dl_stories_gold_free(). */
typedef struct dl_stories_gold_item {
    char *id, *story, *duplicate_of;
} dl_stories_gold_item;

typedef struct dl_stories_gold {
    dl_stories_gold_item *items;
    size_t n;
} dl_stories_gold;

dl_status dl_stories_gold_read(dl_stories_gold *gold, const char *data, size_t len, const char *path,
                               dl_diag_fn diag, void *user);
void dl_stories_gold_free(dl_stories_gold *gold);

/* Ingests the gold file through `pipeline` into a scratch in-memory store
 * and scores it. Problems go to the pipeline's sink and to diag. */
dl_status dl_eval_stories(dl_stories_eval *out, const dl_pipeline *pipeline, const char *gold_path,
                          dl_diag_fn diag, void *user);

/* Scores found cluster labels against gold ones (n items each; labels are
 * any integers). Exposed for the unit tests. */
void dl_cluster_compare(dl_cluster_score *out, const int64_t *gold, const int64_t *found, size_t n);

#endif
