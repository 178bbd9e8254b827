/* bench_actors.c: the actor stage alone, with the full default dictionaries.
 *
 *   build/bench_actors [--rounds N] FILE...
 *
 * Loads the dictionaries RUNS times (the median load time is reported),
 * then cleans and parses the given files once (not timed: those are other
 * stages) and runs dl_actors_find() over every article N times on one
 * core, reporting tokens per second and mentions per second. */
#include "dateline.h"
#include "bench_common.h"
#include "base/arena.h"
#include "dict/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct parsed {
    dl_article article;
    dl_sentence *sentences;
    size_t n_sentences;
    int32_t date;
} parsed;

int main(int argc, char **argv)
{
    int rounds = 200;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "--rounds")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: bench_actors [--rounds N] FILE...\n");
        return 2;
    }
    /* dictionary load */
    double loads[5];
    dl_actors *actors = NULL;
    for (int i = 0; i < 5; i++) {
        double t0 = now();
        dl_actors *a;
        if (dl_actors_open(&a, NULL)) {
            fprintf(stderr, "bench_actors: cannot load the dictionaries from %s\n", dl_data_dir());
            return 1;
        }
        loads[i] = (now() - t0) * 1e3;
        if (actors)
            dl_actors_close(actors);
        actors = a;
    }
    qsort(loads, 5, sizeof *loads, cmp_double);

    dl_parser *parser;
    if (dl_parser_open(&parser, NULL)) {
        fprintf(stderr, "bench_actors: cannot load the parser\n");
        return 1;
    }
    dl_arena *keep = dl_arena_new(0);
    parsed *docs = NULL;
    size_t n_docs = 0, cap = 0;
    uint64_t tokens = 0;
    size_t n_arts;
    dl_article *arts = bench_load_articles((const char *const *)argv + first, (size_t)(argc - first), keep, &n_arts);
    for (size_t k = 0; k < n_arts; k++) {
        {
            if (n_docs == cap) {
                cap = cap ? cap * 2 : 64;
                parsed *grown = realloc(docs, cap * sizeof *grown);
                if (!grown)
                    return 1;
                docs = grown;
            }
            parsed *p = &docs[n_docs];
            p->article = arts[k];
            p->date = dl_date_to_int(arts[k].date);
            if (dl_parse(&p->sentences, &p->n_sentences, parser, arts[k].body, arts[k].body_len, keep))
                continue;
            for (size_t s = 0; s < p->n_sentences; s++)
                tokens += p->sentences[s].n_tokens;
            n_docs++;
        }
    }
    if (!n_docs) {
        fprintf(stderr, "bench_actors: no articles\n");
        return 1;
    }
    dl_arena *arena = dl_arena_new(0);
    uint64_t mentions = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++) {
        for (size_t d = 0; d < n_docs; d++) {
            dl_arena_reset(arena);
            dl_mention *m;
            size_t n;
            if (dl_actors_find(&m, &n, actors, &docs[d].article, docs[d].sentences, docs[d].n_sentences,
                               docs[d].date, arena))
                return 1;
            mentions += n;
        }
    }
    double sec = now() - t0;
    double total_tokens = (double)tokens * rounds;
    printf("actors: dictionaries load in %.1f ms (median of 5); %zu articles, %llu tokens x %d rounds in %.3f s: "
           "%.0f tokens/s, %.0f mentions/s (%llu mentions per round)\n",
           loads[2], n_docs, (unsigned long long)tokens, rounds, sec, total_tokens / sec, (double)mentions / sec,
           (unsigned long long)(mentions / (uint64_t)rounds));
    dl_arena_free(arena);
    dl_arena_free(keep);
    free(docs);
    free(arts);
    dl_actors_close(actors);
    dl_parser_close(parser);
    return 0;
}
