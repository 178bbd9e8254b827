/* eval_when_where.c: dates and places of events against event gold (see
 * eval_when_where.h). */
#include "eval/eval_when_where.h"

#include "base/arena.h"
#include "base/buf.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long day_number(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

bool dl_ww_date_match(const char *gold, const char *got, const char *prec)
{
    if (!gold || !got)
        return false;
    size_t gl = strlen(gold), nl = strlen(got);
    /* "1980s": a decade is its first three digits */
    if (gl == 5 && gold[4] == 's')
        return nl >= 3 && !strncmp(gold, got, 3);
    if (prec && !strcmp(prec, "week") && gl >= 10 && nl >= 10) {
        long g = day_number(atoi(gold), atoi(gold + 5), atoi(gold + 8));
        long w = day_number(atoi(got), atoi(got + 5), atoi(got + 8));
        return g >= w && g < w + 7;
    }
    size_t n = gl < nl ? gl : nl; /* the coarser of the two */
    if (n > 10)
        n = 10;
    return n >= 4 && !strncmp(gold, got, n);
}

typedef struct gold_article {
    cJSON *article;  /* articles.jsonl record */
    cJSON *events;   /* its "events" array, or NULL */
} gold_article;

static cJSON *read_jsonl(const char *path, dl_diag_fn diag, void *user, size_t *n_out)
{
    FILE *f = fopen(path, "r");
    *n_out = 0;
    if (!f) {
        if (diag) {
            dl_diag d = {DL_ERROR, DL_ERR_IO, path, 0, 0, "cannot open"};
            diag(user, &d);
        }
        return NULL;
    }
    cJSON *all = cJSON_CreateArray();
    char *line = NULL;
    size_t cap = 0;
    uint64_t no = 0;
    while (all && getline(&line, &cap, f) >= 0) {
        no++;
        if (line[strspn(line, " \t\r\n")] == 0)
            continue;
        cJSON *o = cJSON_Parse(line);
        if (!cJSON_IsObject(o)) {
            cJSON_Delete(o);
            if (diag) {
                dl_diag d = {DL_WARNING, DL_ERR_PARSE, path, no, 0, "not a JSON object; skipped"};
                diag(user, &d);
            }
            continue;
        }
        cJSON_AddItemToArray(all, o);
        (*n_out)++;
    }
    free(line);
    fclose(f);
    return all;
}

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Collapses runs of white space so that a sentence cut from the cleaned
 * body compares with the gold's copy of it. */
static void squeeze(dl_buf *b, const char *s)
{
    dl_buf_clear(b);
    bool space = false;
    for (; s && *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            space = b->len > 0;
            continue;
        }
        if (space)
            dl_buf_putc(b, ' ');
        space = false;
        dl_buf_putc(b, *s);
    }
    dl_buf_putc(b, 0);
}

static const cJSON *match_gold(const cJSON *events, const dl_event *e, dl_buf *a, dl_buf *b)
{
    const cJSON *first = NULL, *g;
    squeeze(a, e->sentence_text);
    cJSON_ArrayForEach(g, events)
    {
        squeeze(b, str(g, "sentence"));
        if (strcmp(a->data, b->data))
            continue;
        const char *cameo = str(g, "cameo");
        if (cameo && e->cameo && !strncmp(cameo, e->cameo, 2))
            return g;
        if (!first)
            first = g;
    }
    return first;
}

/* The gold event's verb: the head of the first verb group after its
 * source's text, else the sentence's first verb group. */
static uint32_t gold_verb(const dl_sentence *s, const char *body, const char *source)
{
    uint32_t after = 0;
    if (source) {
        size_t n = strlen(source);
        for (uint32_t t = 0; t < s->n_tokens; t++)
            if (s->end - s->tokens[t].start >= n && !strncmp(body + s->tokens[t].start, source, n)) {
                after = s->tokens[t].start + (uint32_t)n;
                break;
            }
    }
    uint32_t first = UINT32_MAX;
    for (uint32_t c = 0; c < s->n_chunks; c++) {
        const dl_chunk *k = &s->chunks[c];
        if (k->kind != DL_CHUNK_VG)
            continue;
        if (first == UINT32_MAX)
            first = k->head;
        if (s->tokens[k->first].start >= after)
            return k->head;
    }
    return first == UINT32_MAX ? 0 : first;
}

static dl_event_actor gold_actor(const cJSON *g, const char *key, dl_arena *arena)
{
    dl_event_actor a = {0};
    a.mention = -1;
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(g, key);
    if (!cJSON_IsObject(o))
        return a;
    a.text = str(o, "text");
    a.code = str(o, "code");
    if (a.code && strlen(a.code) >= 3)
        a.country = dl_arena_strndup(arena, a.code, 3);
    return a;
}

/* Scores every gold event of one article from its own sentence. */
static dl_status score_gold(dl_ww_score *score, const dl_whenwhere *ww, const cJSON *gold, const dl_analysis *an,
                            dl_buf *a, dl_buf *b, dl_arena *arena, dl_ww_report_fn report, void *report_user)
{
    const cJSON *g;
    cJSON_ArrayForEach(g, gold)
    {
        squeeze(b, str(g, "sentence"));
        const dl_sentence *s = NULL;
        for (size_t i = 0; i < an->n_sentences && !s; i++) {
            const dl_sentence *c = &an->sentences[i];
            char *text = dl_arena_strndup(arena, an->article->body + c->start, c->end - c->start);
            if (!text)
                return DL_ERR_NOMEM;
            squeeze(a, text);
            if (!strcmp(a->data, b->data))
                s = c;
        }
        if (!s)
            continue; /* the splitter cut it elsewhere */
        dl_event e = {0};
        e.source = gold_actor(g, "source", arena);
        e.target = gold_actor(g, "target", arena);
        e.sentence = s->index;
        /* the quad class of the gold code: 01-05 verbal cooperation, 06-09
         * material, 10-14 verbal conflict, 15-20 material */
        const char *cameo = str(g, "cameo");
        int root = cameo && strlen(cameo) >= 2 ? atoi((char[3]){cameo[0], cameo[1], 0}) : 0;
        e.quad_class = root <= 0 ? 0 : root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
        e.cameo = cameo;
        dl_status st = dl_event_when_where(ww, &e, an->article, s, gold_verb(s, an->article->body, e.source.text),
                                           an->mentions, an->n_mentions, arena);
        if (st)
            return st;
        score->all++;
        bool date_ok = dl_ww_date_match(str(g, "date"), e.date, e.date_precision), loc_ok;
        score->all_date_right += date_ok;
        if (an->article->date) {
            char day[11];
            snprintf(day, sizeof day, "%s", an->article->date);
            score->all_date_article += dl_ww_date_match(str(g, "date"), day, "day");
        }
        const cJSON *loc = cJSON_GetObjectItemCaseSensitive(g, "location");
        const char *gc = cJSON_IsObject(loc) ? str(loc, "country") : NULL;
        if (cJSON_IsObject(loc)) {
            score->all_loc_gold++;
            loc_ok = gc && e.location_country && !strcmp(gc, e.location_country);
            score->all_loc_right += loc_ok;
        } else {
            score->all_none_gold++;
            loc_ok = !e.location_text;
            score->all_none_right += loc_ok;
        }
        if (report && (!date_ok || !loc_ok)) {
            char line[1024];
            const cJSON *lt = cJSON_IsObject(loc) ? cJSON_GetObjectItemCaseSensitive(loc, "text") : NULL;
            snprintf(line, sizeof line, "gold %s: %s%s| date %s (%s) gold %s | place %s (%s) gold %s (%s) | verb %s | %.160s",
                     an->article->id ? an->article->id : "-", date_ok ? "" : "DATE ", loc_ok ? "" : "PLACE ",
                     e.date ? e.date : "-", e.date_text ? e.date_text : e.date_basis ? e.date_basis : "-",
                     str(g, "date") ? str(g, "date") : "-", e.location_text ? e.location_text : "-",
                     e.location_country ? e.location_country : "-", gc ? gc : "-",
                     cJSON_IsString(lt) ? lt->valuestring : "-",
                     s->tokens[gold_verb(s, an->article->body, e.source.text)].text, b->data);
            report(report_user, line);
        }
    }
    return DL_OK;
}

dl_status dl_eval_when_where(dl_ww_score *score, const dl_pipeline *pipeline, const dl_cleaner *cleaner,
                             const dl_whenwhere *ww, const char *dir, dl_diag_fn diag, void *diag_user, dl_ww_report_fn report,
                             void *report_user)
{
    memset(score, 0, sizeof *score);
    char path[4096];
    size_t n_art, n_ev;
    snprintf(path, sizeof path, "%s/articles.jsonl", dir);
    cJSON *arts = read_jsonl(path, diag, diag_user, &n_art);
    snprintf(path, sizeof path, "%s/events.jsonl", dir);
    cJSON *evs = read_jsonl(path, diag, diag_user, &n_ev);
    if (!arts || !evs) {
        cJSON_Delete(arts);
        cJSON_Delete(evs);
        return DL_ERR_IO;
    }
    dl_arena *arena = dl_arena_new(0);
    dl_buf a = DL_BUF_INIT, b = DL_BUF_INIT, line = DL_BUF_INIT;
    dl_status st = arena ? DL_OK : DL_ERR_NOMEM;
    const cJSON *art;
    cJSON_ArrayForEach(art, arts)
    {
        if (st)
            break;
        const char *id = str(art, "id"), *text = str(art, "text");
        if (!id || !text)
            continue;
        const cJSON *gold = NULL, *r;
        cJSON_ArrayForEach(r, evs)
        {
            const char *aid = str(r, "article");
            if (aid && !strcmp(aid, id))
                gold = cJSON_GetObjectItemCaseSensitive(r, "events");
        }
        if (!cJSON_IsArray(gold))
            continue;
        score->articles++;
        score->gold_events += (uint64_t)cJSON_GetArraySize(gold);
        dl_arena_reset(arena);
        dl_document doc = {0};
        doc.source = doc.path = path;
        doc.id = id;
        doc.title = str(art, "title");
        doc.date = str(art, "date");
        doc.text = text;
        doc.len = strlen(text);
        doc.format = DL_FORMAT_JSONL;
        dl_article *articles;
        size_t n_articles;
        if ((st = dl_clean(&articles, &n_articles, cleaner, &doc, arena)))
            break;
        for (size_t i = 0; i < n_articles && !st; i++) {
            dl_analysis an;
            if ((st = dl_pipeline_run(&an, pipeline, &articles[i], arena)))
                break;
            if ((st = score_gold(score, ww, gold, &an, &a, &b, arena, report, report_user)))
                break;
            for (size_t k = 0; k < an.n_events; k++) {
                const dl_event *e = &an.events[k];
                score->emitted++;
                const cJSON *g = match_gold(gold, e, &a, &b);
                if (!g)
                    continue;
                score->matched++;
                const char *gd = str(g, "date"), *basis = str(g, "date_basis");
                bool date_ok = dl_ww_date_match(gd, e->date, e->date_precision);
                score->date_right += date_ok;
                if (basis && !strcmp(basis, "sentence")) {
                    score->date_sentence_gold++;
                    score->date_sentence_right += date_ok;
                }
                const cJSON *loc = cJSON_GetObjectItemCaseSensitive(g, "location");
                const char *gc = cJSON_IsObject(loc) ? str(loc, "country") : NULL;
                bool loc_ok;
                if (cJSON_IsObject(loc)) {
                    score->loc_gold++;
                    loc_ok = gc && e->location_country && !strcmp(gc, e->location_country);
                    score->loc_country_right += loc_ok;
                } else {
                    score->loc_none_gold++;
                    loc_ok = !e->location_text;
                    score->loc_none_right += loc_ok;
                }
                if (report && (!date_ok || !loc_ok)) {
                    dl_buf_clear(&line);
                    dl_buf_printf(&line, "%s: %s%s%s | date %s (%s) gold %s | place %s (%s) gold %s | %.120s", id,
                                  date_ok ? "" : "DATE ", loc_ok ? "" : "PLACE ", e->cameo,
                                  e->date ? e->date : "-", e->date_text ? e->date_text : e->date_basis ? e->date_basis : "-",
                                  gd ? gd : "-", e->location_text ? e->location_text : "-",
                                  e->location_country ? e->location_country : "-", gc ? gc : "-",
                                  e->sentence_text);
                    report(report_user, line.data);
                }
            }
        }
    }
    dl_buf_free(&a);
    dl_buf_free(&b);
    dl_buf_free(&line);
    dl_arena_free(arena);
    cJSON_Delete(arts);
    cJSON_Delete(evs);
    return st;
}
