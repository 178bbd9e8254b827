/* gum.h: GUM's entity annotation read from CoNLL-U, for `dateline eval
 * actors`.
 *
 * GUM (the Georgetown University Multilayer corpus) marks every mention of
 * an entity in the MISC column: "Entity=(12-person-new-...-2-coref-Joe_Biden"
 * opens mention 12 on a word, "12)" closes it, "(12-...)" is a one-word
 * mention. The fields after the id are the entity type (person,
 * organization, place, ...), information status, salience, centering, the
 * minimal span (word numbers inside the mention, 1-based), the link type
 * and, for entities with a Wikipedia page, their identity.
 *
 * The reader rebuilds each document's text from its "# text =" lines
 * (sentences joined by a space, paragraphs by a blank line, as `eval parse`
 * does) and gives every gold mention byte offsets into that text, so the
 * pipeline's output can be compared by position. Everything lives in the
 * arena passed in. */
#ifndef DL_EVAL_GUM_H
#define DL_EVAL_GUM_H

#include "dateline.h"

typedef struct dl_gum_mention {
    uint32_t start, end;           /* bytes in the document text */
    uint32_t core_start, core_end; /* the proper-noun words of the minimal span; = start,end when none */
    const char *type;              /* "person", "organization", "place", ... */
    const char *identity;          /* Wikipedia identity, or NULL */
    bool named;                    /* its minimal span holds a proper noun */
} dl_gum_mention;

typedef struct dl_gum_doc {
    const char *id;     /* "# newdoc id =", or "" */
    char *text;
    size_t len;
    dl_gum_mention *mentions;
    size_t n_mentions;
} dl_gum_doc;

/* Parses a whole GUM CoNLL-U file held in memory. Lines that are not
 * comments, blank or ten tab-separated columns are DL_ERR_PARSE with
 * *bad_line set (1-based); an Entity value that cannot be read is skipped
 * (its mentions are lost, the rest of the file is not). */
dl_status dl_gum_parse(dl_gum_doc **docs, size_t *n_docs, const char *text, size_t len, dl_arena *arena,
                       uint64_t *bad_line);

#endif
