/* eval_stories.c: `dateline eval stories GOLD` scores near-duplicate links
 * and story clusters (the scoring lives in src/eval/eval_stories.c). */
#include "cli.h"
#include "eval_stories.h"
#include "base/buf.h"
#include "base/json.h"
#include "eval/eval_stories.h"

#include <string.h>

static const char usage[] =
    "usage: dateline eval stories [options] GOLD.jsonl\n"
    "\n"
    "Ingests the gold file's articles, in order, into a scratch store (the\n"
    "whole pipeline, stories on) and scores what it found against the gold\n"
    "fields of each line: \"story\" (articles about one happening share it)\n"
    "and \"duplicate_of\" (the id of the earlier article this one copies, in\n"
    "full, nearly, or as a teaser). Prints one JSON object: for duplicate\n"
    "families and for stories, pairwise and B-cubed precision, recall and F1,\n"
    "cluster counts, and the ingest speed. --format text prints a table.\n";

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

static void score_json(dl_jw *w, const char *key, const dl_cluster_score *s)
{
    dl_jw_key(w, key);
    dl_jw_object_begin(w);
    dl_jw_kv_double(w, "pairwise_precision", s->pair_p);
    dl_jw_kv_double(w, "pairwise_recall", s->pair_r);
    dl_jw_kv_double(w, "pairwise_f1", s->pair_f);
    dl_jw_kv_double(w, "bcubed_precision", s->b3_p);
    dl_jw_kv_double(w, "bcubed_recall", s->b3_r);
    dl_jw_kv_double(w, "bcubed_f1", s->b3_f);
    dl_jw_kv_int(w, "gold_pairs", (int64_t)s->gold_pairs);
    dl_jw_kv_int(w, "found_pairs", (int64_t)s->found_pairs);
    dl_jw_kv_int(w, "gold_clusters", (int64_t)s->gold_clusters);
    dl_jw_kv_int(w, "found_clusters", (int64_t)s->found_clusters);
    dl_jw_object_end(w);
}

static void score_text(dl_buf *b, const char *name, const dl_cluster_score *s)
{
    dl_buf_printf(b, "%-11s pairwise P %5.1f%% R %5.1f%% F1 %5.1f%%   B-cubed P %5.1f%% R %5.1f%% F1 %5.1f%%"
                     "   (%llu gold / %llu found clusters)\n",
                  name, 100 * s->pair_p, 100 * s->pair_r, 100 * s->pair_f, 100 * s->b3_p, 100 * s->b3_r,
                  100 * s->b3_f, (unsigned long long)s->gold_clusters, (unsigned long long)s->found_clusters);
}

int dl_cli_eval_stories(int argc, char **argv)
{
    dl_cli cli = {.command = "eval"};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    bool text_out = cli.format && !strcmp(cli.format, "text");
    if (cli.format && !text_out && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format takes jsonl or text");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs != 1 || !strcmp(cli.inputs[0], "-")) {
        dl_cli_error(&cli, "give one gold file (JSONL with \"story\" and \"duplicate_of\" fields)");
        return DL_EXIT_USAGE;
    }
    dl_pipeline *pipeline = NULL;
    if ((rc = dl_cli_open_pipeline(&cli, &pipeline, DL_STAGE_ALL, NULL, NULL)))
        return rc;
    dl_stories_eval ev;
    dl_status st = dl_eval_stories(&ev, pipeline, cli.inputs[0], print_diag, &cli);
    dl_pipeline_close(pipeline);
    if (st) {
        dl_cli_error(&cli, "%s: %s", cli.inputs[0], dl_status_name(st));
        return DL_EXIT_FATAL;
    }
    double rate = ev.seconds > 0 ? (double)ev.articles / ev.seconds : 0;
    dl_buf out = DL_BUF_INIT;
    if (text_out) {
        dl_buf_printf(&out, "articles %llu (%llu not stored), ingested at %.0f articles/s\n",
                      (unsigned long long)ev.articles, (unsigned long long)ev.missing, rate);
        score_text(&out, "duplicates", &ev.duplicates);
        score_text(&out, "stories", &ev.stories);
        if (out.len && out.data[out.len - 1] == '\n')
            out.data[--out.len] = '\0';
    } else {
        dl_jw w;
        dl_jw_init(&w, &out);
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "task", "stories");
        dl_jw_kv_int(&w, "articles", (int64_t)ev.articles);
        dl_jw_kv_int(&w, "missing", (int64_t)ev.missing);
        score_json(&w, "duplicates", &ev.duplicates);
        score_json(&w, "stories", &ev.stories);
        dl_jw_kv_double(&w, "articles_per_second", rate);
        dl_jw_object_end(&w);
    }
    if (!dl_cli_emit(&out) || !dl_cli_finish_output(&cli))
        rc = DL_EXIT_FATAL;
    else
        rc = cli.errors ? DL_EXIT_PARTIAL : DL_EXIT_OK;
    dl_buf_free(&out);
    return rc;
}
