/* bench_common.h: what the benchmarks share. Articles are loaded the one
 * way every command reads them, through the library's dl_input, so a
 * benchmark measures the stages and not its own copy of the reading loop. */
#ifndef DL_BENCH_COMMON_H
#define DL_BENCH_COMMON_H
#include "dateline.h"

#include <stdio.h>
#include <stdlib.h>

/* Reads and cleans every article of `paths` into `keep` (which must live as
 * long as the articles are used). Returns the array (free() it) and sets
 * *n; NULL with *n = 0 when nothing could be read. */
static inline dl_article *bench_load_articles(const char *const *paths, size_t n_paths,
                                              dl_arena *keep, size_t *n)
{
    *n = 0;
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.stages = 0;
    dl_pipeline *p = NULL;
    if (dl_pipeline_open(&p, &po))
        return NULL;
    dl_input *in = NULL;
    if (dl_input_open(&in, p, paths, n_paths, NULL)) {
        dl_pipeline_close(p);
        return NULL;
    }
    dl_article *all = NULL, *a;
    size_t cap = 0, na;
    while (dl_input_next(in, &a, &na, keep) == DL_OK)
        for (size_t i = 0; i < na; i++) {
            if (*n == cap) {
                cap = cap ? cap * 2 : 64;
                dl_article *grown = realloc(all, cap * sizeof *grown);
                if (!grown) {
                    free(all);
                    *n = 0;
                    all = NULL;
                    goto out;
                }
                all = grown;
            }
            all[(*n)++] = a[i];
        }
out:
    dl_input_close(in);
    dl_pipeline_close(p);
    return all;
}

#endif
