/* store_cli.c: options and output of the commands that read a store. */
#include "store_cli.h"
#include "cli.h"
#include "base/buf.h"
#include "base/json.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *dl_cli_default_db(void)
{
    const char *env = getenv("DATELINE_DB");
    return env && *env ? env : "dateline.db";
}

static int write_stdout(void *out, const char *data, size_t len)
{
    return fwrite(data, 1, len, out) == len ? 0 : -1;
}

/* Search results are not stored records: print the ranked row itself. */
static dl_status print_search_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    dl_buf *b = user;
    dl_buf_clear(b);
    dl_jw w;
    dl_jw_init(&w, b);
    dl_jw_object_begin(&w);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(names[i], "json"))
            continue;
        dl_jw_key(&w, names[i]);
        if (!strcmp(names[i], "score") && values[i])
            dl_jw_double(&w, atof(values[i]));
        else
            dl_jw_string(&w, values[i]);
    }
    dl_jw_object_end(&w);
    if (w.status)
        return w.status;
    return dl_cli_emit(b) ? DL_OK : DL_ERR_IO;
}

int dl_cli_store_query(const char *command, dl_table table, const char *usage, int argc, char **argv)
{
    dl_cli cli = {.command = command};
    dl_query q = {0};
    const char *db = NULL, *format = "jsonl", *what = NULL;
    int dedup = -1; /* --dedup 1, --raw 0, neither: by format */
    enum { O_DB = 1000, O_FORMAT, O_ACTOR, O_SOURCE, O_TARGET, O_CAMEO, O_PLOVER, O_COUNTRY,
           O_SPEAKER, O_SINCE, O_UNTIL, O_LIMIT, O_WHAT, O_FACTUALITY, O_DEDUP, O_RAW };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},         {"format", required_argument, NULL, O_FORMAT},
        {"actor", required_argument, NULL, O_ACTOR},   {"source", required_argument, NULL, O_SOURCE},
        {"target", required_argument, NULL, O_TARGET}, {"cameo", required_argument, NULL, O_CAMEO},
        {"plover", required_argument, NULL, O_PLOVER}, {"country", required_argument, NULL, O_COUNTRY},
        {"speaker", required_argument, NULL, O_SPEAKER}, {"since", required_argument, NULL, O_SINCE},
        {"until", required_argument, NULL, O_UNTIL},   {"limit", required_argument, NULL, O_LIMIT},
        {"what", required_argument, NULL, O_WHAT},     {"help", no_argument, NULL, 'h'},
        {"factuality", required_argument, NULL, O_FACTUALITY},
        {"dedup", no_argument, NULL, O_DEDUP},         {"raw", no_argument, NULL, O_RAW},
        {0},
    };
    optind = 1;
    opterr = 0;
    int c;
    unsigned given = 0; /* bit (O_x - O_DB) for each option given */
    while ((c = getopt_long(argc, argv, ":hn:", opts, NULL)) != -1) {
        if (c >= O_DB && c <= O_WHAT)
            given |= 1u << (c - O_DB);
        else if (c == 'n')
            given |= 1u << (O_LIMIT - O_DB);
        switch (c) {
        case O_DB: db = optarg; break;
        case O_FORMAT: format = optarg; break;
        case O_ACTOR:
        case O_SOURCE:
        case O_TARGET:
        case O_CAMEO:
        case O_PLOVER:
        case O_COUNTRY:
        case O_SPEAKER:
        case O_SINCE:
        case O_UNTIL:
        case O_LIMIT:
        case O_FACTUALITY:
        case 'n': {
            /* The library checks filters, so the HTTP API takes the same. */
            const char *name = "limit", *why;
            for (const struct option *o = opts; o->name; o++)
                if (o->val == c)
                    name = o->name;
            if (dl_query_set(&q, name, optarg, &why)) {
                dl_cli_error(&cli, "--%s %s, not '%s'", name, why, optarg);
                return DL_EXIT_USAGE;
            }
            break;
        }
        case O_WHAT: what = optarg; break;
        case O_DEDUP: dedup = 1; break;
        case O_RAW: dedup = 0; break;
        case 'h':
            fputs(usage, stdout);
            return DL_EXIT_OK;
        case ':': {
            /* a missing value: name the option as written, never optopt
             * (for a long option that is its code, not a character) */
            const char *name = argv[optind - 1];
            for (const struct option *o = opts; o->name; o++)
                if (o->val == optopt)
                    name = o->name;
            dl_cli_error(&cli, "option %s%s needs a value (see --help)", optopt == 'n' ? "-" : "--",
                         optopt == 'n' ? "n" : name);
            return DL_EXIT_USAGE;
        }
        default:
            /* A bad short option inside a group ("-Gaza") is optopt, not
             * the argument before it. */
            if (optopt > 0 && optopt < 128 && optopt != 'n')
                dl_cli_error(&cli, "option -%c is unknown (see --help; put -- before words that start with -)",
                             optopt);
            else
                dl_cli_error(&cli, "option %s is unknown or needs a value (see --help)", argv[optind - 1]);
            return DL_EXIT_USAGE;
        }
    }
    if (table == DL_TABLE_SEARCH) {
        dl_buf text = DL_BUF_INIT;
        for (int i = optind; i < argc; i++) {
            if (text.len)
                dl_buf_putc(&text, ' ');
            dl_buf_puts(&text, argv[i]);
        }
        if (!text.len) {
            dl_cli_error(&cli, "give the words to search for (see --help)");
            return DL_EXIT_USAGE;
        }
        q.text = dl_buf_detach(&text);
    } else if (optind < argc) {
        dl_cli_error(&cli, "unexpected argument '%s' (see --help)", argv[optind]);
        return DL_EXIT_USAGE;
    }
    if (what) {
        static const struct { const char *name; dl_table table; } tables[] = {
            {"articles", DL_TABLE_ARTICLES}, {"actors", DL_TABLE_ACTORS},
            {"quotes", DL_TABLE_QUOTES},     {"events", DL_TABLE_EVENTS}};
        table = 0;
        for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
            if (!strcmp(what, tables[i].name))
                table = tables[i].table;
        if (!table) {
            dl_cli_error(&cli, "--what takes articles, actors, quotes or events, not '%s'", what);
            return DL_EXIT_USAGE;
        }
    }
    {
        /* A filter the table has no column for would be ignored in
         * silence; say so instead. */
        unsigned any = 1u << (O_SINCE - O_DB) | 1u << (O_UNTIL - O_DB) | 1u << (O_LIMIT - O_DB);
        unsigned filters = 0;
        for (int o = O_ACTOR; o <= O_LIMIT; o++)
            filters |= 1u << (o - O_DB);
        unsigned allowed = any;
        const char *tname = "articles";
        switch (table) {
        case DL_TABLE_EVENTS:
            allowed = filters & ~(1u << (O_SPEAKER - O_DB));
            tname = "events";
            break;
        case DL_TABLE_QUOTES:
            allowed |= 1u << (O_SPEAKER - O_DB);
            tname = "quotes";
            break;
        case DL_TABLE_ACTORS:
            allowed |= 1u << (O_ACTOR - O_DB) | 1u << (O_COUNTRY - O_DB);
            tname = "actors";
            break;
        case DL_TABLE_SEARCH: tname = "search"; break;
        default: break;
        }
        unsigned bad = given & filters & ~allowed;
        if (bad) {
            for (const struct option *o = opts; o->name; o++)
                if (o->val >= O_DB && o->val <= O_WHAT && (bad & 1u << (o->val - O_DB))) {
                    dl_cli_error(&cli, "--%s does not apply to %s (see --help)", o->name, tname);
                    break;
                }
            free((char *)q.text);
            return DL_EXIT_USAGE;
        }
    }
    dl_export_format fmt;
    if (!strcmp(format, "jsonl"))
        fmt = DL_EXPORT_JSONL;
    else if (!strcmp(format, "csv"))
        fmt = DL_EXPORT_CSV;
    else if (!strcmp(format, "tsv"))
        fmt = DL_EXPORT_TSV;
    else if (!strcmp(format, "gdelt") && table == DL_TABLE_EVENTS)
        fmt = DL_EXPORT_GDELT;
    else {
        dl_cli_error(&cli, "--format takes jsonl, csv, tsv%s, not '%s'",
                     table == DL_TABLE_EVENTS ? " or gdelt" : "", format);
        free((char *)q.text);
        return DL_EXIT_USAGE;
    }
    /* A GDELT row is one event with its mention counts, so that format
     * counts each event once unless --raw asks for every mention. */
    q.dedup = table == DL_TABLE_EVENTS && (dedup == 1 || (dedup == -1 && fmt == DL_EXPORT_GDELT));
    if (!db)
        db = dl_cli_default_db();
    if (access(db, F_OK) != 0) {
        dl_cli_error(&cli, "%s: no such store (run `dateline ingest --db %s FILES` first)", db, db);
        free((char *)q.text);
        return DL_EXIT_FATAL;
    }
    dl_store *store;
    dl_status st = dl_store_open(&store, db, dl_cli_print_diag, &cli);
    if (st) {
        free((char *)q.text);
        return DL_EXIT_FATAL;
    }
    dl_export x;
    dl_buf row = DL_BUF_INIT;
    dl_export_init(&x, fmt, table, write_stdout, stdout);
    x.any_factuality = q.factuality != NULL;
    if (table == DL_TABLE_SEARCH && fmt == DL_EXPORT_JSONL)
        st = dl_store_query(store, table, &q, print_search_row, &row);
    else
        st = dl_store_query(store, table, &q, dl_export_row, &x);
    int rc = DL_EXIT_OK;
    if (st == DL_ERR_IO)
        rc = DL_EXIT_FATAL;
    else if (st) {
        dl_cli_error(&cli, "%s", dl_store_message(store));
        rc = DL_EXIT_FATAL;
    }
    dl_export_free(&x);
    dl_buf_free(&row);
    dl_store_close(store);
    free((char *)q.text);
    if (!dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    return rc;
}
