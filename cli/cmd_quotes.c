/* cmd_quotes.c: `dateline quotes` prints who said what: one quote record
 * per quote found in the input, or, with --db, the quotes a store holds. */
#include "cli.h"
#include "store_cli.h"
#include "base/buf.h"

#include <string.h>

static const char usage[] =
    "usage: dateline quotes [options] [FILE|DIR|-]...\n"
    "       dateline quotes --db PATH [--speaker NAME] [--since D] [--until D]\n"
    "                       [--limit N] [--format jsonl|csv|tsv]\n"
    "\n"
    "Finds quotes and reported speech in news and who said them: direct quotes\n"
    "in any quotation marks, split or spanning sentences, and indirect speech\n"
    "(\"X said that ...\", \"according to X, ...\", \"X was quoted as saying\").\n"
    "Speakers are resolved through the actor dictionaries (\"he\", \"the\n"
    "minister\", \"the statement\" become who they stand for). Names in quotes\n"
    "(dubbed \"Salt Typhoon\") are not quotes. One JSON record per quote:\n"
    "article, speaker (as written), speaker_name, speaker_code, cue, text,\n"
    "direct, start, end (byte offsets in the article body), sentence.\n"
    "\n"
    "With --db, prints the stored quotes instead, filtered by --speaker (whole\n"
    "words of the name or of the speaker as written, or a code prefix) and\n"
    "dates; the store is --db, else $DATELINE_DB.\n";

int cmd_quotes(int argc, char **argv);

typedef struct quotes_state {
    dl_pipeline *pipeline;
    dl_buf out;
} quotes_state;

static dl_status print_quotes(void *user, const dl_article *article, dl_arena *arena)
{
    quotes_state *s = user;
    dl_analysis a;
    dl_status st = dl_pipeline_run(&a, s->pipeline, article, arena);
    if (st)
        return st;
    for (size_t i = 0; i < a.n_quotes; i++) {
        dl_buf_clear(&s->out);
        if ((st = dl_quote_to_json(&s->out, &a.quotes[i], article->id)))
            return st;
        if (!dl_cli_emit(&s->out))
            return DL_ERR_IO;
    }
    return DL_OK;
}

/* Is --db among the arguments? Then the command reads a store. */
static bool wants_store(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5))
            return true;
    }
    return false;
}

int cmd_quotes(int argc, char **argv)
{
    if (wants_store(argc, argv))
        return dl_cli_store_query("quotes", DL_TABLE_QUOTES, usage, argc, argv);
    dl_cli cli = {.command = "quotes"};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    if (cli.format && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format: quotes found in text are written as jsonl only");
        return DL_EXIT_USAGE;
    }
    quotes_state s = {NULL, DL_BUF_INIT};
    if ((rc = dl_cli_open_pipeline(&cli, &s.pipeline, DL_STAGE_QUOTES, NULL, NULL)))
        return rc;
    rc = dl_cli_each_article(&cli, print_quotes, &s);
    dl_buf_free(&s.out);
    dl_pipeline_close(s.pipeline);
    return rc;
}
