/* event_columns.c: the event table's columns, listed once. The store's
 * schema, its inserts and its queries, and the CSV and TSV rows of `code`
 * and `events`, are all made from this one list, so they cannot disagree.
 * Adding a field to the table is adding a row here and a case in
 * dl_event_values(); stores made before gain the column when opened. */
#include "dateline.h"
#include "base/actor_code.h"

#include <stdio.h>
#include <string.h>

static const dl_column event_columns[] = {
    {"article", "TEXT"},          {"sentence", "INTEGER"},      {"date", "TEXT"},
    {"source_text", "TEXT"},      {"source_code", "TEXT"},      {"source_name", "TEXT"},
    {"source_country", "TEXT"},   {"target_text", "TEXT"},      {"target_code", "TEXT"},
    {"target_name", "TEXT"},      {"target_country", "TEXT"},   {"cameo", "TEXT"},
    {"cameo_root", "TEXT"},       {"quad_class", "INTEGER"},    {"goldstein", "REAL"},
    {"plover", "TEXT"},           {"plover_mode", "TEXT"},      {"location_text", "TEXT"},
    {"location_country", "TEXT"}, {"location_name", "TEXT"},    {"location_admin1", "TEXT"},
    {"location_lat", "REAL"},     {"location_lon", "REAL"},     {"location_precision", "TEXT"},
    {"date_precision", "TEXT"},   {"date_basis", "TEXT"},
    {"negated", "INTEGER"},       {"verb", "TEXT"},             {"pattern", "TEXT"},
    {"sentence_text", "TEXT"},    {"factuality", "TEXT"},
};

enum { N_EVENT_COLUMNS = sizeof event_columns / sizeof *event_columns };
_Static_assert(N_EVENT_COLUMNS <= sizeof ((dl_event_cells *)0)->cell / sizeof ((dl_event_cells *)0)->cell[0],
               "dl_event_cells has a cell for every column");

size_t dl_event_columns(const dl_column **columns)
{
    *columns = event_columns;
    return N_EVENT_COLUMNS;
}

/* The country part of an actor: the coder's own, else the code's. */
static const char *country(const dl_event_actor *a, char *cell, size_t size)
{
    if (a->country)
        return a->country;
    char c[4], r[4];
    dl_code_split(a->code, c, r);
    if (!*c)
        return NULL;
    snprintf(cell, size, "%s", c);
    return cell;
}

void dl_event_values(const dl_event *e, const char *article, dl_event_cells *cells,
                     const char **values)
{
    for (size_t i = 0; i < N_EVENT_COLUMNS; i++) {
        const char *name = event_columns[i].name, *v = NULL;
        char *cell = cells->cell[i];
        size_t size = sizeof cells->cell[i];
        if (!strcmp(name, "article"))
            v = article;
        else if (!strcmp(name, "sentence"))
            snprintf(cell, size, "%u", e->sentence), v = cell;
        else if (!strcmp(name, "date"))
            v = e->date;
        else if (!strcmp(name, "date_precision"))
            v = e->date_precision;
        else if (!strcmp(name, "date_basis"))
            v = e->date_basis;
        else if (!strcmp(name, "source_text"))
            v = e->source.text;
        else if (!strcmp(name, "source_code"))
            v = e->source.code;
        else if (!strcmp(name, "source_name"))
            v = e->source.name;
        else if (!strcmp(name, "source_country"))
            v = country(&e->source, cell, size);
        else if (!strcmp(name, "target_text"))
            v = e->target.text;
        else if (!strcmp(name, "target_code"))
            v = e->target.code;
        else if (!strcmp(name, "target_name"))
            v = e->target.name;
        else if (!strcmp(name, "target_country"))
            v = country(&e->target, cell, size);
        else if (!strcmp(name, "cameo"))
            v = e->cameo;
        else if (!strcmp(name, "cameo_root"))
            v = e->cameo_root;
        else if (!strcmp(name, "quad_class"))
            snprintf(cell, size, "%d", e->quad_class), v = cell;
        else if (!strcmp(name, "goldstein"))
            snprintf(cell, size, "%.1f", e->goldstein), v = cell;
        else if (!strcmp(name, "plover"))
            v = e->plover;
        else if (!strcmp(name, "plover_mode"))
            v = e->plover_mode;
        else if (!strcmp(name, "location_text"))
            v = e->location_text;
        else if (!strcmp(name, "location_country"))
            v = e->location_country;
        else if (!strcmp(name, "location_name"))
            v = e->location_name;
        else if (!strcmp(name, "location_admin1"))
            v = e->location_admin1;
        else if (!strcmp(name, "location_lat") && e->location_text && e->location_has_coords)
            snprintf(cell, size, "%.4f", e->location_lat), v = cell;
        else if (!strcmp(name, "location_lon") && e->location_text && e->location_has_coords)
            snprintf(cell, size, "%.4f", e->location_lon), v = cell;
        else if (!strcmp(name, "location_precision"))
            v = e->location_precision;
        else if (!strcmp(name, "negated"))
            v = e->negated ? "1" : "0";
        else if (!strcmp(name, "verb"))
            v = e->verb;
        else if (!strcmp(name, "pattern"))
            v = e->pattern;
        else if (!strcmp(name, "sentence_text"))
            v = e->sentence_text;
        else if (!strcmp(name, "factuality"))
            v = e->factuality ? e->factuality : e->negated ? "negated" : "asserted";
        values[i] = v;
    }
}
