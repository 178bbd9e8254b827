/* lines.h: the one reader of dateline's line-oriented data files
 * (word lists, tables, the CAMEO table, nominal frames, the cleaner's
 * lists; the dictionary formats build on it in dict/dict_read.c).
 *
 * A line is returned without its end-of-line bytes. Blank lines and lines
 * whose first non-blank byte is '#' are comments and are skipped. Every
 * message about a line names the file and the line through the caller's
 * diagnostics sink: the library never prints. */
#ifndef DL_BASE_LINES_H
#define DL_BASE_LINES_H
#include "dateline.h"

#include <stdio.h>

typedef struct dl_lines {
    const char *path;   /* as given; not copied: must outlive the reader */
    FILE *file;
    char *buf;          /* getline()'s buffer, reused */
    size_t cap;
    uint32_t number;    /* 1-based number of the line last returned */
    dl_diag_fn diag;
    void *diag_user;
} dl_lines;

/* Opens path. A file that cannot be opened is DL_ERR_IO; with `required`
 * it is also reported as an error naming the file. */
dl_status dl_lines_open(dl_lines *l, const char *path, bool required, dl_diag_fn diag, void *user);
/* Sets *line (writable, valid until the next call) and *len to the next
 * line that is not a comment; false at the end of the file. */
bool dl_lines_next(dl_lines *l, char **line, size_t *len);
/* Reports the line last returned as malformed: a warning "FILE:LINE:
 * message" through the sink; the caller skips the line. */
void dl_lines_warn(const dl_lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dl_lines_close(dl_lines *l);

/* A data file's name as explanations show it: relative to data_dir when it
 * lies inside it ("verbs.txt"), else as given. Points into path. */
const char *dl_data_relative(const char *path, const char *data_dir);

/* data_dir/name into out (data_dir NULL: dl_data_dir()). */
dl_status dl_data_path(dl_buf *out, const char *data_dir, const char *name);

#endif
