/* query.c: reading the store back: filtered events, quotes, mentions and
 * articles, and full-text search.
 *
 * Queries are built from fixed SQL pieces with every user value bound as a
 * parameter, and LIKE patterns escaped, so no input can change a query's
 * meaning. Full-text search first tries the user's text as an FTS5 query
 * (so phrases, prefixes, AND/OR/NOT and NEAR work); when FTS5 rejects it,
 * the text is searched again as plain words, each quoted, so hyphens,
 * stray quotes and operators never cause an error. */
#include "base/buf.h"
#include "store/store_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_PARAMS = 32 };

typedef struct sql_builder {
    dl_buf sql;
    dl_buf values[MAX_PARAMS]; /* bound text values */
    int n;
    bool failed;
} sql_builder;

static void add(sql_builder *b, const char *piece)
{
    if (dl_buf_puts(&b->sql, piece))
        b->failed = true;
}

/* Binds a text value: "?" in the next piece refers to it. mode: 0 as is,
 * 'p' prefix pattern (v%), 's' substring pattern (%v%), both LIKE-escaped;
 * 'w' whole-words pattern (% w1 w2 %): the value's punctuation becomes
 * single spaces, to be matched against a column normalised by WORDS(). */
static void param(sql_builder *b, const char *v, char mode)
{
    if (b->n == MAX_PARAMS) {
        b->failed = true;
        return;
    }
    dl_buf *out = &b->values[b->n++];
    if (mode == 'w') {
        /* "Mark Esper" -> "% mark esper %": ASCII punctuation and runs of
         * space fold to one space, as in the column. */
        if (dl_buf_puts(out, "% "))
            b->failed = true;
        bool space = true;
        for (const char *p = v; *p; p++) {
            unsigned char ch = (unsigned char)*p;
            bool sep = ch < 0x80 && !isalnum(ch);
            if (sep) {
                if (!space && dl_buf_putc(out, ' '))
                    b->failed = true;
                space = true;
                continue;
            }
            space = false;
            if (dl_buf_putc(out, (char)tolower(ch)))
                b->failed = true;
        }
        if ((!space && dl_buf_putc(out, ' ')) || dl_buf_putc(out, '%'))
            b->failed = true;
        /* No word at all ("%", "--"): the empty pattern, which no
         * normalised column (at least two spaces) matches. */
        if (out->len == 3)
            dl_buf_clear(out);
        return;
    }
    if (mode == 's' && dl_buf_putc(out, '%'))
        b->failed = true;
    for (const char *p = v; *p; p++) {
        if (mode && (*p == '%' || *p == '_' || *p == '\\'))
            dl_buf_putc(out, '\\');
        if (dl_buf_putc(out, *p))
            b->failed = true;
    }
    if (mode && dl_buf_putc(out, '%'))
        b->failed = true;
    if (!out->data && dl_buf_puts(out, ""))
        b->failed = true;
}

static void builder_free(sql_builder *b)
{
    dl_buf_free(&b->sql);
    for (int i = 0; i < b->n; i++)
        dl_buf_free(&b->values[i]);
}

/* A text column as " word word ": the ASCII punctuation that separates
 * words in names (". , ' - ( ) / : ;" and quotation marks, straight and
 * curly apostrophe) becomes space, so "Esper's" holds the word "esper".
 * Runs of space are left: the pattern's words are single-spaced, so a
 * name written with two spaces between words misses a two-word query. */
#define WORDS(col)                                                                                           \
    "(' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(" col \
    ", ''), '.', ' '), ',', ' '), '''', ' '), '-', ' '), '(', ' '), ')', ' '), '\"', ' '), ':', ' '),"     \
    " ';', ' '), 'â', ' ') || ' ')"

/* "ISR" matches codes by prefix; "Gallant" matches names by part. */
static void actor_filter(sql_builder *b, const char *col_code, const char *col_name, const char *v)
{
    dl_buf piece = DL_BUF_INIT;
    dl_buf_printf(&piece, " AND (%s LIKE ? ESCAPE '\\' OR %s LIKE ? ESCAPE '\\')", col_code, col_name);
    add(b, piece.data);
    dl_buf_free(&piece);
    param(b, v, 'p');
    param(b, v, 's');
}

static void date_filter(sql_builder *b, const char *col, const dl_query *q)
{
    if (q->since) {
        add(b, " AND ");
        add(b, col);
        add(b, " >= ?");
        param(b, q->since, 0);
    }
    if (q->until) {
        add(b, " AND substr(");
        add(b, col);
        add(b, ",1,10) <= ?");
        param(b, q->until, 0);
    }
}

static void limit(sql_builder *b, const dl_query *q)
{
    if (q->limit > 0) {
        char tmp[48];
        snprintf(tmp, sizeof tmp, " LIMIT %lld", (long long)q->limit);
        add(b, tmp);
    }
}

/* The event table's columns (the library's one list), then what the
 * store adds: the row id, the article's URL and title, the JSON. */
static void event_columns(sql_builder *b)
{
    const dl_column *c;
    size_t n = dl_event_columns(&c);
    add(b, "SELECT e.rowid AS event_id");
    for (size_t i = 0; i < n; i++) {
        add(b, !strcmp(c[i].name, "article") ? ", a.id AS " : ", e.");
        add(b, c[i].name);
    }
    add(b, ", a.source AS url, a.title, e.json FROM events e JOIN articles a ON a.rowid = e.article WHERE 1");
}

static void build(sql_builder *b, dl_table table, const dl_query *q)
{
    switch (table) {
    case DL_TABLE_EVENTS:
        event_columns(b);
        if (q->actor) {
            add(b, " AND (e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\'"
                   " OR e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\')");
            param(b, q->actor, 'p');
            param(b, q->actor, 'p');
            param(b, q->actor, 's');
            param(b, q->actor, 's');
        }
        if (q->source)
            actor_filter(b, "e.source_code", "e.source_name", q->source);
        if (q->target)
            actor_filter(b, "e.target_code", "e.target_name", q->target);
        if (q->cameo) {
            add(b, " AND e.cameo LIKE ? ESCAPE '\\'");
            param(b, q->cameo, 'p');
        }
        if (q->plover) {
            add(b, " AND e.plover = upper(?)");
            param(b, q->plover, 0);
        }
        if (q->country) {
            add(b, " AND (e.source_country = upper(?) OR e.target_country = upper(?)"
                   " OR e.location_country = upper(?))");
            param(b, q->country, 0);
            param(b, q->country, 0);
            param(b, q->country, 0);
        }
        date_filter(b, "e.date", q);
        if (q->cursor) {
            /* Keyset pagination: the rows after the cursor's event in the
             * order below (a missing date sorts first, as NULL does). */
            add(b, " AND (coalesce(e.date, ''), e.article, e.sentence, e.rowid) >"
                   " (SELECT coalesce(c.date, ''), c.article, c.sentence, c.rowid FROM events c"
                   " WHERE c.rowid = CAST(? AS INTEGER))");
            param(b, q->cursor, 0);
        }
        add(b, " ORDER BY e.date, a.rowid, e.sentence, e.rowid");
        break;
    case DL_TABLE_QUOTES:
        add(b, "SELECT a.id AS article, a.date, q.sentence, q.speaker, q.speaker_name, q.speaker_code,"
               " q.cue, q.text, q.direct, a.source AS url, q.json"
               " FROM quotes q JOIN articles a ON a.rowid = q.article WHERE 1");
        if (q->speaker) {
            /* Whole words of the name or of the speaker as written, so
             * "Esper" finds Mark Esper and not "the spokesperson"; or a
             * code prefix ("USAGOV"). The pattern has no % or _ of its
             * own (punctuation became spaces), so it needs no ESCAPE. */
            add(b, " AND (" WORDS("q.speaker_name") " LIKE ? OR " WORDS("q.speaker") " LIKE ?"
                   " OR q.speaker_code LIKE ? ESCAPE '\\')");
            param(b, q->speaker, 'w');
            param(b, q->speaker, 'w');
            param(b, q->speaker, 'p');
        }
        date_filter(b, "a.date", q);
        add(b, " ORDER BY a.date, a.rowid, q.rowid");
        break;
    case DL_TABLE_ACTORS:
        add(b, "SELECT a.id AS article, a.date, m.sentence, m.start, m.end, m.text, m.code, m.country,"
               " m.role, m.name, m.kind, m.json"
               " FROM mentions m JOIN articles a ON a.rowid = m.article WHERE 1");
        if (q->actor)
            actor_filter(b, "m.code", "m.name", q->actor);
        if (q->country) {
            add(b, " AND m.country = upper(?)");
            param(b, q->country, 0);
        }
        date_filter(b, "a.date", q);
        add(b, " ORDER BY a.rowid, m.start");
        break;
    case DL_TABLE_ARTICLES:
        add(b, "SELECT a.id, a.source, a.title, a.dateline, a.byline, a.date, a.body, a.json"
               " FROM articles a WHERE 1");
        date_filter(b, "a.date", q);
        add(b, " ORDER BY a.rowid");
        break;
    case DL_TABLE_TOP_ACTORS:
        add(b, "SELECT coalesce(m.name, m.text) AS actor, m.code, count(*) AS mentions"
               " FROM mentions m JOIN articles a ON a.rowid = m.article"
               " WHERE m.code IS NOT NULL AND coalesce(m.kind, '') <> 'media'");
        date_filter(b, "a.date", q);
        add(b, " GROUP BY m.code, coalesce(m.name, m.code) ORDER BY mentions DESC, m.code");
        break;
    case DL_TABLE_TOP_EVENTS:
        add(b, "SELECT e.cameo, e.plover, count(*) AS events"
               " FROM events e WHERE e.negated = 0");
        date_filter(b, "e.date", q);
        add(b, " GROUP BY e.cameo ORDER BY events DESC, e.cameo");
        break;
    case DL_TABLE_SEARCH:
        add(b, "SELECT a.id, a.title, a.date, a.source,"
               " round(-bm25(articles_fts, 10.0, 1.0), 4) AS score,"
               " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, a.json"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ?");
        param(b, q->text ? q->text : "", 0);
        date_filter(b, "a.date", q);
        add(b, " ORDER BY score DESC");
        break;
    }
    limit(b, q);
}

/* Plain words, each quoted: what a search box user meant. A trailing '*'
 * keeps prefix search. */
static void plain_query(const char *text, dl_buf *out)
{
    const char *p = text;
    while (*p) {
        while (*p && (isspace((unsigned char)*p) || *p == '"'))
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - b);
        bool prefix = n > 1 && b[n - 1] == '*';
        if (prefix)
            n--;
        if (out->len)
            dl_buf_putc(out, ' ');
        dl_buf_putc(out, '"');
        for (size_t i = 0; i < n; i++) {
            if (b[i] == '"')
                dl_buf_putc(out, '"');
            dl_buf_putc(out, b[i]);
        }
        dl_buf_putc(out, '"');
        if (prefix)
            dl_buf_putc(out, '*');
    }
    if (!out->len)
        dl_buf_puts(out, "\"\"");
}

static dl_status run(dl_store *s, sql_builder *b, dl_row_fn fn, void *user, bool *syntax_error)
{
    sqlite3 *db = dl_store_db(s);
    sqlite3_stmt *st;
    *syntax_error = false;
    if (sqlite3_prepare_v2(db, b->sql.data, -1, &st, NULL) != SQLITE_OK)
        return dl_store_fail(s, "preparing a query");
    for (int i = 0; i < b->n; i++)
        sqlite3_bind_text(st, i + 1, b->values[i].data, (int)b->values[i].len, SQLITE_STATIC);
    int ncol = sqlite3_column_count(st);
    const char **names = calloc((size_t)ncol, sizeof *names);
    const char **values = calloc((size_t)ncol, sizeof *values);
    dl_status rc = names && values ? DL_OK : DL_ERR_NOMEM;
    int step;
    bool first = true;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        /* Column names may move when the first step re-prepares the
         * statement: read them after it. */
        if (first)
            for (int i = 0; i < ncol; i++)
                names[i] = sqlite3_column_name(st, i);
        first = false;
        for (int i = 0; i < ncol; i++)
            values[i] = (const char *)sqlite3_column_text(st, i);
        rc = fn(user, (size_t)ncol, names, values);
    }
    if (!rc && step != SQLITE_DONE) {
        /* A query FTS5 cannot read fails on the first step, with messages
         * as varied as "fts5: syntax error" and "no such column". */
        *syntax_error = first;
        rc = dl_store_fail(s, "running a query");
    }
    free(names);
    free(values);
    sqlite3_finalize(st);
    return rc;
}

dl_status dl_store_query_wrapped(dl_store *s, dl_table table, const dl_query *q, const char *prefix,
                                 const char *suffix, const char *const *extra, int n_extra, dl_row_fn fn,
                                 void *user)
{
    static const dl_query none;
    sql_builder b = {0};
    add(&b, prefix);
    build(&b, table, q ? q : &none);
    add(&b, suffix);
    for (int i = 0; i < n_extra; i++)
        param(&b, extra[i], 0);
    dl_status rc = b.failed ? DL_ERR_NOMEM : DL_OK;
    bool syntax = false;
    if (!rc)
        rc = run(s, &b, fn, user, &syntax);
    builder_free(&b);
    return rc;
}

dl_status dl_store_query(dl_store *s, dl_table table, const dl_query *q, dl_row_fn fn, void *user)
{
    static const dl_query none;
    if (!q)
        q = &none;
    sql_builder b = {0};
    build(&b, table, q);
    dl_status rc = b.failed ? DL_ERR_NOMEM : DL_OK;
    bool syntax = false;
    if (!rc)
        rc = run(s, &b, fn, user, &syntax);
    if (rc == DL_ERR_DB && syntax && table == DL_TABLE_SEARCH) {
        dl_buf_clear(&b.values[0]);
        plain_query(q->text ? q->text : "", &b.values[0]);
        rc = run(s, &b, fn, user, &syntax);
    }
    builder_free(&b);
    return rc;
}
