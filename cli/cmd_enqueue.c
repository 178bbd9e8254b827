/* cmd_enqueue.c: `dateline enqueue` pushes documents to a Redis Stream. */
#include "cli.h"
#include "worker/worker.h"

#include <stdio.h>
#include <string.h>

int cmd_enqueue(int argc, char **argv);

static const char usage[] =
    "usage: dateline enqueue --redis URL --stream S [--input FORMAT] [FILE|DIR|-]...\n"
    "\n"
    "Reads the input as `dateline ingest` does (text, JSONL: one document per\n"
    "line, HTML, WARC) and adds each document to the Redis Stream S as one\n"
    "message, for `dateline worker` to store. Prints how many were added.\n";

typedef struct opts {
    dl_cli cli;
    const char *url, *stream;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    opts *o = user;
    if (!strcmp(name, "redis"))
        o->url = value;
    else if (!strcmp(name, "stream"))
        o->stream = value;
    return DL_EXIT_OK;
}

static dl_format format_of(const char *name)
{
    if (!name)
        return DL_FORMAT_AUTO;
    if (!strcmp(name, "text"))
        return DL_FORMAT_TEXT;
    if (!strcmp(name, "jsonl"))
        return DL_FORMAT_JSONL;
    if (!strcmp(name, "html"))
        return DL_FORMAT_HTML;
    if (!strcmp(name, "warc"))
        return DL_FORMAT_WARC;
    return DL_FORMAT_AUTO;
}

int cmd_enqueue(int argc, char **argv)
{
    opts o = {.cli = {.command = "enqueue"}};
    static const char *const extra[] = {"redis=", "stream=", NULL};
    bool done;
    int rc = dl_cli_parse(&o.cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    if (!o.url || !o.stream) {
        dl_cli_error(&o.cli, "--redis and --stream are required");
        fputs(usage, stderr);
        return DL_EXIT_USAGE;
    }
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = o.cli.n_inputs ? (const char *const *)o.cli.inputs : stdin_only;
    size_t n_paths = o.cli.n_inputs ? o.cli.n_inputs : 1;
    uint64_t n = 0;
    dl_status st = dl_enqueue(o.url, o.stream, paths, n_paths, format_of(o.cli.input_format), dl_cli_print_diag,
                              &o.cli, &n);
    printf("%llu\n", (unsigned long long)n);
    if (!dl_cli_finish_output(&o.cli))
        return DL_EXIT_FATAL;
    if (st)
        return st == DL_ERR_ARG ? DL_EXIT_USAGE : DL_EXIT_FATAL;
    return o.cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
}
