/* map.h: the one hash map, from byte-string keys to pointer values.
 * Open addressing with linear probing; keys are copied into the map's own
 * storage, values are the caller's (the map never frees them). Iteration
 * order is insertion order, so output built from a map is deterministic. */
#ifndef DL_BASE_MAP_H
#define DL_BASE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dl_map dl_map;

/* Returns NULL when out of memory. */
dl_map *dl_map_new(void);
void dl_map_free(dl_map *map);
size_t dl_map_count(const dl_map *map);
/* The value stored for key, or NULL. */
void *dl_map_get(const dl_map *map, const char *key, size_t len);
/* The slot for key, created (holding NULL) when absent; *created tells
 * which. NULL when out of memory. The slot stays valid until the next
 * insertion. */
void **dl_map_slot(dl_map *map, const char *key, size_t len, bool *created);
/* Stores value under key, replacing any earlier value. 0, or -1 on OOM. */
int dl_map_put(dl_map *map, const char *key, size_t len, void *value);
/* The i-th entry in insertion order (0 <= i < count). The key pointer is
 * owned by the map and stays valid until dl_map_free(). */
void dl_map_entry(const dl_map *map, size_t i, const char **key, size_t *len, void **value);

#endif
