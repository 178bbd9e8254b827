/* fingerprint.h: what an article's body looks like from afar, for finding
 * copies of it among many others.
 *
 * The body is read as a sequence of words (letters and digits, ASCII
 * lowercased; other UTF-8 bytes are word bytes as they are), and the words
 * as overlapping three-word shingles. From them:
 *   exact     a hash of the word sequence: two bodies that differ only in
 *             case, punctuation, spacing or line breaks share it;
 *   simhash   64 bits in which near-identical bodies differ in few places;
 *   minhash   DL_MINHASH_N minimums of the shingle hashes under as many
 *             hash functions: the share of equal slots of two articles
 *             estimates the Jaccard similarity of their shingle sets;
 *   n         the number of distinct shingles (for containment: how much
 *             of a short text stands inside a long one).
 * Banding the minhash (DL_LSH_BANDS bands of DL_LSH_ROWS slots, one key per
 * band) finds candidates in an index: two articles share a band key with a
 * probability that climbs steeply with their similarity. */
#ifndef DL_CORPUS_FINGERPRINT_H
#define DL_CORPUS_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

enum { DL_MINHASH_N = 64, DL_LSH_BANDS = 32, DL_LSH_ROWS = 2 };
_Static_assert(DL_LSH_BANDS * DL_LSH_ROWS == DL_MINHASH_N, "bands cover the minhash");

typedef struct dl_fingerprint {
    uint64_t exact;
    uint64_t simhash;
    uint32_t minhash[DL_MINHASH_N];
    uint32_t n;      /* distinct shingles */
    uint32_t words;
} dl_fingerprint;

/* Fingerprints `len` bytes of text (any bytes: invalid UTF-8 is read as
 * word bytes). Never fails; an empty text has n == 0. */
void dl_fingerprint_compute(dl_fingerprint *fp, const char *text, size_t len);

/* Estimated Jaccard similarity of the two shingle sets, 0..1. */
double dl_fingerprint_jaccard(const dl_fingerprint *a, const dl_fingerprint *b);

/* Estimated share of a's shingles found in b (containment of a in b),
 * from the Jaccard estimate and the two set sizes, 0..1. */
double dl_fingerprint_containment(const dl_fingerprint *a, const dl_fingerprint *b);

/* The distinct shingle hashes of a text, sorted, in a malloc'ed array the
 * caller frees (*out is NULL when the text has no words or memory ran
 * out: *n is 0 then). Bodies of fewer than three words give one shingle of
 * all their words. */
void dl_shingles(const char *text, size_t len, uint64_t **out, size_t *n);

/* Exact overlap of two sorted shingle arrays: how many values both hold. */
size_t dl_shingles_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* Bits in which the two simhashes differ, 0..64. */
int dl_simhash_distance(uint64_t a, uint64_t b);

/* The index key of band `band` (0..DL_LSH_BANDS-1). Keys are 63-bit, so
 * they fit SQLite's signed integers unchanged. */
int64_t dl_fingerprint_band(const dl_fingerprint *fp, int band);

#endif
