/* gum.c: GUM's entity mentions with byte offsets into rebuilt document
 * text. See gum.h for the format. */
#include "eval/gum.h"
#include "base/arena.h"
#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct gum_word {
    uint32_t start, end;
    bool propn;
} gum_word;

/* A mention opened on some word and not yet closed. */
typedef struct gum_open {
    char id[16];
    const char *type, *identity, *minspan;
    size_t first; /* word index in the document */
} gum_open;

typedef struct gum_state {
    dl_arena *arena;
    dl_gum_doc *docs;
    size_t n_docs, cap_docs;
    dl_gum_doc *doc;
    size_t cap_mentions;
    dl_buf text;
    gum_word *words;
    size_t n_words, cap_words;
    gum_open *open;
    size_t n_open, cap_open;
    /* the current sentence: where its text starts, where matching the
     * next word's form starts, and a multi-word token's span */
    uint32_t sent_start, sent_end, cursor;
    long mwt_last;
    uint32_t mwt_start, mwt_end;
    bool newpar;
} gum_state;

static dl_status finish_doc(gum_state *s)
{
    /* Words and open mentions never outlive their document, not even
     * those read before the first "# newdoc" (found by fuzz_gum: their
     * offsets then pointed past the next document's text). */
    s->n_words = 0;
    s->n_open = 0;
    if (!s->doc) {
        dl_buf_clear(&s->text);
        return DL_OK;
    }
    s->doc->text = dl_arena_strndup(s->arena, s->text.data ? s->text.data : "", s->text.len);
    s->doc->len = s->text.len;
    s->doc = NULL;
    dl_buf_clear(&s->text);
    s->n_words = 0;
    s->n_open = 0;
    return s->docs[s->n_docs - 1].text ? DL_OK : DL_ERR_NOMEM;
}

static dl_status start_doc(gum_state *s, const char *id, size_t n)
{
    dl_status st = finish_doc(s);
    if (st)
        return st;
    dl_gum_doc *d = dl_arena_push(s->arena, (void **)&s->docs, &s->n_docs, &s->cap_docs, sizeof *d);
    if (!d || !(d->id = dl_arena_strndup(s->arena, id, n)))
        return DL_ERR_NOMEM;
    s->doc = d;
    s->cap_mentions = 0;
    s->newpar = false;
    return DL_OK;
}

/* "# text = ...": the sentence joins the document's text. */
static dl_status add_sentence(gum_state *s, const char *t, size_t n)
{
    dl_status st = DL_OK;
    if (!s->doc && (st = start_doc(s, "", 0)))
        return st;
    if (s->text.len && (st = dl_buf_puts(&s->text, s->newpar ? "\n\n" : " ")))
        return st;
    s->newpar = false;
    s->sent_start = s->cursor = (uint32_t)s->text.len;
    if ((st = dl_buf_append(&s->text, t, n)))
        return st;
    s->sent_end = (uint32_t)s->text.len;
    s->mwt_last = -1;
    return DL_OK;
}

/* Where the form is in the sentence from the cursor on: found within a
 * few bytes of it (spaces), else an empty span at the cursor. */
static void locate(gum_state *s, const char *form, size_t n, uint32_t *start, uint32_t *end)
{
    const char *t = s->text.data ? s->text.data : "";
    for (uint32_t at = s->cursor; n && at + n <= s->sent_end && at <= s->cursor + 8; at++) {
        if (!memcmp(t + at, form, n)) {
            *start = at;
            *end = s->cursor = at + (uint32_t)n;
            return;
        }
    }
    *start = *end = s->cursor;
}

static bool is_digits(const char *s, size_t n)
{
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static dl_status add_mention(gum_state *s, const gum_open *o, size_t last)
{
    if (!s->doc || o->first >= s->n_words || last >= s->n_words || last < o->first)
        return DL_OK;
    /* Words read after a "# newdoc" but before its first "# text =" still
     * carry the previous sentence's offsets: a mention over them would
     * point outside this document's text (found by fuzz_gum). */
    if (s->words[last].end > s->text.len || s->words[o->first].start > s->words[last].end)
        return DL_OK;
    dl_gum_mention *m =
        dl_arena_push(s->arena, (void **)&s->doc->mentions, &s->doc->n_mentions, &s->cap_mentions, sizeof *m);
    if (!m)
        return DL_ERR_NOMEM;
    m->start = s->words[o->first].start;
    m->end = s->words[last].end;
    m->type = o->type;
    m->identity = o->identity;
    m->core_start = UINT32_MAX;
    m->core_end = 0;
    /* The minimal span: word numbers inside the mention, "2,3,5". */
    const char *p = o->minspan ? o->minspan : "";
    while (*p) {
        char *stop;
        long k = strtol(p, &stop, 10);
        if (stop == p)
            break;
        size_t w = o->first + (size_t)(k > 0 ? k - 1 : 0);
        if (k > 0 && w <= last && s->words[w].propn) {
            m->named = true;
            if (s->words[w].start < m->core_start)
                m->core_start = s->words[w].start;
            if (s->words[w].end > m->core_end)
                m->core_end = s->words[w].end;
        }
        p = *stop == ',' ? stop + 1 : stop + strlen(stop);
    }
    if (!m->named) {
        m->core_start = m->start;
        m->core_end = m->end;
    }
    return DL_OK;
}

/* Opens "(ID-type-...-identity" (closed at once when one_word). */
static dl_status open_mention(gum_state *s, const char *f, size_t n, bool one_word)
{
    /* id, type, infstat, salience, centering, minspan, link, identity */
    const char *field[8] = {0};
    size_t len[8] = {0};
    size_t k = 0, at = 0;
    for (size_t i = 0; i <= n && k < 8; i++) {
        if (i == n || (f[i] == '-' && k < 7)) {
            field[k] = f + at;
            len[k++] = i - at;
            at = i + 1;
        }
    }
    if (k < 2 || !len[0] || len[0] >= sizeof ((gum_open *)0)->id)
        return DL_OK; /* unreadable: skipped */
    gum_open o = {{0}, NULL, NULL, NULL, s->n_words - 1};
    memcpy(o.id, field[0], len[0]);
    if (!(o.type = dl_arena_strndup(s->arena, field[1], len[1])))
        return DL_ERR_NOMEM;
    if (k > 5 && !(o.minspan = dl_arena_strndup(s->arena, field[5], len[5])))
        return DL_ERR_NOMEM;
    if (k > 7 && len[7] && !(o.identity = dl_arena_strndup(s->arena, field[7], len[7])))
        return DL_ERR_NOMEM;
    if (one_word)
        return add_mention(s, &o, s->n_words - 1);
    if (s->n_open == s->cap_open) {
        size_t cap = s->cap_open ? s->cap_open * 2 : 16;
        gum_open *grown = realloc(s->open, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        s->open = grown;
        s->cap_open = cap;
    }
    s->open[s->n_open++] = o;
    return DL_OK;
}

/* Closes the latest open mention with this id on the current word. */
static dl_status close_mention(gum_state *s, const char *id, size_t n)
{
    for (size_t i = s->n_open; i-- > 0;) {
        if (strlen(s->open[i].id) == n && !memcmp(s->open[i].id, id, n)) {
            gum_open o = s->open[i];
            memmove(s->open + i, s->open + i + 1, (s->n_open - i - 1) * sizeof *s->open);
            s->n_open--;
            return add_mention(s, &o, s->n_words - 1);
        }
    }
    return DL_OK;
}

/* The Entity= value of one word: opens and closes in the order written. */
static dl_status read_entity(gum_state *s, const char *v, size_t n)
{
    size_t i = 0;
    dl_status st = DL_OK;
    while (i < n && !st) {
        if (v[i] == '(') {
            size_t j = i + 1;
            while (j < n && v[j] != '(' && v[j] != ')')
                j++;
            bool one = j < n && v[j] == ')';
            st = open_mention(s, v + i + 1, j - i - 1, one);
            i = one ? j + 1 : j;
        } else {
            size_t j = i;
            while (j < n && v[j] != ')' && v[j] != '(')
                j++;
            if (j < n && v[j] == ')' && is_digits(v + i, j - i))
                st = close_mention(s, v + i, j - i);
            i = j < n && v[j] == ')' ? j + 1 : j;
        }
    }
    return st;
}

/* One word line: ten tab-separated columns. */
static dl_status read_word(gum_state *s, const char *line, size_t n, bool *bad)
{
    const char *col[10];
    size_t len[10];
    size_t k = 0, at = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || line[i] == '\t') {
            if (k == 10) {
                *bad = true;
                return DL_OK;
            }
            col[k] = line + at;
            len[k++] = i - at;
            at = i + 1;
        }
    }
    if (k != 10) {
        *bad = true;
        return DL_OK;
    }
    if (!s->doc)
        return DL_OK; /* words before any "# text =": nothing to place them in */
    const char *dash = memchr(col[0], '-', len[0]);
    if (memchr(col[0], '.', len[0]))
        return DL_OK; /* empty node */
    if (dash) {
        /* a multi-word token ("don't"): its words share its span */
        locate(s, col[1], len[1], &s->mwt_start, &s->mwt_end);
        s->mwt_last = strtol(dash + 1, NULL, 10);
        return DL_OK;
    }
    long id = strtol(col[0], NULL, 10);
    if (s->n_words == s->cap_words) {
        size_t cap = s->cap_words ? s->cap_words * 2 : 1024;
        gum_word *grown = realloc(s->words, cap * sizeof *grown);
        if (!grown)
            return DL_ERR_NOMEM;
        s->words = grown;
        s->cap_words = cap;
    }
    gum_word *w = &s->words[s->n_words++];
    if (id <= s->mwt_last) {
        w->start = s->mwt_start;
        w->end = s->mwt_end;
    } else {
        locate(s, col[1], len[1], &w->start, &w->end);
    }
    w->propn = len[3] == 5 && !memcmp(col[3], "PROPN", 5);
    /* MISC: key=value pairs separated by '|' */
    const char *m = col[9];
    size_t mn = len[9];
    for (size_t i = 0; i < mn;) {
        size_t j = i;
        while (j < mn && m[j] != '|')
            j++;
        if (j - i > 7 && !memcmp(m + i, "Entity=", 7)) {
            dl_status st = read_entity(s, m + i + 7, j - i - 7);
            if (st)
                return st;
        }
        i = j + 1;
    }
    return DL_OK;
}

static bool prefix(const char *line, size_t n, const char *p, size_t *rest)
{
    size_t k = strlen(p);
    if (n < k || memcmp(line, p, k))
        return false;
    *rest = k;
    return true;
}

dl_status dl_gum_parse(dl_gum_doc **docs, size_t *n_docs, const char *text, size_t len, dl_arena *arena,
                       uint64_t *bad_line)
{
    if (!docs || !n_docs || !arena || (len && !text))
        return DL_ERR_ARG;
    *docs = NULL;
    *n_docs = 0;
    if (bad_line)
        *bad_line = 0;
    gum_state s;
    memset(&s, 0, sizeof s);
    s.arena = arena;
    s.mwt_last = -1;
    dl_status st = DL_OK;
    uint64_t lineno = 0;
    for (size_t i = 0; i < len && !st;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        const char *line = text + i;
        i += n + 1;
        lineno++;
        if (n && line[n - 1] == '\r')
            n--;
        size_t r;
        if (!n)
            continue;
        if (line[0] == '#') {
            if (prefix(line, n, "# newdoc id = ", &r))
                st = start_doc(&s, line + r, n - r);
            else if (prefix(line, n, "# newpar", &r) && (n == r || line[r] == ' '))
                s.newpar = true;
            else if (prefix(line, n, "# text = ", &r))
                st = add_sentence(&s, line + r, n - r);
            continue;
        }
        bool bad = false;
        st = read_word(&s, line, n, &bad);
        if (!st && bad) {
            if (bad_line)
                *bad_line = lineno;
            st = DL_ERR_PARSE;
        }
    }
    if (!st)
        st = finish_doc(&s);
    dl_buf_free(&s.text);
    free(s.words);
    free(s.open);
    if (st)
        return st;
    *docs = s.docs;
    *n_docs = s.n_docs;
    return DL_OK;
}
