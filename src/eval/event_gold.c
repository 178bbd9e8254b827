/* event_gold.c: the event gold reader (see event_gold.h). cJSON parses
 * each line; the strings are copied into the caller's arena so the tree
 * can be freed at once. */
#include "eval/event_gold.h"
#include "base/arena.h"

#include <cjson/cJSON.h>
#include <string.h>

static const char *str_of(const cJSON *obj, const char *name, dl_arena *arena, bool *nomem)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsString(v) || !v->valuestring)
        return NULL;
    const char *s = dl_arena_strdup(arena, v->valuestring);
    if (!s)
        *nomem = true;
    return s;
}

static dl_gold_actor actor_of(const cJSON *obj, const char *name, dl_arena *arena, bool *nomem)
{
    dl_gold_actor a = {0};
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsObject(v))
        return a;
    a.text = str_of(v, "text", arena, nomem);
    a.code = str_of(v, "code", arena, nomem);
    if (a.code && !a.code[0])
        a.code = NULL;
    if (!a.text && a.code)
        a.text = a.code;
    return a;
}

/* Reads one line's object into *ga; false when the line is not usable. */
static bool read_article(dl_gold_article *ga, const cJSON *root, dl_arena *arena, bool *nomem, uint64_t *bad)
{
    memset(ga, 0, sizeof *ga);
    if (!cJSON_IsObject(root) || !(ga->article = str_of(root, "article", arena, nomem)))
        return false;
    const cJSON *evs = cJSON_GetObjectItemCaseSensitive(root, "events");
    int n = cJSON_IsArray(evs) ? cJSON_GetArraySize(evs) : 0;
    ga->events = DL_ARENA_NEW(arena, dl_gold_event, (size_t)n + 1);
    if (!ga->events) {
        *nomem = true;
        return false;
    }
    const cJSON *e;
    const cJSON *list = cJSON_IsArray(evs) ? evs : (const cJSON *)NULL;
    cJSON_ArrayForEach(e, list)
    {
        dl_gold_event *g = &ga->events[ga->n_events];
        memset(g, 0, sizeof *g);
        g->sentence = str_of(e, "sentence", arena, nomem);
        g->cameo = str_of(e, "cameo", arena, nomem);
        /* a code is two digits of root and at most two more */
        size_t cl = g->cameo ? strlen(g->cameo) : 0;
        bool digits = cl >= 2 && cl <= 4 && strspn(g->cameo, "0123456789") == cl;
        if (!g->sentence || !g->sentence[0] || !digits) {
            (*bad)++;
            continue;
        }
        g->plover = str_of(e, "plover", arena, nomem);
        g->source = actor_of(e, "source", arena, nomem);
        g->target = actor_of(e, "target", arena, nomem);
        g->factuality = str_of(e, "factuality", arena, nomem);
        if (!g->factuality)
            g->factuality = "asserted";
        g->date = str_of(e, "date", arena, nomem);
        const cJSON *loc = cJSON_GetObjectItemCaseSensitive(e, "location");
        if (cJSON_IsObject(loc)) {
            g->location_text = str_of(loc, "text", arena, nomem);
            g->location_country = str_of(loc, "country", arena, nomem);
            if (!g->location_text)
                g->location_text = "";
        }
        ga->n_events++;
    }
    return true;
}

dl_status dl_event_gold_parse(dl_event_gold *out, const char *text, size_t len, dl_arena *arena,
                              uint64_t *bad, uint64_t *first_bad)
{
    memset(out, 0, sizeof *out);
    *bad = 0;
    *first_bad = 0;
    size_t cap = 0;
    uint64_t line = 0;
    bool nomem = false;
    for (size_t pos = 0; pos < len && !nomem;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        line++;
        size_t a = pos;
        pos = end + 1;
        while (a < end && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        if (a == end)
            continue;
        cJSON *root = cJSON_ParseWithLength(text + a, end - a);
        dl_gold_article ga;
        uint64_t bad_events = 0;
        bool ok = root && read_article(&ga, root, arena, &nomem, &bad_events);
        cJSON_Delete(root);
        if (!ok || bad_events) {
            if (!*bad)
                *first_bad = line;
            (*bad)++;
        }
        if (!ok)
            continue;
        if (out->n_articles == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            dl_gold_article *na = dl_arena_grow(arena, out->articles, cap * sizeof *na, ncap * sizeof *na);
            if (!na)
                return DL_ERR_NOMEM;
            out->articles = na;
            cap = ncap;
        }
        out->articles[out->n_articles++] = ga;
    }
    return nomem ? DL_ERR_NOMEM : DL_OK;
}

const dl_gold_article *dl_event_gold_find(const dl_event_gold *gold, const char *article)
{
    for (size_t i = 0; article && i < gold->n_articles; i++)
        if (!strcmp(gold->articles[i].article, article))
            return &gold->articles[i];
    return NULL;
}
