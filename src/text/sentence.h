/* sentence.h: the sentence splitter.
 *
 * Sentences are made from tokens, not from characters, so the decisions the
 * tokenizer made (this period belongs to "U.S.", that one stands alone; this
 * quotation mark opens, that one closes) are made once. A sentence ends:
 *   - at a paragraph break (a blank line), always;
 *   - after . ! ? (and the closing quotation marks and brackets that
 *     follow them: '... he said." Next') when the next token starts with a
 *     capital letter or a digit, or opens a quotation or a bracket;
 *   - after an ellipsis when a capital letter follows;
 *   - after an abbreviation that may end a sentence ("U.S.", "Inc.") or an
 *     initial, only when a typical sentence opener follows
 *     (data/lexicon/sentence-openers.txt);
 *   - in a run-on where scraping lost a full stop: after a reporting verb
 *     (data/lexicon/reporting-verbs.txt) that closes a quotation ('"...,"
 *     the spokesperson said') when a sentence opener follows. */
#ifndef DL_TEXT_SENTENCE_H
#define DL_TEXT_SENTENCE_H

#include "dateline.h"
#include "text/token.h"

typedef struct dl_splitter dl_splitter;

/* Loads the word lists from data_dir (NULL: dl_data_dir()). Free with
 * dl_splitter_close(). */
dl_status dl_splitter_open(dl_splitter **out, const char *data_dir);
void dl_splitter_close(dl_splitter *splitter);

/* Groups tokens[0..n_tokens) (with their info from dl_tokenize()) into
 * sentences: index, start, end, tokens (pointing into `tokens`) and
 * n_tokens are set; chunks are left empty. Sets DL_TOK_SENT_START on the
 * first word of each sentence. The array lives in arena. */
dl_status dl_split_sentences(dl_sentence **sentences, size_t *n_sentences,
                             const dl_splitter *splitter, dl_token *tokens,
                             const dl_token_info *info, size_t n_tokens, dl_arena *arena);

/* Tokenizes and splits text in one call (no tags, lemmas or chunks): what
 * dl_parse() does before tagging. */
dl_status dl_segment(dl_sentence **sentences, size_t *n_sentences, const dl_tokenizer *tokenizer,
                     const dl_splitter *splitter, const char *text, size_t len, dl_arena *arena);

#endif
