/* perceptron.h: the weight machinery the tagger and the dependency parser
 * share: hashed features, an averaged perceptron for training, a compact
 * read-only weight table for prediction, and the model file container.
 *
 * Features are 64-bit hashes made from a template number and the values it
 * combines (dl_feat2(), dl_feat3()). A class is a small integer (< 256).
 *
 * Training (dl_ptrain) keeps, per feature, a short list of the classes it
 * has weights for, with the running totals the averaged perceptron needs
 * (Collins 2002; the "lazy" averaging with time stamps). Prediction
 * (dl_pweights) keeps only the averaged weights, quantised to 16 bits, in
 * one open-addressing table keyed by the low 32 bits of the feature hash:
 * a false match costs a little noise, not a crash.
 *
 * The model file is one container: the 8-byte magic "DLMODEL\0", a format
 * version, the model kind, the payload's raw and compressed sizes and its
 * CRC-32, then the zlib-compressed payload. Readers check every one of
 * those and every length inside the payload. */
#ifndef DL_TEXT_PERCEPTRON_H
#define DL_TEXT_PERCEPTRON_H

#include "dateline.h"
#include "base/hash.h"

#include <stdint.h>

enum { DL_MODEL_VERSION = 1, DL_MODEL_TAGGER = 1, DL_MODEL_PARSER = 2 };

/* ---------------------------------------------------------------- features */

static inline uint64_t dl_feat2(uint64_t tmpl, uint64_t a)
{
    return dl_hash_mix(tmpl * 0x9e3779b97f4a7c15ULL ^ a);
}
static inline uint64_t dl_feat3(uint64_t tmpl, uint64_t a, uint64_t b)
{
    return dl_hash_mix(dl_feat2(tmpl, a) ^ (b * 0xc2b2ae3d27d4eb4fULL + 0x165667b19e3779f9ULL));
}
static inline uint64_t dl_feat4(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    return dl_hash_mix(dl_feat3(tmpl, a, b) ^ (c * 0x27d4eb2f165667c5ULL + 0x85ebca77c2b2ae63ULL));
}

/* ---------------------------------------------------------------- training */

/* How a model is trained. The same data, options and seed give the same
 * model, byte for byte. */
typedef struct dl_train_options {
    uint32_t iterations;   /* passes over the data; 0: the model's default */
    uint64_t seed;         /* shuffles the sentences before each pass */
    /* Called after each pass with the accuracy on the training data
     * (tagger: tags; parser: transitions); may be NULL. */
    void (*progress)(void *user, uint32_t iteration, double accuracy);
    void *progress_user;
    /* Features seen in fewer training instances than this are dropped from
     * the model (smaller and faster; 0 or 1 keeps all). */
    uint32_t min_count;
    /* Parser: tag its training data by jackknifing, each of this many
     * parts with a tagger trained on the others, so that it learns from
     * tags as wrong as they will be on new text (0: the given tagger). */
    uint32_t folds;
} dl_train_options;

/* A small deterministic generator (xorshift64*) for shuffling. */
static inline uint64_t dl_rand_next(uint64_t *state)
{
    uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ULL;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dULL;
}

typedef struct dl_ptrain dl_ptrain;

dl_status dl_ptrain_new(dl_ptrain **out, uint32_t n_classes);
void dl_ptrain_free(dl_ptrain *pt);
/* Adds the current (not averaged) weights of features[0..n) to scores
 * (n_classes floats, which the caller zeroes). */
void dl_ptrain_score(const dl_ptrain *pt, const uint64_t *features, size_t n, float *scores);
/* One perceptron step: +1 to truth, -1 to guess, for every feature; counts
 * one instance (call it for correct predictions too, with guess == truth,
 * so that averaging sees every step). */
dl_status dl_ptrain_update(dl_ptrain *pt, const uint64_t *features, size_t n, uint32_t truth,
                           uint32_t guess);

/* ---------------------------------------------------------------- prediction */

typedef struct dl_pweights {
    uint32_t n_classes;
    uint32_t mask;        /* slots - 1 */
    /* One slot per row: the feature's 32-bit key (0: empty) and where its
     * row starts in entries. A row starts with its length; a sparse row
     * then holds (class, weight) pairs, a dense one (length DENSE) holds
     * one weight per class, added with vector instructions: frequent
     * features have weights for most classes. */
    uint64_t *slots;      /* key in the low 32 bits, row start in the high 32 */
    int16_t *entries;
    uint64_t n_rows, n_entries;
} dl_pweights;

/* Adds the weights of features[0..n) to scores, which holds n_classes
 * ints zeroed by the caller and room for DL_SCORES_PAD more. */
enum { DL_SCORES_PAD = 8 };
void dl_pweights_score(const dl_pweights *w, const uint64_t *features, size_t n, int32_t *scores);
void dl_pweights_free(dl_pweights *w);

/* ---------------------------------------------------------------- files */

/* A payload being written: little-endian integers, varints, strings. */
typedef struct dl_pwriter {
    dl_buf buf;
    dl_status status;
} dl_pwriter;

void dl_pw_u8(dl_pwriter *w, uint8_t v);
void dl_pw_u32(dl_pwriter *w, uint32_t v);
void dl_pw_var(dl_pwriter *w, uint64_t v);
void dl_pw_str(dl_pwriter *w, const char *s);
/* Writes the averaged weights of pt: entries whose quantised weight is 0
 * are dropped, and rows left empty with them. */
void dl_pw_weights(dl_pwriter *w, const dl_ptrain *pt, uint32_t min_count);

/* A payload being read: every read checks the bounds; after the first
 * failure `bad` is set and reads return zeros. */
typedef struct dl_preader {
    const unsigned char *p, *end;
    bool bad;
} dl_preader;

uint8_t dl_pr_u8(dl_preader *r);
uint32_t dl_pr_u32(dl_preader *r);
uint64_t dl_pr_var(dl_preader *r);
/* A string of at most max bytes, copied into malloc'd memory (NULL when
 * bad). */
char *dl_pr_str(dl_preader *r, size_t max);
/* Reads weights written by dl_pw_weights() for a model of n_classes. */
dl_status dl_pr_weights(dl_preader *r, dl_pweights *w, uint32_t n_classes);

/* Compresses the payload and writes the container to path. */
dl_status dl_model_save(const char *path, uint32_t kind, const dl_buf *payload);
/* Reads the container at path, checks it and returns the payload (malloc'd,
 * *len bytes) in *payload. On failure, why[] says what is wrong ("not a
 * dateline model", "truncated", ...). */
dl_status dl_model_load(const char *path, uint32_t kind, unsigned char **payload, size_t *len,
                        char *why, size_t why_len);
/* The same over bytes already in memory (for the fuzz target). */
dl_status dl_model_decode(const unsigned char *data, size_t size, uint32_t kind,
                          unsigned char **payload, size_t *len, char *why, size_t why_len);

#endif
