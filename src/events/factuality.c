/* factuality.c: see factuality.h. Every decision is a named rule whose id
 * goes into the event's explain.rules; tests/events/ holds one case per
 * rule. */
#include "events/factuality.h"
#include "base/arena.h"
#include "base/lines.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The classes of data/lexicon/factuality.tsv. */
typedef enum fclass {
    FC_NONE = 0,
    FC_NEGATOR,
    FC_MODAL,
    FC_FUTURE,
    FC_CONDITIONAL,
    FC_HEDGE,
    FC_ALLEGED,
    FC_WANT,
    FC_WANT_TO,
    FC_PLAN,
    FC_FAIL,
    FC_DENY,
    FC_ALLEGE,
    FC_SUPPOSE,
    FC_ABLE,
    FC_EMBED_NOUN,
    FC_PLAN_NOUN,
    FC_FUTURE_ADJ,
    FC_HYPO_ADJ,
    FC_COUNT
} fclass;

static const char *const class_names[FC_COUNT] = {
    "", "negator", "modal", "future", "conditional", "hedge", "alleged", "want", "want-to", "plan",
    "fail", "deny", "allege", "suppose", "able", "embed-noun", "plan-noun", "future-adj", "hypo-adj"};

const char *dl_fact_name(dl_fact f)
{
    static const char *const names[] = {"asserted", "negated", "hypothetical", "future", "embedded", "disputed"};
    return (unsigned)f < sizeof names / sizeof *names ? names[f] : "asserted";
}

/* A word may be in two classes ("order": a verb that embeds, a noun in
 * "in order to"); the map keeps a bit set. */
dl_status dl_fact_load(dl_coder *c, const char *path, dl_diag_fn diag, void *diag_user)
{
    if (!(c->fact_words = dl_map_new()))
        return DL_ERR_NOMEM;
    dl_lines l;
    if (dl_lines_open(&l, path, false, diag, diag_user) != DL_OK)
        return DL_OK;
    char *line;
    size_t len;
    dl_status st = DL_OK;
    while (!st && dl_lines_next(&l, &line, &len)) {
        char *tab = strchr(line, '\t');
        int cls = 0;
        if (tab) {
            *tab = '\0';
            for (int k = 1; k < FC_COUNT && !cls; k++)
                if (!strcmp(line, class_names[k]))
                    cls = k;
        }
        if (!cls || !tab[1]) {
            dl_lines_warn(&l, "not a factuality cue (class<TAB>word with a known class); skipped");
            continue;
        }
        char *w = tab + 1;
        for (char *q = w; *q; q++)
            *q = (char)tolower((unsigned char)*q);
        void **slot = dl_map_slot(c->fact_words, w, strlen(w), NULL);
        if (!slot)
            st = DL_ERR_NOMEM;
        else
            *slot = (void *)((uintptr_t)*slot | ((uintptr_t)1 << cls));
    }
    dl_lines_close(&l);
    return st;
}

/* Is token t a cue of class cls (by its lemma or its lower-case text)? */
static bool is(const ctx *x, uint32_t t, fclass cls)
{
    if (!x->c->fact_words || t >= x->s->n_tokens)
        return false;
    const dl_token *k = &x->s->tokens[t];
    uintptr_t bits = 0;
    if (k->lemma)
        bits = (uintptr_t)dl_map_get(x->c->fact_words, k->lemma, strlen(k->lemma));
    if (!(bits & ((uintptr_t)1 << cls)) && k->text) {
        char low[32];
        size_t n = strlen(k->text);
        if (n < sizeof low) {
            for (size_t i = 0; i <= n; i++)
                low[i] = (char)tolower((unsigned char)k->text[i]);
            bits |= (uintptr_t)dl_map_get(x->c->fact_words, low, n);
        }
    }
    return bits & ((uintptr_t)1 << cls);
}

static bool word(const ctx *x, uint32_t t, const char *w)
{
    return t < x->s->n_tokens && !strcasecmp(x->s->tokens[t].text, w);
}

static bool tag_is(const ctx *x, uint32_t t, uint8_t tag)
{
    return t < x->s->n_tokens && x->s->tokens[t].tag == tag;
}

static bool noun_tag(uint8_t t)
{
    return t == DL_TAG_NN || t == DL_TAG_NNS || t == DL_TAG_NNP || t == DL_TAG_NNPS;
}

static fact_result result(dl_fact v, const char *rule, int32_t gov)
{
    fact_result r = {v, rule, gov};
    return r;
}

/* The verb group whose head is the verb of a governing phrase ending
 * before token `before`, within `reach` tokens, with no clause break
 * (a semicolon, or a comma followed by a verb) in between. */
static int32_t governor_before(const ctx *x, uint32_t vgi, uint32_t before, uint32_t reach)
{
    for (uint32_t h = vgi; h-- > 0;) {
        const dl_chunk *g = x->vg[h];
        if (g->end > before)
            continue;
        if (before - g->end > reach)
            return -1;
        for (uint32_t t = g->end; t < before; t++)
            if (word(x, t, ";") || word(x, t, ":") || word(x, t, "who") || word(x, t, "which"))
                return -1;
        return (int32_t)h;
    }
    return -1;
}

static fact_result fact_vg(const ctx *x, uint32_t vgi, int depth);

/* What the governing verb group h does to the event it governs through
 * an infinitive (to_inf) or a complement clause. */
static fact_result governed(const ctx *x, int32_t h, bool to_inf, int depth)
{
    uint32_t head = x->vg[h]->head;
    if (to_inf && (is(x, head, FC_WANT) || is(x, head, FC_WANT_TO)))
        return result(DL_FACT_EMBEDDED, "fact.want", h);
    if (to_inf && is(x, head, FC_PLAN))
        return result(DL_FACT_FUTURE, "fact.plan", h);
    if (to_inf && is(x, head, FC_FAIL))
        return result(DL_FACT_NEGATED, "fact.fail", h);
    if (is(x, head, FC_DENY))
        return result(DL_FACT_DISPUTED, "fact.deny", h);
    if (!to_inf && is(x, head, FC_WANT))
        return result(DL_FACT_EMBEDDED, "fact.want-clause", h);
    if (!to_inf && is(x, head, FC_ALLEGE))
        return result(DL_FACT_DISPUTED, "fact.allege", h);
    if (!to_inf && is(x, head, FC_SUPPOSE))
        return result(DL_FACT_HYPOTHETICAL, "fact.suppose", h);
    /* "managed to", "continued to", "helped to": as the governor stands.
     * A clause after a verb of saying is reported speech: asserted. */
    if (!to_inf || depth > 3)
        return result(DL_FACT_ASSERTED, NULL, -1);
    fact_result up = fact_vg(x, (uint32_t)h, depth + 1);
    up.governor = h;
    return up;
}

/* The words of the verb group itself and just before it. */
static fact_result own_markers(const ctx *x, const dl_chunk *vg)
{
    bool neg = (vg->flags & DL_VG_NEGATED) != 0, modal = (vg->flags & DL_VG_MODAL) != 0;
    bool fut = (vg->flags & DL_VG_FUTURE) != 0, hedge = false, alleged = false;
    uint32_t from = vg->first >= 2 ? vg->first - 2 : 0;
    for (uint32_t t = from; t < vg->end; t++) {
        if (t < vg->first && !tag_is(x, t, DL_TAG_RB) && !tag_is(x, t, DL_TAG_MD))
            continue;
        neg |= is(x, t, FC_NEGATOR) && !word(x, t, "no") && !word(x, t, "nor");
        modal |= is(x, t, FC_MODAL) && tag_is(x, t, DL_TAG_MD);
        fut |= is(x, t, FC_FUTURE) && tag_is(x, t, DL_TAG_MD);
        hedge |= is(x, t, FC_HEDGE);
        alleged |= is(x, t, FC_ALLEGED);
    }
    if (neg)
        return result(DL_FACT_NEGATED, "fact.negator", -1);
    if (alleged)
        return result(DL_FACT_DISPUTED, "fact.alleged", -1);
    if (modal || hedge)
        return result(DL_FACT_HYPOTHETICAL, modal ? "fact.modal" : "fact.hedge", -1);
    if (fut)
        return result(DL_FACT_FUTURE, "fact.future", -1);
    return result(DL_FACT_ASSERTED, NULL, -1);
}

static fact_result fact_vg(const ctx *x, uint32_t vgi, int depth)
{
    const dl_chunk *vg = x->vg[vgi];
    const dl_sentence *s = x->s;
    /* An infinitive: "to" before the group, or opening it. */
    int64_t to = -1;
    if (word(x, vg->first, "to") && vg->end - vg->first > 1)
        to = vg->first;
    else if (vg->first > 0 && (tag_is(x, vg->first - 1, DL_TAG_TO) || word(x, vg->first - 1, "to")))
        to = vg->first - 1;
    else if (vg->first > 1 && tag_is(x, vg->first - 1, DL_TAG_RB) && word(x, vg->first - 2, "to"))
        to = vg->first - 2; /* "to formally apologise" */
    if (to >= 0) {
        uint32_t p = (uint32_t)to;
        while (p > 0 && tag_is(x, p - 1, DL_TAG_RB) && !is(x, p - 1, FC_NEGATOR))
            p--;
        if (p >= 2 && word(x, p - 1, "order") && word(x, p - 2, "in"))
            return result(DL_FACT_EMBEDDED, "fact.purpose", -1);
        if (p >= 2 && word(x, p - 1, "as") && word(x, p - 2, "so"))
            return result(DL_FACT_EMBEDDED, "fact.purpose", -1);
        if (p == 0 || word(x, p - 1, ",") || (p == 1 && word(x, 0, "\"")))
            return result(DL_FACT_EMBEDDED, "fact.purpose", -1); /* "To punish X, Y ..." */
        if (p > 0 && noun_tag(s->tokens[p - 1].tag)) {
            if (is(x, p - 1, FC_EMBED_NOUN))
                return result(DL_FACT_EMBEDDED, "fact.embed-noun", -1);
            if (is(x, p - 1, FC_PLAN_NOUN))
                return result(DL_FACT_FUTURE, "fact.plan-noun", -1);
        }
        if (p > 0 && (tag_is(x, p - 1, DL_TAG_JJ) || tag_is(x, p - 1, DL_TAG_VBN) || tag_is(x, p - 1, DL_TAG_IN)) &&
            is(x, p - 1, FC_ABLE))
            return result(DL_FACT_HYPOTHETICAL, "fact.able", -1);
        /* "urged the United States and its allies to withdraw": the
         * governing verb may have an object before the infinitive */
        int32_t h = governor_before(x, vgi, p, 16);
        if (h >= 0) {
            fact_result g = governed(x, h, true, depth);
            if (g.value != DL_FACT_ASSERTED)
                return g;
        }
    } else if (vgi > 0) {
        /* A complement: "denied (that) its hackers breached", "demands the
         * city hall issue", "X denied supporting Y". */
        const dl_chunk *pv = x->vg[vgi - 1];
        bool clause = pv->end <= vg->first && vg->first - pv->end <= 8;
        for (uint32_t t = pv->end; clause && t < vg->first; t++) {
            const dl_token *k = &s->tokens[t];
            if (k->tag == DL_TAG_COMMA || k->tag == DL_TAG_CC || k->tag == DL_TAG_WDT || k->tag == DL_TAG_WP ||
                k->tag == DL_TAG_COLON || (k->tag == DL_TAG_IN && !word(x, t, "that")))
                clause = false;
        }
        if (clause) {
            fact_result g = governed(x, (int32_t)vgi - 1, false, depth);
            if (g.value != DL_FACT_ASSERTED)
                return g;
        }
    }
    /* "accused the government of trying to silence": a gerund after
     * "of" that completes a verb of alleging is only claimed */
    if (to < 0 && vgi > 0 && s->tokens[vg->head].tag == DL_TAG_VBG && vg->first > 0 && word(x, vg->first - 1, "of") &&
        is(x, x->vg[vgi - 1]->head, FC_ALLEGE) && vg->first - x->vg[vgi - 1]->end <= 8)
        return result(DL_FACT_DISPUTED, "fact.allege", (int32_t)vgi - 1);
    fact_result own = own_markers(x, vg);
    if (own.value != DL_FACT_ASSERTED)
        return own;
    /* "if Iran strikes": a conditional opening the clause, back to a
     * comma or the verb group before. */
    uint32_t lo = vgi ? x->vg[vgi - 1]->end : 0;
    for (uint32_t t = vg->first; t-- > lo;) {
        if (word(x, t, ",") || word(x, t, ";"))
            break;
        if (is(x, t, FC_CONDITIONAL))
            return result(DL_FACT_HYPOTHETICAL, "fact.conditional", -1);
    }
    if (s->n_tokens && word(x, s->n_tokens - 1, "?"))
        return result(DL_FACT_HYPOTHETICAL, "fact.question", -1);
    /* A gerund after a verb of failing or denying: "avoided attacking",
     * "denied supporting" (the complement case above finds the latter). */
    return result(DL_FACT_ASSERTED, NULL, -1);
}

fact_result dl_fact_verb(const ctx *x, uint32_t vgi)
{
    return fact_vg(x, vgi, 0);
}

fact_result dl_fact_noun(const ctx *x, uint32_t first, uint32_t end)
{
    /* "the planned visit", "a possible strike", "no talks" */
    uint32_t i = first;
    while (i > 0) {
        uint8_t t = x->s->tokens[i - 1].tag;
        if (t != DL_TAG_DT && t != DL_TAG_JJ && t != DL_TAG_VBN && t != DL_TAG_PRPS && t != DL_TAG_CD &&
            t != DL_TAG_RB && t != DL_TAG_POS && !noun_tag(t))
            break;
        i--;
        if (is(x, i, FC_FUTURE_ADJ))
            return result(DL_FACT_FUTURE, "fact.future-adj", -1);
        if (is(x, i, FC_HYPO_ADJ))
            return result(DL_FACT_HYPOTHETICAL, "fact.hypo-adj", -1);
        if (word(x, i, "no"))
            return result(DL_FACT_NEGATED, "fact.negator", -1);
    }
    /* the verb whose object the noun is: "will hold talks with", "wants
     * talks with", "refused a meeting with" */
    for (uint32_t g = x->n_vg; g-- > 0;) {
        const dl_chunk *vg = x->vg[g];
        if (vg->end > i)
            continue;
        if (i - vg->end > 4)
            break;
        bool clause = true;
        for (uint32_t t = vg->end; t < i; t++)
            clause &= !word(x, t, ",") && !tag_is(x, t, DL_TAG_IN) && !tag_is(x, t, DL_TAG_TO);
        if (!clause)
            break;
        if (is(x, vg->head, FC_WANT) || is(x, vg->head, FC_WANT_TO))
            return result(DL_FACT_EMBEDDED, "fact.want", (int32_t)g);
        if (is(x, vg->head, FC_PLAN))
            return result(DL_FACT_FUTURE, "fact.plan", (int32_t)g);
        if (is(x, vg->head, FC_FAIL) || is(x, vg->head, FC_DENY))
            return result(DL_FACT_NEGATED, "fact.fail", (int32_t)g);
        return fact_vg(x, g, 0);
    }
    /* the verb it is the subject of: "a new meeting is expected" */
    for (uint32_t g = 0; g < x->n_vg; g++) {
        const dl_chunk *vg = x->vg[g];
        if (vg->first < end)
            continue;
        if (vg->first - end > 6)
            break;
        if ((vg->flags & DL_VG_FUTURE) || is(x, vg->head, FC_PLAN))
            return result(DL_FACT_FUTURE, "fact.future", (int32_t)g);
        if (vg->flags & DL_VG_MODAL)
            return result(DL_FACT_HYPOTHETICAL, "fact.modal", (int32_t)g);
        if (vg->flags & DL_VG_NEGATED)
            return result(DL_FACT_NEGATED, "fact.negator", (int32_t)g);
        break;
    }
    return result(DL_FACT_ASSERTED, NULL, -1);
}
