/* cmd_stories.c: `dateline stories` lists the stored stories, or shows one
 * with its articles and its events counted once. */
#include "cli.h"
#include "store_cli.h"
#include "base/buf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_stories(int argc, char **argv);

static const char usage[] =
    "usage: dateline stories [--db PATH] [--since D] [--until D] [--limit N]\n"
    "                        [--format jsonl|text] [ID]\n"
    "\n"
    "Lists the stories `dateline ingest` found: articles about one happening,\n"
    "from any outlet, within a few days. One JSON record per story: id, title,\n"
    "first_date, last_date, articles, duplicates (articles that copy another),\n"
    "sources (distinct outlets), events (distinct asserted events), mentions.\n"
    "With a story ID: that story's record, then one record per article (with\n"
    "duplicate_of and duplicate: exact, near, contained, contains), then its\n"
    "events, each once with num_mentions, num_articles and num_sources.\n"
    "--format text prints the same as a readable list.\n"
    "Exit status: 0 done; 2 usage error; 3 the store could not be read or the\n"
    "story does not exist.\n";

typedef struct out {
    bool text;
    int kind; /* 0 story, 1 article, 2 event */
    uint64_t rows;
} out;

static const char *col(size_t n, const char *const *names, const char *const *values, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return values[i] ? values[i] : "";
    return "";
}

static dl_status print_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    out *o = user;
    o->rows++;
    if (!o->text) {
        dl_buf b = {0};
        dl_buf_puts(&b, col(n, names, values, "json"));
        bool ok = dl_cli_emit(&b);
        dl_buf_free(&b);
        return ok ? DL_OK : DL_ERR_IO;
    }
#define C(name) col(n, names, values, name)
    if (o->kind == 0)
        printf("story %s  %s .. %s  %s articles (%s copies) from %s sources, %s events\n  %s\n", C("id"),
               C("first_date"), C("last_date"), C("articles"), C("duplicates"), C("sources"), C("events"),
               C("title"));
    else if (o->kind == 1)
        printf("  article %-18s %-10.10s %-24.24s %s%s%s%s\n", C("id"), C("date"), C("outlet"), C("title"),
               *C("duplicate") ? "  [" : "", C("duplicate"), *C("duplicate") ? "]" : "");
    else
        printf("  event %s --%s--> %s  x%s in %s articles from %s sources\n", *C("source_name") ? C("source_name") : C("source_code"),
               C("cameo"), *C("target_name") ? C("target_name") : C("target_code"), C("num_mentions"),
               C("num_articles"), C("num_sources"));
#undef C
    return ferror(stdout) ? DL_ERR_IO : DL_OK;
}

int cmd_stories(int argc, char **argv)
{
    dl_cli cli = {.command = "stories"};
    dl_query q = {0};
    const char *db = NULL, *format = "jsonl";
    enum { O_DB = 1000, O_FORMAT, O_SINCE, O_UNTIL, O_LIMIT };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},       {"format", required_argument, NULL, O_FORMAT},
        {"since", required_argument, NULL, O_SINCE}, {"until", required_argument, NULL, O_UNTIL},
        {"limit", required_argument, NULL, O_LIMIT}, {"help", no_argument, NULL, 'h'},
        {0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "hn:", opts, NULL)) != -1) {
        const char *name = NULL, *why;
        switch (c) {
        case O_DB: db = optarg; break;
        case O_FORMAT: format = optarg; break;
        case O_SINCE: name = "since"; break;
        case O_UNTIL: name = "until"; break;
        case O_LIMIT:
        case 'n': name = "limit"; break;
        case 'h': fputs(usage, stdout); return DL_EXIT_OK;
        default:
            dl_cli_error(&cli, "option %s is unknown or needs a value (see --help)", argv[optind - 1]);
            return DL_EXIT_USAGE;
        }
        if (name && dl_query_set(&q, name, optarg, &why)) {
            dl_cli_error(&cli, "--%s %s, not '%s'", name, why, optarg);
            return DL_EXIT_USAGE;
        }
    }
    if (strcmp(format, "jsonl") && strcmp(format, "text")) {
        dl_cli_error(&cli, "--format takes jsonl or text, not '%s'", format);
        return DL_EXIT_USAGE;
    }
    if (optind < argc) {
        char *end;
        long long id = strtoll(argv[optind], &end, 10);
        if (*end || id < 1 || optind + 1 < argc) {
            dl_cli_error(&cli, "give at most one story id, a whole number, not '%s'", argv[optind]);
            return DL_EXIT_USAGE;
        }
        q.story = id;
    }
    if (!db)
        db = dl_cli_default_db();
    if (access(db, F_OK) != 0) {
        dl_cli_error(&cli, "%s: no such store (run `dateline ingest --db %s FILES` first)", db, db);
        return DL_EXIT_FATAL;
    }
    dl_store *store;
    if (dl_store_open(&store, db, dl_cli_print_diag, &cli))
        return DL_EXIT_FATAL;
    out o = {.text = !strcmp(format, "text")};
    dl_status st = dl_store_stories(store, &q, print_row, &o);
    int rc = DL_EXIT_OK;
    if (!st && q.story) {
        if (!o.rows) {
            dl_cli_error(&cli, "%s: no story %lld", db, (long long)q.story);
            rc = DL_EXIT_FATAL;
        } else {
            o.kind = 1;
            st = dl_store_story_articles(store, q.story, print_row, &o);
            if (!st) {
                o.kind = 2;
                st = dl_store_query(store, DL_TABLE_EVENTS,
                                    &(dl_query){.dedup = true, .story = q.story}, print_row, &o);
            }
        }
    }
    if (st == DL_ERR_IO)
        rc = DL_EXIT_FATAL;
    else if (st) {
        dl_cli_error(&cli, "%s", dl_store_message(store));
        rc = DL_EXIT_FATAL;
    }
    dl_store_close(store);
    if (!dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    return rc;
}
