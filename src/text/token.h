/* token.h: the tokenizer.
 *
 * Text becomes Penn Treebank style tokens: punctuation, quotation marks and
 * dashes on their own; possessives and contractions split ("Israel's" ->
 * "Israel" "'s", "don't" -> "do" "n't"); hyphenated words, numbers, dates,
 * URLs, e-mail addresses, @handles and #hashtags kept whole; abbreviations
 * keep their period ("U.S.", "Gen."). Abbreviations come from
 * data/abbreviations.txt.
 *
 * The tokenizer also records, per token, what the sentence splitter needs
 * and dl_token has no room for (dl_token_info): the token's kind, whether a
 * kept period makes it an abbreviation that may end a sentence, and the line
 * breaks before it. */
#ifndef DL_TEXT_TOKEN_H
#define DL_TEXT_TOKEN_H

#include "dateline.h"
#include "base/map.h"

typedef struct dl_tokenizer dl_tokenizer;

/* What a token is, as far as sentence splitting cares. */
typedef enum dl_token_kind {
    DL_TK_WORD = 0,   /* letters, digits, hyphenated words, contractions' parts */
    DL_TK_NUMBER,     /* 1,000  3.5  22nd  50%  2023-10-28 */
    DL_TK_URL,        /* URL, e-mail, @handle, #hashtag */
    DL_TK_TERMINAL,   /* . ! ? ?! ... (a possible sentence end) */
    DL_TK_ELLIPSIS,   /* ... and U+2026: ends a sentence only before a capital */
    DL_TK_QUOTE,      /* a quotation mark; see DL_TOK_OPEN_QUOTE */
    DL_TK_APOSTROPHE, /* the possessive mark of "forces'" */
    DL_TK_OPEN,       /* ( [ { */
    DL_TK_CLOSE,      /* ) ] } */
    DL_TK_DASH,       /* - -- U+2013 U+2014 */
    DL_TK_PUNCT,      /* , ; : and every other symbol */
} dl_token_kind;

/* Abbreviation classes (data/abbreviations.txt). */
typedef enum dl_abbr_kind {
    DL_ABBR_NONE = 0,
    DL_ABBR_INNER,   /* never ends a sentence: titles (Dr., Gen.), months, e.g. */
    DL_ABBR_FINAL,   /* may end one: U.S., Inc., a.m. */
    DL_ABBR_NUMBER,  /* an abbreviation only before a number: No. 5, Art. 51 */
    DL_ABBR_INITIAL, /* a single capital letter: "J. Smith" */
    DL_ABBR_END,     /* usually ends a sentence, like a full stop: etc. */
} dl_abbr_kind;

typedef struct dl_token_info {
    uint8_t kind;     /* dl_token_kind */
    uint8_t abbr;     /* dl_abbr_kind, when the token kept a final period */
    uint8_t newlines; /* line breaks in the white space before it (at most 255) */
} dl_token_info;

/* Loads data_dir/abbreviations.txt (data_dir NULL: dl_data_dir()). Free with
 * dl_tokenizer_close(). */
dl_status dl_tokenizer_open(dl_tokenizer **out, const char *data_dir);
void dl_tokenizer_close(dl_tokenizer *tokenizer);

/* The class of `word` (with its final period, len bytes), or DL_ABBR_NONE
 * when the list does not hold it. */
dl_abbr_kind dl_tokenizer_abbreviation(const dl_tokenizer *tokenizer, const char *word, size_t len);

/* Splits text[0..len) into tokens. Fills start, end, text (a NUL-terminated
 * copy in arena) and flags of each token (tag and lemma are left 0/NULL),
 * and info[i] for each. Both arrays live in arena. DL_ERR_LIMIT when len
 * does not fit the 32-bit offsets. SENT_START is set later, by the sentence
 * splitter. */
dl_status dl_tokenize(dl_token **tokens, dl_token_info **info, size_t *n_tokens,
                      const dl_tokenizer *tokenizer, const char *text, size_t len,
                      dl_arena *arena);

#endif
