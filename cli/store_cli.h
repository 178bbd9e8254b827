/* store_cli.h: the commands that read a store share their options and
 * output: `events`, `search`, `export`, and `quotes --db`. */
#ifndef DL_STORE_CLI_H
#define DL_STORE_CLI_H

#include "dateline.h"

/* Runs a query command: parses argv (after the command name) for --db and
 * the filters in `filters` (a string of letters, see store_cli.c), queries
 * `table` and prints rows in --format (jsonl by default). Returns an exit
 * code. */
int dl_cli_store_query(const char *command, dl_table table, const char *usage, int argc, char **argv);

/* The store path: --db, else $DATELINE_DB, else "dateline.db". */
const char *dl_cli_default_db(void);

#endif
