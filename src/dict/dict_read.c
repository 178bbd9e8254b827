/* dict_read.c: reading dictionary files line by line. */
#include "dict/dict_read.h"
#include "base/arena.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dl_status dl_dict_file_open(dl_dict_file *f, const char *path, dl_diag_fn diag, void *user)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->diag = diag;
    f->user = user;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (diag) {
            char msg[300];
            snprintf(msg, sizeof msg, "cannot open dictionary: %s", strerror(errno));
            dl_diag d = {DL_ERROR, DL_ERR_IO, path, 0, 0, msg};
            diag(user, &d);
        }
        return DL_ERR_IO;
    }
    size_t cap = 1 << 16;
    f->data = malloc(cap);
    size_t got;
    while (f->data && (got = fread(f->data + f->len, 1, cap - f->len - 1, fp)) > 0) {
        f->len += got;
        if (cap - f->len < 2) {
            char *nd = realloc(f->data, cap *= 2);
            if (!nd) {
                free(f->data);
            }
            f->data = nd;
        }
    }
    fclose(fp);
    if (!f->data)
        return DL_ERR_NOMEM;
    f->data[f->len] = '\0';
    return DL_OK;
}

void dl_dict_file_close(dl_dict_file *f)
{
    free(f->data);
    f->data = NULL;
}

void dl_dict_warn(const dl_dict_file *f, uint32_t line, const char *fmt, ...)
{
    if (!f->diag)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_diag d = {DL_WARNING, DL_ERR_PARSE, f->path, line, 0, msg};
    f->diag(f->user, &d);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

bool dl_dict_file_next(dl_dict_file *f, dl_dict_line *line)
{
    while (f->pos < f->len) {
        char *s = f->data + f->pos;
        char *nl = memchr(s, '\n', f->len - f->pos);
        size_t n = nl ? (size_t)(nl - s) : f->len - f->pos;
        s[n] = '\0';
        f->pos += n + 1;
        f->number++;
        /* <!-- ... --> comments, possibly over several lines, go first. */
        char *p = s;
        char *out = s;
        for (;;) {
            if (f->in_xml_comment) {
                char *end = strstr(p, "-->");
                if (!end) {
                    *p = '\0';
                    break;
                }
                p = end + 3;
                f->in_xml_comment = false;
                continue;
            }
            char *start = strstr(p, "<!--");
            if (!start) {
                memmove(out, p, strlen(p) + 1);
                break;
            }
            memmove(out, p, (size_t)(start - p));
            out += start - p;
            *out = '\0';
            p = start + 4;
            f->in_xml_comment = true;
        }
        /* '#' starts a comment, except inside a [code] ("[###]") */
        char *hash = NULL;
        for (char *c = s, depth = 0; *c && !hash; c++) {
            if (*c == '[')
                depth++;
            else if (*c == ']' && depth)
                depth--;
            else if (*c == '#' && !depth)
                hash = c;
        }
        line->comment = NULL;
        if (hash) {
            *hash = '\0';
            line->comment = trim(hash + 1);
        }
        /* keep leading white space: it tells a dated code line */
        size_t m = strlen(s);
        while (m && (s[m - 1] == ' ' || s[m - 1] == '\t' || s[m - 1] == '\r'))
            s[--m] = '\0';
        line->text = s;
        line->number = f->number;
        return true;
    }
    return false;
}

char *dl_dict_phrase(dl_arena *arena, const char *s, size_t n)
{
    char *out = dl_arena_alloc(arena, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_' || c == ' ' || c == '\t') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = (char)toupper(c);
    }
    out[k] = '\0';
    return out;
}

