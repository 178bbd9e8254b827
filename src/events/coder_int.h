/* coder_int.h: the coder's compiled dictionaries, shared by coder.c (which
 * builds them), coder_match.c (which matches verbs and patterns) and
 * coder_sentence.c (which codes sentences with them). */
#ifndef DL_EXTRACT_CODER_INT_H
#define DL_EXTRACT_CODER_INT_H

#include "base/map.h"
#include "dict/dict.h"
#include "events/cameo.h"
#include "events/whenwhere.h"

/* One element of a compiled pattern. */
typedef enum pe_kind {
    PE_WORD = 1, /* a word, matched against a token's text or lemma */
    PE_VERB,     /* '*' */
    PE_SOURCE,   /* '$' */
    PE_TARGET,   /* '+' */
    PE_SKIP,     /* '^': one noun phrase */
    PE_COMPOUND, /* '%' */
    PE_SET,      /* '&NAME': any member of a synset */
} pe_kind;

typedef struct pelem {
    uint8_t kind;
    bool glued;          /* must directly follow the element before it */
    const char *word;    /* lower case, for PE_WORD */
    const dl_synset *set;
} pelem;

typedef struct cpattern {
    pelem *e;
    uint16_t n;
    uint16_t verb;       /* index of the PE_VERB element */
    const char *code;
    const char *alt;     /* "[032:033]": the code of the reverse event (target on source), or NULL */
    bool compound;       /* has '%': a compound source acting together */
    bool cyber;          /* the line's comment says "cyber" */
    bool negation;       /* the pattern spells out a negation or a modal
                          * ("&NEGATVAUXVRB *", "WOULD *"): its code already
                          * says what not doing it, or maybe doing it, means */
    const dl_verb_pattern *src;
} cpattern;

typedef struct cverb {
    const char **words;  /* lower case, the phrase's words */
    uint8_t n_words, head;
    const char *code;    /* its own code or NULL: the block's */
    uint32_t block;
    const dl_verb_entry *src;
} cverb;

typedef struct verb_ref {
    uint32_t verb;
    struct verb_ref *next;
} verb_ref;

/* A frame of data/nominal.txt. */
typedef struct nframe {
    const char **words;  /* lower case; "$" and "+" stand for mentions */
    uint8_t n;
    bool has_source, has_target;
    const char *code;
    uint32_t line;
} nframe;

typedef struct frame_ref {
    uint32_t frame;
    struct frame_ref *next;
} frame_ref;

typedef struct cphrase {
    const char **words;
    uint8_t n;
    bool story;
} cphrase;

struct dl_coder {
    dl_arena *arena;
    dl_verb_dict verbs;
    dl_discard_dict discards;
    dl_cameo *cameo;
    dl_whenwhere *whenwhere; /* event dates and places */
    cverb *cverbs;        /* parallel to verbs.verbs */
    cpattern *cpatterns;  /* parallel to verbs.patterns */
    dl_map *by_word;      /* head word (base or irregular form) -> verb_ref list */
    cphrase *discard;
    size_t n_discard;
    nframe *frames;
    size_t n_frames;
    const char *nominal_file;
    const char **verb_files;
    size_t n_verb_files;
    dl_map *fact_words;   /* factuality cue word -> class (factuality.c) */
    dl_map *frame_words;  /* a frame's first word -> frame_ref list, so a
                           * sentence tries only the frames whose first
                           * word it holds */
    bool petrarch;        /* dl_coder_options.petrarch */
};

/* Splits "A B_C" into lower-case words in the arena. */
const char **dl_coder_words(dl_arena *arena, const char *phrase, uint8_t *n);

/* Codes one sentence (the index-th of the article), appending to the
 * growing events array. */
typedef struct event_list {
    dl_event *items;
    size_t n, cap;
} event_list;

/* What the coder works out once per article so that coding a sentence
 * costs in proportion to that sentence, not to the whole article: the
 * mentions and the direct quotes of each sentence (indexes, in their
 * original order), and the mention that names the dateline's place. */
typedef struct coder_article {
    const uint32_t *mention_ix; /* mention indexes grouped by sentence */
    const size_t *mention_at;   /* sentence i's are [mention_at[i], mention_at[i + 1]) */
    const uint32_t *quote_ix;   /* direct quotes with a speaker code, per sentence they overlap */
    const size_t *quote_at;
    int32_t dateline_mention;   /* -1: none */
} coder_article;

dl_status dl_coder_sentence(event_list *out, const dl_coder *coder, const dl_article *article,
                            const dl_sentence *sentence, size_t index, const dl_mention *mentions,
                            size_t n_mentions, const dl_quote *quotes, size_t n_quotes,
                            const coder_article *per_article, dl_arena *arena);
int32_t dl_coder_dateline_mention(const dl_article *article, const dl_mention *mentions, size_t n_mentions);

enum { MAX_ACTORS = 8, MAX_DEPTH = 3 };

/* One sentence being coded. */
typedef struct ctx {
    const dl_coder *c;
    const dl_article *a;
    const dl_sentence *s;
    size_t si;
    const dl_mention *mentions;
    size_t n_mentions;
    int32_t *at;          /* per token of the sentence: the mention starting there, or -1 */
    const dl_chunk **vg;  /* the verb groups, in order */
    uint32_t n_vg;
    const dl_quote *quotes;
    size_t n_quotes;
    dl_arena *arena;
    event_list *out;
    const coder_article *art;
} ctx;

typedef struct actor_set {
    int32_t m[MAX_ACTORS];      /* mention indexes; -2 means "the quote's speaker" */
    const dl_quote *quote;      /* for -2 */
    uint32_t n;
    const char *rule;           /* the rule that found them, for explain.rules */
} actor_set;

typedef struct pmatch {
    int32_t source, target;
    uint32_t end;     /* the token after the last one the pattern matched */
} pmatch;

/* coder_match.c */
bool dl_coder_is_verb_tag(uint8_t t);
/* Is token t the word w (its text, any case, or its lemma)? */
bool dl_coder_word_eq(const dl_token *t, const char *w);
/* Can mention m be an event's actor (coded, not the media)? */
bool dl_coder_usable(const dl_mention *m);
/* Matches pattern elements [from, p->n) forward from token pos. */
bool dl_coder_match_forward(const ctx *x, const cpattern *p, uint16_t from, uint32_t pos, uint32_t limit,
                            pmatch *m);
/* Matches pattern elements (to, 0] backward, each before token anchor. */
bool dl_coder_match_backward(const ctx *x, const cpattern *p, int to, uint32_t anchor, pmatch *m);
/* The verb (longest dictionary phrase) whose head is token i, or -1. */
int32_t dl_coder_find_verb(const ctx *x, uint32_t i, uint32_t *first, uint32_t *end);
/* Is t a verb of saying ("said", "noted")? */
bool dl_coder_is_reporting(const dl_token *t);
/* Fills x->vg and x->n_vg with the sentence's verb groups, in order. */
dl_status dl_coder_verb_groups(ctx *x);

#endif
