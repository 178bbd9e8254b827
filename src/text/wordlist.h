/* wordlist.h: the language core's word lists (abbreviations, sentence
 * openers, reporting verbs): text files in data/ a person can edit. */
#ifndef DL_TEXT_WORDLIST_H
#define DL_TEXT_WORDLIST_H

#include "dateline.h"

/* Reads data_dir/name (data_dir NULL: dl_data_dir()): one entry per line,
 * '#' at the start of a field starts a comment, blank lines are skipped, an
 * entry's fields are separated by white space. Calls fn with each line's
 * fields (at most 16; the strings are valid during the call only) and its
 * 1-based number, and stops at the first status fn returns that is not
 * DL_OK. DL_ERR_IO when the file cannot be read. */
typedef dl_status (*dl_wordlist_fn)(void *user, char **fields, size_t n_fields, size_t line);
dl_status dl_wordlist_read(const char *data_dir, const char *name, dl_wordlist_fn fn, void *user);

#endif
