/* conllu.h: a CoNLL-U reader and the scores `dateline eval` prints.
 *
 * Reads Universal Dependencies files (one word per line, ten tab-separated
 * columns, sentences separated by blank lines, comments starting with '#').
 * Multi-word token ranges (1-2) and empty nodes (1.1) are skipped: tags are
 * scored per syntactic word. Documents start at `# newdoc` comments; a
 * sentence's text is its `# text =` comment. */
#ifndef DL_TEXT_CONLLU_H
#define DL_TEXT_CONLLU_H

#include "dateline.h"
typedef struct dl_tagger dl_tagger;

typedef struct dl_conllu_word {
    const char *form;
    const char *lemma;
    const char *upos;
    const char *xpos;
    int32_t head;       /* index of the head word in the sentence, -1 for the root
                           or when the file gives none ("_") */
    const char *deprel; /* "nsubj:pass"; "_" when the file gives none */
    bool space_after; /* false for MISC "SpaceAfter=No" */
} dl_conllu_word;

typedef struct dl_conllu_sentence {
    const char *id;       /* "# sent_id =", or NULL */
    const char *text;     /* "# text =", or NULL */
    const char *doc_id;   /* the last "# newdoc id =" at or before it, or NULL */
    bool newdoc;          /* preceded by "# newdoc" (or is the file's first) */
    bool newpar;          /* preceded by "# newpar" */
    dl_conllu_word *words;
    size_t n_words;
} dl_conllu_sentence;

typedef struct dl_conllu {
    dl_conllu_sentence *sentences;
    size_t n_sentences;
} dl_conllu;

/* Parses a whole CoNLL-U file held in memory (text, len bytes). Everything
 * lives in arena. On DL_ERR_PARSE, *bad_line is the 1-based line at fault. */
dl_status dl_conllu_parse(dl_conllu *out, const char *text, size_t len, dl_arena *arena,
                          uint64_t *bad_line);

/* Tagging scores. "Known" words are those the tagger's lexicon holds. */
typedef struct dl_tag_score {
    uint64_t tokens, correct;
    uint64_t known, known_correct;
    uint64_t unknown, unknown_correct;
    uint64_t sentences, sentences_correct; /* every tag right */
} dl_tag_score;

/* Sentence-boundary scores: a boundary is the byte offset (in the document's
 * text) where a sentence starts, the document's first sentence excluded. */
typedef struct dl_boundary_score {
    uint64_t gold, predicted, matched;
} dl_boundary_score;

/* Turns a gold sentence into tokens for the tagger (text, flags: space
 * before from SpaceAfter, quotes, sentence start), allocated in arena. */
dl_token *dl_conllu_tokens(const dl_conllu_sentence *sentence, dl_arena *arena);

/* The Penn name of a tag ("NNP", "-LRB-"); "" for DL_TAG_NONE. */
const char *dl_conllu_tag_name(dl_tag tag);

/* Tags every sentence of `doc` with tagger and adds the results to score. */
dl_status dl_conllu_score_tags(dl_tag_score *score, const dl_tagger *tagger,
                               const dl_conllu *doc, dl_arena *scratch);

/* Adds the sentence-boundary counts of one document: gold sentence starts
 * gold[0..n_gold) and predicted starts pred[0..n_pred), both sorted byte
 * offsets. */
void dl_boundary_score_add(dl_boundary_score *score, const uint32_t *gold, size_t n_gold,
                           const uint32_t *pred, size_t n_pred);

/* Ratios in [0, 1] (0 when the denominator is 0). */
double dl_ratio(uint64_t num, uint64_t den);

#endif
