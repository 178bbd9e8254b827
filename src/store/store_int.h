/* store_int.h: what the store's query code shares with store.c. */
#ifndef DL_STORE_INT_H
#define DL_STORE_INT_H

#include <sqlite3.h>
#include "dateline.h"

sqlite3 *dl_store_db(dl_store *store);
/* Records "what: sqlite's message" as the store's message; DL_ERR_DB. */
dl_status dl_store_fail(dl_store *store, const char *what);

#endif
