/* store_int.h: what the store's query code shares with store.c. */
#ifndef DL_STORE_INT_H
#define DL_STORE_INT_H

#include <sqlite3.h>
#include "dateline.h"

sqlite3 *dl_store_db(dl_store *store);
/* Records "what: sqlite's message" as the store's message; DL_ERR_DB. */
dl_status dl_store_fail(dl_store *store, const char *what);

/* Runs "prefix <the query of table with q's filters> suffix", binding the
 * extra values after the query's own: the aggregates and lookups wrap the
 * filtered queries of query.c so that they select exactly the same rows. */
dl_status dl_store_query_wrapped(dl_store *store, dl_table table, const dl_query *q, const char *prefix,
                                 const char *suffix, const char *const *extra, int n_extra, dl_row_fn fn,
                                 void *user);

/* Resets every statement of the store's connection still stepping. A
 * statement left stepping (a lookup that found its row) holds an old
 * snapshot, and with it no write lock can be had once another connection
 * has written: call this before taking the write lock. */
void dl_store_end_reads(dl_store *s);

#endif
