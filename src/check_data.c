/* check_data.c: `dateline check-data`: every data file loaded the way the
 * pipeline loads it, with every problem reported by file and line, and the
 * checks no single reader can make alone:
 *
 *   - every CAMEO code a verb pattern, verb block or nominal frame names is
 *     in cameo.tsv (a code missing there would be stored with no PLOVER
 *     type and a Goldstein score of 0);
 *   - an actor's dated code lines run forwards (from <= to);
 *   - an entry name is defined once across data/actors/ and agents.txt
 *     holds each phrase once (a second definition is silently shadowed).
 *
 * Problems are warnings through the caller's sink; the counts say how
 * many there were. */
#include "dateline.h"
#include "base/buf.h"
#include "base/map.h"
#include "dict/dict.h"
#include "events/cameo.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>

typedef struct checker {
    dl_diag_fn diag;
    void *user;
    dl_data_check_counts *counts;
} checker;

/* Counts every diagnostic, then hands it on. */
static void count_diag(void *user, const dl_diag *d)
{
    checker *c = user;
    if (d->severity == DL_ERROR)
        c->counts->errors++;
    else
        c->counts->warnings++;
    if (c->diag)
        c->diag(c->user, d);
}

static void report(checker *c, const char *file, uint32_t line, const char *fmt, const char *a,
                   const char *b)
{
    char msg[700];
    snprintf(msg, sizeof msg, fmt, a, b ? b : "");
    dl_diag d = {DL_WARNING, DL_ERR_PARSE, file, line, 0, msg};
    count_diag(c, &d);
}

/* "[013:012]" or "195" or "---": each code in s must be in the table. */
static void check_codes(checker *c, const dl_cameo *cameo, const char *codes, const char *file,
                        uint32_t line, const char *what)
{
    if (!codes)
        return;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", codes);
    for (char *tok = strtok(buf, "[]: "); tok; tok = strtok(NULL, "[]: ")) {
        if (!strcmp(tok, "---") || !*tok)
            continue;
        if (!dl_cameo_get_exact(cameo, tok))
            report(c, file, line, "%s uses CAMEO code %s, which cameo.tsv does not list", what, tok);
    }
}

static dl_status check_verbs(checker *c, const char *dir)
{
    dl_buf path = DL_BUF_INIT;
    dl_verb_dict verbs;
    dl_cameo *cameo = NULL;
    dl_status st = dl_verb_dict_init(&verbs);
    if (st)
        return st;
    dl_buf_printf(&path, "%s/cameo.tsv", dir);
    st = dl_cameo_open(&cameo, path.data, count_diag, c);
    dl_buf_clear(&path);
    dl_buf_printf(&path, "%s/verbs.txt", dir);
    if (!st)
        st = dl_verb_dict_load(&verbs, path.data, count_diag, c);
    if (!st) {
        for (size_t i = 0; i < verbs.n_blocks; i++)
            check_codes(c, cameo, verbs.blocks[i].code, verbs.blocks[i].file, verbs.blocks[i].line,
                        "the verb block");
        for (size_t i = 0; i < verbs.n_patterns; i++)
            check_codes(c, cameo, verbs.patterns[i].code, verbs.patterns[i].file, verbs.patterns[i].line,
                        "the pattern");
        for (size_t i = 0; i < verbs.n_verbs; i++) {
            const dl_verb_block *b = &verbs.blocks[verbs.verbs[i].block];
            check_codes(c, cameo, verbs.verbs[i].code, b->file, b->line, "a verb of the block");
        }
    }
    dl_verb_dict_free(&verbs);
    dl_cameo_close(cameo);
    dl_buf_free(&path);
    return st;
}

static dl_status check_actors(checker *c, const char *dir)
{
    dl_buf path = DL_BUF_INIT;
    dl_actor_dict d;
    dl_status st = dl_actor_dict_init(&d);
    if (st)
        return st;
    dl_buf_printf(&path, "%s/actors/*.txt", dir);
    glob_t g;
    if (glob(path.data, 0, NULL, &g) == 0) {
        for (size_t i = 0; !st && i < g.gl_pathc; i++)
            st = dl_actor_dict_load(&d, g.gl_pathv[i], count_diag, c);
        globfree(&g);
    }
    dl_map *names = dl_map_new();
    if (!names)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < d.n; i++) {
        const dl_actor_entry *e = &d.entries[i];
        for (uint32_t k = 0; k < e->n_codes; k++)
            if (e->codes[k].from && e->codes[k].to && e->codes[k].from > e->codes[k].to) {
                char range[40];
                snprintf(range, sizeof range, "%d-%d", e->codes[k].from, e->codes[k].to);
                report(c, e->file, e->line, "%s: a dated code runs backwards (%s)", e->name, range);
            }
        const dl_actor_entry *first = dl_map_get(names, e->name, strlen(e->name));
        if (first) {
            char where[300];
            snprintf(where, sizeof where, "%s:%u", first->file, first->line);
            report(c, e->file, e->line, "entry %s is defined again (first at %s)", e->name, where);
        } else if (dl_map_put(names, e->name, strlen(e->name), (void *)e)) {
            st = DL_ERR_NOMEM;
        }
    }
    dl_map_free(names);
    dl_actor_dict_free(&d);
    dl_buf_free(&path);
    return st;
}

static dl_status check_agents(checker *c, const char *dir)
{
    dl_buf path = DL_BUF_INIT;
    dl_agent_dict d;
    dl_status st = dl_agent_dict_init(&d);
    if (st)
        return st;
    dl_buf_printf(&path, "%s/agents.txt", dir);
    st = dl_agent_dict_load(&d, path.data, count_diag, c);
    dl_map *seen = dl_map_new();
    if (!seen)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < d.n; i++) {
        const dl_agent_entry *e = &d.entries[i];
        const dl_agent_entry *first = dl_map_get(seen, e->phrase, strlen(e->phrase));
        if (first && strcmp(first->code, e->code)) {
            char where[300];
            snprintf(where, sizeof where, "%s:%u", first->file, first->line);
            report(c, e->file, e->line, "agent %s is defined again with another code (first at %s)",
                   e->phrase, where);
        } else if (!first && dl_map_put(seen, e->phrase, strlen(e->phrase), (void *)e)) {
            st = DL_ERR_NOMEM;
        }
    }
    dl_map_free(seen);
    dl_agent_dict_free(&d);
    dl_buf_free(&path);
    return st;
}

dl_status dl_data_check(const char *data_dir, dl_diag_fn diag, void *user, dl_data_check_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    checker c = {diag, user, counts};
    const char *dir = data_dir ? data_dir : dl_data_dir();
    /* Everything the pipeline loads, loaded as it loads it: each reader
     * reports its own malformed lines. */
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.data_dir = dir;
    po.diag = count_diag;
    po.diag_user = &c;
    dl_pipeline *p = NULL;
    dl_status st = dl_pipeline_open(&p, &po);
    dl_pipeline_close(p);
    if (st && st != DL_ERR_NOMEM) {
        char msg[160];
        snprintf(msg, sizeof msg, "the pipeline cannot load its data: %s", dl_status_name(st));
        dl_diag d = {DL_ERROR, st, dir, 0, 0, msg};
        count_diag(&c, &d);
    }
    if (st == DL_ERR_NOMEM)
        return st;
    /* The checks across files. */
    if ((st = check_verbs(&c, dir)) == DL_ERR_NOMEM || (st = check_actors(&c, dir)) == DL_ERR_NOMEM ||
        (st = check_agents(&c, dir)) == DL_ERR_NOMEM)
        return st;
    return DL_OK;
}
