/* eval_actors.c: `dateline eval actors INPUT...` scores the actor stage:
 * named-mention recall and precision on GUM CoNLL-U files (news documents
 * apart), and event-actor codes on a Wikinews event gold folder. The
 * scoring lives in src/eval/eval_actors.c. */
#include "cli.h"
#include "eval_actors.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/eval_actors.h"

#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: dateline eval actors [options] INPUT...\n"
    "\n"
    "Each INPUT is a GUM CoNLL-U file (entity annotation in MISC) or a folder\n"
    "holding articles.jsonl and events.jsonl (the Wikinews event gold).\n"
    "On GUM: recall of named person, organization and place mentions by\n"
    "type, precision by the kind dateline gives (and typed, when the kinds\n"
    "agree), for all documents and for news (GUM_news_*) alone. On the event\n"
    "gold: the share of gold sources and targets whose code dateline gives\n"
    "for that text, by country part and whole code. Prints one JSON object;\n"
    "--format text prints a table.\n"
    "\n"
    "  --misses   list on stderr the event actors coded wrong, the GUM mentions\n"
    "             not found (miss) and the found ones matching none (extra)\n";

typedef struct opts {
    bool misses;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    (void)value;
    opts *o = user;
    if (!strcmp(name, "misses"))
        o->misses = true;
    return DL_EXIT_OK;
}

/* Dated codes with no date are expected here (GUM gives none): only
 * errors are shown. */
static void eval_diag(void *user, const dl_diag *d)
{
    dl_cli *cli = user;
    if (d->severity == DL_ERROR) {
        cli->errors++;
        dl_cli_show_diag(cli, d);
    }
}

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0; }

static const char *const type_names[DL_GUM_TYPES] = {"person", "organization", "place", "unknown"};

typedef struct totals {
    uint64_t gold, found, pred, right, typed, nested;
} totals;

static totals sum(const dl_gum_counts *c)
{
    totals t = {0};
    for (int k = 0; k < DL_GUM_TYPES; k++) {
        t.gold += c->gold[k];
        t.found += c->found[k];
        t.pred += c->pred[k];
        t.right += c->right[k];
        t.typed += c->typed[k];
        t.nested += c->nested[k];
    }
    return t;
}

static void counts_json(dl_jw *w, const char *key, const dl_gum_counts *c)
{
    totals t = sum(c);
    dl_jw_key(w, key);
    dl_jw_object_begin(w);
    dl_jw_kv_int(w, "documents", (int64_t)c->docs);
    dl_jw_kv_int(w, "gold", (int64_t)t.gold);
    dl_jw_kv_int(w, "found", (int64_t)t.pred);
    dl_jw_kv_double(w, "recall", ratio(t.found, t.gold));
    dl_jw_kv_double(w, "precision", ratio(t.right, t.pred));
    dl_jw_kv_double(w, "typed_precision", ratio(t.typed, t.pred));
    dl_jw_kv_int(w, "other_type_names", (int64_t)c->other);
    dl_jw_kv_int(w, "nested_in_found", (int64_t)t.nested);
    for (int k = 0; k < DL_GUM_TYPES; k++) {
        dl_jw_key(w, type_names[k]);
        dl_jw_object_begin(w);
        if (k != DL_GUM_UNKNOWN) {
            dl_jw_kv_int(w, "gold", (int64_t)c->gold[k]);
            dl_jw_kv_double(w, "recall", ratio(c->found[k], c->gold[k]));
        }
        dl_jw_kv_int(w, "found", (int64_t)c->pred[k]);
        dl_jw_kv_double(w, "precision", ratio(c->right[k], c->pred[k]));
        dl_jw_kv_double(w, "typed_precision", ratio(c->typed[k], c->pred[k]));
        dl_jw_object_end(w);
    }
    dl_jw_object_end(w);
}

static void counts_text(dl_buf *b, const char *name, const dl_gum_counts *c)
{
    totals t = sum(c);
    dl_buf_printf(b, "%s (%llu documents): gold %llu, found %llu, recall %.1f%%, precision %.1f%% (typed %.1f%%); "
                  "%llu more gold names inside a found mention\n",
                  name, (unsigned long long)c->docs, (unsigned long long)t.gold, (unsigned long long)t.pred,
                  100 * ratio(t.found, t.gold), 100 * ratio(t.right, t.pred), 100 * ratio(t.typed, t.pred),
                  (unsigned long long)t.nested);
    for (int k = 0; k < DL_GUM_TYPES; k++) {
        if (k != DL_GUM_UNKNOWN)
            dl_buf_printf(b, "  %-13s gold %5llu  recall %5.1f%%", type_names[k], (unsigned long long)c->gold[k],
                          100 * ratio(c->found[k], c->gold[k]));
        else
            dl_buf_printf(b, "  %-13s %26s", type_names[k], "");
        dl_buf_printf(b, "   found %5llu  precision %5.1f%% (typed %5.1f%%)\n", (unsigned long long)c->pred[k],
                      100 * ratio(c->right[k], c->pred[k]), 100 * ratio(c->typed[k], c->pred[k]));
    }
}

int dl_cli_eval_actors(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false};
    static const char *const extra[] = {"misses", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    bool text_out = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !text_out && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs == 0 || (cli.n_inputs == 1 && !strcmp(cli.inputs[0], "-"))) {
        dl_cli_error(&cli, "give GUM .conllu files or a Wikinews event gold folder");
        return DL_EXIT_USAGE;
    }
    dl_pipeline *pipeline = NULL;
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.stages = DL_STAGE_ACTORS;
    po.data_dir = cli.data_dir;
    po.diag = eval_diag;
    po.diag_user = &cli;
    dl_status st = dl_pipeline_open(&pipeline, &po);
    if (st) {
        dl_cli_error(&cli, "cannot open the pipeline: %s", dl_status_name(st));
        return DL_EXIT_FATAL;
    }
    dl_gum_score gum = {0};
    dl_event_actor_score ev = {0};
    bool any_gum = false, any_events = false;
    dl_buf misses = DL_BUF_INIT;
    for (size_t i = 0; i < cli.n_inputs && st != DL_ERR_NOMEM; i++) {
        struct stat sb;
        const char *in = cli.inputs[i];
        if (stat(in, &sb) != 0) {
            dl_cli_error(&cli, "%s: cannot read", in);
            cli.errors++;
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            any_events = true;
            st = dl_event_actors_eval_dir(&ev, pipeline, in, o.misses ? &misses : NULL, eval_diag, &cli);
        } else {
            any_gum = true;
            dl_gum_set_misses(&gum, o.misses ? &misses : NULL);
            st = dl_gum_eval_file(&gum, pipeline, in, eval_diag, &cli);
        }
        if (st && st != DL_ERR_NOMEM)
            cli.errors++;
    }
    dl_pipeline_close(pipeline);
    if (st == DL_ERR_NOMEM) {
        dl_cli_error(&cli, "out of memory");
        dl_buf_free(&misses);
        return DL_EXIT_FATAL;
    }
    if (misses.len)
        fputs(misses.data, stderr);
    dl_buf_free(&misses);
    dl_buf out = DL_BUF_INIT;
    double tps = gum.seconds > 0 ? gum.tokens / gum.seconds : 0;
    if (text_out) {
        if (any_gum) {
            counts_text(&out, "GUM all", &gum.all);
            counts_text(&out, "GUM news", &gum.news);
            dl_buf_printf(&out, "speed: %.0f tokens/s (parse + actors)\n", tps);
        }
        if (any_events)
            dl_buf_printf(&out,
                          "event actors (%llu articles): gold %llu, located %llu, coded %llu, country right %.1f%%, "
                          "whole code right %.1f%%\n",
                          (unsigned long long)ev.articles, (unsigned long long)ev.gold, (unsigned long long)ev.located,
                          (unsigned long long)ev.coded, 100 * ratio(ev.country, ev.gold), 100 * ratio(ev.full, ev.gold));
        if (out.len && out.data[out.len - 1] == '\n')
            out.data[--out.len] = '\0';
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "actors");
        if (any_gum) {
            dl_jw_key(&w, "gum");
            dl_jw_object_begin(&w);
            counts_json(&w, "all", &gum.all);
            counts_json(&w, "news", &gum.news);
            dl_jw_kv_double(&w, "tokens_per_second", tps);
            dl_jw_object_end(&w);
        }
        if (any_events) {
            dl_jw_key(&w, "event_actors");
            dl_jw_object_begin(&w);
            dl_jw_kv_int(&w, "articles", (int64_t)ev.articles);
            dl_jw_kv_int(&w, "gold", (int64_t)ev.gold);
            dl_jw_kv_int(&w, "located", (int64_t)ev.located);
            dl_jw_kv_int(&w, "coded", (int64_t)ev.coded);
            dl_jw_kv_double(&w, "country_right", ratio(ev.country, ev.gold));
            dl_jw_kv_double(&w, "code_right", ratio(ev.full, ev.gold));
            dl_jw_object_end(&w);
        }
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    else
        rc = cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
    dl_buf_free(&out);
    return rc;
}
