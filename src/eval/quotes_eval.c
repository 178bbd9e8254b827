/* quotes_eval.c: scores quotes against brat attribution corpora (see
 * quotes_eval.h for what the figures mean). */
#include "eval/quotes_eval.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A quote's content as sorted, merged byte ranges, plus its source. */
typedef struct frags {
    dl_brat_span *v;
    uint32_t n;
    dl_brat_span source; /* end == 0: none */
} frags;

dl_prf dl_prf_make(double hit_p, double n_p, double hit_r, double n_r)
{
    dl_prf x = {n_p > 0 ? hit_p / n_p : 0, n_r > 0 ? hit_r / n_r : 0, 0};
    x.f = x.p + x.r > 0 ? 2 * x.p * x.r / (x.p + x.r) : 0;
    return x;
}

static bool word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Bytes that are not part of a quote's words: space, quotation marks,
 * punctuation. Multi-byte marks (curly quotes, dashes) start with 0xE2. */
static size_t junk_len(const char *s, size_t i, size_t end, bool forward)
{
    if (forward) {
        unsigned char c = (unsigned char)s[i];
        if (strchr(" \t\r\n\"'.,;:!?()[]-", c))
            return 1;
        if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80)
            return 3;
        if (c == 0xC2 && i + 1 < end && ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xAB ||
                                         (unsigned char)s[i + 1] == 0xBB))
            return 2;
        return 0;
    }
    unsigned char c = (unsigned char)s[end - 1];
    if (strchr(" \t\r\n\"'.,;:!?()[]-", c))
        return 1;
    if (end >= i + 3 && (unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80)
        return 3;
    if (end >= i + 2 && (unsigned char)s[end - 2] == 0xC2 &&
        (c == 0xA0 || c == 0xAB || c == 0xBB))
        return 2;
    return 0;
}

static dl_brat_span trim(const char *s, size_t len, dl_brat_span x)
{
    size_t a = x.start, b = x.end, k;
    if (b > len)
        b = len;
    while (a < b && (k = junk_len(s, a, b, true)))
        a += k;
    while (b > a && (k = junk_len(s, a, b, false)))
        b -= k;
    return (dl_brat_span){(uint32_t)a, (uint32_t)b};
}

static int by_span(const void *a, const void *b)
{
    const dl_brat_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* Trims, sorts and merges a fragment list in place. */
static void normalise(frags *f, const char *text, size_t len)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        dl_brat_span t = trim(text, len, f->v[i]);
        if (t.end > t.start)
            f->v[n++] = t;
    }
    qsort(f->v, n, sizeof *f->v, by_span);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (m && f->v[i].start <= f->v[m - 1].end) {
            if (f->v[i].end > f->v[m - 1].end)
                f->v[m - 1].end = f->v[i].end;
        } else {
            f->v[m++] = f->v[i];
        }
    }
    f->n = m;
    if (f->source.end)
        f->source = trim(text, len, f->source);
}

/* Word starts of the text, for counting words in a range. */
typedef struct words {
    uint32_t *at;
    size_t n;
} words;

static size_t count_words(const words *w, uint32_t a, uint32_t b)
{
    if (b <= a)
        return 0;
    size_t lo = 0, hi = w->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->at[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t first = lo;
    hi = w->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->at[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - first;
}

static size_t overlap(const words *w, const frags *x, const frags *y)
{
    size_t n = 0;
    for (uint32_t i = 0; i < x->n; i++)
        for (uint32_t j = 0; j < y->n; j++) {
            uint32_t a = x->v[i].start > y->v[j].start ? x->v[i].start : y->v[j].start;
            uint32_t b = x->v[i].end < y->v[j].end ? x->v[i].end : y->v[j].end;
            n += count_words(w, a, b);
        }
    return n;
}

static size_t source_overlap(const words *w, const frags *x, const frags *y)
{
    uint32_t a = x->source.start > y->source.start ? x->source.start : y->source.start;
    uint32_t b = x->source.end < y->source.end ? x->source.end : y->source.end;
    return x->source.end && y->source.end ? count_words(w, a, b) : 0;
}

static bool same_frags(const frags *x, const frags *y)
{
    if (x->n != y->n || x->n == 0)
        return false;
    for (uint32_t i = 0; i < x->n; i++)
        if (x->v[i].start != y->v[i].start || x->v[i].end != y->v[i].end)
            return false;
    return true;
}

static bool same_source(const frags *x, const frags *y)
{
    if (!x->source.end || !y->source.end)
        return !x->source.end && !y->source.end;
    return x->source.start == y->source.start && x->source.end == y->source.end;
}

/* The gold quotes: every Attribution event's contents and source. */
static dl_status gold_quotes(frags **out, size_t *n_out, const dl_brat *g, const char *text, size_t len,
                             dl_arena *arena)
{
    frags *v = DL_ARENA_NEW(arena, frags, g->n_events + 1);
    if (!v)
        return DL_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < g->n_events; i++) {
        const dl_brat_event *e = &g->events[i];
        if (strncmp(e->type, "Attribution", 11) != 0)
            continue;
        uint32_t total = 0, from = 0;
        int32_t k;
        while ((k = dl_brat_event_arg(g, e, "Content", &from)) >= 0)
            total += g->entities[k].n_spans;
        if (!total)
            continue;
        frags *f = &v[n];
        f->v = DL_ARENA_NEW(arena, dl_brat_span, total);
        if (!f->v)
            return DL_ERR_NOMEM;
        from = 0;
        while ((k = dl_brat_event_arg(g, e, "Content", &from)) >= 0)
            for (uint32_t s = 0; s < g->entities[k].n_spans; s++)
                f->v[f->n++] = g->entities[k].spans[s];
        k = dl_brat_event_arg(g, e, "Source", NULL);
        if (k >= 0 && g->entities[k].n_spans)
            f->source = (dl_brat_span){g->entities[k].spans[0].start,
                                       g->entities[k].spans[g->entities[k].n_spans - 1].end};
        normalise(f, text, len);
        if (f->n)
            n++;
    }
    *out = v;
    *n_out = n;
    return DL_OK;
}

/* The predicted quotes, those that share a cue grouped as one. */
static dl_status predicted(frags **out, size_t *n_out, const dl_quote *q, const dl_quote_span *sp, size_t nq,
                           const char *text, size_t len, dl_arena *arena)
{
    frags *v = DL_ARENA_NEW(arena, frags, nq + 1);
    int32_t *group = DL_ARENA_NEW(arena, int32_t, nq + 1);
    if (!v || !group)
        return DL_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < nq; i++) {
        group[i] = -1;
        for (size_t j = 0; j < i && sp[i].cue_end; j++)
            if (sp[j].cue_start == sp[i].cue_start && sp[j].cue_end == sp[i].cue_end) {
                group[i] = group[j];
                break;
            }
        if (group[i] < 0) {
            group[i] = (int32_t)n;
            v[n].v = DL_ARENA_NEW(arena, dl_brat_span, nq);
            if (!v[n].v)
                return DL_ERR_NOMEM;
            if (sp[i].speaker_end)
                v[n].source = (dl_brat_span){sp[i].speaker_start, sp[i].speaker_end};
            n++;
        }
        frags *f = &v[group[i]];
        f->v[f->n++] = (dl_brat_span){q[i].start, q[i].end};
    }
    for (size_t i = 0; i < n; i++)
        normalise(&v[i], text, len);
    *out = v;
    *n_out = n;
    return DL_OK;
}

dl_status dl_quote_eval_document(dl_quote_eval *ev, const char *text, size_t len, const dl_quote *quotes,
                                 const dl_quote_span *spans, size_t n_quotes, const dl_brat *gold,
                                 dl_arena *arena)
{
    words w = {DL_ARENA_NEW(arena, uint32_t, len / 2 + 2), 0};
    if (!w.at)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < len; i++)
        if (word_byte((unsigned char)text[i]) && (i == 0 || !word_byte((unsigned char)text[i - 1])))
            w.at[w.n++] = (uint32_t)i;
    frags *g, *p;
    size_t ng, np;
    dl_status st = gold_quotes(&g, &ng, gold, text, len, arena);
    if (!st)
        st = predicted(&p, &np, quotes, spans, n_quotes, text, len, arena);
    if (st)
        return st;
    ev->docs++;
    ev->gold += ng;
    ev->pred += np;
    /* Content words, as sets: a word in two nested quotes counts once. */
    uint8_t *in = DL_ARENA_NEW(arena, uint8_t, len + 1);
    if (!in)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < ng; i++)
        for (uint32_t k = 0; k < g[i].n; k++)
            for (uint32_t b = g[i].v[k].start; b < g[i].v[k].end; b++)
                in[b] |= 1;
    for (size_t i = 0; i < np; i++)
        for (uint32_t k = 0; k < p[i].n; k++)
            for (uint32_t b = p[i].v[k].start; b < p[i].v[k].end; b++)
                in[b] |= 2;
    for (size_t i = 0; i < w.n; i++) {
        uint8_t m = in[w.at[i]];
        ev->content_words_gold += (m & 1) != 0;
        ev->content_words_pred += (m & 2) != 0;
        ev->content_words_both += m == 3;
    }
    /* Each prediction against the gold quote it overlaps most, and the
     * other way round. */
    for (size_t i = 0; i < np; i++) {
        size_t best = 0;
        int32_t bj = -1;
        bool exact = false;
        for (size_t j = 0; j < ng; j++) {
            size_t o = overlap(&w, &p[i], &g[j]);
            exact |= same_frags(&p[i], &g[j]);
            if (o > best)
                best = o, bj = (int32_t)j;
        }
        ev->content_exact_pred += exact;
        ev->source_words_pred += p[i].source.end ? count_words(&w, p[i].source.start, p[i].source.end) : 0;
        if (bj >= 0) {
            ev->source_overlap_pred += source_overlap(&w, &p[i], &g[bj]);
            ev->source_exact_pred += same_source(&p[i], &g[bj]);
        }
    }
    for (size_t j = 0; j < ng; j++) {
        size_t best = 0;
        int32_t bi = -1;
        bool exact = false;
        for (size_t i = 0; i < np; i++) {
            size_t o = overlap(&w, &p[i], &g[j]);
            exact |= same_frags(&p[i], &g[j]);
            if (o > best)
                best = o, bi = (int32_t)i;
        }
        ev->content_exact_gold += exact;
        ev->source_words_gold += g[j].source.end ? count_words(&w, g[j].source.start, g[j].source.end) : 0;
        if (bi >= 0) {
            size_t so = source_overlap(&w, &p[bi], &g[j]);
            ev->source_overlap_gold += so;
            ev->source_exact_gold += same_source(&p[bi], &g[j]);
            if (g[j].source.end) {
                ev->speaker_matched++;
                ev->speaker_right += so > 0;
            }
        }
    }
    return DL_OK;
}

/* ------------------------------------------------------------ a folder */

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

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(dl_diag_fn diag, void *user, dl_severity sev, dl_status st, const char *file, const char *msg)
{
    if (!diag)
        return;
    dl_diag d = {sev, st, file, 0, 0, msg};
    diag(user, &d);
}

typedef struct stages {
    dl_parser *parser;
    dl_actors *actors;
    dl_quoter *quoter;
} stages;

static dl_status eval_one(dl_quote_eval *ev, const stages *s, const char *name, const char *text_path,
                          const char *ann_path, dl_diag_fn diag, void *user)
{
    dl_buf text = DL_BUF_INIT, ann = DL_BUF_INIT;
    dl_arena *arena = dl_arena_new(0);
    dl_status st = arena ? DL_OK : DL_ERR_NOMEM;
    if (!st && (st = read_all(&text, text_path)) == DL_ERR_IO)
        report(diag, user, DL_ERROR, st, text_path, "cannot read the text");
    if (!st && (st = read_all(&ann, ann_path)) == DL_ERR_IO)
        report(diag, user, DL_ERROR, st, ann_path, "cannot read the annotations");
    dl_brat gold;
    if (!st)
        st = dl_brat_parse(&gold, ann.data, ann.len, arena);
    if (!st && gold.n_bad) {
        char msg[120];
        snprintf(msg, sizeof msg, "%zu malformed lines skipped, the first at line %llu", gold.n_bad,
                 (unsigned long long)gold.first_bad);
        report(diag, user, DL_WARNING, DL_ERR_PARSE, ann_path, msg);
    }
    size_t mism = 0;
    if (!st)
        st = dl_brat_fit_offsets(&gold, text.data, text.len, &mism, arena);
    ev->offset_mismatches += mism;
    if (!st) {
        /* The raw bytes of the text file, so the gold offsets line up. */
        dl_article a = {.id = name, .source = text_path, .body = text.data, .body_len = text.len};
        dl_sentence *sents;
        size_t ns, nm = 0, nq = 0;
        dl_mention *ments = NULL;
        dl_quote *quotes;
        dl_quote_span *spans;
        double t0 = now();
        st = dl_parse(&sents, &ns, s->parser, text.data, text.len, arena);
        if (!st)
            st = dl_actors_find(&ments, &nm, s->actors, &a, sents, ns, 0, arena);
        if (!st)
            st = dl_quotes_find_spans(&quotes, &spans, &nq, s->quoter, &a, sents, ns, ments, nm, arena);
        ev->seconds += now() - t0;
        ev->bytes += text.len;
        if (!st)
            st = dl_quote_eval_document(ev, text.data, text.len, quotes, spans, nq, &gold, arena);
    }
    dl_arena_free(arena);
    dl_buf_free(&text);
    dl_buf_free(&ann);
    return st;
}

dl_status dl_quote_eval_dir(dl_quote_eval *ev, const char *dir, const char *data_dir, bool all_annotators,
                            dl_diag_fn diag, void *user)
{
    dl_buf path = DL_BUF_INIT;
    dl_status st = dl_buf_printf(&path, "%s/attributions", dir);
    if (st)
        return st;
    DIR *d = opendir(path.data);
    if (!d) {
        report(diag, user, DL_ERROR, DL_ERR_IO, path.data, "cannot open the folder");
        dl_buf_free(&path);
        return DL_ERR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while (!st && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".ann") != 0 || e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **nv = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
            if (!nv) {
                st = DL_ERR_NOMEM;
                break;
            }
            names = nv;
        }
        if (!(names[n] = strdup(e->d_name)))
            st = DL_ERR_NOMEM;
        else
            n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, by_name);
    stages s = {0};
    dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
    ao.data_dir = data_dir;
    ao.diag = diag;
    ao.diag_user = user;
    if (!st)
        st = dl_parser_open(&s.parser, data_dir);
    if (!st)
        st = dl_actors_open(&s.actors, &ao);
    if (!st)
        st = dl_quoter_open(&s.quoter, data_dir, NULL, NULL);
    dl_map *seen = dl_map_new();
    if (!st && !seen)
        st = DL_ERR_NOMEM;
    dl_buf text_path = DL_BUF_INIT, ann_path = DL_BUF_INIT;
    for (size_t i = 0; i < n && !st; i++) {
        /* NAME_ANNOTATOR.ann annotates text/NAME.txt (or text/NAME_ANNOTATOR.txt). */
        size_t l = strlen(names[i]) - 4;
        dl_buf_clear(&text_path);
        dl_buf_clear(&ann_path);
        st = dl_buf_printf(&ann_path, "%s/attributions/%s", dir, names[i]);
        if (!st)
            st = dl_buf_printf(&text_path, "%s/text/%.*s.txt", dir, (int)l, names[i]);
        size_t stem = l;
        FILE *probe = st ? NULL : fopen(text_path.data, "rb");
        if (probe) {
            fclose(probe);
        } else if (!st) {
            const char *us = memrchr(names[i], '_', l);
            if (us)
                stem = (size_t)(us - names[i]);
            dl_buf_clear(&text_path);
            st = dl_buf_printf(&text_path, "%s/text/%.*s.txt", dir, (int)stem, names[i]);
        }
        if (st)
            break;
        bool created = true;
        if (!all_annotators && !dl_map_slot(seen, names[i], stem, &created))
            st = DL_ERR_NOMEM;
        if (st || !created)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)stem, names[i]);
        dl_status fs = eval_one(ev, &s, name, text_path.data, ann_path.data, diag, user);
        if (fs == DL_ERR_NOMEM)
            st = fs;
        else if (fs && fs != DL_ERR_IO)
            report(diag, user, DL_ERROR, fs, ann_path.data, dl_status_name(fs));
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    dl_map_free(seen);
    dl_buf_free(&text_path);
    dl_buf_free(&ann_path);
    dl_buf_free(&path);
    dl_quoter_close(s.quoter);
    dl_actors_close(s.actors);
    dl_parser_close(s.parser);
    return st;
}
