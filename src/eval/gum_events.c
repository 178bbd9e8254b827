/* gum_events.c: GUM news documents as event gold (see gum_events.h). */
#include "eval/gum_events.h"
#include "base/arena.h"
#include "base/buf.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of a comment line "# KEY = VALUE" (spaces around '=' optional),
 * or NULL when the line is another comment. The key must end at a space or
 * '=' so that "newpar" does not take "newpar_block". *has_eq tells whether
 * an '=' followed. */
static const char *comment_value(const char *line, size_t len, const char *key, size_t *vlen, bool *has_eq)
{
    size_t kl = strlen(key), i = 1;
    while (i < len && line[i] == ' ')
        i++;
    if (len - i < kl || memcmp(line + i, key, kl))
        return NULL;
    i += kl;
    if (i < len && line[i] != ' ' && line[i] != '=')
        return NULL;
    while (i < len && line[i] == ' ')
        i++;
    *has_eq = i < len && line[i] == '=';
    if (*has_eq)
        i++;
    while (i < len && line[i] == ' ')
        i++;
    size_t end = len;
    while (end > i && line[end - 1] == ' ')
        end--;
    *vlen = end - i;
    return line + i;
}

typedef struct reader {
    dl_gum_corpus *corpus;
    dl_arena *arena;
    dl_gum_doc *doc;        /* the document being read, or NULL */
    dl_buf body;
    bool newpar;            /* a paragraph starts before the next sentence */
    const char *sent_id;    /* the current block's id, or NULL */
    size_t sent_id_len;
    uint64_t *bad, *first_bad;
} reader;

/* Copies the finished body into the arena. */
static dl_status close_doc(reader *r)
{
    if (!r->doc)
        return DL_OK;
    char *t = dl_arena_strndup(r->arena, r->body.data ? r->body.data : "", r->body.len);
    if (!t)
        return DL_ERR_NOMEM;
    r->doc->text = t;
    r->doc->len = r->body.len;
    r->doc = NULL;
    dl_buf_clear(&r->body);
    return DL_OK;
}

static void count_bad(reader *r, uint64_t line)
{
    if (!*r->bad)
        *r->first_bad = line;
    (*r->bad)++;
}

static dl_status add_sentence(reader *r, const char *text, size_t len, uint64_t line)
{
    if (!r->doc || !r->sent_id) {
        count_bad(r, line);
        return DL_OK;
    }
    dl_gum_doc *d = r->doc;
    dl_status st = DL_OK;
    if (d->n_sentences)
        st = dl_buf_puts(&r->body, r->newpar ? "\n\n" : " ");
    if (!st && r->body.len + len > UINT32_MAX)
        st = DL_ERR_LIMIT;
    dl_gum_sentence *s = st ? NULL
                            : dl_arena_push(r->arena, (void **)&d->sentences, &d->n_sentences, &d->cap_sentences,
                                            sizeof *s);
    if (!st && !s)
        st = DL_ERR_NOMEM;
    if (!st && !(s->id = dl_arena_strndup(r->arena, r->sent_id, r->sent_id_len)))
        st = DL_ERR_NOMEM;
    if (!st) {
        s->start = (uint32_t)r->body.len;
        st = dl_buf_append(&r->body, text, len);
        s->end = (uint32_t)r->body.len;
    }
    r->newpar = false;
    r->sent_id = NULL;
    return st;
}

static dl_status read_line(reader *r, const char *line, size_t len, uint64_t lineno)
{
    if (len == 0) {
        r->sent_id = NULL;      /* an id belongs to its own block */
        return DL_OK;
    }
    if (line[0] != '#')
        return DL_OK;
    size_t vl;
    bool eq;
    const char *v;
    if ((v = comment_value(line, len, "newdoc", &vl, &eq))) {
        dl_status st = close_doc(r);
        if (st)
            return st;
        r->sent_id = NULL;
        r->newpar = false;
        size_t il;
        const char *id = comment_value(v - 1, vl + 1, "id", &il, &eq);
        if (!id || !eq || !il)
            return DL_OK;       /* an anonymous document: its sentences are counted bad */
        dl_gum_doc *d = dl_arena_push(r->arena, (void **)&r->corpus->docs, &r->corpus->n_docs,
                                      &r->corpus->cap_docs, sizeof *d);
        if (!d || !(d->id = dl_arena_strndup(r->arena, id, il)))
            return DL_ERR_NOMEM;
        r->doc = d;
        return DL_OK;
    }
    if ((v = comment_value(line, len, "newpar", &vl, &eq))) {
        r->newpar = true;
        return DL_OK;
    }
    if ((v = comment_value(line, len, "sent_id", &vl, &eq)) && eq && vl) {
        r->sent_id = v;
        r->sent_id_len = vl;
        return DL_OK;
    }
    if ((v = comment_value(line, len, "meta::dateCreated", &vl, &eq)) && eq && vl && r->doc) {
        r->doc->date = dl_arena_strndup(r->arena, v, vl);
        return r->doc->date ? DL_OK : DL_ERR_NOMEM;
    }
    if ((v = comment_value(line, len, "text", &vl, &eq)) && eq)
        return add_sentence(r, v, vl, lineno);
    return DL_OK;
}

dl_status dl_gum_read(dl_gum_corpus *corpus, const char *text, size_t len, dl_arena *arena, uint64_t *bad,
                      uint64_t *first_bad)
{
    reader r = {corpus, arena, NULL, DL_BUF_INIT, false, NULL, 0, bad, first_bad};
    *bad = 0;
    *first_bad = 0;
    dl_status st = DL_OK;
    uint64_t lineno = 0;
    for (size_t pos = 0; pos < len && !st;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n = end - pos;
        if (n && text[pos + n - 1] == '\r')
            n--;
        st = read_line(&r, text + pos, n, ++lineno);
        pos = end + 1;
    }
    if (!st)
        st = close_doc(&r);
    dl_buf_free(&r.body);
    return st;
}

const dl_gum_doc *dl_gum_find_doc(const dl_gum_corpus *corpus, const char *id)
{
    for (size_t i = 0; id && i < corpus->n_docs; i++)
        if (!strcmp(corpus->docs[i].id, id))
            return &corpus->docs[i];
    return NULL;
}

static const dl_gum_sentence *find_sentence(const dl_gum_doc *d, const char *id)
{
    for (size_t i = 0; d && id && i < d->n_sentences; i++)
        if (!strcmp(d->sentences[i].id, id))
            return &d->sentences[i];
    return NULL;
}

/* Rewrites one gold object into the layout event_gold.c reads: "doc"
 * becomes "article" and each event's "sent_id" becomes its "sentence"
 * text (an event whose sent_id is unknown is left without one, so
 * event_gold.c drops it). Returns false when something was left out (an
 * unknown doc or sent_id); *nomem is set when memory ran out. */
static bool to_event_gold(cJSON *root, const dl_gum_corpus *corpus, bool *nomem)
{
    const cJSON *doc = cJSON_GetObjectItemCaseSensitive(root, "doc");
    const dl_gum_doc *d = dl_gum_find_doc(corpus, doc->valuestring);
    bool complete = d != NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(root, "article");
    if (!cJSON_AddStringToObject(root, "article", doc->valuestring)) {
        *nomem = true;
        return false;
    }
    cJSON *evs = cJSON_GetObjectItemCaseSensitive(root, "events");
    cJSON *list = cJSON_IsArray(evs) ? evs : NULL;
    cJSON *e;
    cJSON_ArrayForEach(e, list)
    {
        /* a sentence is only ever taken from the corpus */
        cJSON_DeleteItemFromObjectCaseSensitive(e, "sentence");
        const cJSON *sid = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "sent_id") : NULL;
        const dl_gum_sentence *s = cJSON_IsString(sid) ? find_sentence(d, sid->valuestring) : NULL;
        if (!s) {
            complete = false;
            continue;
        }
        char *t = malloc(s->end - s->start + 1);
        if (!t) {
            *nomem = true;
            return false;
        }
        memcpy(t, d->text + s->start, s->end - s->start);
        t[s->end - s->start] = '\0';
        bool ok = cJSON_AddStringToObject(e, "sentence", t) != NULL;
        free(t);
        if (!ok) {
            *nomem = true;
            return false;
        }
    }
    return complete;
}

dl_status dl_gum_gold_parse(dl_event_gold *out, const char *text, size_t len, const dl_gum_corpus *corpus,
                            dl_arena *arena, uint64_t *bad, uint64_t *first_bad)
{
    memset(out, 0, sizeof *out);
    *bad = 0;
    *first_bad = 0;
    size_t cap = 0;
    uint64_t line = 0;
    dl_status st = DL_OK;
    for (size_t pos = 0; pos < len && !st;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t a = pos;
        pos = end + 1;
        line++;
        while (a < end && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        if (a == end)
            continue;
        cJSON *root = cJSON_ParseWithLength(text + a, end - a);
        bool nomem = false, valid = cJSON_IsObject(root) &&
                                    cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "doc"));
        /* an incomplete line keeps its good events */
        bool ok = valid && to_event_gold(root, corpus, &nomem);
        char *json = nomem || !valid ? NULL : cJSON_PrintUnformatted(root);
        cJSON_Delete(root);
        if (nomem || (valid && !json)) {
            free(json);
            st = DL_ERR_NOMEM;
            break;
        }
        dl_event_gold one = {0};
        uint64_t one_bad = 0, one_first;
        if (json)
            st = dl_event_gold_parse(&one, json, strlen(json), arena, &one_bad, &one_first);
        free(json);
        if (!ok || one_bad || !one.n_articles) {
            if (!*bad)
                *first_bad = line;
            (*bad)++;
        }
        for (size_t i = 0; !st && i < one.n_articles; i++) {
            dl_gold_article *ga = dl_arena_push(arena, (void **)&out->articles, &out->n_articles, &cap, sizeof *ga);
            if (!ga)
                st = DL_ERR_NOMEM;
            else
                *ga = one.articles[i];
        }
    }
    return st;
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

dl_status dl_event_eval_gum(dl_event_eval *ev, const char *const *conllu_paths, size_t n_paths,
                            const char *gold_path, const char *data_dir, dl_diag_fn diag, void *diag_user,
                            dl_event_eval_error_fn on_error, void *error_user)
{
    dl_arena *arena = dl_arena_new(0);
    dl_buf text = DL_BUF_INIT;
    dl_gum_corpus corpus = {0};
    dl_event_gold gold = {0};
    dl_article *articles = NULL;
    size_t n_articles = 0;
    uint64_t bad, first_bad;
    dl_status st = arena ? DL_OK : DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < n_paths; i++) {
        dl_buf_clear(&text);
        if ((st = read_file(&text, conllu_paths[i]))) {
            report(diag, diag_user, DL_ERROR, st, conllu_paths[i], 0, "cannot read the CoNLL-U file");
            break;
        }
        st = dl_gum_read(&corpus, text.data ? text.data : "", text.len, arena, &bad, &first_bad);
        if (!st && bad)
            report(diag, diag_user, DL_WARNING, DL_ERR_PARSE, conllu_paths[i], first_bad,
                   "sentences skipped (no document id or no sent_id before their text)");
    }
    if (!st) {
        dl_buf_clear(&text);
        if ((st = read_file(&text, gold_path)))
            report(diag, diag_user, DL_ERROR, st, gold_path, 0, "cannot read the gold events");
    }
    if (!st) {
        st = dl_gum_gold_parse(&gold, text.data ? text.data : "", text.len, &corpus, arena, &bad, &first_bad);
        if (!st && bad)
            report(diag, diag_user, DL_WARNING, DL_ERR_PARSE, gold_path, first_bad,
                   "gold lines or events skipped (not an object with \"doc\", a document or sent_id not in "
                   "the CoNLL-U files, or an event without a CAMEO code)");
    }
    /* Only the documents the gold names are run: the CoNLL-U files hold
     * other genres that nobody coded. */
    if (!st && !(articles = DL_ARENA_NEW(arena, dl_article, gold.n_articles + 1)))
        st = DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < gold.n_articles; i++) {
        const dl_gum_doc *d = dl_gum_find_doc(&corpus, gold.articles[i].article);
        if (!d)
            continue;
        dl_article *a = &articles[n_articles++];
        a->id = d->id;
        a->source = d->id;
        a->date = d->date;
        a->body = d->text;
        a->body_len = d->len;
    }
    if (!st)
        st = dl_event_eval_articles(ev, articles, n_articles, &gold, data_dir, diag, diag_user, on_error,
                                    error_user);
    dl_buf_free(&text);
    dl_arena_free(arena);
    return st;
}
