/* store.c: the SQLite store.
 *
 * Schema (version 3; `dateline ingest --help` and the README describe it):
 *   meta(key, value)                  schema_version, created_by
 *   articles(id, content_key, source, title, dateline, byline, date, body, json)
 *   articles_fts(title, body)         FTS5 over articles, external content
 *   mentions(article, sentence, start, end, text, code, country, role, name, kind, json)
 *   quotes(article, sentence, speaker, speaker_name, speaker_code, cue, text, direct, json)
 *   events(article, sentence, date, source_*, target_*, cameo, cameo_root,
 *          quad_class, goldstein, plover, plover_mode, location_*, negated, json)
 *   corpus tables (corpus/corpus.h): fingerprints, duplicates, stories,
 *          event groups with their mention, article and source counts
 *
 * An article is keyed by its content (a hash of its body), so ingesting the
 * same input twice adds nothing. Every row keeps the record's JSON exactly
 * as the command that made it prints it, so queries can print records
 * without rebuilding them. The database runs in WAL mode; callers batch
 * articles in transactions, so a killed ingest loses only its open batch. */
#include "base/buf.h"
#include "base/hash.h"
#include "store/store_int.h"
#include "corpus/corpus.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Version 3 added the corpus tables (corpus/corpus.h): fingerprints,
 * duplicates, stories and event groups. A version 2 store gains them,
 * empty, when opened for writing; articles stored before have no story. */
enum { SCHEMA_VERSION = 3 };
#define SCHEMA_VERSION_TEXT "3"

struct dl_store {
    sqlite3 *db;
    sqlite3_stmt *has, *add_article, *add_fts, *add_mention, *add_quote, *add_event;
    dl_buf json;
    dl_corpus *corpus;   /* NULL when stories are off */
    char message[512];
};

const char *dl_store_message(const dl_store *s) { return s->message; }

/* A full disk or a failing device is DL_ERR_IO, with words a user
 * understands: SQLite has then rolled the whole transaction back. */
dl_status dl_store_fail(dl_store *s, const char *what)
{
    int code = sqlite3_errcode(s->db);
    if (code == SQLITE_FULL) {
        snprintf(s->message, sizeof s->message, "disk full (%s: %s)", what, sqlite3_errmsg(s->db));
        return DL_ERR_IO;
    }
    if (code == SQLITE_IOERR) {
        snprintf(s->message, sizeof s->message, "disk I/O error (%s: %s)", what, sqlite3_errmsg(s->db));
        return DL_ERR_IO;
    }
    snprintf(s->message, sizeof s->message, "%s: %s", what, sqlite3_errmsg(s->db));
    return DL_ERR_DB;
}

bool dl_store_in_transaction(const dl_store *s) { return !sqlite3_get_autocommit(s->db); }

static const char schema_v1[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE IF NOT EXISTS articles("
    "  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, content_key TEXT NOT NULL UNIQUE,"
    "  source TEXT, title TEXT, dateline TEXT, byline TEXT, date TEXT, body TEXT NOT NULL,"
    "  json TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS articles_id ON articles(id);"
    "CREATE INDEX IF NOT EXISTS articles_date ON articles(date);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "  title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TABLE IF NOT EXISTS mentions("
    "  article INTEGER NOT NULL REFERENCES articles(rowid), sentence INTEGER,"
    "  start INTEGER, end INTEGER, text TEXT, code TEXT, country TEXT, role TEXT,"
    "  name TEXT, kind TEXT, json TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);"
    "CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code);"
    "CREATE TABLE IF NOT EXISTS quotes("
    "  article INTEGER NOT NULL REFERENCES articles(rowid), sentence INTEGER,"
    "  speaker TEXT, speaker_name TEXT, speaker_code TEXT, cue TEXT, text TEXT,"
    "  direct INTEGER, json TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);";

/* The events table is made from the library's one column list
 * (dl_event_columns()), so the store holds every field `code` prints. */
static const char events_indexes[] =
    "CREATE INDEX IF NOT EXISTS events_article ON events(article);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code);";

/* CREATE TABLE for events: the store's own article reference (a rowid,
 * where the record has the article's id), the listed columns, the JSON. */
static void events_table_sql(dl_buf *b)
{
    const dl_column *c;
    size_t n = dl_event_columns(&c);
    dl_buf_puts(b, "CREATE TABLE IF NOT EXISTS events("
                   "article INTEGER NOT NULL REFERENCES articles(rowid)");
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].name, "article"))
            dl_buf_printf(b, ", %s %s", c[i].name, c[i].sql_type);
    dl_buf_puts(b, ", json TEXT NOT NULL);");
}

/* A store made by an older dateline gains the event columns it lacks. */
static int add_missing_event_columns(sqlite3 *db, char **err)
{
    const dl_column *c;
    size_t n = dl_event_columns(&c);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st;
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('events') WHERE name='%s'", c[i].name);
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            return SQLITE_ERROR;
        bool present = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        if (present)
            continue;
        snprintf(sql, sizeof sql, "ALTER TABLE events ADD COLUMN %s %s", c[i].name, c[i].sql_type);
        int rc = sqlite3_exec(db, sql, NULL, NULL, err);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

/* The insert statement for events, with one parameter per column. */
static void events_insert_sql(dl_buf *b)
{
    const dl_column *c;
    size_t n = dl_event_columns(&c);
    dl_buf_puts(b, "INSERT INTO events(article");
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].name, "article"))
            dl_buf_printf(b, ",%s", c[i].name);
    dl_buf_puts(b, ",json) VALUES(?");
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].name, "article"))
            dl_buf_puts(b, ",?");
    dl_buf_puts(b, ",?)");
}

static int schema_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='schema_version'", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = atoi((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    return v;
}

static bool has_tables(sqlite3 *db)
{
    sqlite3_stmt *st;
    bool any = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
        any = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return any;
}

/* readonly: for readers that must never change the file (the server): no
 * schema is created or upgraded, and SQLite refuses every write on the
 * connection. */
/* WAL mode and the connection's settings. Switching a new file to WAL
 * needs the file to itself for a moment: a writer that starts beside
 * another one waits and tries again (up to ten seconds). */
static int setup_connection(sqlite3 *db, char **err)
{
    int rc = SQLITE_BUSY;
    for (int tries = 0; tries < 100; tries++) {
        sqlite3_free(*err);
        *err = NULL;
        rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                          NULL, NULL, err);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100);
    }
    return rc;
}

/* Opens the store; on failure says why in open_message (the public openers
 * hand it to the caller's diagnostics sink). */
static dl_status open_store(dl_store **out, const char *path, bool readonly, char *open_message,
                            size_t open_message_size)
{
    *out = NULL;
    open_message[0] = '\0';
    dl_store *s = calloc(1, sizeof *s);
    if (!s)
        return DL_ERR_NOMEM;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    /* A write-ahead log left behind means the last writer did not close
     * (killed, crashed, or still running): then the store is checked
     * before anything is written on it. */
    bool unclean = false;
    if (!readonly) {
        char wal[4096];
        struct stat sb;
        if (snprintf(wal, sizeof wal, "%s-wal", path) < (int)sizeof wal && stat(wal, &sb) == 0 && sb.st_size > 0)
            unclean = true;
    }
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(open_message, open_message_size, "cannot open %s: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        dl_store_close(s);
        return DL_ERR_DB;
    }
    sqlite3_busy_timeout(s->db, 5000);
    char *err = NULL;
    /* Read before writing anything: a file that is not a database says so
     * on the first read, and a store we must refuse stays as it was. */
    int read_rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, &err);
    if (read_rc == SQLITE_CORRUPT) {
        snprintf(open_message, open_message_size,
                 "%s is damaged (%s); refusing to write on it: restore it from a copy or ingest into a "
                 "new store",
                 path, err);
        sqlite3_free(err);
        dl_store_close(s);
        return DL_ERR_DB;
    }
    if (read_rc != SQLITE_OK) {
        snprintf(open_message, open_message_size, "%s is not a dateline store: %s", path, err);
        sqlite3_free(err);
        dl_store_close(s);
        return DL_ERR_DB;
    }
    if (unclean) {
        sqlite3_stmt *qc = NULL;
        char first[256] = "";
        int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &qc, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(qc)) == SQLITE_ROW && sqlite3_column_text(qc, 0))
            snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(qc, 0));
        else if (rc != SQLITE_DONE)
            snprintf(first, sizeof first, "%s", sqlite3_errmsg(s->db));
        sqlite3_finalize(qc);
        if (strcmp(first, "ok")) {
            snprintf(open_message, open_message_size,
                     "%s is damaged (PRAGMA quick_check: %s); refusing to write on it: restore it from a "
                     "copy or ingest into a new store",
                     path, first);
            dl_store_close(s);
            return DL_ERR_DB;
        }
    }
    int v = schema_version(s->db);
    if (v > SCHEMA_VERSION) {
        snprintf(open_message, open_message_size,
                 "%s has schema version %d, newer than this dateline reads (%d); use a newer dateline",
                 path, v, SCHEMA_VERSION);
        dl_store_close(s);
        return DL_ERR_VERSION;
    }
    if (v == 0 && has_tables(s->db)) {
        snprintf(open_message, open_message_size, "%s holds other tables: not a dateline store", path);
        dl_store_close(s);
        return DL_ERR_VERSION;
    }
    if (readonly && v < SCHEMA_VERSION) {
        snprintf(open_message, open_message_size,
                 "%s is empty or from an older dateline: run `dateline ingest --db %s` on it first", path, path);
        dl_store_close(s);
        return DL_ERR_VERSION;
    }
    if (!readonly && setup_connection(s->db, &err) != SQLITE_OK) {
        snprintf(open_message, open_message_size, "cannot set up %s: %s", path, err);
        sqlite3_free(err);
        dl_store_close(s);
        return DL_ERR_DB;
    }
    /* Create what is missing: the whole schema in a new store; in a store
     * of an older version (or one made before a column was added to the
     * event table), the event columns it lacks. */
    dl_buf sql = {0};
    events_table_sql(&sql);
    dl_buf_puts(&sql, events_indexes);
    err = NULL;
    if (!readonly && (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        (v == 0 && sqlite3_exec(s->db, schema_v1, NULL, NULL, &err) != SQLITE_OK) ||
        sqlite3_exec(s->db, sql.data, NULL, NULL, &err) != SQLITE_OK ||
        sqlite3_exec(s->db, dl_corpus_schema, NULL, NULL, &err) != SQLITE_OK ||
        add_missing_event_columns(s->db, &err) != SQLITE_OK ||
        (v < SCHEMA_VERSION &&
         sqlite3_exec(s->db,
                      "INSERT OR REPLACE INTO meta VALUES('schema_version','" SCHEMA_VERSION_TEXT "'),"
                      "('created_by','dateline " DL_VERSION "')",
                      NULL, NULL, &err) != SQLITE_OK) ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, &err) != SQLITE_OK)) {
        snprintf(open_message, open_message_size, "cannot create the schema in %s: %s", path,
                 err ? err : sqlite3_errmsg(s->db));
        sqlite3_free(err);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        dl_buf_free(&sql);
        dl_store_close(s);
        return DL_ERR_DB;
    }
    dl_buf_clear(&sql);
    events_insert_sql(&sql);
    const struct {
        size_t offset;
        const char *sql;
    } stmts[] = {
        {offsetof(dl_store, has), "SELECT source FROM articles WHERE content_key=?"},
        {offsetof(dl_store, add_article),
         "INSERT OR IGNORE INTO articles(id,content_key,source,title,dateline,byline,date,body,json)"
         " VALUES(?,?,?,?,?,?,?,?,?)"},
        {offsetof(dl_store, add_fts), "INSERT INTO articles_fts(rowid,title,body) VALUES(?,?,?)"},
        {offsetof(dl_store, add_mention),
         "INSERT INTO mentions(article,sentence,start,end,text,code,country,role,name,kind,json)"
         " VALUES(?,?,?,?,?,?,?,?,?,?,?)"},
        {offsetof(dl_store, add_quote),
         "INSERT INTO quotes(article,sentence,speaker,speaker_name,speaker_code,cue,text,direct,json)"
         " VALUES(?,?,?,?,?,?,?,?,?)"},
        {offsetof(dl_store, add_event), sql.data},
    };
    for (size_t i = 0; i < sizeof stmts / sizeof *stmts; i++) {
        sqlite3_stmt **slot = (sqlite3_stmt **)((char *)s + stmts[i].offset);
        /* A read-only handle needs none of these to read; one that fails
         * to prepare stays NULL, and a write through it fails. */
        if (sqlite3_prepare_v3(s->db, stmts[i].sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK &&
            !readonly) {
            snprintf(open_message, open_message_size, "cannot prepare statements on %s: %s", path,
                     sqlite3_errmsg(s->db));
            dl_buf_free(&sql);
            dl_store_close(s);
            return DL_ERR_DB;
        }
    }
    dl_buf_free(&sql);
    if (!readonly && !(s->corpus = dl_corpus_new(s->db))) {
        dl_store_close(s);
        return DL_ERR_NOMEM;
    }
    *out = s;
    return DL_OK;
}

/* Opens with either mode and reports a refusal through the sink, naming
 * the store's file. */
static dl_status open_reporting(dl_store **out, const char *path, bool readonly, dl_diag_fn diag,
                                void *user)
{
    char message[512] = "";
    dl_status st = open_store(out, path, readonly, message, sizeof message);
    if (st) {
        if (diag) {
            dl_diag d = {DL_ERROR, st, path, 0, 0, message};
            diag(user, &d);
        }
        return st;
    }
    return DL_OK;
}

dl_status dl_store_open(dl_store **out, const char *path, dl_diag_fn diag, void *user)
{
    return open_reporting(out, path, false, diag, user);
}

dl_status dl_store_open_readonly(dl_store **out, const char *path, dl_diag_fn diag, void *user)
{
    return open_reporting(out, path, true, diag, user);
}

void dl_store_close(dl_store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->has);
    sqlite3_finalize(s->add_article);
    sqlite3_finalize(s->add_fts);
    sqlite3_finalize(s->add_mention);
    sqlite3_finalize(s->add_quote);
    sqlite3_finalize(s->add_event);
    dl_corpus_free(s->corpus);
    sqlite3_close(s->db);
    dl_buf_free(&s->json);
    free(s);
}

void dl_store_set_stories(dl_store *s, bool on)
{
    if (!on) {
        dl_corpus_free(s->corpus);
        s->corpus = NULL;
    } else if (!s->corpus) {
        s->corpus = dl_corpus_new(s->db);
    }
}

/* An article is keyed by its body; the same body from another source (an
 * outlet re-publishing agency copy word for word) is a second article,
 * keyed by body and source, which the corpus step links to the first as
 * an exact duplicate. Ingesting either again finds its key. */
static void content_key(const dl_article *a, bool with_source, char out[34])
{
    uint64_t h = dl_hash64(a->body, a->body_len, 0x64617465);
    if (!with_source) {
        snprintf(out, 34, "%016llx", (unsigned long long)h);
        return;
    }
    const char *src = a->source ? a->source : "";
    snprintf(out, 34, "%016llx-%016llx", (unsigned long long)h,
             (unsigned long long)dl_hash64(src, strlen(src), 0x736f7572));
}

/* The key this article has or would have in the store, and whether it is
 * there: the body's key unless that is taken by another source's copy. */
/* The statement is reset before returning, so no read transaction stays
 * open between calls: a connection holding an old snapshot could not take
 * the write lock when another writer has committed since (SQLite answers
 * BUSY at once, without waiting). */
static dl_status article_key(dl_store *s, const dl_article *a, char key[34], bool *found)
{
    content_key(a, false, key);
    sqlite3_reset(s->has);
    sqlite3_bind_text(s->has, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s->has);
    *found = false;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sqlite3_reset(s->has);
        return dl_store_fail(s, "looking up an article");
    }
    if (rc == SQLITE_DONE) {
        sqlite3_reset(s->has);
        return DL_OK;
    }
    const char *src = (const char *)sqlite3_column_text(s->has, 0);
    bool same = (!src && !a->source) || (src && a->source && !strcmp(src, a->source));
    sqlite3_reset(s->has);
    if (same) {
        *found = true;
        return DL_OK;
    }
    content_key(a, true, key);
    sqlite3_bind_text(s->has, 1, key, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(s->has);
    sqlite3_reset(s->has);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return dl_store_fail(s, "looking up an article");
    *found = rc == SQLITE_ROW;
    return DL_OK;
}

dl_status dl_store_has(dl_store *s, const dl_article *a, bool *found)
{
    char key[34];
    return article_key(s, a, key, found);
}

void dl_store_end_reads(dl_store *s)
{
    for (sqlite3_stmt *st = sqlite3_next_stmt(s->db, NULL); st; st = sqlite3_next_stmt(s->db, st))
        if (sqlite3_stmt_busy(st))
            sqlite3_reset(st);
}

/* Another writer may hold the store for a while (a long batch): wait for
 * it, retrying with growing pauses, for up to two minutes in all, rather
 * than give up after the busy timeout. */
dl_status dl_store_begin(dl_store *s)
{
    long pause_ms = 50, waited_ms = 0;
    dl_store_end_reads(s);
    for (;;) {
        int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return DL_OK;
        rc &= 0xff; /* SQLITE_BUSY_SNAPSHOT and kin are busy too */
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited_ms >= 120000)
            return dl_store_fail(s, "begin");
        sqlite3_sleep((int)pause_ms);
        waited_ms += pause_ms + 5000; /* the busy timeout waited too */
        if (pause_ms < 2000)
            pause_ms *= 2;
    }
}

dl_status dl_store_commit(dl_store *s)
{
    return sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? DL_OK : dl_store_fail(s, "commit");
}

dl_status dl_store_rollback(dl_store *s)
{
    return sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? DL_OK : dl_store_fail(s, "rollback");
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static dl_status add_rows(dl_store *s, const dl_analysis *an, bool *added);

/* Each article goes in under a savepoint: if any of its rows fails, none
 * of them stays, and the batch around it goes on. */
dl_status dl_store_add(dl_store *s, const dl_analysis *an, bool *added)
{
    *added = false;
    if (sqlite3_exec(s->db, "SAVEPOINT article", NULL, NULL, NULL) != SQLITE_OK)
        return dl_store_fail(s, "savepoint");
    dl_status st = add_rows(s, an, added);
    if (st) {
        char keep[sizeof s->message];
        memcpy(keep, s->message, sizeof keep);
        sqlite3_exec(s->db, "ROLLBACK TO article; RELEASE article", NULL, NULL, NULL);
        memcpy(s->message, keep, sizeof keep);
        *added = false;
        return st;
    }
    if (sqlite3_exec(s->db, "RELEASE article", NULL, NULL, NULL) != SQLITE_OK)
        return dl_store_fail(s, "release");
    return DL_OK;
}

static dl_status add_rows(dl_store *s, const dl_analysis *an, bool *added)
{
    const dl_article *a = an->article;
    char key[34];
    bool found;
    dl_status st = article_key(s, a, key, &found);
    if (st || found)
        return st;
    dl_buf_clear(&s->json);
    if ((st = dl_article_to_json(&s->json, a)))
        return st;
    sqlite3_stmt *q = s->add_article;
    sqlite3_bind_text(q, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, key, -1, SQLITE_STATIC);
    bind_text(q, 3, a->source);
    bind_text(q, 4, a->title);
    bind_text(q, 5, a->dateline);
    bind_text(q, 6, a->byline);
    bind_text(q, 7, a->date);
    sqlite3_bind_text(q, 8, a->body, (int)a->body_len, SQLITE_STATIC);
    sqlite3_bind_text(q, 9, s->json.data, (int)s->json.len, SQLITE_STATIC);
    if (step_done(q))
        return dl_store_fail(s, "storing an article");
    *added = sqlite3_changes(s->db) > 0;
    if (!*added)
        return DL_OK;
    sqlite3_int64 row = sqlite3_last_insert_rowid(s->db);
    q = s->add_fts;
    sqlite3_bind_int64(q, 1, row);
    bind_text(q, 2, a->title);
    sqlite3_bind_text(q, 3, a->body, (int)a->body_len, SQLITE_STATIC);
    if (step_done(q))
        return dl_store_fail(s, "indexing an article");
    for (size_t i = 0; i < an->n_mentions; i++) {
        const dl_mention *m = &an->mentions[i];
        dl_buf_clear(&s->json);
        if ((st = dl_mention_to_json(&s->json, m, a->id)))
            return st;
        q = s->add_mention;
        sqlite3_bind_int64(q, 1, row);
        sqlite3_bind_int(q, 2, (int)m->sentence);
        sqlite3_bind_int(q, 3, (int)m->start);
        sqlite3_bind_int(q, 4, (int)m->end);
        bind_text(q, 5, m->text);
        bind_text(q, 6, m->code);
        bind_text(q, 7, m->country);
        bind_text(q, 8, m->role);
        bind_text(q, 9, m->name);
        bind_text(q, 10, m->kind);
        sqlite3_bind_text(q, 11, s->json.data, (int)s->json.len, SQLITE_STATIC);
        if (step_done(q))
            return dl_store_fail(s, "storing a mention");
    }
    for (size_t i = 0; i < an->n_quotes; i++) {
        const dl_quote *qu = &an->quotes[i];
        dl_buf_clear(&s->json);
        if ((st = dl_quote_to_json(&s->json, qu, a->id)))
            return st;
        q = s->add_quote;
        sqlite3_bind_int64(q, 1, row);
        sqlite3_bind_int(q, 2, (int)qu->sentence);
        bind_text(q, 3, qu->speaker);
        bind_text(q, 4, qu->speaker_name);
        bind_text(q, 5, qu->speaker_code);
        bind_text(q, 6, qu->cue);
        bind_text(q, 7, qu->text);
        sqlite3_bind_int(q, 8, qu->direct);
        sqlite3_bind_text(q, 9, s->json.data, (int)s->json.len, SQLITE_STATIC);
        if (step_done(q))
            return dl_store_fail(s, "storing a quote");
    }
    int64_t *event_rows = an->n_events ? malloc(an->n_events * sizeof *event_rows) : NULL;
    if (an->n_events && !event_rows)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < an->n_events; i++) {
        const dl_event *e = &an->events[i];
        dl_buf_clear(&s->json);
        if ((st = dl_event_to_json(&s->json, e, a->id))) {
            free(event_rows);
            return st;
        }
        /* One parameter per listed column but the article, which the
         * store keeps as its row reference; the values' text takes each
         * column's type by SQLite's affinity. */
        const dl_column *cols;
        size_t n = dl_event_columns(&cols);
        const char *values[32];
        dl_event_cells cells;
        dl_event_values(e, a->id, &cells, values);
        q = s->add_event;
        int k = 1;
        sqlite3_bind_int64(q, k++, row);
        for (size_t c = 0; c < n; c++)
            if (strcmp(cols[c].name, "article"))
                bind_text(q, k++, values[c]);
        sqlite3_bind_text(q, k, s->json.data, (int)s->json.len, SQLITE_STATIC);
        if (step_done(q)) {
            free(event_rows);
            return dl_store_fail(s, "storing an event");
        }
        event_rows[i] = sqlite3_last_insert_rowid(s->db);
    }
    /* Duplicates, story and event counts, in the same savepoint. */
    if (s->corpus)
        st = dl_corpus_add(s->corpus, an, row, event_rows, s->message, sizeof s->message);
    free(event_rows);
    return st;
}

dl_status dl_store_count(dl_store *s, dl_store_counts *c)
{
    static const char *const sql[] = {"SELECT count(*) FROM articles", "SELECT count(*) FROM mentions",
                                      "SELECT count(*) FROM quotes", "SELECT count(*) FROM events"};
    int64_t *slots[] = {&c->articles, &c->mentions, &c->quotes, &c->events};
    for (size_t i = 0; i < 4; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK)
            return dl_store_fail(s, "counting");
        *slots[i] = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
    }
    return DL_OK;
}

sqlite3 *dl_store_db(dl_store *s) { return s->db; }
