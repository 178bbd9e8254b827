/* coder_match.c: matching the verb dictionary against a sentence: a verb
 * phrase at a token (the longest whose head the token is), and a pattern's
 * elements forward and backward from it, synsets included; and the verb
 * groups those are looked for at. */
#include "text/tagclass.h"
#include "events/coder_int.h"
#include "base/arena.h"

#include <string.h>
#include <strings.h>

bool dl_coder_is_verb_tag(uint8_t t)
{
    return dl_tag_is_verb(t);
}

bool dl_coder_word_eq(const dl_token *t, const char *w)
{
    return strcasecmp(t->text, w) == 0 || (t->lemma && strcmp(t->lemma, w) == 0);
}

bool dl_coder_usable(const dl_mention *m)
{
    return m->code && m->code[0] != '-' && !(m->kind && !strcmp(m->kind, "media"));
}

/* ------------------------------------------------------------ matching */

/* Does a member phrase of a synset stand at token pos? Returns its length. */
static uint32_t set_at(const ctx *x, const dl_synset *set, uint32_t pos, uint32_t limit, int depth)
{
    if (!set || depth > 4)
        return 0;
    for (uint32_t i = 0; i < set->n_phrases; i++) {
        const char *ph = set->phrases[i];
        if (ph[0] == '&') {
            uint32_t n = set_at(x, dl_verb_dict_synset(&x->c->verbs, ph), pos, limit, depth + 1);
            if (n)
                return n;
            continue;
        }
        /* compare word by word without allocating */
        uint32_t k = pos;
        const char *p = ph;
        bool ok = true;
        while (*p && ok) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (k >= limit)
                ok = false;
            else {
                const dl_token *t = &x->s->tokens[k];
                ok = strlen(t->text) == len && strncasecmp(t->text, p, len) == 0;
                if (!ok && t->lemma)
                    ok = strlen(t->lemma) == len && strncasecmp(t->lemma, p, len) == 0;
            }
            k++;
            p = e ? e + 1 : p + len;
        }
        if (ok)
            return k - pos;
    }
    return 0;
}

/* Matches elements [from, p->n) forward from token pos. */
bool dl_coder_match_forward(const ctx *x, const cpattern *p, uint16_t from, uint32_t pos, uint32_t limit,
                          pmatch *m)
{
    for (uint16_t k = from; k < p->n; k++) {
        const pelem *e = &p->e[k];
        bool glued = e->glued;
        uint32_t j = pos, found = UINT32_MAX, len = 0;
        switch (e->kind) {
        case PE_WORD:
        case PE_SET:
            for (; j < limit && found == UINT32_MAX; j++) {
                len = e->kind == PE_WORD ? dl_coder_word_eq(&x->s->tokens[j], e->word) : set_at(x, e->set, j, limit, 0);
                if (len)
                    found = j;
                if (glued)
                    break;
            }
            if (found == UINT32_MAX)
                return false;
            pos = found + len;
            break;
        case PE_SOURCE:
        case PE_TARGET:
            for (; j < limit && found == UINT32_MAX; j++) {
                if (x->at[j] >= 0 && dl_coder_usable(&x->mentions[x->at[j]]))
                    found = j;
                if (glued)
                    break;
            }
            if (found == UINT32_MAX)
                return false;
            if (e->kind == PE_SOURCE)
                m->source = x->at[found];
            else
                m->target = x->at[found];
            pos = x->mentions[x->at[found]].last;
            break;
        case PE_SKIP:
            for (uint32_t c = 0; c < x->s->n_chunks; c++)
                if (x->s->chunks[c].kind == DL_CHUNK_NP && x->s->chunks[c].first == pos) {
                    pos = x->s->chunks[c].end;
                    break;
                }
            break;
        default:
            break;
        }
    }
    m->end = pos;
    return true;
}

/* Matches elements (to, 0] backward, each ending before token anchor. */
bool dl_coder_match_backward(const ctx *x, const cpattern *p, int to, uint32_t anchor, pmatch *m)
{
    for (int k = to; k >= 0; k--) {
        const pelem *e = &p->e[k];
        bool glued = p->e[k + 1].glued; /* the element to its right must follow it directly */
        int64_t j = (int64_t)anchor - 1, found = -1;
        switch (e->kind) {
        case PE_WORD:
            for (; j >= 0 && found < 0; j--) {
                if (dl_coder_word_eq(&x->s->tokens[j], e->word))
                    found = j;
                if (glued)
                    break;
            }
            if (found < 0)
                return false;
            anchor = (uint32_t)found;
            break;
        case PE_SET:
            for (; j >= 0 && found < 0; j--) {
                uint32_t len = set_at(x, e->set, (uint32_t)j, anchor, 0);
                if (len && (!glued || (uint32_t)j + len == anchor))
                    found = j;
                if (glued && (uint32_t)j + 4 < anchor)
                    break;
            }
            if (found < 0)
                return false;
            anchor = (uint32_t)found;
            break;
        case PE_SOURCE:
        case PE_TARGET:
            for (; j >= 0 && found < 0; j--) {
                int32_t mi = x->at[j];
                if (mi >= 0 && dl_coder_usable(&x->mentions[mi]) && (!glued || x->mentions[mi].last == anchor))
                    found = j;
                if (glued && x->at[j] >= 0)
                    break;
            }
            if (found < 0)
                return false;
            if (e->kind == PE_SOURCE)
                m->source = x->at[found];
            else
                m->target = x->at[found];
            anchor = (uint32_t)found;
            break;
        default:
            break;
        }
    }
    return true;
}

/* The verb (longest dictionary phrase) whose head is token i, or -1. */
int32_t dl_coder_find_verb(const ctx *x, uint32_t i, uint32_t *first, uint32_t *end)
{
    const dl_token *t = &x->s->tokens[i];
    int32_t best = -1;
    uint8_t best_n = 0;
    /* A past form the lemmatiser left alone ("celebrated" tagged as an
     * adjective): its stem without "d" or "ed" is tried last. */
    size_t tn = strlen(t->text);
    bool bare_ed = tn > 4 && !strcasecmp(t->text + tn - 2, "ed") && (!t->lemma || !strcasecmp(t->lemma, t->text));
    for (int pass = 0; pass < (bare_ed ? 4 : 2); pass++) {
        char key[64];
        /* the word as written first: a dictionary may list a form of
         * its own ("LEFT [032:033]" besides "LEAVE [012]") */
        const char *w = pass == 1 ? t->lemma : t->text;
        if (!w)
            continue;
        size_t n = strlen(w);
        if (pass >= 2)
            n -= (size_t)(pass - 1); /* "celebrated" -> "celebrate", "cordoned" -> "cordon" */
        if (n >= sizeof key)
            continue;
        for (size_t k = 0; k < n; k++)
            key[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
        key[n] = '\0';
        for (const verb_ref *r = dl_map_get(x->c->by_word, key, n); r; r = r->next) {
            const cverb *v = &x->c->cverbs[r->verb];
            if (v->n_words <= best_n || i < v->head)
                continue;
            uint32_t start = i - v->head, pos = i + 1;
            bool ok = true;
            for (uint8_t k = 0; k < v->head && ok; k++)
                ok = dl_coder_word_eq(&x->s->tokens[start + k], v->words[k]);
            /* Words after the head may stand a few words apart: "conducted
             * several air strikes" is CONDUCT_AIR_STRIKES. The gap never
             * crosses punctuation or another verb. */
            for (uint8_t k = v->head + 1; k < v->n_words && ok; k++) {
                uint32_t limit = pos + (k == v->head + 1 ? 4 : 1);
                ok = false;
                for (uint32_t j = pos; j < limit && j < x->s->n_tokens; j++) {
                    const dl_token *g = &x->s->tokens[j];
                    if (dl_coder_word_eq(g, v->words[k])) {
                        ok = true;
                        pos = j + 1;
                        break;
                    }
                    if (dl_coder_is_verb_tag(g->tag) || g->tag == DL_TAG_COMMA || g->tag == DL_TAG_PERIOD ||
                        g->tag == DL_TAG_COLON || g->tag == DL_TAG_IN)
                        break;
                }
            }
            if (ok) {
                best = (int32_t)r->verb;
                best_n = v->n_words;
                *first = start;
                *end = pos;
            }
        }
        if (best >= 0)
            break;
    }
    return best;
}

/* Is t a verb of saying ("said", "noted")? */
bool dl_coder_is_reporting(const dl_token *t)
{
    static const char *const verbs[] = {"say", "tell", "state", "add", "claim", "announce", "report",
                                        "insist", "confirm", "write", "note", "declare", "indicate",
                                        "suggest", "signal"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (t->lemma && !strcmp(t->lemma, verbs[i]))
            return true;
    return false;
}

/* The sentence's verb groups, in order, into x->vg: the chunker's, less
 * the ones that act as nouns, plus a one-word group for every verb the
 * chunker left outside one ("has in the past denied") or the tagger took
 * for a noun. */
dl_status dl_coder_verb_groups(ctx *x)
{
    const dl_sentence *s = x->s;
    /* Verb groups, in order, plus a one-word group for every verb the
     * chunker left outside one ("has in the past denied"). */
    dl_chunk *own = DL_ARENA_NEW(x->arena, dl_chunk, s->n_tokens);
    x->vg = DL_ARENA_NEW(x->arena, const dl_chunk *, s->n_chunks + s->n_tokens + 1);
    if (!own || !x->vg)
        return DL_ERR_NOMEM;
    uint32_t k = 0;
    for (uint32_t t = 0; t < s->n_tokens; t++) {
        while (k < s->n_chunks && (s->chunks[k].kind != DL_CHUNK_VG || s->chunks[k].end <= t))
            k++;
        if (k < s->n_chunks && s->chunks[k].first <= t) {
            /* "arranged for the reopening of X": a gerund after a
             * determiner is a noun, as PETRARCH's parser makes it, so it
             * is neither a deed nor the end of the object. */
            const dl_chunk *ck = &s->chunks[k];
            bool noun = ck->end - ck->first == 1 && s->tokens[t].tag == DL_TAG_VBG && t > 0 &&
                        (s->tokens[t - 1].tag == DL_TAG_DT || s->tokens[t - 1].tag == DL_TAG_PRPS);
            /* "tapped all communication links leading into X": a lone
             * present-tense verb between the object of a deed and a
             * participle is the plural noun heading that object. */
            if (!noun && ck->end - ck->first == 1 && (s->tokens[t].tag == DL_TAG_VBZ || s->tokens[t].tag == DL_TAG_VBP) &&
                t > 0 && t + 1 < s->n_tokens && s->tokens[t - 1].tag == DL_TAG_NN &&
                (s->tokens[t + 1].tag == DL_TAG_VBG || s->tokens[t + 1].tag == DL_TAG_VBN) && x->n_vg &&
                !dl_coder_is_reporting(&s->tokens[x->vg[x->n_vg - 1]->head])) {
                uint32_t b = t - 1;
                while (b > x->vg[x->n_vg - 1]->end && (s->tokens[b - 1].tag == DL_TAG_NN || s->tokens[b - 1].tag == DL_TAG_JJ ||
                                                     s->tokens[b - 1].tag == DL_TAG_DT))
                    b--;
                noun = b == x->vg[x->n_vg - 1]->end;
            }
            if (ck->first == t && !noun)
                x->vg[x->n_vg++] = ck;
            continue;
        }
        /* "has celebrated", "it deplored" with the verb tagged an
         * adjective: after an auxiliary that ends a verb group, or after a
         * subject pronoun, a word in -ed is the verb. */
        const dl_token *tk = &s->tokens[t];
        const dl_token *pv = t > 0 ? &s->tokens[t - 1] : NULL;
        bool after_aux = pv && x->n_vg && x->vg[x->n_vg - 1]->end == t && x->vg[x->n_vg - 1]->head == t - 1 &&
                         pv->lemma && !strcmp(pv->lemma, "have");
        bool after_subject = pv && pv->tag == DL_TAG_PRP &&
                             (!strcasecmp(pv->text, "it") || !strcasecmp(pv->text, "he") || !strcasecmp(pv->text, "she") ||
                              !strcasecmp(pv->text, "they") || !strcasecmp(pv->text, "we") || !strcasecmp(pv->text, "i"));
        bool participle = (after_aux || after_subject) && tk->tag == DL_TAG_JJ && strlen(tk->text) > 3 &&
                          !strcmp(tk->text + strlen(tk->text) - 2, "ed");
        /* "Ethiopia departs from Libya", "Ethiopia act on a resolution":
         * a headline-style clause whose verb the tagger took for a noun.
         * Right after the actor that opens the sentence, before any verb
         * and followed by a preposition, a word the verb dictionary knows
         * is the verb, as PETRARCH's parser would have made it. */
        bool headline = !participle && x->n_vg == 0 && (tk->tag == DL_TAG_NN || tk->tag == DL_TAG_NNS) &&
                        t + 1 < s->n_tokens && s->tokens[t + 1].tag == DL_TAG_IN && x->at[0] >= 0 &&
                        x->mentions[x->at[0]].last == t && dl_coder_usable(&x->mentions[x->at[0]]);
        /* "inching nearer to accord with X": after "to", a bare word the
         * verb dictionary knows, followed by a preposition, is an
         * infinitive the tagger took for a noun. */
        if (!participle && !headline && tk->tag == DL_TAG_NN && pv && !strcasecmp(pv->text, "to") &&
            t + 1 < s->n_tokens && s->tokens[t + 1].tag == DL_TAG_IN)
            headline = true;
        if (headline) {
            uint32_t vf = t, ve = t + 1;
            headline = dl_coder_find_verb(x, t, &vf, &ve) >= 0 && vf == t;
        }
        if ((dl_coder_is_verb_tag(tk->tag) && tk->tag != DL_TAG_VB) || participle || headline) {
            own[t] = (dl_chunk){t, t + 1, t, DL_CHUNK_VG, 0};
            x->vg[x->n_vg++] = &own[t];
        }
    }
    return DL_OK;
}
