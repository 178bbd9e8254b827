/* cli.c: shared command-line plumbing. */
#include "cli.h"
#include "base/arena.h"
#include "base/buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char dl_cli_common_help[] =
    "Inputs: files, directories (read recursively) or - for standard input\n"
    "(the default). Plain text (one or several articles per file), JSONL\n"
    "(one object per line with \"text\" and optionally \"id\", \"url\",\n"
    "\"title\", \"date\", \"source\"), HTML pages (the article's text and\n"
    "metadata) and WARC archives (.warc, .warc.gz: one article per page) are\n"
    "told apart by extension or content.\n"
    "\n"
    "Common options:\n"
    "  --input text|jsonl|html|warc   force the input format\n"
    "  --data DIR           dictionaries and tables (default: the data/ folder)\n"
    "  --date YYYY-MM-DD    date of articles that give none\n"
    "  -q, --quiet          do not report warnings, only errors\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 all input processed; 1 some input could not be processed\n"
    "(each problem is reported on stderr with file and line, the rest is\n"
    "processed); 2 usage error; 3 could not run (missing data, write error).\n";

void dl_cli_error(const dl_cli *cli, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "dateline %s: ", cli->command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int dl_cli_parse(dl_cli *cli, int argc, char **argv, const char *usage,
                 const char *const *extra, dl_cli_extra_fn on_extra, void *user, bool *done)
{
    enum { OPT_FORMAT = 1000, OPT_DATA, OPT_DATE, OPT_INPUT, OPT_EXTRA = 2000 };
    struct option opts[64] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"data", required_argument, NULL, OPT_DATA},
        {"date", required_argument, NULL, OPT_DATE},
        {"input", required_argument, NULL, OPT_INPUT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
    };
    size_t n = 6;
    char names[58][64];
    for (size_t i = 0; extra && extra[i] && n < 63; i++, n++) {
        size_t len = strlen(extra[i]);
        bool arg = len && extra[i][len - 1] == '=';
        snprintf(names[i], sizeof names[i], "%.*s", (int)(len - arg), extra[i]);
        opts[n] = (struct option){names[i], arg ? required_argument : no_argument, NULL,
                                  OPT_EXTRA + (int)i};
    }
    opts[n] = (struct option){0};
    *done = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: cli->format = optarg; break;
        case OPT_DATA: cli->data_dir = optarg; break;
        case OPT_DATE: cli->date = optarg; break;
        case OPT_INPUT:
            if (strcmp(optarg, "text") && strcmp(optarg, "jsonl") && strcmp(optarg, "html") &&
                strcmp(optarg, "warc")) {
                dl_cli_error(cli, "--input takes text, jsonl, html or warc, not '%s'", optarg);
                return DL_EXIT_USAGE;
            }
            cli->input_format = optarg;
            break;
        case 'q': cli->quiet = true; break;
        case 'h':
            printf("%s\n%s", usage, dl_cli_common_help);
            *done = true;
            return DL_EXIT_OK;
        case '?':
            if (optopt)
                dl_cli_error(cli, "option -%c is unknown or needs a value (see --help)", optopt);
            else
                dl_cli_error(cli, "option %s is unknown or needs a value (see --help)", argv[optind - 1]);
            return DL_EXIT_USAGE;
        default:
            if (c >= OPT_EXTRA && on_extra) {
                int rc = on_extra(user, names[c - OPT_EXTRA], optarg);
                if (rc)
                    return rc;
            }
        }
    }
    cli->inputs = argv + optind;
    cli->n_inputs = (size_t)(argc - optind);
    return DL_EXIT_OK;
}

void dl_cli_show_diag(const dl_cli *cli, const dl_diag *d)
{
    if (d->severity == DL_WARNING && cli->quiet)
        return;
    const char *kind = d->severity == DL_ERROR ? "error" : "warning";
    if (d->line)
        fprintf(stderr, "dateline %s: %s:%llu: %s: %s\n", cli->command, d->file,
                (unsigned long long)d->line, kind, d->message);
    else
        fprintf(stderr, "dateline %s: %s: %s: %s\n", cli->command, d->file, kind, d->message);
}

void dl_cli_print_diag(void *user, const dl_diag *d)
{
    dl_cli *cli = user;
    if (d->severity == DL_ERROR)
        cli->errors++;
    else
        cli->warnings++;
    dl_cli_show_diag(cli, d);
}

int dl_cli_open_pipeline(dl_cli *cli, dl_pipeline **out, unsigned stages,
                         const dl_actors_options *actors, const dl_coder_options *coder)
{
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.stages = stages;
    po.data_dir = cli->data_dir;
    po.actors = actors;
    po.coder = coder;
    po.diag = dl_cli_print_diag;
    po.diag_user = cli;
    *out = NULL;
    dl_status st = dl_pipeline_open(out, &po);
    if (!st && stages)
        cli->pipeline = *out;
    if (st) {
        const char *why = dl_parser_open_message();
        dl_cli_error(cli, "cannot load the dictionaries and lexicons from %s: %s (set --data or DATELINE_DATA)",
                     cli->data_dir ? cli->data_dir : dl_data_dir(), *why ? why : dl_status_name(st));
        return DL_EXIT_FATAL;
    }
    return DL_EXIT_OK;
}

int dl_cli_each_article(dl_cli *cli, dl_cli_article_fn fn, void *user)
{
    static const char *const stdin_only[] = {"-"};
    const char *const *inputs = cli->n_inputs ? (const char *const *)cli->inputs : stdin_only;
    size_t n_inputs = cli->n_inputs ? cli->n_inputs : 1;
    /* Commands that only clean (or parse by themselves) read through a
     * pipeline of no stages: it still owns the cleaner. */
    dl_pipeline *own = NULL;
    const dl_pipeline *pipeline = cli->pipeline;
    int rc = DL_EXIT_OK;
    if (!pipeline) {
        if ((rc = dl_cli_open_pipeline(cli, &own, 0, NULL, NULL)))
            return rc;
        pipeline = own;
    }
    dl_input_options io = DL_INPUT_OPTIONS_INIT;
    io.date = cli->date;
    if (cli->input_format)
        io.format = !strcmp(cli->input_format, "jsonl")  ? DL_FORMAT_JSONL
                    : !strcmp(cli->input_format, "html") ? DL_FORMAT_HTML
                    : !strcmp(cli->input_format, "warc") ? DL_FORMAT_WARC
                                                         : DL_FORMAT_TEXT;
    dl_input *input = NULL;
    dl_arena *arena = dl_arena_new(0);
    dl_status st;
    if (!arena || (st = dl_input_open(&input, pipeline, inputs, n_inputs, &io))) {
        dl_cli_error(cli, "out of memory");
        dl_pipeline_close(own);
        dl_arena_free(arena);
        return DL_EXIT_FATAL;
    }
    cli->input = input;
    dl_article *articles;
    size_t n;
    while (dl_arena_reset(arena), (st = dl_input_next(input, &articles, &n, arena)) == DL_OK) {
        for (size_t i = 0; i < n; i++) {
            if ((st = fn(user, &articles[i], arena))) {
                if (st != DL_ERR_IO)
                    dl_cli_error(cli, "%s: %s", dl_input_document(input)->path, dl_status_name(st));
                rc = DL_EXIT_FATAL;
                goto out;
            }
        }
    }
    if (st != DL_ERR_EMPTY) {
        dl_cli_error(cli, "%s", dl_status_name(st));
        rc = DL_EXIT_FATAL;
    }
out:
    cli->input = NULL;
    dl_input_close(input);
    dl_pipeline_close(own);
    dl_arena_free(arena);
    if (!dl_cli_finish_output(cli))
        return DL_EXIT_FATAL;
    if (rc == DL_EXIT_OK && cli->errors)
        rc = DL_EXIT_PARTIAL;
    return rc;
}

bool dl_cli_emit(const dl_buf *record)
{
    if (fwrite(record->data, 1, record->len, stdout) != record->len)
        return false;
    return putchar('\n') != EOF;
}

bool dl_cli_finish_output(const dl_cli *cli)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            dl_cli_error(cli, "cannot write output: %s", strerror(errno));
        return false;
    }
    return true;
}
