/* cameo.c: reading data/cameo.tsv.
 *
 *   code<TAB>name<TAB>goldstein<TAB>quad_class<TAB>plover_event<TAB>plover_mode
 *
 * with '#' comment lines, a header line (its first field is "code"), and,
 * after the section line "[cyber]", rows "code<TAB>plover_event<TAB>
 * plover_mode" that say how a cyber verb's event maps to PLOVER. Lines are
 * read by the one data-file reader (base/lines.h). */
#include "events/cameo.h"
#include "base/arena.h"
#include "base/lines.h"
#include "base/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dl_cameo {
    dl_arena *arena;
    dl_map *index;
};

static char *field(char **p)
{
    char *s = *p;
    if (!s)
        return NULL;
    char *tab = strchr(s, '\t');
    if (tab) {
        *tab = '\0';
        *p = tab + 1;
    } else {
        *p = NULL;
    }
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
    return s;
}

dl_status dl_cameo_open(dl_cameo **out, const char *path, dl_diag_fn diag, void *user)
{
    dl_lines l;
    dl_status st = dl_lines_open(&l, path, true, diag, user);
    if (st)
        return st;
    dl_cameo *c = calloc(1, sizeof *c);
    if (!c || !(c->arena = dl_arena_new(1 << 16)) || !(c->index = dl_map_new())) {
        dl_lines_close(&l);
        dl_cameo_close(c);
        return DL_ERR_NOMEM;
    }
    char *line;
    size_t len;
    bool cyber = false;
    while (!st && dl_lines_next(&l, &line, &len)) {
        if (line[0] == '[') {
            if (strcmp(line, "[cyber]"))
                dl_lines_warn(&l, "unknown section %s; the rows after it are read as before", line);
            else
                cyber = true;
            continue;
        }
        char *p = line;
        char *code = field(&p);
        if (!code || !*code || !strcmp(code, "code"))
            continue;
        if (cyber) {
            char *plover = field(&p);
            dl_cameo_code *e = dl_map_get(c->index, code, strlen(code));
            if (!e) {
                dl_lines_warn(&l, "cyber row for %s, a code not in the table; ignored", code);
                continue;
            }
            e->cyber_plover = plover && *plover ? dl_arena_strdup(c->arena, plover) : NULL;
            continue;
        }
        char *name = field(&p), *gold = field(&p), *quad = field(&p), *plover = field(&p), *mode = field(&p);
        if (!name || !gold || !quad) {
            dl_lines_warn(&l, "CAMEO row with fewer than 4 fields; skipped");
            continue;
        }
        if (dl_map_get(c->index, code, strlen(code))) {
            dl_lines_warn(&l, "CAMEO code %s listed twice; the first row is kept", code);
            continue;
        }
        dl_cameo_code *e = DL_ARENA_NEW(c->arena, dl_cameo_code, 1);
        if (!e) {
            st = DL_ERR_NOMEM;
            break;
        }
        e->code = dl_arena_strdup(c->arena, code);
        e->name = dl_arena_strdup(c->arena, name);
        e->goldstein = atof(gold);
        e->quad_class = atoi(quad);
        if (e->quad_class < 1 || e->quad_class > 4)
            e->quad_class = dl_cameo_quad(code);
        e->plover = plover && *plover ? dl_arena_strdup(c->arena, plover) : NULL;
        e->mode = mode && *mode ? dl_arena_strdup(c->arena, mode) : NULL;
        if (dl_map_put(c->index, e->code, strlen(e->code), e))
            st = DL_ERR_NOMEM;
    }
    dl_lines_close(&l);
    if (st) {
        dl_cameo_close(c);
        return st;
    }
    *out = c;
    return DL_OK;
}

void dl_cameo_close(dl_cameo *c)
{
    if (!c)
        return;
    dl_map_free(c->index);
    dl_arena_free(c->arena);
    free(c);
}

const dl_cameo_code *dl_cameo_get(const dl_cameo *c, const char *code)
{
    size_t n = strlen(code);
    for (; n >= 2; n--) {
        const dl_cameo_code *e = dl_map_get(c->index, code, n);
        if (e)
            return e;
    }
    return NULL;
}

const dl_cameo_code *dl_cameo_get_exact(const dl_cameo *c, const char *code)
{
    return dl_map_get(c->index, code, strlen(code));
}

int dl_cameo_quad(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}
