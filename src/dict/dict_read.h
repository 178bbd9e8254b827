/* dict_read.h: the TABARI/PETRARCH dictionary formats' layer: lines with
 * their '#' and multi-line '<!-- -->' comments taken apart, phrases
 * normalised, codes and dates parsed. The dictionary readers and the quote
 * cues use it. Plain tables and word lists are read with base/lines.h. */
#ifndef DL_DICT_READ_H
#define DL_DICT_READ_H

#include "dict/dict.h"

/* One line of a dictionary file after comments are split off. text is the
 * part before '#', with trailing space removed; comment is what follows '#'
 * (trimmed), or NULL. `<!-- ... -->` comments, which may span lines, are
 * removed entirely. Both point into a private, writable copy of the file. */
typedef struct dl_dict_line {
    char *text;
    char *comment;
    uint32_t number;
} dl_dict_line;

typedef struct dl_dict_file {
    const char *path;
    char *data;
    size_t len, pos;
    uint32_t number;
    bool in_xml_comment;
    dl_diag_fn diag;
    void *user;
} dl_dict_file;

dl_status dl_dict_file_open(dl_dict_file *f, const char *path, dl_diag_fn diag, void *user);
/* The next line, or false at the end of the file. */
bool dl_dict_file_next(dl_dict_file *f, dl_dict_line *line);
void dl_dict_file_close(dl_dict_file *f);
/* Reports a malformed line (as a warning: the line is skipped). */
void dl_dict_warn(const dl_dict_file *f, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A phrase as stored: upper case, '_' and runs of spaces as one space, no
 * leading/trailing space or '_' ("GAZA_CITY " -> "GAZA CITY"). n bytes of s. */
char *dl_dict_phrase(dl_arena *arena, const char *s, size_t n);

#endif
