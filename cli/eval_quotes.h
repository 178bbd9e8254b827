/* eval_quotes.h: `dateline eval quotes DIR` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_QUOTES_H
#define DL_CLI_EVAL_QUOTES_H

/* argv[0] is "quotes"; returns an exit code. */
int dl_cli_eval_quotes(int argc, char **argv);

#endif
