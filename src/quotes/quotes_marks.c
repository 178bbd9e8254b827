/* quotes_marks.c: pairs double quotation marks in a text.
 *
 * Scraped news mixes straight and curly marks freely ("Salt Typhoon.”),
 * forgets closing marks, and continues long quotations over paragraphs by
 * reopening each paragraph. So the pairing is a small state machine over
 * the bytes rather than a match of balanced brackets: outside a quotation
 * the next mark that can open one opens it; inside, the next mark that
 * can close it closes it; a paragraph break ends an open quotation. Single
 * quotes are left alone: they are apostrophes far more often than quotes. */
#include "quotes/quotes.h"
#include "base/arena.h"

#include <string.h>

typedef enum mark_kind { MARK_NONE, MARK_STRAIGHT, MARK_OPEN, MARK_CLOSE } mark_kind;

/* The mark at text[i], with its length in *n. */
static mark_kind mark_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    *n = 1;
    if (c == '"')
        return MARK_STRAIGHT;
    /* Two apostrophes or two backticks: the New York Times' archive and
     * Penn Treebank text write double quotes that way. */
    if (c == '\'' && i + 1 < len && s[i + 1] == '\'') {
        *n = 2;
        return MARK_STRAIGHT;
    }
    if (c == '`' && i + 1 < len && s[i + 1] == '`') {
        *n = 2;
        return MARK_OPEN;
    }
    if (c == 0xE2 && i + 2 < len + 0 && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        *n = 3;
        if (d == 0x9C || d == 0x9E) /* “ „ */
            return MARK_OPEN;
        if (d == 0x9D) /* ” */
            return MARK_CLOSE;
    }
    if (c == 0xC2 && i + 1 < len) {
        unsigned char d = (unsigned char)s[i + 1];
        *n = 2;
        if (d == 0xAB) /* « */
            return MARK_OPEN;
        if (d == 0xBB) /* » */
            return MARK_CLOSE;
    }
    *n = 1;
    return MARK_NONE;
}

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A straight mark opens when what is before it is a boundary (start,
 * space, bracket, dash, colon) and what follows is not a space. */
static bool straight_opens(const char *s, size_t len, size_t i)
{
    unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
    bool before = is_space(prev) || strchr("([{:;,-/", prev) || prev >= 0x80;
    size_t next = i + (s[i] == '\'' ? 2 : 1);
    bool after = next < len && !is_space((unsigned char)s[next]);
    return before && after;
}

/* Does text[i] start a line (only space before it on its line)? */
static bool line_start(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return i == 0 || s[i - 1] == '\n';
}

/* Is there a paragraph break (a line holding only space) in [a, b)? */
static bool paragraph_break(const char *s, size_t a, size_t b, size_t *at)
{
    for (size_t i = a; i < b; i++) {
        if (s[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            j++;
        if (j < b && s[j] == '\n') {
            *at = i;
            return true;
        }
    }
    return false;
}

typedef struct marks_out {
    dl_qmarks *v;
    size_t n, cap;
    dl_arena *arena;
} marks_out;

/* Records the quotation [open, close) with its marks' lengths, unless it
 * holds nothing but space. */
static dl_status emit(marks_out *o, const char *s, size_t open, size_t open_len, size_t close,
                      size_t close_len, bool closed)
{
    size_t a = open + open_len, b = close;
    while (a < b && is_space((unsigned char)s[a]))
        a++;
    while (b > a && is_space((unsigned char)s[b - 1]))
        b--;
    if (a == b)
        return DL_OK;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 16;
        dl_qmarks *v = dl_arena_grow(o->arena, o->v, o->cap * sizeof *v, cap * sizeof *v);
        if (!v)
            return DL_ERR_NOMEM;
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n++] = (dl_qmarks){(uint32_t)open, (uint32_t)a, (uint32_t)b,
                               (uint32_t)(closed ? close + close_len : b), closed};
    return DL_OK;
}

dl_status dl_quote_marks_find(dl_qmarks **marks, size_t *n, const char *s, size_t len, dl_arena *arena)
{
    marks_out o = {NULL, 0, 0, arena};
    *marks = NULL;
    *n = 0;
    if (len > UINT32_MAX)
        return DL_ERR_LIMIT;
    bool inside = false, straight = false, nested = false;
    size_t open = 0, open_len = 0;
    dl_status st = DL_OK;
    for (size_t i = 0; i < len && !st;) {
        size_t ml;
        mark_kind k = mark_at(s, len, i, &ml);
        if (k == MARK_NONE) {
            i++;
            continue;
        }
        if (inside) {
            size_t brk;
            if (paragraph_break(s, open + open_len, i, &brk)) {
                /* The quotation ran to the end of its paragraph. */
                st = emit(&o, s, open, open_len, brk, 0, false);
                inside = nested = false;
                continue; /* look at this mark again, from outside */
            }
            if (nested) {
                /* "PENCE: ... “Shark Tank.” But ...": curly marks inside a
                 * straight quotation quote within it. */
                if (k == MARK_CLOSE)
                    nested = false;
                else if (k == MARK_STRAIGHT) {
                    st = emit(&o, s, open, open_len, i, ml, true);
                    inside = nested = false;
                }
            } else if (k == MARK_OPEN && straight) {
                nested = true;
            } else if (k == MARK_OPEN) {
                /* An opening mark inside an open quotation: the first one
                 * was never closed; start again from this one. */
                open = i;
                open_len = ml;
            } else {
                st = emit(&o, s, open, open_len, i, ml, true);
                inside = false;
            }
        } else if (k == MARK_OPEN || (k == MARK_STRAIGHT && straight_opens(s, len, i)) ||
                   (k == MARK_CLOSE && line_start(s, i) && i + ml + 1 < len && s[i + ml] != '\n' &&
                    !is_space((unsigned char)s[i + ml + (s[i + ml] == ' ')]))) {
            /* A closing mark that starts a line opens a quotation there
             * (”Fear. I am truly afraid ...”): typed the wrong way round. */
            inside = true;
            straight = k == MARK_STRAIGHT;
            open = i;
            open_len = ml;
        }
        /* else: a stray closing mark, ignored */
        i += ml;
    }
    if (!st && inside) {
        size_t end = len, brk;
        if (paragraph_break(s, open + open_len, len, &brk))
            end = brk;
        st = emit(&o, s, open, open_len, end, 0, false);
    }
    if (st)
        return st;
    *marks = o.v;
    *n = o.n;
    return DL_OK;
}
