/* agent_dict.c: TABARI/PETRARCH agent dictionaries.
 *
 *   !MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
 *   FOREIGN_!MINST! [~GOV]            # @office foreign minister
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
 *   MEDIA {} [~MED]
 *   HUMAN_RIGHTS_BODY [NGO~]
 *
 * A '!NAME!' set expands the entry into one form per member (glued to the
 * neighbouring text as written, so CONGRESS!PERSON! gives CONGRESSMAN).
 * Without a set, the regular plural is generated unless '{}' lists the
 * forms (an empty '{}' means none). */
#include "dict/dict_read.h"
#include "base/arena.h"
#include "base/buf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct subst {
    char name[64];       /* "!MINST!" */
    char **members;
    size_t n;
} subst;

dl_status dl_agent_dict_init(dl_agent_dict *d)
{
    memset(d, 0, sizeof *d);
    return (d->arena = dl_arena_new(1 << 18)) ? DL_OK : DL_ERR_NOMEM;
}

void dl_agent_dict_free(dl_agent_dict *d)
{
    dl_arena_free(d->arena);
    memset(d, 0, sizeof *d);
}

/* The regular English plural of the last word of a phrase. */
static char *plural(dl_arena *arena, const char *phrase)
{
    size_t n = strlen(phrase);
    char *out = dl_arena_alloc(arena, n + 3);
    if (!out)
        return NULL;
    memcpy(out, phrase, n + 1);
    char last = n ? phrase[n - 1] : 0, before = n > 1 ? phrase[n - 2] : 0;
    if (last == 'Y' && !strchr("AEIOU", before))
        strcpy(out + n - 1, "IES");
    else if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (before == 'C' || before == 'S')))
        strcpy(out + n, "ES");
    else
        strcpy(out + n, "S");
    return out;
}

typedef struct form_list {
    const char **items;
    size_t n, cap;
} form_list;

static bool add_form(dl_arena *arena, form_list *fl, const char *raw, size_t len)
{
    char *p = dl_dict_phrase(arena, raw, len);
    if (!p || !*p)
        return p != NULL;
    for (size_t i = 0; i < fl->n; i++)
        if (!strcmp(fl->items[i], p))
            return true;
    const char **slot = dl_arena_push(arena, (void **)&fl->items, &fl->n, &fl->cap, sizeof *slot);
    if (!slot)
        return false;
    *slot = p;
    return true;
}

/* Expands every !SET! in s (recursively, left to right) into forms. */
static bool expand(dl_arena *arena, form_list *fl, const char *s, const subst *sets, size_t n_sets, int depth)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4)
        return add_form(arena, fl, s, strlen(s));
    size_t name_len = (size_t)(b - a + 1);
    for (size_t i = 0; i < n_sets; i++) {
        if (strlen(sets[i].name) != name_len || strncmp(sets[i].name, a, name_len))
            continue;
        for (size_t m = 0; m < sets[i].n; m++) {
            dl_buf tmp = DL_BUF_INIT;
            bool ok = !dl_buf_append(&tmp, s, (size_t)(a - s)) && !dl_buf_puts(&tmp, sets[i].members[m]) &&
                      !dl_buf_puts(&tmp, b + 1) && expand(arena, fl, tmp.data, sets, n_sets, depth + 1);
            dl_buf_free(&tmp);
            if (!ok)
                return false;
        }
        return true;
    }
    return add_form(arena, fl, s, strlen(s)); /* unknown set: keep literally */
}

static void free_sets(subst *sets, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t m = 0; m < sets[i].n; m++)
            free(sets[i].members[m]);
        free(sets[i].members);
    }
    free(sets);
}

/* "!PERSON! = MAN, MEN, WOMAN" */
static bool read_set(subst **sets, size_t *n, char *s)
{
    char *eq = strchr(s, '=');
    char *end = strchr(s + 1, '!');
    if (!eq || !end || end > eq || (size_t)(end - s + 1) >= sizeof(*sets)->name)
        return true; /* not a set line after all; the caller warns */
    subst *grown = realloc(*sets, (*n + 1) * sizeof **sets);
    if (!grown)
        return false;
    *sets = grown;
    subst *set = &grown[(*n)++];
    memset(set, 0, sizeof *set);
    memcpy(set->name, s, (size_t)(end - s + 1));
    for (char *tok = strtok(eq + 1, ","); tok; tok = strtok(NULL, ",")) {
        while (*tok == ' ' || *tok == '\t')
            tok++;
        size_t len = strlen(tok);
        while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
            len--;
        if (!len)
            continue;
        char **m = realloc(set->members, (set->n + 1) * sizeof *m);
        if (!m)
            return false;
        set->members = m;
        if (!(m[set->n] = strndup(tok, len)))
            return false;
        set->n++;
    }
    return true;
}

dl_status dl_agent_dict_load(dl_agent_dict *d, const char *path, dl_diag_fn diag, void *user)
{
    dl_dict_file f;
    dl_status st = dl_dict_file_open(&f, path, diag, user);
    if (st)
        return st;
    const char *file = dl_arena_strdup(d->arena, path);
    subst *sets = NULL;
    size_t n_sets = 0;
    dl_dict_line l;
    while (st == DL_OK && dl_dict_file_next(&f, &l)) {
        char *s = l.text;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        if (*s == '!' && strchr(s, '=')) {
            if (!read_set(&sets, &n_sets, s))
                st = DL_ERR_NOMEM;
            continue;
        }
        char *br = strrchr(s, '[');
        char *close = br ? strchr(br, ']') : NULL;
        if (!br || !close) {
            dl_dict_warn(&f, l.number, "agent without a [code]; skipped");
            continue;
        }
        /* the code: "~GOV" or "NGO~", spaces allowed */
        char code[32];
        size_t k = 0;
        for (char *p = br + 1; p < close && k < sizeof code - 1; p++)
            if (*p != ' ' && *p != '\t')
                code[k++] = *p;
        code[k] = '\0';
        /* "~GOV" appends the role, "NGO~" prefixes it; "~" alone is empty. */
        const char *bare = code;
        size_t bare_len = k;
        bool prefix = false;
        if (bare_len && bare[0] == '~') {
            bare++;
            bare_len--;
        } else if (bare_len && bare[bare_len - 1] == '~') {
            bare_len--;
            prefix = true;
        }
        if (!bare_len) {
            dl_dict_warn(&f, l.number, "empty agent code; skipped");
            continue;
        }
        *br = '\0'; /* the code is read; what is left is "PHRASE {FORMS}" */
        char *brace = strchr(s, '{');
        char *rb = brace ? strchr(brace, '}') : NULL;
        if (brace)
            *brace = '\0';
        form_list fl = {0};
        bool has_set = strchr(s, '!') != NULL;
        if (!expand(d->arena, &fl, s, sets, n_sets, 0)) {
            st = DL_ERR_NOMEM;
            break;
        }
        if (!fl.n) {
            dl_dict_warn(&f, l.number, "agent line without a phrase; skipped");
            continue;
        }
        if (brace) {
            if (!rb) {
                dl_dict_warn(&f, l.number, "unclosed '{' in agent forms; forms ignored");
            } else {
                *rb = '\0';
                for (char *tok = strtok(brace + 1, " \t"); tok && !st; tok = strtok(NULL, " \t"))
                    if (!add_form(d->arena, &fl, tok, strlen(tok)))
                        st = DL_ERR_NOMEM;
            }
        } else if (!has_set) {
            char *pl = plural(d->arena, fl.items[0]);
            if (!pl || !add_form(d->arena, &fl, pl, strlen(pl)))
                st = DL_ERR_NOMEM;
        }
        dl_agent_entry *e = dl_arena_push(d->arena, (void **)&d->entries, &d->n, &d->cap, sizeof *e);
        if (!e) {
            st = DL_ERR_NOMEM;
            break;
        }
        e->phrase = fl.items[0];
        e->forms = fl.items;
        e->n_forms = (uint32_t)fl.n;
        e->code = dl_arena_strndup(d->arena, bare, bare_len);
        e->prefix = prefix;
        e->file = file;
        e->line = l.number;
        if (l.comment && !strncmp(l.comment, "@office ", 8))
            e->office = dl_arena_strdup(d->arena, l.comment + 8);
    }
    free_sets(sets, n_sets);
    dl_dict_file_close(&f);
    return st;
}
