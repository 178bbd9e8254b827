/* perceptron.c: averaged perceptron training, quantised weight tables and
 * the model file container (see perceptron.h). */
#include "text/perceptron.h"
#include "base/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---------------------------------------------------------------- training */

typedef struct pentry {
    uint32_t cls;
    uint32_t stamp; /* instance count when w last changed */
    int32_t w;
    double total;   /* sum of w over the instances before stamp */
} pentry;

typedef struct prow {
    uint64_t key; /* 0: empty */
    pentry *e;
    uint32_t n, cap;
    uint32_t count; /* instances the feature was seen in since its row was made */
} prow;

struct dl_ptrain {
    uint32_t n_classes;
    prow *rows;
    size_t cap, n; /* cap: power of two */
    uint32_t now;  /* instances seen */
};

static uint64_t nonzero(uint64_t k) { return k ? k : 1; }

dl_status dl_ptrain_new(dl_ptrain **out, uint32_t n_classes)
{
    *out = NULL;
    if (n_classes == 0 || n_classes > 255)
        return DL_ERR_ARG;
    dl_ptrain *pt = calloc(1, sizeof *pt);
    if (!pt)
        return DL_ERR_NOMEM;
    pt->n_classes = n_classes;
    pt->cap = 1 << 16;
    pt->rows = calloc(pt->cap, sizeof *pt->rows);
    if (!pt->rows) {
        free(pt);
        return DL_ERR_NOMEM;
    }
    *out = pt;
    return DL_OK;
}

void dl_ptrain_free(dl_ptrain *pt)
{
    if (!pt)
        return;
    for (size_t i = 0; i < pt->cap; i++)
        free(pt->rows[i].e);
    free(pt->rows);
    free(pt);
}

static prow *row_find(const dl_ptrain *pt, uint64_t key)
{
    size_t mask = pt->cap - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask) {
        prow *r = &pt->rows[i];
        if (r->key == key)
            return r;
        if (!r->key)
            return NULL;
    }
}

static dl_status grow(dl_ptrain *pt)
{
    size_t cap = pt->cap * 2, mask = cap - 1;
    prow *rows = calloc(cap, sizeof *rows);
    if (!rows)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < pt->cap; i++) {
        prow *r = &pt->rows[i];
        if (!r->key)
            continue;
        size_t j = (size_t)r->key & mask;
        while (rows[j].key)
            j = (j + 1) & mask;
        rows[j] = *r;
    }
    free(pt->rows);
    pt->rows = rows;
    pt->cap = cap;
    return DL_OK;
}

static prow *row_add(dl_ptrain *pt, uint64_t key)
{
    if ((pt->n + 1) * 2 > pt->cap && grow(pt))
        return NULL;
    size_t mask = pt->cap - 1;
    size_t i = (size_t)key & mask;
    while (pt->rows[i].key && pt->rows[i].key != key)
        i = (i + 1) & mask;
    prow *r = &pt->rows[i];
    if (!r->key) {
        r->key = key;
        pt->n++;
    }
    return r;
}

void dl_ptrain_score(const dl_ptrain *pt, const uint64_t *features, size_t n, float *scores)
{
    for (size_t i = 0; i < n; i++) {
        const prow *r = row_find(pt, nonzero(features[i]));
        if (!r)
            continue;
        for (uint32_t k = 0; k < r->n; k++)
            scores[r->e[k].cls] += (float)r->e[k].w;
    }
}

static dl_status bump(dl_ptrain *pt, uint64_t key, uint32_t cls, int32_t delta)
{
    prow *r = row_add(pt, key);
    if (!r)
        return DL_ERR_NOMEM;
    pentry *e = NULL;
    for (uint32_t k = 0; k < r->n; k++)
        if (r->e[k].cls == cls) {
            e = &r->e[k];
            break;
        }
    if (!e) {
        if (r->n == r->cap) {
            uint32_t cap = r->cap ? r->cap * 2 : 2;
            pentry *ne = realloc(r->e, cap * sizeof *ne);
            if (!ne)
                return DL_ERR_NOMEM;
            r->e = ne;
            r->cap = cap;
        }
        e = &r->e[r->n++];
        *e = (pentry){.cls = cls, .stamp = pt->now};
    }
    e->total += (double)(pt->now - e->stamp) * e->w;
    e->stamp = pt->now;
    e->w += delta;
    return DL_OK;
}

dl_status dl_ptrain_update(dl_ptrain *pt, const uint64_t *features, size_t n, uint32_t truth,
                           uint32_t guess)
{
    pt->now++;
    for (size_t i = 0; i < n; i++) {
        prow *r = row_find(pt, nonzero(features[i]));
        if (r)
            r->count++;
    }
    if (truth == guess)
        return DL_OK;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = nonzero(features[i]);
        dl_status st = bump(pt, key, truth, 1);
        if (!st)
            st = bump(pt, key, guess, -1);
        if (st)
            return st;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- prediction */

/* The length that marks a dense row. */
enum { DENSE = -1 };

/* Three sweeps over the features instead of one: the table is larger than
 * the caches, so each lookup misses; asking for every slot first, then for
 * every row, lets the memory system fetch them all at once instead of one
 * after another. */
void dl_pweights_score(const dl_pweights *w, const uint64_t *features, size_t n, int32_t *scores)
{
    if (!w->slots)
        return;
    enum { BATCH = 128 };
    uint32_t keys[BATCH];
    int64_t rows[BATCH];
    for (size_t done = 0; done < n; done += BATCH) {
        size_t m = n - done < BATCH ? n - done : BATCH;
        for (size_t i = 0; i < m; i++) {
            uint32_t key = (uint32_t)features[done + i];
            keys[i] = key ? key : 1;
            __builtin_prefetch(&w->slots[(keys[i] * 2654435761u) & w->mask]);
        }
        for (size_t i = 0; i < m; i++) {
            rows[i] = -1;
            for (uint32_t s = (keys[i] * 2654435761u) & w->mask;; s = (s + 1) & w->mask) {
                uint64_t slot = w->slots[s];
                if ((uint32_t)slot == keys[i]) {
                    rows[i] = (int64_t)(slot >> 32);
                    __builtin_prefetch(&w->entries[rows[i]]);
                    break;
                }
                if (!(uint32_t)slot)
                    break;
            }
        }
        for (size_t i = 0; i < m; i++) {
            if (rows[i] < 0)
                continue;
            const int16_t *row = &w->entries[rows[i]];
            int32_t len = row[0];
            if (len == DENSE) {
                const int16_t *d = row + 1;
#ifdef __SSE2__
                for (uint32_t c = 0; c < w->n_classes; c += 8) {
                    __m128i v = _mm_loadu_si128((const __m128i *)(d + c));
                    __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16);
                    __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16);
                    __m128i *out = (__m128i *)(scores + c);
                    _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), lo));
                    _mm_storeu_si128(out + 1, _mm_add_epi32(_mm_loadu_si128(out + 1), hi));
                }
#else
                for (uint32_t c = 0; c < w->n_classes; c++)
                    scores[c] += d[c];
#endif
            } else {
                for (int32_t k = 0; k < len; k++)
                    scores[(uint16_t)row[1 + 2 * k]] += row[2 + 2 * k];
            }
        }
    }
}

void dl_pweights_free(dl_pweights *w)
{
    if (!w)
        return;
    free(w->slots);
    free(w->entries);
    memset(w, 0, sizeof *w);
}

/* ---------------------------------------------------------------- writing */

void dl_pw_u8(dl_pwriter *w, uint8_t v)
{
    if (!w->status)
        w->status = dl_buf_append(&w->buf, &v, 1);
}

void dl_pw_u32(dl_pwriter *w, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    if (!w->status)
        w->status = dl_buf_append(&w->buf, b, 4);
}

void dl_pw_var(dl_pwriter *w, uint64_t v)
{
    unsigned char b[10];
    size_t n = 0;
    do {
        b[n++] = (unsigned char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
        v >>= 7;
    } while (v);
    if (!w->status)
        w->status = dl_buf_append(&w->buf, b, n);
}

void dl_pw_str(dl_pwriter *w, const char *s)
{
    size_t n = strlen(s);
    dl_pw_var(w, n);
    if (!w->status)
        w->status = dl_buf_append(&w->buf, s, n);
}

typedef struct qentry {
    uint32_t key;
    uint8_t cls;
    int32_t q;
} qentry;

static int by_key_class(const void *a, const void *b)
{
    const qentry *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->cls > y->cls) - (x->cls < y->cls);
}

static uint64_t zigzag(int32_t v) { return v < 0 ? ((uint64_t)(-(int64_t)v) << 1) - 1 : (uint64_t)v << 1; }
static int32_t unzigzag(uint64_t v) { return (v & 1) ? -(int32_t)((v + 1) >> 1) : (int32_t)(v >> 1); }

void dl_pw_weights(dl_pwriter *w, const dl_ptrain *pt, uint32_t min_count)
{
    if (w->status)
        return;
    /* The averaged weights and their largest magnitude, which sets the
     * quantisation step: the largest weight becomes +-32000. */
    size_t n = 0;
    for (size_t i = 0; i < pt->cap; i++)
        n += pt->rows[i].key && pt->rows[i].count >= min_count ? pt->rows[i].n : 0;
    qentry *q = malloc((n ? n : 1) * sizeof *q);
    double *avg = malloc((n ? n : 1) * sizeof *avg);
    if (!q || !avg) {
        free(q);
        free(avg);
        w->status = DL_ERR_NOMEM;
        return;
    }
    double max = 0;
    size_t k = 0;
    double now = pt->now ? pt->now : 1;
    for (size_t i = 0; i < pt->cap; i++) {
        const prow *r = &pt->rows[i];
        if (!r->key || r->count < min_count)
            continue;
        uint32_t key = (uint32_t)r->key;
        key = key ? key : 1;
        for (uint32_t e = 0; e < r->n; e++) {
            const pentry *pe = &r->e[e];
            double a = (pe->total + (double)(pt->now - pe->stamp) * pe->w) / now;
            avg[k] = a;
            q[k++] = (qentry){.key = key, .cls = (uint8_t)pe->cls};
            if (fabs(a) > max)
                max = fabs(a);
        }
    }
    double scale = max > 0 ? 32000.0 / max : 1;
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        long v = lround(avg[i] * scale);
        if (v != 0) {
            q[m] = q[i];
            q[m++].q = (int32_t)v;
        }
    }
    free(avg);
    qsort(q, m, sizeof *q, by_key_class);
    /* Features whose 32-bit keys collide share a row: their weights add,
     * as they would at prediction time. */
    size_t u = 0;
    for (size_t i = 0; i < m; i++) {
        if (u && q[u - 1].key == q[i].key && q[u - 1].cls == q[i].cls)
            q[u - 1].q += q[i].q;
        else
            q[u++] = q[i];
    }
    for (size_t i = 0; i < u; i++)
        q[i].q = q[i].q > 32767 ? 32767 : q[i].q < -32767 ? -32767 : q[i].q;
    size_t rows = 0;
    for (size_t i = 0; i < u; i++)
        rows += !i || q[i].key != q[i - 1].key;
    dl_pw_var(w, rows);
    uint32_t last = 0;
    for (size_t i = 0; i < u;) {
        size_t j = i;
        while (j < u && q[j].key == q[i].key)
            j++;
        dl_pw_var(w, q[i].key - last);
        last = q[i].key;
        dl_pw_var(w, j - i);
        for (size_t e = i; e < j; e++) {
            dl_pw_u8(w, q[e].cls);
            dl_pw_var(w, zigzag(q[e].q));
        }
        i = j;
    }
    free(q);
}

/* ---------------------------------------------------------------- reading */

uint8_t dl_pr_u8(dl_preader *r)
{
    if (r->bad || r->p >= r->end) {
        r->bad = true;
        return 0;
    }
    return *r->p++;
}

uint32_t dl_pr_u32(dl_preader *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = true;
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
                 (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

uint64_t dl_pr_var(dl_preader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t b = dl_pr_u8(r);
        if (r->bad)
            return 0;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    r->bad = true;
    return 0;
}

char *dl_pr_str(dl_preader *r, size_t max)
{
    uint64_t n = dl_pr_var(r);
    if (r->bad || n > max || (uint64_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        r->bad = true;
        return NULL;
    }
    memcpy(s, r->p, (size_t)n);
    s[n] = '\0';
    r->p += n;
    return s;
}

dl_status dl_pr_weights(dl_preader *r, dl_pweights *w, uint32_t n_classes)
{
    memset(w, 0, sizeof *w);
    w->n_classes = n_classes;
    uint64_t rows = dl_pr_var(r);
    /* Each row takes at least three bytes: a bound before allocating. */
    if (r->bad || rows > (uint64_t)(r->end - r->p) / 3 || rows >= (1u << 30))
        return DL_ERR_PARSE;
    uint32_t size = 1024;
    while (size < rows * 2)
        size *= 2;
    w->mask = size - 1;
    w->slots = calloc(size, sizeof *w->slots);
    size_t cap = (size_t)rows * 5 + 1, n = 0;
    size_t padded = (n_classes + 7) / 8 * 8; /* dense rows are read 8 at a time */
    w->entries = malloc(cap * sizeof *w->entries);
    if (!w->slots || !w->entries) {
        dl_pweights_free(w);
        return DL_ERR_NOMEM;
    }
    uint32_t key = 0;
    for (uint64_t i = 0; i < rows && !r->bad; i++) {
        uint64_t delta = dl_pr_var(r);
        uint64_t len = dl_pr_var(r);
        if (r->bad || (i && delta == 0) || key + delta > UINT32_MAX || key + delta == 0 ||
            len == 0 || len > n_classes)
            break;
        key += (uint32_t)delta;
        /* Rows with weights for a quarter of the classes or more are
         * stored dense. */
        bool dense = len * 4 >= n_classes;
        size_t need = dense ? 1 + padded : 1 + 2 * len;
        if (n + need > cap) {
            size_t nc = (n + need) * 2;
            int16_t *ne = realloc(w->entries, nc * sizeof *ne);
            if (!ne) {
                dl_pweights_free(w);
                return DL_ERR_NOMEM;
            }
            w->entries = ne;
            cap = nc;
        }
        if (n > UINT32_MAX - need) {
            r->bad = true;
            break;
        }
        uint32_t start = (uint32_t)n;
        w->entries[n] = dense ? DENSE : (int16_t)len;
        if (dense)
            memset(&w->entries[n + 1], 0, padded * sizeof *w->entries);
        for (uint64_t e = 0; e < len; e++) {
            uint8_t cls = dl_pr_u8(r);
            int32_t q = unzigzag(dl_pr_var(r));
            if (cls >= n_classes || q < -32767 || q > 32767) {
                r->bad = true;
                break;
            }
            if (dense) {
                w->entries[n + 1 + cls] = (int16_t)q;
            } else {
                w->entries[n + 1 + 2 * e] = cls;
                w->entries[n + 2 + 2 * e] = (int16_t)q;
            }
        }
        n += need;
        uint32_t s = (key * 2654435761u) & w->mask;
        while (w->slots[s])
            s = (s + 1) & w->mask;
        w->slots[s] = (uint64_t)start << 32 | key;
        w->n_rows++;
    }
    if (r->bad || w->n_rows != rows) {
        dl_pweights_free(w);
        r->bad = true;
        return DL_ERR_PARSE;
    }
    w->n_entries = n;
    return DL_OK;
}

/* ---------------------------------------------------------------- container */

static const unsigned char magic[8] = {'D', 'L', 'M', 'O', 'D', 'E', 'L', 0};
enum { HEADER = 8 + 4 + 4 + 8 + 8 + 4, MAX_PAYLOAD = 512u << 20 };

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint64_t get64(const unsigned char *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }

dl_status dl_model_save(const char *path, uint32_t kind, const dl_buf *payload)
{
    uLongf zlen = compressBound((uLong)payload->len);
    unsigned char *z = malloc(HEADER + zlen);
    if (!z)
        return DL_ERR_NOMEM;
    if (compress2(z + HEADER, &zlen, (const Bytef *)payload->data, (uLong)payload->len, 9) != Z_OK) {
        free(z);
        return DL_ERR_NOMEM;
    }
    memcpy(z, magic, 8);
    put32(z + 8, DL_MODEL_VERSION);
    put32(z + 12, kind);
    put64(z + 16, payload->len);
    put64(z + 24, zlen);
    put32(z + 32, (uint32_t)crc32(0, (const Bytef *)payload->data, (uInt)payload->len));
    FILE *fp = fopen(path, "wb");
    dl_status st = DL_OK;
    if (!fp || fwrite(z, 1, HEADER + zlen, fp) != HEADER + zlen)
        st = DL_ERR_IO;
    if (fp && fclose(fp) != 0)
        st = DL_ERR_IO;
    free(z);
    return st;
}

dl_status dl_model_decode(const unsigned char *data, size_t size, uint32_t kind,
                          unsigned char **payload, size_t *len, char *why, size_t why_len)
{
    *payload = NULL;
    *len = 0;
    if (size < 8 || memcmp(data, magic, 8) != 0) {
        snprintf(why, why_len, "not a dateline model file (bad magic)");
        return DL_ERR_PARSE;
    }
    if (size < HEADER) {
        snprintf(why, why_len, "truncated header (%zu bytes)", size);
        return DL_ERR_PARSE;
    }
    uint32_t version = get32(data + 8), k = get32(data + 12);
    if (version != DL_MODEL_VERSION) {
        snprintf(why, why_len, "model format version %u, this dateline reads version %u",
                 version, (unsigned)DL_MODEL_VERSION);
        return DL_ERR_VERSION;
    }
    if (k != kind) {
        snprintf(why, why_len, "a %s model where a %s model was expected",
                 k == DL_MODEL_TAGGER ? "tagger" : k == DL_MODEL_PARSER ? "parser" : "unknown",
                 kind == DL_MODEL_TAGGER ? "tagger" : "parser");
        return DL_ERR_PARSE;
    }
    uint64_t raw = get64(data + 16), zlen = get64(data + 24);
    uint32_t crc = get32(data + 32);
    if (zlen != size - HEADER) {
        snprintf(why, why_len, "%s: %zu bytes of compressed data where the header says %llu",
                 zlen > size - HEADER ? "truncated" : "trailing bytes", size - HEADER,
                 (unsigned long long)zlen);
        return DL_ERR_PARSE;
    }
    if (raw > MAX_PAYLOAD) {
        snprintf(why, why_len, "payload of %llu bytes is over the limit", (unsigned long long)raw);
        return DL_ERR_LIMIT;
    }
    unsigned char *out = malloc(raw ? raw : 1);
    if (!out) {
        snprintf(why, why_len, "out of memory");
        return DL_ERR_NOMEM;
    }
    uLongf got = (uLongf)raw;
    if (uncompress(out, &got, data + HEADER, (uLong)zlen) != Z_OK || got != raw ||
        (uint32_t)crc32(0, out, (uInt)raw) != crc) {
        free(out);
        snprintf(why, why_len, "corrupt compressed data (checksum or size mismatch)");
        return DL_ERR_PARSE;
    }
    *payload = out;
    *len = raw;
    return DL_OK;
}

dl_status dl_model_load(const char *path, uint32_t kind, unsigned char **payload, size_t *len,
                        char *why, size_t why_len)
{
    *payload = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(why, why_len, "%s: cannot open", path);
        return DL_ERR_IO;
    }
    dl_buf b = DL_BUF_INIT;
    char chunk[1 << 16];
    size_t got;
    dl_status st = DL_OK;
    while (!st && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        st = dl_buf_append(&b, chunk, got);
    if (ferror(fp))
        st = DL_ERR_IO;
    fclose(fp);
    if (st) {
        snprintf(why, why_len, "%s: cannot read", path);
        dl_buf_free(&b);
        return st;
    }
    char inner[200];
    st = dl_model_decode((const unsigned char *)(b.data ? b.data : ""), b.len, kind, payload, len,
                         inner, sizeof inner);
    if (st)
        snprintf(why, why_len, "%s: %s", path, inner);
    dl_buf_free(&b);
    return st;
}
