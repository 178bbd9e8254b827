/* export.c: result rows to JSONL, CSV, TSV and GDELT 2.0 event rows.
 *
 * JSONL prints each row's stored record. CSV (RFC 4180 quoting) and TSV
 * (tabs and newlines inside values become spaces) print every column but
 * the JSON, with a header line. GDELT prints events in the 61 columns of
 * the GDELT 2.0 event table, in its order, tab-separated, no header: the
 * fields dateline knows are filled, the rest left empty, so tools written
 * for GDELT read the file. Negated events are not exported as GDELT rows:
 * GDELT has no way to say "did not happen". */
#include "base/buf.h"
#include "base/actor_code.h"
#include "base/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { GDELT_COLUMNS = 61 };

void dl_export_init(dl_export *x, dl_export_format format, dl_table table,
                    int (*write)(void *out, const char *data, size_t len), void *out)
{
    memset(x, 0, sizeof *x);
    x->format = format;
    x->table = table;
    x->write = write;
    x->out = out;
}

void dl_export_free(dl_export *x) { dl_buf_free(&x->line); }

static const char *column(size_t n, const char *const *names, const char *const *values, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return values[i];
    return NULL;
}

static void csv_value(dl_buf *b, const char *v)
{
    if (!v)
        return;
    if (!strpbrk(v, ",\"\n\r")) {
        dl_buf_puts(b, v);
        return;
    }
    dl_buf_putc(b, '"');
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            dl_buf_putc(b, '"');
        dl_buf_putc(b, *p);
    }
    dl_buf_putc(b, '"');
}

static void tsv_value(dl_buf *b, const char *v)
{
    for (const char *p = v ? v : ""; *p; p++)
        dl_buf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* Is this column part of a table line? Every column but the JSON; for
 * events, the library's event columns, so `code` and `events` print the
 * same table, and from a store the row id in front (event_id: the id the
 * GDELT export and the API use for the event). */
static bool in_table(dl_table table, const char *name)
{
    if (!strcmp(name, "json"))
        return false;
    if (table != DL_TABLE_EVENTS || !strcmp(name, "event_id"))
        return true;
    /* What a deduplicated query adds (dl_query.dedup). */
    if (!strcmp(name, "story") || !strncmp(name, "num_", 4))
        return true;
    const dl_column *c;
    size_t n = dl_event_columns(&c);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(c[i].name, name))
            return true;
    return false;
}

/* One CSV or TSV line: the cells are the names for the header line, the
 * values for a row. */
static void table_line(dl_buf *b, dl_table table, size_t n, const char *const *names,
                       const char *const *cells, bool csv)
{
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        if (!in_table(table, names[i]))
            continue;
        if (!first)
            dl_buf_putc(b, csv ? ',' : '\t');
        first = false;
        if (csv)
            csv_value(b, cells[i]);
        else
            tsv_value(b, cells[i]);
    }
}

/* "ISRGOV" -> role "GOV"; a code with no country part (IGO...) gives none. */
static void role_of(const char *code, char *out, size_t size)
{
    char country[4], role[4];
    dl_code_split(code, country, role);
    snprintf(out, size, "%s", *country ? role : "");
}

static void gdelt_row(dl_export *x, size_t n, const char *const *names, const char *const *values)
{
    const char *v[GDELT_COLUMNS + 1] = {0};
    char id[24], day[9] = "", month[7] = "", year[5] = "", frac[16] = "", added[16] = "";
    char base[4] = "", r1[4], r2[4], root[3] = "";
    const char *date = column(n, names, values, "date");
    /* The event's row in the store: the same event keeps its id in every
     * export, filtered or not. */
    const char *event_id = column(n, names, values, "event_id");
    snprintf(id, sizeof id, "%s", event_id ? event_id : "");
    if (!event_id)
        snprintf(id, sizeof id, "%llu", (unsigned long long)x->rows);
    int y, mo, d;
    if (dl_date_ymd(date, &y, &mo, &d)) {
        snprintf(day, sizeof day, "%04d%02d%02d", y, mo, d);
        snprintf(month, sizeof month, "%04d%02d", y, mo);
        snprintf(year, sizeof year, "%04d", y);
        /* GDELT's FractionDate: YEAR + (MONTH * 30 + DAY) / 365 */
        snprintf(frac, sizeof frac, "%.4f", y + (mo * 30 + d) / 365.0);
        snprintf(added, sizeof added, "%s000000", day);
    } else if (date && (strlen(date) == 7 || strlen(date) == 4)) {
        /* An event dated to a month ("in May") or a year ("in 1967") has no
         * SQLDATE; MonthYear and Year say what is known. */
        snprintf(year, sizeof year, "%.4s", date);
        if (strlen(date) == 7)
            snprintf(month, sizeof month, "%.4s%.2s", date, date + 5);
        snprintf(frac, sizeof frac, "%.4f", atoi(year) + (strlen(date) == 7 ? (atoi(date + 5) * 30 + 15) / 365.0 : 0.5));
    }
    const char *cameo = column(n, names, values, "cameo");
    if (cameo)
        snprintf(base, sizeof base, "%.3s", cameo);
    const char *cr = column(n, names, values, "cameo_root");
    if (cr)
        snprintf(root, sizeof root, "%.2s", cr);
    role_of(column(n, names, values, "source_code"), r1, sizeof r1);
    role_of(column(n, names, values, "target_code"), r2, sizeof r2);
    const char *sentence = column(n, names, values, "sentence");
    v[1] = id, v[2] = day, v[3] = month, v[4] = year, v[5] = frac;
    v[6] = column(n, names, values, "source_code");
    v[7] = column(n, names, values, "source_name");
    if (!v[7])
        v[7] = column(n, names, values, "source_text");
    v[8] = column(n, names, values, "source_country");
    v[13] = r1;
    v[16] = column(n, names, values, "target_code");
    v[17] = column(n, names, values, "target_name");
    if (!v[17])
        v[17] = column(n, names, values, "target_text");
    v[18] = column(n, names, values, "target_country");
    v[23] = r2;
    v[26] = sentence && !strcmp(sentence, "0") ? "1" : "0";
    v[27] = cameo, v[28] = base, v[29] = root;
    v[30] = column(n, names, values, "quad_class");
    v[31] = column(n, names, values, "goldstein");
    /* NumMentions, NumSources, NumArticles: from a deduplicated query, the
     * event group's counts; a raw row is one mention in one article. */
    const char *nm = column(n, names, values, "num_mentions"), *ns = column(n, names, values, "num_sources"),
               *na = column(n, names, values, "num_articles");
    v[32] = nm ? nm : "1";
    v[33] = ns ? ns : "1";
    v[34] = na ? na : "1";
    v[53] = column(n, names, values, "location_text");
    /* ActionGeo: the place's kind, name, country, division and point.
     * Country and division codes are ISO (3166-1 alpha-3 and 3166-2), not
     * GDELT's FIPS. Type: 1 country, 2 US state, 3 US city, 4 world city,
     * 5 world state. */
    const char *prec = column(n, names, values, "location_precision");
    const char *geo_country = column(n, names, values, "location_country");
    bool usa = geo_country && !strcmp(geo_country, "USA");
    v[52] = !prec ? NULL : !strcmp(prec, "country") ? "1" : !strcmp(prec, "region") ? (usa ? "2" : "5")
                                                                                    : (usa ? "3" : "4");
    v[54] = geo_country;
    v[55] = column(n, names, values, "location_admin1");
    v[57] = column(n, names, values, "location_lat");
    v[58] = column(n, names, values, "location_lon");
    v[60] = added;
    v[61] = column(n, names, values, "url");
    for (int i = 1; i <= GDELT_COLUMNS; i++) {
        if (i > 1)
            dl_buf_putc(&x->line, '\t');
        tsv_value(&x->line, v[i]);
    }
}

dl_status dl_export_row(void *export_, size_t n, const char *const *names, const char *const *values)
{
    dl_export *x = export_;
    dl_buf_clear(&x->line);
    if (x->format == DL_EXPORT_JSONL) {
        const char *json = column(n, names, values, "json");
        dl_buf_puts(&x->line, json ? json : "{}");
    } else if (x->format == DL_EXPORT_GDELT) {
        const char *negated = column(n, names, values, "negated");
        const char *fact = column(n, names, values, "factuality");
        if (x->table != DL_TABLE_EVENTS || (!x->any_factuality && ((negated && strcmp(negated, "0")) ||
                                                                   (fact && strcmp(fact, "asserted")))))
            return DL_OK;
        x->rows++;
        gdelt_row(x, n, names, values);
    } else {
        bool csv = x->format == DL_EXPORT_CSV;
        if (!x->header_done) {
            table_line(&x->line, x->table, n, names, names, csv);
            dl_buf_putc(&x->line, '\n');
            x->header_done = true;
        }
        table_line(&x->line, x->table, n, names, values, csv);
    }
    if (x->format != DL_EXPORT_GDELT)
        x->rows++;
    if (dl_buf_putc(&x->line, '\n'))
        return DL_ERR_NOMEM;
    return x->write(x->out, x->line.data, x->line.len) ? DL_ERR_IO : DL_OK;
}
