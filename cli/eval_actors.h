/* eval_actors.h: `dateline eval actors` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_ACTORS_H
#define DL_CLI_EVAL_ACTORS_H

int dl_cli_eval_actors(int argc, char **argv);

#endif
