/* actor_dict.c: TABARI/PETRARCH actor dictionaries.
 *
 *   YOAV_GALLANT            # @person Yoav Gallant
 *   +GALLANT_YOAV
 *       [ISRGOV 20221229-20241107]  # defence minister
 *       [ISRELI]
 *   ISRAEL [ISR]
 *
 * A line at column 0 starts an entry (its code may follow on the line); '+'
 * lines add synonyms; indented '[...]' lines add codes, with an optional
 * date restriction: "A-B" (inclusive), ">D" (from D on), "<D" (before D).
 * TABARI's six-digit dates are read as well as eight-digit ones. */
#include "dict/dict_read.h"
#include "base/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

dl_status dl_actor_dict_init(dl_actor_dict *d)
{
    memset(d, 0, sizeof *d);
    return (d->arena = dl_arena_new(1 << 20)) ? DL_OK : DL_ERR_NOMEM;
}

void dl_actor_dict_free(dl_actor_dict *d)
{
    dl_arena_free(d->arena);
    memset(d, 0, sizeof *d);
}

/* Parses the inside of "[...]": "ISRGOV 20221229-20241107", "HOB < 950601",
 * "HOBGOV 19950601 - 19990815". Returns false when malformed. */
static bool parse_code(dl_arena *arena, const char *s, size_t n, dl_actor_code *out)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    size_t c = 0;
    while (c < n && !isspace((unsigned char)s[c]) && s[c] != '<' && s[c] != '>')
        c++;
    if (!c)
        return false;
    out->code = dl_arena_strndup(arena, s, c);
    out->from = out->to = 0;
    /* the restriction, with all spaces removed */
    char r[64];
    size_t k = 0;
    for (size_t i = c; i < n && k < sizeof r - 1; i++)
        if (!isspace((unsigned char)s[i]))
            r[k++] = s[i];
    r[k] = '\0';
    if (!k)
        return out->code != NULL;
    if (r[0] == '<' || r[0] == '>') {
        int32_t date = dl_dict_parse_date(r + 1, k - 1);
        if (date < 0)
            return false;
        if (r[0] == '<')
            out->to = date - 1; /* integer order is enough for comparisons */
        else
            out->from = date;
        return true;
    }
    char *dash = strchr(r, '-');
    if (!dash)
        return false;
    int32_t a = dl_dict_parse_date(r, (size_t)(dash - r));
    int32_t b = dl_dict_parse_date(dash + 1, strlen(dash + 1));
    if (a < 0 || b < 0)
        return false;
    out->from = a;
    out->to = b;
    return true;
}

/* "YOAV GALLANT" -> "Yoav Gallant"; short all-consonant words (IMF, US)
 * and words with periods (U.S.) stay as written. */
static const char *title_case(dl_arena *arena, const char *phrase)
{
    char *out = dl_arena_strdup(arena, phrase);
    if (!out)
        return NULL;
    for (char *w = out; *w;) {
        char *e = w;
        bool vowel = false, dot = false;
        while (*e && *e != ' ') {
            vowel |= strchr("AEIOUY", *e) != NULL;
            dot |= *e == '.';
            e++;
        }
        if (vowel && !dot && e - w > 1)
            for (char *p = w + 1; p < e; p++)
                *p = (char)tolower((unsigned char)*p);
        w = *e ? e + 1 : e;
    }
    return out;
}

static const char *const kinds[] = {"person", "organisation", "country", "place", "group", "media"};

typedef struct builder {
    dl_actor_dict *d;
    dl_actor_entry *cur;
    size_t phr_cap, code_cap;
} builder;

static bool add_phrase(builder *b, const char *s, size_t n)
{
    char *p = dl_dict_phrase(b->d->arena, s, n);
    if (!p)
        return false;
    if (!*p)
        return true;
    size_t n_phr = b->cur->n_phrases;
    const char **slot = dl_arena_push(b->d->arena, (void **)&b->cur->phrases, &n_phr, &b->phr_cap,
                                     sizeof *slot);
    if (!slot)
        return false;
    *slot = p;
    b->cur->n_phrases = (uint32_t)n_phr;
    return true;
}

static bool add_code(builder *b, const dl_actor_code *code)
{
    size_t n = b->cur->n_codes;
    dl_actor_code *slot = dl_arena_push(b->d->arena, (void **)&b->cur->codes, &n, &b->code_cap, sizeof *slot);
    if (!slot)
        return false;
    *slot = *code;
    b->cur->n_codes = (uint32_t)n;
    return true;
}

/* Reads every "[...]" group in s into codes of the current entry. */
static bool read_codes(builder *b, const dl_dict_file *f, const char *s, uint32_t line, const char *office)
{
    const char *p = s;
    while ((p = strchr(p, '['))) {
        const char *e = strchr(p, ']');
        if (!e) {
            dl_dict_warn(f, line, "unclosed '[' in actor code; line skipped");
            return true;
        }
        dl_actor_code code = {0};
        if (!parse_code(b->d->arena, p + 1, (size_t)(e - p - 1), &code)) {
            dl_dict_warn(f, line, "malformed actor code \"%.*s\"; skipped", (int)(e - p + 1), p);
        } else {
            code.office = office ? dl_arena_strdup(b->d->arena, office) : NULL;
            if (!add_code(b, &code))
                return false;
        }
        p = e + 1;
    }
    return true;
}

dl_status dl_actor_dict_load(dl_actor_dict *d, const char *path, dl_diag_fn diag, void *user)
{
    dl_dict_file f;
    dl_status st = dl_dict_file_open(&f, path, diag, user);
    if (st)
        return st;
    const char *file = dl_arena_strdup(d->arena, path);
    builder b = {d, NULL, 0, 0};
    dl_dict_line l;
    while (st == DL_OK && dl_dict_file_next(&f, &l)) {
        char *s = l.text;
        if (!*s)
            continue;
        bool indented = *s == ' ' || *s == '\t';
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        if (*s == '[') {
            if (!b.cur)
                dl_dict_warn(&f, l.number, "code line before any actor; skipped");
            else if (!read_codes(&b, &f, s, l.number, l.comment))
                st = DL_ERR_NOMEM;
            continue;
        }
        if (*s == '+' || indented) {
            if (*s == '+')
                s++;
            if (!b.cur) {
                dl_dict_warn(&f, l.number, "synonym before any actor; skipped");
                continue;
            }
            char *br = strchr(s, '[');
            if (!add_phrase(&b, s, br ? (size_t)(br - s) : strlen(s)) ||
                (br && !read_codes(&b, &f, br, l.number, l.comment)))
                st = DL_ERR_NOMEM;
            continue;
        }
        /* a new entry */
        dl_actor_entry *e = dl_arena_push(d->arena, (void **)&d->entries, &d->n, &d->cap, sizeof *e);
        if (!e) {
            st = DL_ERR_NOMEM;
            break;
        }
        b.cur = e;
        b.phr_cap = b.code_cap = 0;
        e->file = file;
        e->line = l.number;
        char *br = strchr(s, '[');
        if (!add_phrase(&b, s, br ? (size_t)(br - s) : strlen(s))) {
            st = DL_ERR_NOMEM;
            break;
        }
        if (!e->n_phrases) {
            dl_dict_warn(&f, l.number, "actor line without a name; skipped");
            d->n--;
            b.cur = NULL;
            continue;
        }
        e->name = e->phrases[0];
        const char *office = NULL;
        if (l.comment && l.comment[0] == '@') {
            /* "@person Yoav Gallant" */
            char *k = l.comment + 1, *sp = strchr(k, ' ');
            size_t kn = sp ? (size_t)(sp - k) : strlen(k);
            for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
                if (strlen(kinds[i]) == kn && strncmp(kinds[i], k, kn) == 0)
                    e->kind = kinds[i];
            if (!e->kind)
                dl_dict_warn(&f, l.number, "unknown actor kind \"@%.*s\"", (int)kn, k);
            if (sp && sp[1])
                e->display = dl_arena_strdup(d->arena, sp + 1);
        } else {
            office = l.comment;
        }
        if (!e->display)
            e->display = title_case(d->arena, e->name);
        if (br && !read_codes(&b, &f, br, l.number, office))
            st = DL_ERR_NOMEM;
    }
    dl_dict_file_close(&f);
    return st;
}

const dl_actor_code *dl_actor_code_on(const dl_actor_entry *e, int32_t date)
{
    const dl_actor_code *undated = NULL, *last = NULL;
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const dl_actor_code *c = &e->codes[i];
        if (!c->from && !c->to) {
            undated = c;
            continue;
        }
        last = c;
        if (date && (!c->from || date >= c->from) && (!c->to || date <= c->to))
            return c;
    }
    if (undated)
        return undated;
    /* No date given: the latest dated code is the best guess. */
    return date ? NULL : last;
}
