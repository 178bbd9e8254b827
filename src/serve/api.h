/* api.h: the JSON API, apart from HTTP: a parsed request target and a
 * store in, a status, a content type and a body out. The server (serve.c)
 * owns sockets, threads, headers and caching; this file owns what the
 * answers say, so it can be tested without a socket (tests/unit/
 * test_serve.c). */
#ifndef DL_SERVE_API_H
#define DL_SERVE_API_H

#include "dateline.h"
#include "serve/params.h"

typedef struct dl_api_response {
    int status;               /* HTTP status */
    const char *content_type; /* static string */
    const char *filename;     /* downloads: the attachment's name, else NULL */
    dl_buf body;              /* owned: free with dl_buf_free() */
} dl_api_response;

enum {
    DL_API_DEFAULT_LIMIT = 100, /* rows per JSON page when no limit is given */
    DL_API_MAX_LIMIT = 1000,    /* the largest JSON page; downloads have none */
};

/* Answers a GET of t->path under /api/. Never fails: problems become JSON
 * errors with their status ({"error": {"status", "message", "parameter"}}). */
void dl_api_handle(dl_api_response *res, dl_store *store, const dl_http_target *t);

/* Fills res with a JSON error; param may be NULL. */
void dl_api_error(dl_api_response *res, int status, const char *param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
