/* stories.c: reading stories back from the store (`dateline stories`,
 * the API). The JSON record of each row is made by SQLite's json_object,
 * so the row and its record cannot disagree. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>

/* Runs a prepared statement, handing each row to fn. */
static dl_status each_row(dl_store *s, sqlite3_stmt *st, dl_row_fn fn, void *user)
{
    int ncol = sqlite3_column_count(st);
    const char **names = calloc((size_t)ncol + 1, sizeof *names);
    const char **values = calloc((size_t)ncol + 1, sizeof *values);
    dl_status rc = names && values ? DL_OK : DL_ERR_NOMEM;
    int step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < ncol; i++) {
            names[i] = sqlite3_column_name(st, i);
            values[i] = (const char *)sqlite3_column_text(st, i);
        }
        rc = fn(user, (size_t)ncol, names, values);
    }
    if (!rc && step != SQLITE_DONE)
        rc = dl_store_fail(s, "reading stories");
    free(names);
    free(values);
    return rc;
}

dl_status dl_store_stories(dl_store *s, const dl_query *q, dl_row_fn fn, void *user)
{
    static const dl_query none;
    if (!q)
        q = &none;
    static const char sql[] =
        "SELECT id, title, first_date, last_date, articles, duplicates, sources, events,"
        " json_object('id', id, 'title', title, 'first_date', first_date, 'last_date', last_date,"
        "   'articles', articles, 'duplicates', duplicates, 'sources', sources, 'events', events,"
        "   'mentions', mentions) AS json"
        " FROM (SELECT s.id, s.title, s.first_date, s.last_date, s.n_articles AS articles,"
        "   (SELECT count(*) FROM corpus_articles c WHERE c.story = s.id AND c.dup_of IS NOT NULL) AS duplicates,"
        "   (SELECT count(DISTINCT c.outlet) FROM corpus_articles c WHERE c.story = s.id) AS sources,"
        "   (SELECT count(*) FROM event_groups g WHERE g.story = s.id AND g.asserted = 1) AS events,"
        "   (SELECT coalesce(sum(g.num_mentions), 0) FROM event_groups g WHERE g.story = s.id"
        "      AND g.asserted = 1) AS mentions"
        "   FROM stories s"
        "   WHERE (?1 = 0 OR s.id = ?1) AND (?2 IS NULL OR coalesce(s.last_date, '') >= ?2)"
        "     AND (?3 IS NULL OR substr(coalesce(s.first_date, ''), 1, 10) <= ?3)"
        "   ORDER BY s.first_date, s.id LIMIT ?4)";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(dl_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
        return dl_store_fail(s, "reading stories");
    sqlite3_bind_int64(st, 1, q->story);
    if (q->since)
        sqlite3_bind_text(st, 2, q->since, -1, SQLITE_STATIC);
    if (q->until)
        sqlite3_bind_text(st, 3, q->until, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
    dl_status rc = each_row(s, st, fn, user);
    sqlite3_finalize(st);
    return rc;
}

dl_status dl_store_story_articles(dl_store *s, int64_t story, dl_row_fn fn, void *user)
{
    static const char sql[] =
        "SELECT a.id, a.title, a.date, a.source, c.outlet, d.id AS duplicate_of, c.dup_kind AS duplicate,"
        " json_object('story', c.story, 'id', a.id, 'title', a.title, 'date', a.date, 'source', a.source,"
        "   'outlet', c.outlet, 'duplicate_of', d.id, 'duplicate', c.dup_kind,"
        "   'similarity', round(c.dup_score, 3)) AS json"
        " FROM corpus_articles c JOIN articles a ON a.rowid = c.article"
        " LEFT JOIN articles d ON d.rowid = c.dup_of"
        " WHERE c.story = ? ORDER BY c.article";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(dl_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
        return dl_store_fail(s, "reading a story's articles");
    sqlite3_bind_int64(st, 1, story);
    dl_status rc = each_row(s, st, fn, user);
    sqlite3_finalize(st);
    return rc;
}
