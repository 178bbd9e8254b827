/* whenwhere.c: an event's date and place from its own clause (see
 * whenwhere.h for the rules). */
#include "events/whenwhere.h"

#include "base/arena.h"
#include "events/when.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct dl_whenwhere {
    dl_gazetteer *gaz;
};

dl_status dl_whenwhere_open(dl_whenwhere **out, const char *data_dir, dl_diag_fn diag, void *diag_user)
{
    *out = NULL;
    dl_whenwhere *ww = calloc(1, sizeof *ww);
    if (!ww)
        return DL_ERR_NOMEM;
    dl_status st = dl_gazetteer_open(&ww->gaz, data_dir, diag, diag_user);
    if (st == DL_ERR_NOMEM) {
        free(ww);
        return st;
    }
    if (st && diag) {
        dl_diag d = {DL_WARNING, st, data_dir ? data_dir : dl_data_dir(), 0, 0,
                     "no gazetteer/ in the data folder: event places get no country or coordinates"};
        diag(diag_user, &d);
    }
    *out = ww;
    return DL_OK;
}

void dl_whenwhere_close(dl_whenwhere *ww)
{
    if (!ww)
        return;
    dl_gazetteer_close(ww->gaz);
    free(ww);
}

const dl_gazetteer *dl_whenwhere_gazetteer(const dl_whenwhere *ww) { return ww ? ww->gaz : NULL; }

int32_t dl_article_anchor(const dl_article *a)
{
    int y, m, d;
    dl_when_precision p;
    if (!a || !a->date)
        return 0;
    /* "2004-11-16T10:32" and "2004-11-16" alike */
    char day[11];
    snprintf(day, sizeof day, "%s", a->date);
    if (!dl_when_parse_iso(day, &y, &m, &d, &p))
        return 0;
    return dl_when_ymd(y, m ? m : 1, d ? d : 1);
}

/* ------------------------------------------------------------- clauses */

static bool word_is(const dl_token *t, const char *w) { return !strcasecmp(t->text, w); }

static bool in_list(const dl_token *t, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (word_is(t, list[i]))
            return true;
    return false;
}

/* Token ranges of relative clauses set off by commas (", who was
 * appointed last May,"): a date or place inside one belongs to that
 * clause's verb, not to a verb outside it. Marks in[t] for their tokens. */
static void relative_clauses(const dl_sentence *s, bool *in)
{
    for (uint32_t t = 1; t < s->n_tokens; t++) {
        const dl_token *k = &s->tokens[t];
        bool rel = (k->tag == DL_TAG_WP || k->tag == DL_TAG_WDT || k->tag == DL_TAG_WPS ||
                    (k->tag == DL_TAG_WRB && word_is(k, "where"))) &&
                   s->tokens[t - 1].tag == DL_TAG_COMMA;
        if (!rel)
            continue;
        uint32_t e = t;
        while (e < s->n_tokens && s->tokens[e].tag != DL_TAG_COMMA && s->tokens[e].tag != DL_TAG_PERIOD)
            in[e++] = true;
        t = e;
    }
}

/* Do token a and token b sit on different sides of a relative clause's
 * edge? */
static bool separated(const bool *in_rel, uint32_t a, uint32_t b) { return in_rel[a] != in_rel[b]; }

static uint32_t token_at(const dl_sentence *s, uint32_t byte)
{
    for (uint32_t t = 0; t < s->n_tokens; t++)
        if (s->tokens[t].end > byte)
            return t;
    return s->n_tokens ? s->n_tokens - 1 : 0;
}

/* ---------------------------------------------------------------- when */

static dl_tense verb_tense(const dl_sentence *s, uint32_t verb)
{
    for (uint32_t c = 0; c < s->n_chunks; c++) {
        const dl_chunk *k = &s->chunks[c];
        if (k->kind != DL_CHUNK_VG || verb < k->first || verb >= k->end)
            continue;
        if (k->flags & DL_VG_FUTURE)
            return DL_TENSE_FUTURE;
        if (k->flags & DL_VG_MODAL)
            return DL_TENSE_UNKNOWN;
        if (k->flags & DL_VG_PERFECT)
            return DL_TENSE_PAST;
        for (uint32_t t = k->first; t < k->end; t++)
            if (s->tokens[t].tag == DL_TAG_VBD)
                return DL_TENSE_PAST;
        return DL_TENSE_UNKNOWN;
    }
    return DL_TENSE_UNKNOWN;
}

static void article_date(dl_event *e, const dl_article *a, dl_arena *arena)
{
    int y, m, d;
    dl_when_precision p;
    char day[11];
    e->date = NULL;
    e->date_precision = e->date_basis = NULL;
    if (!a->date)
        return;
    snprintf(day, sizeof day, "%s", a->date);
    if (!dl_when_parse_iso(day, &y, &m, &d, &p))
        return;
    e->date = dl_arena_strdup(arena, day);
    e->date_precision = dl_when_precision_name(p);
    e->date_basis = "article";
}

static void event_date(dl_event *e, const dl_article *a, const dl_sentence *s, uint32_t verb,
                       const bool *in_rel, dl_arena *arena)
{
    enum { MAX = 32 };
    dl_when w[MAX];
    const char *text = a->body + s->start;
    size_t n = dl_when_find(w, MAX, text, s->end - s->start, dl_article_anchor(a), verb_tense(s, verb));
    uint32_t vb = s->tokens[verb].start - s->start;
    long best_dist = -1;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].precision == DL_WHEN_NONE)
            continue;
        uint32_t wt = token_at(s, s->start + w[i].start);
        if (separated(in_rel, wt, verb))
            continue;
        /* "since taking office in 2022", "since 1997": where an ongoing
         * state began, not when the event happened */
        bool since = false;
        for (uint32_t k = wt > 4 ? wt - 4 : 0; k < wt; k++)
            since |= word_is(&s->tokens[k], "since");
        /* "down 30% from 1997", "as of 2003": a point of comparison */
        if (wt > 0 && !w[i].end_year &&
            (word_is(&s->tokens[wt - 1], "from") ||
             (wt > 1 && word_is(&s->tokens[wt - 1], "of") && word_is(&s->tokens[wt - 2], "as"))))
            since = true;
        if (since)
            continue;
        /* "the November results": a month before a noun dates the noun; it
         * dates the event only after a word of time ("after the November
         * vote"), not after "unlike" or as a subject */
        uint32_t we = token_at(s, s->start + w[i].end - 1);
        if (w[i].kind == DL_WHEN_MONTH_NAME && wt > 0 && word_is(&s->tokens[wt - 1], "the") && we + 1 < s->n_tokens &&
            (s->tokens[we + 1].tag == DL_TAG_NN || s->tokens[we + 1].tag == DL_TAG_NNS)) {
            static const char *const time_words[] = {"after", "before", "during", "following", "since", "until",
                                                     "in", "at", "by", "ahead", "through", NULL};
            if (wt < 2 || !in_list(&s->tokens[wt - 2], time_words))
                continue;
        }
        long dist = w[i].start >= vb ? (long)(w[i].start - vb) : (long)(vb - w[i].end);
        if (best_dist < 0 || dist < best_dist) {
            best_dist = dist;
            best = i;
        }
    }
    char iso[16];
    if (best_dist < 0 || !dl_when_iso(&w[best], iso)) {
        article_date(e, a, arena);
        return;
    }
    /* a time of day given with the day: "at 13:30 on Monday, December 6" */
    char full[24];
    if (w[best].precision == DL_WHEN_DAY && w[best].hour >= 0)
        snprintf(full, sizeof full, "%sT%02d:%02d", iso, w[best].hour % 24, w[best].minute % 60);
    else
        snprintf(full, sizeof full, "%s", iso);
    e->date = dl_arena_strdup(arena, full);
    e->date_precision = dl_when_precision_name(w[best].precision);
    e->date_basis = "sentence";
    e->date_text = dl_arena_strndup(arena, text + w[best].start, w[best].end - w[best].start);
}

/* --------------------------------------------------------------- where */

static const char *const location_preps[] = {"in", "at", "near", "outside", "inside", "across", "around",
                                             "throughout", "into", "off", "within", NULL};

/* Nouns that a place after them locates the event by: "the town in
 * Gaza", "a summit in Cusco", "protests across Iran". Other nouns make
 * the place a detail of the noun ("wars in Afghanistan", "the ambassador
 * in Beijing" is still whom, not where). */
static const char *const place_nouns[] = {
    "town", "towns", "city", "cities", "village", "villages", "camp", "camps", "base", "bases", "capital",
    "province", "region", "area", "areas", "district", "border", "residence", "embassy", "consulate",
    "office", "offices", "headquarters", "home", "homes", "house", "hospital", "school", "university",
    "market", "mosque", "church", "synagogue", "temple", "port", "airport", "prison", "jail", "station",
    "street", "streets", "square", "hotel", "building", "buildings", "compound", "parliament", "court",
    "summit", "meeting", "meetings", "talks", "conference", "ceremony", "rally", "rallies", "protest",
    "protests", "demonstration", "demonstrations", "visit", "trip", "attack", "attacks", "strike",
    "strikes", "airstrike", "airstrikes", "bombing", "bombings", "explosion", "blast", "clashes",
    "fighting", "raid", "raids", "operation", "operations", "offensive", "suburb", "neighbourhood",
    "neighborhood", "outskirts", "north", "south", "east", "west", "part", "parts", "checkpoint",
    "crossing", "refinery", "plant", "facility", "shelter", "shelters", "hideout", "positions",
    "targets", "sites", "site", "event", "funeral", "march", "vigil", "ward", "section", "gathering",
    "detention", "centre", "center", "centres", "centers", "facilities", "waters", "territory", "briefing",
    "speech", "interview", "session", "forum", "hearing", "address", "appearance", "stop", "visits", NULL};

/* "north of X", "the outskirts of X": where, after "of". */
static const char *const direction_words[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "outskirts", "suburbs", "centre", "center", "heart",
    "coast", "outside", "kilometres", "kilometers", "miles", "km", NULL};

/* Occasions where words are said or deals made: a place after them
 * locates any event. */
static const char *const occasion_nouns[] = {
    "summit", "meeting", "meetings", "talks", "conference", "ceremony", "rally", "rallies", "visit", "trip",
    "briefing", "speech", "interview", "session", "forum", "hearing", "address", "appearance", "stop",
    "visits", "event", "funeral", "vigil", "residence", "embassy", "consulate", "office", "offices",
    "headquarters", "parliament", "court", NULL};

/* People a place after them puts somewhere: "militants in Khan Younis"
 * were there, so what was done to them was done there. */
static const char *const people_nouns[] = {
    "militants", "fighters", "protesters", "protestors", "demonstrators", "people", "civilians",
    "soldiers", "troops", "police", "policemen", "officers", "students", "workers", "journalists",
    "activists", "rebels", "insurgents", "gunmen", "forces", "refugees", "migrants", "prisoners",
    "detainees", "suspects", "men", "women", "children", "members", "supporters", "worshippers",
    "settlers", "crowds", "crowd", "voters", "villagers", "guerrillas", "separatists", "extremists",
    "pilgrims", "tourists", "hostages", "victims", "patients", "miners", "farmers", NULL};

/* People named by their office or group: "officials in X" locates a
 * deed they did (before its verb), not words they said. */
static const char *const office_nouns[] = {"officials", "authorities", "leaders", "members", "supporters",
                                           "diplomats", "staff", "employees", "delegates", "opponents",
                                           "dissidents", NULL};

/* Words between a preposition and the place: "in the northern city of
 * Mosul", "near the border town of Rafah". */
static const char *const place_lead[] = {
    "the", "a", "an", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
    "south-east", "south-west", "downtown", "occupied", "city", "town", "village", "province", "region",
    "capital", "port", "border", "state", "of", "coastal", "besieged", "restive", "disputed", "breakaway",
    "neighbouring", "neighboring", "nearby", "rebel-held", "government-held", "southern-most",
    "Israeli-occupied", "Russian-occupied", "Kurdish", NULL};

/* Nouns after a place that make it where people live: "Gaza residents". */
static const char *const dweller_nouns[] = {"residents", "resident", "villagers", "townspeople", "locals",
                                            "inhabitants", NULL};


static bool is_noun(uint8_t tag)
{
    return tag == DL_TAG_NN || tag == DL_TAG_NNS || tag == DL_TAG_NNP || tag == DL_TAG_NNPS;
}

/* The location preposition that governs token t, or -1: skips the lead
 * words of place_lead between them. */
static int32_t governing_prep(const dl_sentence *s, uint32_t t)
{
    uint32_t k = t;
    int skipped = 0;
    while (k > 0 && skipped < 6) {
        const dl_token *p = &s->tokens[k - 1];
        if (in_list(p, location_preps))
            return (int32_t)(k - 1);
        if (word_is(p, "of") && k >= 2 && in_list(&s->tokens[k - 2], direction_words))
            return (int32_t)(k - 1);
        if (!in_list(p, place_lead))
            return -1;
        k--;
        skipped++;
    }
    return -1;
}

/* Does the preposition at p locate an event (it follows a verb, a clause
 * edge, the event's own actor, a noun of place or occasion, or people),
 * rather than qualify some other noun ("wars in Afghanistan")? */
static bool prep_locates(const dl_sentence *s, int32_t p, bool deed)
{
    if (p == 0)
        return true; /* "In Cusco, leaders signed ..." */
    const dl_token *before = &s->tokens[p - 1];
    /* "north of Baghdad", "on the outskirts of Kabul" */
    if (word_is(&s->tokens[p], "of"))
        return true;
    /* a name is somewhere: "Koreshige in Beijing", "Hamas in Gaza" */
    if (!is_noun(before->tag) || before->tag == DL_TAG_NNP || before->tag == DL_TAG_NNPS)
        return true;
    /* words are said at an occasion ("at a briefing in Beijing"); a deed is
     * also placed by its site or its people ("strikes in Gaza", "militants
     * in Khan Younis"), which for words are only their topic */
    if (in_list(before, occasion_nouns))
        return true;
    return deed && (in_list(before, place_nouns) || in_list(before, people_nouns));
}

/* Is token `first` inside the mention of the event's source or target?
 * Then a place there is whom, not where ("fired at Seoul"). */
static bool in_mention(const dl_event *e, const dl_mention *mentions, size_t n_mentions, uint32_t sentence,
                       uint32_t first)
{
    int32_t ids[2] = {e->source.mention, e->target.mention};
    for (int i = 0; i < 2; i++) {
        if (ids[i] < 0 || (size_t)ids[i] >= n_mentions)
            continue;
        const dl_mention *m = &mentions[ids[i]];
        if (m->sentence == sentence && first >= m->first && first < m->last)
            return true;
    }
    return false;
}

/* Nouns that stand for a place named before: 0 none, else the
 * precision the place must have (DL_PLACE_*), or 9 for a city or region
 * (where a summit or a ceremony was held). */
static int anaphor(const dl_token *t)
{
    static const char *const city[] = {"city", "town", "village", "capital", NULL};
    static const char *const any[] = {"summit", "conference", "meeting", "talks", "ceremony", "scene", NULL};
    if (in_list(t, city))
        return DL_PLACE_CITY;
    if (word_is(t, "country"))
        return DL_PLACE_COUNTRY;
    if (word_is(t, "region") || word_is(t, "province") || word_is(t, "state"))
        return DL_PLACE_REGION;
    return in_list(t, any) ? 9 : 0;
}

/* The last place named in the article's body before byte `before` of the
 * kind wanted (DL_PLACE_*, 9 any), or NULL. */
static const dl_place *place_before(const dl_gazetteer *g, const dl_article *a, uint32_t before, int kind,
                                    const dl_gaz_context *ctx, size_t *len_out)
{
    const dl_place *last = NULL;
    for (uint32_t i = 0; i < before; i++) {
        if (!isupper((unsigned char)a->body[i]) || (i && isalnum((unsigned char)a->body[i - 1])))
            continue;
        size_t len = dl_gazetteer_longest(g, a->body + i, before - i);
        if (!len)
            continue;
        const dl_place *p = dl_gazetteer_resolve(g, a->body + i, len, ctx);
        if (p && (kind == 9 ? p->precision != DL_PLACE_COUNTRY : (int)p->precision == kind)) {
            last = p;
            *len_out = len;
        }
        i += (uint32_t)len;
    }
    return last;
}

static void set_place(dl_event *e, const dl_place *p, const char *text, size_t len, dl_arena *arena)
{
    e->location_text = dl_arena_strndup(arena, text, len);
    e->location_name = p->name;
    e->location_country = p->country;
    e->location_admin1 = p->admin1;
    e->location_precision = dl_place_precision_name(p->precision);
    e->location_has_coords = p->has_coords;
    e->location_lat = p->lat;
    e->location_lon = p->lon;
}

static void clear_place(dl_event *e)
{
    e->location_text = e->location_name = e->location_country = e->location_admin1 = NULL;
    e->location_precision = NULL;
    e->location_has_coords = false;
    e->location_lat = e->location_lon = 0;
}

/* An actor's country: its own, or its code's first three letters when
 * they name one. */
static const char *actor_country(const dl_event_actor *a, const dl_gazetteer *g)
{
    if (a->country)
        return a->country;
    if (a->code && strlen(a->code) >= 3 && g) {
        char c[4] = {a->code[0], a->code[1], a->code[2], 0};
        const dl_place *p = dl_gazetteer_country(g, c);
        if (p)
            return p->country;
    }
    return NULL;
}

static void event_place(const dl_whenwhere *ww, dl_event *e, const dl_article *a, const dl_sentence *s,
                        uint32_t verb, const dl_mention *mentions, size_t n_mentions, const bool *in_rel,
                        dl_arena *arena)
{
    const dl_gazetteer *g = ww ? ww->gaz : NULL;
    /* a deed (quad class 2 or 4, and protests: CAMEO 14 is counted as
     * verbal conflict, but a march happens in a street) or words */
    bool deed = e->quad_class == 2 || e->quad_class == 4 || (e->cameo && !strncmp(e->cameo, "14", 2));
    clear_place(e);
    dl_gaz_context ctx = {0};
    for (size_t i = 0; i < n_mentions; i++)
        dl_gaz_context_add(&ctx, mentions[i].country, 1);
    const dl_place *dateline = NULL;
    size_t dateline_len = 0;
    if (g && a->dateline && (dateline_len = dl_gazetteer_longest(g, a->dateline, strlen(a->dateline)))) {
        dateline = dl_gazetteer_resolve(g, a->dateline, dateline_len, &ctx);
        if (dateline)
            dl_gaz_context_add(&ctx, dateline->country, 2);
    }
    /* the places the clause names; the nearest to the verb wins */
    const dl_place *best = NULL;
    uint32_t best_tok = 0, best_len = 0;
    long best_dist = -1;
    for (uint32_t t = 0; g && t < s->n_tokens; t++) {
        const dl_token *k = &s->tokens[t];
        if (!isupper((unsigned char)a->body[k->start]))
            continue;
        size_t len = dl_gazetteer_longest(g, a->body + k->start, s->end - k->start);
        if (!len)
            continue;
        uint32_t last = token_at(s, k->start + (uint32_t)len - 1);
        int32_t p = governing_prep(s, t);
        const dl_token *next = last + 1 < s->n_tokens ? &s->tokens[last + 1] : NULL;
        bool dwellers = next && in_list(next, dweller_nouns);
        /* "the U.S. interests section", "the Cusco declaration": a name
         * before a common noun qualifies it ("Jabalia camp" still places) */
        bool modifier = next && (next->tag == DL_TAG_NN || next->tag == DL_TAG_NNS) && !dwellers &&
                        !in_list(next, place_nouns);
        /* "Santa Bárbara do Pará": a known name inside a longer one */
        bool longer = next && next->start == k->start + len + 1 && isupper((unsigned char)a->body[next->start]);
        /* "Santa Bárbara do Pará": the name is the town's; the part after
         * "do" may name its state, which places it at that precision */
        const dl_place *broader = NULL;
        size_t whole = len;
        if (next && last + 2 < s->n_tokens && (word_is(next, "do") || word_is(next, "de") || word_is(next, "da") ||
                                               word_is(next, "del") || word_is(next, "dos") || word_is(next, "das")) &&
            isupper((unsigned char)a->body[s->tokens[last + 2].start])) {
            longer = true;
            const dl_token *tail = &s->tokens[last + 2];
            size_t tl = dl_gazetteer_longest(g, a->body + tail->start, s->end - tail->start);
            const dl_place *tp = tl ? dl_gazetteer_resolve(g, a->body + tail->start, tl, &ctx) : NULL;
            if (tp && tp->precision != DL_PLACE_CITY) {
                broader = tp;
                whole = tail->start + tl - k->start;
            }
        }
        /* "Officials in Mumbai demolished ...": those who did a deed were
         * where it was done; "hailed by officials in the US" says who */
        bool office = deed && p > 0 && p < (int32_t)verb && in_list(&s->tokens[p - 1], office_nouns);
        bool ok = ((p >= 0 && (prep_locates(s, p, deed) || office)) || dwellers) && !modifier &&
                  (!longer || broader);
        /* "fired at Seoul": the place is whom; "a summit in Chile" is
         * where, even when the coder took Chile for the target */
        bool where_prep = p >= 0 && (word_is(&s->tokens[p], "in") || word_is(&s->tokens[p], "inside") ||
                                     word_is(&s->tokens[p], "within") || word_is(&s->tokens[p], "throughout") ||
                                     word_is(&s->tokens[p], "across") || word_is(&s->tokens[p], "of") ||
                                     word_is(&s->tokens[p], "into"));
        if (ok && (where_prep || !in_mention(e, mentions, n_mentions, s->index, t)) && !separated(in_rel, t, verb)) {
            const dl_place *pl = broader ? broader : dl_gazetteer_resolve(g, a->body + k->start, len, &ctx);
            long dist = t > verb ? (long)(t - verb) : (long)(verb - t);
            if (pl && (best_dist < 0 || dist < best_dist)) {
                best = pl;
                best_tok = t;
                best_len = (uint32_t)whole;
                best_dist = dist;
            }
        }
        t = last; /* a name is read once: "New York City" is not also "York" */
    }
    if (best) {
        set_place(e, best, a->body + s->tokens[best_tok].start, best_len, arena);
        return;
    }
    /* "in Japanese waters": a nationality before a word of territory */
    for (uint32_t t = 1; g && t + 1 < s->n_tokens; t++) {
        static const char *const territory[] = {"waters", "territory", "airspace", "soil", NULL};
        if (!in_list(&s->tokens[t + 1], territory) || !in_list(&s->tokens[t - 1], location_preps) ||
            separated(in_rel, t, verb))
            continue;
        for (size_t i = 0; i < n_mentions; i++) {
            const dl_mention *m = &mentions[i];
            if (m->sentence != s->index || m->first != t || m->last != t + 1 || !m->country)
                continue;
            const dl_place *pl = dl_gazetteer_country(g, m->country);
            if (pl) {
                set_place(e, pl, a->body + s->tokens[t].start, s->tokens[t + 1].end - s->tokens[t].start, arena);
                return;
            }
        }
    }
    /* "in the city", "at the summit": the place named last before */
    for (uint32_t t = 1; g && t + 1 < s->n_tokens; t++) {
        int kind = anaphor(&s->tokens[t + 1]);
        if (!kind || !word_is(&s->tokens[t], "the") || !in_list(&s->tokens[t - 1], location_preps) ||
            !prep_locates(s, (int32_t)t - 1, deed) || separated(in_rel, t, verb) ||
            (t + 2 < s->n_tokens && word_is(&s->tokens[t + 2], "of")))
            continue;
        size_t len;
        const dl_place *pl = place_before(g, a, s->start, kind, &ctx, &len);
        if (pl) {
            uint32_t end = s->tokens[t + 1].end, start = s->tokens[t].start;
            set_place(e, pl, a->body + start, end - start, arena);
            return;
        }
    }
    /* A place the actor dictionaries know and the gazetteer does not ("the
     * White House", "the Kremlin"), after a location preposition: its text
     * and country, no point. Without a gazetteer, countries too. Names no
     * dictionary knows are not taken: "In Whitewashing torture?" is a book. */
    for (size_t i = 0; i < n_mentions; i++) {
        const dl_mention *m = &mentions[i];
        if (m->sentence != s->index || !m->kind || !m->country || m->via != DL_VIA_DICTIONARY ||
            (strcmp(m->kind, "place") && (g || strcmp(m->kind, "country"))))
            continue;
        int32_t p = governing_prep(s, m->first);
        if (p < 0 || !prep_locates(s, p, deed) || in_mention(e, mentions, n_mentions, s->index, m->first) ||
            separated(in_rel, m->first, verb))
            continue;
        e->location_text = m->text;
        e->location_name = m->name;
        e->location_country = m->country;
        return;
    }
    if (!g)
        return;
    /* The dateline's place when the event is local to it: a deed (quad
     * class 2 or 4) happens where its target is, so the target (or, with
     * none, the source) must belong to the dateline's country; words
     * (quad class 1 or 3) are said where their source is. */
    if (dateline) {
        const char *sc = actor_country(&e->source, g), *tc = e->target.code ? actor_country(&e->target, g) : NULL;
        const char *who = deed && e->target.code ? tc : sc;
        if (who && !strcmp(who, dateline->country))
            set_place(e, dateline, a->dateline, dateline_len, arena);
    }
}

dl_status dl_event_when_where(const dl_whenwhere *ww, dl_event *e, const dl_article *a, const dl_sentence *s,
                              uint32_t verb, const dl_mention *mentions, size_t n_mentions, dl_arena *arena)
{
    if (!e || !a || !s || !a->body)
        return DL_ERR_ARG;
    e->date_text = NULL;
    if (!s->n_tokens) {
        article_date(e, a, arena);
        return DL_OK;
    }
    if (verb >= s->n_tokens)
        verb = 0;
    bool *in_rel = dl_arena_calloc(arena, s->n_tokens, sizeof *in_rel);
    if (!in_rel)
        return DL_ERR_NOMEM;
    relative_clauses(s, in_rel);
    event_date(e, a, s, verb, in_rel, arena);
    event_place(ww, e, a, s, verb, mentions, n_mentions, in_rel, arena);
    return DL_OK;
}
