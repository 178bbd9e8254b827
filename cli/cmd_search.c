/* cmd_search.c: `dateline search` finds stored articles by their words. */
#include "store_cli.h"

int cmd_search(int argc, char **argv);

static const char usage[] =
    "usage: dateline search [--db PATH] [--since D] [--until D] [--limit N] QUERY...\n"
    "\n"
    "Full-text search over stored articles (SQLite FTS5), best first (BM25, the\n"
    "title weighs ten times the body; higher scores match better). Prints id,\n"
    "title, date, source, score and a snippet with the matches in [brackets].\n"
    "The query may use FTS5 syntax:\n"
    "  \"exact phrase\"   prefix*   a AND b   a OR b   a NOT b   NEAR(a b, 5)\n"
    "Any other text is searched as plain words, so hyphens, quotes and stray\n"
    "operators never cause an error.\n"
    "Exit status: 0 done; 2 usage error; 3 the store could not be read.\n";

int cmd_search(int argc, char **argv)
{
    return dl_cli_store_query("search", DL_TABLE_SEARCH, usage, argc, argv);
}
