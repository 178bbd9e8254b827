/* actor_coref.c: one sentence's atoms become mentions, coded on the
 * article's date and tied to the entities mentioned before.
 *
 * Atoms combine left to right into one mention:
 *   [actor] ['s] [up to two fillers] agent... [person]
 *       "Israel's Defence Minister Yoav Gallant"  -> Yoav Gallant, ISRGOV
 *       "IDF spokesperson Rear Admiral Daniel Hagari" -> Daniel Hagari
 *       "Israeli officials", "US investigators"   -> ISRGOV, USACOP
 *       "Hamas terror group's military wing"      -> Hamas (a group keeps its code)
 *   agent... person                "Secretary Austin", "President Joe Biden"
 *   person ['s] agent              "Netanyahu's government" -> a second
 *                                  mention, the agent with the person's country
 *   agent... [and agent...] in/of/from actor [and actor...]
 *       "soldiers from Gondor" -> GONMIL; "lawmakers and officials in X and
 *       Y" -> one mention coded "XLEG/XGOV/YLEG/YGOV" (the coder gives each
 *       its event), as TABARI distributes roles over a compound
 *   prefix-agent actor ...         "MSF Arnor diplomat" -> NGOARNGOV
 *   actor agent... same-country actor  "Bree Prime Minister Romendacil"
 *                                  -> BREGOV when the dictionary codes the
 *                                  man by his country alone
 * "former" (or "ex") makes the roles an elite's: ELI.
 * Fillers are lower-case nouns and adjectives ("terror group", "hacking").
 *
 * Coreference, within the article:
 *   - a dictionary actor, a surname seen before or a repeated unknown name
 *     joins the entity of the same entry, code or name;
 *   - an agent naming an office, with no name after it ("the Israel Defence
 *     Minister", "the defence minister", "the minister"), joins the latest
 *     person whose office on the article's date matches (and whose country
 *     matches, when the agent has one); indefinite ones ("an official")
 *     never do;
 *   - he/she/him joins the one person of the current and previous sentence,
 *     when there is exactly one;
 *   - "it" and "they" as subjects join an organisation or state (see
 *     emit_it_they).
 * An agent with neither a country nor an antecedent ("officials said") is
 * kept with its roles for actor_infer.c, which gives it the country of its
 * context or drops it: with none, it names no one a later stage could
 * code. */
#include "actors/actor_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --------------------------------------------------------------- agents */

static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t s = strlen(suffix);
    return n >= s && !memcmp(w + n - s, suffix, s);
}

/* Does the agent name a person ("minister", "spokesperson", "official")
 * rather than a body ("ministry", "government", "court")? Read from the
 * last word of its singular phrase. */
static bool human_agent(const dl_agent_entry *g)
{
    const char *w = strrchr(g->phrase, ' ');
    w = w ? w + 1 : g->phrase;
    size_t n = strlen(w);
    /* An abbreviated title ("SEN.", "CAPT.") is written before a person. */
    if (n > 1 && w[n - 1] == '.')
        return true;
    static const char *const words[] = {
        "OFFICIAL", "SECRETARY", "CHIEF", "ENVOY", "AIDE", "GENERAL", "ADMIRAL", "DEPUTY",
        "DELEGATE", "HEAD", "CONSUL", "ATTACHE", "PREMIER", "MONARCH", "KING", "QUEEN", "PRINCE",
        "SHEIKH", "EMIR", "JUDGE", "COLONEL", "MAJOR", "CAPTAIN", "CORPORAL", "PRIVATE", "STAFF",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(w, words[i]))
            return true;
    if (ends_with(w, n, "MENT") || ends_with(w, n, "CENTER") || ends_with(w, n, "BORDER") ||
        ends_with(w, n, "SECRETARIAT") || ends_with(w, n, "SECTOR"))
        return false;
    static const char *const suffixes[] = {"ER", "OR", "MAN", "WOMAN", "PERSON", "IST", "ANT",
                                           "ENT", "IAN", "EE", "AT"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (ends_with(w, n, suffixes[i]))
            return true;
    return false;
}

/* --------------------------------------------------------------- tokens */

static const dl_token *tok(const dl_actor_ctx *ctx, uint32_t t)
{
    return &ctx->sentence->tokens[t];
}

static bool possessive(const dl_token *t)
{
    if (t->tag == DL_TAG_POS)
        return true;
    const char *w = t->text ? t->text : "";
    return !strcmp(w, "'s") || !strcmp(w, "'") || !strcmp(w, "\xe2\x80\x99s") || !strcmp(w, "\xe2\x80\x99") ||
           !strcmp(w, "'S");
}

/* Are the tokens between atoms a and b only possessive marks and at most
 * `fillers` lower-case nouns or adjectives? */
static bool gap_ok(const dl_actor_ctx *ctx, const dl_atom *a, const dl_atom *b, int fillers, bool pos)
{
    for (uint32_t t = a->t1; t < b->t0; t++) {
        const dl_token *k = tok(ctx, t);
        if (possessive(k)) {
            if (!pos)
                return false;
            continue;
        }
        const char *w = k->text ? k->text : "";
        /* "awful and evil minister": "and" between two adjectives joins
         * them into one modifier and costs no filler. */
        if (!strcmp(w, "and") && t > a->t1 && t + 1 < b->t0 && tok(ctx, t - 1)->tag == DL_TAG_JJ &&
            tok(ctx, t + 1)->tag == DL_TAG_JJ)
            continue;
        bool lower = *w >= 'a' && *w <= 'z';
        bool noun = k->tag == DL_TAG_NN || k->tag == DL_TAG_NNS || k->tag == DL_TAG_JJ ||
                    k->tag == DL_TAG_VBG || k->tag == DL_TAG_NONE;
        if (!lower || !noun || fillers-- <= 0)
            return false;
    }
    return true;
}

static bool is_person(const dl_atom *a)
{
    return a->kind == DL_ATOM_ACTOR && !strcmp(dl_actor_kind(a->entry), "person");
}

/* Is the word before token t "a" or "an"? */
static bool indefinite(const dl_actor_ctx *ctx, uint32_t t)
{
    if (!t)
        return false;
    const char *w = tok(ctx, t - 1)->text;
    return w && (!strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "A") || !strcmp(w, "An"));
}

/* ------------------------------------------------------------ mentions */

/* The entity of a dictionary entry, or of a code or an unknown name (key),
 * created when new. A code also finds a dictionary actor that has it, so
 * "Israeli forces" (ISRMIL) joins the IDF mentioned before. */
static int32_t map_find(const dl_actor_ctx *ctx, char tag, const char *key, size_t n)
{
    char k[256];
    if (n + 1 > sizeof k)
        n = sizeof k - 1;
    k[0] = tag;
    memcpy(k + 1, key, n);
    return (int32_t)(uintptr_t)dl_map_get(ctx->entity_map, k, n + 1) - 1;
}

static bool map_put(dl_actor_ctx *ctx, char tag, const char *key, size_t n, int32_t id)
{
    char k[256];
    if (n + 1 > sizeof k)
        n = sizeof k - 1;
    k[0] = tag;
    memcpy(k + 1, key, n);
    return dl_map_put(ctx->entity_map, k, n + 1, (void *)(uintptr_t)(id + 1)) == 0;
}

static dl_status entity_for(dl_actor_ctx *ctx, const dl_actor_entry *entry, const char *key, bool person,
                            int32_t *id)
{
    int32_t found = entry ? dl_actor_entry_entity(ctx, entry) : map_find(ctx, 'k', key, strlen(key));
    if (found < 0 && !entry && !person)
        found = map_find(ctx, 'c', key, strlen(key));
    if (found >= 0) {
        *id = found;
        return DL_OK;
    }
    if (ctx->n_entities == ctx->cap_entities) {
        size_t cap = ctx->cap_entities ? ctx->cap_entities * 2 : 32;
        dl_entity *grown =
            dl_arena_grow(ctx->arena, ctx->entities, ctx->n_entities * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        ctx->entities = grown;
        ctx->cap_entities = cap;
    }
    const char *code = entry ? dl_actor_entry_code(ctx, entry) : NULL;
    int32_t n = (int32_t)ctx->n_entities;
    ctx->entities[n] = (dl_entity){entry, key, code, person, -1};
    bool ok = entry ? map_put(ctx, 'e', (const char *)&entry, sizeof entry, n) : map_put(ctx, 'k', key, strlen(key), n);
    /* The latest dictionary actor with a code stands for the code. */
    if (ok && entry && !person && code)
        ok = map_put(ctx, 'c', code, strlen(code), n);
    if (!ok)
        return DL_ERR_NOMEM;
    ctx->n_entities++;
    *id = n;
    return DL_OK;
}

/* Appends m as a mention of entity id. */
static dl_status add_mention(dl_actor_ctx *ctx, dl_mention *m, int32_t id)
{
    if (ctx->n_mentions == ctx->cap_mentions) {
        size_t cap = ctx->cap_mentions ? ctx->cap_mentions * 2 : 32;
        dl_mention *grown =
            dl_arena_grow(ctx->arena, ctx->mentions, ctx->n_mentions * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        ctx->mentions = grown;
        ctx->cap_mentions = cap;
    }
    dl_entity *e = &ctx->entities[id];
    m->entity = id;
    if (m->via != DL_VIA_COREF || m->antecedent < 0)
        m->antecedent = e->last;
    e->last = (int32_t)ctx->n_mentions;
    ctx->mentions[ctx->n_mentions++] = *m;
    return DL_OK;
}

/* Fills the position fields of m from atoms [a, b]. */
static dl_status place(dl_actor_ctx *ctx, dl_mention *m, const dl_atom *a, const dl_atom *b, const dl_atom *head)
{
    memset(m, 0, sizeof *m);
    m->start = a->start;
    m->end = b->end;
    m->sentence = ctx->sentence->index;
    m->first = a->t0;
    m->last = b->t1;
    m->head = head->t1 - 1;
    m->antecedent = -1;
    const dl_article *art = ctx->article;
    if (art && art->body && m->end <= art->body_len) {
        m->text = dl_arena_strndup(ctx->arena, art->body + m->start, m->end - m->start);
    } else {
        dl_buf tmp = DL_BUF_INIT;
        for (uint32_t t = m->first; t < m->last; t++)
            if (dl_buf_printf(&tmp, "%s%s", t > m->first ? " " : "", tok(ctx, t)->text))
                return DL_ERR_NOMEM;
        m->text = dl_arena_strdup(ctx->arena, tmp.data ? tmp.data : "");
        dl_buf_free(&tmp);
    }
    return m->text ? DL_OK : DL_ERR_NOMEM;
}

/* A person from the dictionary, on the article's date. */
static void code_person(dl_actor_ctx *ctx, dl_mention *m, const dl_actor_entry *e)
{
    const dl_actor_code *c = dl_actor_code_of(ctx, e);
    m->code = c ? c->code : NULL;
    m->office = dl_actor_office(ctx->actors, e, c);
    m->name = e->display;
    m->kind = "person";
    dl_actor_split_code(ctx, m->code, &m->country, &m->role);
}

/* The canonical office of the entry's code on the date, and the raw one. */
static const char *person_office(const dl_actor_ctx *ctx, const dl_actor_entry *e, const char **raw)
{
    const dl_actor_code *c = dl_actor_code_of(ctx, e);
    *raw = dl_actor_office(ctx->actors, e, c);
    if (!*raw)
        return NULL;
    const dl_actors *a = ctx->actors;
    return a->canon[a->canon_base[e - a->actors.entries] + (uint32_t)(c - e->codes)];
}

/* Does the agent name the office raw/canon? Either their canonical offices
 * are the same, or the office as written ends with the agent's words
 * ("defence minister" and "the minister"). */
static bool office_matches(const dl_agent_entry *g, const char *raw, const char *canon)
{
    if (!raw)
        return false;
    if (g->office && canon && !strcmp(g->office, canon))
        return true;
    size_t rn = strlen(raw), pn = strlen(g->phrase);
    if (pn > rn || (pn < rn && raw[rn - pn - 1] != ' '))
        return false;
    for (size_t i = 0; i < pn; i++)
        if ((raw[rn - pn + i] & ~0x20) != (g->phrase[i] & ~0x20))
            return false;
    return true;
}

/* The latest person mention whose office the agent names, or -1. */
static int32_t office_antecedent(const dl_actor_ctx *ctx, const dl_agent_entry *g, const char *country)
{
    /* Far enough back for any article; a bound keeps huge inputs linear. */
    size_t stop = ctx->n_mentions > 400 ? ctx->n_mentions - 400 : 0;
    for (size_t i = ctx->n_mentions; i-- > stop;) {
        const dl_mention *m = &ctx->mentions[i];
        const dl_entity *e = &ctx->entities[m->entity];
        if (!e->person || !e->entry)
            continue;
        if (country && (!m->country || strcmp(m->country, country)))
            continue;
        const char *raw;
        const char *canon = person_office(ctx, e->entry, &raw);
        if (office_matches(g, raw, canon))
            return (int32_t)i;
    }
    return -1;
}

/* Makes m a mention of the same entity as mention `ante`. */
static dl_status corefer(dl_actor_ctx *ctx, dl_mention *m, int32_t ante)
{
    const dl_mention *a = &ctx->mentions[ante];
    m->code = a->code;
    m->country = a->country;
    m->role = a->role;
    m->name = a->name;
    m->kind = a->kind;
    m->office = a->office;
    m->via = DL_VIA_COREF;
    m->antecedent = ante;
    return add_mention(ctx, m, a->entity);
}

/* A group of atoms [i, j) that form one mention. */
typedef struct group {
    const dl_atom *lead;      /* a non-person actor before the agents */
    const dl_atom *agents[8];
    size_t n_agents;
    const dl_atom *person;    /* a person actor or an unknown name */
    const dl_atom *first, *last;
    const char *country;      /* from a person before the agents ("Netanyahu's government") */
    const dl_atom *agents2[8];/* "lawmakers and officials": a second list of role words */
    size_t n_agents2;
    const dl_atom *of[8];     /* "officials in X and Y": the actors the role words belong to */
    size_t n_of;
    bool former;              /* "former officials": elites (ELI) rather than office holders */
} group;

static dl_status emit_person(dl_actor_ctx *ctx, const group *g)
{
    dl_mention m;
    dl_status st = place(ctx, &m, g->first, g->last, g->person);
    if (st)
        return st;
    const dl_atom *p = g->person;
    const char *country = g->lead && dl_actor_country_like(ctx, g->lead->entry) ? dl_actor_entry_code(ctx, g->lead->entry) : NULL;
    if (!country && g->n_agents && g->agents[0]->lead && dl_actor_country_like(ctx, g->agents[0]->lead))
        country = dl_actor_entry_code(ctx, g->agents[0]->lead);
    const dl_atom *last_agent = g->n_agents ? g->agents[g->n_agents - 1] : NULL;
    int32_t id;
    if (p->kind == DL_ATOM_ACTOR) {
        code_person(ctx, &m, p->entry);
        if (!m.code && (country || g->lead)) {
            m.code = g->lead && !country ? dl_actor_entry_code(ctx, g->lead->entry) : dl_actor_combine(ctx, country, g->agents, g->n_agents);
            dl_actor_split_code(ctx, m.code, &m.country, &m.role);
        }
        if (!m.office && last_agent)
            m.office = last_agent->agent->office;
        m.via = p->alias ? DL_VIA_COREF : DL_VIA_DICTIONARY;
        if ((st = entity_for(ctx, p->entry, NULL, true, &id)))
            return st;
        return add_mention(ctx, &m, id);
    }
    /* An unknown name: coded from its title, when it has one. */
    m.name = p->name;
    m.kind = g->n_agents || g->lead ? "person" : "unknown";
    m.code = g->lead && !country ? dl_actor_entry_code(ctx, g->lead->entry) : dl_actor_combine(ctx, country, g->agents, g->n_agents);
    dl_actor_split_code(ctx, m.code, &m.country, &m.role);
    if (!m.role && last_agent)
        m.role = last_agent->agent->code;
    m.office = last_agent ? last_agent->agent->office : NULL;
    m.via = g->n_agents || g->lead ? DL_VIA_AGENT : p->alias ? DL_VIA_COREF : DL_VIA_UNKNOWN;
    if (m.via == DL_VIA_UNKNOWN)
        m.kind = dl_actor_name_kind(ctx, p);
    if (m.code || m.role) {
        /* the evidence: the words before the name ("Sen.", "the Israeli
         * foreign minister") */
        m.inferred = true;
        uint32_t s0 = g->first->start, s1 = p->start;
        while (s1 > s0 && ctx->article && ctx->article->body && (ctx->article->body[s1 - 1] == ' ' || ctx->article->body[s1 - 1] == ','))
            s1--;
        dl_buf ev = DL_BUF_INIT;
        if (ctx->article && ctx->article->body && s1 > s0 && s1 <= ctx->article->body_len)
            st = dl_buf_printf(&ev, "title \"%.*s\"", (int)(s1 - s0), ctx->article->body + s0);
        else
            st = dl_buf_printf(&ev, "title");
        m.evidence = st ? NULL : dl_arena_strndup(ctx->arena, ev.data, ev.len);
        dl_buf_free(&ev);
        if (!m.evidence)
            return DL_ERR_NOMEM;
    }
    if ((st = entity_for(ctx, NULL, p->name, !strcmp(m.kind, "person"), &id)))
        return st;
    return add_mention(ctx, &m, id);
}

/* "Lawmakers and officials in X and Y": one mention whose code names every
 * actor with every role ("XLEG/XGOV/YLEG/YGOV"); the coder gives each its
 * event. */
static dl_status emit_attached(dl_actor_ctx *ctx, const group *g, dl_mention *m)
{
    dl_buf codes = DL_BUF_INIT;
    dl_status st = DL_OK;
    for (size_t o = 0; o < g->n_of && !st; o++) {
        const dl_actor_entry *e = g->of[o]->entry;
        const char *code = dl_actor_entry_code(ctx, e);
        if (!code)
            continue;
        size_t n = dl_actor_country_like(ctx, e) ? 3 : strlen(code);
        for (int list = 0; list < 2 && !st; list++) {
            const dl_atom *const *agents = list ? g->agents2 : g->agents;
            size_t na = list ? g->n_agents2 : g->n_agents;
            if (!na)
                continue;
            /* a group with its own id (PSEREBHMS) keeps its code: "a
             * spokesman for Hamas" speaks for Hamas */
            const char *c = strlen(code) >= 9 && !g->former ? code : dl_actor_with_roles(ctx, code, n, agents, na, g->former);
            if (!c || dl_buf_printf(&codes, "%s%s", codes.len ? "/" : "", c))
                st = DL_ERR_NOMEM;
        }
    }
    if (!st && codes.len) {
        m->code = dl_arena_strndup(ctx->arena, codes.data, codes.len);
        if (!m->code)
            st = DL_ERR_NOMEM;
    }
    dl_buf_free(&codes);
    if (st || !m->code)
        return st;
    dl_actor_split_code(ctx, m->code, &m->country, &m->role);
    const dl_agent_entry *ag = g->agents[g->n_agents - 1]->agent;
    m->kind = human_agent(ag) ? "person" : "organisation";
    m->via = DL_VIA_AGENT;
    int32_t id;
    if ((st = entity_for(ctx, NULL, m->code, false, &id)))
        return st;
    return add_mention(ctx, m, id);
}

static dl_status emit_agents(dl_actor_ctx *ctx, const group *g)
{
    const dl_atom *last = g->agents[g->n_agents - 1];
    const dl_agent_entry *ag = last->agent;
    const dl_actor_entry *lead = g->lead ? g->lead->entry : g->agents[0]->lead;
    const char *country = g->country;
    if (lead && dl_actor_country_like(ctx, lead))
        country = dl_actor_entry_code(ctx, lead);
    dl_mention m;
    dl_status st = place(ctx, &m, g->first, g->last, last);
    if (st)
        return st;
    m.plural = last->plural;
    /* An office with no name: the person who holds it, named before. */
    if (!last->plural && (ag->office || human_agent(ag)) && !indefinite(ctx, g->first->t0) && !g->country) {
        /* The office holder must be of the actor's country: "the Israel
         * Defence Minister" is not the US defence secretary. */
        const char *c3 = NULL, *role;
        if (lead)
            dl_actor_split_code(ctx, dl_actor_entry_code(ctx, lead), &c3, &role);
        int32_t ante = office_antecedent(ctx, ag, c3);
        if (ante >= 0)
            return corefer(ctx, &m, ante);
    }
    int32_t id;
    if (lead && !dl_actor_country_like(ctx, lead)) {
        /* A group or organisation described by role words keeps its code. */
        m.code = dl_actor_entry_code(ctx, lead);
        m.name = lead->display;
        m.kind = dl_actor_kind(lead);
        m.via = DL_VIA_DICTIONARY;
        dl_actor_split_code(ctx, m.code, &m.country, &m.role);
        if ((st = entity_for(ctx, lead, NULL, false, &id)))
            return st;
        return add_mention(ctx, &m, id);
    }
    if (g->n_of)
        return emit_attached(ctx, g, &m);
    if (!country) {
        /* "officials said", "police arrested": no country in the words.
         * Kept with its roles for dl_actor_infer(), which may find the
         * country in the context; left uncoded when it does not. */
        if (!ctx->actors->infer_context || g->former)
            return DL_OK;
        const char *roles = dl_actor_combine(ctx, "---", g->agents, g->n_agents);
        const char *r = roles ? strstr(roles, "---") : NULL;
        if (!r)
            return DL_ERR_NOMEM;
        m.role = r[3] ? r + 3 : NULL;
        if (!m.role)
            return DL_OK;
        m.kind = human_agent(ag) ? "person" : "organisation";
        m.office = m.plural ? NULL : ag->office;
        m.via = DL_VIA_AGENT;
        /* "police" twice is one force; "an officer" twice may be two. */
        char key[48];
        if (m.plural || !human_agent(ag))
            snprintf(key, sizeof key, "?%s", m.role);
        else
            snprintf(key, sizeof key, "?%s#%zu", m.role, ctx->n_mentions);
        if ((st = entity_for(ctx, NULL, key, false, &id)))
            return st;
        return add_mention(ctx, &m, id);
    }
    m.code = g->former ? dl_actor_with_roles(ctx, country, 3, g->agents, g->n_agents, true)
                       : dl_actor_combine(ctx, country, g->agents, g->n_agents);
    if (!m.code)
        return DL_ERR_NOMEM;
    dl_actor_split_code(ctx, m.code, &m.country, &m.role);
    m.kind = human_agent(ag) ? "person" : "organisation";
    m.office = m.plural ? NULL : ag->office;
    m.via = DL_VIA_AGENT;
    if ((st = entity_for(ctx, NULL, m.code, false, &id)))
        return st;
    return add_mention(ctx, &m, id);
}

/* Is a country named on its own here the subject of a verb ("Israel
 * intends", "the US said")? Then it stands for its government. */
static bool acting_state(const dl_actor_ctx *ctx, const dl_atom *a)
{
    const dl_actor_entry *e = a->entry;
    const char *code = dl_actor_entry_code(ctx, e);
    if (!ctx->actors->country_as_government || !code || strlen(code) != 3 ||
        strcmp(dl_actor_kind(e), "country"))
        return false;
    /* The name itself or an abbreviation, not a demonym ("Israelis are"). */
    bool allcaps = true;
    for (uint32_t p = a->p0; p < a->p1; p++)
        allcaps &= (ctx->pieces[p].flags & DL_PIECE_ALLCAPS) != 0;
    if (!allcaps) {
        dl_buf key = DL_BUF_INIT;
        bool same = !dl_actor_key(&key, e->name) && key.len == ctx->pieces[a->p1 - 1].text + ctx->pieces[a->p1 - 1].len - ctx->pieces[a->p0].text &&
                    !memcmp(key.data, ctx->text.data + ctx->pieces[a->p0].text, key.len);
        dl_buf_free(&key);
        if (!same)
            return false;
    }
    const dl_sentence *s = ctx->sentence;
    uint32_t t = a->t1;
    while (t < s->n_tokens && (s->tokens[t].tag == DL_TAG_RB))
        t++;
    if (t >= s->n_tokens)
        return false;
    uint8_t tag = s->tokens[t].tag;
    if (tag != DL_TAG_VBZ && tag != DL_TAG_VBD && tag != DL_TAG_VBP && tag != DL_TAG_MD)
        return false;
    /* "pressure on Israel ...": the object of a preposition is no subject;
     * "said that Israel was" is one. */
    uint32_t b = a->t0;
    while (b > 0 && s->tokens[b - 1].tag == DL_TAG_DT)
        b--;
    if (b == 0)
        return true;
    static const char *const preps[] = {"of", "in", "on", "with", "by", "to", "from", "for", "against", "at",
                                        "between", "among", "into", "over", "across", "toward", "towards", "and", "or"};
    const char *w = s->tokens[b - 1].text ? s->tokens[b - 1].text : "";
    for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
        if (!strcmp(w, preps[i]))
            return false;
    return true;
}

static dl_status emit_actor(dl_actor_ctx *ctx, const dl_atom *first, const dl_atom *a)
{
    dl_mention m;
    dl_status st = place(ctx, &m, first, a, a);
    if (st)
        return st;
    const dl_actor_entry *e = a->entry;
    const dl_actor_code *c = dl_actor_code_of(ctx, e);
    m.code = c ? c->code : NULL;
    m.office = dl_actor_office(ctx->actors, e, c);
    m.name = e->display;
    m.kind = dl_actor_kind(e);
    m.via = a->alias ? DL_VIA_COREF : DL_VIA_DICTIONARY;
    if (m.code && acting_state(ctx, a)) {
        char code[8];
        snprintf(code, sizeof code, "%.3sGOV", m.code);
        m.code = dl_arena_strdup(ctx->arena, code);
    }
    dl_actor_split_code(ctx, m.code, &m.country, &m.role);
    int32_t id;
    bool person = !strcmp(m.kind, "person");
    /* One entity per entry, except places that stand for a government or
     * an army: "Washington", "the Pentagon" and "US officials" (USAGOV)
     * are one, and so is a country acting as a state. */
    bool metonym = !person && m.code && strlen(m.code) > 3 &&
                   (!strcmp(m.kind, "place") || !strcmp(m.kind, "country"));
    if ((st = metonym ? entity_for(ctx, NULL, m.code, false, &id) : entity_for(ctx, e, NULL, person, &id)))
        return st;
    return add_mention(ctx, &m, id);
}

static dl_status emit_name(dl_actor_ctx *ctx, const dl_atom *a)
{
    group g = {0};
    g.person = g.first = g.last = a;
    return emit_person(ctx, &g);
}

/* "it" and "they" for organisations and states: a mention that agrees
 * ("it": one organisation, country, group or outlet; "they": a plural, or
 * a group), the latest before it in its own sentence, else the first of
 * the sentence before (the subject a new sentence usually goes on
 * about). */
static dl_status emit_it_they(dl_actor_ctx *ctx, const dl_atom *a, bool plural)
{
    uint32_t cur = ctx->sentence->index;
    int32_t pick = -1;
    for (size_t i = ctx->n_mentions; i-- > 0;) {
        const dl_mention *m = &ctx->mentions[i];
        if (m->sentence + 1 < cur || (pick >= 0 && ctx->mentions[pick].sentence == cur))
            break;
        const char *k = m->kind ? m->kind : "";
        bool body = !strcmp(k, "organisation") || !strcmp(k, "group") || !strcmp(k, "media");
        bool ok = plural ? (m->plural || !strcmp(k, "group")) : (!m->plural && (body || !strcmp(k, "country")));
        if (ok && (m->code || m->role))
            pick = (int32_t)i;
    }
    if (pick < 0)
        return DL_OK;
    dl_mention out;
    dl_status st = place(ctx, &out, a, a, a);
    return st ? st : corefer(ctx, &out, pick);
}

static dl_status emit_pronoun(dl_actor_ctx *ctx, const dl_atom *a)
{
    const char *w = tok(ctx, a->t0)->text ? tok(ctx, a->t0)->text : "";
    if (!strcasecmp(w, "it") || !strcasecmp(w, "they"))
        return emit_it_they(ctx, a, !strcasecmp(w, "they"));
    uint32_t cur = ctx->sentence->index;
    int32_t found = -1, ante = -1;
    for (size_t i = ctx->n_mentions; i-- > 0;) {
        const dl_mention *m = &ctx->mentions[i];
        if (m->sentence + 1 < cur)
            break;
        if (!ctx->entities[m->entity].person || m->plural)
            continue;
        if (found >= 0 && found != m->entity)
            return DL_OK; /* two people: "he" is not ours to guess */
        found = m->entity;
        if (ante < 0)
            ante = (int32_t)i;
    }
    if (ante < 0)
        return DL_OK;
    dl_mention m;
    dl_status st = place(ctx, &m, a, a, a);
    return st ? st : corefer(ctx, &m, ante);
}

/* Are the tokens between atoms a and b all among words (lower case)? */
static bool gap_words(const dl_actor_ctx *ctx, const dl_atom *a, const dl_atom *b, const char *const *words,
                      size_t n_words, uint32_t max)
{
    if (b->t0 < a->t1 || b->t0 - a->t1 > max)
        return false;
    for (uint32_t t = a->t1; t < b->t0; t++) {
        const char *w = tok(ctx, t)->text ? tok(ctx, t)->text : "";
        bool ok = false;
        for (size_t i = 0; i < n_words && !ok; i++)
            ok = !strcasecmp(w, words[i]);
        if (!ok)
            return false;
    }
    return true;
}

/* Role words with no actor before them may name it after a preposition:
 * "human rights activists in Arnor", "soldiers from Gondor", "the
 * government of Gondor", "lawmakers and officials in Fornost and Gondor"
 * (every role for every actor). Extends group g from atom j; returns the
 * atom after it. */
static size_t attach(const dl_actor_ctx *ctx, group *g, size_t j, const dl_atom **prev)
{
    static const char *const joins[] = {"and", ","};
    static const char *const preps[] = {"in", "of", "from", "for", "the"};
    static const char *const list[] = {"and", ",", "the"};
    const dl_atom *at = ctx->atoms;
    size_t n = ctx->n_atoms, k = j;
    const dl_atom *p = *prev;
    if (k + 1 < n && at[k].kind == DL_ATOM_AGENT && gap_words(ctx, p, &at[k], joins, 2, 2)) {
        /* a second list of roles: "lawmakers and officials" */
        size_t before = g->n_agents2;
        while (k < n && at[k].kind == DL_ATOM_AGENT && g->n_agents2 < 8 &&
               (g->n_agents2 == before || gap_ok(ctx, p, &at[k], 0, false))) {
            g->agents2[g->n_agents2++] = &at[k];
            p = &at[k++];
        }
    }
    if (k >= n || at[k].kind != DL_ATOM_ACTOR || is_person(&at[k]) || p->t1 >= at[k].t0 ||
        !gap_words(ctx, p, &at[k], preps, 5, 2))
        goto none;
    const char *w = tok(ctx, p->t1)->text;
    if (!w || !strcasecmp(w, "the"))
        goto none;
    /* Armed men "in" a place are often another country's: "soldiers in
     * Gaza" are not Gaza's army. "from" and "of" say whose they are. */
    if (!strcasecmp(w, "in"))
        for (size_t a = 0; a < g->n_agents + g->n_agents2; a++) {
            const char *r = (a < g->n_agents ? g->agents[a] : g->agents2[a - g->n_agents])->agent->code;
            if (!strncmp(r, "MIL", 3) || !strncmp(r, "COP", 3) || !strncmp(r, "REB", 3) || !strncmp(r, "SPY", 3))
                goto none;
        }
    while (k < n && at[k].kind == DL_ATOM_ACTOR && !is_person(&at[k]) && g->n_of < 8 &&
           (!g->n_of || gap_words(ctx, p, &at[k], list, 3, 3))) {
        g->of[g->n_of++] = &at[k];
        p = &at[k++];
    }
    *prev = p;
    return k;
none:
    g->n_agents2 = 0;
    return j;
}

/* Does "former" (or "ex-") qualify the mention of tokens [t0, t1)? */
static bool former(const dl_actor_ctx *ctx, uint32_t t0, uint32_t t1)
{
    if (t0 > 0)
        t0--;
    for (uint32_t t = t0; t < t1; t++) {
        const char *w = tok(ctx, t)->text;
        if (w && (!strcasecmp(w, "former") || !strcasecmp(w, "ex")))
            return true;
    }
    return false;
}

dl_status dl_actor_compose(dl_actor_ctx *ctx)
{
    const dl_atom *at = ctx->atoms;
    size_t n = ctx->n_atoms;
    dl_status st = DL_OK;
    for (size_t i = 0; i < n && !st;) {
        group g = {0};
        g.first = &at[i];
        size_t j = i;
        const dl_atom *prev = &at[i];
        if (at[i].kind == DL_ATOM_ACTOR && !is_person(&at[i])) {
            g.lead = &at[i];
            j = i + 1;
            /* "the United Nations General Assembly": a part of the actor
             * before it (its code extends the code) is the actor meant. */
            while (j < n && at[j].kind == DL_ATOM_ACTOR && !is_person(&at[j]) &&
                   gap_ok(ctx, g.lead, &at[j], 0, false) && dl_actor_extends(ctx, g.lead->entry, at[j].entry))
                g.lead = &at[j++];
            prev = g.lead;
        } else if (at[i].kind == DL_ATOM_AGENT && at[i].agent->prefix && i + 1 < n &&
                   at[i + 1].kind == DL_ATOM_ACTOR && dl_actor_country_like(ctx, at[i + 1].entry) &&
                   gap_ok(ctx, &at[i], &at[i + 1], 0, false)) {
            /* "MSF Arnor": a prefix role (NGO~) written before the country */
            g.agents[g.n_agents++] = &at[i];
            g.lead = &at[i + 1];
            prev = g.lead;
            j = i + 2;
        } else if (at[i].kind == DL_ATOM_AGENT && i > 0 && is_person(&at[i - 1]) &&
                   gap_ok(ctx, &at[i - 1], &at[i], 0, true)) {
            /* "Netanyahu's government": the person's country */
            const char *country, *role;
            dl_actor_split_code(ctx, dl_actor_entry_code(ctx, at[i - 1].entry), &country, &role);
            g.country = country;
        }
        /* role words; a capitalised word no dictionary knows may stand
         * between them ("the Israeli Security Cabinet") */
        for (;;) {
            if (j + 1 < n && (g.lead || g.n_agents) && at[j].kind == DL_ATOM_NAME && !at[j].alias &&
                at[j].t1 - at[j].t0 <= 2 && at[j + 1].kind == DL_ATOM_AGENT && gap_ok(ctx, prev, &at[j], 2, true) &&
                gap_ok(ctx, &at[j], &at[j + 1], 0, false))
                prev = &at[j++];
            if (j < n && at[j].kind == DL_ATOM_AGENT && g.n_agents < 8 && (j == i || gap_ok(ctx, prev, &at[j], 2, true))) {
                g.agents[g.n_agents++] = &at[j];
                prev = &at[j++];
                continue;
            }
            break;
        }
        if (!g.lead && g.n_agents && !g.country)
            j = attach(ctx, &g, j, &prev);
        /* "Danish media and government": role words after "and" belong to
         * the same country, and each list makes an actor of its own, as
         * TABARI distributes roles over a compound. */
        if (g.lead && g.n_agents && dl_actor_country_like(ctx, g.lead->entry)) {
            static const char *const and_word[] = {"and"};
            size_t k = j;
            const dl_atom *p = prev;
            while (k < n && at[k].kind == DL_ATOM_AGENT && g.n_agents2 < 8 &&
                   (g.n_agents2 ? gap_ok(ctx, p, &at[k], 0, false) : gap_words(ctx, p, &at[k], and_word, 1, 1)))
                g.agents2[g.n_agents2++] = p = &at[k++];
            if (g.n_agents2) {
                g.of[g.n_of++] = g.lead;
                j = k;
                prev = p;
            }
        }
        /* a name after them */
        if (j < n && (g.lead || g.n_agents) && g.n_agents < 8) {
            const dl_atom *c = &at[j];
            bool human = g.n_agents && human_agent(g.agents[g.n_agents - 1]->agent) && !g.agents[g.n_agents - 1]->plural;
            bool ok = is_person(c) ? gap_ok(ctx, prev, c, 0, !g.n_agents)
                                   : c->kind == DL_ATOM_NAME && human && gap_ok(ctx, prev, c, 0, false);
            if (ok) {
                g.person = c;
                j++;
            } else if (g.lead && g.n_agents && c->kind == DL_ATOM_ACTOR &&
                       (dl_actor_same_country(ctx, g.lead->entry, c->entry) ||
                        (human && dl_actor_country_like(ctx, g.lead->entry) && dl_actor_country_like(ctx, c->entry))) &&
                       gap_ok(ctx, prev, c, 0, false)) {
                /* "Bree Prime Minister Romendacil", where the dictionary
                 * codes the man by his country alone: the title says more.
                 * A name the dictionary files under another country
                 * ("Ithilen's minister Calimehtar") is still the minister
                 * of the country before the title, as PETRARCH codes a
                 * noun phrase from its first actor and its agents. */
                j++;
            }
        }
        /* an unknown title before a person: "Rear Admiral Daniel Hagari" */
        if (!g.lead && !g.n_agents && at[i].kind == DL_ATOM_NAME && i + 1 < n && is_person(&at[i + 1]) &&
            gap_ok(ctx, &at[i], &at[i + 1], 0, false)) {
            g.person = &at[i + 1];
            j = i + 2;
        }
        if (j == i)
            j = i + 1;
        g.last = &at[j - 1];
        g.former = former(ctx, g.first->t0, g.last->t1);
        if (g.person)
            st = emit_person(ctx, &g);
        else if (g.n_agents)
            st = emit_agents(ctx, &g);
        else if (at[i].kind == DL_ATOM_ACTOR)
            st = is_person(&at[i]) ? (g.person = &at[i], g.last = &at[i], emit_person(ctx, &g))
                                   : emit_actor(ctx, g.first, g.lead);
        else if (at[i].kind == DL_ATOM_NAME)
            st = emit_name(ctx, &at[i]);
        else if (at[i].kind == DL_ATOM_PRONOUN)
            st = emit_pronoun(ctx, &at[i]);
        i = j;
    }
    return st;
}
