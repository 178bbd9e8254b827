/* buf.h: the one growable byte buffer every stage uses (dl_buf is declared
 * in dateline.h). A zeroed dl_buf is empty and valid; the buffer owns its
 * memory until dl_buf_free(). data is always NUL-terminated once anything
 * has been appended, so it can be used as a C string. Appends return DL_OK
 * or DL_ERR_NOMEM (the buffer is unchanged then). */
#ifndef DL_BASE_BUF_H
#define DL_BASE_BUF_H

#include <stdarg.h>
#include "dateline.h"

#define DL_BUF_INIT {NULL, 0, 0}

/* dl_buf_free, dl_buf_append and dl_buf_puts are public (dateline.h). */

/* Empties the buffer but keeps its memory. */
static inline void dl_buf_clear(dl_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}
/* Makes room for `extra` more bytes (plus the terminating NUL). */
dl_status dl_buf_reserve(dl_buf *b, size_t extra);
dl_status dl_buf_putc(dl_buf *b, char c);
dl_status dl_buf_printf(dl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
dl_status dl_buf_vprintf(dl_buf *b, const char *fmt, va_list ap);
/* Hands the memory to the caller (free() it) and leaves the buffer empty. */
char *dl_buf_detach(dl_buf *b);

#endif
