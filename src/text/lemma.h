/* lemma.h: the lemmatizer.
 *
 * Lemmas follow WordNet (Debian package wordnet-base): its exception lists
 * (said -> say, children -> child, better -> good) and its detachment rules
 * per part of speech (-ies -> -y, -es -> -e or nothing, ...), with a
 * candidate accepted only when WordNet's index knows it. Everything is loaded
 * into memory at open; a lookup never touches the disk. Lemmas are lower
 * case. */
#ifndef DL_TEXT_LEMMA_H
#define DL_TEXT_LEMMA_H

#include "dateline.h"

typedef struct dl_lemmatizer dl_lemmatizer;

/* Loads WordNet's index and exception files (data_dir is the project's data
 * folder, NULL: dl_data_dir(); the WordNet folder is /usr/share/wordnet or
 * $WNHOME/dict / $WNSEARCHDIR). Free with dl_lemmatizer_close(). */
dl_status dl_lemmatizer_open(dl_lemmatizer **out, const char *data_dir);
void dl_lemmatizer_close(dl_lemmatizer *lemmatizer);

/* The lower-case lemma of `word` (len bytes) tagged `tag`. The result is
 * NUL-terminated and lives either in the lemmatizer's tables (valid until
 * dl_lemmatizer_close()) or in `arena`. Returns NULL only when the arena is
 * out of memory. */
const char *dl_lemmatize(const dl_lemmatizer *lemmatizer, const char *word, size_t len,
                         dl_tag tag, dl_arena *arena);

#endif
