/* eval_when_where.h: `dateline eval when-where DIR` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_WHEN_WHERE_H
#define DL_CLI_EVAL_WHEN_WHERE_H

/* argv[0] is "when-where"; returns an exit code. */
int dl_cli_eval_when_where(int argc, char **argv);

#endif
