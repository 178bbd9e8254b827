/* arena.c: the per-document bump allocator.
 *
 * Everything a document produces (articles, sentences, tokens, mentions)
 * dies together, so one arena per document replaces thousands of malloc/free
 * pairs with a pointer bump and one free. Blocks grow geometrically so a
 * 50 MB document does not turn into thousands of small blocks. */
#include "base/arena.h"

#include <stdlib.h>
#include <string.h>

typedef struct dl_arena_block {
    struct dl_arena_block *next;
    size_t cap;
    size_t used;
    max_align_t data[]; /* aligned storage follows */
} dl_arena_block;

struct dl_arena {
    dl_arena_block *head; /* current block: allocations come from here */
    size_t chunk;
    size_t total;
};

enum { DL_ARENA_DEFAULT_CHUNK = 64 * 1024, DL_ARENA_ALIGN = sizeof(max_align_t) };

static dl_arena_block *block_new(size_t cap)
{
    /* malloc() promises 16 bytes of alignment; max_align_t may want 32,
     * so the block (and the data at its end) is aligned explicitly. */
    size_t size = (sizeof(dl_arena_block) + cap + DL_ARENA_ALIGN - 1) / DL_ARENA_ALIGN * DL_ARENA_ALIGN;
    dl_arena_block *b = aligned_alloc(DL_ARENA_ALIGN, size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

dl_arena *dl_arena_new(size_t chunk)
{
    dl_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk = chunk ? chunk : DL_ARENA_DEFAULT_CHUNK;
    a->head = block_new(a->chunk);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

void dl_arena_free(dl_arena *a)
{
    if (!a)
        return;
    for (dl_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void dl_arena_reset(dl_arena *a)
{
    /* Keep the largest block (the head is the newest and largest) so a
     * stream of similar documents allocates nothing after the first. */
    dl_arena_block *keep = a->head;
    for (dl_arena_block *b = keep->next, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    keep->next = NULL;
    keep->used = 0;
    a->total = 0;
}

size_t dl_arena_used(const dl_arena *a) { return a->total; }

void *dl_arena_alloc(dl_arena *a, size_t size)
{
    size_t need = (size + DL_ARENA_ALIGN - 1) & ~(size_t)(DL_ARENA_ALIGN - 1);
    if (need < size)
        return NULL; /* overflow */
    dl_arena_block *b = a->head;
    if (b->cap - b->used < need) {
        size_t cap = b->cap * 2;
        if (cap < need)
            cap = need;
        dl_arena_block *nb = block_new(cap);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *dl_arena_calloc(dl_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = dl_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *dl_arena_strndup(dl_arena *a, const char *s, size_t len)
{
    char *p = dl_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *dl_arena_strdup(dl_arena *a, const char *s)
{
    return dl_arena_strndup(a, s, strlen(s));
}

void *dl_arena_grow(dl_arena *a, void *old, size_t old_size, size_t new_size)
{
    void *p = dl_arena_alloc(a, new_size);
    if (p && old)
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    return p;
}

void *dl_arena_push(dl_arena *a, void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *grown = dl_arena_grow(a, *items, *cap * size, nc * size);
        if (!grown)
            return NULL;
        *items = grown;
        *cap = nc;
    }
    char *slot = (char *)*items + *n * size;
    memset(slot, 0, size);
    (*n)++;
    return slot;
}
