/* normalize.c: NFC and white-space normalisation of one line.
 *
 * utf8proc does the NFC work, but calling it on every line would cost more
 * than the rest of cleaning together, so a line goes through it only when
 * it holds a code point that NFC could change: anything from U+0300 on,
 * except the general punctuation block (curly quotes, dashes, ellipsis)
 * and currency signs, which are NFC-stable and common in news. */
#include "text/normalize.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <utf8proc.h>

static bool is_space_cp(int32_t cp)
{
    switch (cp) {
    case '\t': case '\v': case '\f': case ' ': case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* Code points dropped outright: controls, zero-width space, soft hyphen,
 * word joiner and byte-order mark. ZWJ and ZWNJ stay: they carry meaning in
 * Persian, Arabic and Indic scripts. */
static bool is_dropped_cp(int32_t cp)
{
    return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0 && cp != 0x85) ||
           cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

static bool nfc_stable(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x2010 && cp <= 0x205F) || (cp >= 0x20A0 && cp <= 0x20CF);
}

dl_status dl_normalize_line(dl_buf *out, const char *s, size_t n)
{
    size_t base = out->len;
    dl_status st = dl_buf_reserve(out, n);
    if (st)
        return st;
    bool pending_space = false, need_nfc = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int32_t cp;
        size_t len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if (!(len = dl_utf8_decode(s + i, n - i, &cp))) {
            cp = 0xFFFD; /* callers pass valid UTF-8; be safe anyway */
            len = 1;
        }
        i += len;
        if (is_space_cp(cp)) {
            pending_space = out->len > base;
            continue;
        }
        if (is_dropped_cp(cp))
            continue;
        if (pending_space) {
            out->data[out->len++] = ' ';
            pending_space = false;
        }
        if (!nfc_stable(cp))
            need_nfc = true;
        if (cp < 0x80) {
            out->data[out->len++] = (char)cp;
        } else {
            /* Our output never grows past the input except for U+FFFD
             * replacing a single byte; reserve for that case. */
            if ((st = dl_buf_reserve(out, 4)))
                return st;
            out->len += dl_utf8_encode(cp, out->data + out->len);
        }
    }
    out->data[out->len] = '\0';
    if (!need_nfc)
        return DL_OK;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)out->data + base,
                                      (utf8proc_ssize_t)(out->len - base), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0)
        return m == UTF8PROC_ERROR_NOMEM ? DL_ERR_NOMEM : DL_OK; /* keep as is */
    out->len = base;
    st = dl_buf_append(out, nfc, (size_t)m);
    free(nfc);
    return st;
}
