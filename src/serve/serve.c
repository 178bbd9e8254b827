/* serve.c: the HTTP server (libmicrohttpd) in front of api.c and static.c.
 *
 * libmicrohttpd runs a pool of worker threads, each with its own epoll
 * loop; every worker opens its own read-only connection to the store the
 * first time it needs one (SQLite connections must not be shared between
 * threads that run queries at once). Requests are answered in the
 * handler's first call: only GET and HEAD exist, so there is no body to
 * wait for.
 *
 * The raw request target comes from the URI-log callback, before
 * libmicrohttpd decodes anything, so params.c sees exactly what the client
 * sent and refuses what is hostile. The same per-request record carries the
 * status and size for the access-log line written when the request ends
 * (also for clients that vanish half way). ETags are a hash of the body:
 * answers are computed anyway, but a client that has them gets a 304 and no
 * bytes. */
#include "serve/api.h"
#include "serve/cache.h"
#include "serve/params.h"
#include "serve/static.h"
#include "base/buf.h"
#include "base/hash.h"

#include <arpa/inet.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

struct dl_server {
    struct MHD_Daemon *daemon;
    char db[PATH_MAX];
    char web[PATH_MAX];
    bool has_web;
    char url[128];
    dl_log_fn log;
    void *log_user;
    dl_cache *cache;
    pthread_mutex_t lock;
    dl_store **stores; /* one per worker thread, closed at stop */
    size_t n_stores, cap_stores;
    uint64_t generation;
};

/* Each worker thread's store connection, and the server it belongs to (a
 * thread of a stopped server is never reused, but tests start several
 * servers in one process). */
static __thread dl_store *tls_store;
static __thread uint64_t tls_generation;
static uint64_t next_generation = 1;
static pthread_mutex_t generation_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct request {
    char *uri;
    char method[8];
    struct timespec start;
    int status;
    size_t bytes;
    bool answered;
} request;

static void logf_line(dl_server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_line(dl_server *s, const char *fmt, ...)
{
    if (!s->log)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    s->log(s->log_user, line);
}

/* The reason a store would not open, for a 503 answer or the start-up
 * error: a diagnostics sink that keeps the message in a char[512]. */
static void keep_message(void *user, const dl_diag *d)
{
    snprintf(user, 512, "%s", d->message);
}

static _Thread_local char open_failure[512];

static dl_store *thread_store(dl_server *s)
{
    if (tls_store && tls_generation == s->generation)
        return tls_store;
    dl_store *store;
    if (dl_store_open_readonly(&store, s->db, keep_message, open_failure))
        return NULL;
    pthread_mutex_lock(&s->lock);
    if (s->n_stores == s->cap_stores) {
        size_t cap = s->cap_stores ? s->cap_stores * 2 : 8;
        dl_store **grown = realloc(s->stores, cap * sizeof *grown);
        if (!grown) {
            pthread_mutex_unlock(&s->lock);
            dl_store_close(store);
            return NULL;
        }
        s->stores = grown;
        s->cap_stores = cap;
    }
    s->stores[s->n_stores++] = store;
    pthread_mutex_unlock(&s->lock);
    tls_store = store;
    tls_generation = s->generation;
    return store;
}

/* libmicrohttpd gives the raw target here, before it parses anything. */
static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
    request *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->uri = strdup(uri ? uri : "");
    clock_gettime(CLOCK_MONOTONIC, &r->start);
    return r;
}

/* The target for the log: printable ASCII, the rest %-escaped, cut short. */
static void log_target(char *out, size_t size, const char *uri)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)(uri ? uri : ""); *p && o + 4 < size; p++) {
        if (*p > 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
            out[o++] = (char)*p;
        else
            o += (size_t)snprintf(out + o, size - o, "%%%02X", *p);
    }
    if (uri && strlen(uri) > o && o + 4 >= size && size > 4)
        memcpy(out + size - 4, "...", 4), o = size - 1;
    out[o < size ? o : size - 1] = '\0';
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    dl_server *s = cls;
    request *r = *con_cls;
    if (!r)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(now.tv_sec - r->start.tv_sec) * 1e3 + (double)(now.tv_nsec - r->start.tv_nsec) / 1e6;
    char addr[INET6_ADDRSTRLEN] = "-";
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info && info->client_addr) {
        const struct sockaddr *sa = info->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, addr, sizeof addr);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, addr, sizeof addr);
    }
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char target[320];
    log_target(target, sizeof target, r->uri);
    if (r->answered)
        logf_line(s, "%s %s \"%s %s\" %d %zu %.2fms%s", when, addr, r->method, target, r->status, r->bytes, ms,
                  toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (client gone)");
    else
        logf_line(s, "%s %s \"%s %s\" - 0 %.2fms (dropped: %s)", when, addr, r->method[0] ? r->method : "-", target, ms,
                  toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timeout"
                  : toe == MHD_REQUEST_TERMINATED_READ_ERROR   ? "read error"
                  : toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ? "client gone"
                  : toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN ? "shutdown"
                                                               : "refused");
    free(r->uri);
    free(r);
    *con_cls = NULL;
}

/* Does If-None-Match (a list of tags, or *) hold this ETag? */
static bool etag_matches(const char *header, const char *etag)
{
    if (!header)
        return false;
    if (!strcmp(header, "*"))
        return true;
    size_t n = strlen(etag);
    for (const char *p = strstr(header, etag); p; p = strstr(p + 1, etag)) {
        /* W/"x" matches "x" for GET (the weak comparison). */
        bool start = p == header || p[-1] == ' ' || p[-1] == ',' || p[-1] == '/';
        bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

/* Sends an answer; body is malloc'ed and handed over (or NULL when len is 0). */
static enum MHD_Result send_answer(struct MHD_Connection *c, request *r, const dl_cached *a, bool is_html)
{
    struct MHD_Response *resp;
    int status = a->status;
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (status == 200 && etag_matches(inm, a->etag)) {
        status = 304;
        free(a->body);
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    } else {
        resp = a->body ? MHD_create_response_from_buffer(a->len, a->body, MHD_RESPMEM_MUST_FREE)
                       : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        if (!resp)
            free(a->body);
        r->bytes = a->len;
    }
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, a->etag);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    if (status != 304)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, a->content_type);
    if (is_html)
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                " frame-ancestors 'none'");
    if (a->filename) {
        char disp[128];
        snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", a->filename);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disp);
    }
    if (status == 405)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    r->status = status;
    r->answered = true;
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* The answer as a dl_cached: its ETag is a hash of status and body. */
static void to_answer(dl_cached *a, dl_api_response *res)
{
    a->status = res->status;
    a->content_type = res->content_type;
    a->filename = res->filename;
    snprintf(a->etag, sizeof a->etag, "\"%016llx\"",
             (unsigned long long)dl_hash64(res->body.data ? res->body.data : "", res->body.len,
                                           (uint64_t)res->status));
    a->len = res->body.len;
    a->body = dl_buf_detach(&res->body);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **con_cls)
{
    dl_server *s = cls;
    request *r = *con_cls;
    if (!r)
        return MHD_NO; /* out of memory in uri_logger: drop the connection */
    if (r->answered) {
        *upload_data_size = 0; /* a body nobody asked for: discard it */
        return MHD_YES;
    }
    snprintf(r->method, sizeof r->method, "%s", method);
    dl_api_response res = {0};
    bool html = false;
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
        dl_api_error(&res, 405, NULL, "method %s is not allowed: the API is read-only (GET, HEAD)", method);
    } else {
        dl_http_target t;
        dl_http_refusal why;
        dl_status st = dl_http_target_parse(&t, &why, r->uri, strlen(r->uri));
        if (st == DL_ERR_NOMEM) {
            dl_api_error(&res, 503, NULL, "out of memory");
        } else if (st) {
            if (!strcmp(why.param, "path") || !strcmp(why.param, "query"))
                dl_api_error(&res, why.status, why.param, "the %s %s", why.param, why.why);
            else
                dl_api_error(&res, why.status, why.param, "parameter '%s' %s", why.param, why.why);
        } else {
            if (!strcmp(t.path, "/api") || !strncmp(t.path, "/api/", 5)) {
                /* The same target gets the same answer while the store's
                 * files are unchanged. */
                uint64_t stamp = s->cache ? dl_cache_stamp(s->cache) : 0;
                dl_cached hit;
                if (s->cache && dl_cache_get(s->cache, r->uri, stamp, &hit)) {
                    dl_http_target_free(&t);
                    dl_buf_free(&res.body);
                    return send_answer(c, r, &hit, false);
                }
                dl_store *store = thread_store(s);
                if (!store)
                    dl_api_error(&res, 503, NULL, "the store cannot be opened: %s", open_failure);
                else
                    dl_api_handle(&res, store, &t);
                if (s->cache && res.status == 200) {
                    dl_cached a;
                    to_answer(&a, &res);
                    dl_cache_put(s->cache, r->uri, stamp, &a);
                    dl_http_target_free(&t);
                    return send_answer(c, r, &a, false);
                }
            } else {
                dl_static_handle(&res, s->has_web ? s->web : NULL, t.path);
                html = res.status == 200 && res.content_type && !strncmp(res.content_type, "text/html", 9);
            }
            dl_http_target_free(&t);
        }
    }
    dl_cached a;
    to_answer(&a, &res);
    return send_answer(c, r, &a, html);
}

static void mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    dl_server *s = cls;
    if (!s->log)
        return;
    char line[512] = "libmicrohttpd: ";
    size_t n = strlen(line);
    vsnprintf(line + n, sizeof line - n, fmt, ap);
    n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    s->log(s->log_user, line);
}

/* "127.0.0.1:8080", "[::1]:8080", "localhost:8080", ":8080", "8080". */
static bool parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len, bool *v6, char *host,
                         size_t host_size, unsigned *port)
{
    char h[128] = "127.0.0.1";
    const char *p = listen;
    const char *port_text;
    if (*p == '[') {
        const char *close = strchr(p, ']');
        if (!close || close[1] != ':' || (size_t)(close - p - 1) >= sizeof h)
            return false;
        memcpy(h, p + 1, (size_t)(close - p - 1));
        h[close - p - 1] = '\0';
        port_text = close + 2;
    } else {
        const char *colon = strrchr(p, ':');
        if (colon) {
            if ((size_t)(colon - p) >= sizeof h)
                return false;
            if (colon > p) {
                memcpy(h, p, (size_t)(colon - p));
                h[colon - p] = '\0';
            }
            port_text = colon + 1;
        } else {
            port_text = p;
        }
    }
    if (!strcmp(h, "localhost"))
        strcpy(h, "127.0.0.1");
    char *end;
    long pt = strtol(port_text, &end, 10);
    if (!*port_text || *end || pt < 0 || pt > 65535)
        return false;
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, h, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)pt);
        *len = sizeof *a4;
        *v6 = false;
    } else if (inet_pton(AF_INET6, h, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)pt);
        *len = sizeof *a6;
        *v6 = true;
    } else {
        return false;
    }
    snprintf(host, host_size, *v6 ? "[%s]" : "%s", h);
    *port = (unsigned)pt;
    return true;
}

dl_status dl_server_start(dl_server **out, const dl_serve_options *o, char *message, size_t size)
{
    *out = NULL;
    if (size)
        message[0] = '\0';
    if (!o || !o->db) {
        snprintf(message, size, "no store given");
        return DL_ERR_ARG;
    }
    dl_server *s = calloc(1, sizeof *s);
    if (!s)
        return DL_ERR_NOMEM;
    pthread_mutex_init(&s->lock, NULL);
    s->log = o->log;
    s->log_user = o->log_user;
    pthread_mutex_lock(&generation_lock);
    s->generation = next_generation++;
    pthread_mutex_unlock(&generation_lock);
    /* Check the store now, so a wrong path fails at start, not per request. */
    dl_store *probe;
    char why[512] = "";
    if (dl_store_open_readonly(&probe, o->db, keep_message, why)) {
        snprintf(message, size, "%s", why);
        dl_server_stop(s);
        return DL_ERR_DB;
    }
    dl_store_close(probe);
    if (!realpath(o->db, s->db)) {
        snprintf(message, size, "%s: cannot resolve the path", o->db);
        dl_server_stop(s);
        return DL_ERR_IO;
    }
    s->cache = dl_cache_new(s->db, 0); /* without one (no memory), every answer is computed */
    char web[PATH_MAX];
    const char *web_dir = o->web_dir;
    if (!web_dir) {
        snprintf(web, sizeof web, "%s/../web", dl_data_dir());
        web_dir = web;
    }
    s->has_web = *web_dir && realpath(web_dir, s->web);
    if (o->web_dir && *o->web_dir && !s->has_web) {
        snprintf(message, size, "%s: no such folder (the dashboard's files)", o->web_dir);
        dl_server_stop(s);
        return DL_ERR_IO;
    }
    struct sockaddr_storage addr;
    socklen_t addr_len;
    bool v6;
    char host[80];
    unsigned port;
    if (!parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &addr, &addr_len, &v6, host, sizeof host,
                      &port)) {
        snprintf(message, size, "--listen takes HOST:PORT with a numeric address (127.0.0.1:8080, [::1]:8080), not '%s'",
                 o->listen);
        dl_server_stop(s);
        return DL_ERR_ARG;
    }
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, handle, s,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads ? o->threads : 4),
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)(o->max_connections ? o->max_connections : 1000),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout ? o->timeout : 10),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024,
        MHD_OPTION_URI_LOG_CALLBACK, uri_logger, s,
        MHD_OPTION_NOTIFY_COMPLETED, completed, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(message, size, "cannot listen on %s:%u (address in use, or not this machine's?)", host, port);
        dl_server_stop(s);
        return DL_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    if (info && info->port)
        port = info->port;
    snprintf(s->url, sizeof s->url, "http://%s:%u/", host, port);
    *out = s;
    return DL_OK;
}

const char *dl_server_url(const dl_server *s) { return s->url; }

const char *dl_server_web_dir(const dl_server *s) { return s->has_web ? s->web : NULL; }

void dl_server_stop(dl_server *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_stores; i++)
        dl_store_close(s->stores[i]);
    free(s->stores);
    dl_cache_free(s->cache);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
