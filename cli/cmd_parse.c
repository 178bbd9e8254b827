/* cmd_parse.c: `dateline parse` prints one sentence record per sentence. */
#include "cli.h"
#include "base/buf.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: dateline parse [options] [FILE|DIR|-]...\n"
    "\n"
    "Cleans the input as `dateline clean` does, then splits each article's body\n"
    "into sentences and tokens and prints one JSON sentence per line: article,\n"
    "index, start and end (byte offsets in the body), text, tokens (text, start,\n"
    "end, lemma, Penn Treebank tag, UPOS, and the dependency tree: head, the\n"
    "index of the token's head in the sentence, -1 for the root, and deprel, its\n"
    "Universal Dependencies relation) and chunks (base noun phrases \"NP\" and verb\n"
    "groups \"VG\" with their first and end token, head, text, and for verb groups\n"
    "passive, negated, modal, future, perfect and progressive).\n"
    "\n"
    "  --format conllu   write CoNLL-U instead (one '# newdoc id' per article,\n"
    "                    '# sent_id' ARTICLE-N and '# text' per sentence)\n";

int cmd_parse(int argc, char **argv);

typedef struct parse_state {
    const dl_parser *parser;
    dl_buf out;
    bool conllu;
} parse_state;

static dl_status print_sentences(void *user, const dl_article *article, dl_arena *arena)
{
    parse_state *s = user;
    dl_sentence *sentences;
    size_t n;
    dl_status st = dl_parse(&sentences, &n, s->parser, article->body, article->body_len, arena);
    for (size_t i = 0; !st && i < n; i++) {
        dl_buf_clear(&s->out);
        if (s->conllu) {
            char id[300];
            snprintf(id, sizeof id, "%s-%zu", article->id, i + 1);
            if (i == 0)
                st = dl_buf_printf(&s->out, "# newdoc id = %s\n", article->id);
            if (!st)
                st = dl_sentence_to_conllu(&s->out, &sentences[i], id);
            /* dl_cli_emit() adds the line break after the blank line's. */
            if (!st && s->out.len)
                s->out.data[--s->out.len] = '\0';
        } else {
            st = dl_sentence_to_json(&s->out, &sentences[i], article->id);
        }
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
    bool conllu = cli.format && !strcmp(cli.format, "conllu");
    if (cli.format && strcmp(cli.format, "jsonl") != 0 && !conllu) {
        dl_cli_error(&cli, "--format: parse writes jsonl or conllu");
        return DL_EXIT_USAGE;
    }
    dl_parser *parser;
    dl_status st = dl_parser_open(&parser, cli.data_dir);
    if (st) {
        const char *why = dl_parser_open_message();
        dl_cli_error(&cli, "cannot load the language data from %s: %s",
                     cli.data_dir ? cli.data_dir : dl_data_dir(), *why ? why : dl_status_name(st));
        return DL_EXIT_FATAL;
    }
    parse_state s = {parser, DL_BUF_INIT, conllu};
    rc = dl_cli_each_article(&cli, print_sentences, &s);
    dl_buf_free(&s.out);
    dl_parser_close(parser);
    return rc;
}
