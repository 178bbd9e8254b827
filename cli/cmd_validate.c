/* cmd_validate.c: `dateline validate FILE.xml` codes the records of a
 * PETRARCH validation file with the dictionaries its <Environment> names
 * and scores them: a record passes when the set of (source, target, event
 * code) triples of its non-negated events equals the set it expects. */
#include "cli.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"
#include "base/date.h"
#include "eval/petrarch_xml.h"

#include <limits.h>
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

/* One (source, target, code) triple as "SRC TGT CODE": sets of them are
 * compared as sorted, de-duplicated arrays of such strings. */
typedef struct triples {
    const char **items;
    size_t n;
} triples;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void sort_unique(triples *t)
{
    if (!t->n)
        return;
    qsort(t->items, t->n, sizeof *t->items, by_string);
    size_t o = 1;
    for (size_t i = 1; i < t->n; i++)
        if (strcmp(t->items[i], t->items[o - 1]))
            t->items[o++] = t->items[i];
    t->n = o;
}

static bool same_set(const triples *a, const triples *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i], b->items[i]))
            return false;
    return true;
}

static const char *triple(dl_arena *arena, const char *src, const char *tgt, const char *code)
{
    size_t n = strlen(src) + strlen(tgt) + strlen(code) + 3;
    char *s = dl_arena_alloc(arena, n);
    if (s)
        snprintf(s, n, "%s %s %s", src, tgt, code);
    return s;
}

static void print_set(dl_buf *b, const triples *t)
{
    if (!t->n)
        dl_buf_puts(b, "(none)");
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            dl_buf_puts(b, ", ");
        dl_buf_puts(b, t->items[i]);
    }
}

/* Per-category tallies, kept in the order categories first appear. */
typedef struct tally {
    uint64_t passed, failed;
} tally;

/* A dictionary named by the Environment, resolved against the folder of
 * the XML file (absolute names stay as they are). */
static const char **resolve(dl_arena *arena, const char *dir, const char **names, size_t n)
{
    const char **out = DL_ARENA_NEW(arena, const char *, n + 1);
    for (size_t i = 0; out && i < n; i++) {
        if (names[i][0] == '/' || !*dir) {
            out[i] = names[i];
            continue;
        }
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = dl_arena_alloc(arena, len);
        if (!p)
            return NULL;
        snprintf(p, len, "%s/%s", dir, names[i]);
        out[i] = p;
    }
    return out;
}

static void list_files(dl_buf *b, const char *const *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dl_buf_printf(b, " %s", files[i]);
}

typedef struct run_state {
    const validate_opts *o;
    const dl_pipeline *pipeline;
    const char *path;
    dl_arena *arena;
    dl_buf line;
    dl_map *categories;
    uint64_t passed, failed, skipped, run_errors;
} run_state;

static tally *category_tally(run_state *s, const char *category)
{
    bool created;
    void **slot = dl_map_slot(s->categories, category, strlen(category), &created);
    if (!slot)
        return NULL;
    if (created)
        *slot = calloc(1, sizeof(tally));
    return *slot;
}

/* Codes one record and prints its line when it fails (or always with
 * --verbose). Returns false when stdout cannot be written or memory ran
 * out. */
static bool run_record(run_state *s, const dl_petr_record *rec, dl_cli *cli)
{
    dl_arena_reset(s->arena);
    if (rec->error && !strcmp(rec->error, "bad_input_parse")) {
        s->skipped++;
        if (s->o->verbose)
            printf("skip %s (%s): tests a broken parse tree, which dateline does not read\n",
                   rec->id, rec->category);
        return true;
    }
    triples want = {DL_ARENA_NEW(s->arena, const char *, rec->n_codings + 1), 0};
    if (!want.items)
        return false;
    for (size_t i = 0; i < rec->n_codings; i++) {
        const dl_petr_coding *c = &rec->codings[i];
        if (!(want.items[want.n++] = triple(s->arena, c->source, c->target, c->event)))
            return false;
    }
    sort_unique(&want);

    char date[11];
    if (!dl_date_compact_to_iso(rec->date, date))
        date[0] = '\0';
    dl_article article = {.id = rec->id, .source = s->path, .date = date[0] ? date : NULL, .body = rec->text,
                          .body_len = strlen(rec->text)};
    dl_analysis an = {0};
    dl_status st = dl_pipeline_run(&an, s->pipeline, &article, s->arena);
    triples got = {DL_ARENA_NEW(s->arena, const char *, an.n_events + 1), 0};
    if (!got.items)
        return false;
    if (st) {
        dl_cli_error(cli, "%s:%llu: record '%s': coding failed: %s", s->path,
                     (unsigned long long)rec->line, rec->id, dl_status_name(st));
        s->run_errors++;
        an.n_events = 0;
    }
    for (size_t i = 0; i < an.n_events; i++) {
        const dl_event *e = &an.events[i];
        if (e->negated || !e->cameo)
            continue;
        const char *t = triple(s->arena, e->source.code ? e->source.code : "---",
                               e->target.code ? e->target.code : "---", e->cameo);
        if (!t)
            return false;
        got.items[got.n++] = t;
    }
    sort_unique(&got);

    bool pass = !st && same_set(&want, &got);
    tally *cat = category_tally(s, rec->category);
    if (!cat)
        return false;
    if (pass) {
        s->passed++, cat->passed++;
        if (s->o->verbose)
            printf("ok   %s (%s)\n", rec->id, rec->category);
        return true;
    }
    s->failed++, cat->failed++;
    dl_buf *b = &s->line;
    dl_buf_clear(b);
    dl_buf_printf(b, "FAIL %s (%s): expected ", rec->id, rec->category);
    if (rec->error)
        dl_buf_printf(b, "(none: error %s)", rec->error);
    else
        print_set(b, &want);
    dl_buf_puts(b, "; got ");
    if (st)
        dl_buf_printf(b, "(error: %s)", dl_status_name(st));
    else
        print_set(b, &got);
    dl_buf_printf(b, " | %s", rec->text);
    if (s->o->verbose) {
        dl_buf_printf(b, "\n     at %s:%llu", s->path, (unsigned long long)rec->line);
        if (rec->config)
            dl_buf_printf(b, "; PETRARCH settings: %s", rec->config);
        for (size_t i = 0; i < an.n_events; i++) {
            const dl_event *e = &an.events[i];
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

static void print_table(run_state *s)
{
    size_t n = dl_map_count(s->categories);
    if (!n)
        return;
    printf("\n%-12s %8s %8s %8s\n", "category", "records", "passed", "failed");
    for (size_t i = 0; i < n; i++) {
        const char *key;
        size_t len;
        void *v;
        dl_map_entry(s->categories, i, &key, &len, &v);
        const tally *t = v;
        printf("%-12.*s %8llu %8llu %8llu\n", (int)len, key,
               (unsigned long long)(t->passed + t->failed), (unsigned long long)t->passed,
               (unsigned long long)t->failed);
    }
    printf("\n");
}

/* Opens the pipeline with the Environment's dictionaries; prints why not
 * and returns NULL when it cannot. */
static dl_pipeline *open_pipeline(dl_cli *cli, const dl_petr_file *f, const char *path,
                                  dl_arena *arena, diag_counts *dict_diags)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    const char **verbs = resolve(arena, dir, f->verb_files, f->n_verb_files);
    const char **actors = resolve(arena, dir, f->actor_files, f->n_actor_files);
    const char **agents = resolve(arena, dir, f->agent_files, f->n_agent_files);
    const char **discards = resolve(arena, dir, f->discard_files, f->n_discard_files);
    if (!verbs || !actors || !agents || !discards) {
        dl_cli_error(cli, "out of memory");
        return NULL;
    }
    static const char *const kinds[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    size_t counts[] = {f->n_verb_files, f->n_actor_files, f->n_agent_files, f->n_discard_files};
    for (size_t i = 0; i < 4; i++)
        if (!counts[i] && !cli->quiet)
            fprintf(stderr, "dateline validate: %s: warning: no <%s> in <Environment>; using dateline's own\n",
                    path, kinds[i]);

    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    ao.data_dir = cli->data_dir;
    ao.actor_files = actors;
    ao.n_actor_files = f->n_actor_files;
    ao.agent_files = agents;
    ao.n_agent_files = f->n_agent_files;
    ao.country_as_government = false; /* PETRARCH codes a bare country as the country */
    ao.diag = print_diag;
    ao.diag_user = dict_diags;
    dl_coder_options co = DL_CODER_OPTIONS_INIT;
    co.data_dir = cli->data_dir;
    co.verb_files = verbs;
    co.n_verb_files = f->n_verb_files;
    co.discard_files = discards;
    co.n_discard_files = f->n_discard_files;
    co.diag = print_diag;
    co.diag_user = dict_diags;
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    /* Quotes are left out: PETRARCH codes each sentence on its own. */
    po.stages = DL_STAGE_PARSE | DL_STAGE_ACTORS | DL_STAGE_EVENTS;
    po.data_dir = cli->data_dir;
    po.actors = &ao;
    po.coder = &co;
    po.diag = print_diag;
    po.diag_user = dict_diags;

    dl_pipeline *p = NULL;
    dl_status st = dl_pipeline_open(&p, &po);
    if (st) {
        dl_buf b = DL_BUF_INIT;
        list_files(&b, verbs, f->n_verb_files);
        list_files(&b, actors, f->n_actor_files);
        list_files(&b, agents, f->n_agent_files);
        list_files(&b, discards, f->n_discard_files);
        dl_cli_error(cli, "cannot load the dictionaries (%s):%s; data from %s", dl_status_name(st),
                     b.data ? b.data : " (defaults)", cli->data_dir ? cli->data_dir : dl_data_dir());
        dl_buf_free(&b);
        return NULL;
    }
    return p;
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
    dl_arena *file_arena = dl_arena_new(0), *arena = dl_arena_new(0);
    dl_map *categories = dl_map_new();
    diag_counts xml_diags = {&cli, 0, 0}, dict_diags = {&cli, 0, 0};
    dl_petr_file f;
    dl_pipeline *pipeline = NULL;
    run_state s = {.o = &o, .path = path, .arena = arena, .categories = categories};
    rc = DL_EXIT_FATAL;
    if (!file_arena || !arena || !categories) {
        dl_cli_error(&cli, "out of memory");
        goto out;
    }
    dl_status st = dl_petr_read(&f, path, print_diag, &xml_diags, file_arena);
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
    if (!(pipeline = open_pipeline(&cli, &f, path, file_arena, &dict_diags)))
        goto out;
    s.pipeline = pipeline;
    for (size_t i = 0; i < f.n_records; i++)
        if (!run_record(&s, &f.records[i], &cli)) {
            if (!dl_cli_finish_output(&cli))
                goto out;
            dl_cli_error(&cli, "out of memory");
            goto out;
        }
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
    if (pipeline)
        dl_pipeline_close(pipeline);
    for (size_t i = 0; categories && i < dl_map_count(categories); i++) {
        void *v;
        const char *k;
        size_t len;
        dl_map_entry(categories, i, &k, &len, &v);
        free(v);
    }
    dl_map_free(categories);
    dl_buf_free(&s.line);
    dl_arena_free(arena);
    dl_arena_free(file_arena);
    return rc;
}
