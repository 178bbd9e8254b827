/* encoding.h: bytes in a declared or guessed charset to UTF-8.
 *
 * Web pages say what they are written in, in several places that can
 * disagree; the order a browser trusts them in is: a byte-order mark, the
 * HTTP Content-Type header (in a WARC record), <meta charset> in the first
 * bytes of the page, and else a guess. Our guess: UTF-8 when the bytes
 * are valid UTF-8, Windows-1252 (a superset of Latin-1, the usual
 * encoding of older Western pages) when they are not. Other charsets
 * (Shift_JIS, KOI8-R, GB18030, ...) are converted with the C library's
 * iconv. */
#ifndef DL_DOC_ENCODING_H
#define DL_DOC_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include "dateline.h"

typedef struct dl_decode_info {
    char charset[40];   /* what the text was read as ("utf-8", "windows-1252", "shift_jis") */
    const char *basis;  /* why: "bom", "header", "meta", "guess" */
    size_t n_bad;       /* sequences replaced with U+FFFD */
    size_t first_bad;   /* byte offset of the first (when n_bad > 0) */
    bool unknown;       /* the declared charset is unknown: read as the guess instead */
} dl_decode_info;

/* Decodes an HTML page to UTF-8, appending to out. header_charset is the
 * charset of an HTTP header, or NULL. NUL bytes are dropped. */
dl_status dl_decode_html(dl_buf *out, const char *s, size_t n, const char *header_charset,
                         dl_decode_info *info);

/* Windows-1252 bytes to UTF-8, appended to out. */
dl_status dl_cp1252_to_utf8(dl_buf *out, const char *s, size_t n);

/* "text/html; charset=ISO-8859-1" -> "iso-8859-1" into out; false if none. */
bool dl_content_type_charset(const char *content_type, size_t n, char *out, size_t cap);

#endif
