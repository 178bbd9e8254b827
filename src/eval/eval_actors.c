/* eval_actors.c: named-mention scores on GUM and event-actor codes on
 * the Wikinews event gold. See eval_actors.h for what is counted. */
#include "eval/eval_actors.h"
#include "eval/event_gold.h"
#include "base/arena.h"
#include "base/buf.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(dl_diag_fn diag, void *user, dl_severity sev, dl_status st, const char *file, uint64_t line,
                   const char *msg)
{
    if (!diag)
        return;
    dl_diag d = {sev, st, file, line, 0, msg};
    diag(user, &d);
}

static dl_status read_all(dl_buf *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return DL_ERR_IO;
    char chunk[1 << 16];
    size_t got;
    dl_status st = DL_OK;
    while (!st && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = dl_buf_append(b, chunk, got);
    if (!st && ferror(f))
        st = DL_ERR_IO;
    fclose(f);
    if (!st && !b->data)
        st = dl_buf_append(b, "", 0);
    return st;
}

/* ------------------------------------------------------------------ GUM */

int dl_gum_type(const char *t, bool gold)
{
    if (!t)
        return DL_GUM_TYPES;
    if (!strcmp(t, "person"))
        return DL_GUM_PERSON;
    if (gold)
        return !strcmp(t, "organization") ? DL_GUM_ORGANIZATION : !strcmp(t, "place") ? DL_GUM_PLACE : DL_GUM_TYPES;
    if (!strcmp(t, "organisation") || !strcmp(t, "media") || !strcmp(t, "group"))
        return DL_GUM_ORGANIZATION;
    if (!strcmp(t, "country") || !strcmp(t, "place"))
        return DL_GUM_PLACE;
    return DL_GUM_UNKNOWN;
}

/* Is the mention's head word capitalised (a name, not a role word or a
 * pronoun) and not an adjective (a demonym such as "American" in
 * "American soldiers" codes a country but names no place)? */
static bool named_mention(const dl_mention *m, const dl_sentence *sentences, size_t n_sentences)
{
    if (m->sentence >= n_sentences || m->head >= sentences[m->sentence].n_tokens)
        return false;
    const dl_token *t = &sentences[m->sentence].tokens[m->head];
    const char *w = t->text ? t->text : "";
    if (!(*w >= 'A' && *w <= 'Z') && !((unsigned char)*w >= 0xC3 && (unsigned char)*w <= 0xD4))
        return false;
    if (t->tag == DL_TAG_JJ || t->tag == DL_TAG_JJR || t->tag == DL_TAG_JJS)
        return false;
    /* "He", "She" at the start of a sentence */
    return strcmp(w, "He") && strcmp(w, "She") && strcmp(w, "It") && strcmp(w, "They") && strcmp(w, "Him");
}

static void add_counts(dl_gum_counts *c, int gold_type, bool found, bool nested)
{
    c->gold[gold_type]++;
    c->found[gold_type] += found;
    c->nested[gold_type] += !found && nested;
}

/* Does a named mention found hold the gold mention's proper nouns? */
static bool inside_found(const dl_gum_mention *g, const dl_mention *mentions, size_t n, const dl_sentence *sentences,
                         size_t n_sentences)
{
    for (size_t i = 0; i < n; i++)
        if (mentions[i].start <= g->core_start && g->core_end <= mentions[i].end &&
            named_mention(&mentions[i], sentences, n_sentences))
            return true;
    return false;
}

void dl_gum_score_doc(dl_gum_score *score, const dl_gum_doc *doc, const dl_sentence *sentences,
                      size_t n_sentences, const dl_mention *mentions, size_t n_mentions)
{
    bool news = doc->id && !strncmp(doc->id, "GUM_news_", 9);
    score->all.docs++;
    score->news.docs += news;
    bool *taken = calloc(doc->n_mentions + 1, sizeof *taken);
    if (!taken)
        return;
    for (size_t i = 0; i < n_mentions; i++) {
        const dl_mention *m = &mentions[i];
        if (!named_mention(m, sentences, n_sentences))
            continue;
        uint32_t head = sentences[m->sentence].tokens[m->head].start;
        int kind = dl_gum_type(m->kind, false);
        /* the smallest gold mention it fits, unmatched first */
        long best = -1;
        bool best_taken = true;
        uint32_t best_len = UINT32_MAX;
        for (size_t g = 0; g < doc->n_mentions; g++) {
            const dl_gum_mention *gm = &doc->mentions[g];
            if (!gm->named || m->start >= gm->core_end || m->end <= gm->core_start || head < gm->start ||
                head >= gm->end)
                continue;
            uint32_t len = gm->end - gm->start;
            if ((best_taken && !taken[g]) || (best_taken == taken[g] && len < best_len)) {
                best = (long)g;
                best_taken = taken[g];
                best_len = len;
            }
        }
        int gold_type = best >= 0 ? dl_gum_type(doc->mentions[best].type, true) : DL_GUM_TYPES;
        if (best >= 0 && gold_type == DL_GUM_TYPES) {
            score->all.other++;
            score->news.other += news;
            continue;
        }
        bool right = best >= 0 && !best_taken;
        if (right)
            taken[best] = true;
        else if (score->misses)
            dl_buf_printf(score->misses, "extra\t%s\t%s\t%.*s\n", doc->id, m->kind ? m->kind : "-",
                          (int)(m->end - m->start), doc->text + m->start);
        bool typed = right && gold_type == kind;
        score->all.pred[kind]++;
        score->all.right[kind] += right;
        score->all.typed[kind] += typed;
        if (news) {
            score->news.pred[kind]++;
            score->news.right[kind] += right;
            score->news.typed[kind] += typed;
        }
    }
    for (size_t g = 0; g < doc->n_mentions; g++) {
        const dl_gum_mention *gm = &doc->mentions[g];
        int t = dl_gum_type(gm->type, true);
        if (!gm->named || t == DL_GUM_TYPES)
            continue;
        bool nested = !taken[g] && inside_found(gm, mentions, n_mentions, sentences, n_sentences);
        add_counts(&score->all, t, taken[g], nested);
        if (!taken[g] && score->misses)
            dl_buf_printf(score->misses, nested ? "nested\t%s\t%s\t%.*s\n" : "miss\t%s\t%s\t%.*s\n", doc->id, gm->type, (int)(gm->end - gm->start),
                          doc->text + gm->start);
        if (news)
            add_counts(&score->news, t, taken[g], nested);
    }
    free(taken);
}

void dl_gum_set_misses(dl_gum_score *score, dl_buf *misses) { score->misses = misses; }

dl_status dl_gum_eval_file(dl_gum_score *score, const dl_pipeline *pipeline, const char *path, dl_diag_fn diag,
                           void *user)
{
    dl_buf raw = DL_BUF_INIT;
    dl_status st = read_all(&raw, path);
    if (st) {
        if (st == DL_ERR_IO)
            report(diag, user, DL_ERROR, st, path, 0, "cannot read the file");
        dl_buf_free(&raw);
        return st;
    }
    dl_arena *arena = dl_arena_new(0);
    if (!arena) {
        dl_buf_free(&raw);
        return DL_ERR_NOMEM;
    }
    dl_gum_doc *docs;
    size_t n_docs;
    uint64_t bad = 0;
    st = dl_gum_parse(&docs, &n_docs, raw.data, raw.len, arena, &bad);
    if (st == DL_ERR_PARSE)
        report(diag, user, DL_ERROR, st, path, bad, "not a CoNLL-U word line");
    dl_arena *doc_arena = st ? NULL : dl_arena_new(0);
    if (!st && !doc_arena)
        st = DL_ERR_NOMEM;
    for (size_t d = 0; d < n_docs && !st; d++) {
        dl_arena_reset(doc_arena);
        dl_article a = {.id = docs[d].id, .source = path, .body = docs[d].text, .body_len = docs[d].len};
        dl_analysis an;
        double t0 = now();
        st = dl_pipeline_run(&an, pipeline, &a, doc_arena);
        score->seconds += now() - t0;
        if (st)
            break;
        for (size_t s = 0; s < an.n_sentences; s++)
            score->tokens += an.sentences[s].n_tokens;
        dl_gum_score_doc(score, &docs[d], an.sentences, an.n_sentences, an.mentions, an.n_mentions);
    }
    dl_arena_free(doc_arena);
    dl_arena_free(arena);
    dl_buf_free(&raw);
    return st;
}

/* ------------------------------------------------------- event actors */

typedef struct gold_article {
    char *id, *date, *text;
} gold_article;

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The coded mention that dateline gives for bytes [s, e): the one
 * overlapping them that starts first (the longer on a tie). */
static const dl_mention *mention_at(const dl_analysis *an, uint32_t s, uint32_t e)
{
    const dl_mention *best = NULL;
    for (size_t i = 0; i < an->n_mentions; i++) {
        const dl_mention *m = &an->mentions[i];
        if (!m->code || m->end <= s || m->start >= e)
            continue;
        if (!best || m->start < best->start || (m->start == best->start && m->end > best->end))
            best = m;
    }
    return best;
}

static bool word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* The first place where text stands as whole words ("Japan", not the
 * "Japan" of "Sino-Japanese"), else the first place at all. */
static const char *find_words(const char *hay, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = strstr(hay, text); p; p = strstr(p + 1, text))
        if ((p == hay || !word_byte(p[-1]) || !word_byte(text[0])) && (!word_byte(p[n]) || !word_byte(text[n - 1])))
            return p;
    return strstr(hay, text);
}

static void score_actor(dl_event_actor_score *sc, const dl_analysis *an, const gold_article *ga, const char *sentence,
                        const dl_gold_actor *actor, dl_buf *misses)
{
    const char *text = actor->text, *code = actor->code;
    if (!text || !code || strlen(code) < 3)
        return;
    sc->gold++;
    const char *sp = sentence ? strstr(ga->text, sentence) : NULL;
    const char *at = sp ? find_words(sp, text) : NULL;
    if (!at)
        at = find_words(ga->text, text);
    const dl_mention *m = NULL;
    if (at) {
        sc->located++;
        uint32_t s = (uint32_t)(at - ga->text);
        m = mention_at(an, s, s + (uint32_t)strlen(text));
    }
    bool country = m && !strncmp(m->code, code, 3);
    size_t cl = m ? strcspn(m->code, "/") : 0;
    bool full = m && cl == strlen(code) && !strncmp(m->code, code, cl);
    sc->coded += m != NULL;
    sc->country += country;
    sc->full += full;
    if (misses && !country)
        dl_buf_printf(misses, "%s\t%s\t%s\t%s\t%s\n", ga->id, text, code, m ? m->code : "-", m ? m->text : "-");
}

static dl_status read_articles(gold_article **out, size_t *n, const char *path, dl_diag_fn diag, void *user)
{
    dl_buf raw = DL_BUF_INIT;
    dl_status st = read_all(&raw, path);
    if (st) {
        if (st == DL_ERR_IO)
            report(diag, user, DL_ERROR, st, path, 0, "cannot read the articles");
        dl_buf_free(&raw);
        return st;
    }
    gold_article *arts = NULL;
    size_t cap = 0;
    uint64_t line = 0;
    for (char *p = raw.data; p && *p && !st;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line++;
        cJSON *o = *p ? cJSON_Parse(p) : NULL;
        const char *id = jstr(o, "id"), *text = jstr(o, "text"), *date = jstr(o, "date");
        if (*p && (!id || !text)) {
            report(diag, user, DL_WARNING, DL_ERR_PARSE, path, line, "not an article (id and text) - skipped");
        } else if (id) {
            if (*n == cap) {
                gold_article *g = realloc(arts, (cap = cap ? cap * 2 : 32) * sizeof *g);
                if (!g)
                    st = DL_ERR_NOMEM;
                else
                    arts = g;
            }
            if (!st) {
                gold_article *a = &arts[(*n)++];
                a->id = strdup(id);
                a->text = strdup(text);
                a->date = date ? strdup(date) : NULL;
                if (!a->id || !a->text || (date && !a->date))
                    st = DL_ERR_NOMEM;
            }
        }
        cJSON_Delete(o);
        p = nl ? nl + 1 : NULL;
    }
    dl_buf_free(&raw);
    *out = arts;
    return st;
}

dl_status dl_event_actors_eval_dir(dl_event_actor_score *score, const dl_pipeline *pipeline, const char *dir,
                                   dl_buf *misses, dl_diag_fn diag, void *user)
{
    dl_buf path = DL_BUF_INIT, raw = DL_BUF_INIT;
    gold_article *arts = NULL;
    size_t n_arts = 0;
    dl_status st = dl_buf_printf(&path, "%s/articles.jsonl", dir);
    if (!st)
        st = read_articles(&arts, &n_arts, path.data, diag, user);
    dl_buf_clear(&path);
    if (!st && !(st = dl_buf_printf(&path, "%s/events.jsonl", dir)) && (st = read_all(&raw, path.data)) == DL_ERR_IO)
        report(diag, user, DL_ERROR, st, path.data, 0, "cannot read the events");
    dl_arena *gold_arena = st ? NULL : dl_arena_new(0), *arena = st ? NULL : dl_arena_new(0);
    if (!st && (!gold_arena || !arena))
        st = DL_ERR_NOMEM;
    dl_event_gold gold = {0};
    uint64_t bad = 0, first_bad = 0;
    if (!st)
        st = dl_event_gold_parse(&gold, raw.data, raw.len, gold_arena, &bad, &first_bad);
    if (!st && bad)
        report(diag, user, DL_WARNING, DL_ERR_PARSE, path.data, first_bad, "gold lines or events skipped");
    for (size_t i = 0; i < n_arts && !st; i++) {
        const gold_article *ga = &arts[i];
        const dl_gold_article *g = dl_event_gold_find(&gold, ga->id);
        if (!g)
            continue;
        dl_arena_reset(arena);
        dl_article a = {.id = ga->id, .source = path.data, .body = ga->text, .body_len = strlen(ga->text),
                        .date = ga->date};
        dl_analysis an;
        if ((st = dl_pipeline_run(&an, pipeline, &a, arena)))
            break;
        score->articles++;
        for (size_t e = 0; e < g->n_events; e++) {
            score_actor(score, &an, ga, g->events[e].sentence, &g->events[e].source, misses);
            score_actor(score, &an, ga, g->events[e].sentence, &g->events[e].target, misses);
        }
    }
    for (size_t i = 0; i < n_arts; i++) {
        free(arts[i].id);
        free(arts[i].text);
        free(arts[i].date);
    }
    free(arts);
    dl_arena_free(arena);
    dl_arena_free(gold_arena);
    dl_buf_free(&path);
    dl_buf_free(&raw);
    return st;
}
