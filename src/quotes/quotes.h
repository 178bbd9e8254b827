/* quotes.h: the quote finder's internals, shared by its files
 * (quotes.c finds and attributes, quotes_cues.c holds the cue lexicon,
 * quotes_marks.c pairs quotation marks) and by `dateline eval quotes`,
 * which needs the speaker and cue as offsets, not only as text. */
#ifndef DL_EXTRACT_QUOTES_H
#define DL_EXTRACT_QUOTES_H

#include "dateline.h"

/* What a cue entry of data/quotes/cues.txt is (see that file). */
typedef enum dl_cue_kind {
    DL_CUE_NONE = 0,
    DL_CUE_VERB,
    DL_CUE_ADDRESSEE,
    DL_CUE_QUOTING,
    DL_CUE_ACCORDING,
    DL_CUE_NAMING,
    DL_CUE_STATEMENT,
    DL_CUE_NOT_SPEAKER,
    DL_CUE_NOUN,
    DL_CUE_DEPICTING,
    DL_CUE_PICTURE,
    DL_CUE_KINDS
} dl_cue_kind;

#define DL_CUE_MASK(kind) (1u << (kind))
#define DL_CUE_SPEECH (DL_CUE_MASK(DL_CUE_VERB) | DL_CUE_MASK(DL_CUE_ADDRESSEE) | DL_CUE_MASK(DL_CUE_QUOTING))

/* Loads the cue lexicon from one file (dl_quoter_open() reads
 * DATA_DIR/quotes/cues.txt). Malformed lines are skipped; a file without
 * a single cue is DL_ERR_EMPTY. Free with dl_quoter_close(). */
dl_status dl_quoter_load(dl_quoter **out, const char *path, dl_diag_fn diag, void *user);

/* The longest cue of a kind in `mask` that starts at toks[i] (each word
 * matches the token's text or lemma, case ignored). Sets *len to its
 * length in tokens; DL_CUE_NONE when none starts there. */
dl_cue_kind dl_quoter_match(const dl_quoter *quoter, const dl_token *toks, size_t n, size_t i,
                            unsigned mask, size_t *len);

/* One pair of quotation marks in a text: the opening mark at open, the
 * quoted words in [inner_start, inner_end) (space trimmed), the closing
 * mark ending at close_end. closed is false when the quotation ran to the
 * end of its paragraph without a closing mark (then close_end ==
 * inner_end). */
typedef struct dl_qmarks {
    uint32_t open, inner_start, inner_end, close_end;
    bool closed;
} dl_qmarks;

/* Pairs the double quotation marks of text: straight ("), curly (“ ”),
 * guillemets (« ») and low (&bdquo;), in any mix ("Salt Typhoon.” opens
 * straight and closes curly). Straight marks are told apart by what is
 * beside them. A quotation that is still open at a paragraph break ends
 * there (news style reopens it in the next paragraph). The array lives in
 * arena; *n may be 0. */
dl_status dl_quote_marks_find(dl_qmarks **marks, size_t *n, const char *text, size_t len,
                              dl_arena *arena);

/* Where a quote's speaker and cue are, as byte offsets in the body (both
 * 0 when absent); dl_quote keeps only their text. */
typedef struct dl_quote_span {
    uint32_t speaker_start, speaker_end;
    uint32_t cue_start, cue_end;
} dl_quote_span;

/* dl_quotes_find() with the spans: *spans (may be NULL) gets an array
 * parallel to *quotes, in the arena. */
dl_status dl_quotes_find_spans(dl_quote **quotes, dl_quote_span **spans, size_t *n_quotes,
                               const dl_quoter *quoter, const dl_article *article,
                               const dl_sentence *sentences, size_t n_sentences,
                               const dl_mention *mentions, size_t n_mentions, dl_arena *arena);

#endif
