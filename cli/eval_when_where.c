/* eval_when_where.c: `dateline eval when-where DIR` scores event dates and
 * places against event gold (DIR/articles.jsonl + DIR/events.jsonl, the
 * layout of ../shared/data/wikinews-events-dev/). The scoring lives in
 * src/eval/eval_when_where.c. */
#include "cli.h"
#include "eval_when_where.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/eval_when_where.h"

#include <string.h>

static const char usage[] =
    "usage: dateline eval when-where [options] DIR\n"
    "\n"
    "Runs the whole pipeline on DIR/articles.jsonl (id, title, date, text)\n"
    "and, for each emitted event whose sentence is a gold event's sentence in\n"
    "DIR/events.jsonl, checks its date (same day, or same month or year when\n"
    "either side is coarser) and its place (the gold location's country; no\n"
    "location where the gold has none). Prints one JSON object with the\n"
    "counts and shares; --format text prints a table.\n"
    "\n"
    "  --explain   also list every matched event dated or placed wrong (stderr)\n";

typedef struct opts {
    bool explain;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    (void)value;
    opts *o = user;
    if (!strcmp(name, "explain"))
        o->explain = true;
    return DL_EXIT_OK;
}

static void report(void *user, const char *line)
{
    (void)user;
    fprintf(stderr, "%s\n", line);
}

static double share(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0; }

int dl_cli_eval_when_where(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false};
    static const char *const extra[] = {"explain", NULL};
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
        dl_cli_error(&cli, "give one gold folder (DIR/articles.jsonl and DIR/events.jsonl)");
        return DL_EXIT_USAGE;
    }
    dl_pipeline *pipeline = NULL;
    if ((rc = dl_cli_open_pipeline(&cli, &pipeline, DL_STAGE_ALL, NULL, NULL)))
        return rc;
    dl_cleaner *cleaner = NULL;
    if (dl_cleaner_open(&cleaner, cli.data_dir, dl_cli_print_diag, &cli)) {
        dl_cli_error(&cli, "cannot load the cleaner's tables");
        dl_pipeline_close(pipeline);
        return DL_EXIT_FATAL;
    }
    dl_whenwhere *ww = NULL;
    if (dl_whenwhere_open(&ww, cli.data_dir, dl_cli_print_diag, &cli)) {
        dl_cli_error(&cli, "out of memory");
        dl_cleaner_close(cleaner);
        dl_pipeline_close(pipeline);
        return DL_EXIT_FATAL;
    }
    dl_ww_score s;
    dl_status st = dl_eval_when_where(&s, pipeline, cleaner, ww, cli.inputs[0], dl_cli_print_diag, &cli,
                                      o.explain ? report : NULL, NULL);
    dl_whenwhere_close(ww);
    dl_cleaner_close(cleaner);
    dl_pipeline_close(pipeline);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return st == DL_ERR_IO ? DL_EXIT_PARTIAL : DL_EXIT_FATAL;
    }
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_buf_printf(&out, "articles %llu, gold events %llu, emitted %llu, matched %llu\n",
                      (unsigned long long)s.articles, (unsigned long long)s.gold_events,
                      (unsigned long long)s.emitted, (unsigned long long)s.matched);
        dl_buf_printf(&out, "date right            %5.1f%% (%llu/%llu)\n", 100 * share(s.date_right, s.matched),
                      (unsigned long long)s.date_right, (unsigned long long)s.matched);
        dl_buf_printf(&out, "  of sentence-dated   %5.1f%% (%llu/%llu)\n",
                      100 * share(s.date_sentence_right, s.date_sentence_gold),
                      (unsigned long long)s.date_sentence_right, (unsigned long long)s.date_sentence_gold);
        dl_buf_printf(&out, "location country      %5.1f%% (%llu/%llu)\n",
                      100 * share(s.loc_country_right, s.loc_gold), (unsigned long long)s.loc_country_right,
                      (unsigned long long)s.loc_gold);
        dl_buf_printf(&out, "no spurious location  %5.1f%% (%llu/%llu)\n", 100 * share(s.loc_none_right, s.loc_none_gold),
                      (unsigned long long)s.loc_none_right, (unsigned long long)s.loc_none_gold);
        dl_buf_printf(&out, "every gold event, from its sentence (%llu):\n", (unsigned long long)s.all);
        dl_buf_printf(&out, "date right            %5.1f%% (%llu/%llu)\n", 100 * share(s.all_date_right, s.all),
                      (unsigned long long)s.all_date_right, (unsigned long long)s.all);
        dl_buf_printf(&out, "  (article date only  %5.1f%%)\n", 100 * share(s.all_date_article, s.all));
        dl_buf_printf(&out, "location country      %5.1f%% (%llu/%llu)\n", 100 * share(s.all_loc_right, s.all_loc_gold),
                      (unsigned long long)s.all_loc_right, (unsigned long long)s.all_loc_gold);
        dl_buf_printf(&out, "no spurious location  %5.1f%% (%llu/%llu)", 100 * share(s.all_none_right, s.all_none_gold),
                      (unsigned long long)s.all_none_right, (unsigned long long)s.all_none_gold);
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_int(&w, "articles", (int64_t)s.articles);
        dl_jw_kv_int(&w, "gold_events", (int64_t)s.gold_events);
        dl_jw_kv_int(&w, "emitted", (int64_t)s.emitted);
        dl_jw_kv_int(&w, "matched", (int64_t)s.matched);
        dl_jw_kv_double(&w, "date_right", share(s.date_right, s.matched));
        dl_jw_kv_double(&w, "date_right_sentence_dated", share(s.date_sentence_right, s.date_sentence_gold));
        dl_jw_kv_int(&w, "with_gold_location", (int64_t)s.loc_gold);
        dl_jw_kv_double(&w, "location_country_right", share(s.loc_country_right, s.loc_gold));
        dl_jw_kv_int(&w, "without_gold_location", (int64_t)s.loc_none_gold);
        dl_jw_kv_double(&w, "no_spurious_location", share(s.loc_none_right, s.loc_none_gold));
        dl_jw_key(&w, "every_gold_event");
        dl_jw_object_begin(&w);
        dl_jw_kv_int(&w, "events", (int64_t)s.all);
        dl_jw_kv_double(&w, "date_right", share(s.all_date_right, s.all));
        dl_jw_kv_double(&w, "date_right_article_date_only", share(s.all_date_article, s.all));
        dl_jw_kv_int(&w, "with_gold_location", (int64_t)s.all_loc_gold);
        dl_jw_kv_double(&w, "location_country_right", share(s.all_loc_right, s.all_loc_gold));
        dl_jw_kv_int(&w, "without_gold_location", (int64_t)s.all_none_gold);
        dl_jw_kv_double(&w, "no_spurious_location", share(s.all_none_right, s.all_none_gold));
        dl_jw_object_end(&w);
        dl_jw_object_end(&w);
    }
    bool ok = dl_cli_emit(&out) && dl_cli_finish_output(&cli);
    dl_buf_free(&out);
    return ok ? (cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK) : DL_EXIT_FATAL;
}
