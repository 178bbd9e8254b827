/* cmd_check_data.c: `dateline check-data [DIR]` checks every data file. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cmd_check_data(int argc, char **argv);

static const char usage[] =
    "usage: dateline check-data [DIR]\n"
    "\n"
    "Loads every data file in DIR (default: the data folder dateline uses;\n"
    "see --data) the way the pipeline loads it, and checks what no single\n"
    "reader can: CAMEO codes used by verb patterns, verb blocks and nominal\n"
    "frames but missing from cameo.tsv; dated actor codes that run\n"
    "backwards; actor entries defined twice; agents defined twice with\n"
    "different codes. Every problem is printed as FILE:LINE: message, then a\n"
    "summary line 'check-data: N errors, N warnings'.\n"
    "\n"
    "Exit status: 0 no problems; 1 problems were found; 2 usage error;\n"
    "3 the check could not run.\n";

int cmd_check_data(int argc, char **argv)
{
    dl_cli cli = {.command = "check-data"};
    bool done = false;
    int rc = dl_cli_parse(&cli, argc, argv, usage, NULL, NULL, NULL, &done);
    if (rc || done)
        return rc;
    if (cli.n_inputs > 1) {
        dl_cli_error(&cli, "give one data folder at most (see --help)");
        return DL_EXIT_USAGE;
    }
    const char *dir = cli.n_inputs ? cli.inputs[0] : cli.data_dir ? cli.data_dir : dl_data_dir();
    dl_data_check_counts counts;
    if (dl_data_check(dir, dl_cli_print_diag, &cli, &counts)) {
        dl_cli_error(&cli, "out of memory");
        return DL_EXIT_FATAL;
    }
    printf("check-data: %llu errors, %llu warnings in %s\n", (unsigned long long)counts.errors,
           (unsigned long long)counts.warnings, dir);
    if (!dl_cli_finish_output(&cli))
        return DL_EXIT_FATAL;
    return counts.errors || counts.warnings ? DL_EXIT_PARTIAL : DL_EXIT_OK;
}
