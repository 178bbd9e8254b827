/* quotes.c (built as bench_quotes): how fast the quote finder runs on one core.
 *
 *   build/bench_quotes [FILE...]     (default: the .txt files in examples/)
 *
 * Reads and cleans the inputs, parses them and finds actor mentions once,
 * then runs dl_quotes_find() over all articles again and again for about
 * two seconds. Prints quotes/s and MB/s (article body bytes) for the quote
 * stage alone, and MB/s for parse + actors + quotes together. */
#include "dateline.h"
#include "bench_common.h"
#include "base/arena.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct prepared {
    dl_article article;
    dl_sentence *sentences;
    size_t n_sentences;
    dl_mention *mentions;
    size_t n_mentions;
} prepared;

int main(int argc, char **argv)
{
    glob_t g = {0};
    const char *const *paths = (const char *const *)argv + 1;
    size_t n_paths = (size_t)argc - 1;
    if (n_paths == 0) {
        glob("examples/*.txt", 0, NULL, &g);
        paths = (const char *const *)g.gl_pathv;
        n_paths = g.gl_pathc;
    }
    if (n_paths == 0) {
        fprintf(stderr, "bench_quotes: no input (run from the repository root or give files)\n");
        return 2;
    }
    dl_parser *parser;
    dl_actors *actors;
    dl_quoter *quoter;
    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    if (dl_parser_open(&parser, NULL) || dl_actors_open(&actors, &ao) ||
        dl_quoter_open(&quoter, NULL, NULL, NULL)) {
        fprintf(stderr, "bench_quotes: cannot load data (set DATELINE_DATA)\n");
        return 3;
    }
    dl_arena *keep = dl_arena_new(0);
    prepared *arts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    double t0 = now();
    size_t na;
    dl_article *a = bench_load_articles(paths, n_paths, keep, &na);
    {
        for (size_t i = 0; i < na; i++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                arts = realloc(arts, cap * sizeof *arts);
                if (!arts)
                    return 3;
            }
            prepared *p = &arts[n++];
            p->article = a[i];
            bytes += a[i].body_len;
            if (dl_parse(&p->sentences, &p->n_sentences, parser, a[i].body, a[i].body_len, keep) ||
                dl_actors_find(&p->mentions, &p->n_mentions, actors, &a[i], p->sentences, p->n_sentences, 0,
                               keep))
                n--;
        }
    }
    double prep = now() - t0;
    dl_arena *arena = dl_arena_new(0);
    uint64_t quotes = 0, rounds = 0, quote_bytes = 0;
    t0 = now();
    double spent = 0;
    do {
        for (size_t i = 0; i < n; i++) {
            dl_arena_reset(arena);
            dl_quote *q;
            size_t nq;
            if (dl_quotes_find(&q, &nq, quoter, &arts[i].article, arts[i].sentences, arts[i].n_sentences,
                               arts[i].mentions, arts[i].n_mentions, arena) == DL_OK)
                quotes += nq;
            quote_bytes += arts[i].article.body_len;
        }
        rounds++;
        spent = now() - t0;
    } while (spent < 2.0);
    printf("quotes: %zu articles, %.2f MB, %llu rounds: %.0f quotes/s, %.1f MB/s (quote stage alone)\n", n,
           bytes / 1048576.0, (unsigned long long)rounds, quotes / spent, quote_bytes / 1048576.0 / spent);
    double find = spent / (double)rounds;
    printf("quotes: read + clean + parse + actors + quotes %.2f MB/s\n",
           prep + find > 0 ? bytes / 1048576.0 / (prep + find) : 0);
    dl_arena_free(arena);
    dl_arena_free(keep);
    free(arts);
    free(a);
    dl_quoter_close(quoter);
    dl_actors_close(actors);
    dl_parser_close(parser);
    globfree(&g);
    return 0;
}
