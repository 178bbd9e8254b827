/* eval_quotes.c: `dateline eval quotes DIR` scores the quote finder
 * against a brat attribution corpus (DIR/text/ + DIR/attributions/, the
 * PolNeAR layout): precision, recall and F1 of content and source spans,
 * exact and by word overlap, and the share of found quotes with the right
 * speaker. The scoring lives in src/extract/quotes_eval.c. */
#include "cli.h"
#include "eval_quotes.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/quotes_eval.h"

#include <string.h>

static const char usage[] =
    "usage: dateline eval quotes [options] DIR\n"
    "\n"
    "Runs parse, actors and quotes on each DIR/text/NAME.txt (its raw bytes,\n"
    "so the gold offsets line up) and scores the quotes against\n"
    "DIR/attributions/NAME_*.ann (brat: Attribution events with Content, Cue\n"
    "and Source). Prints one JSON object: content and source precision,\n"
    "recall and F1, exact (after trimming quotation marks and punctuation)\n"
    "and by word overlap; speaker accuracy (found quotes whose speaker\n"
    "overlaps the gold source); speed. --format text prints a table.\n"
    "\n"
    "  --all-annotators   score every annotation file (default: the first\n"
    "                     per text, so texts annotated twice count once)\n";

typedef struct opts {
    bool all;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    (void)value;
    opts *o = user;
    if (!strcmp(name, "all-annotators"))
        o->all = true;
    return DL_EXIT_OK;
}

static void print_diag(void *user, const dl_diag *d)
{
    dl_cli *cli = user;
    if (d->severity == DL_ERROR)
        cli->errors++;
    else if (cli->quiet)
        return;
    fprintf(stderr, "dateline eval: %s: %s: %s\n", d->file ? d->file : "-",
            d->severity == DL_ERROR ? "error" : "warning", d->message);
}

static void prf_json(dl_jw *w, const char *key, dl_prf x)
{
    dl_jw_key(w, key);
    dl_jw_object_begin(w);
    dl_jw_kv_double(w, "precision", x.p);
    dl_jw_kv_double(w, "recall", x.r);
    dl_jw_kv_double(w, "f1", x.f);
    dl_jw_object_end(w);
}

static void prf_text(dl_buf *b, const char *name, dl_prf x)
{
    dl_buf_printf(b, "%-22s P %5.1f%%  R %5.1f%%  F1 %5.1f%%\n", name, 100 * x.p, 100 * x.r, 100 * x.f);
}

int dl_cli_eval_quotes(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false};
    static const char *const extra[] = {"all-annotators", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    bool text_out = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !text_out && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs != 1) {
        dl_cli_error(&cli, "give one folder holding text/ and attributions/");
        return DL_EXIT_USAGE;
    }
    dl_quote_eval ev = {0};
    dl_status st = dl_quote_eval_dir(&ev, cli.inputs[0], cli.data_dir, o.all, print_diag, &cli);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return st == DL_ERR_NOMEM ? DL_EXIT_FATAL : DL_EXIT_PARTIAL;
    }
    dl_prf ce = dl_prf_make(ev.content_exact_pred, ev.pred, ev.content_exact_gold, ev.gold);
    dl_prf co = dl_prf_make(ev.content_words_both, ev.content_words_pred, ev.content_words_both,
                            ev.content_words_gold);
    dl_prf se = dl_prf_make(ev.source_exact_pred, ev.pred, ev.source_exact_gold, ev.gold);
    dl_prf so = dl_prf_make(ev.source_overlap_pred, ev.source_words_pred, ev.source_overlap_gold,
                            ev.source_words_gold);
    double speaker = ev.speaker_matched ? (double)ev.speaker_right / ev.speaker_matched : 0;
    double mbs = ev.seconds > 0 ? ev.bytes / 1048576.0 / ev.seconds : 0;
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_buf_printf(&out, "documents %llu, gold quotes %llu, predicted %llu\n",
                      (unsigned long long)ev.docs, (unsigned long long)ev.gold, (unsigned long long)ev.pred);
        prf_text(&out, "content exact", ce);
        prf_text(&out, "content overlap", co);
        prf_text(&out, "source exact", se);
        prf_text(&out, "source overlap", so);
        dl_buf_printf(&out, "speaker accuracy       %.1f%% of %llu found quotes with a source\n",
                      100 * speaker, (unsigned long long)ev.speaker_matched);
        dl_buf_printf(&out, "speed                  %.2f MB/s (parse + actors + quotes)\n", mbs);
        if (ev.offset_mismatches)
            dl_buf_printf(&out, "gold spans not matching their text: %llu\n",
                          (unsigned long long)ev.offset_mismatches);
        if (out.len && out.data[out.len - 1] == '\n')
            out.data[--out.len] = '\0';
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "quotes");
        dl_jw_kv_int(&w, "documents", (int64_t)ev.docs);
        dl_jw_kv_int(&w, "gold", (int64_t)ev.gold);
        dl_jw_kv_int(&w, "predicted", (int64_t)ev.pred);
        prf_json(&w, "content_exact", ce);
        prf_json(&w, "content_overlap", co);
        prf_json(&w, "source_exact", se);
        prf_json(&w, "source_overlap", so);
        dl_jw_kv_double(&w, "speaker_accuracy", speaker);
        dl_jw_kv_int(&w, "speaker_matched", (int64_t)ev.speaker_matched);
        dl_jw_kv_int(&w, "gold_offset_mismatches", (int64_t)ev.offset_mismatches);
        dl_jw_kv_double(&w, "mb_per_second", mbs);
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    else
        rc = cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
    dl_buf_free(&out);
    return rc;
}
