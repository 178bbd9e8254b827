/* normalize.h: text normalisation that keeps meaning.
 *
 * One line of raw text becomes: Unicode NFC; every kind of white space
 * (tab, no-break space, thin space, ideographic space ...) a plain space;
 * runs of spaces one space; no leading or trailing space; control
 * characters, zero-width spaces, soft hyphens and byte-order marks gone.
 * Quotation marks are kept exactly as written (straight or curly): later
 * stages read both, and offsets stay true to the source. */
#ifndef DL_TEXT_NORMALIZE_H
#define DL_TEXT_NORMALIZE_H

#include "dateline.h"

/* Appends the normalised form of s (valid UTF-8, one line, no newlines) to
 * out. */
dl_status dl_normalize_line(dl_buf *out, const char *s, size_t n);

#endif
