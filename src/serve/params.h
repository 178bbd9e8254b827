/* params.h: the request target of an HTTP request ("/api/events?since=
 * 2024-01-01&actor=ISR"), split and decoded, with every hostile form
 * refused before anything else sees it.
 *
 * The server gives the raw target, as the client sent it, to
 * dl_http_target_parse(); the path and every parameter come back
 * percent-decoded, as valid UTF-8 without control characters or NULs.
 * This is the only code that reads request bytes; fuzz/fuzz_params.c
 * feeds it arbitrary input. */
#ifndef DL_SERVE_PARAMS_H
#define DL_SERVE_PARAMS_H

#include <stddef.h>
#include "dateline.h"

enum {
    DL_HTTP_MAX_TARGET = 8192, /* bytes of path + query; longer targets are refused (414) */
    DL_HTTP_MAX_PARAMS = 32,
    DL_HTTP_MAX_VALUE = 1024,  /* bytes of one decoded value */
};

typedef struct dl_http_param {
    const char *name, *value;
} dl_http_param;

/* A parsed target. Strings point into `storage`, which the target owns. */
typedef struct dl_http_target {
    const char *path;            /* decoded, starts with '/' */
    dl_http_param params[DL_HTTP_MAX_PARAMS];
    size_t n_params;
    char *storage;
} dl_http_target;

/* Why a target was refused: the HTTP status to answer with (400 or 414),
 * the parameter at fault ("path" for the path) and a static reason. */
typedef struct dl_http_refusal {
    int status;
    char param[64];
    const char *why;
} dl_http_refusal;

/* Parses `len` bytes of `raw`. Returns DL_OK and fills *t (free it with
 * dl_http_target_free()); DL_ERR_PARSE or DL_ERR_LIMIT with *refusal
 * filled (nothing to free); DL_ERR_NOMEM. Rules: the path starts with '/';
 * %XX escapes must be complete, and may not decode to NUL or a control
 * character; the decoded text must be valid UTF-8; '+' in the query is a
 * space; a parameter may be given once; names are [A-Za-z0-9_], at most 32
 * bytes; empty pieces ("a=1&&b=2") are skipped. */
dl_status dl_http_target_parse(dl_http_target *t, dl_http_refusal *refusal, const char *raw, size_t len);
void dl_http_target_free(dl_http_target *t);

/* The value of parameter `name`, or NULL. */
const char *dl_http_param_get(const dl_http_target *t, const char *name);

#endif
