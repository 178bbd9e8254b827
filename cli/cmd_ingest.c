/* cmd_ingest.c: `dateline ingest` runs the whole pipeline into a store. */
#include "cli.h"
#include "store_cli.h"
#include "base/arena.h"
#include "base/buf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int cmd_ingest(int argc, char **argv);

static const char usage[] =
    "usage: dateline ingest [--db PATH] [--batch N] [--shard I/N] [--report] [--no-stories] [options] [FILE|DIR|-]...\n"
    "\n"
    "Runs the whole pipeline (clean, parse, actors, quotes, events) over the\n"
    "input and stores articles, actor mentions, quotes and events in an SQLite\n"
    "store (--db, else $DATELINE_DB, else ./dateline.db; created when missing).\n"
    "\n"
    "Ingesting the same input again adds nothing: articles are keyed by their\n"
    "content. Articles are stored in batches of --batch (default 200), each in\n"
    "one transaction: if ingest is killed, the store keeps every finished batch,\n"
    "and running the same command again finishes the job, with exactly the\n"
    "store one uninterrupted run makes. A batch also ends after holding the\n"
    "store's write lock for a second, so other writers wait little; a writer\n"
    "that finds the store busy waits and retries (up to two minutes). If the\n"
    "disk fills or fails, the open batch is rolled back and ingest stops\n"
    "(exit 3) naming the article; the summary counts only committed articles.\n"
    "Progress shows on stderr when it is a terminal. --report prints a summary\n"
    "of the whole store at the end.\n"
    "\n"
    "Each new article is fingerprinted and linked to the first stored copy of\n"
    "its text (exact, near duplicate, or a teaser contained in it), put in a\n"
    "story with the articles of the last days about the same happening, and\n"
    "its events counted with the same events of its story (`dateline stories`,\n"
    "`dateline events --dedup`). --no-stories skips this step (to measure it).\n"
    "\n"
    "--shard I/N (0 <= I < N) stores only shard I of N of the input: the\n"
    "articles whose content hash falls in that share, the same on every run\n"
    "and machine, so N runs over the same input (each with its own --db) hold\n"
    "every article exactly once between them; `dateline merge` joins them.\n"
    "Under a Slurm job array I and N default to $SLURM_ARRAY_TASK_ID and\n"
    "$SLURM_ARRAY_TASK_COUNT (see scripts/slurm/).\n";

typedef struct ingest {
    dl_cli cli;
    dl_store *store;
    const dl_pipeline *pipeline;
    dl_arena *arena;
    long batch, in_batch;
    uint64_t added, skipped, failed, mentions, quotes, events, other_shards;
    unsigned shard, shards; /* this run keeps shard `shard` of `shards` */
    /* the open batch: counted into the totals above only once committed */
    uint64_t b_added, b_mentions, b_quotes, b_events;
    bool in_txn;       /* a batch transaction is open */
    double txn_start;  /* when it began */
    bool stopped;      /* a write failed that lost the batch */
    bool progress, report, no_stories;
    double start, last_draw;
    const char *db;
} ingest;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw_progress(ingest *g, const dl_reader_stats *rs, bool final)
{
    uint64_t bytes = rs ? rs->bytes : 1, total = rs ? rs->total_bytes : 1;
    double t = now();
    if (!final && t - g->last_draw < 0.2)
        return;
    g->last_draw = t;
    double el = t - g->start;
    double rate = el > 0 ? (double)(g->added + g->skipped) / el : 0;
    char eta[32] = "";
    if (total && bytes && bytes < total && el > 1)
        snprintf(eta, sizeof eta, " ETA %.0fs", el * (double)(total - bytes) / (double)bytes);
    int pct = total ? (int)(100.0 * (double)bytes / (double)total) : 0;
    char files[48] = "";
    if (rs)
        snprintf(files, sizeof files, "file %llu/%llu, ", (unsigned long long)rs->files,
                 (unsigned long long)rs->total_files);
    fprintf(stderr, "\r\033[K[%3d%%] %s%llu articles (%llu already stored), %llu events, %.0f articles/s%s",
            pct > 100 ? 100 : pct, files, (unsigned long long)g->added, (unsigned long long)g->skipped,
            (unsigned long long)g->events, rate, eta);
    if (final)
        fputc('\n', stderr);
}

/* Commits the open batch and moves its counts into the totals. */
static dl_status commit_batch(ingest *g)
{
    if (!g->in_txn)
        return DL_OK;
    dl_status st = dl_store_commit(g->store);
    if (st)
        return st;
    g->in_txn = false;
    g->added += g->b_added;
    g->mentions += g->b_mentions;
    g->quotes += g->b_quotes;
    g->events += g->b_events;
    g->b_added = g->b_mentions = g->b_quotes = g->b_events = 0;
    g->in_batch = 0;
    return DL_OK;
}

/* A write failed in a way that lost the batch (disk full, I/O error, a
 * commit refused): roll back what is left, say what happened and to
 * which article, and stop; the summary counts committed articles only. */
static dl_status stop(ingest *g, const dl_article *article, dl_status st)
{
    (void)st;
    char why[512];
    snprintf(why, sizeof why, "%s", dl_store_message(g->store));
    if (dl_store_in_transaction(g->store))
        dl_store_rollback(g->store);
    g->in_txn = false;
    g->b_added = g->b_mentions = g->b_quotes = g->b_events = 0;
    g->in_batch = 0;
    g->stopped = true;
    fprintf(stderr,
            "dateline ingest: %s while storing article %s (%s); the open batch was rolled back; "
            "%llu articles stored, resume with the same command\n",
            why, article && article->id ? article->id : "?", article && article->source ? article->source : "?",
            (unsigned long long)g->added);
    return DL_ERR_IO; /* dl_cli_each_article stops without another message */
}

static dl_status one_article(void *user, const dl_article *article, dl_arena *doc_arena)
{
    ingest *g = user;
    if (g->shards > 1 && dl_store_shard(article, g->shards) != g->shard) {
        g->other_shards++;
        return DL_OK;
    }
    bool found = false;
    dl_status st = dl_store_has(g->store, article, &found);
    if (st)
        return st;
    if (found) {
        g->skipped++;
        return DL_OK;
    }
    dl_arena_reset(g->arena);
    dl_analysis an;
    if ((st = dl_pipeline_run(&an, g->pipeline, article, g->arena))) {
        fprintf(stderr, "dateline ingest: %s: article %s: %s; skipped\n", article->source, article->id,
                dl_status_name(st));
        g->failed++;
        return st == DL_ERR_NOMEM ? st : DL_OK;
    }
    /* The batch's write transaction begins only now, after the analysis,
     * so the write lock is not held while the first article is analysed. */
    if (!g->in_txn) {
        if ((st = dl_store_begin(g->store)))
            return stop(g, article, st);
        g->in_txn = true;
        g->txn_start = now();
    }
    bool added = false;
    if ((st = dl_store_add(g->store, &an, &added))) {
        if (st == DL_ERR_IO || !dl_store_in_transaction(g->store))
            return stop(g, article, st); /* SQLite rolled the batch back */
        fprintf(stderr, "dateline ingest: %s: article %s not stored: %s\n", article->source, article->id,
                dl_store_message(g->store));
        g->failed++;
        return DL_OK; /* the savepoint dropped this article alone */
    }
    if (added) {
        g->b_added++;
        g->b_mentions += an.n_mentions;
        g->b_quotes += an.n_quotes;
        g->b_events += an.n_events;
    } else {
        g->skipped++;
    }
    if (g->progress && g->cli.input) {
        dl_reader_stats rs;
        dl_input_stats(g->cli.input, &rs);
        draw_progress(g, &rs, false);
    }
    /* A batch ends when full, or after a second of holding the lock. */
    if (++g->in_batch >= g->batch || now() - g->txn_start > 1.0) {
        if ((st = commit_batch(g)))
            return stop(g, article, st);
    }
    return DL_OK;
}

/* "I/N" with 0 <= I < N. */
static bool parse_shard(ingest *g, const char *value, const char *what)
{
    char *end;
    long i = strtol(value, &end, 10), n = 0;
    if (end != value && *end == '/') {
        const char *ns = end + 1;
        n = strtol(ns, &end, 10);
        if (end == ns)
            n = 0;
    }
    if (*end || n < 1 || n > 1000000 || i < 0 || i >= n) {
        dl_cli_error(&g->cli, "%s takes I/N with 0 <= I < N (shard I of N), not '%s'", what, value);
        return false;
    }
    g->shard = (unsigned)i;
    g->shards = (unsigned)n;
    return true;
}

/* Slurm numbers array tasks from --array's first index: 0..N-1 is what
 * the examples use, and another range is refused rather than guessed. */
static int shard_from_slurm(ingest *g)
{
    const char *id = getenv("SLURM_ARRAY_TASK_ID"), *count = getenv("SLURM_ARRAY_TASK_COUNT");
    if (g->shards || !id || !count || !*id || !*count)
        return DL_EXIT_OK;
    char spec[64];
    snprintf(spec, sizeof spec, "%s/%s", id, count);
    return parse_shard(g, spec, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT") ? DL_EXIT_OK : DL_EXIT_USAGE;
}

static int on_extra(void *user, const char *name, const char *value)
{
    ingest *g = user;
    if (!strcmp(name, "db")) {
        g->db = value;
    } else if (!strcmp(name, "batch")) {
        char *end;
        g->batch = strtol(value, &end, 10);
        if (*end || g->batch < 1) {
            dl_cli_error(&g->cli, "--batch takes a whole number of at least 1, not '%s'", value);
            return DL_EXIT_USAGE;
        }
    } else if (!strcmp(name, "shard")) {
        return parse_shard(g, value, "--shard") ? DL_EXIT_OK : DL_EXIT_USAGE;
    } else if (!strcmp(name, "report")) {
        g->report = true;
    } else if (!strcmp(name, "no-stories")) {
        g->no_stories = true;
    }
    return DL_EXIT_OK;
}

static dl_status print_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    const char *fmt = user;
    if (!strcmp(fmt, "actor"))
        printf("  %-28s %-10s %s\n", values[0] ? values[0] : "", values[1] ? values[1] : "", values[2]);
    else if (!strcmp(fmt, "event"))
        printf("  CAMEO %-5s %-10s %s\n", values[0] ? values[0] : "", values[1] ? values[1] : "-", values[2]);
    else
        printf("  %s\n", values[n - 1]);
    return DL_OK;
}

/* Three sample events, with their sentences, for the report. */
static dl_status print_sample(void *user, size_t n, const char *const *names, const char *const *values)
{
    const char *v[10] = {0};
    static const char *const want[] = {"source_code", "cameo", "target_code", "plover", "sentence_text",
                                       "source_name", "target_name", "date", "source_text", "target_text"};
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < 10; k++)
            if (!strcmp(names[i], want[k]))
                v[k] = values[i];
    printf("  %s (%s) --%s %s--> %s (%s)   [%s]\n    \"%.160s\"\n", v[5] ? v[5] : v[8] ? v[8] : "?",
           v[0] ? v[0] : "?", v[1] ? v[1] : "?", v[3] ? v[3] : "", v[6] ? v[6] : v[9] ? v[9] : "-",
           v[2] ? v[2] : "-", v[7] ? v[7] : "undated", v[4] ? v[4] : "");
    return DL_OK;
}

static dl_status count_story(void *user, size_t n, const char *const *names, const char *const *values)
{
    (void)n, (void)names;
    long long *c = user;
    c[0]++;
    c[1] += values[5] ? atoll(values[5]) : 0; /* duplicates */
    c[2] += values[7] ? atoll(values[7]) : 0; /* events counted once */
    return DL_OK;
}

static void report(dl_store *store, const char *db)
{
    dl_store_counts c;
    if (dl_store_count(store, &c))
        return;
    printf("\nThe store %s now holds %lld articles, %lld actor mentions, %lld quotes and %lld events.\n",
           db, (long long)c.articles, (long long)c.mentions, (long long)c.quotes, (long long)c.events);
    long long s[3] = {0, 0, 0};
    if (!dl_store_stories(store, NULL, count_story, s) && s[0])
        printf("They tell %lld stories; %lld articles copy another, and counted once the asserted events are %lld "
               "(`dateline stories`, `dateline events --dedup`).\n", s[0], s[1], s[2]);
    printf("\nMost mentioned actors:\n");
    dl_store_query(store, DL_TABLE_TOP_ACTORS, &(dl_query){.limit = 8}, print_row, "actor");
    printf("\nMost frequent event types:\n");
    dl_store_query(store, DL_TABLE_TOP_EVENTS, &(dl_query){.limit = 8}, print_row, "event");
    printf("\nSample events:\n");
    dl_store_query(store, DL_TABLE_EVENTS, &(dl_query){.cameo = "1", .limit = 3, .factuality = "asserted"}, print_sample,
                   NULL);
    printf("\nTry next:\n"
           "  build/dateline events --db %s --actor ISR --limit 5\n"
           "  build/dateline events --db %s --cameo 19 --format csv\n"
           "  build/dateline search --db %s \"ceasefire talks\"\n"
           "  build/dateline quotes --db %s --speaker Zelensky\n"
           "  build/dateline export --db %s --format gdelt > events.tsv\n",
           db, db, db, db, db);
}

int cmd_ingest(int argc, char **argv)
{
    ingest g = {.cli = {.command = "ingest", .warn_undated = true}, .batch = 200};
    static const char *const extra[] = {"db=", "batch=", "shard=", "report", "no-stories", NULL};
    bool done;
    int rc = dl_cli_parse(&g.cli, argc, argv, usage, extra, on_extra, &g, &done);
    if (rc || done)
        return rc;
    if ((rc = shard_from_slurm(&g)))
        return rc;
    if (!g.db)
        g.db = dl_cli_default_db();
    dl_status st = dl_store_open(&g.store, g.db, dl_cli_print_diag, &g.cli);
    if (st) {
        return DL_EXIT_FATAL;
    }
    if (g.no_stories)
        dl_store_set_stories(g.store, false);
    dl_pipeline *pipeline = NULL;
    if ((rc = dl_cli_open_pipeline(&g.cli, &pipeline, DL_STAGE_ALL, NULL, NULL))) {
        dl_store_close(g.store);
        return rc;
    }
    g.pipeline = pipeline;
    g.arena = dl_arena_new(0);
    g.progress = isatty(STDERR_FILENO) && !g.cli.quiet;
    g.start = now();
    /* SIGINT ends the process; the open batch rolls back on its own. */
    if (!g.arena) {
        dl_cli_error(&g.cli, "out of memory");
        rc = DL_EXIT_FATAL;
    } else {
        rc = dl_cli_each_article(&g.cli, one_article, &g);
        if (!g.stopped && commit_batch(&g)) {
            stop(&g, NULL, DL_ERR_IO);
            rc = DL_EXIT_FATAL;
        }
        if (g.stopped)
            rc = DL_EXIT_FATAL;
    }
    double el = now() - g.start;
    if (g.progress)
        draw_progress(&g, NULL, true);
    if (!g.cli.quiet)
        fprintf(stderr,
                "dateline ingest: %llu articles stored (%llu already there%s), %llu mentions, %llu quotes, "
                "%llu events in %.1fs (%.0f articles/s) into %s\n",
                (unsigned long long)g.added, (unsigned long long)g.skipped,
                g.failed ? ", some failed: see above" : "", (unsigned long long)g.mentions,
                (unsigned long long)g.quotes, (unsigned long long)g.events, el,
                el > 0 ? (double)(g.added + g.skipped) / el : 0.0, g.db);
    if (g.shards > 1 && !g.cli.quiet)
        fprintf(stderr, "dateline ingest: shard %u/%u: %llu articles left to the other shards\n", g.shard,
                g.shards, (unsigned long long)g.other_shards);
    if (g.report && rc != DL_EXIT_FATAL) {
        report(g.store, g.db);
        if (!dl_cli_finish_output(&g.cli))
            rc = DL_EXIT_FATAL; /* stdout could not be written: exit 3 */
    }
    if (g.failed && rc == DL_EXIT_OK)
        rc = DL_EXIT_PARTIAL;
    dl_arena_free(g.arena);
    dl_pipeline_close(pipeline);
    dl_store_close(g.store);
    fflush(stdout);
    return rc;
}
