/* corpus.h: near-duplicates, stories and event counts, kept in the store
 * beside the articles they describe.
 *
 * The store calls dl_corpus_add() for every article it adds, inside that
 * article's savepoint, so the corpus tables change with the article or not
 * at all: an ingest that is killed, or run twice, leaves them as one
 * uninterrupted run would. What it does for one article:
 *   1. fingerprints the body (fingerprint.h) and looks for an earlier copy:
 *      the same words (exact), most of the same shingles (near), or a
 *      short text standing inside a longer one (containment); a copy is
 *      linked to the first article of its family;
 *   2. puts the article in a story: a copy joins its original's story;
 *      otherwise the stories active within DL_STORY_WINDOW_DAYS whose
 *      terms (distinctive words, coded actors, event keys, weighted by
 *      how rare they are in the store) best cover the article's own, if
 *      the cover is high enough, else a new story;
 *   3. counts its asserted events: one with the same source, target, CAMEO
 *      root and place, a day apart at most, in the same story, is the same
 *      event mentioned again (num_mentions, num_articles, num_sources).
 * Tables (schema version 3): corpus_articles, corpus_bands, corpus_leads,
 * corpus_terms, stories, story_terms, event_groups, event_links. */
#ifndef DL_CORPUS_CORPUS_H
#define DL_CORPUS_CORPUS_H

#include <sqlite3.h>
#include "dateline.h"

enum { DL_STORY_WINDOW_DAYS = 3 };

typedef struct dl_corpus dl_corpus;

/* The corpus tables and indexes, as SQL that may run on every open. */
extern const char dl_corpus_schema[];

/* Statements over db (which must outlive the handle), prepared when first
 * used. NULL when out of memory. */
dl_corpus *dl_corpus_new(sqlite3 *db);
void dl_corpus_free(dl_corpus *c);

/* Links one stored article: `row` is its rowid in articles, event_rows
 * the rowids of its n_events events (an->events order). On failure
 * returns DL_ERR_DB (or DL_ERR_NOMEM) and writes what went wrong to
 * message; the caller rolls back. */
dl_status dl_corpus_add(dl_corpus *c, const dl_analysis *an, int64_t row, const int64_t *event_rows,
                        char *message, size_t message_size);

/* The candidate copies of a fingerprinted text: the first copies that
 * share a band key with it (at most max, written to out). Returns how many,
 * or -1 on a store error. For benchmarks: dl_corpus_add() does this and
 * then checks the candidates. */
int dl_corpus_candidates(dl_corpus *c, const void *fingerprint, int64_t *out, int max);

/* The outlet of an article's source: a URL's host without "www.", else the
 * source as it is. Writes at most size bytes. */
void dl_corpus_outlet(const char *source, char *out, size_t size);

#endif
