/* params.c: splitting and decoding request targets; see params.h.
 *
 * Refusing early keeps the rest of the server simple: after this, a path
 * holds no NUL that could cut a file name short, no byte sequence that is
 * not text, and no parameter that appears twice with two meanings. */
#include "serve/params.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static dl_status refuse(dl_http_refusal *r, int status, const char *param, size_t n, const char *why)
{
    r->status = status;
    if (n >= sizeof r->param)
        n = sizeof r->param - 1;
    memcpy(r->param, param, n);
    r->param[n] = '\0';
    r->why = why;
    return status == 414 ? DL_ERR_LIMIT : DL_ERR_PARSE;
}

/* Decodes src[0..n) into out (NUL-terminated); returns the decoded length,
 * or -1 with *why set. plus: '+' means a space (query strings). */
static long decode(char *out, const char *src, size_t n, bool plus, const char **why)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '%') {
            int hi = i + 1 < n ? hex(src[i + 1]) : -1;
            int lo = i + 2 < n ? hex(src[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                *why = "has a broken %-escape";
                return -1;
            }
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f) {
            *why = c == 0 ? "holds a NUL byte" : "holds a control character";
            return -1;
        }
        out[o++] = (char)c;
    }
    out[o] = '\0';
    if (dl_utf8_valid_prefix(out, o) != o) {
        *why = "is not valid UTF-8";
        return -1;
    }
    return (long)o;
}

static bool valid_name(const char *s, size_t n)
{
    if (n == 0 || n > 32)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

dl_status dl_http_target_parse(dl_http_target *t, dl_http_refusal *r, const char *raw, size_t len)
{
    memset(t, 0, sizeof *t);
    memset(r, 0, sizeof *r);
    if (len > DL_HTTP_MAX_TARGET)
        return refuse(r, 414, "path", 4, "is too long");
    if (len == 0 || raw[0] != '/')
        return refuse(r, 400, "path", 4, "must start with '/'");
    const char *q = memchr(raw, '?', len);
    size_t path_len = q ? (size_t)(q - raw) : len;
    /* A fragment is never sent by browsers; treat '#' as the end. */
    const char *hash = memchr(raw, '#', len);
    if (hash && (!q || hash < q))
        path_len = (size_t)(hash - raw), q = NULL;
    size_t query_len = q ? (size_t)(raw + len - (q + 1)) : 0;
    if (q && hash && hash > q)
        query_len = (size_t)(hash - (q + 1));
    /* Decoding never lengthens: len + one NUL per piece is enough. */
    t->storage = malloc(len + DL_HTTP_MAX_PARAMS * 2 + 2);
    if (!t->storage)
        return DL_ERR_NOMEM;
    char *out = t->storage;
    const char *why;
    long n = decode(out, raw, path_len, false, &why);
    if (n < 0) {
        dl_http_target_free(t);
        return refuse(r, 400, "path", 4, why);
    }
    t->path = out;
    out += n + 1;
    const char *p = q ? q + 1 : NULL, *end = p ? p + query_len : NULL;
    while (p && p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *piece_end = amp ? amp : end;
        if (piece_end > p) {
            const char *eq = memchr(p, '=', (size_t)(piece_end - p));
            const char *name_end = eq ? eq : piece_end;
            size_t name_len = (size_t)(name_end - p);
            if (!valid_name(p, name_len)) {
                dl_http_target_free(t);
                return refuse(r, 400, "query", 5, "has a parameter name that is not [A-Za-z0-9_]{1,32}");
            }
            if (t->n_params == DL_HTTP_MAX_PARAMS) {
                dl_http_target_free(t);
                return refuse(r, 400, "query", 5, "has too many parameters");
            }
            for (size_t i = 0; i < t->n_params; i++)
                if (strlen(t->params[i].name) == name_len && !memcmp(t->params[i].name, p, name_len)) {
                    dl_http_target_free(t);
                    return refuse(r, 400, p, name_len, "is given more than once");
                }
            memcpy(out, p, name_len);
            out[name_len] = '\0';
            t->params[t->n_params].name = out;
            out += name_len + 1;
            const char *v = eq ? eq + 1 : piece_end;
            n = decode(out, v, (size_t)(piece_end - v), true, &why);
            if (n < 0 || n > DL_HTTP_MAX_VALUE) {
                dl_http_target_free(t);
                return refuse(r, 400, p, name_len, n < 0 ? why : "is too long");
            }
            t->params[t->n_params++].value = out;
            out += n + 1;
        }
        p = amp ? amp + 1 : end;
    }
    return DL_OK;
}

void dl_http_target_free(dl_http_target *t)
{
    free(t->storage);
    memset(t, 0, sizeof *t);
}

const char *dl_http_param_get(const dl_http_target *t, const char *name)
{
    for (size_t i = 0; i < t->n_params; i++)
        if (!strcmp(t->params[i].name, name))
            return t->params[i].value;
    return NULL;
}
