/* wordlist.c: reading the language core's word lists. */
#include "text/wordlist.h"
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>

dl_status dl_wordlist_read(const char *data_dir, const char *name, dl_wordlist_fn fn, void *user)
{
    dl_buf path = DL_BUF_INIT;
    if (dl_buf_printf(&path, "%s/%s", data_dir ? data_dir : dl_data_dir(), name))
        return DL_ERR_NOMEM;
    FILE *f = fopen(path.data, "r");
    dl_buf_free(&path);
    if (!f)
        return DL_ERR_IO;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    dl_status st = DL_OK;
    while (!st && getline(&line, &cap, f) >= 0) {
        lineno++;
        char *fields[16];
        size_t n = 0;
        for (char *p = line; *p && n < 16;) {
            while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
                p++;
            if (!*p || *p == '#')
                break;
            fields[n++] = p;
            while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
                p++;
            if (*p)
                *p++ = '\0';
        }
        if (n)
            st = fn(user, fields, n, lineno);
    }
    free(line);
    fclose(f);
    return st;
}
