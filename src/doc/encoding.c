/* encoding.c: bytes to UTF-8 (see encoding.h). */
#include "doc/encoding.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "doc/html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

dl_status dl_cp1252_to_utf8(dl_buf *out, const char *s, size_t n)
{
    /* 0x80-0x9F are printable in Windows-1252 (curly quotes, dashes, the
     * euro sign), where Latin-1 has control codes no page means. */
    static const uint16_t high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    dl_status st = dl_buf_reserve(out, n + n / 2);
    for (size_t i = 0; i < n && !st; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c)
                st = dl_buf_putc(out, (char)c);
            continue;
        }
        int32_t u = c < 0xA0 ? high[c - 0x80] : c;
        char enc[4];
        st = dl_buf_append(out, enc, dl_utf8_encode(u, enc));
    }
    return st;
}

bool dl_content_type_charset(const char *ct, size_t n, char *out, size_t cap)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (strncasecmp(ct + i, "charset=", 8))
            continue;
        size_t b = i + 8;
        while (b < n && (ct[b] == '"' || ct[b] == '\''))
            b++;
        size_t e = b;
        while (e < n && (isalnum((unsigned char)ct[e]) || ct[e] == '-' || ct[e] == '_' ||
                         ct[e] == '.' || ct[e] == ':'))
            e++;
        if (e == b || e - b >= cap)
            return false;
        for (size_t k = b; k < e; k++)
            out[k - b] = (char)tolower((unsigned char)ct[k]);
        out[e - b] = '\0';
        return true;
    }
    return false;
}

static bool is_utf8_name(const char *cs)
{
    return !strcmp(cs, "utf-8") || !strcmp(cs, "utf8") || !strcmp(cs, "us-ascii") ||
           !strcmp(cs, "ascii") || !strcmp(cs, "unicode-1-1-utf-8");
}

/* Latin-1 and its aliases are read as Windows-1252, as browsers do. */
static bool is_latin_name(const char *cs)
{
    return !strcmp(cs, "iso-8859-1") || !strcmp(cs, "iso8859-1") || !strcmp(cs, "latin1") ||
           !strcmp(cs, "latin-1") || !strcmp(cs, "windows-1252") || !strcmp(cs, "cp1252") ||
           !strcmp(cs, "l1") || !strcmp(cs, "iso_8859-1") || !strcmp(cs, "x-cp1252");
}

/* Appends s as UTF-8, repairing invalid sequences. */
static dl_status append_utf8(dl_buf *out, const char *s, size_t n, dl_decode_info *info)
{
    size_t ok = dl_utf8_valid_prefix(s, n);
    if (ok == n)
        return dl_buf_append(out, s, n);
    return dl_utf8_repair(out, s, n, &info->n_bad, &info->first_bad);
}

static dl_status with_iconv(dl_buf *out, const char *s, size_t n, const char *cs, dl_decode_info *info)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1)
        return DL_ERR_ENCODING;
    dl_status st = DL_OK;
    char *in = (char *)s;
    size_t left = n;
    while (left && !st) {
        if ((st = dl_buf_reserve(out, left * 2 + 16)))
            break;
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1, before = room;
        size_t r = iconv(cd, &in, &left, &o, &room);
        out->len += before - room;
        out->data[out->len] = '\0';
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* an invalid or cut sequence: one byte becomes U+FFFD */
            if (!info->n_bad)
                info->first_bad = (size_t)(in - s);
            info->n_bad++;
            st = dl_buf_append(out, "\xEF\xBF\xBD", 3);
            in++;
            left--;
        }
    }
    iconv_close(cd);
    return st;
}

dl_status dl_decode_html(dl_buf *out, const char *s, size_t n, const char *header_charset,
                         dl_decode_info *info)
{
    memset(info, 0, sizeof *info);
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        snprintf(info->charset, sizeof info->charset, "utf-8");
        info->basis = "bom";
        return append_utf8(out, s + 3, n - 3, info);
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        snprintf(info->charset, sizeof info->charset, u[0] == 0xFF ? "utf-16le" : "utf-16be");
        info->basis = "bom";
        return with_iconv(out, s + 2, n - 2, info->charset, info);
    }
    char cs[40] = "";
    if (header_charset && *header_charset) {
        snprintf(cs, sizeof cs, "%s", header_charset);
        info->basis = "header";
    } else if (dl_html_charset(s, n, cs, sizeof cs)) {
        info->basis = "meta";
        /* a page that says UTF-16 in its own ASCII bytes is not UTF-16 */
        if (!strncmp(cs, "utf-16", 6))
            snprintf(cs, sizeof cs, "utf-8");
    }
    /* Bytes that are valid UTF-8 with some multi-byte sequences are UTF-8
     * whatever the page says: no legacy text is valid UTF-8 by chance,
     * while pages re-saved as UTF-8 keep their old declaration. */
    if (*cs && !is_utf8_name(cs) && dl_utf8_valid_prefix(s, n) == n) {
        bool multibyte = false;
        for (size_t i = 0; i < n && !multibyte; i++)
            multibyte = (unsigned char)s[i] >= 0x80;
        if (multibyte)
            snprintf(cs, sizeof cs, "utf-8");
    }
    if (*cs && !is_utf8_name(cs) && !is_latin_name(cs)) {
        size_t at = out->len;
        dl_status st = with_iconv(out, s, n, cs, info);
        if (st != DL_ERR_ENCODING) {
            snprintf(info->charset, sizeof info->charset, "%s", cs);
            return st;
        }
        out->len = at;
        if (out->data)
            out->data[at] = '\0';
        info->unknown = true;
        *cs = '\0';
    }
    if (*cs && is_latin_name(cs)) {
        snprintf(info->charset, sizeof info->charset, "windows-1252");
        return dl_cp1252_to_utf8(out, s, n);
    }
    /* Declared UTF-8, or nothing declared: UTF-8 if it is, else a guess. */
    size_t ok = dl_utf8_valid_prefix(s, n);
    if (ok == n || *cs) {
        snprintf(info->charset, sizeof info->charset, "utf-8");
        if (!*cs)
            info->basis = "guess";
        return append_utf8(out, s, n, info);
    }
    /* Nothing declared and not UTF-8: mostly valid UTF-8 with a few bad
     * bytes is damaged UTF-8; otherwise a single-byte page. */
    size_t high = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = dl_utf8_decode(s + i, n - i, &cp);
        if (!k) {
            bad++;
            i++;
        } else {
            high += k > 1;
            i += k;
        }
    }
    info->basis = "guess";
    if (high > bad * 4) {
        snprintf(info->charset, sizeof info->charset, "utf-8");
        return append_utf8(out, s, n, info);
    }
    snprintf(info->charset, sizeof info->charset, "windows-1252");
    return dl_cp1252_to_utf8(out, s, n);
}
