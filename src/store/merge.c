/* merge.c: sharded runs: which shard an article belongs to, and merging
 * one SQLite store (a shard) into another.
 *
 * The merge works on the schema as it finds it rather than on a list of
 * tables, so tables other modules add later merge too: every table of the
 * input that has a foreign key to articles(rowid) is copied, with that
 * column renumbered to the article's row in the output. Articles are
 * matched by content key, the store's identity for an article, so merging
 * a file twice, or two shards that overlap, stores each article once. A
 * table that cannot be renumbered this way (no reference to articles, or
 * references to other tables too) is left out and reported, never copied
 * blindly, because copying it could double its rows on a second merge. */
#include "base/buf.h"
#include "base/hash.h"
#include "store/store_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The seed is the one store.c's content key uses: the shard and the key
 * come from the same hash of the body. */
unsigned dl_store_shard(const dl_article *a, unsigned n)
{
    if (n <= 1)
        return 0;
    uint64_t h = dl_hash64(a->body, a->body_len, 0x64617465);
    return (unsigned)(h % n);
}

typedef struct merge {
    dl_store *store;
    sqlite3 *db;
    dl_diag_fn diag;
    void *user;
    const char *path;
    dl_merge_stats stats;
} merge;

static void warn(merge *m, const char *fmt, const char *table, const char *other)
{
    if (!m->diag)
        return;
    char message[512];
    snprintf(message, sizeof message, fmt, table, other ? other : "");
    dl_diag d = {DL_WARNING, DL_OK, m->path, 0, 0, message};
    m->diag(m->user, &d);
}

static dl_status exec(merge *m, const char *sql, const char *what)
{
    return sqlite3_exec(m->db, sql, NULL, NULL, NULL) == SQLITE_OK ? DL_OK : dl_store_fail(m->store, what);
}

/* One integer from a query (0 when it returns no row). */
static dl_status query_int(merge *m, const char *sql, int64_t *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(m->db, sql, -1, &st, NULL) != SQLITE_OK)
        return dl_store_fail(m->store, "merging");
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DL_OK : dl_store_fail(m->store, "merging");
}

/* The columns of schema.table that both databases have, as a quoted,
 * comma-separated list, leaving out the rowid alias (an INTEGER PRIMARY
 * KEY), which the output numbers itself. With select_as set, the column
 * named `renumber` is written as that expression and the rest get the
 * prefix "t.". Returns the number of columns. */
static int common_columns(merge *m, const char *table, dl_buf *out, const char *renumber, const char *as)
{
    sqlite3_stmt *st;
    int n = 0;
    const char *sql = "SELECT s.name FROM pragma_table_info(?1, 'src') s"
                      " JOIN pragma_table_info(?1, 'main') o ON o.name = s.name"
                      " WHERE NOT (s.pk = 1 AND upper(s.type) = 'INTEGER'"
                      "  AND (SELECT count(*) FROM pragma_table_info(?1, 'src') WHERE pk > 0) = 1)"
                      " ORDER BY s.cid";
    if (sqlite3_prepare_v2(m->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        char *q = sqlite3_mprintf("\"%w\"", name);
        if (!q)
            break;
        if (n++)
            dl_buf_puts(out, ",");
        if (as && renumber && !strcmp(name, renumber))
            dl_buf_puts(out, as);
        else {
            if (as)
                dl_buf_puts(out, "t.");
            dl_buf_puts(out, q);
        }
        sqlite3_free(q);
    }
    sqlite3_finalize(st);
    return n;
}

/* Copies the rows of one table that hang off the articles just added,
 * renumbering its reference to articles. */
static dl_status copy_children(merge *m, const char *table, const char *fk)
{
    dl_buf cols = {0}, sel = {0}, sql = {0};
    dl_status st = DL_OK;
    if (common_columns(m, table, &cols, NULL, NULL) <= 0 ||
        common_columns(m, table, &sel, fk, "map.new") <= 0) {
        warn(m, "table %s: no columns in common with the output store; not merged%s", table, NULL);
        goto done;
    }
    char *from = sqlite3_mprintf(" FROM src.\"%w\" t JOIN temp.dl_merge_map map ON t.\"%w\" = map.old"
                                 " ORDER BY map.new", table, fk);
    char *into = sqlite3_mprintf("INSERT INTO main.\"%w\"(", table);
    if (!from || !into) {
        sqlite3_free(from);
        sqlite3_free(into);
        st = DL_ERR_NOMEM;
        goto done;
    }
    dl_buf_puts(&sql, into);
    dl_buf_puts(&sql, cols.data);
    dl_buf_puts(&sql, ") SELECT ");
    dl_buf_puts(&sql, sel.data);
    dl_buf_puts(&sql, from);
    sqlite3_free(from);
    sqlite3_free(into);
    if ((st = exec(m, sql.data, "merging a table")))
        goto done;
    m->stats.rows += sqlite3_changes64(m->db);
done:
    dl_buf_free(&cols);
    dl_buf_free(&sel);
    dl_buf_free(&sql);
    return st;
}

/* Is table a virtual table of the input, or one of the tables SQLite
 * keeps behind one (named after it: articles_fts_data, ...)? */
static bool virtual_or_shadow(merge *m, const char *table)
{
    sqlite3_stmt *st;
    bool yes = false;
    if (sqlite3_prepare_v2(m->db,
                           "SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
                           " AND (name = ?1 OR substr(?1, 1, length(name) + 1) = name || '_')",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* Every table of the input but articles and meta: merged when it
 * references articles and nothing else, else reported. */
static dl_status copy_tables(merge *m)
{
    sqlite3_stmt *tables;
    dl_status st = DL_OK;
    if (sqlite3_prepare_v2(m->db,
                           "SELECT name FROM src.sqlite_master WHERE type = 'table'"
                           " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('articles', 'meta') ORDER BY name",
                           -1, &tables, NULL) != SQLITE_OK)
        return dl_store_fail(m->store, "listing the tables to merge");
    while (!st && sqlite3_step(tables) == SQLITE_ROW) {
        char table[256];
        snprintf(table, sizeof table, "%s", (const char *)sqlite3_column_text(tables, 0));
        if (virtual_or_shadow(m, table))
            continue;
        int64_t in_main = 0;
        char *sql = sqlite3_mprintf("SELECT count(*) FROM main.sqlite_master WHERE type='table' AND name=%Q",
                                    table);
        if (!sql || (st = query_int(m, sql, &in_main))) {
            sqlite3_free(sql);
            st = st ? st : DL_ERR_NOMEM;
            break;
        }
        sqlite3_free(sql);
        if (!in_main) {
            warn(m, "table %s is not in the output store (made by another dateline?); not merged%s", table,
                 NULL);
            continue;
        }
        /* Its references: to articles (the one column to renumber) and to
         * anything else (which this merge cannot renumber). */
        sqlite3_stmt *fks;
        if (sqlite3_prepare_v2(m->db, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?1, 'src')", -1,
                               &fks, NULL) != SQLITE_OK) {
            st = dl_store_fail(m->store, "reading a table's references");
            break;
        }
        sqlite3_bind_text(fks, 1, table, -1, SQLITE_TRANSIENT);
        char fk[256] = "", other[256] = "";
        int to_articles = 0;
        while (sqlite3_step(fks) == SQLITE_ROW) {
            const char *to = (const char *)sqlite3_column_text(fks, 0);
            const char *from = (const char *)sqlite3_column_text(fks, 1);
            if (to && from && !strcmp(to, "articles")) {
                to_articles++;
                snprintf(fk, sizeof fk, "%s", from);
            } else if (to) {
                snprintf(other, sizeof other, "%s", to);
            }
        }
        sqlite3_finalize(fks);
        if (to_articles != 1 || other[0]) {
            if (other[0])
                warn(m, "table %s references %s, which merge cannot renumber; not merged", table, other);
            else
                warn(m, "table %s has %s one reference to articles; not merged", table,
                     to_articles ? "more than" : "not even");
            continue;
        }
        st = copy_children(m, table, fk);
    }
    sqlite3_finalize(tables);
    return st;
}

static dl_status merge_attached(merge *m)
{
    dl_status st;
    int64_t before = 0, in_articles = 0;
    if ((st = query_int(m, "SELECT coalesce(max(rowid), 0) FROM main.articles", &before)) ||
        (st = query_int(m, "SELECT count(*) FROM src.articles", &in_articles)))
        return st;
    dl_buf cols = {0}, sql = {0};
    if (common_columns(m, "articles", &cols, NULL, NULL) <= 0) {
        dl_buf_free(&cols);
        return dl_store_fail(m->store, "reading the articles' columns");
    }
    /* In the input's order, so a merge of one store into an empty one
     * numbers its articles as the input did. */
    dl_buf_printf(&sql,
                  "INSERT INTO main.articles(%s) SELECT %s FROM src.articles"
                  " WHERE content_key NOT IN (SELECT content_key FROM main.articles) ORDER BY rowid",
                  cols.data, cols.data);
    st = exec(m, sql.data, "merging articles");
    dl_buf_free(&cols);
    dl_buf_free(&sql);
    if (st)
        return st;
    m->stats.articles = sqlite3_changes64(m->db);
    m->stats.skipped = in_articles - m->stats.articles;
    if (!m->stats.articles)
        return DL_OK;
    char map[512];
    snprintf(map, sizeof map,
             "CREATE TEMP TABLE dl_merge_map(old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
             "INSERT INTO temp.dl_merge_map SELECT s.rowid, o.rowid FROM src.articles s"
             " JOIN main.articles o ON o.content_key = s.content_key WHERE o.rowid > %lld;"
             "INSERT INTO main.articles_fts(rowid, title, body)"
             " SELECT rowid, title, body FROM main.articles WHERE rowid > %lld;",
             (long long)before, (long long)before);
    if ((st = exec(m, map, "mapping merged articles")))
        return st;
    st = copy_tables(m);
    sqlite3_exec(m->db, "DROP TABLE IF EXISTS temp.dl_merge_map", NULL, NULL, NULL);
    return st;
}

dl_status dl_store_merge(dl_store *store, const char *in_path, dl_merge_stats *stats, dl_diag_fn diag,
                         void *user)
{
    merge m = {.store = store, .db = dl_store_db(store), .diag = diag, .user = user, .path = in_path};
    if (stats)
        *stats = (dl_merge_stats){0};
    /* The input must be a dateline store of this version: opening it the
     * way readers do says so, and why not, through the same sink. */
    dl_store *in = NULL;
    dl_status st = dl_store_open_readonly(&in, in_path, diag, user);
    if (st)
        return st;
    dl_store_close(in);
    sqlite3_stmt *attach;
    if (sqlite3_prepare_v2(m.db, "ATTACH DATABASE ?1 AS src", -1, &attach, NULL) != SQLITE_OK)
        return dl_store_fail(store, "attaching the input");
    int rc;
    sqlite3_bind_text(attach, 1, in_path, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(attach);
    sqlite3_finalize(attach);
    if (rc != SQLITE_DONE)
        st = dl_store_fail(store, "attaching the input");
    else if (dl_store_end_reads(store), !(st = exec(&m, "BEGIN IMMEDIATE", "begin"))) {
        st = merge_attached(&m);
        if (st)
            sqlite3_exec(m.db, "ROLLBACK", NULL, NULL, NULL);
        else
            st = exec(&m, "COMMIT", "commit");
    }
    if (st) {
        m.stats = (dl_merge_stats){0};
        if (diag) {
            char message[600];
            snprintf(message, sizeof message, "not merged: %s", dl_store_message(store));
            dl_diag d = {DL_ERROR, st, in_path, 0, 0, message};
            diag(user, &d);
        }
    }
    sqlite3_exec(m.db, "DETACH DATABASE src", NULL, NULL, NULL);
    if (stats)
        *stats = m.stats;
    return st;
}
