/* gum_events.h: the news documents of the GUM corpus (CoNLL-U) as a second
 * event gold set, scored exactly like the Wikinews one.
 *
 * GUM ships its texts only as CoNLL-U, so the articles are rebuilt from
 * the comment lines: `# newdoc id =` starts a document, `# meta::dateCreated
 * =` gives its date, each sentence's `# sent_id =` and `# text =` give its
 * id and text, and `# newpar` starts a paragraph. Within a paragraph the
 * sentences are joined with one space and paragraphs with a blank line, so
 * every sentence is an exact substring of its article's body. Word lines
 * are not read.
 *
 * The gold (tests/data/gum-news-events.jsonl) is one object a line:
 * {"doc", "date", "events": [...], "skipped": [...]}, each event as in
 * ANNOTATION.md but naming its sentence by "sent_id" instead of carrying
 * its text (the project does not hold the texts). The reader looks each
 * sent_id up in the rebuilt documents and hands back the dl_event_gold of
 * event_gold.h, so both sets go through one scorer. */
#ifndef DL_EVAL_GUM_EVENTS_H
#define DL_EVAL_GUM_EVENTS_H

#include "dateline.h"
#include "eval/eval_events.h"
#include "eval/event_gold.h"

typedef struct dl_gum_sentence {
    const char *id;         /* "GUM_news_korea-4" */
    uint32_t start, end;    /* byte span in the document's text */
} dl_gum_sentence;

typedef struct dl_gum_doc {
    const char *id;         /* "GUM_news_korea" */
    const char *date;       /* meta::dateCreated, or NULL */
    const char *text;       /* the rebuilt body */
    size_t len;
    dl_gum_sentence *sentences;
    size_t n_sentences, cap_sentences;
} dl_gum_doc;

typedef struct dl_gum_corpus {
    dl_gum_doc *docs;
    size_t n_docs, cap_docs;
} dl_gum_corpus;

/* Adds the documents of one CoNLL-U file (text, len bytes) to *corpus,
 * which starts zeroed; call it once per file. Everything lives in arena.
 * A sentence before any `# newdoc id`, or whose `# text` has no `# sent_id`
 * before it, is skipped and counted in *bad (its line in *first_bad when
 * it is the first). Returns DL_OK, DL_ERR_NOMEM, or DL_ERR_LIMIT for a
 * document of 4 GiB or more. */
dl_status dl_gum_read(dl_gum_corpus *corpus, const char *text, size_t len, dl_arena *arena, uint64_t *bad,
                      uint64_t *first_bad);

/* The document with this id, or NULL. */
const dl_gum_doc *dl_gum_find_doc(const dl_gum_corpus *corpus, const char *id);

/* Reads the GUM gold (text, len bytes) into *out, each event's sentence
 * taken from corpus by its sent_id. A line that is not an object with a
 * "doc" string, and an event whose sent_id is missing or unknown (or that
 * event_gold.c rejects), is skipped and counted in *bad by line, the first
 * line in *first_bad. Everything lives in arena. */
dl_status dl_gum_gold_parse(dl_event_gold *out, const char *text, size_t len, const dl_gum_corpus *corpus,
                            dl_arena *arena, uint64_t *bad, uint64_t *first_bad);

/* `dateline eval events --gum`: reads the CoNLL-U files and the gold file,
 * runs the pipeline over each document the gold names (with its date) and
 * scores it with dl_event_eval_articles(). Problems with single lines go to
 * diag and the rest is scored; a file that cannot be read is DL_ERR_IO. */
dl_status dl_event_eval_gum(dl_event_eval *ev, const char *const *conllu_paths, size_t n_paths,
                            const char *gold_path, const char *data_dir, dl_diag_fn diag, void *diag_user,
                            dl_event_eval_error_fn on_error, void *error_user);

#endif
