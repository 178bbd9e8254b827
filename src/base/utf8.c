/* utf8.c: UTF-8 decoding, validation and repair (RFC 3629 rules). */
#include "base/utf8.h"
#include "base/buf.h"

#include <string.h>

size_t dl_utf8_decode(const char *str, size_t n, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t dl_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t dl_utf8_valid_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* Skip ASCII eight bytes at a time: most news text is ASCII. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t len = dl_utf8_decode(s + i, n - i, &cp);
        if (!len)
            return i;
        i += len;
    }
    return n;
}

dl_status dl_utf8_repair(dl_buf *out, const char *s, size_t n, size_t *n_bad, size_t *first_bad)
{
    size_t bad = 0, i = 0;
    while (i < n) {
        size_t ok = dl_utf8_valid_prefix(s + i, n - i);
        dl_status st = dl_buf_append(out, s + i, ok);
        if (st)
            return st;
        i += ok;
        if (i < n) {
            if (!bad && first_bad)
                *first_bad = i;
            bad++;
            if ((st = dl_buf_append(out, "\xEF\xBF\xBD", 3)))
                return st;
            i++; /* skip one byte; the next loop resynchronises */
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
                i++;
        }
    }
    if (n_bad)
        *n_bad = bad;
    return DL_OK;
}

size_t dl_utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}
