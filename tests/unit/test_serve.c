/* test_serve.c: the server's parts without a browser: request targets
 * (params.c), the shared filter parser, static files and their walls,
 * the API's answers and the aggregates over a small synthetic store, and
 * one real request through libmicrohttpd. */
#include "test.h"
#include "base/buf.h"
#include "serve/api.h"
#include "serve/cache.h"
#include "serve/params.h"
#include "serve/static.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static dl_status parse(dl_http_target *t, dl_http_refusal *r, const char *raw)
{
    return dl_http_target_parse(t, r, raw, strlen(raw));
}

TEST(serve_params_decode_and_split)
{
    dl_http_target t;
    dl_http_refusal r;
    CHECK_INT(parse(&t, &r, "/api/events?actor=Gal%20lant&since=2024-01-01&&q=a+b&empty="), DL_OK);
    CHECK_STR(t.path, "/api/events");
    CHECK_INT(t.n_params, 4);
    CHECK_STR(dl_http_param_get(&t, "actor"), "Gal lant");
    CHECK_STR(dl_http_param_get(&t, "q"), "a b");
    CHECK_STR(dl_http_param_get(&t, "empty"), "");
    CHECK(dl_http_param_get(&t, "nope") == NULL);
    dl_http_target_free(&t);
    CHECK_INT(parse(&t, &r, "/caf%C3%A9?x=%E2%82%AC"), DL_OK);
    CHECK_STR(t.path, "/caf\xc3\xa9");
    CHECK_STR(dl_http_param_get(&t, "x"), "\xe2\x82\xac");
    dl_http_target_free(&t);
}

TEST(serve_params_refuse_hostile_targets)
{
    static const struct {
        const char *raw, *param;
        int status;
    } cases[] = {
        {"/index.html%00.js", "path", 400},   {"/a?actor=%00", "actor", 400},
        {"/a?actor=%FF%FE", "actor", 400},    {"/a?actor=%C0%AF", "actor", 400},
        {"/a?x=%4", "x", 400},                {"/a?x=%zz", "x", 400},
        {"/a?a=1&a=2", "a", 400},             {"/a?b%61d=1", "query", 400},
        {"/a?x=%0a", "x", 400},               {"no-slash", "path", 400},
        {"/%2e%2e/%0d", "path", 400},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dl_http_target t;
        dl_http_refusal r;
        CHECK(parse(&t, &r, cases[i].raw) != DL_OK);
        CHECK_INT(r.status, cases[i].status);
        CHECK_STR(r.param, cases[i].param);
        CHECK(r.why != NULL);
    }
    /* Too long, too many. */
    dl_buf b = DL_BUF_INIT;
    dl_buf_puts(&b, "/api/events?actor=");
    for (int i = 0; i < DL_HTTP_MAX_TARGET; i++)
        dl_buf_putc(&b, 'x');
    dl_http_target t;
    dl_http_refusal r;
    CHECK_INT(dl_http_target_parse(&t, &r, b.data, b.len), DL_ERR_LIMIT);
    CHECK_INT(r.status, 414);
    dl_buf_clear(&b);
    dl_buf_puts(&b, "/a?");
    for (int i = 0; i <= DL_HTTP_MAX_PARAMS; i++)
        dl_buf_printf(&b, "p%d=1&", i);
    CHECK(dl_http_target_parse(&t, &r, b.data, b.len) != DL_OK);
    CHECK_STR(r.param, "query");
    dl_buf_free(&b);
    /* A dotted path decodes (static.c refuses it; see below). */
    CHECK_INT(parse(&t, &r, "/%2e%2e/etc/passwd"), DL_OK);
    CHECK_STR(t.path, "/../etc/passwd");
    dl_http_target_free(&t);
}

TEST(serve_query_set_is_the_cli_parser)
{
    dl_query q = {0};
    const char *why = NULL;
    CHECK_INT(dl_query_set(&q, "actor", "ISR", &why), DL_OK);
    CHECK_STR(q.actor, "ISR");
    CHECK_INT(dl_query_set(&q, "since", "2024-02-30", &why), DL_ERR_ARG); /* a day that does not exist */
    CHECK_INT(dl_query_set(&q, "since", "2024-02-29", &why), DL_OK);
    CHECK_INT(dl_query_set(&q, "since", "2023-02-29", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "since", "2024", &why), DL_OK); /* year precision */
    CHECK_INT(dl_query_set(&q, "until", "2024-07", &why), DL_OK); /* month precision */
    CHECK_INT(dl_query_set(&q, "since", "2024-13-01", &why), DL_ERR_ARG);
    CHECK_STR(why, "takes an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY");
    CHECK_INT(dl_query_set(&q, "until", "2024-1-1", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "limit", "25", &why), DL_OK);
    CHECK_INT(q.limit, 25);
    CHECK_INT(dl_query_set(&q, "limit", "-1", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "limit", "ten", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "limit", "9999999999999999999999", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "cameo", "19a", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "cameo", "195", &why), DL_OK);
    CHECK_INT(dl_query_set(&q, "country", "ISRA", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "country", "isr", &why), DL_OK);
    CHECK_INT(dl_query_set(&q, "plover", "ASSAULT; DROP", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "actor", "", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "actor", "a\tb", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "actor", "\xff", &why), DL_ERR_ARG);
    CHECK_INT(dl_query_set(&q, "cursor", "12", &why), DL_OK);
    CHECK_INT(dl_query_set(&q, "bogus", "1", &why), DL_ERR_PARSE);
    CHECK_STR(why, "is not a filter");
}

static char tmp_dir[64];

TEST(serve_static_stays_in_its_folder)
{
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/dl-test-web-%d", (int)getpid());
    char path[256], root[4096];
    mkdir(tmp_dir, 0700);
    snprintf(path, sizeof path, "%s/web", tmp_dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/secret.txt", tmp_dir);
    FILE *f = fopen(path, "w");
    fputs("secret", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/web/index.html", tmp_dir);
    f = fopen(path, "w");
    fputs("<!doctype html><title>x</title>", f);
    fclose(f);
    char link[256];
    snprintf(link, sizeof link, "%s/web/leak.txt", tmp_dir);
    snprintf(path, sizeof path, "%s/secret.txt", tmp_dir);
    CHECK_INT(symlink(path, link), 0);
    snprintf(path, sizeof path, "%s/web", tmp_dir);
    CHECK(realpath(path, root) != NULL);
    dl_api_response res = {0};
    dl_static_handle(&res, root, "/");
    CHECK_INT(res.status, 200);
    CHECK(strstr(res.body.data, "<title>x</title>") != NULL);
    CHECK(!strncmp(res.content_type, "text/html", 9));
    static const char *const refused[] = {"/../secret.txt", "/leak.txt", "/.hidden.txt", "/a/../../secret.txt",
                                          "/node_modules/x.js", "/index.html/", "/x\\..\\secret.txt",
                                          "/nope.html", "/index.exe"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        dl_static_handle(&res, root, refused[i]);
        CHECK_INT(res.status, 404);
        CHECK(strstr(res.body.data, "secret") == NULL);
    }
    dl_static_handle(&res, NULL, "/");
    CHECK_INT(res.status, 404);
    dl_buf_free(&res.body);
    unlink(link);
    snprintf(path, sizeof path, "%s/web/index.html", tmp_dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/secret.txt", tmp_dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/web", tmp_dir);
    rmdir(path);
    rmdir(tmp_dir);
}

/* A store of three articles: two events on one day, one a week later. */
static char db[64];

static void make_store(void)
{
    snprintf(db, sizeof db, "/tmp/dl-test-serve-%d.db", (int)getpid());
    unlink(db);
    dl_store *s;
    CHECK_INT(dl_store_open(&s, db, NULL, NULL), DL_OK);
    static const struct {
        const char *id, *body, *date, *cameo, *root, *plover, *src, *tgt, *loc;
        int quad;
    } rows[] = {
        {"a1", "Israeli forces struck Gaza.", "2024-03-04", "195", "19", "ASSAULT", "ISRMIL", "PSE", "PSE", 4},
        {"a2", "Egypt hosted talks with Qatar.", "2024-03-04", "043", "04", "CONSULT", "EGYGOV", "QATGOV", NULL, 1},
        {"a3", "Egypt criticised Israel.", "2024-03-12", "111", "11", "DISAPPROVE", "EGYGOV", "ISRGOV", NULL, 3},
    };
    CHECK_INT(dl_store_begin(s), DL_OK);
    for (size_t i = 0; i < 3; i++) {
        dl_article a = {.id = rows[i].id, .source = "t.txt", .title = rows[i].body, .date = rows[i].date,
                        .body = rows[i].body, .body_len = strlen(rows[i].body)};
        dl_mention m = {.start = 0, .end = 5, .text = "Egypt", .code = rows[i].src, .country = "EGY",
                        .name = "Egypt", .kind = "country", .antecedent = -1};
        dl_quote q = {.speaker = "officials", .speaker_mention = -1, .cue = "said", .text = "words", .sentence = 0};
        dl_event e = {.sentence = 0, .sentence_text = rows[i].body, .date = rows[i].date,
                      .source = {"S", rows[i].src, NULL, NULL, -1}, .target = {"T", rows[i].tgt, NULL, NULL, -1},
                      .cameo = rows[i].cameo, .cameo_root = rows[i].root, .quad_class = rows[i].quad,
                      .plover = rows[i].plover, .location_country = rows[i].loc, .verb = "v", .pattern = "p"};
        dl_analysis an = {.article = &a, .mentions = &m, .n_mentions = 1, .quotes = &q, .n_quotes = 1,
                          .events = &e, .n_events = 1};
        bool added;
        CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    }
    CHECK_INT(dl_store_commit(s), DL_OK);
    dl_store_close(s);
}

static void remove_store(void)
{
    char side[80];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
}

static void get(dl_api_response *res, dl_store *s, const char *target)
{
    dl_http_target t;
    dl_http_refusal r;
    CHECK_INT(parse(&t, &r, target), DL_OK);
    dl_api_handle(res, s, &t);
    dl_http_target_free(&t);
}

TEST(serve_api_answers_and_refuses)
{
    make_store();
    dl_store *s;
    CHECK_INT(dl_store_open_readonly(&s, db, NULL, NULL), DL_OK);
    dl_api_response res = {0};
    get(&res, s, "/api/events?limit=2");
    CHECK_INT(res.status, 200);
    CHECK(strstr(res.body.data, "\"count\":2") != NULL);
    CHECK(strstr(res.body.data, "\"next_cursor\":\"2\"") != NULL);
    get(&res, s, "/api/events?limit=2&cursor=2");
    CHECK(strstr(res.body.data, "\"count\":1") != NULL);
    CHECK(strstr(res.body.data, "\"next_cursor\":null") != NULL);
    CHECK(strstr(res.body.data, "{\"id\":3,") != NULL);
    get(&res, s, "/api/events?actor=EGY&cameo=11");
    CHECK(strstr(res.body.data, "\"count\":1") != NULL);
    get(&res, s, "/api/aggregates?by=day&group=quad");
    CHECK(strstr(res.body.data, "{\"period\":\"2024-03-04\",\"key\":1,\"events\":1,\"cooperation\":1,\"conflict\":0}") != NULL);
    CHECK(strstr(res.body.data, "\"count\":3") != NULL);
    get(&res, s, "/api/aggregates?by=week");
    /* 2024-03-04 is a Monday; 03-12 is in the next week. */
    CHECK(strstr(res.body.data, "{\"period\":\"2024-03-04\",\"key\":null,\"events\":2,") != NULL);
    CHECK(strstr(res.body.data, "{\"period\":\"2024-03-11\",\"key\":null,\"events\":1,") != NULL);
    get(&res, s, "/api/aggregates?by=country");
    CHECK(strstr(res.body.data, "{\"country\":\"PSE\",\"events\":1,") != NULL);  /* its location */
    CHECK(strstr(res.body.data, "{\"country\":\"QAT\",\"events\":1,") != NULL);  /* the target's */
    get(&res, s, "/api/aggregates?by=actor&plover=disapprove");
    CHECK(strstr(res.body.data, "{\"actor\":\"EGYGOV\",\"name\":null,\"events\":1,\"cooperation\":0,\"conflict\":1}") != NULL);
    get(&res, s, "/api/aggregates?by=dyad");
    CHECK(strstr(res.body.data, "\"source\":\"EGYGOV\"") != NULL);
    CHECK(strstr(res.body.data, "\"count\":3") != NULL);
    get(&res, s, "/api/actors");
    CHECK(strstr(res.body.data, "\"mentions\":1,\"articles\":1") != NULL);
    get(&res, s, "/api/events/2");
    CHECK_INT(res.status, 200);
    CHECK(strstr(res.body.data, "\"article\":{\"id\":\"a2\"") != NULL);
    CHECK(strstr(res.body.data, "\"quotes\":[{") != NULL);
    get(&res, s, "/api/articles/a3");
    CHECK_INT(res.status, 200);
    CHECK(strstr(res.body.data, "Egypt criticised Israel.") != NULL);
    get(&res, s, "/api/search?q=talks");
    CHECK(strstr(res.body.data, "\"id\":\"a2\"") != NULL);
    get(&res, s, "/api/events?format=csv&cameo=19");
    CHECK_INT(res.status, 200);
    CHECK_STR(res.filename, "events.csv");
    CHECK(!strncmp(res.body.data, "event_id,", 9));
    static const struct {
        const char *target, *param;
        int status;
    } bad[] = {
        {"/api/events?since=yesterday", "since", 400}, {"/api/events?limit=0", "limit", 400},
        {"/api/events?limit=1001", "limit", 400},      {"/api/events?speaker=x", "speaker", 400},
        {"/api/events?format=xml", "format", 400},     {"/api/events?cursor=x", "cursor", 400},
        {"/api/aggregates?by=year", "by", 400},        {"/api/aggregates?by=dyad&group=quad", "group", 400},
        {"/api/aggregates?group=story", "group", 400}, {"/api/search", "q", 400},
        {"/api/events/x1", "id", 400},                 {"/api/events/999", "id", 404},
        {"/api/articles/zz", "id", 404},               {"/api/quotes?actor=x", "actor", 400},
        {"/api/nothing", NULL, 404},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        get(&res, s, bad[i].target);
        if (res.status != bad[i].status)
            dl_test_fail(__FILE__, __LINE__, "%s: status %d, expected %d", bad[i].target, res.status, bad[i].status);
        char want[80];
        snprintf(want, sizeof want, "\"parameter\":\"%s\"", bad[i].param ? bad[i].param : "");
        if (bad[i].param && !strstr(res.body.data, want))
            dl_test_fail(__FILE__, __LINE__, "%s: %s does not name %s", bad[i].target, res.body.data, bad[i].param);
    }
    dl_buf_free(&res.body);
    dl_store_close(s);
    remove_store();
}

TEST(serve_readonly_store_refuses_writes)
{
    make_store();
    dl_store *s;
    CHECK_INT(dl_store_open_readonly(&s, db, NULL, NULL), DL_OK);
    dl_article a = {.id = "new", .source = "t.txt", .body = "Something new.", .body_len = 14};
    dl_analysis an = {.article = &a};
    bool added = true;
    CHECK_INT(dl_store_add(s, &an, &added), DL_ERR_DB);
    CHECK(!added);
    CHECK(strstr(dl_store_message(s), "readonly") != NULL);
    dl_store_counts c;
    CHECK_INT(dl_store_count(s, &c), DL_OK);
    CHECK_INT(c.articles, 3);
    dl_store_close(s);
    CHECK(dl_store_open_readonly(&s, "/tmp/dl-no-such-store.db", NULL, NULL) != DL_OK);
    remove_store();
}

TEST(serve_one_request_through_the_server)
{
    make_store();
    dl_serve_options o = DL_SERVE_OPTIONS_INIT;
    o.db = db;
    o.listen = "127.0.0.1:0";
    o.web_dir = "";
    o.threads = 2;
    dl_server *server;
    char msg[256];
    CHECK_INT(dl_server_start(&server, &o, msg, sizeof msg), DL_OK);
    if (!server) {
        remove_store();
        return;
    }
    const char *url = dl_server_url(server);
    CHECK(!strncmp(url, "http://127.0.0.1:", 17));
    int port = atoi(url + 17);
    CHECK(port > 0);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    CHECK_INT(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    const char req[] = "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    CHECK_INT(write(fd, req, sizeof req - 1), (long long)(sizeof req - 1));
    char buf[4096];
    size_t n = 0;
    ssize_t got;
    while (n < sizeof buf - 1 && (got = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)got;
    buf[n] = '\0';
    close(fd);
    CHECK(!strncmp(buf, "HTTP/1.1 200", 12));
    CHECK(strstr(buf, "ETag: \"") != NULL);
    CHECK(strstr(buf, "\"events\":3") != NULL);
    dl_server_stop(server);
    /* A bad address and a missing store are refused at start. */
    o.listen = "nowhere:80";
    CHECK(dl_server_start(&server, &o, msg, sizeof msg) != DL_OK);
    CHECK(strstr(msg, "--listen") != NULL);
    o.listen = "127.0.0.1:0";
    o.db = "/tmp/dl-no-such-store.db";
    CHECK(dl_server_start(&server, &o, msg, sizeof msg) != DL_OK);
    remove_store();
}

TEST(serve_cache_keeps_answers_until_the_store_changes)
{
    make_store();
    dl_cache *c = dl_cache_new(db, 1000);
    CHECK(c != NULL);
    uint64_t stamp = dl_cache_stamp(c);
    dl_cached a = {.status = 200, .content_type = "application/json", .etag = "\"1\"", .body = "{\"x\":1}", .len = 7};
    dl_cached got;
    CHECK(!dl_cache_get(c, "/api/stats", stamp, &got));
    dl_cache_put(c, "/api/stats", stamp, &a);
    CHECK(dl_cache_get(c, "/api/stats", stamp, &got));
    CHECK_STR(got.body, "{\"x\":1}");
    CHECK_STR(got.etag, "\"1\"");
    free(got.body);
    CHECK(!dl_cache_get(c, "/api/stats?", stamp, &got));
    /* Too big for the cache (over an eighth of it): not kept. */
    char big[200];
    memset(big, 'x', sizeof big);
    dl_cached b = {.status = 200, .content_type = "text/plain", .body = big, .len = sizeof big};
    dl_cache_put(c, "/big", stamp, &b);
    CHECK(!dl_cache_get(c, "/big", stamp, &got));
    /* A write to the store changes the stamp, and everything goes. */
    dl_store *s;
    CHECK_INT(dl_store_open(&s, db, NULL, NULL), DL_OK);
    dl_article art = {.id = "n", .source = "t.txt", .body = "A new article.", .body_len = 14};
    dl_analysis an = {.article = &art};
    bool added;
    CHECK_INT(dl_store_add(s, &an, &added), DL_OK);
    uint64_t later = dl_cache_stamp(c);
    CHECK(later != stamp);
    CHECK(!dl_cache_get(c, "/api/stats", later, &got));
    dl_store_close(s);
    dl_cache_free(c);
    remove_store();
}
