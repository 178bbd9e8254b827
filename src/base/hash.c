/* hash.c: a fast 64-bit hash over bytes.
 * It reads eight bytes at a time as a little-endian word, folds each word in
 * with a multiply and rotate, and finishes with dl_hash_mix(). Not
 * cryptographic; good enough distribution for tables and near-duplicate
 * shingles, and several GB/s. */
#include "base/hash.h"

static inline uint64_t load64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t dl_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    const uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
    uint64_t h = (seed + k2) ^ (len * k1);
    while (len >= 8) {
        uint64_t w = load64(p) * k2;
        h ^= rotl(w, 31) * k1;
        h = rotl(h, 27) * 5 + 0x52dce729;
        p += 8;
        len -= 8;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < len; i++)
        t |= (uint64_t)p[i] << (8 * i);
    h ^= rotl(t * k2, 31) * k1;
    return dl_hash_mix(h);
}
