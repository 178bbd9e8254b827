/* eval_events.c: `dateline eval events` scoring (see eval_events.h). */
#include "eval/eval_events.h"
#include "eval/event_gold.h"
#include "eval/eval_when_where.h"
#include "base/arena.h"
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const dl_factuality_names[DL_FACT_COUNT] = {"asserted", "negated", "hypothetical",
                                                         "future", "embedded", "disputed"};

int dl_factuality_index(const char *name)
{
    for (int i = 0; name && i < DL_FACT_COUNT; i++)
        if (!strcmp(name, dl_factuality_names[i]))
            return i;
    return -1;
}

const char *dl_event_eval_level_name(int level)
{
    static const char *const names[DL_EV_LEVELS] = {"type", "plover", "type_source", "type_source_full",
                                                    "type_source_target", "type_source_target_full"};
    return level >= 0 && level < DL_EV_LEVELS ? names[level] : "?";
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *fact_of(const dl_event *e)
{
    return e->factuality ? e->factuality : e->negated ? "negated" : "asserted";
}

/* Does the emitted event carry the gold's factuality? A coder that only
 * knows "negated" says so with the flag. */
static bool same_fact(const dl_gold_event *g, const dl_event *e)
{
    if (!strcmp(g->factuality, "negated") && e->negated)
        return true;
    return !strcmp(g->factuality, fact_of(e));
}

/* Actor codes: equal on the country part (the first three letters) or,
 * with full, whole. Two absent actors are equal. */
static bool code_eq(const char *g, const char *p, bool full)
{
    if (!g || !p)
        return !g && !p;
    if (full)
        return !strcmp(g, p);
    return strlen(g) >= 3 && strlen(p) >= 3 && !strncmp(g, p, 3);
}

static bool level_match(int level, const dl_gold_event *g, const dl_event *e)
{
    if (level == DL_EV_PLOVER)
        return g->plover && e->plover && !strcmp(g->plover, e->plover);
    if (strncmp(g->cameo, e->cameo, 2))
        return false;
    if (level == DL_EV_TYPE)
        return true;
    bool full = level == DL_EV_SOURCE_FULL || level == DL_EV_TARGET_FULL;
    bool with_target = level == DL_EV_TARGET || level == DL_EV_TARGET_FULL;
    const char *gs = g->source.code, *gt = g->target.code, *ps = e->source.code, *pt = e->target.code;
    bool straight = code_eq(gs, ps, full) && (!with_target || code_eq(gt, pt, full));
    /* a meeting has either side as its source */
    bool meeting = !strncmp(g->cameo, "04", 2);
    bool crossed = meeting && code_eq(gs, pt, full) && (!with_target || code_eq(gt, ps, full));
    return straight || crossed;
}

/* How well e fits g beyond the level being matched: used to pick among
 * several candidates so that levels agree. */
static int fit(const dl_gold_event *g, const dl_event *e)
{
    int f = 0;
    for (int l = 0; l < DL_EV_LEVELS; l++)
        f += level_match(l, g, e);
    return f * 2 + same_fact(g, e);
}

static const char *describe(dl_buf *b, const char *cameo, const char *plover, const char *src, const char *tgt,
                            const char *fact)
{
    dl_buf_clear(b);
    dl_buf_printf(b, "%s %s %s -> %s %s", cameo, plover ? plover : "-", src ? src : "null", tgt ? tgt : "null",
                  fact);
    return b->data;
}

typedef struct span {
    uint32_t start, end;
    bool placed;
} span;

/* Scores one article's events against its gold. */
static void score_article(dl_event_eval *ev, const dl_article *a, const dl_analysis *an, const dl_gold_article *ga,
                          dl_event_eval_error_fn on_error, void *error_user)
{
    size_t ng = ga ? ga->n_events : 0, np = an->n_events;
    span *gs = calloc(ng + 1, sizeof *gs);
    span *ps = calloc(np + 1, sizeof *ps);
    int32_t *pair = malloc((np + 1) * sizeof *pair);    /* type-level pair of each emitted event */
    bool *used = calloc(np + 1, sizeof *used);
    bool *hit_p = calloc(np + 1, sizeof *hit_p);       /* right at the error level */
    bool *hit_g = calloc(ng + 1, sizeof *hit_g);
    if (!gs || !ps || !pair || !used || !hit_p || !hit_g)
        goto done;
    for (size_t i = 0; i < ng; i++) {
        const dl_gold_event *g = &ga->events[i];
        const char *at = strstr(a->body, g->sentence);
        gs[i].placed = at != NULL;
        if (!at) {
            ev->gold_unplaced++;
            continue;
        }
        gs[i].start = (uint32_t)(at - a->body);
        gs[i].end = gs[i].start + (uint32_t)strlen(g->sentence);
    }
    for (size_t k = 0; k < np; k++) {
        const dl_event *e = &an->events[k];
        if (e->sentence < an->n_sentences) {
            ps[k].start = an->sentences[e->sentence].start;
            ps[k].end = an->sentences[e->sentence].end;
            ps[k].placed = true;
        }
    }
    ev->pred += np;
    for (size_t i = 0; i < ng; i++) {
        ev->gold++;
        ev->gold_asserted += !strcmp(ga->events[i].factuality, "asserted");
    }
    for (int level = 0; level < DL_EV_LEVELS; level++) {
        memset(used, 0, (np + 1) * sizeof *used);
        for (size_t k = 0; k < np; k++)
            pair[k] = -1;
        /* pass 0 pairs events of the same factuality, pass 1 the rest */
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < ng; i++) {
                const dl_gold_event *g = &ga->events[i];
                bool taken = false;
                for (size_t k = 0; k < np && !taken; k++)
                    taken = pair[k] == (int32_t)i;
                if (!gs[i].placed || taken)
                    continue;
                int32_t best = -1;
                int best_fit = -1;
                for (size_t k = 0; k < np; k++) {
                    const dl_event *e = &an->events[k];
                    if (used[k] || !ps[k].placed || ps[k].start >= gs[i].end || gs[i].start >= ps[k].end)
                        continue;
                    if (!level_match(level, g, e) || (pass == 0) != same_fact(g, e))
                        continue;
                    int f = fit(g, e);
                    if (f > best_fit) {
                        best_fit = f;
                        best = (int32_t)k;
                    }
                }
                if (best < 0)
                    continue;
                used[best] = true;
                pair[best] = (int32_t)i;
                if (pass == 0) {
                    ev->hit_p[level]++;
                    if (!strcmp(g->factuality, "asserted"))
                        ev->hit_r[level]++;
                    if (level == DL_EV_TARGET) {
                        hit_p[best] = true;
                        hit_g[i] = true;
                    }
                }
            }
        if (level != DL_EV_TYPE)
            continue;
        for (size_t k = 0; k < np; k++) {
            if (pair[k] < 0)
                continue;
            const dl_gold_event *g = &ga->events[pair[k]];
            const dl_event *e = &an->events[k];
            int gf = dl_factuality_index(g->factuality), pf = dl_factuality_index(fact_of(e));
            if (gf >= 0 && pf >= 0)
                ev->confusion[gf][pf]++;
            ev->matched++;
            if (g->date) {
                /* the same day, or the same month or year where either side
                 * is coarser; a week holds the gold day (eval_when_where.h) */
                ev->with_date++;
                ev->date_right += dl_ww_date_match(g->date, e->date, e->date_precision);
            }
            if (g->location_country) {
                ev->loc_gold++;
                ev->loc_right += e->location_country && !strcmp(e->location_country, g->location_country);
            } else if (!g->location_text) {
                ev->noloc_gold++;
                ev->noloc_right += !e->location_text;
            }
        }
    }
    if (on_error) {
        dl_buf d1 = DL_BUF_INIT, d2 = DL_BUF_INIT;
        for (size_t k = 0; k < np; k++) {
            const dl_event *e = &an->events[k];
            if (hit_p[k])
                continue;
            const char *nearest = NULL;
            for (size_t i = 0; i < ng && !nearest; i++) {
                const dl_gold_event *g = &ga->events[i];
                if (gs[i].placed && ps[k].start < gs[i].end && gs[i].start < ps[k].end)
                    nearest = describe(&d2, g->cameo, g->plover, g->source.code, g->target.code, g->factuality);
            }
            dl_event_eval_error er = {"false_positive", a->id, e->sentence_text,
                                      describe(&d1, e->cameo, e->plover, e->source.code, e->target.code, fact_of(e)),
                                      nearest};
            on_error(error_user, &er);
        }
        for (size_t i = 0; i < ng; i++) {
            const dl_gold_event *g = &ga->events[i];
            if (hit_g[i] || strcmp(g->factuality, "asserted"))
                continue;
            const char *nearest = NULL;
            for (size_t k = 0; k < np && !nearest; k++) {
                const dl_event *e = &an->events[k];
                if (gs[i].placed && ps[k].start < gs[i].end && gs[i].start < ps[k].end)
                    nearest = describe(&d2, e->cameo, e->plover, e->source.code, e->target.code, fact_of(e));
            }
            dl_event_eval_error er = {gs[i].placed ? "miss" : "miss_unplaced", a->id, g->sentence,
                                      describe(&d1, g->cameo, g->plover, g->source.code, g->target.code,
                                               g->factuality),
                                      nearest};
            on_error(error_user, &er);
        }
        dl_buf_free(&d1);
        dl_buf_free(&d2);
    }
done:
    free(gs);
    free(ps);
    free(pair);
    free(used);
    free(hit_p);
    free(hit_g);
}

static dl_status read_file(dl_buf *out, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return DL_ERR_IO;
    char chunk[1 << 16];
    size_t got;
    dl_status st = DL_OK;
    while (!st && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = dl_buf_append(out, chunk, got);
    if (!st && ferror(f))
        st = DL_ERR_IO;
    fclose(f);
    return st;
}

static void report(dl_diag_fn diag, void *user, dl_severity sev, dl_status st, const char *file, uint64_t line,
                   const char *msg)
{
    if (!diag)
        return;
    dl_diag d = {sev, st, file, line, 0, msg};
    diag(user, &d);
}

dl_status dl_event_eval_dir(dl_event_eval *ev, const char *dir, const char *data_dir, dl_diag_fn diag,
                            void *diag_user, dl_event_eval_error_fn on_error, void *error_user)
{
    dl_buf path = DL_BUF_INIT, gold_text = DL_BUF_INIT;
    dl_arena *gold_arena = dl_arena_new(0);
    dl_pipeline *pipe = NULL;
    dl_reader *reader = NULL;
    dl_event_gold gold;
    dl_status st = gold_arena ? DL_OK : DL_ERR_NOMEM;
    if (!st)
        st = dl_buf_printf(&path, "%s/events.jsonl", dir);
    if (!st && (st = read_file(&gold_text, path.data)))
        report(diag, diag_user, DL_ERROR, st, path.data, 0, "cannot read the gold events");
    if (!st) {
        uint64_t bad, first_bad;
        st = dl_event_gold_parse(&gold, gold_text.data ? gold_text.data : "", gold_text.len, gold_arena, &bad,
                                 &first_bad);
        if (!st && bad)
            report(diag, diag_user, DL_WARNING, DL_ERR_PARSE, path.data, first_bad,
                   "gold lines or events skipped (not an object with \"article\", or an event without "
                   "sentence and CAMEO code)");
    }
    if (!st) {
        dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
        po.data_dir = data_dir;
        po.diag = diag;
        po.diag_user = diag_user;
        st = dl_pipeline_open(&pipe, &po);
    }
    if (!st) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/articles.jsonl", dir);
        const char *paths[] = {path.data};
        dl_reader_options ro = DL_READER_OPTIONS_INIT;
        ro.format = DL_FORMAT_JSONL;
        ro.diag = diag;
        ro.diag_user = diag_user;
        st = dl_reader_open(&reader, paths, 1, &ro);
    }
    dl_arena *arena = st ? NULL : dl_arena_new(1 << 20);
    if (!st && !arena)
        st = DL_ERR_NOMEM;
    const dl_document *doc;
    while (!st && dl_reader_next(reader, &doc) == DL_OK) {
        dl_arena_reset(arena);
        /* The text is the body as it stands, so gold sentences are found
         * in it byte for byte; cleaning would only rejoin lines. */
        dl_article a = {0};
        a.id = doc->id ? doc->id : doc->source;
        a.source = doc->source;
        a.title = doc->title;
        a.date = doc->date;
        a.body = doc->text;
        a.body_len = doc->len;
        dl_analysis an;
        double t0 = now();
        st = dl_pipeline_run(&an, pipe, &a, arena);
        ev->seconds += now() - t0;
        if (st)
            break;
        ev->articles++;
        ev->sentences += an.n_sentences;
        ev->bytes += doc->len;
        score_article(ev, &a, &an, dl_event_gold_find(&gold, a.id), on_error, error_user);
    }
    dl_arena_free(arena);
    dl_reader_close(reader);
    dl_pipeline_close(pipe);
    dl_arena_free(gold_arena);
    dl_buf_free(&path);
    dl_buf_free(&gold_text);
    return st;
}

dl_status dl_event_eval_articles(dl_event_eval *ev, const dl_article *articles, size_t n_articles,
                                 const dl_event_gold *gold, const char *data_dir, dl_diag_fn diag,
                                 void *diag_user, dl_event_eval_error_fn on_error, void *error_user)
{
    dl_pipeline *pipe = NULL;
    dl_pipeline_options po = DL_PIPELINE_OPTIONS_INIT;
    po.data_dir = data_dir;
    po.diag = diag;
    po.diag_user = diag_user;
    dl_status st = dl_pipeline_open(&pipe, &po);
    dl_arena *arena = st ? NULL : dl_arena_new(1 << 20);
    if (!st && !arena)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < n_articles; i++) {
        dl_arena_reset(arena);
        dl_analysis an;
        double t0 = now();
        st = dl_pipeline_run(&an, pipe, &articles[i], arena);
        ev->seconds += now() - t0;
        if (st)
            break;
        ev->articles++;
        ev->sentences += an.n_sentences;
        ev->bytes += articles[i].body_len;
        score_article(ev, &articles[i], &an, dl_event_gold_find(gold, articles[i].id), on_error, error_user);
    }
    dl_arena_free(arena);
    dl_pipeline_close(pipe);
    return st;
}
