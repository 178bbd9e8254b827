/* parse.c: the language core's speed. Cleans the given files, then parses
 * their articles over and over (sentences, tokens, lemmas, tags, chunks)
 * for at least 2 million tokens, five times; prints the median tokens/s,
 * and the median start-up time of dl_parser_open() over five opens. */
#include "dateline.h"
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    /* CPU time of this process: the figure for one core, even on a
     * machine other jobs share. */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_parse FILE|DIR...\n");
        return 2;
    }
    double opens[5];
    dl_parser *parser = NULL;
    for (int i = 0; i < 5; i++) {
        double t = now();
        if (dl_parser_open(&parser, NULL)) {
            fprintf(stderr, "bench_parse: cannot open the parser\n");
            return 3;
        }
        opens[i] = now() - t;
        if (i < 4)
            dl_parser_close(parser);
    }
    qsort(opens, 5, sizeof *opens, cmp);
    /* the articles, kept as plain bodies */
    dl_arena *arena = dl_arena_new(0);
    size_t na;
    dl_article *a = bench_load_articles((const char *const *)argv + 1, (size_t)argc - 1, arena, &na);
    char **bodies = calloc(na ? na : 1, sizeof *bodies);
    size_t *lens = calloc(na ? na : 1, sizeof *lens), n = 0;
    for (size_t i = 0; i < na; i++) {
        bodies[n] = strndup(a[i].body, a[i].body_len);
        lens[n++] = a[i].body_len;
    }
    free(a);
    if (!n) {
        fprintf(stderr, "bench_parse: no articles\n");
        return 1;
    }
    double rates[5];
    uint64_t tokens = 0, sentences = 0;
    for (int r = 0; r < 5; r++) {
        tokens = sentences = 0;
        double t = now();
        while (tokens < 2000000)
            for (size_t i = 0; i < n; i++) {
                dl_arena_reset(arena);
                dl_sentence *s;
                size_t ns;
                dl_parse(&s, &ns, parser, bodies[i], lens[i], arena);
                sentences += ns;
                for (size_t k = 0; k < ns; k++)
                    tokens += s[k].n_tokens;
            }
        rates[r] = (double)tokens / (now() - t);
    }
    qsort(rates, 5, sizeof *rates, cmp);
    printf("parse: %.0f tokens/s (median of 5 runs of %llu tokens, %llu sentences), start-up %.1f ms (median of 5)\n",
           rates[2], (unsigned long long)tokens, (unsigned long long)sentences, opens[2] * 1000);
    for (size_t i = 0; i < n; i++)
        free(bodies[i]);
    free(bodies);
    free(lens);
    dl_arena_free(arena);
    dl_parser_close(parser);
    return 0;
}
