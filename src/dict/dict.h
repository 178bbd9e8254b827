/* dict.h: dateline's dictionaries in memory, read from the formats event
 * coders already use (TABARI/PETRARCH actors, agents, verbs, discards), so
 * existing dictionaries load unchanged, plus dateline's comment extension
 * (see data/README.md):
 *   - an actor's primary line may carry "# @KIND Display Name";
 *   - a dated code line may carry "# office name";
 *   - an agent line may carry "# @office canonical office".
 *
 * Phrases are stored upper case with single spaces between words ("YOAV
 * GALLANT"); the '_' and ' ' of the file both separate words. Every string
 * lives in the dictionary's own arena and dies with it.
 *
 * Readers append to a dictionary, so several files can be loaded into one
 * (every file of data/actors/). Problems (a malformed line) are reported through
 * the diag callback with file and line, and the line is skipped. */
#ifndef DL_DICT_DICT_H
#define DL_DICT_DICT_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"

/* ---------------------------------------------------------------- actors */

/* One code of an actor with the dates it applies: from and to are
 * YYYYMMDD, inclusive; 0 means open at that end. */
typedef struct dl_actor_code {
    const char *code;     /* "ISRGOV" */
    int32_t from, to;
    const char *office;   /* "defence minister" or NULL */
} dl_actor_code;

typedef struct dl_actor_entry {
    const char *name;     /* primary phrase, "YOAV GALLANT" */
    const char *display;  /* "Yoav Gallant": from @KIND, else the name title-cased */
    const char *kind;     /* "person", "country", ... or NULL when not given */
    const char **phrases; /* primary phrase first, then synonyms */
    uint32_t n_phrases;
    dl_actor_code *codes;
    uint32_t n_codes;
    const char *file;
    uint32_t line;
} dl_actor_entry;

typedef struct dl_actor_dict {
    dl_actor_entry *entries;
    size_t n, cap;
    dl_arena *arena;
} dl_actor_dict;

/* ---------------------------------------------------------------- agents */

typedef struct dl_agent_entry {
    const char *phrase;   /* "FOREIGN MINISTER" */
    const char **forms;   /* the phrase and its plurals/other forms */
    uint32_t n_forms;
    const char *code;     /* "GOV" (the text inside [...] without '~') */
    bool prefix;          /* [NGO~]: the code goes before the country */
    const char *office;   /* from "# @office ..." or NULL */
    const char *file;
    uint32_t line;
} dl_agent_entry;

typedef struct dl_agent_dict {
    dl_agent_entry *entries;
    size_t n, cap;
    dl_arena *arena;
} dl_agent_dict;

/* ------------------------------------------------------------------ verbs */

/* A pattern line: "- * AIR_STRIKES ON + [195]  # comment". Its elements
 * are kept as written, split on spaces; '_' joins words that must be
 * adjacent and is kept inside an element. */
typedef struct dl_verb_pattern {
    const char **elems;
    uint32_t n_elems;
    const char *code;     /* "195", "---" */
    const char *text;     /* the line as written, for `explain` */
    const char *comment;  /* NULL when none */
    const char *file;
    uint32_t line;
} dl_verb_pattern;

typedef struct dl_verb_entry {
    const char *phrase;   /* "BREAK DOWN", "STRIKE" */
    const char **forms;   /* irregular forms from {...}, upper case */
    uint32_t n_forms;
    const char *code;     /* its own [code], or NULL: the block's */
    uint32_t block;
    uint8_t head;         /* the word that inflects: marked '+' in the file, else the first */
    const char *comment;  /* the line's comment, or NULL ("cyber" marks cyber verbs) */
} dl_verb_entry;

typedef struct dl_verb_block {
    const char *name;     /* "ATTACK" */
    const char *code;     /* default code of the block, "190" or "---" */
    const char *alt_code; /* "[013:012]" gives "012" here, else NULL */
    uint32_t first_pattern, n_patterns;
    const char *file;
    uint32_t line;
} dl_verb_block;

typedef struct dl_synset {
    const char *name;     /* "&AIRSTRIKE" */
    const char **phrases; /* may name other synsets ("&CURRENCY") */
    uint32_t n_phrases;
} dl_synset;

typedef struct dl_verb_dict {
    dl_verb_block *blocks;
    size_t n_blocks, cap_blocks;
    dl_verb_entry *verbs;
    size_t n_verbs, cap_verbs;
    dl_verb_pattern *patterns;
    size_t n_patterns, cap_patterns;
    dl_synset *synsets;
    size_t n_synsets, cap_synsets;
    dl_arena *arena;
} dl_verb_dict;

/* --------------------------------------------------------------- discards */

typedef struct dl_discard {
    const char *phrase;   /* "WORLD CUP" */
    bool story;           /* '+': discard the whole story, else the sentence */
} dl_discard;

typedef struct dl_discard_dict {
    dl_discard *entries;
    size_t n, cap;
    dl_arena *arena;
} dl_discard_dict;

/* ---------------------------------------------------------------- loading */

/* Each _init prepares an empty dictionary; _free releases it. Each _load
 * appends one file. _load returns DL_ERR_IO when the file cannot be read,
 * DL_ERR_NOMEM, or DL_OK (malformed lines are reported and skipped). */
dl_status dl_actor_dict_init(dl_actor_dict *d);
dl_status dl_actor_dict_load(dl_actor_dict *d, const char *path, dl_diag_fn diag, void *user);
void dl_actor_dict_free(dl_actor_dict *d);
/* The code an entry has on a date (YYYYMMDD; 0 = no date: the undated or
 * last code). NULL when the entry has no code that applies. */
const dl_actor_code *dl_actor_code_on(const dl_actor_entry *e, int32_t date);

dl_status dl_agent_dict_init(dl_agent_dict *d);
dl_status dl_agent_dict_load(dl_agent_dict *d, const char *path, dl_diag_fn diag, void *user);
void dl_agent_dict_free(dl_agent_dict *d);

dl_status dl_verb_dict_init(dl_verb_dict *d);
dl_status dl_verb_dict_load(dl_verb_dict *d, const char *path, dl_diag_fn diag, void *user);
void dl_verb_dict_free(dl_verb_dict *d);
const dl_synset *dl_verb_dict_synset(const dl_verb_dict *d, const char *name);

dl_status dl_discard_dict_init(dl_discard_dict *d);
dl_status dl_discard_dict_load(dl_discard_dict *d, const char *path, dl_diag_fn diag, void *user);
void dl_discard_dict_free(dl_discard_dict *d);

/* Dates (dictionary dates, article dates as YYYYMMDD) are base/date.h's. */
#include "base/date.h"

#endif
