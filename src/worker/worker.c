/* worker.c: the Redis Streams worker and enqueuer (see worker.h).
 *
 * One round of the worker: take over messages another consumer left
 * pending too long (XAUTOCLAIM: a consumer that died mid-batch), else read
 * new ones (XREADGROUP); clean, analyse and store the batch in one store
 * transaction; commit; only then XACK. A crash anywhere before the ack
 * leaves the messages pending, to be claimed again, and the store's
 * content key makes the second delivery add nothing. A message that
 * cannot be stored is left pending for another try until it has been
 * delivered max_deliveries times; then it is copied to the dead-letter
 * stream with the reason and acknowledged. A message that can never be
 * processed (no text) goes there at once. */
#include "worker/worker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef DL_HAVE_HIREDIS
#include <hiredis/hiredis.h>

enum { MAX_FIELDS = 11 };
static const char *const field_names[MAX_FIELDS] = {"source", "path",     "id",       "url",  "title", "date",
                                                    "byline", "site_name", "language", "format", "text"};

static void say(dl_diag_fn diag, void *user, dl_severity sev, dl_status st, const char *what, const char *fmt,
                const char *detail)
{
    if (!diag)
        return;
    char message[512];
    snprintf(message, sizeof message, fmt, detail ? detail : "");
    dl_diag d = {sev, st, what, 0, 0, message};
    diag(user, &d);
}

/* redis://host[:port][/db]; the host may be [v6]. */
static redisContext *connect_url(const char *url, dl_diag_fn diag, void *user)
{
    char host[256] = "127.0.0.1";
    int port = 6379, db = 0;
    const char *p = url;
    if (!strncmp(p, "redis://", 8))
        p += 8;
    else if (strstr(p, "://")) {
        say(diag, user, DL_ERROR, DL_ERR_ARG, url, "%sonly redis:// URLs are understood", NULL);
        return NULL;
    }
    const char *at = strrchr(p, '@'); /* user:password@ is not sent: no AUTH support */
    if (at)
        p = at + 1;
    size_t hl = strcspn(p, ":/");
    if (*p == '[') {
        const char *close = strchr(p, ']');
        if (!close) {
            say(diag, user, DL_ERROR, DL_ERR_ARG, url, "%sunclosed [ in the host", NULL);
            return NULL;
        }
        p++;
        hl = (size_t)(close - p);
    }
    if (hl > 0 && hl < sizeof host) {
        memcpy(host, p, hl);
        host[hl] = '\0';
    }
    p += hl;
    if (*p == ']')
        p++;
    if (*p == ':')
        port = atoi(p + 1), p += strcspn(p, "/");
    if (*p == '/')
        db = atoi(p + 1);
    if (port <= 0 || port > 65535) {
        say(diag, user, DL_ERROR, DL_ERR_ARG, url, "%sbad port", NULL);
        return NULL;
    }
    struct timeval tv = {5, 0};
    redisContext *c = redisConnectWithTimeout(host, port, tv);
    if (!c || c->err) {
        say(diag, user, DL_ERROR, DL_ERR_IO, url, "cannot connect: %s", c ? c->errstr : "out of memory");
        redisFree(c);
        return NULL;
    }
    if (db) {
        redisReply *r = redisCommand(c, "SELECT %d", db);
        bool ok = r && r->type != REDIS_REPLY_ERROR;
        freeReplyObject(r);
        if (!ok) {
            say(diag, user, DL_ERROR, DL_ERR_IO, url, "%scannot select the database", NULL);
            redisFree(c);
            return NULL;
        }
    }
    return c;
}

/* -------------------------------------------------------------- enqueue */

dl_status dl_enqueue(const char *url, const char *stream, const char *const *paths, size_t n_paths,
                     dl_format format, dl_diag_fn diag, void *user, uint64_t *n)
{
    *n = 0;
    redisContext *c = connect_url(url, diag, user);
    if (!c)
        return DL_ERR_IO;
    dl_reader *reader = NULL;
    dl_reader_options ro = DL_READER_OPTIONS_INIT;
    ro.format = format;
    ro.diag = diag;
    ro.diag_user = user;
    dl_status st = dl_reader_open(&reader, paths, n_paths, &ro);
    const dl_document *doc;
    while (!st && (st = dl_reader_next(reader, &doc)) == DL_OK) {
        const char *argv[3 + 2 * MAX_FIELDS];
        size_t lens[3 + 2 * MAX_FIELDS];
        int k = 0;
        argv[k++] = "XADD", argv[k++] = stream, argv[k++] = "*";
        char fmt[8];
        snprintf(fmt, sizeof fmt, "%d", (int)doc->format);
        const char *values[MAX_FIELDS] = {doc->source, doc->path,      doc->id,       doc->url,
                                          doc->title,  doc->date,      doc->byline,   doc->site_name,
                                          doc->language, fmt,          doc->text};
        for (int i = 0; i < MAX_FIELDS; i++)
            if (values[i]) {
                argv[k++] = field_names[i];
                argv[k++] = values[i];
            }
        for (int i = 0; i < k; i++)
            lens[i] = strlen(argv[i]);
        lens[k - 1] = doc->len; /* the text is last and may hold NULs */
        redisReply *r = redisCommandArgv(c, k, argv, lens);
        if (!r || r->type == REDIS_REPLY_ERROR) {
            say(diag, user, DL_ERROR, DL_ERR_IO, url, "XADD failed: %s", r ? r->str : c->errstr);
            st = DL_ERR_IO;
        } else {
            ++*n;
        }
        freeReplyObject(r);
    }
    if (st == DL_ERR_EMPTY)
        st = DL_OK;
    dl_reader_close(reader);
    redisFree(c);
    return st;
}

/* --------------------------------------------------------------- worker */

typedef struct worker {
    const dl_worker_options *o;
    redisContext *c;
    dl_store *store;
    const dl_pipeline *pipeline;
    dl_cleaner *cleaner;
    dl_arena *arena, *doc_arena;
    dl_worker_stats *stats;
    char dead[256];
} worker;

static bool reply_ok(const redisReply *r) { return r && r->type != REDIS_REPLY_ERROR; }

static const redisReply *field(const redisReply *fields, const char *name)
{
    for (size_t i = 0; fields && i + 1 < fields->elements; i += 2)
        if (fields->element[i]->type == REDIS_REPLY_STRING && !strcmp(fields->element[i]->str, name))
            return fields->element[i + 1]->type == REDIS_REPLY_STRING ? fields->element[i + 1] : NULL;
    return NULL;
}

/* Copies the message to the dead-letter stream with why, then acks it. */
static dl_status bury(worker *w, const redisReply *entry, const char *why)
{
    const redisReply *fields = entry->element[1];
    size_t n = fields && fields->type == REDIS_REPLY_ARRAY ? fields->elements : 0;
    const char **argv = malloc((n + 7) * sizeof *argv);
    size_t *lens = malloc((n + 7) * sizeof *lens);
    if (!argv || !lens) {
        free(argv);
        free(lens);
        return DL_ERR_NOMEM;
    }
    int k = 0;
    argv[k] = "XADD", lens[k++] = 4;
    argv[k] = w->dead, lens[k++] = strlen(w->dead);
    argv[k] = "*", lens[k++] = 1;
    argv[k] = "dead_id", lens[k++] = 7;
    argv[k] = entry->element[0]->str, lens[k++] = entry->element[0]->len;
    argv[k] = "dead_reason", lens[k++] = 11;
    argv[k] = why, lens[k++] = strlen(why);
    for (size_t i = 0; i + 1 < n; i += 2) {
        if (fields->element[i]->type != REDIS_REPLY_STRING || fields->element[i + 1]->type != REDIS_REPLY_STRING)
            continue;
        argv[k] = fields->element[i]->str, lens[k++] = fields->element[i]->len;
        argv[k] = fields->element[i + 1]->str, lens[k++] = fields->element[i + 1]->len;
    }
    redisReply *r = redisCommandArgv(w->c, k, argv, lens);
    free(argv);
    free(lens);
    bool ok = reply_ok(r);
    freeReplyObject(r);
    if (!ok)
        return DL_ERR_IO;
    r = redisCommand(w->c, "XACK %s %s %s", w->o->stream, w->o->group, entry->element[0]->str);
    ok = reply_ok(r);
    freeReplyObject(r);
    w->stats->dead++;
    say(w->o->diag, w->o->diag_user, DL_WARNING, DL_OK, entry->element[0]->str,
        "moved to the dead-letter stream: %s", why);
    return ok ? DL_OK : DL_ERR_IO;
}

/* How many times the group has delivered this message. */
static long long deliveries(worker *w, const char *id)
{
    redisReply *r = redisCommand(w->c, "XPENDING %s %s %s %s 1", w->o->stream, w->o->group, id, id);
    long long n = 0;
    if (reply_ok(r) && r->type == REDIS_REPLY_ARRAY && r->elements == 1 &&
        r->element[0]->type == REDIS_REPLY_ARRAY && r->element[0]->elements >= 4)
        n = r->element[0]->element[3]->integer;
    freeReplyObject(r);
    return n;
}

/* Cleans, analyses and adds one message's articles (inside the open
 * transaction). Returns DL_OK, or why it failed in *why. */
static dl_status store_message(worker *w, const redisReply *fields, const char **why)
{
    const redisReply *text = field(fields, "text");
    if (!text) {
        *why = "no text field";
        return DL_ERR_PARSE;
    }
    dl_document doc = {0};
    const redisReply *f;
    const char **slots[] = {&doc.source, &doc.path,     &doc.id,       &doc.url,  &doc.title,
                            &doc.date,   &doc.byline,   &doc.site_name, &doc.language};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        if ((f = field(fields, field_names[i])))
            *slots[i] = f->str;
    if (!doc.source)
        doc.source = "redis";
    if (!doc.path)
        doc.path = doc.source;
    doc.text = text->str;
    doc.len = text->len;
    doc.format = (f = field(fields, "format")) ? (dl_format)atoi(f->str) : DL_FORMAT_TEXT;
    dl_arena_reset(w->doc_arena);
    dl_article *articles;
    size_t n = 0;
    dl_status st = dl_clean(&articles, &n, w->cleaner, &doc, w->doc_arena);
    if (st) {
        *why = "cannot be cleaned";
        return st;
    }
    for (size_t i = 0; i < n; i++) {
        bool found = false, added = false;
        if ((st = dl_store_has(w->store, &articles[i], &found))) {
            *why = dl_store_message(w->store);
            return st;
        }
        if (found) {
            w->stats->duplicates++;
            continue;
        }
        dl_arena_reset(w->arena);
        dl_analysis an;
        if ((st = dl_pipeline_run(&an, w->pipeline, &articles[i], w->arena))) {
            *why = "the pipeline failed";
            return st;
        }
        if ((st = dl_store_add(w->store, &an, &added))) {
            *why = dl_store_message(w->store);
            return st;
        }
        if (added)
            w->stats->articles++;
        else
            w->stats->duplicates++;
    }
    return DL_OK;
}

/* Stores a batch of entries ([id, [field, value, ...]] each) and acks
 * those stored once the transaction committed. */
static dl_status process(worker *w, const redisReply *entries)
{
    size_t n = entries ? entries->elements : 0;
    if (!n)
        return DL_OK;
    bool *ok = calloc(n, sizeof *ok);
    if (!ok)
        return DL_ERR_NOMEM;
    dl_status st = dl_store_begin(w->store);
    for (size_t i = 0; !st && i < n; i++) {
        const redisReply *e = entries->element[i];
        /* XAUTOCLAIM answers a message deleted meanwhile as [id, nil]. */
        if (e->type != REDIS_REPLY_ARRAY || e->elements < 2 || e->element[0]->type != REDIS_REPLY_STRING)
            continue;
        w->stats->messages++;
        if (e->element[1]->type != REDIS_REPLY_ARRAY) {
            ok[i] = true; /* nothing left to store */
            continue;
        }
        const char *why = "";
        dl_status ms = store_message(w, e->element[1], &why);
        if (!ms) {
            ok[i] = true;
            continue;
        }
        w->stats->failed++;
        char reason[400];
        snprintf(reason, sizeof reason, "%s (%s)", why, dl_status_name(ms));
        say(w->o->diag, w->o->diag_user, DL_WARNING, ms, e->element[0]->str, "not stored: %s", reason);
        if (ms == DL_ERR_PARSE || deliveries(w, e->element[0]->str) >= w->o->max_deliveries)
            st = bury(w, e, reason);
    }
    if (st) {
        dl_store_rollback(w->store);
        free(ok);
        return st;
    }
    if ((st = dl_store_commit(w->store))) {
        free(ok);
        return st;
    }
    /* Committed: now, and only now, the messages are done. */
    for (size_t i = 0; i < n; i++) {
        if (!ok[i])
            continue;
        redisReply *r = redisCommand(w->c, "XACK %s %s %s", w->o->stream, w->o->group,
                                     entries->element[i]->element[0]->str);
        if (!reply_ok(r))
            st = DL_ERR_IO;
        freeReplyObject(r);
    }
    free(ok);
    return st;
}

/* Messages pending with the group (every consumer), or -1. */
static long long pending(worker *w)
{
    redisReply *r = redisCommand(w->c, "XPENDING %s %s", w->o->stream, w->o->group);
    long long n = -1;
    if (reply_ok(r) && r->type == REDIS_REPLY_ARRAY && r->elements >= 1 &&
        r->element[0]->type == REDIS_REPLY_INTEGER)
        n = r->element[0]->integer;
    freeReplyObject(r);
    return n;
}

static dl_status round_trip(worker *w, bool *idle)
{
    *idle = false;
    /* Messages another consumer has held too long. */
    redisReply *r = redisCommand(w->c, "XAUTOCLAIM %s %s %s %ld 0-0 COUNT %ld", w->o->stream, w->o->group,
                                 w->o->consumer, w->o->claim_idle_ms, w->o->batch);
    if (!reply_ok(r) || r->type != REDIS_REPLY_ARRAY || r->elements < 2) {
        say(w->o->diag, w->o->diag_user, DL_ERROR, DL_ERR_IO, w->o->url, "XAUTOCLAIM failed: %s",
            r && r->str ? r->str : w->c->errstr);
        freeReplyObject(r);
        return DL_ERR_IO;
    }
    size_t claimed = r->element[1]->type == REDIS_REPLY_ARRAY ? r->element[1]->elements : 0;
    dl_status st = DL_OK;
    if (claimed) {
        w->stats->claimed += claimed;
        st = process(w, r->element[1]);
        freeReplyObject(r);
        return st;
    }
    freeReplyObject(r);
    r = redisCommand(w->c, "XREADGROUP GROUP %s %s COUNT %ld BLOCK %ld STREAMS %s >", w->o->group,
                     w->o->consumer, w->o->batch, w->o->block_ms, w->o->stream);
    if (!reply_ok(r)) {
        say(w->o->diag, w->o->diag_user, DL_ERROR, DL_ERR_IO, w->o->url, "XREADGROUP failed: %s",
            r && r->str ? r->str : w->c->errstr);
        freeReplyObject(r);
        return DL_ERR_IO;
    }
    if (r->type == REDIS_REPLY_ARRAY && r->elements == 1 && r->element[0]->elements == 2)
        st = process(w, r->element[0]->element[1]);
    else
        *idle = true;
    freeReplyObject(r);
    return st;
}

dl_status dl_worker_run(const dl_worker_options *o, dl_store *store, const dl_pipeline *pipeline,
                        volatile int *stop, dl_worker_stats *stats)
{
    *stats = (dl_worker_stats){0};
    worker w = {.o = o, .store = store, .pipeline = pipeline, .stats = stats};
    snprintf(w.dead, sizeof w.dead, "%s", o->dead ? o->dead : "");
    if (!o->dead)
        snprintf(w.dead, sizeof w.dead, "%s:dead", o->stream);
    dl_status st = dl_cleaner_open(&w.cleaner, o->data_dir, o->diag, o->diag_user);
    if (st)
        return st;
    w.arena = dl_arena_new(0);
    w.doc_arena = dl_arena_new(0);
    if (!w.arena || !w.doc_arena) {
        st = DL_ERR_NOMEM;
        goto done;
    }
    if (!(w.c = connect_url(o->url, o->diag, o->diag_user))) {
        st = DL_ERR_IO;
        goto done;
    }
    redisReply *r = redisCommand(w.c, "XGROUP CREATE %s %s 0 MKSTREAM", o->stream, o->group);
    bool ok = reply_ok(r) || (r && r->str && !strncmp(r->str, "BUSYGROUP", 9));
    if (!ok)
        say(o->diag, o->diag_user, DL_ERROR, DL_ERR_IO, o->url, "cannot create the consumer group: %s",
            r && r->str ? r->str : w.c->errstr);
    freeReplyObject(r);
    if (!ok) {
        st = DL_ERR_IO;
        goto done;
    }
    while (!*stop) {
        bool idle;
        if ((st = round_trip(&w, &idle)))
            break;
        if (idle && o->drain && pending(&w) == 0)
            break;
    }
done:
    if (w.c)
        redisFree(w.c);
    dl_arena_free(w.arena);
    dl_arena_free(w.doc_arena);
    dl_cleaner_close(w.cleaner);
    return st;
}

#else /* built without hiredis */

static dl_status no_hiredis(dl_diag_fn diag, void *user)
{
    if (diag) {
        dl_diag d = {DL_ERROR, DL_ERR_ARG, "dateline", 0, 0,
                     "built without hiredis: install libhiredis-dev and rebuild"};
        diag(user, &d);
    }
    return DL_ERR_ARG;
}

dl_status dl_worker_run(const dl_worker_options *o, dl_store *store, const dl_pipeline *pipeline,
                        volatile int *stop, dl_worker_stats *stats)
{
    *stats = (dl_worker_stats){0};
    return no_hiredis(o->diag, o->diag_user);
}

dl_status dl_enqueue(const char *url, const char *stream, const char *const *paths, size_t n_paths,
                     dl_format format, dl_diag_fn diag, void *user, uint64_t *n)
{
    *n = 0;
    return no_hiredis(diag, user);
}
#endif
