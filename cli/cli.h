/* cli.h: what every subcommand shares: options, reading inputs with
 * messages on stderr, writing records to stdout, exit codes.
 *
 * Exit codes (the same for every subcommand, listed in --help):
 *   0  everything was processed
 *   1  some input could not be processed (each problem was reported on
 *      stderr with its file and line); the rest was processed
 *   2  usage error (unknown option, missing argument)
 *   3  could not run at all (data files missing, out of memory, a write
 *      to stdout failed) */
#ifndef DL_CLI_H
#define DL_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "dateline.h"

enum { DL_EXIT_OK = 0, DL_EXIT_PARTIAL = 1, DL_EXIT_USAGE = 2, DL_EXIT_FATAL = 3 };

/* The options every reading subcommand takes. */
typedef struct dl_cli {
    const char *command;   /* "clean" */
    const char *format;    /* --format, NULL when not given */
    const char *data_dir;  /* --data, NULL: dl_data_dir() */
    const char *date;      /* --date YYYY-MM-DD: the date of undated articles */
    const char *input_format; /* --input text|jsonl|html|warc */
    bool quiet;            /* -q: no warnings */
    bool warn_undated;     /* warn about articles with no date (commands that code events) */
    size_t max_article;    /* --max-article-bytes: longer articles are reported and skipped */
    char **inputs;         /* FILE|DIR|- ..., "-" when none given */
    size_t n_inputs;
    uint64_t errors, warnings;
    const dl_pipeline *pipeline; /* the last one dl_cli_open_pipeline() opened */
    const dl_input *input; /* while dl_cli_each_article() runs: for progress */
} dl_cli;

/* Prints "dateline COMMAND: message" to stderr. */
void dl_cli_error(const dl_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses the common options out of argv. `extra` lists the command's own
 * long options as "name" or "name=" (takes a value); their values are given
 * to on_extra. Returns DL_EXIT_OK, or an exit code after printing usage
 * (or help, for -h, then *done is set). */
typedef int (*dl_cli_extra_fn)(void *user, const char *name, const char *value);
int dl_cli_parse(dl_cli *cli, int argc, char **argv, const char *usage,
                 const char *const *extra, dl_cli_extra_fn on_extra, void *user, bool *done);

/* A dl_diag_fn that prints "dateline COMMAND: FILE:LINE: error: ..." and
 * counts into the dl_cli given as user (warnings hidden with -q). */
void dl_cli_print_diag(void *cli, const dl_diag *diag);
/* Prints a diagnostic the same way without counting it (for commands that
 * keep their own counts). */
void dl_cli_show_diag(const dl_cli *cli, const dl_diag *diag);

/* Opens the pipeline's stages (DL_STAGE_*) with the command's --data and
 * with dictionary problems reported on stderr; actors and coder may be
 * NULL for the defaults. On failure it says why and returns
 * DL_EXIT_FATAL; else DL_EXIT_OK. */
int dl_cli_open_pipeline(dl_cli *cli, dl_pipeline **out, unsigned stages,
                         const dl_actors_options *actors, const dl_coder_options *coder);

/* Called for each clean article; return DL_OK to go on. */
typedef dl_status (*dl_cli_article_fn)(void *user, const dl_article *article, dl_arena *arena);

/* Reads every input through the library's dl_input (with the pipeline
 * dl_cli_open_pipeline() opened, else a cleaning-only one) and calls fn for
 * each clean article. Problems in the input go to stderr. Returns an exit
 * code. */
int dl_cli_each_article(dl_cli *cli, dl_cli_article_fn fn, void *user);

/* Writes one record (plus a newline) to stdout; false when stdout failed. */
bool dl_cli_emit(const dl_buf *record);
/* Flushes stdout; false (after a message) when a write failed. */
bool dl_cli_finish_output(const dl_cli *cli);

/* The common part of every --help. */
extern const char dl_cli_common_help[];

#endif
