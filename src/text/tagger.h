/* tagger.h: the part-of-speech tagger.
 *
 * A greedy left-to-right averaged perceptron (Collins 2002) over hashed
 * features of the word, its prefixes, suffixes and shape, its neighbours
 * and the two tags before it. Each class is a pair of tags, Penn (XPOS)
 * and Universal (UPOS), as the UD English Web Treebank writes them, so one
 * decision gives both. Frequent words that the training data tags one way
 * only are looked up, not scored.
 *
 * The model is data/models/tagger.dlm, trained by `dateline train tagger`
 * (dl_tagger_train()) on UD English EWT's training file. The words of
 * data/lexicon/tags.tsv restrict the tags a word may take (news names the
 * treebank does not know: "Hamas" is NNP).
 *
 * The tagger is loaded once and shared read-only; dl_tagger_tag() may be
 * called from several threads at once. */
#ifndef DL_TEXT_TAGGER_H
#define DL_TEXT_TAGGER_H

#include "dateline.h"
#include "text/conllu.h"
#include "text/perceptron.h"

typedef struct dl_tagger dl_tagger;

/* Loads data_dir/models/tagger.dlm and data_dir/lexicon/tags.tsv (NULL:
 * dl_data_dir()). On failure *out is NULL; dl_tagger_open_message() says
 * why. Free with dl_tagger_close(). */
dl_status dl_tagger_open(dl_tagger **out, const char *data_dir);
/* Loads a model file at path (no tags.tsv). why[] gets the reason of a
 * failure. */
dl_status dl_tagger_load(dl_tagger **out, const char *path, char *why, size_t why_len);
/* Builds a tagger from a model payload in memory (for the fuzz target). */
dl_status dl_tagger_from_bytes(dl_tagger **out, const unsigned char *data, size_t size, char *why,
                               size_t why_len);
void dl_tagger_close(dl_tagger *tagger);
/* Why the last dl_tagger_open() in this thread failed ("" when it did not). */
const char *dl_tagger_open_message(void);

/* Sets tokens[i].tag and .upos for one sentence of n tokens (reads text and
 * flags; text need not be NUL-terminated beyond end - start bytes, but must
 * be when start/end do not describe it: the tagger uses strlen(text) when
 * end <= start). */
void dl_tagger_tag(const dl_tagger *tagger, dl_token *tokens, size_t n);

/* Rewrites a few tags of a tagged sentence from the treebank's conventions
 * to newswire's, which the chunker and the coders expect (see tagger.c).
 * dl_parse() calls it after the dependency parser has read the tags. */
void dl_tagger_adapt(dl_token *tokens, size_t n);

/* True when the training data held `word` (len bytes), in its own case or
 * in lower case: the "known word" of tagging scores. */
bool dl_tagger_knows(const dl_tagger *tagger, const char *word, size_t len);

/* Trains a tagger on the sentences of docs[0..n_docs) (gold XPOS and UPOS)
 * and writes the model to out_path. */
dl_status dl_tagger_train(const dl_conllu *docs, size_t n_docs, const dl_train_options *options,
                          const char *out_path);

/* Trains a tagger in memory on all sentences but those whose number (in
 * the order of docs, from 0) is fold modulo folds: for jackknifing. */
dl_status dl_tagger_train_fold(dl_tagger **out, const dl_conllu *docs, size_t n_docs,
                               const dl_train_options *options, uint32_t folds, uint32_t fold);

#endif
