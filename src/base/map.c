/* map.c: open-addressing hash map with insertion-ordered entries.
 * The index holds 32-bit entry numbers (0 = empty) and the entries array
 * holds the keys' hashes, so a probe compares hashes before bytes and a
 * rehash never touches key memory. */
#include "base/map.h"
#include "base/hash.h"

#include <stdlib.h>
#include <string.h>

typedef struct map_entry {
    const char *key;
    size_t len;
    uint64_t hash;
    void *value;
} map_entry;

typedef struct key_block {
    struct key_block *next;
    size_t used, cap;
    char data[];
} key_block;

struct dl_map {
    uint32_t *index; /* entry number + 1, 0 = empty */
    size_t index_cap; /* power of two */
    map_entry *entries;
    size_t count, entries_cap;
    key_block *keys;
};

dl_map *dl_map_new(void)
{
    dl_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->index_cap = 16;
    m->index = calloc(m->index_cap, sizeof *m->index);
    if (!m->index) {
        free(m);
        return NULL;
    }
    return m;
}

void dl_map_free(dl_map *m)
{
    if (!m)
        return;
    for (key_block *b = m->keys, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(m->index);
    free(m->entries);
    free(m);
}

size_t dl_map_count(const dl_map *m) { return m->count; }

static const char *copy_key(dl_map *m, const char *key, size_t len)
{
    key_block *b = m->keys;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = len + 1 > 16384 ? len + 1 : 16384;
        key_block *nb = malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        m->keys = b = nb;
    }
    char *p = b->data + b->used;
    memcpy(p, key, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

static size_t find(const dl_map *m, const char *key, size_t len, uint64_t h)
{
    size_t mask = m->index_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t e = m->index[i];
        if (!e)
            return i;
        const map_entry *en = &m->entries[e - 1];
        if (en->hash == h && en->len == len && memcmp(en->key, key, len) == 0)
            return i;
    }
}

static int grow_index(dl_map *m)
{
    size_t cap = m->index_cap * 2;
    uint32_t *idx = calloc(cap, sizeof *idx);
    if (!idx)
        return -1;
    for (size_t e = 0; e < m->count; e++) {
        size_t i = (size_t)m->entries[e].hash & (cap - 1);
        while (idx[i])
            i = (i + 1) & (cap - 1);
        idx[i] = (uint32_t)(e + 1);
    }
    free(m->index);
    m->index = idx;
    m->index_cap = cap;
    return 0;
}

void *dl_map_get(const dl_map *m, const char *key, size_t len)
{
    uint64_t h = dl_hash64(key, len, 0);
    uint32_t e = m->index[find(m, key, len, h)];
    return e ? m->entries[e - 1].value : NULL;
}

void **dl_map_slot(dl_map *m, const char *key, size_t len, bool *created)
{
    uint64_t h = dl_hash64(key, len, 0);
    size_t i = find(m, key, len, h);
    if (m->index[i]) {
        if (created)
            *created = false;
        return &m->entries[m->index[i] - 1].value;
    }
    if ((m->count + 1) * 4 > m->index_cap * 3) { /* keep load under 3/4 */
        if (grow_index(m))
            return NULL;
        i = find(m, key, len, h);
    }
    if (m->count == m->entries_cap) {
        size_t cap = m->entries_cap ? m->entries_cap * 2 : 16;
        map_entry *en = realloc(m->entries, cap * sizeof *en);
        if (!en)
            return NULL;
        m->entries = en;
        m->entries_cap = cap;
    }
    const char *k = copy_key(m, key, len);
    if (!k)
        return NULL;
    m->entries[m->count] = (map_entry){k, len, h, NULL};
    m->index[i] = (uint32_t)(++m->count);
    if (created)
        *created = true;
    return &m->entries[m->count - 1].value;
}

int dl_map_put(dl_map *m, const char *key, size_t len, void *value)
{
    void **slot = dl_map_slot(m, key, len, NULL);
    if (!slot)
        return -1;
    *slot = value;
    return 0;
}

void dl_map_entry(const dl_map *m, size_t i, const char **key, size_t *len, void **value)
{
    const map_entry *en = &m->entries[i];
    if (key)
        *key = en->key;
    if (len)
        *len = en->len;
    if (value)
        *value = en->value;
}
