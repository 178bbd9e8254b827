/* coder_sentence.c: coding the events of one sentence.
 *
 * For each verb (the head of a verb group, or a verb outside any group)
 * that a verb dictionary knows, the patterns of its block are tried in
 * dictionary order, most specific first; the first that matches gives the
 * code and may name the source ('$') and target ('+'). What a pattern
 * leaves open comes from the sentence's structure:
 *
 *   source  the actor mentions before the verb group in its clause that are
 *           not inside a prepositional phrase ("In a call with X, Y said":
 *           Y); for an infinitive, a gerund or a verb after "and", the
 *           subject of the verb before it; for a pronoun in reported speech
 *           ("X said it was ..."), the subject of the reporting verb; "we"
 *           or "I" in a direct quote, the quote's speaker;
 *   target  the first actor mention after the verb group in its clause
 *           (prepositions allowed: "talks with X", "strikes on X"), with
 *           the mentions coordinated with it ("the US, UK and France");
 *   passive "were breached by X": the source is the "by" phrase and the
 *           target the subject.
 *
 * What is not an event: a negated verb group is coded with negated=true
 * (and not counted); a modal one ("may strike"), a plan ("is expected to
 * strike", "intends to eliminate") becomes a threat where CAMEO has one,
 * else nothing ("will strike" is coded as the strike, as TABARI does); a
 * verb after "denied"/"rejected" in the same sentence is what was denied,
 * not an event; a plain statement (CAMEO 010) is left to the quotes stage. */
#include "text/tagclass.h"
#include "events/coder_int.h"
#include "events/factuality.h"
#include "base/arena.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------- subjects, objects */

static bool in_prep_phrase(const ctx *x, const dl_mention *m)
{
    /* The preposition stands before the noun phrase the mention ends,
     * "in south Ithilen" as much as "in Ithilen". */
    uint32_t first = m->first;
    for (uint32_t c = 0; c < x->s->n_chunks; c++) {
        const dl_chunk *k = &x->s->chunks[c];
        if (k->kind == DL_CHUNK_NP && k->first < first && k->end > first && k->end <= m->last + 1)
            first = k->first;
    }
    if (first == 0)
        return false;
    const dl_token *t = &x->s->tokens[first - 1];
    if (t->tag == DL_TAG_TO)
        return true;
    return t->tag == DL_TAG_IN && strcasecmp(t->text, "that") && strcasecmp(t->text, "as") &&
           strcasecmp(t->text, "because") && strcasecmp(t->text, "while") && strcasecmp(t->text, "if");
}

/* Are mentions a (earlier) and b joined by a list (",", "and", "or")? */
static bool coordinated(const ctx *x, const dl_mention *a, const dl_mention *b)
{
    if (b->first < a->last || b->first - a->last > 6)
        return false;
    bool joiner = false;
    for (uint32_t t = a->last; t < b->first; t++) {
        const dl_token *k = &x->s->tokens[t];
        if (k->tag == DL_TAG_COMMA || k->tag == DL_TAG_CC)
            joiner = true;
        else if (dl_coder_is_verb_tag(k->tag) || k->tag == DL_TAG_IN || k->tag == DL_TAG_TO)
            return false;
    }
    return joiner;
}

static void add_actor(actor_set *set, int32_t m)
{
    for (uint32_t i = 0; i < set->n; i++)
        if (set->m[i] == m)
            return;
    if (set->n < MAX_ACTORS)
        set->m[set->n++] = m;
}

static const dl_quote *quote_around(const ctx *x, const dl_token *t)
{
    /* only the quotes that overlap this sentence: linear in the article */
    for (size_t k = x->art->quote_at[x->si]; k < x->art->quote_at[x->si + 1]; k++) {
        const dl_quote *q = &x->quotes[x->art->quote_ix[k]];
        if (t->start >= q->start && t->end <= q->end)
            return q;
    }
    return NULL;
}


static void subjects(const ctx *x, uint32_t vgi, actor_set *out, int depth);

/* "Japan's Constitution forbids": an actor followed by 's and a noun no
 * dictionary knows owns the subject and is not it (rule
 * who.possessor-not-subject). */
static bool possessor(const ctx *x, int32_t mi, uint32_t hi)
{
    uint32_t t = x->mentions[mi].last;
    if (x->c->petrarch || t + 1 >= hi || x->s->tokens[t].tag != DL_TAG_POS)
        return false;
    uint32_t n = t + 1;
    while (n < hi && x->s->tokens[n].tag == DL_TAG_JJ && x->at[n] < 0)
        n++;
    return n < hi && dl_tag_is_noun(x->s->tokens[n].tag) &&
           (x->at[n] < 0 || !dl_coder_usable(&x->mentions[x->at[n]])); /* "Constitution": a name, no actor */
}

/* A newspaper that criticizes or endorses is an actor when it is the
 * subject (ANNOTATION.md codes "The Japan Times criticized" as JPNMED);
 * its reports are quotes, and CAMEO 010 is never coded. */
static bool usable_source(const dl_mention *m)
{
    return m->code && m->code[0] != '-';
}

static void subjects_in(const ctx *x, uint32_t lo, uint32_t hi, actor_set *out)
{
    /* the mention nearest the verb first, then those listed with it */
    int32_t best = -1;
    for (uint32_t t = lo; t < hi; t++) {
        int32_t mi = x->at[t];
        if (mi < 0 || x->mentions[mi].last > hi)
            continue;
        if (usable_source(&x->mentions[mi]) && !in_prep_phrase(x, &x->mentions[mi]) && !possessor(x, mi, hi))
            best = mi;
    }
    if (best < 0)
        return;
    int32_t chain[MAX_ACTORS];
    uint32_t n = 0;
    chain[n++] = best;
    for (uint32_t t = x->mentions[best].first; t-- > lo && n < MAX_ACTORS;) {
        int32_t mi = x->at[t];
        if (mi < 0 || !dl_coder_usable(&x->mentions[mi]))
            continue;
        if (!coordinated(x, &x->mentions[mi], &x->mentions[chain[n - 1]]) ||
            in_prep_phrase(x, &x->mentions[mi]))
            break;
        chain[n++] = mi;
    }
    while (n)
        add_actor(out, chain[--n]);
}

/* Is verb group c a bare past participle after a noun ("remarks published
 * on Monday")? It qualifies the noun and opens no clause of its own. */
static bool reduced_relative(const ctx *x, const dl_chunk *c)
{
    if (c->end - c->first != 1 || c->first == 0 || x->s->tokens[c->head].tag != DL_TAG_VBN)
        return false;
    return dl_tag_is_noun(x->s->tokens[c->first - 1].tag);
}

static void subjects(const ctx *x, uint32_t vgi, actor_set *out, int depth)
{
    const dl_chunk *vg = x->vg[vgi];
    uint32_t open = vgi;
    while (open > 0 && reduced_relative(x, x->vg[open - 1]))
        open--;
    uint32_t lo = open ? x->vg[open - 1]->end : 0;
    subjects_in(x, lo, vg->first, out);
    if (out->n || depth >= MAX_DEPTH)
        return;
    /* "we"/"I" inside a direct quote: the quote's speaker */
    for (uint32_t t = lo; t < vg->first; t++) {
        const dl_token *k = &x->s->tokens[t];
        if (k->tag == DL_TAG_PRP && (!strcasecmp(k->text, "we") || !strcasecmp(k->text, "i"))) {
            const dl_quote *q = quote_around(x, k);
            if (q) {
                out->quote = q;
                out->m[out->n++] = -2;
                return;
            }
        }
    }
    /* "with Congo's president accusing Rwanda": a gerund right after an
     * actor in a "with" phrase has that actor as its subject (rule
     * who.absolute). */
    if (x->s->tokens[vg->head].tag == DL_TAG_VBG && vg->first > 1) {
        for (uint32_t t = vg->first; t-- > 0 && vg->first - t <= 8;) {
            int32_t mi = x->at[t];
            if (mi < 0 || x->mentions[mi].last != vg->first || !dl_coder_usable(&x->mentions[mi]))
                continue;
            uint32_t p = x->mentions[mi].first;
            while (p > 0 && (x->s->tokens[p - 1].tag == DL_TAG_DT || x->s->tokens[p - 1].tag == DL_TAG_JJ))
                p--;
            if (p > 0 && dl_coder_word_eq(&x->s->tokens[p - 1], "with")) {
                add_actor(out, mi);
                out->rule = "who.absolute";
                return;
            }
        }
    }
    /* "Japan's intention to seek", "Israel's decision to strike": an
     * infinitive after a noun with a possessor has the possessor as its
     * subject (rule who.noun-possessor). */
    {
        uint32_t to = vg->first;
        if (to > 0 && !(x->s->tokens[to].tag == DL_TAG_TO) && x->s->tokens[to - 1].tag == DL_TAG_TO)
            to--;
        if (x->s->tokens[to].tag == DL_TAG_TO && to >= 3 && dl_tag_is_noun(x->s->tokens[to - 1].tag)) {
            uint32_t n = to - 1;
            while (n > 0 && (dl_tag_is_noun(x->s->tokens[n - 1].tag) || x->s->tokens[n - 1].tag == DL_TAG_JJ))
                n--;
            if (n > 0 && x->s->tokens[n - 1].tag == DL_TAG_POS) {
                for (uint32_t t = n - 1; t-- > lo && n - t <= 8;) {
                    int32_t mi = x->at[t];
                    if (mi >= 0 && x->mentions[mi].last == n - 1 && dl_coder_usable(&x->mentions[mi])) {
                        add_actor(out, mi);
                        out->rule = "who.noun-possessor";
                        return;
                    }
                }
            }
        }
    }
    if (!vgi)
        return;
    /* A pronoun after a reporting verb ("X said it was ...") stands for
     * X; an infinitive, a gerund or a verb after "and" shares the subject
     * of the verb before it. */
    bool pronoun = false, nonfinite = false;
    for (uint32_t t = lo; t < vg->first; t++)
        pronoun |= x->s->tokens[t].tag == DL_TAG_PRP;
    const dl_token *head = &x->s->tokens[vg->head];
    const dl_token *before = vg->first ? &x->s->tokens[vg->first - 1] : NULL;
    nonfinite = head->tag == DL_TAG_VBG || x->s->tokens[vg->first].tag == DL_TAG_TO ||
                (before && (before->tag == DL_TAG_TO || before->tag == DL_TAG_CC ||
                            (before->text && !strcasecmp(before->text, "to")))) ||
                vg->first == lo;
    /* "has in the past denied": an auxiliary left in a group of its own
     * carries the subject. */
    const dl_token *prev = &x->s->tokens[x->vg[vgi - 1]->head];
    bool aux_before = prev->lemma && (!strcmp(prev->lemma, "have") || !strcmp(prev->lemma, "be") ||
                                      !strcmp(prev->lemma, "do") || prev->tag == DL_TAG_MD);
    /* A bare participle before ("a group nicknamed X, months after
     * confronting Y") modifies a noun; the subject is further back. */
    uint32_t back = vgi - 1;
    while (back > 0 && x->vg[back]->end - x->vg[back]->first == 1 &&
           x->s->tokens[x->vg[back]->head].tag == DL_TAG_VBN && !dl_coder_is_reporting(&x->s->tokens[x->vg[back]->head]))
        back--;
    if (pronoun && dl_coder_is_reporting(prev))
        subjects(x, vgi - 1, out, depth + 1);
    else if ((nonfinite || aux_before) && !pronoun)
        subjects(x, nonfinite ? back : vgi - 1, out, depth + 1);
}


/* Where the object of verb group vgi may end: at the next verb group,
 * past participles and gerunds that only qualify a noun ("the roads
 * leading into X", "memos sent by X"), as the object noun phrase of
 * PETRARCH's parse tree would hold them. */
/* Does token t stand for a noun here: tagged one, or a verb form that no
 * verb group took ("communication links leading into")? */
static bool noun_here(const ctx *x, uint32_t t)
{
    uint8_t tag = x->s->tokens[t].tag;
    if (dl_tag_is_noun(tag))
        return true;
    if (tag != DL_TAG_VBZ && tag != DL_TAG_VBP)
        return false;
    for (uint32_t g = 0; g < x->n_vg; g++)
        if (x->vg[g]->first <= t && t < x->vg[g]->end)
            return false;
    return true;
}

/* Did the chunker put token t inside a noun phrase ("the parade
 * supporting Gondor")? */
static bool in_noun_phrase(const ctx *x, uint32_t t)
{
    for (uint32_t k = 0; k < x->s->n_chunks; k++)
        if (x->s->chunks[k].kind == DL_CHUNK_NP && x->s->chunks[k].first < t && t < x->s->chunks[k].end)
            return true;
    return false;
}

static uint32_t object_limit(const ctx *x, uint32_t vgi, uint32_t from)
{
    for (uint32_t g = vgi + 1; g < x->n_vg; g++) {
        const dl_chunk *c = x->vg[g];
        if (c->end <= from)
            continue;
        uint8_t tag = x->s->tokens[c->head].tag;
        /* "memos sent by", "roads leading into": a participle between a
         * noun and a preposition; "crowds burned down" is a clause */
        if (c->end - c->first == 1 && c->first > 0 && (tag == DL_TAG_VBN || tag == DL_TAG_VBG) &&
            noun_here(x, c->first - 1) && c->end < x->s->n_tokens &&
            (x->s->tokens[c->end].tag == DL_TAG_IN || x->s->tokens[c->end].tag == DL_TAG_TO ||
             in_noun_phrase(x, c->first)))
            continue;
        return c->first;
    }
    return x->s->n_tokens;
}

static const char *const location_preps[] = {"in", "near", "at", "across", "inside", "outside",
                                              "around", "throughout", "into", "off"};

static bool is_location_prep(const dl_token *t)
{
    for (size_t i = 0; i < sizeof location_preps / sizeof *location_preps; i++)
        if (!strcasecmp(t->text, location_preps[i]))
            return true;
    return false;
}

static bool is_place(const dl_mention *m)
{
    return m->kind && (!strcmp(m->kind, "place") || !strcmp(m->kind, "country"));
}

/* places_too: 0 never a place after "in"; 1 always; 2 when it qualifies
 * a noun ("criticized the closure of guest houses in Bree"): a verbal act
 * is about that place, where a strike "in Gaza" only happened there. */
static void objects(const ctx *x, uint32_t from, uint32_t limit, int32_t skip, actor_set *out, int places_too)
{
    int32_t first = -1;
    for (uint32_t t = from; t < limit && first < 0; t++) {
        /* A comma after something else closes the object: "restore ties
         * with [unknown], years after X crowds burned ..." is not about X. */
        if (!strcmp(x->s->tokens[t].text, ",") && t > from)
            break;
        int32_t mi = x->at[t];
        if (mi < 0 || mi == skip || !dl_coder_usable(&x->mentions[mi]))
            continue;
        const dl_mention *m = &x->mentions[mi];
        /* "in Gaza" is where; "fired at Seoul", "roads leading into
         * Mordor" are whom */
        bool noun_place = places_too == 2 && m->first >= 2 && dl_tag_is_noun(x->s->tokens[m->first - 2].tag);
        const char *prep = m->first ? x->s->tokens[m->first - 1].text : "";
        if (places_too != 1 && !noun_place && m->first && is_location_prep(&x->s->tokens[m->first - 1]) &&
            strcasecmp(prep, "at") && strcasecmp(prep, "into") && is_place(m))
            continue; /* "in Gaza": where, not whom */
        first = mi;
    }
    if (first < 0)
        return;
    add_actor(out, first);
    int32_t last = first;
    for (uint32_t t = x->mentions[first].last; t < limit && out->n < MAX_ACTORS; t++) {
        int32_t mi = x->at[t];
        if (mi < 0 || !dl_coder_usable(&x->mentions[mi]))
            continue;
        if (!coordinated(x, &x->mentions[last], &x->mentions[mi]))
            break;
        add_actor(out, mi);
        last = mi;
    }
}

/* The mention after "by" following a passive verb group. */
static int32_t passive_agent(const ctx *x, uint32_t from, uint32_t limit)
{
    for (uint32_t t = from; t + 1 < limit; t++)
        if (!strcasecmp(x->s->tokens[t].text, "by")) {
            for (uint32_t k = t + 1; k < limit && k <= t + 6; k++)
                if (x->at[k] >= 0 && dl_coder_usable(&x->mentions[x->at[k]]))
                    return x->at[k];
            return -1;
        }
    return -1;
}

/* -------------------------------------------------------------- events */

static dl_event_actor event_actor(const ctx *x, const actor_set *set, uint32_t i)
{
    dl_event_actor a = {0};
    a.mention = -1;
    if (set->m[i] == -2) {
        a.text = set->quote->speaker;
        a.code = set->quote->speaker_code;
        a.name = set->quote->speaker_name;
        a.mention = set->quote->speaker_mention;
        if (a.mention >= 0)
            a.country = x->mentions[a.mention].country;
        return a;
    }
    const dl_mention *m = &x->mentions[set->m[i]];
    a.text = m->text;
    a.code = m->code;
    a.name = m->name;
    a.country = m->country;
    a.mention = set->m[i];
    return a;
}

int32_t dl_coder_dateline_mention(const dl_article *a, const dl_mention *mentions, size_t n_mentions)
{
    const char *dl = a->dateline;
    if (!dl)
        return -1;
    size_t n = strcspn(dl, " ,");
    for (size_t i = 0; i < n_mentions; i++)
        if (mentions[i].country && strlen(mentions[i].text) >= n && !strncasecmp(mentions[i].text, dl, n) &&
            is_place(&mentions[i]))
            return (int32_t)i;
    return -1;
}

static const char *fmt(dl_arena *arena, const char *f, const char *a, const char *b, const char *c)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp, f, a ? a : "", b ? b : "", c ? c : "");
    return dl_arena_strdup(arena, tmp);
}

typedef struct coded {
    const char *code;
    const char *alt;         /* code of the reverse event, or NULL */
    bool mutual;             /* listed sources act on each other */
    const char *verb;        /* as written */
    const char *pattern;     /* line */
    const char *file;
    uint32_t line;
    bool cyber, negated;
    dl_fact fact;
    const char *entry;       /* the verb dictionary entry */
    const char *rules[6];    /* ids of the rules that decided it */
    uint32_t n_rules;
    uint32_t verb_at;        /* token of the verb (or the noun naming the event) */
} coded;

static void add_rule(coded *k, const char *rule)
{
    if (!rule)
        return;
    for (uint32_t i = 0; i < k->n_rules; i++)
        if (!strcmp(k->rules[i], rule))
            return;
    if (k->n_rules < sizeof k->rules / sizeof *k->rules)
        k->rules[k->n_rules++] = rule;
}

/* "FRO/BIL/SAM": a dictionary code naming several actors at once gives
 * one actor per part. Returns the number of parts (at most max). */
static uint32_t split_codes(const ctx *x, const char *code, const char **parts, uint32_t max)
{
    uint32_t n = 0;
    if (!code || !strchr(code, '/')) {
        parts[0] = code;
        return 1;
    }
    for (const char *p = code; *p && n < max;) {
        size_t len = strcspn(p, "/");
        if (len)
            parts[n++] = dl_arena_strndup(x->arena, p, len);
        p += len + (p[len] == '/');
    }
    return n ? n : 1;
}

static dl_status emit_one(const ctx *x, const coded *k, const dl_cameo_code *info, dl_event_actor s,
                          dl_event_actor t);

static dl_status emit(const ctx *x, const coded *k, const actor_set *src, const actor_set *tgt)
{
    const dl_cameo_code *info = dl_cameo_get(x->c->cameo, k->code);
    /* Actors listed together with no one else named act on each other:
     * "Gondor and Osgiliath delayed their meeting". */
    bool mutual = !tgt->n && src->n > 1 && k->mutual;
    uint32_t nt = mutual ? src->n : tgt->n ? tgt->n : 1;
    for (uint32_t i = 0; i < src->n; i++)
        for (uint32_t j = 0; j < nt; j++) {
            if (mutual && i == j)
                continue;
            dl_event_actor s = event_actor(x, src, i);
            dl_event_actor t = mutual ? event_actor(x, src, j)
                                      : tgt->n ? event_actor(x, tgt, j) : (dl_event_actor){.mention = -1};
            const char *sc[MAX_ACTORS], *tc[MAX_ACTORS];
            uint32_t ns = split_codes(x, s.code, sc, MAX_ACTORS), ntc = split_codes(x, t.code, tc, MAX_ACTORS);
            for (uint32_t a = 0; a < ns; a++)
                for (uint32_t b = 0; b < ntc; b++) {
                    dl_event_actor s1 = s, t1 = t;
                    s1.code = sc[a];
                    t1.code = tc[b];
                    dl_status st = emit_one(x, k, info, s1, t1);
                    if (st)
                        return st;
                    /* "[032:033]": "X left for Y" is also Y receiving X */
                    if (k->alt && !mutual && t1.code && k->alt[0] >= '0' && k->alt[0] <= '9') {
                        coded r = *k;
                        r.code = k->alt;
                        r.alt = NULL;
                        if ((st = emit_one(x, &r, dl_cameo_get(x->c->cameo, r.code), t1, s1)))
                            return st;
                    }
                }
        }
    return DL_OK;
}

static dl_status emit_one(const ctx *x, const coded *k, const dl_cameo_code *info, dl_event_actor s,
                          dl_event_actor t)
{
    if (!s.code || (t.code && !strcmp(s.code, t.code)))
        return DL_OK;
    /* once per sentence for the same who, what and whom; events are
     * added in sentence order, so only this sentence's tail is looked at */
    bool seen = false;
    for (size_t e = x->out->n; e-- > 0 && !seen && x->out->items[e].sentence == x->si;) {
        const dl_event *o = &x->out->items[e];
        seen = !strcmp(o->cameo, k->code) && !strcmp(o->source.code, s.code) &&
               ((!o->target.code && !t.code) || (o->target.code && t.code && !strcmp(o->target.code, t.code)));
    }
    if (seen)
        return DL_OK;
    dl_event *e = dl_arena_push(x->arena, (void **)&x->out->items, &x->out->n, &x->out->cap, sizeof *e);
    if (!e)
        return DL_ERR_NOMEM;
    e->sentence = (uint32_t)x->si;
    e->sentence_text = dl_arena_strndup(x->arena, x->a->body + x->s->start, x->s->end - x->s->start);
    e->source = s;
    e->target = t;
    e->cameo = k->code;
    char root[3] = {k->code[0], k->code[1], 0};
    e->cameo_root = dl_arena_strdup(x->arena, root);
    e->quad_class = info ? info->quad_class : dl_cameo_quad(k->code);
    e->goldstein = info ? info->goldstein : 0;
    e->plover = info ? info->plover : NULL;
    e->plover_mode = info ? info->mode : NULL;
    if (k->cyber) {
        if (info && info->cyber_plover)
            e->plover = info->cyber_plover;
        e->plover_mode = "cyber";
    }
    e->negated = k->negated;
    e->factuality = dl_fact_name(k->fact);
    if (k->n_rules) {
        e->rules = DL_ARENA_NEW(x->arena, const char *, k->n_rules);
        if (!e->rules)
            return DL_ERR_NOMEM;
        memcpy(e->rules, k->rules, k->n_rules * sizeof *e->rules);
        e->n_rules = k->n_rules;
    }
    e->verb = k->verb;
    e->pattern = k->pattern;
    e->pattern_file = k->file;
    e->pattern_line = k->line;
    /* the event's own date and place, from its clause */
    dl_status wst = dl_event_when_where(x->c->whenwhere, e, x->a, x->s, k->verb_at, x->mentions,
                                        x->n_mentions, x->arena);
    if (wst)
        return wst;
    e->entries = DL_ARENA_NEW(x->arena, const char *, 3);
    if (!e->entries)
        return DL_ERR_NOMEM;
    e->entries[e->n_entries++] = k->entry;
    e->entries[e->n_entries++] = fmt(x->arena, "source: %s = %s%s", s.text, s.code, "");
    if (t.code)
        e->entries[e->n_entries++] = fmt(x->arena, "target: %s = %s%s", t.text, t.code, "");
    return DL_OK;
}

/* "met with the Japanese ambassador to China", "speak with X about ...
 * at the forum in Chile": a loose pattern ("* TO +", "* AT_THE &SUMMIT")
 * may take its '+' from a later phrase; the actor right after the verb
 * (after "with", a determiner or adjectives) is its object and the
 * target. Returns that mention, or -1 when it is the pattern's own. */
static int32_t first_object(const ctx *x, uint32_t vend, int32_t pattern_target)
{
    const dl_mention *pt = &x->mentions[pattern_target];
    for (uint32_t t = vend; t < pt->first && t < vend + 4; t++) {
        int32_t mi = x->at[t];
        if (mi >= 0 && mi != pattern_target && dl_coder_usable(&x->mentions[mi]))
            return x->mentions[mi].last <= pt->first ? mi : -1;
        uint8_t tag = x->s->tokens[t].tag;
        if (tag != DL_TAG_DT && tag != DL_TAG_JJ && tag != DL_TAG_PRPS && tag != DL_TAG_RB &&
            !dl_coder_word_eq(&x->s->tokens[t], "with"))
            return -1;
    }
    return -1;
}

/* The per-code conventions of data/cameo.tsv ([conventions]): the
 * threat a modal act becomes under PETRARCH's conventions, whether the
 * event may lack a target, whether a place after the verb is its target. */
static const char *threat_of(const ctx *x, const char *code)
{
    const dl_cameo_code *info = dl_cameo_get(x->c->cameo, code);
    if (!info || !info->threat)
        return NULL;
    /* "13": a threat stays the threat it is */
    return strlen(info->threat) == 2 && !strncmp(info->threat, code, 2) ? code : info->threat;
}

static bool target_optional(const ctx *x, const char *code)
{
    const dl_cameo_code *info = dl_cameo_get(x->c->cameo, code);
    return info && info->target_optional;
}

static bool place_target(const ctx *x, const char *code)
{
    const dl_cameo_code *info = dl_cameo_get(x->c->cameo, code);
    return info && info->place_target;
}

/* "intends to eliminate", "plans to strike": the verb after is a plan;
 * "to be allowed to leave" is a permission, not yet a deed either. */
static bool intends(const dl_token *t)
{
    static const char *const verbs[] = {"intend", "plan", "aim", "seek", "vow", "pledge", "threaten",
                                        "want", "hope", "promise", "prepare", "consider", "propose", "try",
                                        "allow", "permit"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (t->lemma && !strcmp(t->lemma, verbs[i]))
            return true;
    return false;
}

static bool denies(const dl_token *t)
{
    static const char *const verbs[] = {"deny", "reject", "refute", "dismiss", "dispute"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (t->lemma && !strcmp(t->lemma, verbs[i]))
            return true;
    return false;
}

/* Is w the same phrase as v, listed in another block? */
static bool same_phrase(const cverb *v, const cverb *w)
{
    if (w == v || w->block == v->block || w->n_words != v->n_words || w->head != v->head)
        return false;
    for (uint8_t i = 0; i < v->n_words; i++)
        if (strcmp(w->words[i], v->words[i]))
            return false;
    return true;
}

static dl_status code_verb(const ctx *x, uint32_t vgi, uint32_t head, bool after_denial)
{
    const dl_chunk *vg = x->vg[vgi];
    uint32_t vfirst = head, vend = head + 1;
    int32_t vi = dl_coder_find_verb(x, head, &vfirst, &vend);
    if (vi < 0 || (after_denial && x->c->petrarch))
        return DL_OK;
    /* A gerund after "of", "in", "for" or "about" names an activity inside
     * a noun phrase ("the importance of protecting civilians"), not a deed;
     * "by exerting pressure" stays: it is how the main verb was done. */
    if (x->s->tokens[head].tag == DL_TAG_VBG && head > 0) {
        const dl_token *p = &x->s->tokens[head - 1];
        if (p->tag == DL_TAG_IN && strcasecmp(p->text, "by"))
            return DL_OK;
    }
    /* "an increasing threat", "the occupying forces": a participle
     * between a determiner and a noun describes the noun (rule
     * pred.prenominal); it is no predicate. */
    if (!x->c->petrarch && head > 0 && head + 1 < x->s->n_tokens &&
        (x->s->tokens[head].tag == DL_TAG_VBG || x->s->tokens[head].tag == DL_TAG_VBN) &&
        (x->s->tokens[head - 1].tag == DL_TAG_DT || x->s->tokens[head - 1].tag == DL_TAG_PRPS) &&
        (dl_tag_is_noun(x->s->tokens[head + 1].tag) || x->s->tokens[head + 1].tag == DL_TAG_JJ))
        return DL_OK;
    const cverb *v = &x->c->cverbs[vi];
    const dl_verb_block *block = &x->c->verbs.blocks[v->block];
    uint32_t limit = vgi + 1 < x->n_vg ? x->vg[vgi + 1]->first : x->s->n_tokens;
    coded k = {0};
    pmatch pm = {-1, -1, 0};
    const cpattern *matched = NULL;
    bool spelled_out = false; /* the pattern names the negation itself */
    /* A dictionary may list the same verb in two blocks ("SHOT [---]" and
     * "SHOT [223]"): the patterns of the verb's own block are tried
     * first, then those of the others; the bare verb keeps its own code. */
    const char *hw = v->words[v->head];
    const verb_ref *refs = dl_map_get(x->c->by_word, hw, strlen(hw));
    for (int pass = 0; pass < 2 && !k.code; pass++) {
        const verb_ref self = {(uint32_t)vi, NULL};
        for (const verb_ref *r = pass ? refs : &self; r && !k.code; r = r->next) {
            const cverb *w = &x->c->cverbs[r->verb];
            if (pass && !same_phrase(v, w))
                continue;
            const dl_verb_block *wb = &x->c->verbs.blocks[w->block];
            for (uint32_t p = wb->first_pattern; p < wb->first_pattern + wb->n_patterns; p++) {
                const cpattern *cp = &x->c->cpatterns[p];
                pmatch m = {-1, -1, 0};
                if (!cp->n || !dl_coder_match_forward(x, cp, (uint16_t)(cp->verb + 1), vend, x->s->n_tokens, &m) ||
                    (cp->verb > 0 && !dl_coder_match_backward(x, cp, cp->verb - 1, vfirst, &m)))
                    continue;
                pm = m;
                matched = cp;
                k.code = cp->code;
                k.pattern = cp->src->text;
                k.file = cp->src->file;
                k.line = cp->src->line;
                k.cyber = cp->cyber;
                k.alt = cp->alt;
                k.mutual = cp->compound || cp->alt;
                spelled_out = cp->negation;
                break;
            }
        }
    }
    if (!k.code) {
        k.code = v->code ? v->code : block->code;
        if (!v->code && block->alt_code) {
            k.alt = block->alt_code;
            k.mutual = true;
        }
        k.cyber = v->src->comment && strstr(v->src->comment, "cyber");
    }
    if (!k.code || k.code[0] == '-' || k.code[0] < '0' || k.code[0] > '9' || strchr(k.code, '?'))
        return DL_OK; /* "[025?]": a code its author was not sure of */
    /* A pattern, or a verb of several words ("conduct air strikes"), is
     * specific enough to code an event whose target is not named. */
    bool from_pattern = k.pattern != NULL || v->n_words > 1;
    if (!from_pattern) {
        k.file = block->file;
        k.line = block->line;
    }
    if (x->c->petrarch) {
        /* PETRARCH's conventions (dl_coder_options.petrarch) */
        k.negated = vg && (vg->flags & DL_VG_NEGATED) && !spelled_out;
        bool planned = vgi > 0 && vg->first > 0 && x->s->tokens[vg->first - 1].tag == DL_TAG_TO &&
                       intends(&x->s->tokens[x->vg[vgi - 1]->head]);
        /* "will attack" is coded as the attack, as TABARI and PETRARCH do;
         * "is expected to" and "is going to" are plans. */
        if (vg->flags & DL_VG_FUTURE) {
            bool will = false;
            for (uint32_t t = vg->first; t < vg->end; t++)
                will |= dl_coder_word_eq(&x->s->tokens[t], "will") || dl_coder_word_eq(&x->s->tokens[t], "shall") ||
                        dl_coder_word_eq(&x->s->tokens[t], "'ll");
            planned |= !will;
        }
        if (!spelled_out && (planned || (vg->flags & DL_VG_MODAL))) {
            if (k.negated || !(k.code = threat_of(x, k.code)))
                return DL_OK;
            add_rule(&k, "petrarch.modal-threat");
        }
        k.fact = k.negated ? DL_FACT_NEGATED : DL_FACT_ASSERTED;
    } else {
        fact_result fr = dl_fact_verb(x, vgi);
        /* a pattern that spells out the negation ("REFUSED TO MEET")
         * has coded what not doing it means */
        if (spelled_out && fr.value == DL_FACT_NEGATED)
            fr.value = DL_FACT_ASSERTED, fr.rule = "fact.spelled-out";
        k.fact = fr.value;
        k.negated = fr.value == DL_FACT_NEGATED;
        add_rule(&k, fr.rule);
    }
    k.verb_at = head;
    k.verb = dl_arena_strndup(x->arena, x->a->body + x->s->tokens[vfirst].start,
                              x->s->tokens[vend - 1].end - x->s->tokens[vfirst].start);
    k.entry = fmt(x->arena, "verb: %s [%s] in block %s", v->src->phrase, v->code ? v->code : block->code,
                  block->name);
    actor_set src = {0}, tgt = {0};
    if (pm.source >= 0)
        add_actor(&src, pm.source);
    if (pm.target >= 0) {
        /* only when the pattern goes on with a word ("* TO +"), not with
         * an object of its own ("* &TROOPS FROM +") */
        bool loose = matched && matched->verb + 1 < matched->n && matched->e[matched->verb + 1].kind == PE_WORD;
        int32_t first = x->c->petrarch || !loose ? -1 : first_object(x, vend, pm.target);
        add_actor(&tgt, first >= 0 ? first : pm.target);
        if (first >= 0)
            add_rule(&k, "who.first-object");
    }
    bool passive = vg && (vg->flags & DL_VG_PASSIVE);
    bool verbal = (k.code[0] - '0') * 10 + (k.code[1] - '0') < 14; /* CAMEO 01-13: words, not deeds */
    /* a visit's place is whom it visits: "arrived in Gondor" */
    int places = place_target(x, k.code) ? 1 : verbal ? 2 : 0;
    /* A passive with no "by" phrase is coded as PETRARCH does, from its
     * subject to its object: "The Philippines was criticized over its
     * dispute with Eriador". */
    if (passive && !src.n && passive_agent(x, vend, limit) < 0 && !tgt.n) {
        actor_set subj = {0}, obj = {0};
        subjects_in(x, vgi ? x->vg[vgi - 1]->end : 0, vg->first, &subj); /* its own clause only */
        objects(x, vend, object_limit(x, vgi, vend), subj.n ? subj.m[0] : -1, &obj, places);
        passive = !(subj.n && obj.n);
    }
    if (passive) {
        int32_t agent = passive_agent(x, vend, limit);
        /* "China was criticized by Japan": a pattern's '+' after a
         * passive verb is its agent, the doer (rule who.passive-agent) */
        if (agent >= 0 && tgt.n == 1 && tgt.m[0] == agent && !src.n)
            tgt.n = 0;
        if (!src.n && agent >= 0) {
            add_actor(&src, agent);
            add_rule(&k, "who.passive-agent");
        }
        if (!tgt.n && vg)
            subjects(x, vgi, &tgt, 0);
    } else {
        if (!src.n && vg) {
            subjects(x, vgi, &src, 0);
            add_rule(&k, src.rule);
        }
        /* "X noted that Y regretted" coded by "NOTED + *": the pattern
         * made the verb's subject the target, so the source is the one
         * who did the noting, the subject of the verb before. */
        if (pm.target >= 0 && src.n == 1 && src.m[0] == pm.target && vgi > 0 &&
            x->mentions[pm.target].last <= vfirst) {
            src.n = 0;
            subjects(x, vgi - 1, &src, 0);
        }
        if (!tgt.n && strcmp(k.code, "010") && k.pattern && pm.end > vend) {
            /* The object the pattern described ("abandon improved economic
             * relations with X", "memos sent by X"): its target follows it,
             * past participles that only modify it. */
            objects(x, pm.end, object_limit(x, vgi, pm.end), src.n ? src.m[0] : -1, &tgt, places);
        }
        if (!tgt.n && strcmp(k.code, "010"))
            objects(x, vend, object_limit(x, vgi, vend), src.n ? src.m[0] : -1, &tgt, places);
        /* "signed an accord to supply X with wheat": an infinitive whose
         * verb codes nothing belongs to this verb's phrase, as in
         * PETRARCH's parse tree, so its object is this event's target. */
        if (!tgt.n && strcmp(k.code, "010") && vgi + 1 < x->n_vg) {
            const dl_chunk *nx = x->vg[vgi + 1];
            uint32_t nf = nx->head, ne = nx->head + 1;
            if (nx->first > 0 && x->s->tokens[nx->first - 1].tag == DL_TAG_TO &&
                dl_coder_find_verb(x, nx->head, &nf, &ne) < 0)
                objects(x, nx->end, object_limit(x, vgi + 1, nx->end), src.n ? src.m[0] : -1, &tgt, places);
        }
        /* "threatened to attack X", "urged Y to ...", "vowed to punish X":
         * a speech act whose content is an infinitive is aimed at that
         * infinitive's object (rule who.infinitive-target); a threat takes
         * the kind of its content ("threatened to attack" is a threat of
         * military force, rule code.threat-content). */
        if (!x->c->petrarch && !tgt.n && verbal && strcmp(k.code, "010") && vgi + 1 < x->n_vg) {
            const dl_chunk *nx = x->vg[vgi + 1];
            bool inf = (nx->first == vend && x->s->tokens[nx->first].tag == DL_TAG_TO) ||
                       (nx->first == vend + 1 && x->s->tokens[vend].tag == DL_TAG_TO) ||
                       (nx->first == vend && x->s->tokens[vend - 1].tag == DL_TAG_TO); /* "threaten to" */
            if (inf) {
                objects(x, nx->end, object_limit(x, vgi + 1, nx->end), src.n ? src.m[0] : -1, &tgt, places);
                if (tgt.n)
                    add_rule(&k, "who.infinitive-target");
                uint32_t nf = nx->head, ne = nx->head + 1;
                int32_t ni = dl_coder_find_verb(x, nx->head, &nf, &ne);
                const cverb *w = ni >= 0 ? &x->c->cverbs[ni] : NULL;
                const char *inner = w ? (w->code ? w->code : x->c->verbs.blocks[w->block].code) : NULL;
                bool digits = inner && inner[0] >= '0' && inner[0] <= '9' && inner[1] >= '0' && inner[1] <= '9';
                int inner_root = digits ? (inner[0] - '0') * 10 + (inner[1] - '0') : 0;
                /* "vowed to retaliate", "vowed to challenge X": an intent
                 * (03) to do something hostile (10-20) is a threat */
                bool hostile_intent = !strncmp(k.code, "03", 2) && inner_root >= 10;
                if (digits && (!strncmp(k.code, "13", 2) || hostile_intent)) {
                    const char *threat = threat_of(x, inner);
                    if (!threat || strncmp(threat, "13", 2))
                        threat = hostile_intent ? "130" : NULL;
                    if (threat && strcmp(threat, k.code)) {
                        k.code = threat;
                        add_rule(&k, "code.threat-content");
                    }
                }
            }
        }
        /* "bargain for asylum in X": when a pattern named a deed that needs
         * a target and no one else is named, the place it is about is its
         * target. Violence may lack one: "air strikes in Gaza" only
         * happened there. */
        if (!tgt.n && strcmp(k.code, "010") && k.pattern && places != 1 && !target_optional(x, k.code))
            objects(x, pm.end > vend ? pm.end : vend, object_limit(x, vgi, pm.end > vend ? pm.end : vend),
                    src.n ? src.m[0] : -1, &tgt, 1);
    }
    if (!src.n)
        return DL_OK;
    /* "India and Pakistan signed a treaty", "X and Y held talks": a
     * cooperative act of actors listed together, with no one else named,
     * is one joint event between them (rule who.joint; ANNOTATION.md: a
     * meeting is one event with either as source). */
    int root = (k.code[0] - '0') * 10 + (k.code[1] - '0');
    if (!tgt.n && src.n > 1 && !k.mutual && !x->c->petrarch && root >= 3 && root <= 6 && !place_target(x, k.code)) {
        tgt.m[0] = src.m[1];
        tgt.quote = src.quote;
        tgt.n = 1;
        src.n = 1;
        add_rule(&k, "who.joint");
    }
    if (!tgt.n && !(k.mutual && src.n > 1)) {
        /* Material conflict may lack a named target ("conducted air
         * strikes"), but only when a pattern, not the bare verb, coded it. */
        if (!from_pattern || !target_optional(x, k.code))
            return DL_OK;
        add_rule(&k, "who.no-target");
    }
    /* A plain statement (CAMEO 010) is not coded: who said what is the
     * quotes stage's record, and "X said" events would swamp the rest. */
    if (!strcmp(k.code, "010"))
        return DL_OK;
    /* ANNOTATION.md: public statements (CAMEO 01x: comments, optimism,
     * sympathy) are quotes, not events (rule code.statement); PETRARCH's
     * records code them. A denial aimed at another actor's claim ("Beijing
     * denied claims by Washington", 016 with a target) rejects an
     * accusation and stays. */
    if (!x->c->petrarch && !strncmp(k.code, "01", 2) && !(!strcmp(k.code, "016") && tgt.n))
        return DL_OK;
    return emit(x, &k, &src, &tgt);
}

/* Does a time adjunct open the noun phrase at token i ("during a brief
 * visit to X", "after talks with Y")? Then it dates another event and is
 * none itself. */
static bool time_adjunct(const ctx *x, uint32_t i)
{
    static const char *const preps[] = {"during", "after", "before", "since", "following", "ahead", "until"};
    while (i > 0) {
        uint8_t t = x->s->tokens[i - 1].tag;
        if (t != DL_TAG_DT && t != DL_TAG_JJ && t != DL_TAG_PRPS && t != DL_TAG_RB && t != DL_TAG_CD)
            break;
        i--;
    }
    if (i == 0)
        return false;
    const dl_token *p = &x->s->tokens[i - 1];
    if (!strcasecmp(p->text, "of") && i >= 2)
        p = &x->s->tokens[i - 2]; /* "ahead of" */
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (!strcasecmp(p->text, preps[k]))
            return true;
    return false;
}

/* The verb group whose object the noun phrase at token i is ("held
 * talks with", "issued heavy criticism at"), or -1. */
static int32_t governing_verb(const ctx *x, uint32_t i)
{
    uint32_t np = i;
    while (np > 0) {
        uint8_t t = x->s->tokens[np - 1].tag;
        if (t != DL_TAG_DT && t != DL_TAG_JJ && t != DL_TAG_PRPS && t != DL_TAG_CD && t != DL_TAG_RB &&
            t != DL_TAG_JJR && t != DL_TAG_JJS && t != DL_TAG_VBN && t != DL_TAG_POS && !dl_tag_is_noun(t))
            break;
        np--;
    }
    for (uint32_t g = x->n_vg; g-- > 0;) {
        const dl_chunk *vg = x->vg[g];
        if (vg->end > np)
            continue;
        return np - vg->end <= 1 ? (int32_t)g : -1;
    }
    return -1;
}

/* The source of a frame without '$': an actor just before the noun ("the
 * Japanese invasion of", "Japan's aid to"), else the subject of the verb
 * governing it, else the subject of the next verb group ("In a call with
 * X, Y said"). */
static void frame_source(const ctx *x, uint32_t i, uint32_t end, int32_t gov, actor_set *src, coded *k)
{
    uint32_t b = i;
    while (b > 0 && (x->s->tokens[b - 1].tag == DL_TAG_POS || x->s->tokens[b - 1].tag == DL_TAG_JJ ||
                     x->s->tokens[b - 1].tag == DL_TAG_CC || x->s->tokens[b - 1].tag == DL_TAG_COMMA) &&
           x->at[b - 1] < 0)
        b--;
    if (!x->c->petrarch && b > 0) {
        /* the mention ending just before: walk back to its start */
        for (uint32_t t = b; t-- > 0 && b - t <= 8;) {
            int32_t mi = x->at[t];
            if (mi >= 0 && x->mentions[mi].last == b && dl_coder_usable(&x->mentions[mi])) {
                add_actor(src, mi);
                add_rule(k, "frame.modifier-source");
                return;
            }
        }
    }
    if (!x->c->petrarch && gov >= 0) {
        subjects(x, (uint32_t)gov, src, 0);
        if (src->n) {
            add_rule(k, "frame.verb-subject");
            return;
        }
    }
    for (uint32_t g = 0; g < x->n_vg && !src->n; g++)
        if (x->vg[g]->first >= end)
            subjects_in(x, 0, x->vg[g]->first, src);
}

/* Did a verb of this sentence code an event between these actors? */
static bool coded_already(const ctx *x, const actor_set *src, const actor_set *tgt)
{
    for (size_t e = 0; e < x->out->n; e++) {
        const dl_event *o = &x->out->items[e];
        if (o->sentence != x->si || !src->n || src->m[0] < 0)
            continue;
        bool same_src = o->source.mention == src->m[0];
        bool same_tgt = tgt->n ? tgt->m[0] >= 0 && o->target.mention == tgt->m[0] : o->target.mention < 0;
        if (same_src && same_tgt)
            return true;
    }
    return false;
}

static void mark_frames(const ctx *x, const char *w, size_t n, uint8_t *on)
{
    for (const frame_ref *r = dl_map_get(x->c->frame_words, w, n); r; r = r->next)
        on[r->frame] = 1;
}

static dl_status code_frames(const ctx *x)
{
    const dl_sentence *s = x->s;
    if (!x->c->n_frames)
        return DL_OK;
    /* Which frames can start in this sentence: those whose first word is
     * one of its tokens (text or lemma), in file order as before. */
    uint8_t *on = DL_ARENA_NEW(x->arena, uint8_t, x->c->n_frames);
    if (!on)
        return DL_ERR_NOMEM;
    mark_frames(x, "", 0, on);
    for (uint32_t i = 0; i < s->n_tokens; i++) {
        char low[48];
        size_t n = strlen(s->tokens[i].text);
        if (n < sizeof low) {
            for (size_t b = 0; b <= n; b++)
                low[b] = (char)tolower((unsigned char)s->tokens[i].text[b]);
            mark_frames(x, low, n, on);
        }
        if (s->tokens[i].lemma)
            mark_frames(x, s->tokens[i].lemma, strlen(s->tokens[i].lemma), on);
    }
    for (size_t f = 0; f < x->c->n_frames; f++) {
        const nframe *fr = &x->c->frames[f];
        if (!on[f])
            continue;
        for (uint32_t i = 0; i < s->n_tokens; i++) {
            uint32_t pos = i;
            actor_set src = {0}, tgt = {0};
            bool ok = true;
            for (uint8_t k = 0; k < fr->n && ok; k++) {
                const char *w = fr->words[k];
                if ((w[0] == '$' || w[0] == '+') && !w[1]) {
                    /* "with the President of Brazil": a mention may
                     * start after its determiner and adjectives */
                    for (int skip = 0; skip < 3 && pos < s->n_tokens && x->at[pos] < 0 &&
                                       (s->tokens[pos].tag == DL_TAG_DT || s->tokens[pos].tag == DL_TAG_JJ ||
                                        s->tokens[pos].tag == DL_TAG_PRPS);
                         skip++)
                        pos++;
                    int32_t mi = pos < s->n_tokens ? x->at[pos] : -1;
                    ok = mi >= 0 && dl_coder_usable(&x->mentions[mi]);
                    if (ok) {
                        add_actor(w[0] == '$' ? &src : &tgt, mi);
                        pos = x->mentions[mi].last;
                    }
                } else {
                    /* "had lunch today with": an adverb inside the frame */
                    if (k > 0 && pos + 1 < s->n_tokens && !dl_coder_word_eq(&s->tokens[pos], w) &&
                        (s->tokens[pos].tag == DL_TAG_RB || dl_coder_word_eq(&s->tokens[pos], "today") ||
                         dl_coder_word_eq(&s->tokens[pos], "yesterday")))
                        pos++;
                    ok = pos < s->n_tokens && dl_coder_word_eq(&s->tokens[pos], w);
                    pos++;
                }
            }
            if (!ok || time_adjunct(x, i))
                continue;
            coded k = {.code = fr->code, .file = x->c->nominal_file, .line = fr->line};
            int32_t gov = governing_verb(x, i);
            if (!fr->has_source)
                frame_source(x, i, pos, gov, &src, &k);
            if (fr->has_source && !fr->has_target && gov >= 0 && !x->c->petrarch) {
                /* "MST receives help from $": the receiver is the target */
                subjects(x, (uint32_t)gov, &tgt, 0);
                if (tgt.n)
                    add_rule(&k, "frame.recipient");
            }
            /* a target listed with others: "between X and Y" keeps Y */
            if (!src.n || (!tgt.n && (!target_optional(x, fr->code) || x->c->petrarch)))
                continue;
            if (coded_already(x, &src, &tgt)) /* "broke off a treaty with X": the verb's event */
                continue;
            k.verb_at = i;
            fact_result fa = dl_fact_noun(x, i, pos);
            k.fact = fa.value;
            k.negated = fa.value == DL_FACT_NEGATED;
            add_rule(&k, "frame.nominal");
            add_rule(&k, fa.rule);
            k.verb = dl_arena_strndup(x->arena, x->a->body + s->tokens[i].start,
                                      s->tokens[pos - 1].end - s->tokens[i].start);
            char line[256] = "";
            for (uint8_t w = 0; w < fr->n; w++) {
                strncat(line, fr->words[w], sizeof line - strlen(line) - 2);
                strcat(line, " ");
            }
            k.pattern = fmt(x->arena, "%s[%s]%s", line, fr->code, "");
            k.entry = fmt(x->arena, "nominal frame: %s[%s]%s", line, fr->code, "");
            dl_status st = emit(x, &k, &src, &tgt);
            if (st)
                return st;
        }
    }
    return DL_OK;
}

dl_status dl_coder_sentence(event_list *out, const dl_coder *c, const dl_article *a, const dl_sentence *s,
                            size_t si, const dl_mention *mentions, size_t n_mentions, const dl_quote *quotes,
                            size_t n_quotes, const coder_article *art, dl_arena *arena)
{
    if (!s->n_tokens)
        return DL_OK;
    ctx x = {c, a, s, si, mentions, n_mentions, NULL, NULL, 0, quotes, n_quotes, arena, out, art};
    x.at = DL_ARENA_NEW(arena, int32_t, s->n_tokens);
    if (!x.at)
        return DL_ERR_NOMEM;
    for (uint32_t t = 0; t < s->n_tokens; t++)
        x.at[t] = -1;
    for (size_t k = art->mention_at[si]; k < art->mention_at[si + 1]; k++) {
        size_t m = art->mention_ix[k];
        if (mentions[m].first < s->n_tokens && mentions[m].last > mentions[m].first) {
            int32_t *slot = &x.at[mentions[m].first];
            /* keep the longest mention starting at a token */
            if (*slot < 0 || mentions[*slot].last < mentions[m].last)
                *slot = (int32_t)m;
        }
    }
    dl_status vst = dl_coder_verb_groups(&x);
    if (vst)
        return vst;
    bool after_denial = false;
    for (uint32_t g = 0; g < x.n_vg; g++) {
        uint32_t head = x.vg[g]->head;
        dl_status st = code_verb(&x, g, head, after_denial);
        if (st)
            return st;
        if (denies(&s->tokens[head]))
            after_denial = true;
    }
    return code_frames(&x);
}
