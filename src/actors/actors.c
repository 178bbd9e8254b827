/* actors.c: the actor stage's dictionaries, compiled once into a character
 * trie (dl_actors_open), and the driver that runs the matcher and the
 * resolver over one article (dl_actors_find).
 *
 * Every phrase of every actor entry and every form of every agent goes into
 * one trie under its normalised key (see actor_int.h), with a payload naming
 * the entry. A phrase shared by several entries ("COHEN") keeps them all;
 * the matcher chooses among them with the article's context. */
#include "actors/actor_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"
#include "base/utf8.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ----------------------------------------------------------- normalising */

bool dl_actor_is_hyphen(int32_t cp)
{
    /* '_' joins the words of a name in PETRARCH's input ("Dol_Amroth") as
     * it does in its dictionaries. */
    return cp == '-' || cp == '_' || (cp >= 0x2010 && cp <= 0x2013);
}

static bool is_apostrophe(int32_t cp)
{
    return cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032 || cp == 0x00B4 || cp == 0x0060;
}

size_t dl_actor_norm(char *out, const char *s, size_t n, bool *cap, bool *allcaps)
{
    size_t k = 0;
    bool seen_alnum = false, letters = false, all_up = true;
    *cap = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c == '.')
                continue;
            if (c >= 'a' && c <= 'z') {
                seen_alnum = letters = true;
                all_up = false;
                out[k++] = (char)(c - 32);
            } else if (c >= 'A' && c <= 'Z') {
                if (!seen_alnum)
                    *cap = true;
                seen_alnum = letters = true;
                out[k++] = (char)c;
            } else {
                if (c >= '0' && c <= '9')
                    seen_alnum = true;
                out[k++] = (char)c;
            }
            continue;
        }
        int32_t cp;
        size_t len = dl_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            out[k++] = s[i++];
            continue;
        }
        i += len;
        if (is_apostrophe(cp)) {
            out[k++] = '\'';
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        if (letter) {
            if (!seen_alnum && (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT))
                *cap = true;
            if (cat == UTF8PROC_CATEGORY_LL)
                all_up = false;
            seen_alnum = letters = true;
        }
        /* Accents are stripped so "Erdoğan" meets "ERDOGAN". */
        utf8proc_int32_t dec[4];
        utf8proc_ssize_t m = letter ? utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, NULL) : 0;
        if (m <= 0 || m > 4) {
            dec[0] = cp;
            m = 1;
        }
        for (utf8proc_ssize_t j = 0; j < m; j++)
            k += dl_utf8_encode(letter ? utf8proc_toupper(dec[j]) : dec[j], out + k);
    }
    *allcaps = letters && all_up;
    return k;
}

size_t dl_actor_segment_end(const char *s, size_t n, size_t i, size_t *next)
{
    *next = n + 1;
    while (i < n) {
        int32_t cp;
        size_t len = dl_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            len = 1;
        } else if (dl_actor_is_hyphen(cp)) {
            *next = i + len;
            return i;
        }
        i += len;
    }
    return n;
}

/* Appends the normalised pieces of one word (split at hyphens), separated
 * by single spaces. *first is true until a piece has been written. */
static dl_status key_word(dl_buf *out, const char *w, size_t n, bool *first)
{
    size_t i = 0;
    while (i <= n) {
        size_t next, j = dl_actor_segment_end(w, n, i, &next);
        if (j > i) {
            if (dl_buf_reserve(out, 8 * (j - i) + 2))
                return DL_ERR_NOMEM;
            bool cap, allcaps;
            size_t at = out->len + (*first ? 0 : 1);
            size_t k = dl_actor_norm(out->data + at, w + i, j - i, &cap, &allcaps);
            if (k) {
                if (!*first)
                    out->data[out->len] = ' ';
                out->len = at + k;
                out->data[out->len] = '\0';
                *first = false;
            }
        }
        i = next;
    }
    return DL_OK;
}

dl_status dl_actor_key(dl_buf *out, const char *phrase)
{
    bool first = true;
    const char *p = phrase;
    while (*p) {
        while (*p == ' ' || *p == '_' || *p == '\t')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '_' && *e != '\t')
            e++;
        if (e > p && key_word(out, p, (size_t)(e - p), &first))
            return DL_ERR_NOMEM;
        p = e;
    }
    if (dl_buf_reserve(out, 1))
        return DL_ERR_NOMEM;
    out->data[out->len] = '\0';
    return DL_OK;
}

/* ------------------------------------------------------------------ trie */

static uint32_t new_node(dl_actors *a, unsigned char c)
{
    if (a->n_nodes == a->cap_nodes) {
        size_t cap = a->cap_nodes ? a->cap_nodes * 2 : 1 << 14;
        dl_trie_node *grown = realloc(a->nodes, cap * sizeof *grown);
        if (!grown)
            return 0;
        a->nodes = grown;
        a->cap_nodes = cap;
    }
    dl_trie_node *node = &a->nodes[a->n_nodes];
    memset(node, 0, sizeof *node);
    node->byte = c;
    return (uint32_t)a->n_nodes++;
}

/* Inserts key and adds a payload at its end. */
static dl_status trie_add(dl_actors *a, const char *key, size_t n, uint8_t type, uint32_t index, bool plural)
{
    if (!n)
        return DL_OK;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key[i];
        uint32_t next = dl_trie_step(a, node, c);
        if (!next) {
            if (!(next = new_node(a, c)))
                return DL_ERR_NOMEM;
            if (node == 0) {
                a->root[c] = next;
            } else {
                a->nodes[next].sibling = a->nodes[node].child;
                a->nodes[node].child = next;
            }
        }
        node = next;
    }
    /* The same entry twice under one key (a synonym repeating the name)
     * would only make the matcher weigh it twice. */
    for (uint32_t p = a->nodes[node].payload; p; p = a->pays[p - 1].next)
        if (a->pays[p - 1].type == type && a->pays[p - 1].index == index)
            return DL_OK;
    if (a->n_pays == a->cap_pays) {
        size_t cap = a->cap_pays ? a->cap_pays * 2 : 1 << 12;
        dl_trie_payload *grown = realloc(a->pays, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        a->pays = grown;
        a->cap_pays = cap;
    }
    /* Appended at the end of the node's list, so entries keep file order:
     * the first loaded wins ties. */
    dl_trie_payload *pay = &a->pays[a->n_pays];
    pay->index = index;
    pay->type = type;
    pay->plural = plural;
    pay->next = 0;
    uint32_t id = (uint32_t)++a->n_pays;
    uint32_t *link = &a->nodes[node].payload;
    while (*link)
        link = &a->pays[*link - 1].next;
    *link = id;
    return DL_OK;
}

uint32_t dl_trie_find(const dl_actors *a, const char *s, size_t n)
{
    uint32_t node = 0;
    for (size_t i = 0; i < n && (i == 0 || node); i++)
        node = dl_trie_step(a, node, (unsigned char)s[i]);
    return n ? node : 0;
}

/* Is the last word of an agent form a plural? The readers list plurals as
 * further forms, but sets (!MINST! = MINISTER, MINISTRY, ...) mix them with
 * other words, so the word itself is read. */
static bool plural_form(const char *form)
{
    const char *w = strrchr(form, ' ');
    w = w ? w + 1 : form;
    size_t n = strlen(w);
    if (n >= 3 && !strcmp(w + n - 3, "MEN"))
        return true;
    if (!strcmp(w, "PEOPLE") || !strcmp(w, "CHILDREN") || !strcmp(w, "POLICE") || !strcmp(w, "STAFF"))
        return !strcmp(w, "PEOPLE") || !strcmp(w, "CHILDREN");
    if (n < 3 || w[n - 1] != 'S')
        return false;
    char b = w[n - 2];
    return b != 'S' && b != 'U' && b != 'I';
}

/* ------------------------------------------------------------- offices */

/* The canonical office of an office as written in an actor dictionary:
 * the @office of the agent whose form covers the longest tail of it
 * ("idf spokesperson" -> the agent IDF SPOKESPERSON -> "military
 * spokesperson"; "defense secretary" -> "defence minister"), else NULL. */
static const char *canonical_office(const dl_actors *a, const char *office, dl_buf *tmp)
{
    dl_buf_clear(tmp);
    if (dl_actor_key(tmp, office) || !tmp->len)
        return NULL;
    const char *s = tmp->data;
    for (size_t at = 0; at < tmp->len; at++) {
        if (at && s[at - 1] != ' ')
            continue;
        uint32_t node = dl_trie_find(a, s + at, tmp->len - at);
        if (!node)
            continue;
        for (uint32_t p = a->nodes[node].payload; p; p = a->pays[p - 1].next)
            if (a->pays[p - 1].type == DL_PAY_AGENT && a->agents.entries[a->pays[p - 1].index].office)
                return a->agents.entries[a->pays[p - 1].index].office;
    }
    return NULL;
}

static dl_status build_offices(dl_actors *a)
{
    size_t total = 0;
    a->canon_base = calloc(a->actors.n + 1, sizeof *a->canon_base);
    if (!a->canon_base)
        return DL_ERR_NOMEM;
    for (size_t e = 0; e < a->actors.n; e++) {
        a->canon_base[e] = (uint32_t)total;
        total += a->actors.entries[e].n_codes;
    }
    a->canon = calloc(total + 1, sizeof *a->canon);
    a->office = calloc(total + 1, sizeof *a->office);
    if (!a->canon || !a->office)
        return DL_ERR_NOMEM;
    dl_buf tmp = DL_BUF_INIT;
    for (size_t e = 0; e < a->actors.n; e++) {
        const dl_actor_entry *entry = &a->actors.entries[e];
        for (uint32_t k = 0; k < entry->n_codes; k++) {
            const char *raw = entry->codes[k].office;
            if (!raw)
                continue;
            /* Remarks after the office are for the dictionary's readers:
             * "(also ...)", "# approx". */
            size_t n = strcspn(raw, "#(");
            while (n && (raw[n - 1] == ' ' || raw[n - 1] == '\t'))
                n--;
            if (!n)
                continue;
            const char *office = dl_arena_strndup(a->actors.arena, raw, n);
            if (!office) {
                dl_buf_free(&tmp);
                return DL_ERR_NOMEM;
            }
            a->office[a->canon_base[e] + k] = office;
            a->canon[a->canon_base[e] + k] = canonical_office(a, office, &tmp);
        }
    }
    dl_buf_free(&tmp);
    return DL_OK;
}

const char *dl_actor_office(const dl_actors *a, const dl_actor_entry *e, const dl_actor_code *c)
{
    size_t idx = (size_t)(e - a->actors.entries);
    if (!c || idx >= a->actors.n || c < e->codes || c >= e->codes + e->n_codes)
        return NULL;
    return a->office[a->canon_base[idx] + (uint32_t)(c - e->codes)];
}

/* ---------------------------------------------------------------- loading */

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Reports a problem with a whole file (one the readers could not open). */
static void report(const dl_actors_options *o, dl_status st, const char *path, const char *message)
{
    if (!o->diag)
        return;
    dl_diag d = {DL_ERROR, st, path, 0, 0, message};
    o->diag(o->diag_user, &d);
}

static dl_status load_actors(dl_actors *a, const dl_actors_options *o, const char *data_dir)
{
    if (o->n_actor_files) {
        for (size_t i = 0; i < o->n_actor_files; i++) {
            dl_status st = dl_actor_dict_load(&a->actors, o->actor_files[i], o->diag, o->diag_user);
            if (st) {
                if (st == DL_ERR_IO)
                    report(o, st, o->actor_files[i], "cannot read the actor dictionary");
                return st;
            }
        }
        return DL_OK;
    }
    dl_buf pattern = DL_BUF_INIT;
    if (dl_buf_printf(&pattern, "%s/actors/*.txt", data_dir))
        return DL_ERR_NOMEM;
    glob_t g;
    int rc = glob(pattern.data, 0, NULL, &g);
    dl_status st = DL_OK;
    if (rc != 0) {
        report(o, DL_ERR_IO, pattern.data, "no actor dictionaries found");
        st = rc == GLOB_NOSPACE ? DL_ERR_NOMEM : DL_ERR_IO;
    } else {
        /* glob sorts, but by the locale; byte order keeps runs identical. */
        qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, cmp_str);
        for (size_t i = 0; i < g.gl_pathc && !st; i++)
            st = dl_actor_dict_load(&a->actors, g.gl_pathv[i], o->diag, o->diag_user);
        globfree(&g);
    }
    dl_buf_free(&pattern);
    return st;
}

static dl_status load_agents(dl_actors *a, const dl_actors_options *o, const char *data_dir)
{
    if (o->n_agent_files) {
        for (size_t i = 0; i < o->n_agent_files; i++) {
            dl_status st = dl_agent_dict_load(&a->agents, o->agent_files[i], o->diag, o->diag_user);
            if (st) {
                if (st == DL_ERR_IO)
                    report(o, st, o->agent_files[i], "cannot read the agent dictionary");
                return st;
            }
        }
        return DL_OK;
    }
    dl_buf path = DL_BUF_INIT;
    if (dl_buf_printf(&path, "%s/agents.txt", data_dir))
        return DL_ERR_NOMEM;
    dl_status st = dl_agent_dict_load(&a->agents, path.data, o->diag, o->diag_user);
    if (st == DL_ERR_IO)
        report(o, st, path.data, "cannot read the agent dictionary");
    dl_buf_free(&path);
    return st;
}

/* Nodes with many children get a 256-entry table, so that matching does
 * not walk a long sibling list at every letter of the text. */
static dl_status build_tables(dl_actors *a)
{
    enum { MANY = 12 };
    size_t n = 0;
    for (size_t i = 1; i < a->n_nodes; i++) {
        int k = 0;
        for (uint32_t c = a->nodes[i].child; c && k <= MANY; c = a->nodes[c].sibling)
            k++;
        if (k > MANY)
            a->nodes[i].table = (uint32_t)++n;
    }
    if (!n)
        return DL_OK;
    a->tables = calloc(256 * n, sizeof *a->tables);
    if (!a->tables)
        return DL_ERR_NOMEM;
    for (size_t i = 1; i < a->n_nodes; i++)
        if (a->nodes[i].table)
            for (uint32_t c = a->nodes[i].child; c; c = a->nodes[c].sibling)
                a->tables[256 * (size_t)(a->nodes[i].table - 1) + a->nodes[c].byte] = c;
    return DL_OK;
}

static dl_status compile(dl_actors *a)
{
    dl_buf key = DL_BUF_INIT;
    dl_status st = DL_OK;
    new_node(a, 0); /* the root, index 0 */
    if (a->n_nodes != 1)
        return DL_ERR_NOMEM;
    for (size_t e = 0; e < a->actors.n && !st; e++) {
        const dl_actor_entry *entry = &a->actors.entries[e];
        for (uint32_t k = 0; k < entry->n_phrases && !st; k++) {
            dl_buf_clear(&key);
            if (!(st = dl_actor_key(&key, entry->phrases[k])))
                st = trie_add(a, key.data, key.len, DL_PAY_ACTOR, (uint32_t)e, false);
        }
    }
    for (size_t g = 0; g < a->agents.n && !st; g++) {
        const dl_agent_entry *agent = &a->agents.entries[g];
        for (uint32_t k = 0; k < agent->n_forms && !st; k++) {
            dl_buf_clear(&key);
            if (!(st = dl_actor_key(&key, agent->forms[k])))
                st = trie_add(a, key.data, key.len, DL_PAY_AGENT, (uint32_t)g, plural_form(key.data));
        }
    }
    dl_buf_free(&key);
    if (!st)
        st = build_tables(a);
    return st ? st : build_offices(a);
}

void dl_actors_close(dl_actors *a)
{
    if (!a)
        return;
    dl_actor_dict_free(&a->actors);
    dl_agent_dict_free(&a->agents);
    free(a->nodes);
    free(a->tables);
    free(a->pays);
    free(a->canon);
    free(a->office);
    free(a->canon_base);
    free(a);
}

dl_status dl_actors_open(dl_actors **out, const dl_actors_options *options)
{
    dl_actors_options defaults = DL_ACTORS_OPTIONS_INIT;
    const dl_actors_options *o = options ? options : &defaults;
    if (!out)
        return DL_ERR_ARG;
    *out = NULL;
    dl_actors *a = calloc(1, sizeof *a);
    if (!a)
        return DL_ERR_NOMEM;
    const char *data_dir = o->data_dir ? o->data_dir : dl_data_dir();
    a->country_as_government = o->country_as_government;
    a->infer_context = o->infer_context;
    a->diag = o->diag;
    a->diag_user = o->diag_user;
    dl_status st = dl_actor_dict_init(&a->actors);
    if (!st)
        st = dl_agent_dict_init(&a->agents);
    if (!st)
        st = load_actors(a, o, data_dir);
    if (!st)
        st = load_agents(a, o, data_dir);
    if (!st)
        st = compile(a);
    if (st) {
        dl_actors_close(a);
        return st;
    }
    *out = a;
    return DL_OK;
}

/* ------------------------------------------------------- shared helpers */

/* Without a date, the latest period: the one that ends last (an open end
 * is latest of all), so an undated article about Gallant finds the
 * defence minister rather than the former official. */
const dl_actor_code *dl_actor_code_of(const dl_actor_ctx *ctx, const dl_actor_entry *e)
{
    if (ctx->date)
        return dl_actor_code_on(e, ctx->date);
    const dl_actor_code *best = NULL;
    for (uint32_t k = 0; k < e->n_codes; k++) {
        const dl_actor_code *c = &e->codes[k];
        if (!c->from && !c->to)
            continue;
        /* The context is the caller's own (dl_actors_find's stack); it is
         * const here only because lookups do not change what was found. */
        ((dl_actor_ctx *)ctx)->undated_choice = true;
        int64_t end = c->to ? c->to : INT64_MAX, best_end = best ? (best->to ? best->to : INT64_MAX) : -1;
        if (end > best_end || (end == best_end && c->from > best->from))
            best = c;
    }
    return best ? best : dl_actor_code_on(e, 0);
}

const char *dl_actor_kind(const dl_actor_entry *e)
{
    if (e->kind)
        return e->kind;
    /* Dictionaries without dateline's @KIND: people are the entries whose
     * codes change with dates, countries the bare three-letter codes. */
    for (uint32_t k = 0; k < e->n_codes; k++)
        if (e->codes[k].from || e->codes[k].to)
            return "person";
    if (e->n_codes && strlen(e->codes[0].code) == 3)
        return "country";
    return "organisation";
}

/* The key of a person's surname: the last word of the primary phrase that
 * is not a suffix ("JR", "III"), normalised. */
static const char *surname_key(dl_arena *arena, const char *phrase)
{
    dl_buf key = DL_BUF_INIT;
    if (dl_actor_key(&key, phrase))
        return NULL;
    char *s = key.data;
    size_t n = key.len;
    const char *found = NULL;
    while (n) {
        size_t b = n;
        while (b && s[b - 1] != ' ')
            b--;
        const char *w = s + b;
        size_t wn = n - b;
        bool suffix = (wn == 2 && !memcmp(w, "JR", 2)) || (wn == 2 && !memcmp(w, "SR", 2)) ||
                      (wn == 2 && !memcmp(w, "II", 2)) || (wn == 3 && !memcmp(w, "III", 3));
        if (!suffix || !b) {
            found = dl_arena_strndup(arena, w, wn);
            break;
        }
        n = b - 1;
    }
    dl_buf_free(&key);
    return found;
}

const dl_alias *dl_actor_find_alias(const dl_actor_ctx *ctx, const char *key, size_t n)
{
    if (!ctx->alias_map)
        return NULL;
    uintptr_t i = (uintptr_t)dl_map_get(ctx->alias_map, key, n);
    return i ? &ctx->aliases[i - 1] : NULL;
}

int32_t dl_actor_entry_entity(const dl_actor_ctx *ctx, const dl_actor_entry *e)
{
    char k[1 + sizeof e];
    k[0] = 'e';
    memcpy(k + 1, &e, sizeof e);
    uintptr_t i = ctx->entity_map ? (uintptr_t)dl_map_get(ctx->entity_map, k, sizeof k) : 0;
    return (int32_t)i - 1;
}

/* Countries whose people are named family name first, so that "Xi" after
 * "Xi Jinping" is the same man. */
static bool family_name_first(const dl_actor_ctx *ctx, const dl_actor_entry *e)
{
    static const char *const countries[] = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM"};
    for (uint32_t k = 0; k < e->n_codes; k++)
        for (size_t i = 0; i < sizeof countries / sizeof *countries; i++)
            if (!strncmp(e->codes[k].code, countries[i], 3))
                return true;
    (void)ctx;
    return false;
}

static dl_status put_alias(dl_actor_ctx *ctx, const char *key, const dl_actor_entry *entry, const char *name);

dl_status dl_actor_add_alias(dl_actor_ctx *ctx, const dl_actor_entry *entry, const char *name)
{
    const char *key = surname_key(ctx->arena, entry ? entry->name : name);
    if (!key)
        return DL_ERR_NOMEM;
    /* A one-word name is its own key; it needs no alias. */
    if (!strcmp(key, entry ? entry->name : name) || !strchr(entry ? entry->name : name, ' '))
        return DL_OK;
    if (entry && family_name_first(ctx, entry)) {
        dl_buf first = DL_BUF_INIT;
        dl_status st = dl_actor_key(&first, entry->name);
        if (!st && first.len) {
            size_t n = strcspn(first.data, " ");
            const char *fk = dl_arena_strndup(ctx->arena, first.data, n);
            st = fk ? put_alias(ctx, fk, entry, name) : DL_ERR_NOMEM;
        }
        dl_buf_free(&first);
        if (st)
            return st;
    }
    return put_alias(ctx, key, entry, name);
}

static dl_status put_alias(dl_actor_ctx *ctx, const char *key, const dl_actor_entry *entry, const char *name)
{
    const dl_alias *old = dl_actor_find_alias(ctx, key, strlen(key));
    if (old && old->entry == entry && (entry || !strcmp(old->name, name)))
        return DL_OK;
    if (ctx->n_aliases == ctx->cap_aliases) {
        size_t cap = ctx->cap_aliases ? ctx->cap_aliases * 2 : 16;
        dl_alias *grown = dl_arena_grow(ctx->arena, ctx->aliases, ctx->n_aliases * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        ctx->aliases = grown;
        ctx->cap_aliases = cap;
    }
    ctx->aliases[ctx->n_aliases++] = (dl_alias){key, entry, name};
    /* The latest holder of a surname wins. */
    if (!ctx->alias_map && !(ctx->alias_map = dl_map_new()))
        return DL_ERR_NOMEM;
    if (dl_map_put(ctx->alias_map, key, strlen(key), (void *)(uintptr_t)ctx->n_aliases))
        return DL_ERR_NOMEM;
    return DL_OK;
}

/* ----------------------------------------------------------------- find */

dl_status dl_actors_find(dl_mention **mentions, size_t *n_mentions, const dl_actors *actors,
                         const dl_article *article, const dl_sentence *sentences,
                         size_t n_sentences, int32_t date, dl_arena *arena)
{
    if (!mentions || !n_mentions || !actors || !arena || (n_sentences && !sentences))
        return DL_ERR_ARG;
    *mentions = NULL;
    *n_mentions = 0;
    dl_actor_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.actors = actors;
    ctx.article = article;
    ctx.date = date;
    ctx.arena = arena;
    ctx.entity_map = dl_map_new();
    dl_status st = ctx.entity_map ? DL_OK : DL_ERR_NOMEM;
    for (size_t i = 0; i < n_sentences && !st; i++) {
        if (!(st = dl_actor_scan(&ctx, &sentences[i])))
            st = dl_actor_compose(&ctx);
    }
    if (!st)
        st = dl_actor_infer(&ctx, sentences, n_sentences);
    if (!st && !date && ctx.undated_choice && actors->diag) {
        /* Codes that change with the date were chosen without one: say
         * so, naming the article, rather than code silently with today's
         * office holders. */
        dl_buf msg = DL_BUF_INIT;
        if (!dl_buf_printf(&msg, "article %s has no date: codes that depend on it use the latest period "
                                 "(give --date or a date in the input)",
                           article && article->id ? article->id : "(no id)")) {
            dl_diag d = {DL_WARNING, DL_OK, article && article->source ? article->source : "-", 0, 0, msg.data};
            actors->diag(actors->diag_user, &d);
        }
        dl_buf_free(&msg);
    }
    dl_buf_free(&ctx.text);
    dl_map_free(ctx.entity_map);
    dl_map_free(ctx.alias_map);
    free(ctx.pieces);
    free(ctx.atoms);
    if (st)
        return st;
    *mentions = ctx.mentions;
    *n_mentions = ctx.n_mentions;
    return DL_OK;
}
