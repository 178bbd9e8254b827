/* eval_stories.c: near-duplicate and story clustering scores (see
 * eval_stories.h). */
#include "eval/eval_stories.h"
#include "base/arena.h"
#include "store/store_int.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void report(dl_diag_fn diag, void *user, dl_severity sev, const char *path, uint32_t line, const char *msg)
{
    if (!diag)
        return;
    dl_diag d = {sev, DL_ERR_PARSE, path, line, 0, msg};
    diag(user, &d);
}

static char *dup_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsString(v) && v->valuestring)
        return strdup(v->valuestring);
    if (cJSON_IsNumber(v)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%.0f", v->valuedouble);
        return strdup(tmp);
    }
    return NULL;
}

dl_status dl_stories_gold_read(dl_stories_gold *gold, const char *data, size_t len, const char *path,
                               dl_diag_fn diag, void *user)
{
    memset(gold, 0, sizeof *gold);
    size_t cap = 0;
    uint32_t line = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        size_t n = (size_t)(e - p);
        const char *s = p;
        p = nl ? nl + 1 : end;
        while (n && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++, n--;
        if (!n)
            continue;
        cJSON *o = cJSON_ParseWithLength(s, n);
        if (!cJSON_IsObject(o)) {
            report(diag, user, DL_ERROR, path, line, "not a JSON object; skipped");
            cJSON_Delete(o);
            continue;
        }
        dl_stories_gold_item it = {dup_string(o, "id"), dup_string(o, "story"), dup_string(o, "duplicate_of")};
        cJSON_Delete(o);
        if (!it.id || !it.story) {
            report(diag, user, DL_ERROR, path, line, "gold article needs an \"id\" and a \"story\"; skipped");
            free(it.id), free(it.story), free(it.duplicate_of);
            continue;
        }
        if (gold->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            dl_stories_gold_item *g = realloc(gold->items, nc * sizeof *g);
            if (!g) {
                free(it.id), free(it.story), free(it.duplicate_of);
                dl_stories_gold_free(gold);
                return DL_ERR_NOMEM;
            }
            gold->items = g, cap = nc;
        }
        gold->items[gold->n++] = it;
    }
    return DL_OK;
}

void dl_stories_gold_free(dl_stories_gold *gold)
{
    for (size_t i = 0; i < gold->n; i++) {
        free(gold->items[i].id);
        free(gold->items[i].story);
        free(gold->items[i].duplicate_of);
    }
    free(gold->items);
    memset(gold, 0, sizeof *gold);
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void dl_cluster_compare(dl_cluster_score *out, const int64_t *gold, const int64_t *found, size_t n)
{
    memset(out, 0, sizeof *out);
    double b3p = 0, b3r = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t same_gold = 0, same_found = 0, both = 0;
        bool first_gold = true, first_found = true;
        for (size_t j = 0; j < n; j++) {
            bool g = gold[j] == gold[i], f = found[j] == found[i];
            same_gold += g, same_found += f, both += g && f;
            if (j < i && g)
                first_gold = false;
            if (j < i && f)
                first_found = false;
            if (j > i) {
                out->gold_pairs += g;
                out->found_pairs += f;
                out->right_pairs += g && f;
            }
        }
        out->gold_clusters += first_gold;
        out->found_clusters += first_found;
        b3p += (double)both / (double)same_found;
        b3r += (double)both / (double)same_gold;
    }
    /* No pairs to find and none found is perfect, not undefined. */
    out->pair_p = out->found_pairs ? (double)out->right_pairs / (double)out->found_pairs : 1;
    out->pair_r = out->gold_pairs ? (double)out->right_pairs / (double)out->gold_pairs : 1;
    out->pair_f = f1(out->pair_p, out->pair_r);
    out->b3_p = n ? b3p / (double)n : 1;
    out->b3_r = n ? b3r / (double)n : 1;
    out->b3_f = f1(out->b3_p, out->b3_r);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static dl_status ingest(dl_store *store, const dl_pipeline *pipeline, const char *path)
{
    dl_input *in;
    dl_input_options io = DL_INPUT_OPTIONS_INIT;
    io.format = DL_FORMAT_JSONL;
    const char *paths[1] = {path};
    dl_status st = dl_input_open(&in, pipeline, paths, 1, &io);
    if (st)
        return st;
    dl_arena *doc = dl_arena_new(0), *work = dl_arena_new(0);
    if (!doc || !work)
        st = DL_ERR_NOMEM;
    if (!st)
        st = dl_store_begin(store);
    while (!st) {
        dl_article *arts;
        size_t na;
        dl_arena_reset(doc);
        st = dl_input_next(in, &arts, &na, doc);
        if (st)
            break;
        for (size_t i = 0; i < na && !st; i++) {
            dl_arena_reset(work);
            dl_analysis an;
            bool added;
            if (dl_pipeline_run(&an, pipeline, &arts[i], work) == DL_OK)
                st = dl_store_add(store, &an, &added);
        }
    }
    if (st == DL_ERR_EMPTY)
        st = dl_store_commit(store);
    else
        dl_store_rollback(store);
    dl_arena_free(doc);
    dl_arena_free(work);
    dl_input_close(in);
    return st;
}

dl_status dl_eval_stories(dl_stories_eval *out, const dl_pipeline *pipeline, const char *gold_path,
                          dl_diag_fn diag, void *user)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *data = read_all(gold_path, &len);
    if (!data) {
        report(diag, user, DL_ERROR, gold_path, 0, "cannot read the gold file");
        return DL_ERR_IO;
    }
    dl_stories_gold gold;
    dl_status st = dl_stories_gold_read(&gold, data, len, gold_path, diag, user);
    free(data);
    if (st)
        return st;
    dl_store *store = NULL;
    if ((st = dl_store_open(&store, ":memory:", diag, user))) {
        dl_stories_gold_free(&gold);
        return st;
    }
    double t0 = now();
    st = ingest(store, pipeline, gold_path);
    out->seconds = now() - t0;
    if (st && diag) {
        dl_diag d = {DL_ERROR, st, gold_path, 0, 0, dl_store_message(store)};
        diag(user, &d);
    }
    size_t n = gold.n;
    int64_t *g_story = calloc(n + 1, sizeof *g_story), *f_story = calloc(n + 1, sizeof *f_story);
    int64_t *g_dup = calloc(n + 1, sizeof *g_dup), *f_dup = calloc(n + 1, sizeof *f_dup);
    sqlite3_stmt *q = NULL;
    if (!st && (!g_story || !f_story || !g_dup || !f_dup))
        st = DL_ERR_NOMEM;
    if (!st && sqlite3_prepare_v2(dl_store_db(store),
                                  "SELECT c.story, coalesce(c.dup_of, c.article) FROM articles a"
                                  " JOIN corpus_articles c ON c.article = a.rowid WHERE a.id = ?"
                                  " ORDER BY a.rowid LIMIT 1",
                                  -1, &q, NULL) != SQLITE_OK)
        st = dl_store_fail(store, "reading the clusters");
    for (size_t i = 0; !st && i < n; i++) {
        /* Gold labels: the index of the first article with the same story;
         * duplicate families by following duplicate_of to the first copy. */
        g_story[i] = (int64_t)i;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(gold.items[j].story, gold.items[i].story)) {
                g_story[i] = (int64_t)j;
                break;
            }
        g_dup[i] = (int64_t)i;
        if (gold.items[i].duplicate_of)
            for (size_t j = 0; j < i; j++)
                if (!strcmp(gold.items[j].id, gold.items[i].duplicate_of)) {
                    g_dup[i] = g_dup[j];
                    break;
                }
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, gold.items[i].id, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) {
            f_story[i] = sqlite3_column_int64(q, 0);
            f_dup[i] = sqlite3_column_int64(q, 1);
        } else {
            /* Not stored: a cluster of its own, labelled apart from rowids. */
            out->missing++;
            f_story[i] = f_dup[i] = -1 - (int64_t)i;
        }
    }
    sqlite3_finalize(q);
    if (!st) {
        out->articles = n;
        dl_cluster_compare(&out->duplicates, g_dup, f_dup, n);
        dl_cluster_compare(&out->stories, g_story, f_story, n);
    }
    free(g_story), free(f_story), free(g_dup), free(f_dup);
    dl_store_close(store);
    dl_stories_gold_free(&gold);
    return st;
}
