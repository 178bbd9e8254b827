/* clean.c: from a document to clean articles.
 *
 * Scraped news repeats itself: the headline comes again under the photo,
 * captions are doubled, a teaser line repeats a body sentence, and one file
 * may hold two unrelated stories. The cleaner works on lines (scraped text
 * puts one paragraph on a line):
 *
 *   1. normalise every line (NFC, white space), joining hard-wrapped lines;
 *   2. give each line its context-free class (caption, credit, logo,
 *      boilerplate, byline, date line) and note whether it reads as a
 *      headline;
 *   3. split the document where a new headline starts a new story: a
 *      headline line, after body text, that is repeated within the next few
 *      lines or is followed by photo material after a gap;
 *   4. per article: take the title, drop repeats, captions and furniture
 *      (each into `removed` with its reason), drop teaser lines whose whole
 *      text stands inside a longer paragraph, and lift the dateline off the
 *      first paragraph.
 *
 * A body paragraph is dropped only by an exact repeat or by a table match
 * that applies to short lines, so real text is never lost silently. */
#include "base/arena.h"
#include "base/buf.h"
#include "base/hash.h"
#include "doc/clean_tables.h"
#include "base/date.h"
#include "text/normalize.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum line_class {
    LINE_TEXT = 0,
    LINE_CAPTION,
    LINE_CREDIT,
    LINE_LOGO,
    LINE_BOILER,
    LINE_BYLINE,
    LINE_DATE,
};

typedef struct line {
    const char *text;
    size_t len;
    uint64_t hash;     /* of the case-folded text: repeats differ in case too */
    uint32_t gap;      /* blank lines before this one */
    uint8_t cls;
    bool headline;     /* reads as a headline */
    const char *reason;/* boilerplate reason from the table */
    size_t byline_at;
    char date[DL_DATE_MAX];
} line;

/* How far ahead a repeated headline is looked for, in lines. */
enum { REPEAT_WINDOW = 12, TEASER_WINDOW = 6 };

static uint64_t fold_hash(const char *s, size_t n)
{
    /* ASCII case folding is enough: repeats in scraped pages are byte
     * copies, at most re-cased by a style sheet. */
    char tmp[256];
    uint64_t h = 0x243F6A8885A308D3ULL;
    for (size_t i = 0; i < n; i += sizeof tmp) {
        size_t m = n - i < sizeof tmp ? n - i : sizeof tmp;
        for (size_t k = 0; k < m; k++)
            tmp[k] = (char)tolower((unsigned char)s[i + k]);
        h = dl_hash64(tmp, m, h);
    }
    return h;
}

static bool ends_clause(const char *s, size_t n)
{
    if (!n)
        return true;
    unsigned char c = (unsigned char)s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == ')' ||
           c >= 0x80;
}

/* Splits text into normalised lines in the arena. */
static dl_status split_lines(line **out, size_t *n_out, const char *text, size_t len, dl_arena *arena)
{
    size_t cap = 64, n = 0;
    line *lines = DL_ARENA_NEW(arena, line, cap);
    dl_buf norm = DL_BUF_INIT;
    uint32_t gap = 0;
    size_t i = 0;
    dl_status st = lines ? DL_OK : DL_ERR_NOMEM;
    while (!st && i < len) {
        size_t b = i;
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
        size_t e = i;
        if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        i++;
        dl_buf_clear(&norm);
        if ((st = dl_normalize_line(&norm, text + b, e - b)))
            break;
        if (norm.len == 0) {
            gap++;
            continue;
        }
        /* A hard-wrapped line continues the previous one. */
        if (n && gap == 0 && !ends_clause(lines[n - 1].text, lines[n - 1].len) &&
            islower((unsigned char)norm.data[0])) {
            line *p = &lines[n - 1];
            char *joined = dl_arena_alloc(arena, p->len + 1 + norm.len + 1);
            if (!joined) {
                st = DL_ERR_NOMEM;
                break;
            }
            memcpy(joined, p->text, p->len);
            joined[p->len] = ' ';
            memcpy(joined + p->len + 1, norm.data, norm.len + 1);
            p->text = joined;
            p->len += 1 + norm.len;
            continue;
        }
        if (n == cap) {
            line *nl = dl_arena_grow(arena, lines, cap * sizeof *lines, 2 * cap * sizeof *lines);
            if (!nl) {
                st = DL_ERR_NOMEM;
                break;
            }
            lines = nl;
            cap *= 2;
        }
        line *l = &lines[n++];
        memset(l, 0, sizeof *l);
        l->gap = gap;
        gap = 0;
        if (!(l->text = dl_arena_strndup(arena, norm.data, norm.len)))
            st = DL_ERR_NOMEM;
        l->len = norm.len;
    }
    dl_buf_free(&norm);
    *out = lines;
    *n_out = n;
    return st;
}

static void classify(const dl_cleaner *c, line *l)
{
    const char *reason;
    size_t place, body_at;
    /* A paragraph that opens with a dateline is body text, whatever agency
     * name it carries ("ISTANBUL (AFP) - ..."); a "By ..." line is a byline
     * even when it ends with an agency ("By A and B, Reuters"). */
    bool opens_with_dateline = dl_clean_dateline(c, l->text, l->len, &place, &body_at);
    if (dl_clean_is_byline(l->text, l->len, &l->byline_at))
        l->cls = LINE_BYLINE;
    else if (opens_with_dateline)
        l->cls = LINE_TEXT;
    else if (dl_clean_is_caption(c, l->text, l->len))
        l->cls = LINE_CAPTION;
    else if (dl_clean_is_credit(c, l->text, l->len))
        l->cls = LINE_CREDIT;
    else if (dl_clean_is_logo(l->text, l->len))
        l->cls = LINE_LOGO;
    else if ((reason = dl_clean_boilerplate(c, l->text, l->len)))
        l->cls = LINE_BOILER, l->reason = reason;
    else if (dl_date_parse_line(l->text, l->len, l->date))
        l->cls = LINE_DATE;
    l->headline = l->cls == LINE_TEXT && dl_clean_is_headline(l->text, l->len);
    l->hash = fold_hash(l->text, l->len);
}

static bool is_photo_material(const line *l)
{
    return l->cls == LINE_CAPTION || l->cls == LINE_CREDIT || l->cls == LINE_LOGO;
}

/* Does line i start a new article? Only after the current one has body
 * text, and only with evidence beyond "looks like a headline". */
static bool starts_article(const line *lines, size_t n, size_t i, bool have_body)
{
    if (!have_body || !lines[i].headline)
        return false;
    for (size_t j = i + 1; j < n && j <= i + REPEAT_WINDOW; j++)
        if (lines[j].hash == lines[i].hash && lines[j].len == lines[i].len)
            return true;
    return lines[i].gap >= 2 && i + 1 < n && is_photo_material(&lines[i + 1]);
}

typedef struct builder {
    dl_arena *arena;
    dl_removed *removed;
    size_t n_removed, cap_removed;
} builder;

static dl_status add_removed(builder *b, const char *text, const char *reason)
{
    if (b->n_removed == b->cap_removed) {
        size_t cap = b->cap_removed ? b->cap_removed * 2 : 8;
        dl_removed *r = dl_arena_grow(b->arena, b->removed, b->cap_removed * sizeof *r, cap * sizeof *r);
        if (!r)
            return DL_ERR_NOMEM;
        b->removed = r;
        b->cap_removed = cap;
    }
    b->removed[b->n_removed++] = (dl_removed){text, reason};
    return DL_OK;
}

/* Is needle (a whole line) found inside hay at a sentence boundary? */
static bool contains_sentence(const char *hay, size_t hn, const char *needle, size_t nn)
{
    const char *p = hay;
    while (nn && hn >= nn && (p = memmem(p, hn - (size_t)(p - hay), needle, nn))) {
        size_t at = (size_t)(p - hay), end = at + nn;
        bool starts = at == 0 || (hay[at - 1] == ' ' && at >= 2 && ends_clause(hay, at - 1));
        bool ends = end == hn || hay[end] == ' ';
        if (starts && ends)
            return true;
        p++;
        if ((size_t)(p - hay) >= hn)
            break;
    }
    return false;
}

static const char *make_id(dl_arena *arena, const char *source, const char *body, size_t len)
{
    uint64_t h = dl_hash64(source, strlen(source) + 1, 0);
    h = dl_hash64(body, len, h);
    char tmp[17];
    snprintf(tmp, sizeof tmp, "%016llx", (unsigned long long)h);
    return dl_arena_strdup(arena, tmp);
}

static dl_status build_article(dl_article *a, const dl_cleaner *c, const dl_document *doc,
                               line *lines, size_t first, size_t end, dl_arena *arena)
{
    memset(a, 0, sizeof *a);
    builder b = {arena, NULL, 0, 0};
    dl_status st = DL_OK;
    uint64_t title_hash = 0;
    size_t i = first;
    if (doc->title && *doc->title) {
        a->title = doc->title;
        title_hash = fold_hash(doc->title, strlen(doc->title));
    } else if (lines[i].headline && end - first >= 2) {
        a->title = lines[i].text;
        title_hash = lines[i].hash;
        i++;
    }
    /* seen: hashes of every line met so far, for repeats */
    size_t n_lines = end - first;
    uint64_t *seen = DL_ARENA_NEW(arena, uint64_t, n_lines + 1);
    size_t *kept = DL_ARENA_NEW(arena, size_t, n_lines + 1);
    bool *dropped = DL_ARENA_NEW(arena, bool, n_lines + 1);
    if (!seen || !kept || !dropped)
        return DL_ERR_NOMEM;
    size_t n_seen = 0, n_kept = 0;
    if (a->title)
        seen[n_seen++] = title_hash;
    for (; i < end && !st; i++) {
        line *l = &lines[i];
        bool repeat = false;
        for (size_t k = 0; k < n_seen && !repeat; k++)
            repeat = seen[k] == l->hash;
        if (!repeat)
            seen[n_seen++] = l->hash;
        if (repeat)
            st = add_removed(&b, l->text, "duplicate");
        else if (l->cls == LINE_CAPTION)
            st = add_removed(&b, l->text, "caption");
        else if (l->cls == LINE_CREDIT)
            st = add_removed(&b, l->text, "credit");
        else if (l->cls == LINE_LOGO)
            st = add_removed(&b, l->text, "logo");
        else if (l->cls == LINE_BOILER)
            st = add_removed(&b, l->text, l->reason);
        else if (l->cls == LINE_BYLINE) {
            if (!a->byline)
                a->byline = l->text + l->byline_at;
            st = add_removed(&b, l->text, "byline");
        } else if (l->cls == LINE_DATE) {
            if (!a->date)
                a->date = dl_arena_strdup(arena, l->date);
            st = add_removed(&b, l->text, "date");
        } else
            kept[n_kept++] = i;
    }
    if (st)
        return st;
    /* Teasers: a line near the top whose text stands, whole, inside a
     * longer paragraph. The longer paragraph is the body; the line goes. */
    for (size_t k = 0; k < n_kept && k < TEASER_WINDOW; k++) {
        const line *t = &lines[kept[k]];
        if (!ends_clause(t->text, t->len) || t->len < 20)
            continue;
        for (size_t m = 0; m < n_kept; m++) {
            const line *p = &lines[kept[m]];
            if (m == k || dropped[m] || p->len <= t->len)
                continue;
            if (contains_sentence(p->text, p->len, t->text, t->len)) {
                dropped[k] = true;
                if ((st = add_removed(&b, t->text, m > k ? "teaser" : "duplicate")))
                    return st;
                break;
            }
        }
    }
    /* The dateline opens one of the first paragraphs. */
    size_t first_skip = 0, first_index = SIZE_MAX;
    for (size_t k = 0, tried = 0; k < n_kept && tried < 2; k++) {
        if (dropped[k])
            continue;
        tried++;
        size_t place, body_at;
        const line *l = &lines[kept[k]];
        if (dl_clean_dateline(c, l->text, l->len, &place, &body_at)) {
            a->dateline = dl_arena_strndup(arena, l->text, place);
            first_skip = body_at;
            first_index = k;
            break;
        }
    }
    /* The body: kept paragraphs, "\n\n" between them. */
    size_t total = 0;
    for (size_t k = 0; k < n_kept; k++)
        total += lines[kept[k]].len + 2;
    char *body = dl_arena_alloc(arena, total + 1);
    if (!body)
        return DL_ERR_NOMEM;
    size_t len = 0;
    for (size_t k = 0; k < n_kept; k++) {
        if (dropped[k])
            continue;
        const line *l = &lines[kept[k]];
        const char *s = l->text;
        size_t n = l->len;
        if (k == first_index) {
            s += first_skip;
            n -= first_skip;
        }
        if (len) {
            body[len++] = '\n';
            body[len++] = '\n';
        }
        memcpy(body + len, s, n);
        len += n;
    }
    body[len] = '\0';
    a->body = body;
    a->body_len = len;
    a->removed = b.removed;
    a->n_removed = b.n_removed;
    a->source = doc->source;
    if (!a->date && doc->date)
        a->date = doc->date;
    a->extra = doc->extra;
    return DL_OK;
}

dl_status dl_clean(dl_article **articles, size_t *n_articles, const dl_cleaner *c,
                   const dl_document *doc, dl_arena *arena)
{
    *articles = NULL;
    *n_articles = 0;
    line *lines;
    size_t n;
    dl_status st = split_lines(&lines, &n, doc->text, doc->len, arena);
    if (st || n == 0)
        return st;
    for (size_t i = 0; i < n; i++)
        classify(c, &lines[i]);
    /* Where articles begin. A JSONL record is one document and one article,
     * whatever its text looks like. */
    size_t *starts = DL_ARENA_NEW(arena, size_t, n + 1);
    if (!starts)
        return DL_ERR_NOMEM;
    size_t n_starts = 0;
    starts[n_starts++] = 0;
    bool have_body = false;
    for (size_t i = 1; i < n && doc->format != DL_FORMAT_JSONL; i++) {
        const line *prev = &lines[i - 1];
        if (prev->cls == LINE_TEXT && !prev->headline)
            have_body = true;
        if (starts_article(lines, n, i, have_body)) {
            starts[n_starts++] = i;
            have_body = false;
        }
    }
    starts[n_starts] = n;
    dl_article *out = DL_ARENA_NEW(arena, dl_article, n_starts);
    if (!out)
        return DL_ERR_NOMEM;
    size_t k = 0;
    for (size_t s = 0; s < n_starts; s++) {
        dl_article *a = &out[k];
        if ((st = build_article(a, c, doc, lines, starts[s], starts[s + 1], arena)))
            return st;
        if (!a->body_len && !a->title)
            continue;
        a->index = (uint32_t)k;
        /* Only JSONL records carry an id, and a record is never split. */
        a->id = doc->id ? doc->id : make_id(arena, doc->source, a->body, a->body_len);
        if (!a->id)
            return DL_ERR_NOMEM;
        k++;
    }
    *articles = out;
    *n_articles = k;
    return DL_OK;
}
