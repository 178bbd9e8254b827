/* validate.c: PETRARCH validation records coded and scored (see
 * validate.h). */
#include "eval/validate.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/map.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One (source, target, code) triple as "SRC TGT CODE": sets of them are
 * compared as sorted, de-duplicated arrays of such strings. */
typedef struct triples {
    const char **items;
    size_t n;
} triples;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void sort_unique(triples *t)
{
    if (!t->n)
        return;
    qsort(t->items, t->n, sizeof *t->items, by_string);
    size_t o = 1;
    for (size_t i = 1; i < t->n; i++)
        if (strcmp(t->items[i], t->items[o - 1]))
            t->items[o++] = t->items[i];
    t->n = o;
}

static bool same_set(const triples *a, const triples *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i], b->items[i]))
            return false;
    return true;
}

static const char *triple(dl_arena *arena, const char *src, const char *tgt, const char *code)
{
    size_t n = strlen(src) + strlen(tgt) + strlen(code) + 3;
    char *s = dl_arena_alloc(arena, n);
    if (s)
        snprintf(s, n, "%s %s %s", src, tgt, code);
    return s;
}

/* The set as one string, in the arena. */
static const char *set_text(dl_arena *arena, const triples *t)
{
    dl_buf b = DL_BUF_INIT;
    if (!t->n)
        dl_buf_puts(&b, "(none)");
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            dl_buf_puts(&b, ", ");
        dl_buf_puts(&b, t->items[i]);
    }
    const char *s = b.data ? dl_arena_strdup(arena, b.data) : NULL;
    dl_buf_free(&b);
    return s;
}

/* A dictionary named by the Environment, resolved against the folder of
 * the XML file (absolute names stay as they are). */
static const char **resolve(dl_arena *arena, const char *dir, const char **names, size_t n)
{
    const char **out = DL_ARENA_NEW(arena, const char *, n + 1);
    for (size_t i = 0; out && i < n; i++) {
        if (names[i][0] == '/' || !*dir) {
            out[i] = names[i];
            continue;
        }
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = dl_arena_alloc(arena, len);
        if (!p)
            return NULL;
        snprintf(p, len, "%s/%s", dir, names[i]);
        out[i] = p;
    }
    return out;
}

static void warn(const dl_validate_options *o, const char *path, const char *msg)
{
    if (o->diag) {
        dl_diag d = {DL_WARNING, DL_ERR_ARG, path, 0, 0, msg};
        o->diag(o->diag_user, &d);
    }
}

/* Opens the pipeline with the Environment's dictionaries. */
static dl_status open_pipeline(dl_pipeline **out, const dl_petr_file *f, const char *path,
                               const dl_validate_options *o, dl_arena *arena)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    const char **verbs = resolve(arena, dir, f->verb_files, f->n_verb_files);
    const char **actors = resolve(arena, dir, f->actor_files, f->n_actor_files);
    const char **agents = resolve(arena, dir, f->agent_files, f->n_agent_files);
    const char **discards = resolve(arena, dir, f->discard_files, f->n_discard_files);
    if (!verbs || !actors || !agents || !discards)
        return DL_ERR_NOMEM;
    static const char *const kinds[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    size_t counts[] = {f->n_verb_files, f->n_actor_files, f->n_agent_files, f->n_discard_files};
    for (size_t i = 0; i < 4; i++)
        if (!counts[i]) {
            char msg[96];
            snprintf(msg, sizeof msg, "no <%s> in <Environment>; using dateline's own", kinds[i]);
            warn(o, path, msg);
        }
    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    ao.data_dir = o->data_dir;
    ao.actor_files = actors;
    ao.n_actor_files = f->n_actor_files;
    ao.agent_files = agents;
    ao.n_agent_files = f->n_agent_files;
    ao.country_as_government = false; /* PETRARCH codes a bare country as the country */
    ao.infer_context = false;         /* nor does it guess countries from context */
    ao.diag = o->diag;
    ao.diag_user = o->diag_user;
    dl_coder_options co = DL_CODER_OPTIONS_INIT;
    co.data_dir = o->data_dir;
    co.verb_files = verbs;
    co.n_verb_files = f->n_verb_files;
    co.discard_files = discards;
    co.n_discard_files = f->n_discard_files;
    co.diag = o->diag;
    co.diag_user = o->diag_user;
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    /* Quotes are left out: PETRARCH codes each sentence on its own. */
    po.stages = DL_STAGE_PARSE | DL_STAGE_ACTORS | DL_STAGE_EVENTS;
    po.data_dir = o->data_dir;
    po.actors = &ao;
    po.coder = &co;
    po.diag = o->diag;
    po.diag_user = o->diag_user;
    dl_status st = dl_pipeline_open(out, &po);
    if (st && st != DL_ERR_NOMEM && o->diag) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot load the dictionaries its <Environment> names: %s",
                 dl_status_name(st));
        dl_diag d = {DL_ERROR, st, path, 0, 0, msg};
        o->diag(o->diag_user, &d);
    }
    return st;
}

/* The tally of a category, made on first sight. */
static dl_validate_category *category(dl_map *index, const char *name)
{
    bool created;
    void **slot = dl_map_slot(index, name, strlen(name), &created);
    if (!slot)
        return NULL;
    if (created && (*slot = calloc(1, sizeof(dl_validate_category))))
        ((dl_validate_category *)*slot)->name = name;
    return *slot;
}

/* Codes and scores one record; false when memory ran out or the callback
 * asked to stop (*stop set then). */
static bool run_record(dl_validate_summary *sum, const dl_pipeline *p, const dl_petr_record *rec,
                       const char *path, const dl_validate_options *o, dl_map *cats, dl_arena *work,
                       bool *stop)
{
    dl_arena_reset(work);
    dl_validate_outcome out = {.record = rec};
    if (rec->error && !strcmp(rec->error, "bad_input_parse")) {
        sum->skipped++;
        out.result = DL_VALIDATE_SKIP;
        return !o->on_record || o->on_record(o->record_user, &out) || !(*stop = true);
    }
    triples want = {DL_ARENA_NEW(work, const char *, rec->n_codings + 1), 0};
    if (!want.items)
        return false;
    for (size_t i = 0; i < rec->n_codings; i++) {
        const dl_petr_coding *c = &rec->codings[i];
        if (!(want.items[want.n++] = triple(work, c->source, c->target, c->event)))
            return false;
    }
    sort_unique(&want);
    char date[11];
    if (!dl_date_compact_to_iso(rec->date, date))
        date[0] = '\0';
    dl_article article = {.id = rec->id, .source = path, .date = date[0] ? date : NULL,
                          .body = rec->text, .body_len = strlen(rec->text)};
    dl_analysis an = {0};
    dl_status st = dl_pipeline_run(&an, p, &article, work);
    if (st == DL_ERR_NOMEM)
        return false;
    triples got = {DL_ARENA_NEW(work, const char *, an.n_events + 1), 0};
    if (!got.items)
        return false;
    if (st) {
        sum->run_errors++;
        an.n_events = 0;
    }
    for (size_t i = 0; i < an.n_events; i++) {
        const dl_event *e = &an.events[i];
        if (e->negated || !e->cameo)
            continue;
        const char *t = triple(work, e->source.code ? e->source.code : "---",
                               e->target.code ? e->target.code : "---", e->cameo);
        if (!t)
            return false;
        got.items[got.n++] = t;
    }
    sort_unique(&got);
    dl_validate_category *cat = category(cats, rec->category);
    if (!cat)
        return false;
    bool pass = !st && same_set(&want, &got);
    if (pass)
        sum->passed++, cat->passed++;
    else
        sum->failed++, cat->failed++;
    out.result = pass ? DL_VALIDATE_PASS : DL_VALIDATE_FAIL;
    out.expected = set_text(work, &want);
    out.got = set_text(work, &got);
    out.status = st;
    out.analysis = &an;
    if (!out.expected || !out.got)
        return false;
    return !o->on_record || o->on_record(o->record_user, &out) || !(*stop = true);
}

dl_status dl_validate_run(dl_validate_summary *out, const dl_petr_file *f, const char *path,
                          const dl_validate_options *options, dl_arena *arena)
{
    dl_validate_options defaults = DL_VALIDATE_OPTIONS_INIT;
    const dl_validate_options *o = options ? options : &defaults;
    memset(out, 0, sizeof *out);
    dl_pipeline *p = NULL;
    dl_status st = open_pipeline(&p, f, path, o, arena);
    if (st)
        return st;
    dl_map *cats = dl_map_new();
    dl_arena *work = dl_arena_new(0);
    bool stop = false;
    st = cats && work ? DL_OK : DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < f->n_records; i++)
        if (!run_record(out, p, &f->records[i], path, o, cats, work, &stop))
            st = stop ? DL_ERR_IO : DL_ERR_NOMEM;
    size_t n = cats ? dl_map_count(cats) : 0;
    out->categories = n ? DL_ARENA_NEW(arena, dl_validate_category, n) : NULL;
    for (size_t i = 0; i < n; i++) {
        const char *key;
        size_t len;
        void *v;
        dl_map_entry(cats, i, &key, &len, &v);
        if (out->categories)
            out->categories[out->n_categories++] = *(dl_validate_category *)v;
        free(v);
    }
    if (n && !out->categories && !st)
        st = DL_ERR_NOMEM;
    dl_map_free(cats);
    dl_arena_free(work);
    dl_pipeline_close(p);
    return st;
}
