/* factuality.h: whether the text reports an event as having happened
 * (ANNOTATION.md): asserted, negated, hypothetical, future, embedded or
 * disputed, from the words between the event's predicate and the root of
 * its sentence: negators, modals and "will" in its verb group; "if" opening
 * its clause; the verb, noun or adjective that governs its infinitive
 * ("urged Y to withdraw", "a bill to ban", "ready to strike"); the verb
 * whose complement it is ("denied that ...", "fear that ..."); adjectives
 * before an event noun ("the planned visit").
 *
 * Until the dependency tree is in the sentence, the path is read from the
 * verb groups and word order. The cue words are in
 * data/lexicon/factuality.tsv. */
#ifndef DL_EVENTS_FACTUALITY_H
#define DL_EVENTS_FACTUALITY_H

#include "events/coder_int.h"

typedef enum dl_fact {
    DL_FACT_ASSERTED = 0,
    DL_FACT_NEGATED,
    DL_FACT_HYPOTHETICAL,
    DL_FACT_FUTURE,
    DL_FACT_EMBEDDED,
    DL_FACT_DISPUTED,
} dl_fact;

/* The record's name of a value ("asserted"); static. */
const char *dl_fact_name(dl_fact f);

/* A value and the id of the rule that set it (NULL for asserted). */
typedef struct fact_result {
    dl_fact value;
    const char *rule;
    int32_t governor;   /* the verb group that governs the event, or -1 */
} fact_result;

/* Loads the cue words (class<TAB>word lines) into c->fact_words. A missing
 * file leaves the coder without cues (every event asserted unless its
 * verb group is negated). */
dl_status dl_fact_load(dl_coder *c, const char *path, dl_diag_fn diag, void *diag_user);

/* The factuality of the event whose predicate heads verb group vgi. */
fact_result dl_fact_verb(const ctx *x, uint32_t vgi);
/* The factuality of an event named by a noun phrase over tokens
 * [first, end) ("talks with X"): words before it, and the verb it is the
 * object or subject of. */
fact_result dl_fact_noun(const ctx *x, uint32_t first, uint32_t end);

#endif
