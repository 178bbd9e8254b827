/* eval_events.h: `dateline eval events DIR` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_EVENTS_H
#define DL_CLI_EVAL_EVENTS_H

/* argv[0] is "events"; returns an exit code. */
int dl_cli_eval_events(int argc, char **argv);

#endif
