/* tagger.h: the part-of-speech tagger.
 *
 * A second-order hidden Markov model decoded with Viterbi. Emission
 * probabilities come from Festival's part-of-speech lexicon (Debian package
 * festlex-poslex, wsj.wp39.poslexR), transition probabilities from its tag
 * trigram model (wsj.wp39.tri.ngrambin); words the lexicon does not know get
 * tag distributions from a suffix and word-shape model, and a small set of
 * hand-written news rules (data/lexicon/) fixes what a 1990s Wall Street
 * Journal model gets wrong in today's news. Tags are Penn Treebank (dl_tag).
 *
 * The tagger is loaded once and shared read-only; dl_tagger_tag() allocates
 * nothing and may be called from several threads at once. */
#ifndef DL_TEXT_TAGGER_H
#define DL_TEXT_TAGGER_H

#include "dateline.h"

typedef struct dl_tagger dl_tagger;

/* Loads the system lexicons and the project's tagger data from data_dir
 * (NULL: dl_data_dir()). Free with dl_tagger_close(). */
dl_status dl_tagger_open(dl_tagger **out, const char *data_dir);
void dl_tagger_close(dl_tagger *tagger);

/* Sets tokens[i].tag for one sentence of n tokens (reads text and flags;
 * text need not be NUL-terminated beyond end - start bytes, but must be when
 * start/end do not describe it: the tagger uses strlen(text) when
 * end <= start). */
void dl_tagger_tag(const dl_tagger *tagger, dl_token *tokens, size_t n);

/* True when the lexicon holds `word` (len bytes), in its own case or in
 * lower case: the "known word" of tagging scores. */
bool dl_tagger_knows(const dl_tagger *tagger, const char *word, size_t len);

#endif
