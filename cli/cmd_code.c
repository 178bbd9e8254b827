/* cmd_code.c: `dateline code` prints the events coded in the input. */
#include "cli.h"
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_code(int argc, char **argv);

static const char usage[] =
    "usage: dateline code [options] [FILE|DIR|-]...\n"
    "\n"
    "Cleans and parses the input, finds and codes its actors, and prints one\n"
    "event per line: who did what to whom (CAMEO code, PLOVER type and mode,\n"
    "Goldstein score, quad class), when and where, with the sentence and an\n"
    "`explain` object naming the verb, the dictionary pattern (file and line)\n"
    "and the entries that fired. Negated events are printed with\n"
    "\"negated\": true (they did not happen: do not count them).\n"
    "\n"
    "Options:\n"
    "  --format jsonl|csv|tsv   output format (default jsonl)\n"
    "  --verbs FILE      a TABARI/PETRARCH verb dictionary (repeatable; replaces data/verbs.txt)\n"
    "  --discards FILE   a discard list (repeatable; replaces data/discards.txt)\n"
    "  --actors FILE     an actor dictionary (repeatable; replaces data/actors/)\n"
    "  --agents FILE     an agent dictionary (repeatable; replaces data/agents.txt)\n";

enum { MAX_FILES = 32 };

typedef struct code_state {
    dl_cli cli;
    const char *verbs[MAX_FILES], *discards[MAX_FILES], *actors[MAX_FILES], *agents[MAX_FILES];
    size_t n_verbs, n_discards, n_actors, n_agents;
    dl_pipeline *pipeline;
    dl_arena *arena;
    dl_export_format format;
    dl_export export_;
    dl_buf out;
} code_state;

static int on_extra(void *user, const char *name, const char *value)
{
    code_state *s = user;
    const char **list = NULL;
    size_t *n = NULL;
    if (!strcmp(name, "verbs"))
        list = s->verbs, n = &s->n_verbs;
    else if (!strcmp(name, "discards"))
        list = s->discards, n = &s->n_discards;
    else if (!strcmp(name, "actors"))
        list = s->actors, n = &s->n_actors;
    else if (!strcmp(name, "agents"))
        list = s->agents, n = &s->n_agents;
    if (!list)
        return DL_EXIT_OK;
    if (*n == MAX_FILES) {
        dl_cli_error(&s->cli, "at most %d --%s files", MAX_FILES, name);
        return DL_EXIT_USAGE;
    }
    list[(*n)++] = value;
    return DL_EXIT_OK;
}

static int write_stdout(void *out, const char *data, size_t len)
{
    return fwrite(data, 1, len, out) == len ? 0 : -1;
}

/* One event as a table row, for the CSV and TSV writers: the columns of
 * the library's event table, the same as `events --format csv`. */
static dl_status event_row(code_state *s, const dl_event *e, const char *article)
{
    const dl_column *columns;
    size_t n = dl_event_columns(&columns);
    const char *names[32], *values[32];
    dl_event_cells cells;
    for (size_t i = 0; i < n; i++)
        names[i] = columns[i].name;
    dl_event_values(e, article, &cells, values);
    return dl_export_row(&s->export_, n, names, values);
}

static dl_status one_article(void *user, const dl_article *article, dl_arena *doc_arena)
{
    code_state *s = user;
    dl_arena_reset(s->arena);
    dl_analysis an;
    dl_status st = dl_pipeline_run(&an, s->pipeline, article, s->arena);
    if (st)
        return st;
    for (size_t i = 0; i < an.n_events; i++) {
        if (s->format == DL_EXPORT_JSONL) {
            dl_buf_clear(&s->out);
            if ((st = dl_event_to_json(&s->out, &an.events[i], article->id)))
                return st;
            if (!dl_cli_emit(&s->out))
                return DL_ERR_IO;
        } else if ((st = event_row(s, &an.events[i], article->id))) {
            return st;
        }
    }
    return DL_OK;
}

int cmd_code(int argc, char **argv)
{
    code_state s = {.cli = {.command = "code", .warn_undated = true}, .format = DL_EXPORT_JSONL};
    static const char *const extra[] = {"verbs=", "discards=", "actors=", "agents=", NULL};
    bool done;
    int rc = dl_cli_parse(&s.cli, argc, argv, usage, extra, on_extra, &s, &done);
    if (rc || done)
        return rc;
    if (s.cli.format && !strcmp(s.cli.format, "csv"))
        s.format = DL_EXPORT_CSV;
    else if (s.cli.format && !strcmp(s.cli.format, "tsv"))
        s.format = DL_EXPORT_TSV;
    else if (s.cli.format && strcmp(s.cli.format, "jsonl")) {
        dl_cli_error(&s.cli, "--format takes jsonl, csv or tsv, not '%s'", s.cli.format);
        return DL_EXIT_USAGE;
    }
    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    ao.actor_files = s.actors, ao.n_actor_files = s.n_actors;
    ao.agent_files = s.agents, ao.n_agent_files = s.n_agents;
    dl_coder_options co = DL_CODER_OPTIONS_INIT;
    co.verb_files = s.verbs, co.n_verb_files = s.n_verbs;
    co.discard_files = s.discards, co.n_discard_files = s.n_discards;
    if ((rc = dl_cli_open_pipeline(&s.cli, &s.pipeline, DL_STAGE_ALL, &ao, &co)))
        return rc;
    s.arena = dl_arena_new(0);
    dl_export_init(&s.export_, s.format, DL_TABLE_EVENTS, write_stdout, stdout);
    rc = s.arena ? dl_cli_each_article(&s.cli, one_article, &s) : DL_EXIT_FATAL;
    dl_export_free(&s.export_);
    dl_buf_free(&s.out);
    dl_arena_free(s.arena);
    dl_pipeline_close(s.pipeline);
    return rc;
}
