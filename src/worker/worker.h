/* worker.h: the continuous worker over a Redis Stream, and the enqueuer
 * that feeds it (`dateline worker`, `dateline enqueue`).
 *
 * A message is one document as the reader made it (fields source, path,
 * id, url, title, date, byline, site_name, language, format, text), so the
 * worker cleans and stores exactly what `dateline ingest` over the same
 * files would. Delivery is at least once (a message is acknowledged only
 * after the store committed its articles) and the store is idempotent
 * (articles keyed by content), so a message delivered twice is stored
 * once. Built without hiredis, both report DL_ERR_ARG and say so. */
#ifndef DL_WORKER_H
#define DL_WORKER_H

#include "dateline.h"

typedef struct dl_worker_options {
    const char *url;        /* redis://host[:port][/db] */
    const char *stream;     /* the stream of articles */
    const char *group;      /* the consumer group (created when missing) */
    const char *consumer;   /* this worker's name in the group */
    const char *dead;       /* the dead-letter stream; NULL: "<stream>:dead" */
    long batch;             /* messages per store transaction */
    long block_ms;          /* how long one read waits for new messages */
    long claim_idle_ms;     /* messages pending this long with any consumer are taken over */
    long max_deliveries;    /* a message failing this often goes to the dead stream */
    bool drain;             /* stop once the stream holds nothing new or pending */
    const char *data_dir;   /* for the cleaner */
    dl_diag_fn diag;
    void *diag_user;
} dl_worker_options;

typedef struct dl_worker_stats {
    uint64_t messages, articles, duplicates, claimed, dead, failed;
} dl_worker_stats;

/* Runs until *stop becomes true (a signal handler sets it), or with
 * drain, until there is no work left. */
dl_status dl_worker_run(const dl_worker_options *o, dl_store *store, const dl_pipeline *pipeline,
                        volatile int *stop, dl_worker_stats *stats);

/* Reads the inputs (files, folders, "-") as documents and adds each to
 * the stream as one message; *n gets how many. */
dl_status dl_enqueue(const char *url, const char *stream, const char *const *paths, size_t n_paths,
                     dl_format format, dl_diag_fn diag, void *user, uint64_t *n);

#endif
