/* wordlist.c: reading the language core's word lists. */
#include "text/wordlist.h"
#include "base/buf.h"
#include "base/lines.h"

#include <stdio.h>
#include <stdlib.h>

dl_status dl_wordlist_read(const char *data_dir, const char *name, dl_wordlist_fn fn, void *user)
{
    dl_buf path = DL_BUF_INIT;
    dl_lines l;
    dl_status st = dl_data_path(&path, data_dir, name);
    if (st || (st = dl_lines_open(&l, path.data, false, NULL, NULL))) {
        dl_buf_free(&path);
        return st;
    }
    char *line;
    size_t len;
    while (!st && dl_lines_next(&l, &line, &len)) {
        char *fields[16];
        size_t n = 0;
        for (char *p = line; *p && n < 16;) {
            while (*p == ' ' || *p == '\t')
                p++;
            if (!*p || *p == '#')
                break;
            fields[n++] = p;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = '\0';
        }
        if (n)
            st = fn(user, fields, n, l.number);
    }
    dl_lines_close(&l);
    dl_buf_free(&path);
    return st;
}
