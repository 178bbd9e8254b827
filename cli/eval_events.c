/* eval_events.c: `dateline eval events DIR` scores the event coder against
 * gold written by ANNOTATION.md (DIR/articles.jsonl + DIR/events.jsonl):
 * precision, recall and F1 by type, type+source and type+source+target,
 * the factuality confusion table, and the date and location shares of
 * matched events. The scoring lives in src/eval/eval_events.c. */
#include "cli.h"
#include "eval_events.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/eval_events.h"
#include "eval/gum_events.h"
#include "eval/quotes_eval.h"

#include <string.h>

static const char usage[] =
    "usage: dateline eval events [options] DIR\n"
    "       dateline eval events [options] --gum FILE.conllu... --gold FILE\n"
    "\n"
    "Runs the whole pipeline on each article of DIR/articles.jsonl (id, date,\n"
    "text) and scores its events against DIR/events.jsonl (ANNOTATION.md).\n"
    "Prints one JSON object: precision, recall and F1 of the CAMEO root, the\n"
    "PLOVER type, type+source and type+source+target (actors on the country\n"
    "part, and on the whole code: *_full); a factuality confusion table\n"
    "(gold -> emitted); for matched events the share with the gold date and\n"
    "location; speed. Only asserted gold events count for recall, and a match\n"
    "counts only with the gold's factuality. --format text prints a table.\n"
    "\n"
    "  --errors   also list false positives and misses (type+source+target)\n"
    "             with their sentences, one JSON object a line, on stderr\n"
    "  --gum      the inputs are GUM CoNLL-U files: each document the gold\n"
    "             names is rebuilt from its sentences (# text, # newpar) and\n"
    "             scored the same way\n"
    "  --gold F   with --gum: the gold, one {doc, date, events} object a line,\n"
    "             events naming their sentence by sent_id\n"
    "             (tests/data/gum-news-events.jsonl)\n";

typedef struct opts {
    bool errors, gum;
    const char *gold;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    (void)value;
    opts *o = user;
    if (!strcmp(name, "errors"))
        o->errors = true;
    else if (!strcmp(name, "gum"))
        o->gum = true;
    else if (!strcmp(name, "gold"))
        o->gold = value;
    return DL_EXIT_OK;
}

static void print_diag(void *user, const dl_diag *d)
{
    dl_cli *cli = user;
    if (d->severity == DL_ERROR)
        cli->errors++;
    else if (cli->quiet)
        return;
    if (d->line)
        fprintf(stderr, "dateline eval: %s:%llu: %s: %s\n", d->file ? d->file : "-", (unsigned long long)d->line,
                d->severity == DL_ERROR ? "error" : "warning", d->message);
    else
        fprintf(stderr, "dateline eval: %s: %s: %s\n", d->file ? d->file : "-",
                d->severity == DL_ERROR ? "error" : "warning", d->message);
}

static void print_error(void *user, const dl_event_eval_error *e)
{
    (void)user;
    dl_buf b = DL_BUF_INIT;
    dl_jw w;
    dl_jw_init(&w, &b);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "kind", e->kind);
    dl_jw_kv_string(&w, "article", e->article);
    dl_jw_kv_string(&w, "event", e->event);
    dl_jw_kv_string(&w, "nearest", e->nearest);
    dl_jw_kv_string(&w, "sentence", e->sentence);
    dl_jw_object_end(&w);
    if (!w.status)
        fprintf(stderr, "%s\n", b.data);
    dl_buf_free(&b);
}

int dl_cli_eval_events(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false, false, NULL};
    static const char *const extra[] = {"errors", "gum", "gold=", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    bool text_out = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !text_out && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (o.gum != (o.gold != NULL)) {
        dl_cli_error(&cli, "--gum and --gold go together");
        return DL_EXIT_USAGE;
    }
    if (o.gum && (!cli.n_inputs || !cli.inputs || !strcmp(cli.inputs[0], "-"))) {
        dl_cli_error(&cli, "give the GUM CoNLL-U files");
        return DL_EXIT_USAGE;
    }
    if (!o.gum && cli.n_inputs != 1) {
        dl_cli_error(&cli, "give one folder holding articles.jsonl and events.jsonl");
        return DL_EXIT_USAGE;
    }
    dl_event_eval ev = {0};
    dl_status st = o.gum ? dl_event_eval_gum(&ev, (const char *const *)cli.inputs, cli.n_inputs, o.gold,
                                             cli.data_dir, print_diag, &cli, o.errors ? print_error : NULL, NULL)
                         : dl_event_eval_dir(&ev, cli.inputs[0], cli.data_dir, print_diag, &cli,
                                             o.errors ? print_error : NULL, NULL);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return st == DL_ERR_NOMEM || st == DL_ERR_IO ? DL_EXIT_FATAL : DL_EXIT_PARTIAL;
    }
    dl_prf prf[DL_EV_LEVELS];
    for (int l = 0; l < DL_EV_LEVELS; l++)
        prf[l] = dl_prf_make(ev.hit_p[l], ev.pred, ev.hit_r[l], ev.gold_asserted);
    uint64_t diag_sum = 0;
    for (int i = 0; i < DL_FACT_COUNT; i++)
        diag_sum += ev.confusion[i][i];
    double fact = ev.matched ? (double)diag_sum / ev.matched : 0;
    double date = ev.with_date ? (double)ev.date_right / ev.with_date : 0;
    double loc = ev.loc_gold ? (double)ev.loc_right / ev.loc_gold : 0;
    double noloc = ev.noloc_gold ? (double)ev.noloc_right / ev.noloc_gold : 0;
    double sps = ev.seconds > 0 ? ev.sentences / ev.seconds : 0;
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_buf_printf(&out, "articles %llu, sentences %llu, gold events %llu (%llu asserted), emitted %llu\n",
                      (unsigned long long)ev.articles, (unsigned long long)ev.sentences,
                      (unsigned long long)ev.gold, (unsigned long long)ev.gold_asserted,
                      (unsigned long long)ev.pred);
        for (int l = 0; l < DL_EV_LEVELS; l++)
            dl_buf_printf(&out, "%-24s P %5.1f%%  R %5.1f%%  F1 %5.1f%%\n", dl_event_eval_level_name(l),
                          100 * prf[l].p, 100 * prf[l].r, 100 * prf[l].f);
        dl_buf_printf(&out, "factuality right         %.1f%% of %llu matched (type level)\n", 100 * fact,
                      (unsigned long long)ev.matched);
        dl_buf_printf(&out, "  gold \\ emitted ");
        for (int j = 0; j < DL_FACT_COUNT; j++)
            dl_buf_printf(&out, " %6.6s", dl_factuality_names[j]);
        dl_buf_printf(&out, "\n");
        for (int i = 0; i < DL_FACT_COUNT; i++) {
            dl_buf_printf(&out, "  %-15s", dl_factuality_names[i]);
            for (int j = 0; j < DL_FACT_COUNT; j++)
                dl_buf_printf(&out, " %6llu", (unsigned long long)ev.confusion[i][j]);
            dl_buf_printf(&out, "\n");
        }
        dl_buf_printf(&out, "date right               %.1f%% of %llu\n", 100 * date, (unsigned long long)ev.with_date);
        dl_buf_printf(&out, "location country right   %.1f%% of %llu\n", 100 * loc, (unsigned long long)ev.loc_gold);
        dl_buf_printf(&out, "no location right        %.1f%% of %llu\n", 100 * noloc,
                      (unsigned long long)ev.noloc_gold);
        if (ev.gold_unplaced)
            dl_buf_printf(&out, "gold sentences not found in their text: %llu\n",
                          (unsigned long long)ev.gold_unplaced);
        dl_buf_printf(&out, "speed                    %.0f sentences/s (whole pipeline)", sps);
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "events");
        dl_jw_kv_int(&w, "articles", (int64_t)ev.articles);
        dl_jw_kv_int(&w, "sentences", (int64_t)ev.sentences);
        dl_jw_kv_int(&w, "gold", (int64_t)ev.gold);
        dl_jw_kv_int(&w, "gold_asserted", (int64_t)ev.gold_asserted);
        dl_jw_kv_int(&w, "predicted", (int64_t)ev.pred);
        for (int l = 0; l < DL_EV_LEVELS; l++) {
            dl_jw_key(&w, dl_event_eval_level_name(l));
            dl_jw_object_begin(&w);
            dl_jw_kv_double(&w, "precision", prf[l].p);
            dl_jw_kv_double(&w, "recall", prf[l].r);
            dl_jw_kv_double(&w, "f1", prf[l].f);
            dl_jw_object_end(&w);
        }
        dl_jw_kv_int(&w, "matched", (int64_t)ev.matched);
        dl_jw_kv_double(&w, "factuality_accuracy", fact);
        dl_jw_key(&w, "factuality_confusion");
        dl_jw_object_begin(&w);
        for (int i = 0; i < DL_FACT_COUNT; i++) {
            dl_jw_key(&w, dl_factuality_names[i]);
            dl_jw_object_begin(&w);
            for (int j = 0; j < DL_FACT_COUNT; j++)
                dl_jw_kv_int(&w, dl_factuality_names[j], (int64_t)ev.confusion[i][j]);
            dl_jw_object_end(&w);
        }
        dl_jw_object_end(&w);
        dl_jw_kv_double(&w, "date_accuracy", date);
        dl_jw_kv_double(&w, "location_country_accuracy", loc);
        dl_jw_kv_int(&w, "location_gold", (int64_t)ev.loc_gold);
        dl_jw_kv_double(&w, "no_location_accuracy", noloc);
        dl_jw_kv_int(&w, "no_location_gold", (int64_t)ev.noloc_gold);
        dl_jw_kv_int(&w, "gold_unplaced", (int64_t)ev.gold_unplaced);
        dl_jw_kv_double(&w, "sentences_per_second", sps);
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    else
        rc = cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
    dl_buf_free(&out);
    return rc;
}
