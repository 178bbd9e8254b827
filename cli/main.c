/* main.c: `dateline <command>`: finds the command and hands it argv.
 *
 * Each subcommand lives in cli/cmd_<name>.c and defines
 * int cmd_<name>(int argc, char **argv). They are declared weak here, so
 * the table lists exactly the commands that are built in. A command's C
 * name writes '-' as '_' (check_data is `dateline check-data`). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define COMMANDS(X)                                                                    \
    X(clean, "split raw news into clean articles")                                     \
    X(parse, "sentences, tokens, lemmas, tags and chunks")                             \
    X(actors, "actor mentions, coded and resolved")                                    \
    X(quotes, "quotes and their speakers (or stored quotes with --db)")                \
    X(code, "political events in CAMEO and PLOVER")                                    \
    X(ingest, "run the whole pipeline into a store")                                   \
    X(events, "query stored events")                                                   \
    X(search, "full-text search of stored articles")                                   \
    X(export, "export the store as JSONL, CSV or GDELT TSV")                           \
    X(stories, "stored stories: articles about one happening, with their copies")     \
    X(merge, "merge SQLite stores (the shards of a sharded ingest)")                  \
    X(worker, "store articles from a Redis Stream, continuously")                     \
    X(enqueue, "push documents to a Redis Stream for workers")                        \
    X(serve, "HTTP API and dashboard over a store")                                    \
    X(validate, "code PETRARCH validation records and score them")                     \
    X(eval, "score the pipeline against gold data")                                    \
    X(check_data, "check every data file: malformed lines, unknown codes, duplicates")  \
    X(train, "train the tagger or the dependency parser on CoNLL-U files")

#define DECLARE(name, help) int cmd_##name(int argc, char **argv) __attribute__((weak));
COMMANDS(DECLARE)

typedef struct command {
    const char *name, *help;
    int (*fn)(int, char **);
} command;

/* The command as users type it: check_data -> check-data. */
static void spelled(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s", name);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

static int usage(FILE *to, const command *cmds, size_t n)
{
    fprintf(to, "usage: dateline <command> [options] [FILE|DIR|-]...\n\n"
                "dateline turns raw news into a structured, explained record of who did or\n"
                "said what to whom, when and where.\n\nCommands:\n");
    for (size_t i = 0; i < n; i++)
        if (cmds[i].fn) {
            char name[32];
            spelled(name, sizeof name, cmds[i].name);
            fprintf(to, "  %-10s %s\n", name, cmds[i].help);
        }
    fprintf(to, "\n'dateline <command> --help' tells more. Version " DL_VERSION ".\n");
    return to == stdout ? DL_EXIT_OK : DL_EXIT_USAGE;
}

int main(int argc, char **argv)
{
#define ENTRY(name, help) {#name, help, cmd_##name},
    static const command cmds[] = {COMMANDS(ENTRY)};
    size_t n = sizeof cmds / sizeof *cmds;
    static char out_buf[1 << 16];
    setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
    if (argc < 2)
        return usage(stderr, cmds, n);
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help"))
        return usage(stdout, cmds, n);
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("dateline %s\n", dl_version());
        return DL_EXIT_OK;
    }
    for (size_t i = 0; i < n; i++) {
        char name[32];
        spelled(name, sizeof name, cmds[i].name);
        if (cmds[i].fn && !strcmp(argv[1], name))
            return cmds[i].fn(argc - 1, argv + 1);
    }
    fprintf(stderr, "dateline: unknown command '%s' (see dateline --help)\n", argv[1]);
    return DL_EXIT_USAGE;
}
