/* eval_extract.h: `dateline eval extract DIR` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_EXTRACT_H
#define DL_CLI_EVAL_EXTRACT_H

/* argv[0] is "extract"; returns an exit code. */
int dl_cli_eval_extract(int argc, char **argv);

/* `dateline eval dumps DIR`: argv[0] is "dumps". */
int dl_cli_eval_dumps(int argc, char **argv);

#endif
