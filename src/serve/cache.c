/* cache.c: answers kept while the store does not change; see cache.h. */
#include "serve/cache.h"
#include "base/hash.h"
#include "base/map.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dl_cache {
    pthread_mutex_t lock;
    dl_map *map; /* key -> dl_cached* */
    uint64_t stamp;
    size_t bytes, max_bytes;
    char db[4096], wal[4100];
};

dl_cache *dl_cache_new(const char *db, size_t max_bytes)
{
    dl_cache *c = calloc(1, sizeof *c);
    if (!c || !(c->map = dl_map_new())) {
        free(c);
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    c->max_bytes = max_bytes ? max_bytes : (size_t)64 << 20;
    snprintf(c->db, sizeof c->db, "%s", db);
    snprintf(c->wal, sizeof c->wal, "%s-wal", db);
    return c;
}

static void drop_all(dl_cache *c)
{
    for (size_t i = 0, n = c->map ? dl_map_count(c->map) : 0; i < n; i++) {
        const char *key;
        size_t len;
        void *v;
        dl_map_entry(c->map, i, &key, &len, &v);
        dl_cached *a = v;
        free(a->body);
        free(a);
    }
    if (c->map)
        dl_map_free(c->map);
    c->map = dl_map_new();
    c->bytes = 0;
}

void dl_cache_free(dl_cache *c)
{
    if (!c)
        return;
    drop_all(c);
    if (c->map)
        dl_map_free(c->map);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

uint64_t dl_cache_stamp(const dl_cache *c)
{
    struct stat st[2];
    memset(st, 0, sizeof st);
    stat(c->db, &st[0]);
    stat(c->wal, &st[1]); /* absent after a checkpoint: zeros */
    uint64_t v[6] = {(uint64_t)st[0].st_size, (uint64_t)st[0].st_mtim.tv_sec, (uint64_t)st[0].st_mtim.tv_nsec,
                     (uint64_t)st[1].st_size, (uint64_t)st[1].st_mtim.tv_sec, (uint64_t)st[1].st_mtim.tv_nsec};
    return dl_hash64(v, sizeof v, 0x73746f7265);
}

bool dl_cache_get(dl_cache *c, const char *key, uint64_t stamp, dl_cached *out)
{
    bool hit = false;
    pthread_mutex_lock(&c->lock);
    if (stamp != c->stamp) {
        drop_all(c);
        c->stamp = stamp;
    }
    const dl_cached *a = c->map ? dl_map_get(c->map, key, strlen(key)) : NULL;
    if (a && (out->body = malloc(a->len + 1))) {
        char *body = out->body;
        *out = *a;
        out->body = body;
        memcpy(out->body, a->body, a->len + 1);
        hit = true;
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

void dl_cache_put(dl_cache *c, const char *key, uint64_t stamp, const dl_cached *answer)
{
    if (answer->len > c->max_bytes / 8)
        return; /* a big download would push everything else out */
    dl_cached *a = malloc(sizeof *a);
    if (!a)
        return;
    *a = *answer;
    a->body = malloc(answer->len + 1);
    if (!a->body) {
        free(a);
        return;
    }
    memcpy(a->body, answer->body, answer->len);
    a->body[answer->len] = '\0';
    pthread_mutex_lock(&c->lock);
    if (stamp != c->stamp || !c->map) {
        /* The store changed while this answer was made: keep nothing. */
        pthread_mutex_unlock(&c->lock);
        free(a->body);
        free(a);
        return;
    }
    if (c->bytes + a->len > c->max_bytes)
        drop_all(c);
    bool created = false;
    void **slot = c->map ? dl_map_slot(c->map, key, strlen(key), &created) : NULL;
    if (slot && created) {
        *slot = a;
        c->bytes += a->len + strlen(key);
        a = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    if (a) {
        free(a->body);
        free(a);
    }
}
