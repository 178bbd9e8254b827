/* depparse.h: the dependency parser.
 *
 * A greedy transition-based parser (arc-hybrid: SHIFT, LEFT-label,
 * RIGHT-label; Kuhlmann, Gomez-Rodriguez and Satta 2011) scored by an
 * averaged perceptron over hashed features of the stack, the buffer and the
 * arcs built so far (words, tags, labels, distances and valencies, after
 * Zhang and Nivre 2011). It is trained with the dynamic oracle of Goldberg
 * and Nivre (2012, 2013): after the first pass the parser follows its own
 * transitions, and learns the cheapest way on from the states its mistakes
 * lead to. The root sits at the end of the buffer and takes one child, so
 * every sentence gets one tree with one root.
 *
 * Labels are Universal Dependencies relations with their subtypes, as
 * UD English EWT writes them. The model is data/models/parser.dlm, trained
 * by `dateline train parser` (dl_depparser_train()). */
#ifndef DL_TEXT_DEPPARSE_H
#define DL_TEXT_DEPPARSE_H

#include "dateline.h"
#include "text/conllu.h"
#include "text/perceptron.h"
#include "text/tagger.h"

typedef struct dl_depparser dl_depparser;

/* Loads data_dir/models/parser.dlm (NULL: dl_data_dir()). why[] says what
 * is wrong on failure. Free with dl_depparser_close(). */
dl_status dl_depparser_open(dl_depparser **out, const char *data_dir, char *why, size_t why_len);
dl_status dl_depparser_load(dl_depparser **out, const char *path, char *why, size_t why_len);
/* Builds a parser from a model payload in memory (for the fuzz target). */
dl_status dl_depparser_from_bytes(dl_depparser **out, const unsigned char *data, size_t size,
                                  char *why, size_t why_len);
void dl_depparser_close(dl_depparser *parser);

/* Sets head, dep and deprel of tokens[0..n), which must be tagged (tag
 * read). deprel strings belong to the parser. Allocates its working state
 * in arena. */
dl_status dl_depparse(const dl_depparser *parser, dl_token *tokens, size_t n, dl_arena *arena);

/* Trains on docs (gold heads and deprels) with the tags `tagger` gives and
 * writes the model to out_path. */
dl_status dl_depparser_train(const dl_conllu *docs, size_t n_docs, const dl_tagger *tagger,
                             const dl_train_options *options, const char *out_path);

#endif
