/* cmd_clean.c: `dateline clean` prints one article record per article. */
#include "cli.h"
#include "base/buf.h"

#include <string.h>

static const char usage[] =
    "usage: dateline clean [options] [FILE|DIR|-]...\n"
    "\n"
    "Splits raw news into articles and cleans them: finds the title, dateline,\n"
    "byline and date, drops repeated headlines, photo captions, agency credits,\n"
    "logo words, teasers and page furniture, and prints one JSON article per\n"
    "line: id, source, title, dateline, byline, date, body (paragraphs\n"
    "separated by a blank line) and removed (every dropped line and why).\n";

int cmd_clean(int argc, char **argv);

typedef struct clean_state {
    dl_buf out;
} clean_state;

static dl_status print_article(void *user, const dl_article *article, dl_arena *arena)
{
    clean_state *s = user;
    dl_buf_clear(&s->out);
    dl_status st = dl_article_to_json(&s->out, article);
    if (st)
        return st;
    return dl_cli_emit(&s->out) ? DL_OK : DL_ERR_IO;
}

int cmd_clean(int argc, char **argv)
{
    dl_cli cli = {.command = "clean"};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    if (cli.format && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format: clean writes jsonl only");
        return DL_EXIT_USAGE;
    }
    clean_state s = {DL_BUF_INIT};
    rc = dl_cli_each_article(&cli, print_article, &s);
    dl_buf_free(&s.out);
    return rc;
}
