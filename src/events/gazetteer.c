/* gazetteer.c: places by name, loaded from data/gazetteer/.
 *
 * Files, read in this order so that later ones can add to earlier ones:
 *   generic-names.txt  names that are ordinary words, never matched
 *   countries.tsv  alpha3, name in news, capital, lat, lon, other names
 *   iso3166-1.tsv  alpha3, alpha2, ISO name, other names (generated)
 *   admin1.tsv     ISO 3166-2 code, alpha3, name, type, other names (generated)
 *   regions.tsv    name, alpha3, admin1, lat, lon, other names
 *   cities.tsv     name, alpha3, admin1, lat, lon, population, other names
 * A region line that names a division of admin1.tsv (same code, or same
 * name in the same country) gives that division its coordinates rather
 * than adding a second place; a city line that names a capital adds its
 * names and size to the capital.
 *
 * Names are keyed lower case (ASCII letters folded, other bytes kept),
 * spaces collapsed, a leading "the " dropped; each key holds the list of
 * places with that name. */
#include "events/gazetteer.h"

#include "base/arena.h"
#include "base/map.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { KEY_MAX = 128, MAX_WORDS = 6, MAX_FIELDS = 8 };

typedef struct name_ref {
    uint32_t place;
    struct name_ref *next;
} name_ref;

struct dl_gazetteer {
    dl_arena *arena;
    dl_place *places;
    size_t n, cap;
    dl_map *by_name;     /* key -> name_ref list */
    dl_map *by_country;  /* alpha3 -> index+1 of the country's place */
    dl_map *by_admin1;   /* ISO 3166-2 code -> index+1 */
    dl_map *generic;     /* keys never matched as places (generic-names.txt) */
    dl_diag_fn diag;
    void *diag_user;
};

/* ------------------------------------------------------------- names */

/* Writes the lookup key of s[0..n) to key; returns its length (0 when
 * empty or too long). */
static size_t make_key(const char *s, size_t n, char key[KEY_MAX])
{
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            space = k > 0;
            continue;
        }
        if (space) {
            if (k + 1 >= KEY_MAX)
                return 0;
            key[k++] = ' ';
            space = false;
        }
        if (k + 1 >= KEY_MAX)
            return 0;
        key[k++] = (char)(c < 0x80 ? tolower(c) : c);
    }
    if (k > 4 && !memcmp(key, "the ", 4)) {
        memmove(key, key + 4, k - 4);
        k -= 4;
    }
    key[k] = 0;
    return k;
}

static int add_name(dl_gazetteer *g, const char *name, size_t n, uint32_t place)
{
    char key[KEY_MAX];
    size_t k = make_key(name, n, key);
    if (!k || dl_map_get(g->generic, key, k))
        return 0;
    bool created;
    void **slot = dl_map_slot(g->by_name, key, k, &created);
    if (!slot)
        return -1;
    for (name_ref *r = *slot; r; r = r->next)
        if (r->place == place)
            return 0;
    name_ref *r = dl_arena_alloc(g->arena, sizeof *r);
    if (!r)
        return -1;
    r->place = place;
    r->next = *slot;
    *slot = r;
    return 0;
}

/* Adds each ';'-separated name of list. */
static int add_names(dl_gazetteer *g, const char *list, uint32_t place)
{
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ";");
        if (n && add_name(g, p, n, place))
            return -1;
        p += n + (p[n] == ';');
    }
    return 0;
}

/* ------------------------------------------------------------ reading */

typedef struct reader {
    dl_gazetteer *g;
    const char *path;
    uint64_t line;
} reader;

static void warn(const reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(const reader *r, const char *fmt, ...)
{
    if (!r->g->diag)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_diag d = {DL_WARNING, DL_ERR_PARSE, r->path, r->line, 0, msg};
    r->g->diag(r->g->diag_user, &d);
}

/* Splits a line at tabs in place; returns the number of fields. */
static size_t split(char *line, char **f)
{
    size_t n = 0;
    char *p = line;
    while (n < MAX_FIELDS) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = 0;
        p = t + 1;
    }
    for (size_t i = n; i < MAX_FIELDS; i++)
        f[i] = "";
    return n;
}

static bool parse_coord(const char *s, double lim, double *v)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(x) || fabs(x) > lim)
        return false;
    *v = x;
    return true;
}

static bool is_alpha3(const char *s)
{
    return strlen(s) == 3 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
           isupper((unsigned char)s[2]);
}

static dl_place *new_place(dl_gazetteer *g, uint32_t *index)
{
    dl_place *p = dl_arena_push(g->arena, (void **)&g->places, &g->n, &g->cap, sizeof *p);
    if (p)
        *index = (uint32_t)(g->n - 1);
    return p;
}

static const char *intern(dl_gazetteer *g, const char *s) { return *s ? dl_arena_strdup(g->arena, s) : NULL; }

static intptr_t lookup_index(const dl_map *m, const char *key)
{
    void *v = dl_map_get(m, key, strlen(key));
    return v ? (intptr_t)v - 1 : -1;
}

/* The place of this name and country and precision (and division, when
 * both name one: Springfield, Missouri is not Springfield, Illinois), or -1. */
static intptr_t same_place(const dl_gazetteer *g, const char *name, const char *country, dl_place_precision prec,
                           const char *admin1)
{
    char key[KEY_MAX];
    size_t k = make_key(name, strlen(name), key);
    if (!k)
        return -1;
    for (name_ref *r = dl_map_get(g->by_name, key, k); r; r = r->next) {
        const dl_place *p = &g->places[r->place];
        if (!strcmp(p->country, country) && p->precision == prec &&
            (!admin1 || !*admin1 || !p->admin1 || !strcmp(p->admin1, admin1)))
            return r->place;
    }
    return -1;
}

typedef int (*line_fn)(reader *r, char **f, size_t n);

static dl_status read_file(dl_gazetteer *g, const char *dir, const char *file, line_fn fn, bool required)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/gazetteer/%s", dir, file);
    FILE *fp = fopen(path, "r");
    if (!fp) /* the caller says what a missing gazetteer means */
        return required ? DL_ERR_IO : DL_OK;
    reader r = {g, path, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    dl_status st = DL_OK;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        r.line++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!len || line[0] == '#')
            continue;
        char *f[MAX_FIELDS];
        size_t n = split(line, f);
        if (fn(&r, f, n)) {
            st = DL_ERR_NOMEM;
            break;
        }
    }
    free(line);
    fclose(fp);
    return st;
}

/* generic-names.txt: one name a line */
static int generic_line(reader *r, char **f, size_t n)
{
    (void)n;
    char key[KEY_MAX];
    size_t k = make_key(f[0], strlen(f[0]), key);
    return k && dl_map_put(r->g->generic, key, k, (void *)1) ? -1 : 0;
}

/* countries.tsv: alpha3, name, capital, lat, lon, other names */
static int country_line(reader *r, char **f, size_t n)
{
    dl_gazetteer *g = r->g;
    double lat, lon;
    if (n < 5 || !is_alpha3(f[0]) || !*f[1] || !parse_coord(f[3], 90, &lat) || !parse_coord(f[4], 180, &lon)) {
        warn(r, "expected alpha3, name, capital, lat, lon, other names");
        return 0;
    }
    if (lookup_index(g->by_country, f[0]) >= 0) {
        warn(r, "%s is listed twice", f[0]);
        return 0;
    }
    uint32_t i;
    dl_place *p = new_place(g, &i);
    if (!p || !(p->name = intern(g, f[1])) || !(p->country = intern(g, f[0])))
        return -1;
    p->lat = lat, p->lon = lon, p->has_coords = true;
    p->precision = DL_PLACE_COUNTRY;
    if (dl_map_put(g->by_country, f[0], 3, (void *)(intptr_t)(i + 1)) || add_name(g, f[1], strlen(f[1]), i) ||
        add_names(g, f[5], i))
        return -1;
    if (*f[2]) {
        uint32_t c;
        dl_place *cap = new_place(g, &c);
        p = &g->places[i]; /* the array may have moved */
        if (!cap || !(cap->name = intern(g, f[2])))
            return -1;
        cap->country = p->country;
        cap->lat = lat, cap->lon = lon, cap->has_coords = true;
        cap->precision = DL_PLACE_CITY;
        cap->capital = true;
        if (add_name(g, f[2], strlen(f[2]), c))
            return -1;
    }
    return 0;
}

/* iso3166-1.tsv: alpha3, alpha2, name, other names -- more names for a
 * country already listed. */
static int iso_line(reader *r, char **f, size_t n)
{
    intptr_t i = n >= 3 ? lookup_index(r->g->by_country, f[0]) : -1;
    if (i < 0)
        return 0; /* a territory countries.tsv leaves out */
    /* "Korea, Republic of" is no way to write a name in running text */
    if (!strchr(f[2], ',') && add_name(r->g, f[2], strlen(f[2]), (uint32_t)i))
        return -1;
    for (const char *p = f[3]; *p;) {
        size_t k = strcspn(p, ";");
        if (k && !memchr(p, ',', k) && add_name(r->g, p, k, (uint32_t)i))
            return -1;
        p += k + (p[k] == ';');
    }
    return 0;
}

/* admin1.tsv: code, alpha3, name, type, other names */
static int admin1_line(reader *r, char **f, size_t n)
{
    dl_gazetteer *g = r->g;
    if (n < 3 || !is_alpha3(f[1]) || !*f[2] || !strchr(f[0], '-')) {
        warn(r, "expected code, alpha3, name, type, other names");
        return 0;
    }
    intptr_t c = lookup_index(g->by_country, f[1]);
    uint32_t i;
    dl_place *p = new_place(g, &i);
    if (!p || !(p->name = intern(g, f[2])) || !(p->admin1 = intern(g, f[0])))
        return -1;
    p->country = c >= 0 ? g->places[c].country : intern(g, f[1]);
    p->precision = DL_PLACE_REGION;
    if (!p->country || dl_map_put(g->by_admin1, f[0], strlen(f[0]), (void *)(intptr_t)(i + 1)) ||
        add_name(g, f[2], strlen(f[2]), i) || add_names(g, f[4], i))
        return -1;
    return 0;
}

/* regions.tsv: name, alpha3, admin1, lat, lon, other names */
static int region_line(reader *r, char **f, size_t n)
{
    dl_gazetteer *g = r->g;
    double lat, lon;
    if (n < 5 || !*f[0] || !is_alpha3(f[1]) || !parse_coord(f[3], 90, &lat) || !parse_coord(f[4], 180, &lon)) {
        warn(r, "expected name, alpha3, admin1, lat, lon, other names");
        return 0;
    }
    if (lookup_index(g->by_country, f[1]) < 0) {
        warn(r, "unknown country %s (not in countries.tsv)", f[1]);
        return 0;
    }
    intptr_t i = *f[2] ? lookup_index(g->by_admin1, f[2]) : -1;
    if (i >= 0 && strcmp(g->places[i].country, f[1]))
        i = -1;
    if (i < 0)
        i = same_place(g, f[0], f[1], DL_PLACE_REGION, NULL);
    dl_place *p;
    uint32_t k;
    if (i >= 0) {
        k = (uint32_t)i;
        p = &g->places[k];
    } else {
        if (!(p = new_place(g, &k)) || !(p->name = intern(g, f[0])))
            return -1;
        intptr_t c = lookup_index(g->by_country, f[1]);
        p->country = c >= 0 ? g->places[c].country : intern(g, f[1]);
        p->admin1 = intern(g, f[2]);
        p->precision = DL_PLACE_REGION;
        if (!p->country)
            return -1;
    }
    p->lat = lat, p->lon = lon, p->has_coords = true;
    return add_name(g, f[0], strlen(f[0]), k) || add_names(g, f[5], k) ? -1 : 0;
}

/* cities.tsv: name, alpha3, admin1, lat, lon, population, other names */
static int city_line(reader *r, char **f, size_t n)
{
    dl_gazetteer *g = r->g;
    double lat, lon;
    if (n < 5 || !*f[0] || !is_alpha3(f[1]) || !parse_coord(f[3], 90, &lat) || !parse_coord(f[4], 180, &lon)) {
        warn(r, "expected name, alpha3, admin1, lat, lon, population, other names");
        return 0;
    }
    if (lookup_index(g->by_country, f[1]) < 0) {
        warn(r, "unknown country %s (not in countries.tsv)", f[1]);
        return 0;
    }
    long pop = atol(f[5]);
    intptr_t i = same_place(g, f[0], f[1], DL_PLACE_CITY, f[2]);
    uint32_t k;
    dl_place *p;
    if (i >= 0) {
        /* a capital, or a line given twice: add names and size only */
        k = (uint32_t)i;
        p = &g->places[k];
    } else {
        if (!(p = new_place(g, &k)) || !(p->name = intern(g, f[0])))
            return -1;
        intptr_t c = lookup_index(g->by_country, f[1]);
        p->country = c >= 0 ? g->places[c].country : intern(g, f[1]);
        if (!p->country)
            return -1;
        p->lat = lat, p->lon = lon, p->has_coords = true;
        p->precision = DL_PLACE_CITY;
    }
    if (*f[2] && !p->admin1)
        p->admin1 = intern(g, f[2]);
    if (pop > 0 && (uint32_t)pop > p->population)
        p->population = (uint32_t)(pop > 100000000 ? 100000000 : pop);
    return add_name(g, f[0], strlen(f[0]), k) || add_names(g, f[6], k) ? -1 : 0;
}

dl_status dl_gazetteer_open(dl_gazetteer **out, const char *data_dir, dl_diag_fn diag, void *diag_user)
{
    *out = NULL;
    dl_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return DL_ERR_NOMEM;
    g->diag = diag;
    g->diag_user = diag_user;
    g->arena = dl_arena_new(0);
    g->by_name = dl_map_new();
    g->by_country = dl_map_new();
    g->by_admin1 = dl_map_new();
    g->generic = dl_map_new();
    if (!g->arena || !g->by_name || !g->by_country || !g->by_admin1 || !g->generic) {
        dl_gazetteer_close(g);
        return DL_ERR_NOMEM;
    }
    const char *dir = data_dir ? data_dir : dl_data_dir();
    dl_status st;
    if ((st = read_file(g, dir, "generic-names.txt", generic_line, false)) ||
        (st = read_file(g, dir, "countries.tsv", country_line, true)) ||
        (st = read_file(g, dir, "iso3166-1.tsv", iso_line, false)) ||
        (st = read_file(g, dir, "admin1.tsv", admin1_line, false)) ||
        (st = read_file(g, dir, "regions.tsv", region_line, false)) ||
        (st = read_file(g, dir, "cities.tsv", city_line, false))) {
        dl_gazetteer_close(g);
        return st;
    }
    *out = g;
    return DL_OK;
}

void dl_gazetteer_close(dl_gazetteer *g)
{
    if (!g)
        return;
    dl_map_free(g->by_name);
    dl_map_free(g->by_country);
    dl_map_free(g->by_admin1);
    dl_map_free(g->generic);
    dl_arena_free(g->arena);
    free(g);
}

/* ------------------------------------------------------------ lookups */

size_t dl_gazetteer_find(const dl_gazetteer *g, const char *name, size_t len, const dl_place **out, size_t max)
{
    char key[KEY_MAX];
    size_t k = make_key(name, len, key), n = 0;
    if (!k)
        return 0;
    for (name_ref *r = dl_map_get(g->by_name, key, k); r; r = r->next) {
        if (n < max)
            out[n] = &g->places[r->place];
        n++;
    }
    return n;
}

void dl_gaz_context_add(dl_gaz_context *c, const char *alpha3, uint32_t weight)
{
    if (!alpha3 || strlen(alpha3) < 3)
        return;
    for (size_t i = 0; i < c->n; i++)
        if (!memcmp(c->country[i], alpha3, 3)) {
            c->weight[i] += weight;
            return;
        }
    if (c->n == DL_GAZ_CONTEXT_MAX)
        return;
    memcpy(c->country[c->n], alpha3, 3);
    c->country[c->n][3] = 0;
    c->weight[c->n++] = weight;
}

uint32_t dl_gaz_context_weight(const dl_gaz_context *c, const char *alpha3)
{
    if (!c || !alpha3)
        return 0;
    for (size_t i = 0; i < c->n; i++)
        if (!memcmp(c->country[i], alpha3, 3))
            return c->weight[i];
    return 0;
}

/* How much a place is worth without context: a country before its
 * capital, a capital before a region, a region before a city, a big city
 * before a small one. */
static double prior(const dl_place *p)
{
    switch (p->precision) {
    case DL_PLACE_COUNTRY: return 600;
    case DL_PLACE_REGION: return p->has_coords ? 250 : 40;
    default: return (p->capital ? 300 : 0) + (p->population ? 20 * log10(1.0 + p->population) : 0);
    }
}

const dl_place *dl_gazetteer_resolve(const dl_gazetteer *g, const char *name, size_t len,
                                     const dl_gaz_context *context)
{
    const dl_place *cand[32];
    size_t n = dl_gazetteer_find(g, name, len, cand, 32);
    if (n > 32)
        n = 32;
    const dl_place *best = NULL;
    double best_score = -1;
    for (size_t i = 0; i < n; i++) {
        /* the article's countries outweigh every prior: Tripoli in a
         * story about Lebanon is the Lebanese city */
        uint32_t w = dl_gaz_context_weight(context, cand[i]->country);
        double score = prior(cand[i]) + (w ? 1000 + 10.0 * (w > 50 ? 50 : w) : 0);
        if (score > best_score) {
            best = cand[i];
            best_score = score;
        }
    }
    /* A city and a division of the same name in the same country ("New
     * York", "Kirkuk", "Cusco"): news means the city. */
    if (best && best->precision == DL_PLACE_REGION)
        for (size_t i = 0; i < n; i++)
            if (cand[i]->precision == DL_PLACE_CITY && !strcmp(cand[i]->country, best->country) &&
                !strcasecmp(cand[i]->name, best->name))
                return cand[i];
    return best;
}

size_t dl_gazetteer_longest(const dl_gazetteer *g, const char *text, size_t len)
{
    size_t best = 0, end = 0;
    for (int w = 0; w < MAX_WORDS && end < len; w++) {
        /* the next word: letters, digits, and the marks inside names
         * ("Port-au-Prince", "Xi'an", "St. Louis", "Cox's Bazar") */
        while (end < len && text[end] == ' ')
            end++;
        size_t start = end;
        while (end < len) {
            unsigned char c = (unsigned char)text[end];
            if (isalnum(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.')
                end++;
            else
                break;
        }
        if (end == start)
            break;
        /* a full stop after a name ends the sentence ("in Gaza."), unless
         * the name has it ("Washington, D.C.", "St. Louis") */
        char key[KEY_MAX];
        size_t e = end, k;
        for (;;) {
            k = make_key(text, e, key);
            if ((k && dl_map_get(g->by_name, key, k)) || e == start || text[e - 1] != '.')
                break;
            e--;
        }
        while (e > start && text[e - 1] == ' ')
            e--;
        if (k && e > start && dl_map_get(g->by_name, key, k))
            best = e;
        if (end < len && text[end] != ' ')
            break;
    }
    return best;
}

const dl_place *dl_gazetteer_country(const dl_gazetteer *g, const char *alpha3)
{
    intptr_t i = alpha3 ? lookup_index(g->by_country, alpha3) : -1;
    return i >= 0 ? &g->places[i] : NULL;
}

const char *dl_place_precision_name(dl_place_precision p)
{
    switch (p) {
    case DL_PLACE_CITY: return "city";
    case DL_PLACE_REGION: return "region";
    case DL_PLACE_COUNTRY: return "country";
    }
    return NULL;
}

size_t dl_gazetteer_count(const dl_gazetteer *g) { return g->n; }
