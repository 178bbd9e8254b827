/* cmd_parse.c: `dateline parse` prints one sentence record per sentence. */
#include "cli.h"
#include "base/buf.h"

#include <string.h>

static const char usage[] =
    "usage: dateline parse [options] [FILE|DIR|-]...\n"
    "\n"
    "Cleans the input as `dateline clean` does, then splits each article's body\n"
    "into sentences and tokens and prints one JSON sentence per line: article,\n"
    "index, start and end (byte offsets in the body), text, tokens (text, start,\n"
    "end, lemma, Penn Treebank tag) and chunks (base noun phrases \"NP\" and verb\n"
    "groups \"VG\" with their first and end token, head, text, and for verb groups\n"
    "passive, negated, modal, future, perfect and progressive).\n";

int cmd_parse(int argc, char **argv);

typedef struct parse_state {
    const dl_parser *parser;
    dl_buf out;
} parse_state;

static dl_status print_sentences(void *user, const dl_article *article, dl_arena *arena)
{
    parse_state *s = user;
    dl_sentence *sentences;
    size_t n;
    dl_status st = dl_parse(&sentences, &n, s->parser, article->body, article->body_len, arena);
    for (size_t i = 0; !st && i < n; i++) {
        dl_buf_clear(&s->out);
        st = dl_sentence_to_json(&s->out, &sentences[i], article->id);
        if (!st && !dl_cli_emit(&s->out))
            st = DL_ERR_IO;
    }
    return st;
}

int cmd_parse(int argc, char **argv)
{
    dl_cli cli = {.command = "parse"};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    if (cli.format && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format: parse writes jsonl only");
        return DL_EXIT_USAGE;
    }
    dl_parser *parser;
    dl_status st = dl_parser_open(&parser, cli.data_dir);
    if (st) {
        dl_cli_error(&cli, "cannot load the language data from %s: %s",
                     cli.data_dir ? cli.data_dir : dl_data_dir(), dl_status_name(st));
        return DL_EXIT_FATAL;
    }
    parse_state s = {parser, DL_BUF_INIT};
    rc = dl_cli_each_article(&cli, print_sentences, &s);
    dl_buf_free(&s.out);
    dl_parser_close(parser);
    return rc;
}
