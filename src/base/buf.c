/* buf.c: the growable byte buffer. */
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dl_buf_free(dl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

dl_status dl_buf_reserve(dl_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return DL_ERR_NOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return DL_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return DL_ERR_NOMEM;
    b->data = p;
    b->cap = cap;
    return DL_OK;
}

dl_status dl_buf_append(dl_buf *b, const void *data, size_t len)
{
    if (b->len + len + 1 > b->cap) {
        dl_status st = dl_buf_reserve(b, len);
        if (st)
            return st;
    }
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return DL_OK;
}

dl_status dl_buf_puts(dl_buf *b, const char *s) { return dl_buf_append(b, s, strlen(s)); }

dl_status dl_buf_putc(dl_buf *b, char c)
{
    if (b->len + 2 > b->cap) {
        dl_status st = dl_buf_reserve(b, 1);
        if (st)
            return st;
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return DL_OK;
}

dl_status dl_buf_vprintf(dl_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    dl_status st = DL_OK;
    if (n < 0) {
        st = DL_ERR_ARG;
    } else if ((size_t)n < sizeof small) {
        st = dl_buf_append(b, small, (size_t)n);
    } else if ((st = dl_buf_reserve(b, (size_t)n)) == DL_OK) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
    return st;
}

dl_status dl_buf_printf(dl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dl_status st = dl_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return st;
}

char *dl_buf_detach(dl_buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
