/* hash.h: one 64-bit hash for hash maps, fingerprints and stable ids.
 * The value depends only on the bytes and the seed (not on the machine's
 * byte order), so ids made from it are stable across machines and runs. */
#ifndef DL_BASE_HASH_H
#define DL_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t dl_hash64(const void *data, size_t len, uint64_t seed);
/* Mixes a 64-bit value (a finaliser with good avalanche). */
static inline uint64_t dl_hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

#endif
