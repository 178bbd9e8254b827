/* actor_infer.c: what the words of a mention do not say, read from its
 * context once the whole article has been seen.
 *
 *   - The kind of an unknown name ("Securities Commission" is an
 *     organisation, "in Kigoma" a place, "Maria Lopez" a person), from its
 *     last word, its capitals and the word before it.
 *   - A country for mentions that have roles but none ("police",
 *     "protesters", "Captain Artiga") and for unknown names: the code an
 *     earlier mention of the same entity was given; else, for role words
 *     that are not armed men, the place of the sentence ("police in
 *     Baghdad": a country or place after in/at/near); else the article's
 *     dominant country (the country most mentions name,
 *     the dateline's place counting double). Places named by no dictionary
 *     are left alone: a place is not an actor.
 *   - Ethnic groups and minorities are coded by the country they live in,
 *     not their kin state: "the Albanian ethnic minority in Macedonia" is
 *     MKDCVL.
 * Every code made here has inferred set and its evidence in words. */
#include "actors/actor_int.h"
#include "base/arena.h"
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !strncasecmp(w, list[i], n))
            return true;
    return false;
}

/* Last words that make a name an organisation. */
static const char *const org_words[] = {
    "party", "ministry", "council", "committee", "commission", "university", "institute", "agency",
    "association", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "bank", "group", "department",
    "office", "army", "navy", "forces", "force", "police", "court", "assembly", "parliament", "congress",
    "senate", "union", "federation", "organization", "organisation", "foundation", "society", "club",
    "network", "news", "times", "post", "journal", "airlines", "airways", "service", "services", "board",
    "authority", "front", "movement", "league", "alliance", "center", "centre", "school", "college",
    "museum", "hospital", "team", "brigade", "brigades", "guard", "church", "administration", "bureau",
    "fund", "trust", "coalition", "cabinet", "government", "industries", "holdings", "media", "press",
    "television", "radio", "tv", "gazette", "herald", "tribune", "telegraph", "review", "magazine",
};

/* Last words that make a name a place. */
static const char *const place_words[] = {
    "city", "county", "province", "state", "river", "island", "islands", "mountain", "mountains", "street",
    "road", "avenue", "park", "square", "lake", "valley", "bay", "sea", "ocean", "airport", "station",
    "bridge", "beach", "coast", "peninsula", "district", "region", "village", "town", "desert", "strait",
    "gulf", "canal", "border", "highway", "prefecture", "oblast", "territory", "hills", "falls",
};

bool dl_actor_org_word(const char *w)
{
    return w && in_list(w, strlen(w), org_words, sizeof org_words / sizeof *org_words);
}

bool dl_actor_place_word(const char *w)
{
    return w && in_list(w, strlen(w), place_words, sizeof place_words / sizeof *place_words);
}

static const char *const place_preps[] = {"in", "at", "near", "outside", "inside", "across", "throughout"};
static const char *const person_titles[] = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"};

static const char *word_of(const dl_token *t) { return t->text ? t->text : ""; }

const char *dl_actor_name_kind(const dl_actor_ctx *ctx, const dl_atom *a)
{
    const dl_sentence *s = ctx->sentence;
    if (a->t1 <= a->t0 || a->t1 > s->n_tokens)
        return "unknown";
    const char *last = word_of(&s->tokens[a->t1 - 1]);
    size_t ln = strlen(last);
    if (in_list(last, ln, org_words, sizeof org_words / sizeof *org_words))
        return "organisation";
    if (in_list(last, ln, place_words, sizeof place_words / sizeof *place_words))
        return "place";
    /* "Ministry of Finance", "University of Lagos", "Bank of England" */
    for (uint32_t t = a->t0; t + 1 < a->t1; t++) {
        const char *w = word_of(&s->tokens[t]);
        if (in_list(w, strlen(w), org_words, sizeof org_words / sizeof *org_words) &&
            !strcmp(word_of(&s->tokens[t + 1]), "of"))
            return "organisation";
    }
    /* An acronym: "MST", "NATO" */
    if (a->t1 - a->t0 == 1 && (ctx->pieces[a->p0].flags & DL_PIECE_ALLCAPS) && ln >= 2 && ln <= 6)
        return "organisation";
    if (a->t0 > 0) {
        const char *b = word_of(&s->tokens[a->t0 - 1]);
        size_t bn = strlen(b);
        if (in_list(b, bn, person_titles, sizeof person_titles / sizeof *person_titles))
            return "person";
        if (in_list(b, bn, place_preps, sizeof place_preps / sizeof *place_preps))
            return "place";
    }
    return a->t1 - a->t0 >= 2 ? "person" : "unknown";
}

/* ------------------------------------------------------------ countries */

typedef struct tally {
    const char *country;
    uint32_t count;
} tally;

/* The article's dominant country: the one most coded mentions name (the
 * dateline's place counts double; on a tie, the first named). NULL when
 * no mention names a country. */
static const char *dominant_country(const dl_actor_ctx *ctx, uint32_t *count)
{
    tally t[64];
    size_t n = 0;
    const dl_actors *a = ctx->actors;
    const dl_article *art = ctx->article;
    /* The dateline's place, looked up like any phrase. */
    if (art && art->dateline && *art->dateline) {
        dl_buf key = DL_BUF_INIT;
        if (!dl_actor_key(&key, art->dateline) && key.len) {
            uint32_t node = dl_trie_find(a, key.data, key.len);
            for (uint32_t p = node ? a->nodes[node].payload : 0; p; p = a->pays[p - 1].next) {
                if (a->pays[p - 1].type != DL_PAY_ACTOR)
                    continue;
                const dl_actor_entry *e = &a->actors.entries[a->pays[p - 1].index];
                const char *code = dl_actor_entry_code(ctx, e);
                if (code && strlen(code) >= 3 && dl_actor_three_letters(code) && !dl_actor_role_prefix(code)) {
                    t[n].country = dl_arena_strndup(ctx->arena, code, 3);
                    t[n].count = 2;
                    n += t[n].country != NULL;
                }
                break;
            }
        }
        dl_buf_free(&key);
    }
    for (size_t i = 0; i < ctx->n_mentions; i++) {
        const dl_mention *m = &ctx->mentions[i];
        /* Run before any country is taken from context, so every
         * country here is one the words gave. */
        if (!m->country)
            continue;
        size_t k = 0;
        while (k < n && strcmp(t[k].country, m->country))
            k++;
        if (k == n) {
            if (n == sizeof t / sizeof *t)
                continue;
            t[n++] = (tally){m->country, 0};
        }
        t[k].count++;
    }
    const tally *best = NULL;
    for (size_t k = 0; k < n; k++)
        if (!best || t[k].count > best->count)
            best = &t[k];
    *count = best ? best->count : 0;
    return best ? best->country : NULL;
}

/* The country of a place named in the mention's sentence after in/at/near
 * ("police in Baghdad"), or NULL. *where is the place's mention. */
static const char *clause_place(const dl_actor_ctx *ctx, const dl_sentence *sentences, size_t n_sentences,
                                size_t at, const dl_mention **where)
{
    const dl_mention *m = &ctx->mentions[at];
    if (m->sentence >= n_sentences)
        return NULL;
    const dl_sentence *s = &sentences[m->sentence];
    size_t lo = at, hi = at;
    while (lo > 0 && ctx->mentions[lo - 1].sentence == m->sentence)
        lo--;
    while (hi + 1 < ctx->n_mentions && ctx->mentions[hi + 1].sentence == m->sentence)
        hi++;
    for (size_t i = lo; i <= hi; i++) {
        const dl_mention *p = &ctx->mentions[i];
        if (i == at || !p->country || !p->kind || (strcmp(p->kind, "country") && strcmp(p->kind, "place")) ||
            p->first == 0 || p->first > s->n_tokens)
            continue;
        const char *b = word_of(&s->tokens[p->first - 1]);
        if (in_list(b, strlen(b), place_preps, sizeof place_preps / sizeof *place_preps)) {
            *where = p;
            return p->country;
        }
    }
    return NULL;
}

/* The mention whose "'s" stands before role words ("Gregoire's
 * spokesman", "Rossi's lawyer"), when it has a country; else NULL. */
static const dl_mention *possessor(const dl_actor_ctx *ctx, const dl_sentence *sentences, size_t n_sentences,
                                   size_t at)
{
    const dl_mention *m = &ctx->mentions[at];
    if (!at || m->sentence >= n_sentences)
        return NULL;
    const dl_mention *p = &ctx->mentions[at - 1];
    const dl_sentence *s = &sentences[m->sentence];
    if (p->sentence != m->sentence || !p->country || p->last >= s->n_tokens || p->last >= m->first)
        return NULL;
    const char *w = word_of(&s->tokens[p->last]);
    if (strcmp(w, "'s") && strcmp(w, "'") && strcmp(w, "\xe2\x80\x99s") && s->tokens[p->last].tag != DL_TAG_POS)
        return NULL;
    /* at most two lower-case words between: "Rossi's own lawyer" */
    if (m->first - p->last - 1 > 2)
        return NULL;
    for (uint32_t t = p->last + 1; t < m->first; t++)
        if (!(word_of(&s->tokens[t])[0] >= 'a' && word_of(&s->tokens[t])[0] <= 'z'))
            return NULL;
    return p;
}

static bool ethnic(const dl_mention *m)
{
    static const char *const words[] = {"ethnic", "minority", "minorities", "diaspora", "community", "communities"};
    const char *t = m->text ? m->text : "";
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcasestr(t, words[i]))
            return true;
    return false;
}

/* Gives mention m the code country + its roles, with the evidence. */
static dl_status set_code(dl_actor_ctx *ctx, dl_mention *m, const char *country, const char *fmt, const char *a,
                          const char *b)
{
    char code[64], why[512];
    snprintf(code, sizeof code, "%.3s%s", country, m->role ? m->role : "");
    int k = m->evidence ? snprintf(why, sizeof why, "%.200s; country from ", m->evidence) : 0;
    snprintf(why + k, sizeof why - (size_t)k, fmt, a, b);
    m->code = dl_arena_strdup(ctx->arena, code);
    m->evidence = dl_arena_strdup(ctx->arena, why);
    if (!m->code || !m->evidence)
        return DL_ERR_NOMEM;
    m->inferred = true;
    dl_actor_split_code(ctx, m->code, &m->country, &m->role);
    return DL_OK;
}

/* Role words that found no country ("officials said" in an article that
 * names none) name no one a later stage could code: they are dropped, and
 * the antecedents of the mentions after them renumbered. */
static dl_status drop_uncoded_roles(dl_actor_ctx *ctx)
{
    int32_t *to = malloc((ctx->n_mentions + 1) * sizeof *to);
    if (!to)
        return DL_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < ctx->n_mentions; i++) {
        const dl_mention *m = &ctx->mentions[i];
        bool bare = !m->code && m->via == DL_VIA_AGENT && !m->name;
        to[i] = bare ? -1 : (int32_t)k;
        if (!bare)
            ctx->mentions[k++] = *m;
    }
    for (size_t i = 0; i < k; i++) {
        dl_mention *m = &ctx->mentions[i];
        if (m->antecedent >= 0 && (size_t)m->antecedent < ctx->n_mentions)
            m->antecedent = to[m->antecedent];
    }
    ctx->n_mentions = k;
    free(to);
    return DL_OK;
}

/* ------------------------------------------------------------ links */

static const char *tok_text(const dl_sentence *s, uint32_t t)
{
    return t < s->n_tokens && s->tokens[t].text ? s->tokens[t].text : "";
}

/* Do the capitals of acronym a stand for the words of name ("SEC" and
 * "Securities and Exchange Commission")? Each letter must open a word of
 * the name, in order, and the first letter the first word; small words may
 * be skipped. */
static bool acronym_of(const char *a, const char *name)
{
    size_t n = strlen(a);
    if (n < 2 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(a[i] >= 'A' && a[i] <= 'Z'))
            return false;
    const char *w = name;
    size_t k = 0;
    bool first = true;
    while (*w && k < n) {
        while (*w == ' ' || *w == '-')
            w++;
        if (!*w)
            break;
        char c = *w;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        if (c == a[k])
            k++;
        else if (first)
            return false;
        first = false;
        while (*w && *w != ' ' && *w != '-')
            w++;
    }
    return k == n;
}

/* Mention b takes mention a's identity: entity, code, name and kind. */
static dl_status join(dl_actor_ctx *ctx, dl_mention *b, const dl_mention *a, const char *why, const char *what)
{
    char ev[300];
    snprintf(ev, sizeof ev, "%s \"%.200s\"", why, what ? what : "");
    b->entity = a->entity;
    b->code = a->code;
    b->country = a->country;
    b->role = a->role;
    b->name = a->name ? a->name : b->name;
    b->kind = a->kind;
    b->office = a->office ? a->office : b->office;
    b->inferred = true;
    b->evidence = dl_arena_strdup(ctx->arena, ev);
    return b->evidence ? DL_OK : DL_ERR_NOMEM;
}

/* Is m a name (a dictionary actor or an unknown name), rather than role
 * words or a pronoun? */
static bool is_name(const dl_mention *m)
{
    return m->name && (m->via == DL_VIA_DICTIONARY || m->via == DL_VIA_UNKNOWN || (m->via == DL_VIA_AGENT && m->kind && !strcmp(m->kind, "person")));
}

/* A role mention that can describe a person: singular, human, with a
 * country ("the Israeli foreign minister", "the President of Brazil"). */
static bool describes_person(const dl_mention *m)
{
    return m->via == DL_VIA_AGENT && !m->name && !m->plural && m->code && m->country && m->kind &&
           !strcmp(m->kind, "person");
}

/* Links read from the words around mentions, before any country is taken
 * from the context:
 *   - an acronym defined in brackets after a name, "the Securities and
 *     Exchange Commission (SEC)", and every later use of it, is that name;
 *   - an apposition joins a person's name and the role words that
 *     describe them, in either order: "Hu Jintao, the President of China",
 *     "the Israeli foreign minister, Eli Cohen," (an unknown name takes
 *     the role's code). */
static dl_status resolve_links(dl_actor_ctx *ctx, const dl_sentence *sentences, size_t n_sentences)
{
    typedef struct defined {
        const char *acronym;
        size_t by;
    } defined;
    defined defs[32];
    size_t n_defs = 0;
    dl_status st = DL_OK;
    for (size_t j = 0; j < ctx->n_mentions && !st; j++) {
        dl_mention *b = &ctx->mentions[j];
        if (b->sentence >= n_sentences)
            continue;
        const dl_sentence *s = &sentences[b->sentence];
        /* a later use of an acronym defined before */
        for (size_t d = 0; d < n_defs; d++) {
            if (j != defs[d].by && b->text && !strcmp(b->text, defs[d].acronym) && j > defs[d].by) {
                const dl_mention *a = &ctx->mentions[defs[d].by];
                st = join(ctx, b, a, "acronym defined as", a->text);
                break;
            }
        }
        if (st || !j)
            continue;
        dl_mention *a = &ctx->mentions[j - 1];
        if (a->sentence != b->sentence)
            continue;
        /* "NAME (ACRONYM)" */
        if (b->first >= 1 && a->last + 1 == b->first && !strcmp(tok_text(s, b->first - 1), "(") &&
            !strcmp(tok_text(s, b->last), ")") && b->last == b->first + 1 && a->text && b->text &&
            acronym_of(b->text, a->text) && is_name(a)) {
            st = join(ctx, b, a, "acronym defined as", a->text);
            if (!st && n_defs < sizeof defs / sizeof *defs)
                defs[n_defs++] = (defined){b->text, j - 1};
            continue;
        }
        /* "A, [the/a ...] B" */
        if (a->last >= s->n_tokens || strcmp(tok_text(s, a->last), ","))
            continue;
        /* "Samarra, Iraq": a place no dictionary knows, then its country */
        if (a->via == DL_VIA_UNKNOWN && !a->code && b->first == a->last + 1 && b->kind && !strcmp(b->kind, "country") &&
            b->country && b->code && strlen(b->code) == 3 && a->kind && strcmp(a->kind, "organisation") &&
            (b->last >= s->n_tokens || (strcmp(tok_text(s, b->last), "'s") && s->tokens[b->last].tag != DL_TAG_POS))) {
            a->kind = "place";
            a->code = b->country;
            a->country = b->country;
            a->inferred = true;
            char ev[300];
            snprintf(ev, sizeof ev, "a place followed by its country, \"%.200s\"", b->text ? b->text : "");
            if (!(a->evidence = dl_arena_strdup(ctx->arena, ev)))
                st = DL_ERR_NOMEM;
            continue;
        }
        uint32_t t = a->last + 1;
        while (t < b->first && t < a->last + 4 && s->tokens[t].text && s->tokens[t].text[0] >= 'a' &&
               s->tokens[t].text[0] <= 'z')
            t++;
        if (t != b->first)
            continue;
        dl_mention *name = NULL, *role = NULL;
        if (is_name(a) && a->kind && !strcmp(a->kind, "person") && describes_person(b))
            name = a, role = b;
        else if (describes_person(a) && is_name(b) && b->kind && !strcmp(b->kind, "person"))
            name = b, role = a;
        if (!name)
            continue;
        if (!name->code || name->via == DL_VIA_UNKNOWN) {
            /* the name takes the role's code; the role joins the name */
            int32_t entity = name->entity;
            const char *nm = name->name;
            st = join(ctx, name, role, "apposition", role->text);
            name->entity = entity;
            name->name = nm;
            name->kind = "person";
            name->via = DL_VIA_AGENT;
        }
        if (!st) {
            role->entity = name->entity;
            role->name = name->name;
            role->via = DL_VIA_COREF;
            if (role > name)
                role->antecedent = (int32_t)(name - ctx->mentions);
            if (!role->code)
                role->code = name->code;
        }
    }
    return st;
}

dl_status dl_actor_infer(dl_actor_ctx *ctx, const dl_sentence *sentences, size_t n_sentences)
{
    if (!ctx->actors->infer_context || !ctx->n_mentions)
        return DL_OK;
    dl_status lst = resolve_links(ctx, sentences, n_sentences);
    if (lst)
        return lst;
    uint32_t dom_count = 0;
    const char *dom = dominant_country(ctx, &dom_count);
    /* The first coded mention of each entity. */
    int32_t *first_coded = malloc(ctx->n_entities * sizeof *first_coded);
    if (!first_coded)
        return DL_ERR_NOMEM;
    for (size_t e = 0; e < ctx->n_entities; e++)
        first_coded[e] = -1;
    dl_status st = DL_OK;
    for (size_t i = 0; i < ctx->n_mentions && !st; i++) {
        dl_mention *m = &ctx->mentions[i];
        const dl_mention *where = NULL;
        if (m->code) {
            /* an ethnic group coded by its kin state */
            if (m->role && !strcmp(m->role, "CVL") && m->country && ethnic(m)) {
                const char *c = clause_place(ctx, sentences, n_sentences, i, &where);
                if (c && strcmp(c, m->country))
                    st = set_code(ctx, m, c, "ethnic group living in \"%s\"%s", where->text, "");
            }
        } else if (m->entity >= 0 && (size_t)m->entity < ctx->n_entities && first_coded[m->entity] >= 0) {
            const dl_mention *f = &ctx->mentions[first_coded[m->entity]];
            m->code = f->code;
            m->country = f->country;
            m->role = f->role;
            m->inferred = true;
            if (!m->evidence)
                m->evidence = f->evidence;
            if (!m->kind || !strcmp(m->kind, "unknown"))
                m->kind = f->kind;
        } else if ((m->role || m->via == DL_VIA_UNKNOWN || (m->via == DL_VIA_COREF && m->name)) &&
                   (!m->kind || strcmp(m->kind, "place"))) {
            const dl_mention *owner = m->role ? possessor(ctx, sentences, n_sentences, i) : NULL;
            /* Where someone is says little about whose they are: the
             * place of the sentence codes the police and the residents
             * there, not a person named or armed men ("soldiers in Gaza"
             * are not Gaza's army). */
            bool local = m->role && !m->name && strncmp(m->role, "MIL", 3) && strncmp(m->role, "REB", 3) &&
                         strncmp(m->role, "SPY", 3) && strncmp(m->role, "UAF", 3);
            const char *c = owner || !local ? NULL : clause_place(ctx, sentences, n_sentences, i, &where);
            if (owner) {
                st = set_code(ctx, m, owner->country, "of \"%s\"%s", owner->text, "");
            } else if (c) {
                st = set_code(ctx, m, c, "the place of its sentence, \"%s\"%s", where->text, "");
            } else if (dom) {
                char n[16];
                snprintf(n, sizeof n, "%u", dom_count);
                st = set_code(ctx, m, dom, "the article's dominant country, %s (%s mentions)", dom, n);
            }
        }
        if (!st && m->code && m->entity >= 0 && (size_t)m->entity < ctx->n_entities && first_coded[m->entity] < 0)
            first_coded[m->entity] = (int32_t)i;
    }
    free(first_coded);
    return st ? st : drop_uncoded_roles(ctx);
}
