/* brat.h: reads brat standoff annotations (.ann files), the format of the
 * attribution corpora (PARC-style, PolNeAR) that `dateline eval quotes`
 * scores against:
 *
 *   T3<TAB>Content 315 448;463 553<TAB>text of the span
 *   E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
 *
 * Text-bound annotations (T) have a type and one or more fragments
 * [start, end); events (E) have a trigger (TYPE:ID) and role:ID arguments.
 * Other lines (attributes, relations, notes, comments) are skipped.
 * brat counts offsets in characters; dl_brat_fit_offsets() turns them into
 * byte offsets of the annotated text. Everything lives in the arena given
 * to dl_brat_parse(). The reader never prints. */
#ifndef DL_EXTRACT_BRAT_H
#define DL_EXTRACT_BRAT_H

#include "dateline.h"

typedef struct dl_brat_span {
    uint32_t start, end;
} dl_brat_span;

typedef struct dl_brat_entity {
    const char *id;        /* "T3" */
    const char *type;      /* "Content" */
    dl_brat_span *spans;   /* in file order */
    uint32_t n_spans;
    const char *text;      /* as the file gives it (fragments joined by a space) */
} dl_brat_entity;

typedef struct dl_brat_arg {
    const char *role;      /* "Content", "Content2", "Cue", "Source" */
    int32_t entity;        /* index into entities, -1 when the id is unknown */
} dl_brat_arg;

typedef struct dl_brat_event {
    const char *id;        /* "E1" */
    const char *type;      /* "Attribution" */
    int32_t trigger;       /* entity index, or -1 */
    dl_brat_arg *args;
    uint32_t n_args;
} dl_brat_event;

typedef struct dl_brat {
    dl_brat_entity *entities;
    size_t n_entities;
    dl_brat_event *events;
    size_t n_events;
    size_t n_bad;          /* malformed T or E lines, skipped */
    uint64_t first_bad;    /* line (1-based) of the first, 0 when none */
} dl_brat;

enum { DL_BRAT_MAX_SPANS = 64, DL_BRAT_MAX_ARGS = 64 };

/* Parses an .ann file held in data (len bytes, need not be NUL-terminated).
 * Malformed lines are counted in n_bad and skipped; the result is DL_OK
 * unless memory ran out (DL_ERR_NOMEM) or the file is over 4 GiB
 * (DL_ERR_LIMIT). */
dl_status dl_brat_parse(dl_brat *out, const char *data, size_t len, dl_arena *arena);

/* The first entity of an event with the given role prefix ("Content"
 * matches "Content2"), counting from *from (set past the match), or -1. */
int32_t dl_brat_event_arg(const dl_brat *ann, const dl_brat_event *event, const char *role, uint32_t *from);

/* Makes every span a byte range of text. The offsets are read as
 * characters (code points, as brat writes them) or as bytes, whichever
 * makes more single-fragment spans equal the text the file gives for them;
 * spans beyond the text are clamped to it. *mismatches (may be NULL) gets
 * the number of single-fragment spans whose text still differs. */
dl_status dl_brat_fit_offsets(dl_brat *ann, const char *text, size_t len, size_t *mismatches,
                              dl_arena *arena);

#endif
