/* cmd_merge.c: `dateline merge OUT.db IN.db...` merges stores (the shards
 * of a sharded ingest) into one. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_merge(int argc, char **argv);

static const char usage[] =
    "usage: dateline merge [-q] OUT.db IN.db...\n"
    "\n"
    "Merges SQLite stores (the shards written by `dateline ingest --shard I/N`)\n"
    "into OUT.db, which is created when missing. Articles are matched by their\n"
    "content key: an article OUT.db holds already is left alone, so merging the\n"
    "same shard twice, or shards that overlap, adds each article once. Each\n"
    "article keeps its id and content key and brings its rows in every table\n"
    "that references it (mentions, quotes, events, ...); the full-text index\n"
    "is filled for what is added. Each input merges in one transaction. Tables\n"
    "of an input that cannot be merged are named in a warning.\n";

int cmd_merge(int argc, char **argv)
{
    dl_cli cli = {.command = "merge"};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    if (cli.n_inputs < 2 || !strcmp(cli.inputs[0], "-")) {
        dl_cli_error(&cli, "give the output store and at least one store to merge into it");
        fputs(usage, stderr);
        return DL_EXIT_USAGE;
    }
    const char *out = cli.inputs[0];
    dl_store *store = NULL;
    if (dl_store_open(&store, out, dl_cli_print_diag, &cli))
        return DL_EXIT_FATAL;
    rc = DL_EXIT_OK;
    int64_t articles = 0, skipped = 0, rows = 0;
    for (size_t i = 1; i < cli.n_inputs; i++) {
        /* The output itself: it holds all its articles already. */
        char a[PATH_MAX], b[PATH_MAX];
        if (realpath(out, a) && realpath(cli.inputs[i], b) && !strcmp(a, b)) {
            dl_cli_error(&cli, "%s is the output store; skipped", cli.inputs[i]);
            continue;
        }
        dl_merge_stats ms;
        dl_status st = dl_store_merge(store, cli.inputs[i], &ms, dl_cli_print_diag, &cli);
        if (st) { /* dl_store_merge() said why through the sink */
            rc = DL_EXIT_PARTIAL;
            continue;
        }
        articles += ms.articles;
        skipped += ms.skipped;
        rows += ms.rows;
        if (!cli.quiet)
            fprintf(stderr, "dateline merge: %s: %lld articles added (%lld already there), %lld rows\n",
                    cli.inputs[i], (long long)ms.articles, (long long)ms.skipped, (long long)ms.rows);
    }
    if (!cli.quiet)
        fprintf(stderr, "dateline merge: %lld articles added (%lld already there), %lld rows, into %s\n",
                (long long)articles, (long long)skipped, (long long)rows, out);
    dl_store_close(store);
    return rc;
}
