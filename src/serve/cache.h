/* cache.h: answers kept in memory while the store does not change.
 *
 * The server only reads the store, so the same request gets the same
 * answer until someone writes to it (a `dateline ingest` into the file
 * being served). The cache keys answers by their request target and
 * drops them all when the store's files change (size or modification time
 * of the database or its write-ahead log) or when it holds too many bytes.
 * Thread-safe: one lock around lookups and inserts. */
#ifndef DL_SERVE_CACHE_H
#define DL_SERVE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dl_cache dl_cache;

/* One answer; the copy handed out by dl_cache_get() is the caller's. */
typedef struct dl_cached {
    int status;
    const char *content_type; /* static strings */
    const char *filename;
    char etag[24];
    char *body; /* malloc'ed */
    size_t len;
} dl_cached;

/* db: the database path whose files stamp the cache; max_bytes: 0 for
 * 64 MiB. Returns NULL when out of memory. */
dl_cache *dl_cache_new(const char *db, size_t max_bytes);
void dl_cache_free(dl_cache *cache);

/* The state of the store's files now (two stat() calls). */
uint64_t dl_cache_stamp(const dl_cache *cache);

/* Copies the answer for key into *out (free out->body) and returns true,
 * if one is kept with this stamp. */
bool dl_cache_get(dl_cache *cache, const char *key, uint64_t stamp, dl_cached *out);
/* Keeps a copy of the answer for key (made when the store had `stamp`). */
void dl_cache_put(dl_cache *cache, const char *key, uint64_t stamp, const dl_cached *answer);

#endif
