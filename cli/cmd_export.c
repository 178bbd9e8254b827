/* cmd_export.c: `dateline export` writes a stored table out. */
#include "store_cli.h"

int cmd_export(int argc, char **argv);

static const char usage[] =
    "usage: dateline export [--db PATH] [--what events|articles|actors|quotes]\n"
    "                       [--format jsonl|csv|tsv|gdelt] [filters]\n"
    "\n"
    "Writes a stored table (events by default) to standard output:\n"
    "  jsonl   one record per line, as the pipeline printed it\n"
    "  csv     a header line, then one row per record (RFC 4180 quoting)\n"
    "  tsv     the same, tab-separated\n"
    "  gdelt   events only: the 61 columns of the GDELT 2.0 event table, in its\n"
    "          order, tab-separated, no header; the fields dateline knows are\n"
    "          filled, the others empty; only asserted events, unless\n"
    "          --factuality is given; one row per event, with NumMentions,\n"
    "          NumSources and NumArticles counted across the articles of its\n"
    "          story (--raw: one row per mention)\n"
    "  --dedup / --raw   one row per event, or per mention (jsonl, csv, tsv:\n"
    "          --raw by default)\n"
    "The filters of `dateline events` apply (--actor, --cameo, --factuality,\n"
    "--since, ...).\n"
    "Exit status: 0 done; 2 usage error; 3 the store could not be read.\n";

int cmd_export(int argc, char **argv)
{
    return dl_cli_store_query("export", DL_TABLE_EVENTS, usage, argc, argv);
}
