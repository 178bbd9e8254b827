/* lines.c: reading data files line by line, with file and line in every
 * message. */
#include "base/lines.h"
#include "base/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

dl_status dl_lines_open(dl_lines *l, const char *path, bool required, dl_diag_fn diag, void *user)
{
    memset(l, 0, sizeof *l);
    l->path = path;
    l->diag = diag;
    l->diag_user = user;
    l->file = fopen(path, "r");
    if (!l->file) {
        if (required && diag) {
            dl_diag d = {DL_ERROR, DL_ERR_IO, path, 0, 0, "cannot open this data file"};
            diag(user, &d);
        }
        return DL_ERR_IO;
    }
    return DL_OK;
}

bool dl_lines_next(dl_lines *l, char **line, size_t *len)
{
    ssize_t n;
    while (l->file && (n = getline(&l->buf, &l->cap, l->file)) >= 0) {
        l->number++;
        while (n && (l->buf[n - 1] == '\n' || l->buf[n - 1] == '\r'))
            l->buf[--n] = '\0';
        size_t lead = strspn(l->buf, " \t");
        if (l->buf[lead] == '\0' || l->buf[lead] == '#')
            continue;
        *line = l->buf;
        *len = (size_t)n;
        return true;
    }
    return false;
}

void dl_lines_warn(const dl_lines *l, const char *fmt, ...)
{
    if (!l->diag)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_diag d = {DL_WARNING, DL_ERR_PARSE, l->path, l->number, 0, msg};
    l->diag(l->diag_user, &d);
}

void dl_lines_close(dl_lines *l)
{
    if (l->file)
        fclose(l->file);
    free(l->buf);
    memset(l, 0, sizeof *l);
}

dl_status dl_data_path(dl_buf *out, const char *data_dir, const char *name)
{
    dl_buf_clear(out);
    return dl_buf_printf(out, "%s/%s", data_dir ? data_dir : dl_data_dir(), name) ? DL_ERR_NOMEM : DL_OK;
}

const char *dl_data_relative(const char *path, const char *data_dir)
{
    size_t n = data_dir ? strlen(data_dir) : 0;
    while (n > 1 && data_dir[n - 1] == '/')
        n--;
    if (path && n && !strncmp(path, data_dir, n) && path[n] == '/')
        return path + n + 1;
    return path;
}
