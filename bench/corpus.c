/* corpus.c: the corpus step's benchmark (figures, not pass/fail).
 *
 *   bench_corpus [N] [FILE|DIR...]   (default: 4000 articles from examples/)
 *
 * Articles are made from the clean articles of the inputs: paragraphs
 * shuffled, some dropped, and a numbered sentence added, so there are
 * many near copies and every body is distinct. It reports:
 *   - fingerprinting alone (SimHash, MinHash, exact hash): articles/s;
 *   - the whole corpus step in the store with no pipeline (fingerprint,
 *     candidate lookup in the band and lead indexes, exact checks of the
 *     candidates, story choice, indexing): articles/s, against the same
 *     store adds with stories off;
 *   - peak resident memory after a quarter and after all of the adds;
 *   - the cost of stories in a real ingest: the pipeline run over the
 *     first 300 articles, then stored with stories on and off:
 *     (pipeline + store on) / (pipeline + store off). */
#include "bench_common.h"
#include "dateline.h"
#include "corpus/corpus.h"
#include "corpus/fingerprint.h"
#include "store/store_int.h"
#include "base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A variant of article a: its paragraphs shuffled, one in four dropped,
 * and a numbered sentence. */
static char *variant(const dl_article *a, size_t i, size_t *len)
{
    const char *p[64];
    size_t n[64], np = 0;
    const char *s = a->body, *end = a->body + a->body_len;
    while (s < end && np < 64) {
        const char *e = strstr(s, "\n\n");
        if (!e || e > end)
            e = end;
        p[np] = s, n[np] = (size_t)(e - s), np++;
        s = e + 2;
    }
    for (size_t k = np; k > 1; k--) {
        size_t j = next_rand() % k;
        const char *tp = p[k - 1];
        size_t tn = n[k - 1];
        p[k - 1] = p[j], n[k - 1] = n[j], p[j] = tp, n[j] = tn;
    }
    size_t cap = a->body_len + 160, off = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    off += (size_t)snprintf(out, cap, "Officials said %zu people had been counted at checkpoint %zu by evening.",
                            i * 7 + 3, i);
    for (size_t k = 0; k < np; k++) {
        if (np > 2 && next_rand() % 4 == 0)
            continue;
        if (off + n[k] + 3 >= cap)
            break;
        memcpy(out + off, "\n\n", 2);
        off += 2;
        memcpy(out + off, p[k], n[k]);
        off += n[k];
    }
    out[off] = '\0';
    *len = off;
    return out;
}

static double lookup_rate;

static double store_run(const dl_analysis *an, size_t n, bool stories, long *kb_quarter, long *kb_all)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dl-bench-corpus-%d.db", (int)getpid());
    unlink(path);
    dl_store *s = NULL;
    if (dl_store_open(&s, path, NULL, NULL))
        return -1;
    dl_store_set_stories(s, stories);
    double t = now();
    bool added;
    dl_store_begin(s);
    for (size_t i = 0; i < n; i++) {
        dl_store_add(s, &an[i], &added);
        if ((i + 1) % 200 == 0) {
            dl_store_commit(s);
            dl_store_begin(s);
        }
        if (kb_quarter && i + 1 == n / 4)
            *kb_quarter = peak_kb();
    }
    dl_store_commit(s);
    t = now() - t;
    if (kb_all)
        *kb_all = peak_kb();
    if (stories && kb_all) {
        /* Fingerprint and candidate lookup of every article against the
         * filled indexes. */
        dl_corpus *c = dl_corpus_new(dl_store_db(s));
        int64_t found[64];
        long total = 0;
        double t2 = now();
        for (size_t i = 0; i < n; i++) {
            dl_fingerprint fp;
            dl_fingerprint_compute(&fp, an[i].article->body, an[i].article->body_len);
            total += dl_corpus_candidates(c, &fp, found, 64);
        }
        lookup_rate = (double)n / (now() - t2);
        printf("corpus: %ld candidates, %.1f per article\n", total, (double)total / (double)n);
        dl_corpus_free(c);
    }
    dl_store_close(s);
    char side[80];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return t;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 4000;
    const char *def[] = {"examples"};
    const char *const *paths = argc > 2 ? (const char *const *)argv + 2 : def;
    size_t n_paths = argc > 2 ? (size_t)argc - 2 : 1;
    dl_arena *keep = dl_arena_new(0);
    size_t nb;
    dl_article *base = bench_load_articles(paths, n_paths, keep, &nb);
    if (!base || !nb || !n) {
        fprintf(stderr, "bench_corpus: no articles in the inputs\n");
        return 1;
    }
    dl_article *arts = calloc(n, sizeof *arts);
    dl_analysis *an = calloc(n, sizeof *an);
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        arts[i] = base[i % nb];
        size_t len = 0;
        char *body = variant(&base[i % nb], i, &len);
        char *id = malloc(32);
        snprintf(id, 32, "bench-%zu", i);
        arts[i].body = body, arts[i].body_len = len, arts[i].id = id;
        bytes += len;
        an[i].article = &arts[i];
    }
    double t = now();
    uint64_t sink = 0;
    for (size_t i = 0; i < n; i++) {
        dl_fingerprint fp;
        dl_fingerprint_compute(&fp, arts[i].body, arts[i].body_len);
        sink ^= fp.simhash;
    }
    t = now() - t;
    printf("corpus: fingerprint %.0f articles/s (%.1f MB/s, %zu articles of %.0f bytes on average)%s\n",
           (double)n / t, (double)bytes / 1048576.0 / t, n, (double)bytes / (double)n, sink == 1 ? " " : "");
    long kb_q = 0, kb_all = 0;
    double off = store_run(an, n, false, NULL, NULL);
    double on = store_run(an, n, true, &kb_q, &kb_all);
    printf("corpus: store add with stories %.0f articles/s, without %.0f articles/s (no pipeline)\n",
           (double)n / on, (double)n / off);
    printf("corpus: fingerprint and candidate lookup %.0f articles/s\n", lookup_rate);
    printf("corpus: peak memory %ld kB after %zu articles, %ld kB after %zu\n", kb_q, n / 4, kb_all, n);

    /* A real ingest's share: the pipeline on the first articles, stored
     * both ways. */
    size_t m = n < 300 ? n : 300;
    dl_pipeline *p = NULL;
    if (dl_pipeline_open(&p, NULL) == DL_OK) {
        dl_arena **arenas = calloc(m, sizeof *arenas);
        dl_analysis *full = calloc(m, sizeof *full);
        t = now();
        for (size_t i = 0; i < m; i++) {
            arenas[i] = dl_arena_new(0);
            dl_pipeline_run(&full[i], p, &arts[i], arenas[i]);
        }
        double pipe = now() - t;
        double s_off = store_run(full, m, false, NULL, NULL), s_on = store_run(full, m, true, NULL, NULL);
        printf("corpus: ingest of %zu articles: pipeline %.2fs, store %.2fs with stories, %.2fs without: "
               "%.1f%% slower with stories\n",
               m, pipe, s_on, s_off, 100 * ((pipe + s_on) / (pipe + s_off) - 1));
        for (size_t i = 0; i < m; i++)
            dl_arena_free(arenas[i]);
        free(arenas);
        free(full);
        dl_pipeline_close(p);
    }
    for (size_t i = 0; i < n; i++) {
        free((char *)arts[i].body);
        free((char *)arts[i].id);
    }
    free(arts);
    free(an);
    free(base);
    dl_arena_free(keep);
    return 0;
}
