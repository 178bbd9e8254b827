/* api.c: the answers of the JSON API (see the README for each endpoint).
 *
 * Records are the stored JSON, exactly as the CLI prints them, with an
 * "id" added to events so a client can ask for one again; lists wrap them
 * in an object ({"events": [...], "count": n, "next_cursor": ...}) so that
 * fields can be added to a page without breaking clients. Fields that
 * later stages add to records (a story id, deduplicated counts) appear in
 * the API as soon as the store keeps them, with no change here; new
 * aggregate groupings are a value of `group=` or `by=`.
 *
 * Every parameter is checked: unknown names, bad values and values out of
 * range are a 400 that names the parameter. Filters go through
 * dl_query_set(), the parser `dateline events` uses. */
#include "serve/api.h"
#include "base/buf.h"
#include "base/json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char JSON[] = "application/json; charset=utf-8";

void dl_api_error(dl_api_response *res, int status, const char *param, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_buf_clear(&res->body);
    res->status = status;
    res->content_type = JSON;
    res->filename = NULL;
    dl_jw w;
    dl_jw_init(&w, &res->body);
    dl_jw_object_begin(&w);
    dl_jw_key(&w, "error");
    dl_jw_object_begin(&w);
    dl_jw_kv_int(&w, "status", status);
    dl_jw_kv_string(&w, "message", msg);
    if (param)
        dl_jw_kv_string(&w, "parameter", param);
    dl_jw_object_end(&w);
    dl_jw_object_end(&w);
    dl_buf_putc(&res->body, '\n');
}

/* A JSON value already written out (a stored record), placed like any
 * other value of the writer. */
static void jw_raw(dl_jw *w, const char *json, size_t n)
{
    if (w->depth > 0 && w->need_comma[w->depth - 1])
        dl_buf_putc(w->out, ',');
    if (w->depth > 0)
        w->need_comma[w->depth - 1] = true;
    if (!w->status)
        w->status = dl_buf_append(w->out, json, n);
}

/* A stored record with "id": N put first. */
static void jw_record_with_id(dl_jw *w, const char *id, const char *json)
{
    size_t n = strlen(json);
    if (n < 2 || json[0] != '{') {
        jw_raw(w, "null", 4);
        return;
    }
    dl_buf tmp = DL_BUF_INIT;
    dl_buf_printf(&tmp, "{\"id\":%s%s", id, json[1] == '}' ? "" : ",");
    dl_buf_append(&tmp, json + 1, n - 1);
    jw_raw(w, tmp.data, tmp.len);
    dl_buf_free(&tmp);
}

static const char *column(size_t n, const char *const *names, const char *const *values, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return values[i];
    return NULL;
}

/* Columns that hold numbers in the rows of aggregates, actors and search. */
static bool numeric(const char *name)
{
    static const char *const names[] = {"events", "cooperation", "conflict", "mentions", "articles",
                                        "goldstein", "score", "quad_class", "sentence", "event_id"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i]))
            return true;
    return false;
}

/* A result row as one JSON object, without its stored "json". */
static void jw_row(dl_jw *w, size_t n, const char *const *names, const char *const *values, bool numeric_key)
{
    dl_jw_object_begin(w);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(names[i], "json"))
            continue;
        dl_jw_key(w, names[i]);
        if (values[i] && (numeric(names[i]) || (numeric_key && !strcmp(names[i], "key")))) {
            char *end;
            double d = strtod(values[i], &end);
            if (*end)
                dl_jw_string(w, values[i]);
            else if (d == (double)(int64_t)d)
                dl_jw_int(w, (int64_t)d);
            else
                dl_jw_double(w, d);
        } else {
            dl_jw_string(w, values[i]);
        }
    }
    dl_jw_object_end(w);
}

/* ------------------------------------------------------------ parameters */

static bool listed(const char *name, const char *const *list)
{
    for (; list && *list; list++)
        if (!strcmp(name, *list))
            return true;
    return false;
}

/* Every parameter must be one the endpoint takes. */
static bool only(dl_api_response *res, const dl_http_target *t, const char *const *allowed)
{
    for (size_t i = 0; i < t->n_params; i++)
        if (!listed(t->params[i].name, allowed)) {
            dl_api_error(res, 400, t->params[i].name, "unknown parameter '%s' for %s", t->params[i].name,
                         t->path);
            return false;
        }
    return true;
}

/* Sets the filters among the target's parameters. */
static bool filters(dl_api_response *res, const dl_http_target *t, dl_query *q, const char *const *names)
{
    for (size_t i = 0; i < t->n_params; i++) {
        if (!listed(t->params[i].name, names))
            continue;
        const char *why;
        if (dl_query_set(q, t->params[i].name, t->params[i].value, &why)) {
            dl_api_error(res, 400, t->params[i].name, "parameter '%s' %s", t->params[i].name, why);
            return false;
        }
    }
    return true;
}

/* limit for a JSON page: default when absent, at most DL_API_MAX_LIMIT. */
static bool page_limit(dl_api_response *res, dl_query *q, const dl_http_target *t, int64_t def)
{
    if (!dl_http_param_get(t, "limit")) {
        q->limit = def;
        return true;
    }
    if (q->limit < 1 || q->limit > DL_API_MAX_LIMIT) {
        dl_api_error(res, 400, "limit", "parameter 'limit' must be between 1 and %d", DL_API_MAX_LIMIT);
        return false;
    }
    return true;
}

static void store_error(dl_api_response *res, dl_store *store, dl_status st)
{
    dl_api_error(res, 500, NULL, "the store could not answer: %s",
                 st == DL_ERR_DB ? dl_store_message(store) : dl_status_name(st));
}

static const char *const EVENT_FILTERS[] = {"actor", "source", "target", "cameo", "plover",
                                            "country", "since", "until", NULL};

/* ----------------------------------------------------------------- lists */

typedef struct page {
    dl_jw w;
    int64_t rows, limit;
    bool more;
    char last_id[32];
    bool with_id;  /* events: "id" from event_id */
    bool numeric_key;
} page;

static dl_status page_record(void *user, size_t n, const char *const *names, const char *const *values)
{
    page *p = user;
    if (p->limit && p->rows == p->limit) {
        p->more = true;
        return DL_OK;
    }
    const char *json = column(n, names, values, "json");
    if (p->with_id) {
        const char *id = column(n, names, values, "event_id");
        snprintf(p->last_id, sizeof p->last_id, "%s", id ? id : "");
        jw_record_with_id(&p->w, id ? id : "null", json ? json : "null");
    } else if (json) {
        jw_raw(&p->w, json, strlen(json));
    } else {
        jw_row(&p->w, n, names, values, p->numeric_key);
    }
    p->rows++;
    return p->w.status;
}

static dl_status page_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    page *p = user;
    jw_row(&p->w, n, names, values, p->numeric_key);
    p->rows++;
    return p->w.status;
}

static int export_write(void *out, const char *data, size_t len)
{
    return dl_buf_append(out, data, len) ? -1 : 0;
}

/* format=jsonl|csv|gdelt: the same bytes `dateline events --format F`
 * prints for the same filters. */
static void download(dl_api_response *res, dl_store *store, dl_table table, const dl_query *q, const char *format)
{
    static const struct {
        const char *name, *type, *ext;
        dl_export_format format;
    } formats[] = {
        {"jsonl", "application/x-ndjson; charset=utf-8", "jsonl", DL_EXPORT_JSONL},
        {"csv", "text/csv; charset=utf-8", "csv", DL_EXPORT_CSV},
        {"tsv", "text/tab-separated-values; charset=utf-8", "tsv", DL_EXPORT_TSV},
        {"gdelt", "text/tab-separated-values; charset=utf-8", "gdelt.tsv", DL_EXPORT_GDELT},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        if (strcmp(format, formats[i].name) || (formats[i].format == DL_EXPORT_GDELT && table != DL_TABLE_EVENTS))
            continue;
        dl_export x;
        dl_export_init(&x, formats[i].format, table, export_write, &res->body);
        dl_status st = dl_store_query(store, table, q, dl_export_row, &x);
        dl_export_free(&x);
        if (st) {
            store_error(res, store, st);
            return;
        }
        res->status = 200;
        res->content_type = formats[i].type;
        res->filename = table == DL_TABLE_EVENTS ? (i == 0 ? "events.jsonl" : i == 1 ? "events.csv"
                                                    : i == 2 ? "events.tsv" : "events.gdelt.tsv")
                                                 : (i == 0 ? "quotes.jsonl" : i == 1 ? "quotes.csv" : "quotes.tsv");
        return;
    }
    dl_api_error(res, 400, "format", "parameter 'format' takes json, jsonl, csv, tsv%s, not '%s'",
                 table == DL_TABLE_EVENTS ? " or gdelt" : "", format);
}

/* GET /api/events and /api/quotes: a page of records, or a download. */
static void list(dl_api_response *res, dl_store *store, const dl_http_target *t, dl_table table)
{
    static const char *const event_params[] = {"actor", "source", "target", "cameo", "plover", "country",
                                               "since", "until", "limit", "cursor", "format", NULL};
    static const char *const quote_params[] = {"speaker", "since", "until", "limit", "format", NULL};
    static const char *const event_filters[] = {"actor", "source", "target", "cameo", "plover", "country",
                                                "since", "until", "limit", "cursor", NULL};
    static const char *const quote_filters[] = {"speaker", "since", "until", "limit", NULL};
    const char *const *allowed = table == DL_TABLE_EVENTS ? event_params : quote_params;
    dl_query q = {0};
    if (!only(res, t, allowed) || !filters(res, t, &q, table == DL_TABLE_EVENTS ? event_filters : quote_filters))
        return;
    const char *format = dl_http_param_get(t, "format");
    if (format && strcmp(format, "json")) {
        if (dl_http_param_get(t, "limit") && q.limit < 1) {
            dl_api_error(res, 400, "limit", "parameter 'limit' must be at least 1");
            return;
        }
        download(res, store, table, &q, format);
        return;
    }
    if (!page_limit(res, &q, t, DL_API_DEFAULT_LIMIT))
        return;
    const char *key = table == DL_TABLE_EVENTS ? "events" : "quotes";
    page p = {.limit = q.limit, .with_id = table == DL_TABLE_EVENTS};
    q.limit++; /* one more row tells whether there is a next page */
    dl_jw_init(&p.w, &res->body);
    dl_jw_object_begin(&p.w);
    dl_jw_key(&p.w, key);
    dl_jw_array_begin(&p.w);
    dl_status st = dl_store_query(store, table, &q, page_record, &p);
    if (st) {
        store_error(res, store, st);
        return;
    }
    dl_jw_array_end(&p.w);
    dl_jw_kv_int(&p.w, "count", p.rows);
    if (table == DL_TABLE_EVENTS) {
        dl_jw_key(&p.w, "next_cursor");
        dl_jw_string(&p.w, p.more ? p.last_id : NULL);
    } else {
        dl_jw_kv_bool(&p.w, "more", p.more);
    }
    dl_jw_object_end(&p.w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

/* GET /api/events/ID: the event, its article and the quotes of its sentence. */
typedef struct one_event {
    dl_jw *w;
    bool found;
    char article[256];
    int64_t sentence;
} one_event;

static dl_status event_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    one_event *e = user;
    const char *id = column(n, names, values, "event_id");
    const char *json = column(n, names, values, "json");
    const char *article = column(n, names, values, "article");
    const char *sentence = column(n, names, values, "sentence");
    e->found = true;
    dl_jw_key(e->w, "event");
    jw_record_with_id(e->w, id ? id : "null", json ? json : "null");
    dl_jw_key(e->w, "article");
    dl_jw_object_begin(e->w);
    dl_jw_kv_string(e->w, "id", article);
    dl_jw_kv_string(e->w, "title", column(n, names, values, "title"));
    dl_jw_kv_string(e->w, "date", column(n, names, values, "date"));
    dl_jw_kv_string(e->w, "source", column(n, names, values, "url"));
    dl_jw_object_end(e->w);
    snprintf(e->article, sizeof e->article, "%s", article ? article : "");
    e->sentence = sentence ? strtoll(sentence, NULL, 10) : -1;
    return e->w->status;
}

static dl_status raw_record(void *user, size_t n, const char *const *names, const char *const *values)
{
    dl_jw *w = user;
    const char *json = column(n, names, values, "json");
    jw_raw(w, json ? json : "null", json ? strlen(json) : 4);
    return w->status;
}

static bool id_number(const char *s, int64_t *id)
{
    size_t n = strlen(s);
    if (n == 0 || n > 18 || strspn(s, "0123456789") != n)
        return false;
    *id = strtoll(s, NULL, 10);
    return true;
}

static void event_by_id(dl_api_response *res, dl_store *store, const dl_http_target *t, const char *idtext)
{
    int64_t id;
    if (!only(res, t, NULL))
        return;
    if (!id_number(idtext, &id)) {
        dl_api_error(res, 400, "id", "an event id is a whole number, not '%s'", idtext);
        return;
    }
    dl_jw w;
    dl_jw_init(&w, &res->body);
    dl_jw_object_begin(&w);
    one_event e = {.w = &w};
    dl_status st = dl_store_event_by_id(store, id, event_row, &e);
    if (!st && e.found) {
        dl_jw_key(&w, "quotes");
        dl_jw_array_begin(&w);
        st = dl_store_sentence_quotes(store, e.article, e.sentence, raw_record, &w);
        dl_jw_array_end(&w);
    }
    if (st) {
        store_error(res, store, st);
        return;
    }
    if (!e.found) {
        dl_api_error(res, 404, "id", "no event %lld", (long long)id);
        return;
    }
    dl_jw_object_end(&w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

typedef struct found_writer {
    dl_jw *w;
    bool found;
} found_writer;

static dl_status article_row(void *user, size_t n, const char *const *names, const char *const *values)
{
    found_writer *f = user;
    f->found = true;
    dl_jw_key(f->w, "article");
    return raw_record(f->w, n, names, values);
}

static void article_by_id(dl_api_response *res, dl_store *store, const dl_http_target *t, const char *id)
{
    if (!only(res, t, NULL))
        return;
    if (!*id || strlen(id) > 256) {
        dl_api_error(res, 400, "id", "an article id is 1 to 256 bytes");
        return;
    }
    dl_jw w;
    dl_jw_init(&w, &res->body);
    dl_jw_object_begin(&w);
    found_writer f = {.w = &w};
    dl_status st = dl_store_article_by_id(store, id, article_row, &f);
    if (st) {
        store_error(res, store, st);
        return;
    }
    if (!f.found) {
        dl_api_error(res, 404, "id", "no article '%s'", id);
        return;
    }
    dl_jw_object_end(&w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

/* A JSON list of plain rows: {"KEY": [...], "count": n, ...}. */
static bool rows_begin(page *p, dl_api_response *res, const char *key)
{
    dl_jw_init(&p->w, &res->body);
    dl_jw_object_begin(&p->w);
    dl_jw_key(&p->w, key);
    dl_jw_array_begin(&p->w);
    return true;
}

static void rows_end(page *p, dl_api_response *res)
{
    dl_jw_array_end(&p->w);
    dl_jw_kv_int(&p->w, "count", p->rows);
    dl_jw_object_end(&p->w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

static void actors(dl_api_response *res, dl_store *store, const dl_http_target *t)
{
    static const char *const allowed[] = {"actor", "country", "since", "until", "limit", NULL};
    dl_query q = {0};
    if (!only(res, t, allowed) || !filters(res, t, &q, allowed) ||
        !page_limit(res, &q, t, DL_API_DEFAULT_LIMIT))
        return;
    page p = {0};
    rows_begin(&p, res, "actors");
    dl_status st = dl_store_actor_counts(store, &q, page_row, &p);
    if (st) {
        store_error(res, store, st);
        return;
    }
    rows_end(&p, res);
}

static void search(dl_api_response *res, dl_store *store, const dl_http_target *t)
{
    static const char *const allowed[] = {"q", "since", "until", "limit", NULL};
    dl_query q = {0};
    if (!only(res, t, allowed) || !filters(res, t, &q, allowed + 1) || !page_limit(res, &q, t, 20))
        return;
    q.text = dl_http_param_get(t, "q");
    if (!q.text || !*q.text) {
        dl_api_error(res, 400, "q", "parameter 'q' is required: the words to search for");
        return;
    }
    page p = {0};
    rows_begin(&p, res, "results");
    dl_status st = dl_store_query(store, DL_TABLE_SEARCH, &q, page_row, &p);
    if (st) {
        store_error(res, store, st);
        return;
    }
    rows_end(&p, res);
}

static void aggregates(dl_api_response *res, dl_store *store, const dl_http_target *t)
{
    static const char *const allowed[] = {"by", "group", "actor", "source", "target", "cameo", "plover",
                                          "country", "since", "until", NULL};
    dl_query q = {0};
    if (!only(res, t, allowed) || !filters(res, t, &q, EVENT_FILTERS))
        return;
    const char *by_name = dl_http_param_get(t, "by");
    const char *group_name = dl_http_param_get(t, "group");
    int by = dl_aggregate_by_from_name(by_name ? by_name : "day");
    if (by < 0) {
        dl_api_error(res, 400, "by", "parameter 'by' takes day, week, month, dyad, country or actor, not '%s'",
                     by_name);
        return;
    }
    int group = dl_aggregate_group_from_name(group_name ? group_name : "none");
    if (group < 0) {
        dl_api_error(res, 400, "group", "parameter 'group' takes quad, plover, root or none, not '%s'",
                     group_name);
        return;
    }
    if (group != DL_GROUP_NONE && by != DL_BY_DAY && by != DL_BY_WEEK && by != DL_BY_MONTH) {
        dl_api_error(res, 400, "group", "parameter 'group' applies to by=day, week or month only");
        return;
    }
    page p = {.numeric_key = group == DL_GROUP_QUAD};
    dl_jw_init(&p.w, &res->body);
    dl_jw_object_begin(&p.w);
    dl_jw_kv_string(&p.w, "by", by_name ? by_name : "day");
    if (by == DL_BY_DAY || by == DL_BY_WEEK || by == DL_BY_MONTH)
        dl_jw_kv_string(&p.w, "group", group_name ? group_name : "none");
    dl_jw_key(&p.w, "rows");
    dl_jw_array_begin(&p.w);
    dl_status st = dl_store_aggregate(store, (dl_aggregate_by)by, (dl_aggregate_group)group, &q, page_row, &p);
    if (st) {
        store_error(res, store, st);
        return;
    }
    dl_jw_array_end(&p.w);
    dl_jw_kv_int(&p.w, "count", p.rows);
    dl_jw_object_end(&p.w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

static void stats(dl_api_response *res, dl_store *store, const dl_http_target *t)
{
    if (!only(res, t, NULL))
        return;
    dl_store_counts c;
    dl_status st = dl_store_count(store, &c);
    if (st) {
        store_error(res, store, st);
        return;
    }
    dl_jw w;
    dl_jw_init(&w, &res->body);
    dl_jw_object_begin(&w);
    dl_jw_kv_int(&w, "articles", c.articles);
    dl_jw_kv_int(&w, "mentions", c.mentions);
    dl_jw_kv_int(&w, "quotes", c.quotes);
    dl_jw_kv_int(&w, "events", c.events);
    dl_jw_kv_string(&w, "version", DL_VERSION);
    dl_jw_object_end(&w);
    dl_buf_putc(&res->body, '\n');
    res->status = 200;
    res->content_type = JSON;
}

void dl_api_handle(dl_api_response *res, dl_store *store, const dl_http_target *t)
{
    const char *path = t->path;
    res->status = 0;
    res->filename = NULL;
    dl_buf_clear(&res->body);
    if (!strcmp(path, "/api/events"))
        list(res, store, t, DL_TABLE_EVENTS);
    else if (!strncmp(path, "/api/events/", 12))
        event_by_id(res, store, t, path + 12);
    else if (!strcmp(path, "/api/quotes"))
        list(res, store, t, DL_TABLE_QUOTES);
    else if (!strcmp(path, "/api/actors"))
        actors(res, store, t);
    else if (!strcmp(path, "/api/search"))
        search(res, store, t);
    else if (!strncmp(path, "/api/articles/", 14))
        article_by_id(res, store, t, path + 14);
    else if (!strcmp(path, "/api/aggregates"))
        aggregates(res, store, t);
    else if (!strcmp(path, "/api/stats") || !strcmp(path, "/api") || !strcmp(path, "/api/"))
        stats(res, store, t);
    else
        dl_api_error(res, 404, NULL, "no such endpoint: %s (see the README for the API)", path);
    if (!res->status)
        dl_api_error(res, 500, NULL, "out of memory");
}
