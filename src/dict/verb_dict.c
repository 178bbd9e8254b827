/* verb_dict.c: TABARI/PETRARCH verb dictionaries.
 *
 *   &AIRSTRIKE                      a synset and its members
 *   +AIR_STRIKE
 *
 *   --- ATTACK  [190]  ---          a block: its name and default code
 *   ATTACK                          the verb (the first line of the block)
 *   STRIKE {STRUCK STRIKES}         more verbs, irregular forms in braces
 *   +BREAK_DOWN [0874]              a synonym, with its own code
 *   - * + WITH &AIRSTRIKE [195]     a pattern
 *
 * '+' inside a verb phrase ("WIRE_+TAP") marks the word that inflects; it
 * is removed from the stored phrase. Header codes like "[013:012]" keep the
 * second code as alt_code. */
#include "dict/dict_read.h"
#include "base/arena.h"

#include <ctype.h>
#include <string.h>

dl_status dl_verb_dict_init(dl_verb_dict *d)
{
    memset(d, 0, sizeof *d);
    return (d->arena = dl_arena_new(1 << 20)) ? DL_OK : DL_ERR_NOMEM;
}

void dl_verb_dict_free(dl_verb_dict *d)
{
    dl_arena_free(d->arena);
    memset(d, 0, sizeof *d);
}

const dl_synset *dl_verb_dict_synset(const dl_verb_dict *d, const char *name)
{
    for (size_t i = 0; i < d->n_synsets; i++)
        if (!strcmp(d->synsets[i].name, name))
            return &d->synsets[i];
    return NULL;
}

/* The text of the last "[...]" in s: sets *code, cuts s before it. */
static bool take_code(dl_arena *arena, char *s, const char **code, const char **alt)
{
    char *br = strrchr(s, '[');
    char *close = br ? strchr(br, ']') : NULL;
    *code = NULL;
    if (alt)
        *alt = NULL;
    if (!br || !close)
        return true;
    char *p = br + 1;
    while (*p == ' ')
        p++;
    char *e = close;
    while (e > p && e[-1] == ' ')
        e--;
    char *colon = memchr(p, ':', (size_t)(e - p));
    if (colon && alt)
        *alt = dl_arena_strndup(arena, colon + 1, (size_t)(e - colon - 1));
    *code = dl_arena_strndup(arena, p, (size_t)((colon ? colon : e) - p));
    *br = '\0';
    return *code != NULL;
}

/* A verb phrase without its '+' head marks, normalised. */
static char *verb_phrase(dl_arena *arena, const char *s, size_t n)
{
    char tmp[256];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof tmp - 1; i++)
        if (s[i] != '+')
            tmp[k++] = s[i];
    return dl_dict_phrase(arena, tmp, k);
}

static dl_status add_verb(dl_verb_dict *d, char *s, uint32_t block, const dl_dict_file *f, uint32_t line,
                         const char *comment)
{
    const char *code;
    if (!take_code(d->arena, s, &code, NULL))
        return DL_ERR_NOMEM;
    char *brace = strchr(s, '{');
    dl_verb_entry *v = dl_arena_push(d->arena, (void **)&d->verbs, &d->n_verbs, &d->cap_verbs, sizeof *v);
    if (!v)
        return DL_ERR_NOMEM;
    size_t phrase_len = brace ? (size_t)(brace - s) : strlen(s);
    v->phrase = verb_phrase(d->arena, s, phrase_len);
    v->code = code;
    /* "WIRE_+TAP": the head is the word after '+' (here the second) */
    const char *plus = memchr(s, '+', phrase_len);
    if (plus)
        for (const char *c = s; c < plus; c++)
            v->head += (*c == '_' || *c == ' ') && c > s && c[-1] != '_' && c[-1] != ' ';
    v->block = block;
    if (!v->phrase)
        return DL_ERR_NOMEM;
    if (!*v->phrase) {
        d->n_verbs--;
        dl_dict_warn(f, line, "verb line without a verb; skipped");
        return DL_OK;
    }
    if (brace) {
        char *rb = strchr(brace, '}');
        if (!rb) {
            dl_dict_warn(f, line, "unclosed '{' in verb forms; forms ignored");
            return DL_OK;
        }
        size_t n = 0, cap = 0;
        const char **forms = NULL;
        for (char *p = brace + 1; p < rb;) {
            while (p < rb && (*p == ' ' || *p == '\t'))
                p++;
            char *e = p;
            while (e < rb && *e != ' ' && *e != '\t')
                e++;
            if (e > p) {
                const char **slot = dl_arena_push(d->arena, (void **)&forms, &n, &cap, sizeof *slot);
                if (!slot || !(*slot = verb_phrase(d->arena, p, (size_t)(e - p))))
                    return DL_ERR_NOMEM;
            }
            p = e;
        }
        v->forms = forms;
        v->n_forms = (uint32_t)n;
    }
    return DL_OK;
}

dl_status dl_verb_dict_load(dl_verb_dict *d, const char *path, dl_diag_fn diag, void *user)
{
    dl_dict_file f;
    dl_status st = dl_dict_file_open(&f, path, diag, user);
    if (st)
        return st;
    const char *file = dl_arena_strdup(d->arena, path);
    dl_synset *set = NULL;         /* the synset being read, if any */
    size_t set_cap = 0;
    dl_verb_block *block = NULL;   /* the block being read, if any */
    dl_dict_line l;
    while (st == DL_OK && dl_dict_file_next(&f, &l)) {
        char *s = l.text;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s) {
            set = NULL; /* a blank line ends a synset */
            continue;
        }
        if (*s == '&') {
            set = dl_arena_push(d->arena, (void **)&d->synsets, &d->n_synsets, &d->cap_synsets, sizeof *set);
            if (!set) {
                st = DL_ERR_NOMEM;
                break;
            }
            size_t n = 0;
            while (s[n] && s[n] != ' ' && s[n] != '\t')
                n++;
            set->name = dl_dict_phrase(d->arena, s, n);
            set_cap = 0;
            block = NULL;
            continue;
        }
        if (!strncmp(s, "---", 3)) {
            /* "--- NAME [CODE] [ALT:ALT] ---" */
            char *body = s + 3;
            /* the closing "---" comes after any "[---]" code */
            char *close_br = strrchr(body, ']');
            char *end = strstr(close_br ? close_br : body, "---");
            if (end)
                *end = '\0';
            char *br = strchr(body, '[');
            block = dl_arena_push(d->arena, (void **)&d->blocks, &d->n_blocks, &d->cap_blocks, sizeof *block);
            if (!block) {
                st = DL_ERR_NOMEM;
                break;
            }
            block->name = dl_dict_phrase(d->arena, body, br ? (size_t)(br - body) : strlen(body));
            if (br) {
                char *close = strchr(br, ']');
                char *second = close ? strchr(close, '[') : NULL;
                const char *alt = NULL;
                if (second && !take_code(d->arena, second, &alt, NULL)) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                const char *alt2 = NULL;
                if (!take_code(d->arena, br, &block->code, &alt2)) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                block->alt_code = alt2 ? alt2 : alt;
            }
            if (!block->code)
                dl_dict_warn(&f, l.number, "verb block without a [code]; its verbs code nothing");
            block->first_pattern = (uint32_t)d->n_patterns;
            block->file = file;
            block->line = l.number;
            set = NULL;
            continue;
        }
        if (*s == '+' && set) {
            size_t n_phr = set->n_phrases;
            const char **slot = dl_arena_push(d->arena, (void **)&set->phrases, &n_phr, &set_cap, sizeof *slot);
            if (!slot || !(*slot = dl_dict_phrase(d->arena, s + 1, strlen(s + 1)))) {
                st = DL_ERR_NOMEM;
                break;
            }
            set->n_phrases = (uint32_t)n_phr;
            continue;
        }
        if (!block) {
            dl_dict_warn(&f, l.number, "line outside any verb block or synset; skipped");
            continue;
        }
        if (*s == '-') {
            dl_verb_pattern *p = dl_arena_push(d->arena, (void **)&d->patterns, &d->n_patterns,
                                              &d->cap_patterns, sizeof *p);
            if (!p) {
                st = DL_ERR_NOMEM;
                break;
            }
            p->text = dl_arena_strdup(d->arena, s);
            p->comment = l.comment && *l.comment ? dl_arena_strdup(d->arena, l.comment) : NULL;
            p->file = file;
            p->line = l.number;
            if (!take_code(d->arena, s, &p->code, NULL)) {
                st = DL_ERR_NOMEM;
                break;
            }
            if (!p->code) {
                dl_dict_warn(&f, l.number, "pattern without a [code]; skipped");
                d->n_patterns--;
                continue;
            }
            size_t n = 0, cap = 0;
            for (char *tok = strtok(s + 1, " \t"); tok; tok = strtok(NULL, " \t")) {
                const char **slot = dl_arena_push(d->arena, (void **)&p->elems, &n, &cap, sizeof *slot);
                if (!slot || !(*slot = dl_arena_strdup(d->arena, tok))) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                for (char *c = (char *)*slot; *c; c++)
                    *c = (char)toupper((unsigned char)*c);
            }
            p->n_elems = (uint32_t)n;
            block->n_patterns = (uint32_t)(d->n_patterns - block->first_pattern);
            continue;
        }
        st = add_verb(d, *s == '+' ? s + 1 : s, (uint32_t)(block - d->blocks), &f, l.number, l.comment);
    }
    dl_dict_file_close(&f);
    return st;
}
