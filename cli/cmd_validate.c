/* cmd_validate.c: `dateline validate FILE.xml`: the scoring is the
 * library's (src/eval/validate.c); this file prints its outcomes. */
#include "cli.h"
#include "base/buf.h"
#include "eval/validate.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dateline validate [options] FILE.xml\n"
    "\n"
    "Runs a PETRARCH validation file (such as PETR.UnitTest.records.xml): loads\n"
    "the verb, actor, agent and discard dictionaries its <Environment> names\n"
    "(from the file's folder), codes the <Text> of every <Sentence> record with\n"
    "the record's date, and compares the (source, target, event code) triples\n"
    "of the events found, negated ones left out, with the record's expected\n"
    "<EventCoding>s (noevents=\"True\": none). Prints one line per failing\n"
    "record, a table of failures per category, and last the line\n"
    "'validate: N passed, N failed'. Records that test PETRARCH's handling of\n"
    "broken parse trees (error=\"bad_input_parse\") are skipped: dateline codes\n"
    "the text, not the tree.\n"
    "\n"
    "  --verbose        also list passing records, and for failing ones the\n"
    "                   pattern behind each event and the <Config> in force\n"
    "  --min-pass PCT   exit 1 when fewer than PCT% of the records pass\n"
    "\n"
    "Exit status here: 0 the file was run (even with failing records); 1 some\n"
    "records were malformed (reported and skipped) or the pass rate is under\n"
    "--min-pass; 2 usage error; 3 the dictionaries could not be loaded.\n";

int cmd_validate(int argc, char **argv);

typedef struct validate_opts {
    bool verbose;
    bool has_min;
    double min_pass;
    const char *bad_min;
} validate_opts;

static int on_extra(void *user, const char *name, const char *value)
{
    validate_opts *o = user;
    if (!strcmp(name, "verbose")) {
        o->verbose = true;
    } else if (!strcmp(name, "min-pass")) {
        char *end;
        o->min_pass = strtod(value, &end);
        o->has_min = true;
        if (end == value || *end || o->min_pass < 0 || o->min_pass > 100)
            o->bad_min = value;
    }
    return DL_EXIT_OK;
}

/* Diagnostics from the XML reader and from the dictionaries are counted
 * apart: only malformed records make the exit status 1. */
typedef struct diag_counts {
    dl_cli *cli;
    uint64_t errors, warnings;
} diag_counts;

static void print_diag(void *user, const dl_diag *d)
{
    diag_counts *c = user;
    if (d->severity == DL_ERROR)
        c->errors++;
    else
        c->warnings++;
    dl_cli_show_diag(c->cli, d);
}

typedef struct printer {
    const validate_opts *o;
    const char *path;
    dl_buf line;
} printer;

/* Prints a failing record (every record with --verbose); false when
 * stdout cannot be written. */
static bool print_outcome(void *user, const dl_validate_outcome *out)
{
    printer *pr = user;
    const dl_petr_record *rec = out->record;
    if (out->result == DL_VALIDATE_SKIP) {
        if (pr->o->verbose)
            printf("skip %s (%s): tests a broken parse tree, which dateline does not read\n", rec->id,
                   rec->category);
        return true;
    }
    if (out->result == DL_VALIDATE_PASS) {
        if (pr->o->verbose)
            printf("ok   %s (%s)\n", rec->id, rec->category);
        return true;
    }
    dl_buf *b = &pr->line;
    dl_buf_clear(b);
    dl_buf_printf(b, "FAIL %s (%s): expected ", rec->id, rec->category);
    if (rec->error)
        dl_buf_printf(b, "(none: error %s)", rec->error);
    else
        dl_buf_puts(b, out->expected);
    dl_buf_puts(b, "; got ");
    if (out->status)
        dl_buf_printf(b, "(error: %s)", dl_status_name(out->status));
    else
        dl_buf_puts(b, out->got);
    dl_buf_printf(b, " | %s", rec->text);
    if (pr->o->verbose) {
        dl_buf_printf(b, "\n     at %s:%llu", pr->path, (unsigned long long)rec->line);
        if (rec->config)
            dl_buf_printf(b, "; PETRARCH settings: %s", rec->config);
        for (size_t i = 0; i < out->analysis->n_events; i++) {
            const dl_event *e = &out->analysis->events[i];
            dl_buf_printf(b, "\n     event %s %s %s%s: verb '%s', pattern '%s' (%s:%u)",
                          e->source.code ? e->source.code : "---",
                          e->target.code ? e->target.code : "---", e->cameo ? e->cameo : "?",
                          e->negated ? " (negated)" : "", e->verb ? e->verb : "",
                          e->pattern ? e->pattern : "", e->pattern_file ? e->pattern_file : "",
                          e->pattern_line);
        }
    }
    return dl_cli_emit(b);
}

static void print_table(const dl_validate_summary *sum)
{
    if (!sum->n_categories)
        return;
    printf("\n%-12s %8s %8s %8s\n", "category", "records", "passed", "failed");
    for (size_t i = 0; i < sum->n_categories; i++) {
        const dl_validate_category *t = &sum->categories[i];
        printf("%-12s %8llu %8llu %8llu\n", t->name, (unsigned long long)(t->passed + t->failed),
               (unsigned long long)t->passed, (unsigned long long)t->failed);
    }
    printf("\n");
}

int cmd_validate(int argc, char **argv)
{
    dl_cli cli = {.command = "validate"};
    validate_opts o = {0};
    static const char *const extra[] = {"verbose", "min-pass=", NULL};
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    if (o.bad_min) {
        dl_cli_error(&cli, "--min-pass takes a percentage from 0 to 100, not '%s'", o.bad_min);
        return DL_EXIT_USAGE;
    }
    if (cli.format && strcmp(cli.format, "text") != 0) {
        dl_cli_error(&cli, "--format: validate writes a text report only");
        return DL_EXIT_USAGE;
    }
    if (cli.n_inputs != 1 || !strcmp(cli.inputs[0], "-")) {
        dl_cli_error(&cli, "give one validation file: 'dateline validate FILE.xml' (see --help)");
        return DL_EXIT_USAGE;
    }
    const char *path = cli.inputs[0];
    dl_arena *arena = dl_arena_new(0);
    diag_counts xml_diags = {&cli, 0, 0}, dict_diags = {&cli, 0, 0};
    printer pr = {.o = &o, .path = path};
    dl_petr_file f;
    rc = DL_EXIT_FATAL;
    if (!arena) {
        dl_cli_error(&cli, "out of memory");
        goto out;
    }
    dl_status st = dl_petr_read(&f, path, print_diag, &xml_diags, arena);
    if (st == DL_ERR_NOMEM) {
        dl_cli_error(&cli, "out of memory");
        goto out;
    }
    if (st) {
        rc = DL_EXIT_PARTIAL;
        goto out;
    }
    if (!f.n_records) {
        dl_cli_error(&cli, "%s: no validation records (<Sentence> elements) found", path);
        rc = DL_EXIT_PARTIAL;
        goto out;
    }
    dl_validate_options vo = DL_VALIDATE_OPTIONS_INIT;
    vo.data_dir = cli.data_dir;
    vo.diag = print_diag;
    vo.diag_user = &dict_diags;
    vo.on_record = print_outcome;
    vo.record_user = &pr;
    dl_validate_summary s;
    st = dl_validate_run(&s, &f, path, &vo, arena);
    if (st == DL_ERR_IO) {
        dl_cli_finish_output(&cli);
        goto out;
    }
    if (st == DL_ERR_NOMEM) {
        dl_cli_error(&cli, "out of memory");
        goto out;
    }
    if (st)
        goto out; /* the dictionaries: reported through print_diag */
    print_table(&s);
    if (f.stopped)
        printf("validate: stopped by <Stop> at line %llu\n", (unsigned long long)f.stop_line);
    if (f.n_skipped)
        printf("validate: %zu malformed records skipped (see the errors above)\n", f.n_skipped);
    if (s.skipped)
        printf("validate: %llu records not applicable (they test PETRARCH's parse-tree checks)\n",
               (unsigned long long)s.skipped);
    uint64_t scored = s.passed + s.failed;
    double rate = scored ? 100.0 * (double)s.passed / (double)scored : 0.0;
    printf("validate: pass rate %.1f%% of %llu records\n", rate, (unsigned long long)scored);
    printf("validate: %llu passed, %llu failed\n", (unsigned long long)s.passed,
           (unsigned long long)s.failed);
    if (!dl_cli_finish_output(&cli))
        goto out;
    rc = DL_EXIT_OK;
    if (xml_diags.errors || s.run_errors)
        rc = DL_EXIT_PARTIAL;
    if (o.has_min && rate < o.min_pass) {
        dl_cli_error(&cli, "pass rate %.1f%% is below --min-pass %g%%", rate, o.min_pass);
        rc = DL_EXIT_PARTIAL;
    }
out:
    dl_buf_free(&pr.line);
    dl_arena_free(arena);
    return rc;
}
