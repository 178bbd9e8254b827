/* quotes_eval.h: scores the quote finder against brat attribution
 * corpora (PolNeAR's layout: DIR/text/NAME.txt and
 * DIR/attributions/NAME_ANNOTATOR.ann). Used by `dateline eval quotes`
 * and by the unit test that holds the floor.
 *
 * The figures follow the BBC's Citron evaluation so they can be set side
 * by side: content and source spans are scored exactly and by word
 * overlap. "Exact" compares spans after trimming space, quotation marks
 * and punctuation at both ends (the corpora disagree on whether a quote's
 * closing comma belongs to it); a quote split by its attribution is one
 * gold quote with several fragments, and the finder's quotes that share
 * a cue are grouped the same way. "Overlap" counts words (runs of letters
 * and digits) of the text: precision is the share of predicted words that
 * are gold, recall the share of gold words predicted. */
#ifndef DL_EXTRACT_QUOTES_EVAL_H
#define DL_EXTRACT_QUOTES_EVAL_H

#include "dateline.h"
#include "eval/brat.h"
#include "quotes/quotes.h"

typedef struct dl_quote_eval {
    uint64_t docs, gold, pred;               /* gold attributions, predicted quote groups */
    uint64_t content_exact_pred;             /* predictions equal to a gold content */
    uint64_t content_exact_gold;             /* gold contents found exactly */
    uint64_t content_words_pred, content_words_gold, content_words_both;
    uint64_t source_exact_pred, source_exact_gold;
    uint64_t source_words_pred, source_words_gold;
    uint64_t source_overlap_pred, source_overlap_gold;
    uint64_t speaker_matched, speaker_right; /* gold quotes found (by content), and with the right source */
    uint64_t offset_mismatches;              /* gold spans whose text did not match the text file */
    uint64_t bytes;
    double seconds;                          /* spent in parse + actors + quotes */
} dl_quote_eval;

typedef struct dl_prf {
    double p, r, f;
} dl_prf;

dl_prf dl_prf_make(double hit_p, double n_p, double hit_r, double n_r);

/* Scores one document's quotes (with their spans) against its gold. */
dl_status dl_quote_eval_document(dl_quote_eval *ev, const char *text, size_t len, const dl_quote *quotes,
                                 const dl_quote_span *spans, size_t n_quotes, const dl_brat *gold,
                                 dl_arena *arena);

/* Runs parse, actors and quotes over every annotated text of dir and adds
 * up the scores. With all_annotators false, each text is scored against
 * its first annotation file only (some texts have several). Problems with
 * single files go to diag and the rest is scored. */
dl_status dl_quote_eval_dir(dl_quote_eval *ev, const char *dir, const char *data_dir, bool all_annotators,
                            dl_diag_fn diag, void *diag_user);

#endif
