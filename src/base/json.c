/* json.c: the streaming JSON writer. */
#include "base/json.h"
#include "base/buf.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void dl_jw_init(dl_jw *w, dl_buf *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
}

static void put(dl_jw *w, const char *s, size_t n)
{
    if (!w->status)
        w->status = dl_buf_append(w->out, s, n);
}

/* Before a value: a comma if this container already holds one. Keys set
 * need_comma themselves, so a value after a key writes nothing. */
static void before_value(dl_jw *w)
{
    if (w->depth > 0 && w->need_comma[w->depth - 1])
        put(w, ",", 1);
    if (w->depth > 0)
        w->need_comma[w->depth - 1] = true;
}

static void jw_open(dl_jw *w, char c)
{
    before_value(w);
    put(w, &c, 1);
    if (w->depth < DL_JW_MAX_DEPTH)
        w->need_comma[w->depth] = false;
    else
        w->status = DL_ERR_LIMIT;
    w->depth++;
}

static void jw_close(dl_jw *w, char c)
{
    w->depth--;
    put(w, &c, 1);
}

void dl_jw_object_begin(dl_jw *w) { jw_open(w, '{'); }
void dl_jw_object_end(dl_jw *w) { jw_close(w, '}'); }
void dl_jw_array_begin(dl_jw *w) { jw_open(w, '['); }
void dl_jw_array_end(dl_jw *w) { jw_close(w, ']'); }

void dl_jw_key(dl_jw *w, const char *key)
{
    before_value(w);
    if (!w->status)
        w->status = dl_json_quote(w->out, key, strlen(key));
    put(w, ":", 1);
    /* The value that follows must not write a comma. */
    w->need_comma[w->depth - 1] = false;
}

/* After a key the container's flag is false; a value sets it back to true
 * in before_value() without writing a comma. */

dl_status dl_json_quote(dl_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    dl_status st = dl_buf_reserve(out, n + 2);
    if (st)
        return st;
    out->data[out->len++] = '"';
    size_t run = 0; /* start of the pending run of bytes that need no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if ((st = dl_buf_append(out, s + run, i - run)))
            return st;
        char esc[7] = {'\\', 0};
        size_t len = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            len = 6;
        }
        if ((st = dl_buf_append(out, esc, len)))
            return st;
        run = i + 1;
    }
    if ((st = dl_buf_append(out, s + run, n - run)))
        return st;
    return dl_buf_putc(out, '"');
}

void dl_jw_stringn(dl_jw *w, const char *s, size_t n)
{
    before_value(w);
    if (w->status)
        return;
    w->status = s ? dl_json_quote(w->out, s, n) : dl_buf_append(w->out, "null", 4);
}

void dl_jw_string(dl_jw *w, const char *s) { dl_jw_stringn(w, s, s ? strlen(s) : 0); }

void dl_jw_int(dl_jw *w, int64_t v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%" PRId64, v);
    before_value(w);
    put(w, tmp, (size_t)n);
}

void dl_jw_double(dl_jw *w, double v)
{
    char tmp[32];
    int n = isfinite(v) ? snprintf(tmp, sizeof tmp, "%.10g", v) : snprintf(tmp, sizeof tmp, "null");
    before_value(w);
    put(w, tmp, (size_t)n);
}

void dl_jw_bool(dl_jw *w, bool v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void dl_jw_raw(dl_jw *w, const char *json)
{
    before_value(w);
    put(w, json, strlen(json));
}

void dl_jw_null(dl_jw *w)
{
    before_value(w);
    put(w, "null", 4);
}
