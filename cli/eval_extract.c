/* eval_extract.c: `dateline eval extract DIR` scores HTML extraction
 * against pages with their expected content and metadata (the
 * readability test-page layout). The scoring lives in
 * src/eval/eval_extract.c. */
#include "cli.h"
#include "eval_extract.h"
#include "base/buf.h"
#include "base/json.h"
#include "doc/html.h"
#include "eval/eval_extract.h"

#include <string.h>

static const char usage[] =
    "usage: dateline eval extract [options] DIR\n"
    "\n"
    "Extracts the article of each DIR/NAME/source.html and scores it against\n"
    "DIR/NAME/expected.html (body: word-overlap precision, recall and F1,\n"
    "averaged over pages) and DIR/NAME/expected-metadata.json (title exact\n"
    "match; byline and date match where the metadata gives them). Prints one\n"
    "JSON object; --format text prints a table.\n"
    "\n"
    "  --pages   also print one line per page (scores, and what was found\n"
    "            against what was expected) before the summary\n";

typedef struct opts {
    bool pages, text;
} opts;

static int on_extra(void *user, const char *name, const char *value)
{
    (void)value;
    opts *o = user;
    if (!strcmp(name, "pages"))
        o->pages = true;
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

static void on_page(void *user, const dl_extract_page_score *p)
{
    opts *o = user;
    if (!o->pages)
        return;
    dl_buf b = DL_BUF_INIT;
    if (o->text) {
        dl_buf_printf(&b, "%-40s F1 %5.1f%%  P %5.1f%%  R %5.1f%%  title %s  byline %s  date %s",
                      p->name, 100 * p->f1, 100 * p->precision, 100 * p->recall,
                      !p->has_title ? "-" : p->title_ok ? "ok" : "NO",
                      !p->has_byline ? "-" : p->byline_ok ? "ok" : "NO",
                      !p->has_date ? "-" : p->date_ok ? "ok" : "NO");
    } else {
        dl_jw w;
        dl_jw_init(&w, &b);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "page", p->name);
        dl_jw_kv_double(&w, "precision", p->precision);
        dl_jw_kv_double(&w, "recall", p->recall);
        dl_jw_kv_double(&w, "f1", p->f1);
        dl_jw_kv_string(&w, "title", p->title);
        dl_jw_kv_string(&w, "expected_title", p->expected_title);
        dl_jw_kv_string(&w, "byline", p->byline);
        dl_jw_kv_string(&w, "expected_byline", p->expected_byline);
        dl_jw_kv_string(&w, "date", p->date);
        dl_jw_kv_string(&w, "expected_date", p->expected_date);
        dl_jw_object_end(&w);
    }
    dl_cli_emit(&b);
    dl_buf_free(&b);
}

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0; }

static const char dumps_usage[] =
    "usage: dateline eval dumps [options] DIR\n"
    "\n"
    "Cleans each DIR/NAME/dump.txt (a whole-page text dump, as\n"
    "scripts/make-dumps.py writes them from HTML pages) and compares what the\n"
    "cleaner keeps with DIR/NAME/expected.html and the expected title: junk\n"
    "(words kept that are not the article's) as a share of the output and of\n"
    "the input, the share of the article kept, articles made per page, titles\n"
    "and dates found. Prints one JSON object; --format text prints a table.\n"
    "\n"
    "  --pages   also print one line per page\n";

static void on_dump(void *user, const dl_dump_page_score *p)
{
    opts *o = user;
    if (!o->pages)
        return;
    dl_buf b = DL_BUF_INIT;
    if (o->text) {
        dl_buf_printf(&b, "%-40s junk %5.1f%% (in %5.1f%%)  kept %5.1f%%  articles %u  title %s  date %s",
                      p->name, 100 * ratio(p->junk_out, p->words_out), 100 * ratio(p->junk_in, p->words_in),
                      100 * ratio(p->kept, p->words_expected), p->articles,
                      !p->has_title ? "-" : p->title_ok ? "ok" : "NO",
                      !p->has_date ? "-" : p->date_ok ? "ok" : p->date_wrong ? "WRONG" : "none");
    } else {
        dl_jw w;
        dl_jw_init(&w, &b);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "page", p->name);
        dl_jw_kv_double(&w, "junk", ratio(p->junk_out, p->words_out));
        dl_jw_kv_double(&w, "junk_in", ratio(p->junk_in, p->words_in));
        dl_jw_kv_double(&w, "kept", ratio(p->kept, p->words_expected));
        dl_jw_kv_int(&w, "articles", p->articles);
        dl_jw_kv_int(&w, "words_out", (int64_t)p->words_out);
        dl_jw_kv_int(&w, "junk_words", (int64_t)p->junk_out);
        dl_jw_kv_int(&w, "lost_words", (int64_t)(p->words_expected - p->kept));
        dl_jw_kv_string(&w, "title", p->title);
        dl_jw_kv_string(&w, "expected_title", p->expected_title);
        dl_jw_object_end(&w);
    }
    dl_cli_emit(&b);
    dl_buf_free(&b);
}

int dl_cli_eval_dumps(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false, false};
    static const char *const extra[] = {"pages", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, dumps_usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    o.text = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !o.text && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs != 1) {
        dl_cli_error(&cli, "give one folder of dumps (see --help)");
        return DL_EXIT_USAGE;
    }
    dl_dump_score s;
    dl_status st = dl_eval_dumps_dir(&s, cli.inputs[0], cli.data_dir, on_dump, &o);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return st == DL_ERR_IO ? DL_EXIT_PARTIAL : DL_EXIT_FATAL;
    }
    if (!s.pages) {
        dl_cli_error(&cli, "%s: no dumps found (make them with scripts/make-dumps.py)", cli.inputs[0]);
        return DL_EXIT_PARTIAL;
    }
    dl_buf b = DL_BUF_INIT;
    if (o.text) {
        dl_buf_printf(&b, "pages             %llu\n", (unsigned long long)s.pages);
        dl_buf_printf(&b, "junk in output    %.1f%% (input held %.1f%%)\n", 100 * ratio(s.junk_out, s.words_out),
                      100 * ratio(s.junk_in, s.words_in));
        dl_buf_printf(&b, "article kept      %.1f%%\n", 100 * ratio(s.kept, s.words_expected));
        dl_buf_printf(&b, "articles per page %.2f (%llu pages split)\n", (double)s.articles / (double)s.pages,
                      (unsigned long long)s.pages_split);
        dl_buf_printf(&b, "title             %.1f%% of %llu\n", 100 * ratio(s.titles_ok, s.titles),
                      (unsigned long long)s.titles);
        dl_buf_printf(&b, "date              %.1f%% of %llu (%llu another day)", 100 * ratio(s.dates_ok, s.dates),
                      (unsigned long long)s.dates, (unsigned long long)s.dates_wrong);
    } else {
        dl_jw w;
        dl_jw_init(&w, &b);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "dumps");
        dl_jw_kv_int(&w, "pages", (int64_t)s.pages);
        dl_jw_kv_double(&w, "junk", ratio(s.junk_out, s.words_out));
        dl_jw_kv_double(&w, "junk_in", ratio(s.junk_in, s.words_in));
        dl_jw_kv_double(&w, "kept", ratio(s.kept, s.words_expected));
        dl_jw_kv_double(&w, "articles_per_page", (double)s.articles / (double)s.pages);
        dl_jw_kv_int(&w, "pages_split", (int64_t)s.pages_split);
        dl_jw_kv_double(&w, "title_accuracy", ratio(s.titles_ok, s.titles));
        dl_jw_kv_double(&w, "date_accuracy", ratio(s.dates_ok, s.dates));
        dl_jw_kv_int(&w, "dates_wrong", (int64_t)s.dates_wrong);
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&b) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    dl_buf_free(&b);
    return rc;
}

int dl_cli_eval_extract(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    opts o = {false, false};
    static const char *const extra[] = {"pages", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    o.text = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !o.text && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs != 1) {
        dl_cli_error(&cli, "give one folder of test pages (see --help)");
        return DL_EXIT_USAGE;
    }
    dl_extract_score s;
    dl_status st = dl_eval_extract_dir(&s, cli.inputs[0], on_page, &o, print_diag, &cli);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return st == DL_ERR_IO ? DL_EXIT_PARTIAL : DL_EXIT_FATAL;
    }
    if (!s.pages) {
        dl_cli_error(&cli, "%s: no test pages found", cli.inputs[0]);
        return DL_EXIT_PARTIAL;
    }
    double n = (double)s.pages;
    double mbs = s.extract_seconds > 0 ? (double)s.source_bytes / 1e6 / s.extract_seconds : 0;
    dl_buf b = DL_BUF_INIT;
    if (o.text) {
        dl_buf_printf(&b, "pages             %llu (%llu skipped)\n", (unsigned long long)s.pages,
                      (unsigned long long)s.skipped);
        dl_buf_printf(&b, "body              P %.1f%%  R %.1f%%  F1 %.1f%%\n",
                      100 * s.precision_sum / n, 100 * s.recall_sum / n, 100 * s.f1_sum / n);
        dl_buf_printf(&b, "title             %.1f%% of %llu\n", 100 * ratio(s.titles_ok, s.titles),
                      (unsigned long long)s.titles);
        dl_buf_printf(&b, "byline            %.1f%% of %llu\n", 100 * ratio(s.bylines_ok, s.bylines),
                      (unsigned long long)s.bylines);
        dl_buf_printf(&b, "date              %.1f%% of %llu\n", 100 * ratio(s.dates_ok, s.dates),
                      (unsigned long long)s.dates);
        dl_buf_printf(&b, "speed             %.1f MB/s of HTML (CPU time)", mbs);
    } else {
        dl_jw w;
        dl_jw_init(&w, &b);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "extract");
        dl_jw_kv_int(&w, "pages", (int64_t)s.pages);
        dl_jw_kv_int(&w, "skipped", (int64_t)s.skipped);
        dl_jw_kv_double(&w, "body_precision", s.precision_sum / n);
        dl_jw_kv_double(&w, "body_recall", s.recall_sum / n);
        dl_jw_kv_double(&w, "body_f1", s.f1_sum / n);
        dl_jw_kv_int(&w, "titles", (int64_t)s.titles);
        dl_jw_kv_double(&w, "title_accuracy", ratio(s.titles_ok, s.titles));
        dl_jw_kv_int(&w, "bylines", (int64_t)s.bylines);
        dl_jw_kv_double(&w, "byline_accuracy", ratio(s.bylines_ok, s.bylines));
        dl_jw_kv_int(&w, "dates", (int64_t)s.dates);
        dl_jw_kv_double(&w, "date_accuracy", ratio(s.dates_ok, s.dates));
        dl_jw_kv_double(&w, "mb_per_second", mbs);
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&b) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    dl_buf_free(&b);
    return rc ? rc : cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
}
