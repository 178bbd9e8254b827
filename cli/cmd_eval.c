/* cmd_eval.c: `dateline eval parse FILE.conllu...` scores the language core
 * against Universal Dependencies gold files (src/eval/eval_parse.c does the
 * scoring): tag accuracy (known and unknown words), UAS and LAS on the gold
 * tokens, and sentence-boundary precision, recall and F1 of dl_parse() on
 * each document's text. Documents whose id starts with --subset (GUM's
 * news, by default) are also reported on their own. */
#include "cli.h"
#include "eval_actors.h"
#include "eval_events.h"
#include "eval_extract.h"
#include "eval_quotes.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/eval_parse.h"
#include "text/conllu.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dateline eval parse [options] FILE.conllu...\n"
    "\n"
    "Scores tagging, dependency parsing and sentence splitting against CoNLL-U\n"
    "gold files (XPOS, UPOS, HEAD and DEPREL columns, '# newdoc', '# newpar' and\n"
    "'# text =' comments). Prints one JSON object: tokens, tag accuracy,\n"
    "known/unknown-word accuracy, UPOS accuracy, UAS, LAS, sentence boundary\n"
    "precision, recall and F1, and speed; with --format text, a table.\n"
    "\n"
    "  --confusions N   also list the N commonest tagging errors (gold -> tagged)\n"
    "  --subset PREFIX  also score the documents whose '# newdoc id' starts with\n"
    "                   PREFIX on their own (default GUM_news_)\n";

int cmd_eval(int argc, char **argv);

typedef struct eval_opts {
    int confusions;
    const char *subset;
} eval_opts;

static int on_extra(void *user, const char *name, const char *value)
{
    eval_opts *o = user;
    if (!strcmp(name, "confusions"))
        o->confusions = atoi(value);
    else if (!strcmp(name, "subset"))
        o->subset = value;
    return DL_EXIT_OK;
}

typedef struct confusion {
    char key[48];
    long count;
} confusion;

static int by_count(const void *a, const void *b)
{
    const confusion *x = a, *y = b;
    return (y->count > x->count) - (y->count < x->count);
}

/* Adds one to the (gold, tagged) pair in a small table. */
static void confuse(confusion *tab, size_t *n, size_t cap, const char *gold, const char *got)
{
    char key[48];
    snprintf(key, sizeof key, "%s -> %s", gold, got);
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(tab[i].key, key)) {
            tab[i].count++;
            return;
        }
    if (*n < cap) {
        snprintf(tab[*n].key, sizeof tab[*n].key, "%s", key);
        tab[(*n)++].count = 1;
    }
}

typedef struct confusions {
    confusion *tab;
    size_t n;
} confusions;

static void on_tag(void *user, const char *gold, const char *got)
{
    confusions *c = user;
    if (strcmp(gold, got) != 0)
        confuse(c->tab, &c->n, 4096, gold, got);
}

int cmd_eval(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    if (argc >= 2 && !strcmp(argv[1], "quotes"))
        return dl_cli_eval_quotes(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "actors"))
        return dl_cli_eval_actors(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "events"))
        return dl_cli_eval_events(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "extract"))
        return dl_cli_eval_extract(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "dumps"))
        return dl_cli_eval_dumps(argc - 1, argv + 1);
    if (argc < 2 || strcmp(argv[1], "parse") != 0) {
        if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            printf("%s\n%s", usage, dl_cli_common_help);
            return DL_EXIT_OK;
        }
        dl_cli_error(&cli, "what to evaluate? 'dateline eval parse FILE.conllu...', "
                           "'dateline eval quotes DIR', 'dateline eval actors INPUT...', "
                           "'dateline eval events DIR', 'dateline eval extract DIR' or "
                           "'dateline eval dumps DIR'");
        return DL_EXIT_USAGE;
    }
    eval_opts o = {0, "GUM_news_"};
    static const char *const extra[] = {"confusions=", "subset=", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc - 1, argv + 1, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    bool text_out = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !text_out && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs == 0) {
        dl_cli_error(&cli, "no CoNLL-U file given");
        return DL_EXIT_USAGE;
    }
    char why[700] = "";
    dl_eval_parse *ev = NULL;
    dl_status st = dl_eval_parse_open(&ev, cli.data_dir, why, sizeof why);
    if (st) {
        dl_cli_error(&cli, "cannot load the language core: %s", why);
        return DL_EXIT_FATAL;
    }
    dl_parse_score all = {0}, subset = {0};
    confusions conf = {o.confusions > 0 ? calloc(4096, sizeof *conf.tab) : NULL, 0};
    rc = DL_EXIT_OK;
    for (size_t f = 0; f < cli.n_inputs; f++) {
        const char *path = cli.inputs[f];
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            dl_cli_error(&cli, "%s: cannot open", path);
            rc = DL_EXIT_PARTIAL;
            continue;
        }
        dl_buf data = DL_BUF_INIT;
        char chunk[1 << 16];
        size_t got;
        st = DL_OK;
        while (!st && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
            st = dl_buf_append(&data, chunk, got);
        fclose(fp);
        dl_arena *arena = dl_arena_new(1 << 20);
        dl_conllu c;
        uint64_t bad = 0;
        if (!st && !arena)
            st = DL_ERR_NOMEM;
        if (!st)
            st = dl_conllu_parse(&c, data.data ? data.data : "", data.len, arena, &bad);
        if (st) {
            dl_cli_error(&cli, "%s:%llu: %s", path, (unsigned long long)bad, dl_status_name(st));
            rc = DL_EXIT_PARTIAL;
        } else {
            st = dl_eval_parse_conllu(ev, &c, &all, &subset, o.subset, conf.tab ? on_tag : NULL,
                                      &conf);
            if (st) {
                dl_cli_error(&cli, "%s: %s", path, dl_status_name(st));
                rc = DL_EXIT_PARTIAL;
            }
        }
        dl_arena_free(arena);
        dl_buf_free(&data);
    }
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_parse_score_text(&out, &all, "all documents");
        if (subset.tokens) {
            char title[200];
            snprintf(title, sizeof title, "documents whose id starts with %s", o.subset);
            dl_parse_score_text(&out, &subset, title);
        }
        if (out.len && out.data[out.len - 1] == '\n')
            out.data[--out.len] = '\0';
    } else {
        dl_buf_puts(&out, "{\"task\":\"parse\"");
        dl_parse_score_json(&out, &all, "");
        if (subset.tokens) {
            dl_buf_printf(&out, ",\"subset\":\"%s\"", o.subset);
            dl_parse_score_json(&out, &subset, "subset_");
        }
        dl_buf_putc(&out, '}');
    }
    if (conf.tab && conf.n) {
        qsort(conf.tab, conf.n, sizeof *conf.tab, by_count);
        for (size_t i = 0; i < conf.n && i < (size_t)o.confusions; i++)
            fprintf(stderr, "%6ld  %s\n", conf.tab[i].count, conf.tab[i].key);
    }
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    dl_buf_free(&out);
    free(conf.tab);
    dl_eval_parse_close(ev);
    return rc;
}
