/* cmd_events.c: `dateline events` queries stored events. */
#include "store_cli.h"

int cmd_events(int argc, char **argv);

static const char usage[] =
    "usage: dateline events [--db PATH] [filters] [--format jsonl|csv|tsv|gdelt]\n"
    "\n"
    "Prints the events stored by `dateline ingest`, oldest first, one record per\n"
    "line. Filters (all optional, combined with AND):\n"
    "  --actor X      source or target: code prefix (ISR, USAGOV) or name part (Gallant)\n"
    "  --source X     the source only        --target X   the target only\n"
    "  --cameo P      CAMEO code prefix (19, 195)\n"
    "  --plover T     PLOVER event type (ASSAULT)\n"
    "  --country C    ISO alpha-3 of the source, target or place (ISR)\n"
    "  --factuality F asserted, negated, hypothetical, future, embedded,\n"
    "                 disputed or all (default: all; see ANNOTATION.md)\n"
    "  --since D, --until D   dates, YYYY-MM-DD, inclusive\n"
    "  --limit N, -n N        at most N events\n"
    "  --dedup        one record per event: mentions of the same event (same\n"
    "                 source, target, CAMEO root and place, a day apart at most,\n"
    "                 in one story) are counted in its story, num_mentions,\n"
    "                 num_articles and num_sources fields\n"
    "  --raw          every mention as coded (the default)\n"
    "The store is --db, else $DATELINE_DB, else ./dateline.db.\n"
    "Exit status: 0 done; 2 usage error; 3 the store could not be read.\n";

int cmd_events(int argc, char **argv)
{
    return dl_cli_store_query("events", DL_TABLE_EVENTS, usage, argc, argv);
}
