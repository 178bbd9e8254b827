/* actor_match.c: finds the atoms of one sentence.
 *
 * The sentence's tokens are cut into pieces (a token, or each part of a
 * hyphenated token) and normalised into one buffer. At each piece that
 * starts a word the trie is walked over the following pieces, with a space
 * between pieces that had white space or a hyphen between them and nothing
 * between pieces written together; every node with a payload on the way is
 * a phrase that ends there. The longest phrase that passes the checks below
 * wins, and scanning goes on after it.
 *
 * What stops a phrase from matching:
 *   - an actor phrase must have a capitalised word in the text: "us" is
 *     not the US, "turkey" not Turkey; a single word of one or two letters
 *     must be written in capitals ("US", "UN", not "Us" or "It");
 *   - a one-word actor phrase must not be tagged as a function word or a
 *     verb ("May" as a modal, "Will");
 *   - a phrase must end at a token boundary, and not in front of a letter
 *     written without a space ("AT" of "AT&T" is fine, "US" of "USAID" is
 *     not possible anyway).
 * A surname seen earlier in the article ("Gallant" after "Yoav Gallant")
 * beats a one-word dictionary match: the article's context is better
 * evidence than a dictionary that holds several Cohens. */
#include "text/tagclass.h"
#include "actors/actor_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dl_status push_piece(dl_actor_ctx *ctx, const dl_piece *p)
{
    if (ctx->n_pieces == ctx->cap_pieces) {
        size_t cap = ctx->cap_pieces ? ctx->cap_pieces * 2 : 256;
        dl_piece *grown = realloc(ctx->pieces, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        ctx->pieces = grown;
        ctx->cap_pieces = cap;
    }
    ctx->pieces[ctx->n_pieces++] = *p;
    return DL_OK;
}

static dl_status push_atom(dl_actor_ctx *ctx, const dl_atom *a)
{
    if (ctx->n_atoms == ctx->cap_atoms) {
        size_t cap = ctx->cap_atoms ? ctx->cap_atoms * 2 : 64;
        dl_atom *grown = realloc(ctx->atoms, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        ctx->atoms = grown;
        ctx->cap_atoms = cap;
    }
    ctx->atoms[ctx->n_atoms++] = *a;
    return DL_OK;
}

/* The token's bytes: the body where it came from (offsets are into it),
 * else the token's own copy. */
static const char *token_bytes(const dl_actor_ctx *ctx, const dl_token *t, size_t *n)
{
    const dl_article *a = ctx->article;
    if (a && a->body && t->end <= a->body_len && t->start <= t->end) {
        *n = t->end - t->start;
        return a->body + t->start;
    }
    *n = t->text ? strlen(t->text) : 0;
    return t->text ? t->text : "";
}

static dl_status build_pieces(dl_actor_ctx *ctx, const dl_sentence *s)
{
    ctx->n_pieces = 0;
    dl_buf_clear(&ctx->text);
    uint32_t prev_end = 0;
    bool prev_stop = true;
    for (uint32_t t = 0; t < s->n_tokens; t++) {
        const dl_token *tok = &s->tokens[t];
        size_t n;
        const char *b = token_bytes(ctx, tok, &n);
        bool adjacent = t > 0 && tok->start == prev_end && !prev_stop;
        prev_end = tok->end;
        bool any = false;
        size_t i = 0;
        while (i <= n) {
            /* one segment up to the next hyphen */
            size_t next, j = dl_actor_segment_end(b, n, i, &next);
            if (j > i) {
                if (dl_buf_reserve(&ctx->text, 8 * (j - i) + 8))
                    return DL_ERR_NOMEM;
                bool cap, allcaps;
                size_t at = ctx->text.len;
                size_t k = dl_actor_norm(ctx->text.data + at, b + i, j - i, &cap, &allcaps);
                if (k) {
                    ctx->text.len += k;
                    ctx->text.data[ctx->text.len] = '\0';
                    unsigned char c0 = (unsigned char)ctx->text.data[at];
                    dl_piece p = {(uint32_t)at, (uint32_t)k, t, tok->start + (uint32_t)i, tok->start + (uint32_t)j, 0};
                    if (cap)
                        p.flags |= DL_PIECE_CAP;
                    if (allcaps)
                        p.flags |= DL_PIECE_ALLCAPS;
                    if (!any) {
                        p.flags |= DL_PIECE_FIRST;
                        if (i == 0 && adjacent)
                            p.flags |= DL_PIECE_GLUE;
                    }
                    if ((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 >= 0x80)
                        p.flags |= DL_PIECE_WORD;
                    if (push_piece(ctx, &p))
                        return DL_ERR_NOMEM;
                    any = true;
                }
            }
            i = next;
        }
        if (!any) {
            dl_piece p = {(uint32_t)ctx->text.len, 0, t, tok->start, tok->end, DL_PIECE_STOP | DL_PIECE_FIRST};
            if (push_piece(ctx, &p))
                return DL_ERR_NOMEM;
        }
        prev_stop = !any;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- checks */


/* Tags that a one-word proper name never has. */
static bool function_tag(uint8_t tag)
{
    switch (tag) {
    case DL_TAG_CC: case DL_TAG_DT: case DL_TAG_EX: case DL_TAG_IN: case DL_TAG_MD:
    case DL_TAG_PDT: case DL_TAG_POS: case DL_TAG_PRP: case DL_TAG_PRPS: case DL_TAG_RB:
    case DL_TAG_RBR: case DL_TAG_RBS: case DL_TAG_RP: case DL_TAG_TO: case DL_TAG_UH:
    case DL_TAG_VB: case DL_TAG_VBD: case DL_TAG_VBG: case DL_TAG_VBN: case DL_TAG_VBP:
    case DL_TAG_VBZ: case DL_TAG_WDT: case DL_TAG_WP: case DL_TAG_WPS: case DL_TAG_WRB:
        return true;
    default:
        return false;
    }
}

/* May pieces [p, q) be an actor phrase? */
static bool actor_ok(const dl_actor_ctx *ctx, size_t p, size_t q)
{
    const dl_piece *pc = ctx->pieces;
    bool capital = false;
    for (size_t i = p; i < q; i++)
        capital |= (pc[i].flags & DL_PIECE_CAP) != 0;
    if (!capital)
        return false;
    if (q - p == 1) {
        if (pc[p].len <= 2 && !(pc[p].flags & DL_PIECE_ALLCAPS))
            return false;
        if (function_tag(ctx->sentence->tokens[pc[p].token].tag))
            return false;
    }
    return true;
}

/* Does a phrase ending before piece q end at a proper place? */
static bool boundary_ok(const dl_actor_ctx *ctx, size_t q)
{
    if (q >= ctx->n_pieces)
        return true;
    const dl_piece *next = &ctx->pieces[q];
    return !(next->flags & DL_PIECE_GLUE) || !(next->flags & DL_PIECE_WORD);
}

/* Has the article named the country of code (its first three letters)
 * in its latest mentions? */
static bool country_mentioned(const dl_actor_ctx *ctx, const char *code)
{
    if (!code || strlen(code) < 3)
        return false;
    size_t stop = ctx->n_mentions > 200 ? ctx->n_mentions - 200 : 0;
    for (size_t i = ctx->n_mentions; i-- > stop;)
        if (ctx->mentions[i].country && !strncmp(ctx->mentions[i].country, code, 3))
            return true;
    return false;
}

/* Among the actor payloads of a node, the entry to use: one the article
 * has mentioned already, else one with a code on the article's date, else
 * one of a country the article has named (the article's region: Tripoli
 * in a story about Lebanon is Lebanon's), else the first loaded. NULL when
 * the node has no actor payload. */
static const dl_actor_entry *choose_actor(const dl_actor_ctx *ctx, uint32_t node)
{
    const dl_actors *a = ctx->actors;
    const dl_actor_entry *first = NULL, *dated = NULL, *regional = NULL;
    bool several = false;
    for (uint32_t p = a->nodes[node].payload; p; p = a->pays[p - 1].next) {
        const dl_trie_payload *pay = &a->pays[p - 1];
        if (pay->type != DL_PAY_ACTOR)
            continue;
        const dl_actor_entry *e = &a->actors.entries[pay->index];
        if (dl_actor_entry_entity(ctx, e) >= 0)
            return e;
        several = first != NULL;
        if (!first)
            first = e;
        if (!dated && ctx->date) {
            const dl_actor_code *c = dl_actor_code_of(ctx, e);
            if (c && (c->from || c->to))
                dated = e;
        }
    }
    if (dated || !several)
        return dated ? dated : first;
    for (uint32_t p = a->nodes[node].payload; p && !regional; p = a->pays[p - 1].next) {
        const dl_trie_payload *pay = &a->pays[p - 1];
        if (pay->type == DL_PAY_ACTOR && country_mentioned(ctx, dl_actor_entry_code(ctx, &a->actors.entries[pay->index])))
            regional = &a->actors.entries[pay->index];
    }
    return regional ? regional : first;
}

static const dl_trie_payload *first_agent(const dl_actors *a, uint32_t node)
{
    for (uint32_t p = a->nodes[node].payload; p; p = a->pays[p - 1].next)
        if (a->pays[p - 1].type == DL_PAY_AGENT)
            return &a->pays[p - 1];
    return NULL;
}

/* ----------------------------------------------------------------- names */

static bool ascii_ieq(const char *s, const char *lower)
{
    for (; *s && *lower; s++, lower++)
        if ((*s | 0x20) != *lower)
            return false;
    return !*s && !*lower;
}

/* Words that are capitalised and tagged as proper nouns but name no actor. */
static bool calendar_word(const char *w)
{
    static const char *const words[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (ascii_ieq(w, words[i]))
            return true;
    return false;
}

/* Can token t be part of an unknown name? It must have a capitalised piece
 * and be tagged as a noun or an adjective (taggers often call the parts of
 * "ad-Din al-Qassam" adjectives). */
static bool name_token(const dl_actor_ctx *ctx, size_t p)
{
    const dl_piece *pc = ctx->pieces;
    uint32_t t = pc[p].token;
    bool cap = false;
    for (size_t i = p; i < ctx->n_pieces && pc[i].token == t; i++)
        cap |= (pc[i].flags & DL_PIECE_CAP) != 0;
    if (!cap || !(pc[p].flags & DL_PIECE_WORD))
        return false;
    uint8_t tag = ctx->sentence->tokens[t].tag;
    switch (tag) {
    case DL_TAG_NNP: case DL_TAG_NNPS: case DL_TAG_NN: case DL_TAG_NNS: case DL_TAG_JJ:
    case DL_TAG_FW: case DL_TAG_NONE:
        return !calendar_word(ctx->sentence->tokens[t].text ? ctx->sentence->tokens[t].text : "");
    default:
        return false;
    }
}

/* Lower-case words inside a name: "of", "for", "the" after "of", and the
 * particles of Romance names. */
static bool joiner_word(const char *w)
{
    return w && (!strcmp(w, "of") || !strcmp(w, "for") || !strcmp(w, "the") || !strcmp(w, "and") ||
                 !strcmp(w, "&") || !strcmp(w, "de") ||
                 !strcmp(w, "da") || !strcmp(w, "do") || !strcmp(w, "dos") || !strcmp(w, "del") ||
                 !strcmp(w, "du") || !strcmp(w, "la") || !strcmp(w, "van") || !strcmp(w, "von") ||
                 !strcmp(w, "der"));
}

/* Does the token at piece p (the next token's first piece at `next`)
 * continue a name: a joiner followed by a name word, or "of the" followed
 * by one? */
static bool name_joiner(const dl_actor_ctx *ctx, size_t p, size_t next)
{
    const dl_sentence *s = ctx->sentence;
    uint32_t t = ctx->pieces[p].token;
    const char *w = s->tokens[t].text;
    if (!w || !t || next >= ctx->n_pieces)
        return false;
    if (!strcmp(w, "and") || !strcmp(w, "&")) {
        /* "Securities and Exchange Commission": only when the words after
         * it end as an organisation's name does */
        uint32_t e = t + 1;
        while (e < s->n_tokens && (s->tokens[e].tag == DL_TAG_NNP || s->tokens[e].tag == DL_TAG_NNPS))
            e++;
        return e > t + 1 && dl_actor_org_word(s->tokens[e - 1].text);
    }
    if (!joiner_word(w) || !strcmp(w, "the"))
        return false;
    /* "of" and "for" inside organisations and places ("Bank of England",
     * "Gulf of Aden"), not after people ("Maria Lopez of Acme") */
    if ((!strcmp(w, "of") || !strcmp(w, "for")) && !dl_actor_org_word(s->tokens[t - 1].text) &&
        !dl_actor_place_word(s->tokens[t - 1].text) && !dl_actor_org_word(s->tokens[t - 1].lemma))
        return false;
    if (t + 2 < s->n_tokens && !strcmp(w, "of") && s->tokens[t + 1].text && !strcmp(s->tokens[t + 1].text, "the")) {
        size_t q = next;
        while (q < ctx->n_pieces && ctx->pieces[q].token == t + 1)
            q++;
        return q < ctx->n_pieces && name_token(ctx, q);
    }
    return name_token(ctx, next);
}

/* Closes the run of name tokens [t0, t1) as a name atom when it holds a
 * proper noun (or, untagged, any capitalised word). */
static dl_status close_name(dl_actor_ctx *ctx, size_t p0, size_t p1)
{
    const dl_piece *pc = ctx->pieces;
    const dl_sentence *s = ctx->sentence;
    /* a name does not end with "of" or "of the" */
    while (p1 > p0 && joiner_word(s->tokens[pc[p1 - 1].token].text))
        p1--;
    if (p1 <= p0)
        return DL_OK;
    bool proper = false;
    size_t letters = 0;
    for (size_t i = p0; i < p1; i++) {
        uint8_t tag = s->tokens[pc[i].token].tag;
        proper |= dl_tag_is_proper(tag) || tag == DL_TAG_NONE;
        letters += pc[i].len;
    }
    if (!proper || letters < 2)
        return DL_OK;
    dl_atom a = {0};
    a.kind = DL_ATOM_NAME;
    a.p0 = (uint32_t)p0;
    a.p1 = (uint32_t)p1;
    a.t0 = pc[p0].token;
    a.t1 = pc[p1 - 1].token + 1;
    a.start = s->tokens[a.t0].start;
    a.end = s->tokens[a.t1 - 1].end;
    const char *body = ctx->article && ctx->article->body ? ctx->article->body : NULL;
    if (body)
        a.name = dl_arena_strndup(ctx->arena, body + a.start, a.end - a.start);
    else {
        dl_buf tmp = DL_BUF_INIT;
        for (uint32_t t = a.t0; t < a.t1; t++)
            if (dl_buf_printf(&tmp, "%s%s", t > a.t0 ? " " : "", s->tokens[t].text))
                return DL_ERR_NOMEM;
        a.name = dl_arena_strdup(ctx->arena, tmp.data ? tmp.data : "");
        dl_buf_free(&tmp);
    }
    if (!a.name)
        return DL_ERR_NOMEM;
    /* A name seen before with more words ("Lopez" after "Maria Lopez")
     * is the same person. */
    if (a.t1 - a.t0 == 1) {
        const dl_alias *al = dl_actor_find_alias(ctx, ctx->text.data + pc[p0].text, pc[p0].len);
        if (al && !al->entry && p1 - p0 == 1) {
            a.alias = true;
            a.name = al->name;
        }
    } else if (dl_actor_add_alias(ctx, NULL, a.name)) {
        return DL_ERR_NOMEM;
    }
    return push_atom(ctx, &a);
}

/* The alias of the whole token starting at piece p, if it is one. */
static const dl_alias *token_alias(const dl_actor_ctx *ctx, size_t p, size_t *end)
{
    const dl_piece *pc = ctx->pieces;
    if (!ctx->n_aliases || !(pc[p].flags & DL_PIECE_FIRST) || !(pc[p].flags & DL_PIECE_CAP))
        return NULL;
    size_t q = p + 1;
    while (q < ctx->n_pieces && pc[q].token == pc[p].token)
        q++;
    /* The pieces of one token are contiguous in the buffer except for the
     * spaces a hyphen stands for; aliases hold those spaces too. */
    char key[256];
    size_t n = 0;
    for (size_t i = p; i < q; i++) {
        if (n + pc[i].len + 1 >= sizeof key)
            return NULL;
        if (i > p)
            key[n++] = ' ';
        memcpy(key + n, ctx->text.data + pc[i].text, pc[i].len);
        n += pc[i].len;
    }
    const dl_alias *al = dl_actor_find_alias(ctx, key, n);
    if (al && al->entry)
        *end = q;
    return al && al->entry ? al : NULL;
}

/* he, she, him; and "it" and "they" as the subject of a verb that says
 * what someone did ("it said", "they will"), not "it is", "it seems". */
static bool pronoun(const dl_sentence *s, uint32_t i)
{
    const dl_token *t = &s->tokens[i];
    if (t->tag && t->tag != DL_TAG_PRP)
        return false;
    const char *w = t->text ? t->text : "";
    if (ascii_ieq(w, "he") || ascii_ieq(w, "she") || ascii_ieq(w, "him"))
        return true;
    if (!ascii_ieq(w, "it") && !ascii_ieq(w, "they"))
        return false;
    if (i + 1 >= s->n_tokens)
        return false;
    const dl_token *v = &s->tokens[i + 1];
    if (v->tag != DL_TAG_VBD && v->tag != DL_TAG_VBZ && v->tag != DL_TAG_VBP && v->tag != DL_TAG_MD)
        return false;
    static const char *const no[] = {"be", "seem", "appear", "take", "remain", "become", "look", "sound", "mean"};
    for (size_t k = 0; k < sizeof no / sizeof *no; k++)
        if (v->lemma && !strcmp(v->lemma, no[k]))
            return false;
    /* "it will be", "it would seem" */
    if (v->tag == DL_TAG_MD && i + 2 < s->n_tokens && s->tokens[i + 2].lemma &&
        (!strcmp(s->tokens[i + 2].lemma, "be") || !strcmp(s->tokens[i + 2].lemma, "seem")))
        return false;
    return true;
}

/* Does one of the entry's phrases hold the word of piece p as a whole
 * word (the "Joe" of "Joe Biden")? */
static bool names_word(const dl_actor_ctx *ctx, const dl_actor_entry *e, size_t p)
{
    const char *w = ctx->text.data + ctx->pieces[p].text;
    size_t n = ctx->pieces[p].len;
    dl_buf key = DL_BUF_INIT;
    bool found = false;
    for (uint32_t k = 0; k < e->n_phrases && !found; k++) {
        dl_buf_clear(&key);
        if (dl_actor_key(&key, e->phrases[k]) || !key.len)
            continue;
        for (const char *at = key.data; *at && !found;) {
            size_t len = strcspn(at, " ");
            found = len == n && !memcmp(at, w, n);
            at += len;
            while (*at == ' ')
                at++;
        }
    }
    dl_buf_free(&key);
    return found;
}

/* ------------------------------------------------------------------ scan */

typedef struct terminal {
    uint32_t end;   /* pieces [p, end) */
    uint32_t node;
} terminal;

dl_status dl_actor_scan(dl_actor_ctx *ctx, const dl_sentence *s)
{
    ctx->sentence = s;
    ctx->n_atoms = 0;
    dl_status st = build_pieces(ctx, s);
    if (st)
        return st;
    const dl_actors *a = ctx->actors;
    const dl_piece *pc = ctx->pieces;
    const char *text = ctx->text.data;
    size_t n = ctx->n_pieces;
    size_t name_start = 0;
    bool in_name = false;
    size_t p = 0;
    while (p < n) {
        terminal found[32];
        size_t n_found = 0;
        if (pc[p].flags & DL_PIECE_WORD) {
            uint32_t node = 0;
            for (size_t q = p; q < n; q++) {
                if (pc[q].flags & DL_PIECE_STOP)
                    break;
                if (q > p && !(pc[q].flags & DL_PIECE_GLUE) && !(node = dl_trie_step(a, node, ' ')))
                    break;
                const char *w = text + pc[q].text;
                uint32_t k = 0;
                for (; k < pc[q].len && (node = dl_trie_step(a, node, (unsigned char)w[k])); k++)
                    ;
                if (k < pc[q].len)
                    break;
                if (a->nodes[node].payload && boundary_ok(ctx, q + 1)) {
                    if (n_found == sizeof found / sizeof *found)
                        memmove(found, found + 1, (--n_found) * sizeof *found);
                    found[n_found++] = (terminal){(uint32_t)(q + 1), node};
                }
            }
        }
        /* The longest phrase that passes. */
        dl_atom atom = {0};
        for (size_t f = n_found; f-- > 0 && !atom.kind;) {
            uint32_t node = found[f].node;
            bool act = actor_ok(ctx, p, found[f].end);
            const dl_actor_entry *e = act ? choose_actor(ctx, node) : NULL;
            const dl_trie_payload *g = first_agent(a, node);
            if (e) {
                atom.kind = DL_ATOM_ACTOR;
                atom.entry = e;
            } else if (g) {
                atom.kind = DL_ATOM_AGENT;
                atom.agent = &a->agents.entries[g->index];
                atom.plural = g->plural;
                /* An actor phrase at the start of the agent gives its country. */
                for (size_t h = f; h-- > 0 && !atom.lead;)
                    if (actor_ok(ctx, p, found[h].end))
                        atom.lead = choose_actor(ctx, found[h].node);
            }
            if (atom.kind)
                atom.p1 = found[f].end;
        }
        /* A surname seen earlier beats a one-token dictionary match, but
         * not after a first name of someone else: "Hunter Biden" is not
         * Joe Biden. */
        size_t alias_end = 0;
        const dl_alias *al = token_alias(ctx, p, &alias_end);
        bool other_first_name = al && in_name && !names_word(ctx, al->entry, name_start);
        if (other_first_name && (!atom.kind || pc[atom.p1 - 1].token == pc[p].token)) {
            memset(&atom, 0, sizeof atom);
            al = NULL;
        }
        if (al && (!atom.kind || (pc[atom.p1 - 1].token == pc[p].token))) {
            memset(&atom, 0, sizeof atom);
            atom.kind = DL_ATOM_ACTOR;
            atom.entry = al->entry;
            atom.alias = true;
            atom.p1 = (uint32_t)alias_end;
        }
        if (!atom.kind && (pc[p].flags & DL_PIECE_FIRST) && pronoun(s, pc[p].token)) {
            atom.kind = DL_ATOM_PRONOUN;
            atom.p1 = (uint32_t)p + 1;
        }
        if (atom.kind) {
            if (in_name && (st = close_name(ctx, name_start, p)))
                return st;
            in_name = false;
            atom.p0 = (uint32_t)p;
            atom.t0 = pc[p].token;
            atom.t1 = pc[atom.p1 - 1].token + 1;
            atom.start = pc[p].start;
            atom.end = pc[atom.p1 - 1].end;
            if (atom.kind == DL_ATOM_ACTOR && !atom.alias && !strcmp(dl_actor_kind(atom.entry), "person") &&
                (st = dl_actor_add_alias(ctx, atom.entry, NULL)))
                return st;
            if ((st = push_atom(ctx, &atom)))
                return st;
            p = atom.p1;
            continue;
        }
        /* Nothing known here: perhaps part of an unknown name. Names are
         * made of whole tokens. */
        size_t next = p + 1;
        while (next < n && pc[next].token == pc[p].token)
            next++;
        if ((pc[p].flags & DL_PIECE_FIRST) && name_token(ctx, p)) {
            if (!in_name)
                name_start = p, in_name = true;
        } else if (in_name && (pc[p].flags & DL_PIECE_FIRST) && name_joiner(ctx, p, next)) {
            /* "Bank of England", "Ministry of Foreign Affairs": the name
             * goes on (close_name drops a joiner it ends with) */
        } else if (in_name) {
            if ((st = close_name(ctx, name_start, p)))
                return st;
            in_name = false;
        }
        p = (pc[p].flags & DL_PIECE_FIRST) ? next : p + 1;
    }
    if (in_name && (st = close_name(ctx, name_start, n)))
        return st;
    return DL_OK;
}
