/* utf8.h: UTF-8 decoding, validation and repair.
 * Everything after the reader may assume valid UTF-8: the reader repairs
 * invalid input with dl_utf8_repair() and reports where it did. */
#ifndef DL_BASE_UTF8_H
#define DL_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include "dateline.h"

/* Decodes one code point at s (n bytes available). Returns its length in
 * bytes (1-4) and sets *cp, or returns 0 for an invalid or truncated
 * sequence (overlongs, surrogates and values over U+10FFFF are invalid). */
size_t dl_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t dl_utf8_encode(int32_t cp, char *out);
/* Length of the longest valid UTF-8 prefix of s. Equal to n for valid text. */
size_t dl_utf8_valid_prefix(const char *s, size_t n);
/* Appends s to out with every invalid sequence replaced by U+FFFD. Sets
 * *n_bad to the number of replacements and *first_bad to the offset of the
 * first (when there is one). */
dl_status dl_utf8_repair(dl_buf *out, const char *s, size_t n, size_t *n_bad, size_t *first_bad);
/* Number of code points in s. */
size_t dl_utf8_count(const char *s, size_t n);

#endif
