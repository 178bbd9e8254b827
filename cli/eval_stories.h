/* eval_stories.h: `dateline eval stories GOLD` (wired in by cmd_eval.c). */
#ifndef DL_CLI_EVAL_STORIES_H
#define DL_CLI_EVAL_STORIES_H

/* argv[0] is "stories"; returns an exit code. */
int dl_cli_eval_stories(int argc, char **argv);

#endif
