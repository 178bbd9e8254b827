/* test_merge.c: sharding by content and merging stores: idempotent,
 * renumbering every table that references articles (including tables the
 * store itself does not know), filling the full-text index, refusing what
 * is not a store. */
#include "test.h"
#include "dateline.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

TEST(shard_is_stable_in_range_and_balanced)
{
    int per[4] = {0};
    char body[64];
    for (int i = 0; i < 2000; i++) {
        snprintf(body, sizeof body, "Article number %d about talks.", i);
        dl_article a = {.id = "x", .body = body, .body_len = strlen(body)};
        unsigned s = dl_store_shard(&a, 4);
        CHECK(s < 4);
        CHECK_INT(dl_store_shard(&a, 4), s);
        CHECK_INT(dl_store_shard(&a, 1), 0);
        CHECK_INT(dl_store_shard(&a, 0), 0);
        /* The id does not matter: the content decides. */
        dl_article b = a;
        b.id = "another id";
        CHECK_INT(dl_store_shard(&b, 4), s);
        if (s < 4)
            per[s]++;
    }
    for (int i = 0; i < 4; i++)
        CHECK(per[i] > 400 && per[i] < 600);
}

static char warnings[2048];
static void keep_warnings(void *user, const dl_diag *d)
{
    size_t len = strlen(warnings);
    snprintf(warnings + len, sizeof warnings - len, "%s|", d->message);
}

static void db_name(char *out, size_t size, const char *which)
{
    snprintf(out, size, "/tmp/dl-test-merge-%d-%s.db", (int)getpid(), which);
}

static void remove_db(const char *path)
{
    char side[128];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static void add(dl_store *s, const char *id, const char *body, const char *actor)
{
    dl_article a = {.id = id, .source = "t.txt", .title = id, .date = "2024-05-01", .body = body,
                    .body_len = strlen(body)};
    dl_mention m = {.start = 0, .end = 6, .text = "Israel", .code = actor, .country = actor, .kind = "country",
                    .antecedent = -1, .via = DL_VIA_AGENT};
    dl_quote q = {.speaker = "a spokesman", .speaker_mention = -1, .cue = "said", .text = "We will talk",
                  .direct = true};
    dl_event e = {.sentence_text = body, .date = "2024-05-01", .source = {"Israel", actor, "Israel", actor, 0},
                  .target = {"Egypt", "EGY", "Egypt", "EGY", -1}, .cameo = "040", .cameo_root = "04",
                  .quad_class = 1, .goldstein = 1, .plover = "CONSULT", .verb = "met", .pattern = "- * + [040]"};
    dl_analysis an = {.article = &a, .mentions = &m, .n_mentions = 1, .quotes = &q, .n_quotes = 1,
                      .events = &e, .n_events = 1};
    bool added;
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK(added);
}

static int64_t one_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static void run_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    char *err = NULL;
    CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, &err), SQLITE_OK);
    if (err)
        fprintf(stderr, "%s\n", err);
    sqlite3_free(err);
    sqlite3_close(db);
}

static dl_status count_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    ++*(int *)user;
    return DL_OK;
}

TEST(merge_is_idempotent_and_renumbers_every_article_table)
{
    char pa[96], pb[96];
    db_name(pa, sizeof pa, "a");
    db_name(pb, sizeof pb, "b");
    remove_db(pa);
    remove_db(pb);
    dl_store *a = NULL, *b = NULL;
    CHECK_INT(dl_store_open(&a, pa, NULL, NULL), DL_OK);
    CHECK_INT(dl_store_open(&b, pb, NULL, NULL), DL_OK);
    if (!a || !b) {
        dl_store_close(a);
        dl_store_close(b);
        return;
    }
    CHECK_INT(dl_store_begin(a), DL_OK);
    add(a, "one", "Israel met Egypt on Monday.", "ISR");
    add(a, "two", "Israel met Egypt on Tuesday.", "ISR");
    CHECK_INT(dl_store_commit(a), DL_OK);
    CHECK_INT(dl_store_begin(b), DL_OK);
    add(b, "zero", "Jordan hosted talks with Qatar on Sunday.", "JOR");
    add(b, "two", "Israel met Egypt on Tuesday.", "ISR"); /* in both */
    add(b, "three", "Israel met Egypt on Wednesday near the pyramids.", "ISR");
    CHECK_INT(dl_store_commit(b), DL_OK);
    dl_store_close(b);
    /* Tables another module might add: one hanging off articles (merged
     * and renumbered), one not (reported), one b has and a lacks. */
    const char *notes = "CREATE TABLE notes(id INTEGER PRIMARY KEY, art INTEGER REFERENCES articles(rowid),"
                        " note TEXT);";
    run_sql(pb, notes);
    run_sql(pb, "INSERT INTO notes(art, note) SELECT rowid, 'note on ' || id FROM articles;"
                "CREATE TABLE loose(x TEXT); INSERT INTO loose VALUES('x');"
                "CREATE TABLE only_b(article INTEGER REFERENCES articles(rowid));");
    run_sql(pa, notes);
    run_sql(pa, "CREATE TABLE loose(x TEXT);");

    dl_merge_stats ms;
    warnings[0] = '\0';
    CHECK_INT(dl_store_merge(a, pb, &ms, keep_warnings, NULL), DL_OK);
    CHECK_INT(ms.articles, 2);
    CHECK_INT(ms.skipped, 1);
    CHECK_INT(ms.rows, 2 * 3 + 2); /* a mention, a quote, an event, a note each */
    CHECK(strstr(warnings, "loose") != NULL);
    CHECK(strstr(warnings, "only_b") != NULL);
    dl_store_counts c;
    CHECK_INT(dl_store_count(a, &c), DL_OK);
    CHECK_INT(c.articles, 4);
    CHECK_INT(c.events, 4);
    CHECK_INT(c.quotes, 4);
    CHECK_INT(c.mentions, 4);
    /* Each merged row points at its own article in the output. */
    CHECK_INT(one_int(pa, "SELECT count(*) FROM notes n JOIN articles a ON a.rowid = n.art"
                          " WHERE n.note = 'note on ' || a.id"), 2);
    CHECK_INT(one_int(pa, "SELECT count(*) FROM events e JOIN articles a ON a.rowid = e.article"
                          " WHERE e.sentence_text = a.body"), 4);
    CHECK_INT(one_int(pa, "SELECT count(*) FROM mentions m JOIN articles a ON a.rowid = m.article"
                          " WHERE a.id = 'zero' AND m.code = 'JOR'"), 1);
    /* The full-text index knows the merged articles. */
    int hits = 0;
    CHECK_INT(dl_store_query(a, DL_TABLE_SEARCH, &(dl_query){.text = "pyramids"}, count_row, &hits), DL_OK);
    CHECK_INT(hits, 1);
    hits = 0;
    CHECK_INT(dl_store_query(a, DL_TABLE_SEARCH, &(dl_query){.text = "Qatar"}, count_row, &hits), DL_OK);
    CHECK_INT(hits, 1);

    /* Again: nothing added, nothing doubled. */
    CHECK_INT(dl_store_merge(a, pb, &ms, NULL, NULL), DL_OK);
    CHECK_INT(ms.articles, 0);
    CHECK_INT(ms.skipped, 3);
    CHECK_INT(ms.rows, 0);
    CHECK_INT(dl_store_count(a, &c), DL_OK);
    CHECK_INT(c.articles, 4);
    CHECK_INT(c.events, 4);
    CHECK_INT(one_int(pa, "SELECT count(*) FROM notes"), 2);
    CHECK_INT(one_int(pa, "SELECT count(*) FROM loose"), 0);
    dl_store_close(a);
    remove_db(pa);
    remove_db(pb);
}

TEST(merge_refuses_what_is_not_a_store)
{
    char pa[96], pj[96];
    db_name(pa, sizeof pa, "out");
    db_name(pj, sizeof pj, "junk");
    remove_db(pa);
    FILE *f = fopen(pj, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("SQLite format 3\nbut not really\n", f);
        fclose(f);
    }
    dl_store *a = NULL;
    CHECK_INT(dl_store_open(&a, pa, NULL, NULL), DL_OK);
    if (!a)
        return;
    dl_merge_stats ms = {.articles = 7};
    warnings[0] = '\0';
    CHECK(dl_store_merge(a, pj, &ms, keep_warnings, NULL) != DL_OK);
    CHECK_INT(ms.articles, 0);
    CHECK(warnings[0] != '\0');
    CHECK(dl_store_merge(a, "/nonexistent/dir/x.db", &ms, NULL, NULL) != DL_OK);
    /* A store that is not of this dateline (other tables) is refused too. */
    run_sql(pj, "");
    unlink(pj);
    run_sql(pj, "CREATE TABLE t(x);");
    CHECK(dl_store_merge(a, pj, &ms, NULL, NULL) != DL_OK);
    /* The output is still usable. */
    dl_store_counts c;
    CHECK_INT(dl_store_count(a, &c), DL_OK);
    CHECK_INT(c.articles, 0);
    dl_store_close(a);
    remove_db(pa);
    unlink(pj);
}
