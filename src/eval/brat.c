/* brat.c: the brat standoff reader (see brat.h). Files come from outside,
 * so every number is range-checked and every line may be broken. */
#include "eval/brat.h"
#include "base/arena.h"
#include "base/map.h"
#include "base/utf8.h"

#include <string.h>

typedef struct reader {
    dl_brat *out;
    dl_arena *arena;
    size_t cap_entities, cap_events;
} reader;

static void bad(dl_brat *b, uint64_t line)
{
    if (!b->n_bad++)
        b->first_bad = line;
}

/* Reads a decimal number from s[*i..n) into *v; false when there is none
 * or it does not fit 32 bits. */
static bool number(const char *s, size_t n, size_t *i, uint32_t *v)
{
    uint64_t x = 0;
    size_t start = *i;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        x = x * 10 + (uint64_t)(s[*i] - '0');
        if (x > UINT32_MAX)
            return false;
        (*i)++;
    }
    *v = (uint32_t)x;
    return *i > start;
}

static bool grow(dl_arena *arena, void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t cap2 = *cap ? *cap * 2 : 32;
    void *nv = dl_arena_grow(arena, *v, *cap * size, cap2 * size);
    if (!nv)
        return false;
    *v = nv;
    *cap = cap2;
    return true;
}

/* T<n> TAB type spans TAB text */
static dl_status text_bound(reader *r, const char *s, size_t n, uint64_t line)
{
    const char *tab1 = memchr(s, '\t', n);
    if (!tab1) {
        bad(r->out, line);
        return DL_OK;
    }
    size_t id_len = (size_t)(tab1 - s), i = id_len + 1;
    size_t type_start = i;
    while (i < n && s[i] != ' ' && s[i] != '\t')
        i++;
    size_t type_len = i - type_start;
    dl_brat_span spans[DL_BRAT_MAX_SPANS];
    uint32_t n_spans = 0;
    bool ok = type_len > 0 && id_len > 0 && i < n && s[i] == ' ';
    i++;
    /* "a b" pairs separated by ';' ("315 448;463 553") */
    while (ok) {
        uint32_t x, y;
        if (n_spans == DL_BRAT_MAX_SPANS || !number(s, n, &i, &x) || i >= n || s[i] != ' ') {
            ok = false;
            break;
        }
        i++;
        if (!number(s, n, &i, &y) || y < x) {
            ok = false;
            break;
        }
        spans[n_spans++] = (dl_brat_span){x, y};
        if (i < n && s[i] == ';') {
            i++;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        break;
    }
    if (!ok || n_spans == 0 || (i < n && s[i] != '\t')) {
        bad(r->out, line);
        return DL_OK;
    }
    dl_brat *b = r->out;
    if (!grow(r->arena, (void **)&b->entities, &r->cap_entities, b->n_entities, sizeof *b->entities))
        return DL_ERR_NOMEM;
    dl_brat_entity *e = &b->entities[b->n_entities];
    e->id = dl_arena_strndup(r->arena, s, id_len);
    e->type = dl_arena_strndup(r->arena, s + type_start, type_len);
    e->spans = DL_ARENA_NEW(r->arena, dl_brat_span, n_spans);
    e->text = i < n ? dl_arena_strndup(r->arena, s + i + 1, n - i - 1) : dl_arena_strdup(r->arena, "");
    if (!e->id || !e->type || !e->spans || !e->text)
        return DL_ERR_NOMEM;
    memcpy(e->spans, spans, n_spans * sizeof *spans);
    e->n_spans = n_spans;
    b->n_entities++;
    return DL_OK;
}

/* E<n> TAB TYPE:ID ROLE:ID ... ; ids are resolved once all lines are read,
 * so for now the entity fields hold an index into a table of id strings. */
static dl_status event(reader *r, const char *s, size_t n, uint64_t line, const char ***ids, size_t *n_ids,
                       size_t *cap_ids)
{
    const char *tab1 = memchr(s, '\t', n);
    if (!tab1 || tab1 == s) {
        bad(r->out, line);
        return DL_OK;
    }
    size_t i = (size_t)(tab1 - s) + 1;
    dl_brat_arg args[DL_BRAT_MAX_ARGS];
    uint32_t n_args = 0;
    const char *type = NULL;
    int32_t trigger = -1;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        const char *colon = memchr(s + a, ':', i - a);
        if (!colon || colon == s + a || colon + 1 == s + i) {
            bad(r->out, line);
            return DL_OK;
        }
        size_t role_len = (size_t)(colon - (s + a)), id_len = i - a - role_len - 1;
        if (!grow(r->arena, (void **)ids, cap_ids, *n_ids, sizeof **ids))
            return DL_ERR_NOMEM;
        const char *id = dl_arena_strndup(r->arena, colon + 1, id_len);
        const char *role = dl_arena_strndup(r->arena, s + a, role_len);
        if (!id || !role)
            return DL_ERR_NOMEM;
        (*ids)[*n_ids] = id;
        if (!type) {
            type = role;
            trigger = (int32_t)(*n_ids)++;
        } else {
            if (n_args == DL_BRAT_MAX_ARGS) {
                bad(r->out, line);
                return DL_OK;
            }
            args[n_args++] = (dl_brat_arg){role, (int32_t)(*n_ids)++};
        }
    }
    if (!type) {
        bad(r->out, line);
        return DL_OK;
    }
    dl_brat *b = r->out;
    if (!grow(r->arena, (void **)&b->events, &r->cap_events, b->n_events, sizeof *b->events))
        return DL_ERR_NOMEM;
    dl_brat_event *e = &b->events[b->n_events];
    e->id = dl_arena_strndup(r->arena, s, (size_t)(tab1 - s));
    e->type = type;
    e->trigger = trigger;
    e->args = n_args ? DL_ARENA_NEW(r->arena, dl_brat_arg, n_args) : NULL;
    if (!e->id || (n_args && !e->args))
        return DL_ERR_NOMEM;
    if (n_args)
        memcpy(e->args, args, n_args * sizeof *args);
    e->n_args = n_args;
    b->n_events++;
    return DL_OK;
}

dl_status dl_brat_parse(dl_brat *out, const char *data, size_t len, dl_arena *arena)
{
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX)
        return DL_ERR_LIMIT;
    if (!arena || (len && !data))
        return DL_ERR_ARG;
    reader r = {out, arena, 0, 0};
    const char **ids = NULL;
    size_t n_ids = 0, cap_ids = 0;
    uint64_t line = 0;
    dl_status st = DL_OK;
    for (size_t p = 0; p < len && !st;) {
        const char *nl = memchr(data + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - data) : len;
        size_t n = e - p;
        line++;
        if (n && data[p + n - 1] == '\r')
            n--;
        if (n && data[p] == 'T')
            st = text_bound(&r, data + p, n, line);
        else if (n && data[p] == 'E')
            st = event(&r, data + p, n, line, &ids, &n_ids, &cap_ids);
        p = e + 1;
    }
    if (st)
        return st;
    /* Resolve the events' ids to entity indices. */
    dl_map *by_id = dl_map_new();
    if (!by_id)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < out->n_entities && !st; i++)
        if (dl_map_put(by_id, out->entities[i].id, strlen(out->entities[i].id), (void *)(i + 1)))
            st = DL_ERR_NOMEM;
    for (size_t i = 0; i < out->n_events && !st; i++) {
        dl_brat_event *ev = &out->events[i];
        const char *tid = ids[ev->trigger];
        ev->trigger = (int32_t)(intptr_t)dl_map_get(by_id, tid, strlen(tid)) - 1;
        for (uint32_t k = 0; k < ev->n_args; k++) {
            const char *aid = ids[ev->args[k].entity];
            ev->args[k].entity = (int32_t)(intptr_t)dl_map_get(by_id, aid, strlen(aid)) - 1;
        }
    }
    dl_map_free(by_id);
    return st;
}

int32_t dl_brat_event_arg(const dl_brat *ann, const dl_brat_event *ev, const char *role, uint32_t *from)
{
    size_t rl = strlen(role);
    for (uint32_t k = from ? *from : 0; k < ev->n_args; k++) {
        if (strncmp(ev->args[k].role, role, rl) != 0)
            continue;
        if (from)
            *from = k + 1;
        int32_t e = ev->args[k].entity;
        return e >= 0 && (size_t)e < ann->n_entities ? e : -1;
    }
    if (from)
        *from = ev->n_args;
    return -1;
}

/* How many single-fragment entities read the same as the text when their
 * offsets go through map (NULL: offsets are bytes already). */
static size_t fits(const dl_brat *ann, const char *text, size_t len, const uint32_t *map, size_t n_map)
{
    size_t ok = 0;
    for (size_t i = 0; i < ann->n_entities; i++) {
        const dl_brat_entity *e = &ann->entities[i];
        if (e->n_spans != 1)
            continue;
        size_t a = e->spans[0].start, b = e->spans[0].end;
        if (map) {
            if (a >= n_map || b >= n_map)
                continue;
            a = map[a];
            b = map[b];
        }
        if (b > len || b - a != strlen(e->text))
            continue;
        ok += memcmp(text + a, e->text, b - a) == 0;
    }
    return ok;
}

dl_status dl_brat_fit_offsets(dl_brat *ann, const char *text, size_t len, size_t *mismatches, dl_arena *arena)
{
    if (len > UINT32_MAX)
        return DL_ERR_LIMIT;
    /* map[k]: the byte where character k starts; map[chars] = len. */
    uint32_t *map = DL_ARENA_NEW(arena, uint32_t, len + 1);
    if (!map)
        return DL_ERR_NOMEM;
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = dl_utf8_decode(text + i, len - i, &cp);
        map[chars++] = (uint32_t)i;
        i += k ? k : 1;
    }
    map[chars] = (uint32_t)len;
    size_t singles = 0;
    for (size_t i = 0; i < ann->n_entities; i++)
        singles += ann->entities[i].n_spans == 1;
    size_t as_bytes = fits(ann, text, len, NULL, 0);
    size_t as_chars = fits(ann, text, len, map, chars + 1);
    bool use_chars = as_chars > as_bytes;
    for (size_t i = 0; i < ann->n_entities; i++) {
        dl_brat_entity *e = &ann->entities[i];
        for (uint32_t k = 0; k < e->n_spans; k++) {
            dl_brat_span *s = &e->spans[k];
            if (use_chars) {
                s->start = s->start <= chars ? map[s->start] : (uint32_t)len;
                s->end = s->end <= chars ? map[s->end] : (uint32_t)len;
            } else {
                if (s->start > len)
                    s->start = (uint32_t)len;
                if (s->end > len)
                    s->end = (uint32_t)len;
            }
        }
    }
    if (mismatches)
        *mismatches = singles - (use_chars ? as_chars : as_bytes);
    return DL_OK;
}
