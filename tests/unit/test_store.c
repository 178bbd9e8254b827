/* test_store.c: the SQLite store with synthetic analyses: idempotency,
 * queries and filters, safe full-text search, exports, versions. */
#include "test.h"
#include "base/buf.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

/* The last refusal dl_store_open() reported through its sink. */
static char open_failure[512];
static void keep_message(void *user, const dl_diag *d)
{
    snprintf(user, sizeof open_failure, "%s", d->message);
}

static char db_path[64];

static dl_store *fresh_store(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dl-test-store-%d.db", (int)getpid());
    unlink(db_path);
    char wal[80];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    unlink(wal);
    dl_store *s = NULL;
    CHECK_INT(dl_store_open(&s, db_path, keep_message, open_failure), DL_OK);
    return s;
}

static void remove_store(void)
{
    char side[80];
    unlink(db_path);
    snprintf(side, sizeof side, "%s-wal", db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db_path);
    unlink(side);
}

/* One article about an air strike, with a mention, a quote and an event. */
static void sample(dl_analysis *an, dl_article *a, dl_mention *m, dl_quote *q, dl_event *e,
                   const char *id, const char *body, const char *date, const char *cameo)
{
    memset(an, 0, sizeof *an);
    *a = (dl_article){.id = id, .source = "test.txt", .title = "Strikes on Gaza-City outskirts",
                      .date = date, .body = body, .body_len = strlen(body)};
    *m = (dl_mention){.start = 0, .end = 14, .text = "Israeli forces", .code = "ISRMIL",
                      .country = "ISR", .role = "MIL", .kind = "group", .antecedent = -1,
                      .via = DL_VIA_AGENT};
    *q = (dl_quote){.speaker = "the army", .speaker_name = "Israel Defense Forces",
                    .speaker_code = "ISRMIL", .speaker_mention = 0, .cue = "said",
                    .text = "We struck militant targets", .direct = true};
    *e = (dl_event){.sentence = 0, .sentence_text = body, .date = date,
                    .source = {"Israeli forces", "ISRMIL", "Israel Defense Forces", "ISR", 0},
                    .target = {"Gaza", "PSE", "Gaza", "PSE", -1},
                    .cameo = cameo, .cameo_root = "19", .quad_class = 4, .goldstein = -10,
                    .plover = "ASSAULT", .plover_mode = "aerial", .location_text = "Gaza",
                    .location_country = "PSE", .verb = "struck", .pattern = "- * + [195]"};
    an->article = a;
    an->mentions = m;
    an->n_mentions = 1;
    an->quotes = q;
    an->n_quotes = 1;
    an->events = e;
    an->n_events = 1;
}

typedef struct rows {
    int n;
    char first[2048];
} rows;

static dl_status collect(void *user, size_t n, const char *const *names, const char *const *values)
{
    rows *r = user;
    if (r->n++ == 0) {
        size_t len = 0;
        for (size_t i = 0; i < n; i++)
            len += (size_t)snprintf(r->first + len, sizeof r->first - len, "%s=%s;", names[i],
                                    values[i] ? values[i] : "NULL");
    }
    return DL_OK;
}

static int count_rows(dl_store *s, dl_table t, const dl_query *q)
{
    rows r = {0};
    CHECK_INT(dl_store_query(s, t, q, collect, &r), DL_OK);
    return r.n;
}

TEST(store_adds_idempotently_and_counts)
{
    dl_store *s = fresh_store();
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_quote q;
    dl_event e;
    sample(&an, &a, &m, &q, &e, "a1", "Israeli forces struck targets in Gaza on Friday.", "2023-10-27", "195");
    bool added = false, found = true;
    CHECK_INT(dl_store_has(s, &a, &found), DL_OK);
    CHECK(!found);
    CHECK_INT(dl_store_begin(s), DL_OK);
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK(added);
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK); /* same content again */
    CHECK(!added);
    CHECK_INT(dl_store_commit(s), DL_OK);
    CHECK_INT(dl_store_has(s, &a, &found), DL_OK);
    CHECK(found);
    dl_store_counts c;
    CHECK_INT(dl_store_count(s, &c), DL_OK);
    CHECK_INT(c.articles, 1);
    CHECK_INT(c.mentions, 1);
    CHECK_INT(c.quotes, 1);
    CHECK_INT(c.events, 1);
    dl_store_close(s);
    remove_store();
}

TEST(store_rollback_keeps_nothing_of_the_batch)
{
    dl_store *s = fresh_store();
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_quote q;
    dl_event e;
    sample(&an, &a, &m, &q, &e, "a1", "Body one.", "2023-10-27", "195");
    bool added;
    CHECK_INT(dl_store_begin(s), DL_OK);
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK_INT(dl_store_rollback(s), DL_OK);
    dl_store_counts c;
    CHECK_INT(dl_store_count(s, &c), DL_OK);
    CHECK_INT(c.articles + c.mentions + c.quotes + c.events, 0);
    dl_store_close(s);
    remove_store();
}

TEST(store_queries_filter_events_quotes_and_actors)
{
    dl_store *s = fresh_store();
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_quote q;
    dl_event e;
    bool added;
    CHECK_INT(dl_store_begin(s), DL_OK);
    sample(&an, &a, &m, &q, &e, "a1", "Israeli forces struck targets in Gaza.", "2023-10-27", "195");
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    sample(&an, &a, &m, &q, &e, "a2", "Israeli forces shelled Khan Younis.", "2023-11-02", "194");
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK_INT(dl_store_commit(s), DL_OK);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, NULL), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.cameo = "195"}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.cameo = "19"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.actor = "ISR"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.actor = "Defense"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.source = "PSE"}), 0);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.target = "PSE"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.plover = "assault"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.country = "pse"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.since = "2023-11-01"}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.until = "2023-10-27"}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.limit = 1}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_EVENTS, &(dl_query){.actor = "%"}), 0); /* LIKE escaped */
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "Defense Forces"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "Hamas"}), 0);
    /* Whole words, not substrings: "arm" is inside "army" but no word;
     * "the army" and "israel defense" are; codes match by prefix. */
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "arm"}), 0);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "Fense"}), 0);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "ARMY"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "israel  defense"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "ISRM"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "%"}), 0);
    CHECK_INT(count_rows(s, DL_TABLE_QUOTES, &(dl_query){.speaker = "_"}), 0);
    CHECK_INT(count_rows(s, DL_TABLE_ACTORS, &(dl_query){.actor = "ISRMIL"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_ARTICLES, NULL), 2);
    dl_store_close(s);
    remove_store();
}

TEST(store_search_ranks_and_never_fails_on_user_text)
{
    dl_store *s = fresh_store();
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_quote q;
    dl_event e;
    bool added;
    CHECK_INT(dl_store_begin(s), DL_OK);
    sample(&an, &a, &m, &q, &e, "a1", "Israeli forces struck targets near the border.", "2023-10-27", "195");
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    sample(&an, &a, &m, &q, &e, "a2", "Ceasefire talks resumed in Cairo on Monday.", "2023-11-02", "036");
    a.title = "Talks resume";
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK_INT(dl_store_commit(s), DL_OK);
    rows r = {0};
    CHECK_INT(dl_store_query(s, DL_TABLE_SEARCH, &(dl_query){.text = "ceasefire"}, collect, &r), DL_OK);
    CHECK_INT(r.n, 1);
    CHECK(strstr(r.first, "snippet=[Ceasefire]") != NULL);
    CHECK_INT(count_rows(s, DL_TABLE_SEARCH, &(dl_query){.text = "\"talks resumed\""}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_SEARCH, &(dl_query){.text = "cease*"}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_SEARCH, &(dl_query){.text = "NEAR(talks Cairo, 5)"}), 1);
    CHECK_INT(count_rows(s, DL_TABLE_SEARCH, &(dl_query){.text = "struck OR talks"}), 2);
    CHECK_INT(count_rows(s, DL_TABLE_SEARCH, &(dl_query){.text = "Gaza-City"}), 1); /* a hyphenated title word */
    static const char *const hostile[] = {"\"unbalanced", "AND", "OR OR", "NEAR(", "a:b", "-x", "*",
                                          "'; DROP TABLE articles; --", "(((", "^", "\"\""};
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        rows h = {0};
        CHECK_INT(dl_store_query(s, DL_TABLE_SEARCH, &(dl_query){.text = hostile[i]}, collect, &h), DL_OK);
    }
    CHECK_INT(count_rows(s, DL_TABLE_ARTICLES, NULL), 2);
    dl_store_close(s);
    remove_store();
}

static dl_buf exported;

static int to_buf(void *out, const char *data, size_t len)
{
    return dl_buf_append(out, data, len) ? -1 : 0;
}

TEST(store_exports_csv_and_gdelt)
{
    dl_store *s = fresh_store();
    dl_analysis an;
    dl_article a;
    dl_mention m;
    dl_quote q;
    dl_event e;
    bool added;
    sample(&an, &a, &m, &q, &e, "a1", "Israeli forces struck, \"hard\", targets.", "2023-10-27", "195");
    CHECK_INT(dl_store_begin(s), DL_OK);
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    CHECK_INT(dl_store_commit(s), DL_OK);
    dl_export x;
    exported = (dl_buf)DL_BUF_INIT;
    dl_export_init(&x, DL_EXPORT_GDELT, DL_TABLE_EVENTS, to_buf, &exported);
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, NULL, dl_export_row, &x), DL_OK);
    int tabs = 0;
    for (size_t i = 0; i < exported.len; i++)
        tabs += exported.data[i] == '\t';
    CHECK_INT(tabs, 60); /* 61 columns */
    CHECK(strncmp(exported.data, "1\t20231027\t202310\t2023\t2023.8", 29) == 0);
    CHECK(strstr(exported.data, "\tISRMIL\tIsrael Defense Forces\tISR\t") != NULL);
    CHECK(strstr(exported.data, "\t195\t195\t19\t4\t-10.0\t1\t1\t1\t") != NULL);
    dl_export_free(&x);
    dl_buf_clear(&exported);
    dl_export_init(&x, DL_EXPORT_CSV, DL_TABLE_EVENTS, to_buf, &exported);
    CHECK_INT(dl_store_query(s, DL_TABLE_EVENTS, NULL, dl_export_row, &x), DL_OK);
    CHECK(strncmp(exported.data, "event_id,article,sentence,date,", 31) == 0);
    CHECK(strstr(exported.data, "\"Israeli forces struck, \"\"hard\"\", targets.\"") != NULL);
    dl_export_free(&x);
    dl_buf_free(&exported);
    dl_store_close(s);
    remove_store();
}

TEST(store_refuses_newer_schema_and_foreign_files)
{
    dl_store *s = fresh_store();
    dl_store_close(s);
    sqlite3 *db;
    CHECK_INT(sqlite3_open(db_path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(dl_store_open(&s, db_path, keep_message, open_failure), DL_ERR_VERSION);
    CHECK(strstr(open_failure, "newer") != NULL);
    /* refused, and left exactly as it was: still not in WAL mode */
    CHECK_INT(sqlite3_open(db_path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    CHECK_INT(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "delete");
    sqlite3_finalize(st);
    sqlite3_close(db);
    remove_store();
    CHECK_INT(sqlite3_open(db_path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE other(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(dl_store_open(&s, db_path, keep_message, open_failure), DL_ERR_VERSION);
    remove_store();
    FILE *f = fopen(db_path, "w");
    fputs("this is not a database, just some text that is long enough to be read as a header", f);
    fclose(f);
    CHECK_INT(dl_store_open(&s, db_path, keep_message, open_failure), DL_ERR_DB);
    CHECK(strstr(open_failure, "not a dateline store") != NULL);
    remove_store();
}
