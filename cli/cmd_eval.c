/* cmd_eval.c: `dateline eval parse FILE.conllu...` scores the language core
 * against Universal Dependencies gold files: part-of-speech accuracy on the
 * gold tokens (overall, and split into words the lexicon knows and words it
 * does not), and sentence-boundary precision, recall and F1 of dl_parse run
 * on each document's text rebuilt from its "# text =" lines. */
#include "cli.h"
#include "eval_actors.h"
#include "eval_events.h"
#include "eval_extract.h"
#include "eval_quotes.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "text/conllu.h"
#include "text/tagger.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: dateline eval parse [options] FILE.conllu...\n"
    "\n"
    "Scores tagging and sentence splitting against CoNLL-U gold files (XPOS\n"
    "tags, '# newdoc', '# newpar' and '# text =' comments). Prints one JSON\n"
    "object: tokens, accuracy, known/unknown-word accuracy, sentence boundary\n"
    "precision, recall and F1, and tagging speed; with --format text, a table.\n"
    "\n"
    "  --confusions N   also list the N commonest tagging errors (gold -> tagged)\n";

int cmd_eval(int argc, char **argv);

typedef struct eval_opts {
    int confusions;
} eval_opts;

static int on_extra(void *user, const char *name, const char *value)
{
    eval_opts *o = user;
    if (!strcmp(name, "confusions"))
        o->confusions = atoi(value);
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sentence boundaries of one document: rebuilds its text (sentences joined
 * by a space, paragraphs by a blank line), records where each gold sentence
 * starts, and compares with dl_parse's sentences. */
static dl_status score_document(dl_boundary_score *bs, const dl_parser *parser, const dl_conllu *c,
                                size_t first, size_t end, dl_arena *arena)
{
    dl_buf text = DL_BUF_INIT;
    uint32_t *gold = DL_ARENA_NEW(arena, uint32_t, end - first + 1);
    size_t n_gold = 0;
    dl_status st = gold ? DL_OK : DL_ERR_NOMEM;
    for (size_t k = first; k < end && !st; k++) {
        const dl_conllu_sentence *s = &c->sentences[k];
        if (!s->text)
            continue;
        if (text.len) {
            st = dl_buf_puts(&text, s->newpar ? "\n\n" : " ");
            gold[n_gold++] = (uint32_t)text.len;
        }
        if (!st)
            st = dl_buf_puts(&text, s->text);
    }
    if (!st && text.len) {
        dl_sentence *sents;
        size_t n_sents;
        st = dl_parse(&sents, &n_sents, parser, text.data, text.len, arena);
        if (!st) {
            uint32_t *pred = DL_ARENA_NEW(arena, uint32_t, n_sents + 1);
            size_t n_pred = 0;
            if (!pred)
                st = DL_ERR_NOMEM;
            for (size_t i = 1; pred && i < n_sents; i++)
                pred[n_pred++] = sents[i].start;
            if (pred)
                dl_boundary_score_add(bs, gold, n_gold, pred, n_pred);
        }
    }
    dl_buf_free(&text);
    return st;
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
    eval_opts o = {0};
    static const char *const extra[] = {"confusions=", NULL};
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
    dl_tagger *tagger = NULL;
    dl_parser *parser = NULL;
    dl_status st = dl_tagger_open(&tagger, cli.data_dir);
    if (!st)
        st = dl_parser_open(&parser, cli.data_dir);
    if (st) {
        dl_cli_error(&cli, "cannot load the lexicons: %s", dl_status_name(st));
        dl_tagger_close(tagger);
        return DL_EXIT_FATAL;
    }
    dl_tag_score ts = {0};
    dl_boundary_score bs = {0};
    enum { CONF_CAP = 4096 };
    confusion *conf = o.confusions > 0 ? calloc(CONF_CAP, sizeof *conf) : NULL;
    size_t n_conf = 0;
    double tag_seconds = 0;
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
            double t0 = now();
            st = dl_conllu_score_tags(&ts, tagger, &c, arena);
            tag_seconds += now() - t0;
            for (size_t k = 0; conf && k < c.n_sentences; k++) {
                const dl_conllu_sentence *s = &c.sentences[k];
                dl_token *t = dl_conllu_tokens(s, arena);
                if (!t)
                    break;
                dl_tagger_tag(tagger, t, s->n_words);
                for (size_t i = 0; i < s->n_words; i++) {
                    const char *got_name = dl_conllu_tag_name((dl_tag)t[i].tag);
                    if (strcmp(got_name, s->words[i].xpos) != 0)
                        confuse(conf, &n_conf, CONF_CAP, s->words[i].xpos, got_name);
                }
            }
            for (size_t k = 0; !st && k < c.n_sentences;) {
                size_t e = k + 1;
                while (e < c.n_sentences && !c.sentences[e].newdoc)
                    e++;
                dl_arena *doc_arena = dl_arena_new(0);
                st = doc_arena ? score_document(&bs, parser, &c, k, e, doc_arena) : DL_ERR_NOMEM;
                dl_arena_free(doc_arena);
                k = e;
            }
            if (st) {
                dl_cli_error(&cli, "%s: %s", path, dl_status_name(st));
                rc = DL_EXIT_PARTIAL;
            }
        }
        dl_arena_free(arena);
        dl_buf_free(&data);
    }
    double p = dl_ratio(bs.matched, bs.predicted), r = dl_ratio(bs.matched, bs.gold);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_buf_printf(&out, "tokens            %llu\n", (unsigned long long)ts.tokens);
        dl_buf_printf(&out, "tag accuracy      %.2f%%\n", 100 * dl_ratio(ts.correct, ts.tokens));
        dl_buf_printf(&out, "  known words     %.2f%% of %llu\n", 100 * dl_ratio(ts.known_correct, ts.known),
                      (unsigned long long)ts.known);
        dl_buf_printf(&out, "  unknown words   %.2f%% of %llu\n",
                      100 * dl_ratio(ts.unknown_correct, ts.unknown), (unsigned long long)ts.unknown);
        dl_buf_printf(&out, "  whole sentences %.2f%% of %llu\n",
                      100 * dl_ratio(ts.sentences_correct, ts.sentences), (unsigned long long)ts.sentences);
        dl_buf_printf(&out, "sentence bounds   P %.2f%%  R %.2f%%  F1 %.2f%% (%llu gold)\n", 100 * p,
                      100 * r, 100 * f1, (unsigned long long)bs.gold);
        dl_buf_printf(&out, "tagging speed     %.0f tokens/s\n",
                      tag_seconds > 0 ? (double)ts.tokens / tag_seconds : 0);
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "parse");
        dl_jw_kv_int(&w, "tokens", (int64_t)ts.tokens);
        dl_jw_kv_double(&w, "tag_accuracy", dl_ratio(ts.correct, ts.tokens));
        dl_jw_kv_int(&w, "known", (int64_t)ts.known);
        dl_jw_kv_double(&w, "known_accuracy", dl_ratio(ts.known_correct, ts.known));
        dl_jw_kv_int(&w, "unknown", (int64_t)ts.unknown);
        dl_jw_kv_double(&w, "unknown_accuracy", dl_ratio(ts.unknown_correct, ts.unknown));
        dl_jw_kv_double(&w, "sentence_tag_accuracy", dl_ratio(ts.sentences_correct, ts.sentences));
        dl_jw_kv_int(&w, "gold_boundaries", (int64_t)bs.gold);
        dl_jw_kv_double(&w, "boundary_precision", p);
        dl_jw_kv_double(&w, "boundary_recall", r);
        dl_jw_kv_double(&w, "boundary_f1", f1);
        dl_jw_kv_double(&w, "tag_tokens_per_second", tag_seconds > 0 ? (double)ts.tokens / tag_seconds : 0);
        dl_jw_object_end(&w);
    }
    if (conf && n_conf) {
        qsort(conf, n_conf, sizeof *conf, by_count);
        for (size_t i = 0; i < n_conf && i < (size_t)o.confusions; i++)
            fprintf(stderr, "%6ld  %s\n", conf[i].count, conf[i].key);
    }
    if (text_out && out.len && out.data[out.len - 1] == '\n')
        out.data[--out.len] = '\0';
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    dl_buf_free(&out);
    free(conf);
    dl_parser_close(parser);
    dl_tagger_close(tagger);
    return rc;
}
