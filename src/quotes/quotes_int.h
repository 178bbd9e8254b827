/* quotes_int.h: what the quote finder's files share (internal to
 * src/extract/quotes*.c): the per-article context, the quote records being
 * built, token tests and the noun-phrase helpers. Token indices are global
 * (over all sentences of the article), as int32_t where -1 means none. */
#ifndef DL_EXTRACT_QUOTES_INT_H
#define DL_EXTRACT_QUOTES_INT_H

#include "text/tagclass.h"
#include "quotes/quotes.h"

#include <string.h>
#include <strings.h>

enum {
    F_INQ = 1 << 0,  /* inside quotation marks */
    F_MARK = 1 << 1, /* a quotation mark */
    F_USED = 1 << 2, /* part of a quote's cue or speaker already */
};

enum { NP_MAX = 16, SOURCE_MAX = 15 };

/* A quote while it is being found: token ranges are global indices. */
typedef struct qrec {
    uint32_t start, end;   /* the words, bytes in the body */
    int32_t sp_f, sp_e;    /* speaker tokens [sp_f, sp_e), -1 when none */
    int32_t cue_f, cue_e;  /* cue tokens */
    const char *cue;       /* cue text when it is not the tokens as written */
    uint8_t cue_kind;
    bool direct;
} qrec;

typedef struct ctx {
    const dl_quoter *q;
    const char *text;
    size_t len;
    const dl_sentence *sents;
    size_t n_sents;
    const dl_mention *ments;
    size_t n_ments;
    dl_arena *arena;
    size_t n;               /* tokens in the article */
    const dl_token **tok;   /* every token, in order */
    uint32_t *sent;         /* its sentence */
    uint32_t *local;        /* its index in the sentence */
    uint32_t *sfirst;       /* first global token of each sentence; [n_sents] = n */
    int32_t *mention_at;    /* a mention covering the token, or -1 */
    uint8_t *flags;
    qrec *recs;
    size_t n_recs, cap_recs;
} ctx;

/* Token tests, by global token index. An index outside the article (the
 * "token before" the first one, computed as g - 1) reads as no token, so
 * the many look-behinds of the rules need no guard of their own. */

static inline dl_tag tag(const ctx *c, size_t g) { return g < c->n ? (dl_tag)c->tok[g]->tag : DL_TAG_NONE; }

static inline bool is(const ctx *c, size_t g, const char *w)
{
    return g < c->n && c->tok[g]->text && !strcasecmp(c->tok[g]->text, w);
}

static inline bool lemma_is(const ctx *c, size_t g, const char *w)
{
    if (g >= c->n)
        return false;
    const dl_token *t = c->tok[g];
    return (t->lemma && !strcmp(t->lemma, w)) || (t->text && !strcasecmp(t->text, w));
}



static inline bool is_pronoun(const ctx *c, size_t g)
{
    static const char *const subj[] = {"he", "she", "they", "we", "i", "it", "you", "him", "her",
                                       "them", "us", "me", NULL};
    for (size_t i = 0; subj[i]; i++)
        if (is(c, g, subj[i]))
            return true;
    return false;
}

/* "Retired Lt. Gen. Michael Flynn": a capitalised participle opening the
 * sentence is part of a name when a proper noun follows it; a verb
 * opening the sentence is not ("Asked about it, ...", "Says Trump"). */
static inline bool title_verb(const ctx *c, size_t g)
{
    dl_tag t = tag(c, g);
    if (!(t == DL_TAG_VBN || t == DL_TAG_VBD || t == DL_TAG_VBG) || g + 1 >= c->n ||
        c->sent[g] != c->sent[g + 1] || (c->flags[g + 1] & (F_MARK | F_INQ)))
        return false;
    dl_tag u = tag(c, g + 1);
    /* "Voting rights advocates": a participle before a plain noun too. */
    return (u == DL_TAG_NNP && (c->tok[g + 1]->flags & DL_TOK_CAPITAL)) ||
           (t == DL_TAG_VBG && (u == DL_TAG_NN || u == DL_TAG_NNS));
}

/* Can the token be part of a noun phrase (not its determiner)? A capital
 * letter counts: taggers often call unknown names adjectives or verbs. */
static inline bool np_part(const ctx *c, size_t g)
{
    if (c->flags[g] & (F_MARK | F_INQ))
        return false;
    dl_tag t = tag(c, g);
    if (dl_tag_is_noun(t) || t == DL_TAG_JJ || t == DL_TAG_JJR || t == DL_TAG_JJS || t == DL_TAG_CD ||
        t == DL_TAG_POS || t == DL_TAG_HYPH)
        return true;
    return (c->tok[g]->flags & DL_TOK_CAPITAL) && !dl_tag_is_punct(t) && t != DL_TAG_DT &&
           t != DL_TAG_IN && t != DL_TAG_CC && t != DL_TAG_PRP && t != DL_TAG_WP &&
           t != DL_TAG_WDT && t != DL_TAG_MD && t != DL_TAG_WRB && t != DL_TAG_EX &&
           t != DL_TAG_TO && !(c->tok[g]->flags & DL_TOK_SENT_START && dl_tag_is_verb(t) && !title_verb(c, g));
}

/* A possessive written into its word: "Editor's", "Trump’s", or a
 * split-off "'s" that a tagger did not call POS. */
static inline bool is_possessive(const ctx *c, size_t g)
{
    const char *w = c->tok[g]->text;
    size_t n = w ? strlen(w) : 0;
    return tag(c, g) == DL_TAG_POS || (n >= 2 && !strcmp(w + n - 2, "'s")) ||
           (n >= 4 && !strcmp(w + n - 4, "\xE2\x80\x99s"));
}

static inline bool is_det(const ctx *c, size_t g)
{
    dl_tag t = tag(c, g);
    return t == DL_TAG_DT || t == DL_TAG_PRPS || t == DL_TAG_WPS;
}

static inline bool is_head(const ctx *c, size_t g)
{
    dl_tag t = tag(c, g);
    return dl_tag_is_noun(t) || t == DL_TAG_CD || (c->tok[g]->flags & DL_TOK_CAPITAL && np_part(c, g));
}

static inline bool same_sentence(const ctx *c, size_t a, size_t b) { return c->sent[a] == c->sent[b]; }

static inline size_t sent_lo(const ctx *c, size_t g) { return c->sfirst[c->sent[g]]; }
static inline size_t sent_hi(const ctx *c, size_t g) { return c->sfirst[c->sent[g] + 1]; }

static inline dl_cue_kind cue_at(const ctx *c, size_t g, unsigned mask, size_t *len)
{
    const dl_sentence *s = &c->sents[c->sent[g]];
    return dl_quoter_match(c->q, s->tokens, s->n_tokens, c->local[g], mask, len);
}

/* A speech cue at g that is used as a verb (taggers' word for it). */
static inline dl_cue_kind speech_cue(const ctx *c, size_t g, size_t *len)
{
    if (c->flags[g] & (F_INQ | F_MARK | F_USED))
        return DL_CUE_NONE;
    dl_cue_kind k = cue_at(c, g, DL_CUE_SPEECH, len);
    /* "The New York Post reports that ...": taggers often read a
     * reporting verb after a name as a plural noun; "that" settles it. */
    if (k != DL_CUE_NONE && !dl_tag_is_verb(tag(c, g)) &&
        !(tag(c, g) == DL_TAG_NNS && g > 0 && g + 1 < c->n && same_sentence(c, g, g + 1) &&
          ((is(c, g + 1, "that") && (c->tok[g - 1]->flags & DL_TOK_CAPITAL)) ||
           /* "..., a USA TODAY analysis of campaign reports shows." */
           (tag(c, g + 1) == DL_TAG_PERIOD && dl_tag_is_noun(tag(c, g - 1))))))
        return DL_CUE_NONE;
    return k;
}

/* An attribution: speaker and cue tokens. */
typedef struct attrib {
    int32_t sp_f, sp_e, cue_f, cue_e;
    const char *cue;
    dl_cue_kind kind;
    /* The reported words as tokens [cont_f, cont_e) when they are more
     * than the quotation: `said that Clinton's "only experience" was
     * ...`. cont_e == 0: just the quotation. */
    int32_t cont_f, cont_e;
} attrib;

#define NO_ATTRIB ((attrib){-1, -1, -1, -1, NULL, DL_CUE_NONE, 0, 0})

/* quotes.c: noun phrases and recording */
int32_t dl_q_np_back(const ctx *c, int32_t j, int32_t lo);
int32_t dl_q_np_fwd(const ctx *c, int32_t a, int32_t hi);
int32_t dl_q_skip_aux_back(const ctx *c, int32_t g, int32_t lo);
bool dl_q_subject(const ctx *c, int32_t v, int32_t lo, int32_t *f, int32_t *e);
bool dl_q_antecedent(const ctx *c, int32_t g, int32_t *f, int32_t *e);
int32_t dl_q_trailing_apposition(const ctx *c, int32_t e);
int32_t dl_q_speaker_fwd(const ctx *c, int32_t a, int32_t hi);
bool dl_q_sentence_subject(const ctx *c, int32_t v, int32_t *f, int32_t *e);
qrec *dl_q_add_rec(ctx *c);
void dl_q_mark_used(ctx *c, int32_t f, int32_t e);
void dl_q_take(ctx *c, const attrib *a);
size_t dl_q_tok_from(const ctx *c, uint32_t b);
bool dl_q_has_newline(const ctx *c, size_t a, size_t b);

/* quotes_direct.c */
dl_status dl_q_direct(ctx *c, const dl_qmarks *qm, size_t n_qm, uint8_t *orphan);
dl_status dl_q_fragments(ctx *c, const dl_qmarks *qm, size_t n_qm, const uint8_t *orphan);
/* quotes_indirect.c */
dl_status dl_q_indirect(ctx *c);
/* quotes_speaker.c */
dl_status dl_q_finish(ctx *c, dl_quote **quotes, dl_quote_span **spans, size_t *n_quotes);

#endif
