/* fingerprint.c: exact hash, SimHash and MinHash of a body's word shingles.
 *
 * Every shingle is hashed once; the DL_MINHASH_N hash functions are that
 * hash mixed with a per-slot constant, which is as good as independent
 * functions for MinHash and costs one multiply-xorshift per slot. */
#include "corpus/fingerprint.h"
#include "base/hash.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { SHINGLE = 3 };

/* Letters and digits are word bytes, ASCII lowercased; bytes of multi-byte
 * UTF-8 characters are word bytes too, so "Kyiv", "Київ" and "São" are
 * words. Everything else (spaces, punctuation, quotes) separates words. */
static inline int word_byte(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
        return c;
    return -1;
}

/* Calls fn with the hash of each word, in order. Returns the word count. */
typedef struct word_walk {
    const char *p, *end;
} word_walk;

static bool next_word(word_walk *w, uint64_t *hash)
{
    while (w->p < w->end && word_byte((unsigned char)*w->p) < 0)
        w->p++;
    if (w->p >= w->end)
        return false;
    /* FNV-1a over the lowercased bytes, then mixed: cheap and stable. */
    uint64_t h = 0xcbf29ce484222325ULL;
    int c;
    while (w->p < w->end && (c = word_byte((unsigned char)*w->p)) >= 0) {
        h = (h ^ (uint64_t)c) * 0x100000001b3ULL;
        w->p++;
    }
    *hash = dl_hash_mix(h);
    return true;
}

/* The shingle hashes of a text in text order (with repeats), in a
 * malloc'ed array; *words gets the word count. */
static uint64_t *shingle_list(const char *text, size_t len, size_t *n, uint32_t *words, uint64_t *exact)
{
    word_walk w = {text, text + len};
    size_t cap = len / 4 + 4, nw = 0;
    uint64_t *wh = malloc(cap * sizeof *wh), h;
    *n = 0;
    *words = 0;
    *exact = 0;
    if (!wh)
        return NULL;
    uint64_t ex = 0x6578616374ULL;
    while (next_word(&w, &h)) {
        if (nw == cap) {
            uint64_t *g = realloc(wh, (cap *= 2) * sizeof *wh);
            if (!g) {
                free(wh);
                return NULL;
            }
            wh = g;
        }
        wh[nw++] = h;
        ex = dl_hash_mix(ex ^ h) + 0x9e3779b97f4a7c15ULL;
    }
    *words = (uint32_t)(nw > UINT32_MAX ? UINT32_MAX : nw);
    *exact = nw ? ex : 0;
    if (!nw) {
        free(wh);
        return NULL;
    }
    /* Shingles overwrite the word hashes in place: shingle i needs words
     * i..i+2, which are read before slot i is written. */
    size_t ns = nw < SHINGLE ? 1 : nw - SHINGLE + 1;
    for (size_t i = 0; i < ns; i++) {
        uint64_t s = 0x7368696eULL;
        for (size_t k = i; k < i + SHINGLE && k < nw; k++)
            s = dl_hash_mix(s ^ wh[k]) * 31;
        wh[i] = dl_hash_mix(s);
    }
    *n = ns;
    return wh;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static size_t sort_unique(uint64_t *v, size_t n)
{
    if (n < 2)
        return n;
    qsort(v, n, sizeof *v, cmp_u64);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

void dl_shingles(const char *text, size_t len, uint64_t **out, size_t *n)
{
    uint32_t words;
    uint64_t exact;
    *out = shingle_list(text, len, n, &words, &exact);
    *n = *out ? sort_unique(*out, *n) : 0;
}

size_t dl_shingles_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            k++, i++, j++;
    }
    return k;
}

void dl_fingerprint_compute(dl_fingerprint *fp, const char *text, size_t len)
{
    memset(fp, 0, sizeof *fp);
    for (int i = 0; i < DL_MINHASH_N; i++)
        fp->minhash[i] = UINT32_MAX;
    size_t n;
    uint64_t *sh = shingle_list(text, len, &n, &fp->words, &fp->exact);
    if (!sh)
        return;
    n = sort_unique(sh, n);
    fp->n = (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
    int weight[64] = {0};
    for (size_t i = 0; i < n; i++) {
        uint64_t h = sh[i];
        for (int b = 0; b < 64; b++)
            weight[b] += (h >> b) & 1 ? 1 : -1;
        for (int k = 0; k < DL_MINHASH_N; k++) {
            uint32_t m = (uint32_t)(dl_hash_mix(h ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1))) >> 32);
            if (m < fp->minhash[k])
                fp->minhash[k] = m;
        }
    }
    for (int b = 0; b < 64; b++)
        if (weight[b] > 0)
            fp->simhash |= 1ULL << b;
    free(sh);
}

double dl_fingerprint_jaccard(const dl_fingerprint *a, const dl_fingerprint *b)
{
    if (!a->n || !b->n)
        return 0;
    int same = 0;
    for (int k = 0; k < DL_MINHASH_N; k++)
        same += a->minhash[k] == b->minhash[k];
    return (double)same / DL_MINHASH_N;
}

double dl_fingerprint_containment(const dl_fingerprint *a, const dl_fingerprint *b)
{
    double j = dl_fingerprint_jaccard(a, b);
    if (!a->n)
        return 0;
    /* |A ∩ B| = J (|A| + |B|) / (1 + J) */
    double common = j * ((double)a->n + (double)b->n) / (1 + j);
    double c = common / (double)a->n;
    return c > 1 ? 1 : c;
}

int dl_simhash_distance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

int64_t dl_fingerprint_band(const dl_fingerprint *fp, int band)
{
    uint64_t h = 0x62616e64ULL + (uint64_t)band;
    for (int r = 0; r < DL_LSH_ROWS; r++)
        h = dl_hash_mix(h ^ fp->minhash[band * DL_LSH_ROWS + r]) + 0x9e3779b97f4a7c15ULL;
    return (int64_t)(h >> 1);
}
