/* arena.h: bump allocation for everything that dies with one document.
 * The arena owns every pointer it returns; dl_arena_free() or
 * dl_arena_reset() releases them all at once. Allocations are aligned for
 * any type. Functions return NULL when out of memory. */
#ifndef DL_BASE_ARENA_H
#define DL_BASE_ARENA_H

#include "dateline.h"

void *dl_arena_alloc(dl_arena *arena, size_t size);
void *dl_arena_calloc(dl_arena *arena, size_t n, size_t size);
char *dl_arena_strdup(dl_arena *arena, const char *s);
char *dl_arena_strndup(dl_arena *arena, const char *s, size_t len);
/* A new block of new_size holding the first old_size bytes of old (which
 * stays allocated until the arena is freed): for arrays that grow. */
void *dl_arena_grow(dl_arena *arena, void *old, size_t old_size, size_t new_size);

/* Grows an array held in (items, n, cap) by one zeroed element of `size`
 * bytes and returns it (NULL when out of memory). Doubling keeps the total
 * copying linear; the old blocks stay in the arena until it is freed. */
void *dl_arena_push(dl_arena *arena, void **items, size_t *n, size_t *cap, size_t size);

/* Allocate an array of n objects of type T. */
#define DL_ARENA_NEW(arena, T, n) ((T *)dl_arena_calloc((arena), (n), sizeof(T)))

#endif
