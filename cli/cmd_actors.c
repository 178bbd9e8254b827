/* cmd_actors.c: `dateline actors` prints one actor mention record per line. */
#include "cli.h"
#include "base/buf.h"
#include "dict/dict.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dateline actors [options] [FILE|DIR|-]...\n"
    "\n"
    "Cleans and parses each article, then finds its actors: people, countries,\n"
    "organisations, armed groups and media named in the dictionaries, role words\n"
    "with a country (\"Israeli officials\" -> ISRGOV), and capitalised names no\n"
    "dictionary knows (kind \"unknown\"). Codes follow the article's date.\n"
    "Later mentions are tied to earlier ones (\"Gallant\", \"the defence minister\",\n"
    "\"he\"): \"antecedent\" is the index of the earlier mention in the article and\n"
    "\"entity\" is the same for every mention of one entity. Prints one JSON\n"
    "mention per line: article, text, start, end, code, country, role, name,\n"
    "kind, office, sentence, via, antecedent, entity, plural.\n"
    "\n"
    "  --actors FILE        an actor dictionary (repeatable; replaces data/actors/)\n"
    "  --agents FILE        an agent dictionary (repeatable; replaces data/agents.txt)\n";

int cmd_actors(int argc, char **argv);

typedef struct actors_state {
    const char **actor_files, **agent_files;
    size_t n_actor_files, n_agent_files;
    dl_pipeline *pipeline;
    dl_cli *cli;
    dl_buf out;
    bool oom;
} actors_state;

static int add_file(const char ***files, size_t *n, const char *path)
{
    const char **grown = realloc(*files, (*n + 1) * sizeof *grown);
    if (!grown)
        return DL_EXIT_FATAL;
    grown[(*n)++] = path;
    *files = grown;
    return DL_EXIT_OK;
}

static int on_option(void *user, const char *name, const char *value)
{
    actors_state *s = user;
    if (!strcmp(name, "actors"))
        return add_file(&s->actor_files, &s->n_actor_files, value);
    if (!strcmp(name, "agents"))
        return add_file(&s->agent_files, &s->n_agent_files, value);
    return DL_EXIT_OK;
}

static dl_status print_mentions(void *user, const dl_article *article, dl_arena *arena)
{
    actors_state *s = user;
    dl_analysis an;
    dl_status st = dl_pipeline_run(&an, s->pipeline, article, arena);
    if (st)
        return st;
    const dl_mention *mentions = an.mentions;
    size_t n = an.n_mentions;
    for (size_t i = 0; i < n; i++) {
        dl_buf_clear(&s->out);
        if ((st = dl_mention_to_json(&s->out, &mentions[i], article->id)))
            return st;
        if (!dl_cli_emit(&s->out))
            return DL_ERR_IO;
    }
    return DL_OK;
}

int cmd_actors(int argc, char **argv)
{
    static const char *const extra[] = {"actors=", "agents=", NULL};
    dl_cli cli = {.command = "actors"};
    actors_state s = {0};
    s.cli = &cli;
    bool done;
    int rc = dl_cli_parse(&cli, argc, argv, usage, extra, on_option, &s, &done);
    if (rc || done)
        goto out;
    if (cli.format && strcmp(cli.format, "jsonl") != 0) {
        dl_cli_error(&cli, "--format: actors writes jsonl only");
        rc = DL_EXIT_USAGE;
        goto out;
    }
    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    ao.actor_files = s.actor_files;
    ao.n_actor_files = s.n_actor_files;
    ao.agent_files = s.agent_files;
    ao.n_agent_files = s.n_agent_files;
    if ((rc = dl_cli_open_pipeline(&cli, &s.pipeline, DL_STAGE_ACTORS, &ao, NULL)))
        goto out;
    rc = dl_cli_each_article(&cli, print_mentions, &s);
out:
    dl_pipeline_close(s.pipeline);
    dl_buf_free(&s.out);
    free(s.actor_files);
    free(s.agent_files);
    return rc;
}
