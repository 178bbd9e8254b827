/* eval_parse.h: scoring the language core against Universal Dependencies
 * gold files, for `dateline eval parse`.
 *
 * On the gold tokens of each sentence: Penn tag (XPOS) accuracy, split into
 * words the tagger's training data held ("known") and the rest, UPOS
 * accuracy, and the dependency parser's unlabelled and labelled attachment
 * scores (UAS, LAS: every word counts, punctuation too, as in the CoNLL
 * 2018 shared task; a label is right when the whole deprel, subtype
 * included, is). On each document's text rebuilt from its "# text ="
 * lines: sentence-boundary precision, recall and F1 of dl_parse(). */
#ifndef DL_EVAL_EVAL_PARSE_H
#define DL_EVAL_EVAL_PARSE_H

#include "dateline.h"
#include "text/conllu.h"

typedef struct dl_parse_score {
    uint64_t tokens, tag_correct, upos_correct;
    uint64_t known, known_correct, unknown, unknown_correct;
    uint64_t sentences, sentences_tag_correct;
    uint64_t heads_correct, labels_correct; /* UAS and LAS numerators */
    dl_boundary_score bounds;
    double tag_seconds, parse_seconds;
} dl_parse_score;

typedef struct dl_eval_parse dl_eval_parse;

/* Loads the tagger, the dependency parser and the whole language core from
 * data_dir (NULL: dl_data_dir()); why[] says what failed. */
dl_status dl_eval_parse_open(dl_eval_parse **out, const char *data_dir, char *why, size_t why_len);
void dl_eval_parse_close(dl_eval_parse *ev);

/* Called for every gold word with the gold and the predicted Penn tag. */
typedef void (*dl_eval_tag_fn)(void *user, const char *gold, const char *got);

/* Scores every document of c into *all; documents whose "# newdoc id"
 * starts with subset_prefix (may be NULL) also into *subset. on_tag may be
 * NULL. */
dl_status dl_eval_parse_conllu(dl_eval_parse *ev, const dl_conllu *c, dl_parse_score *all,
                               dl_parse_score *subset, const char *subset_prefix,
                               dl_eval_tag_fn on_tag, void *user);

/* Appends the score as JSON object members (no braces) under prefix
 * (e.g. "news_"; "" for none): tokens, tag_accuracy, known_accuracy, ...,
 * uas, las, boundary_precision, boundary_recall, boundary_f1. */
dl_status dl_parse_score_json(dl_buf *out, const dl_parse_score *score, const char *prefix);
/* Appends the score as a few lines of text under a title. */
dl_status dl_parse_score_text(dl_buf *out, const dl_parse_score *score, const char *title);

#endif
