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
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* Pages (HTML, WARC records) and JSONL records are one article each: the
 * page's structure or the record already says where the article is. */
static bool page_document(const dl_document *doc)
{
    return doc->format == DL_FORMAT_HTML || doc->format == DL_FORMAT_WARC;
}

/* The set of line hashes met so far: open addressing, so a repeat is
 * found in constant time (a scan of every earlier line made cleaning
 * quadratic in the number of lines). 0 marks an empty slot; a hash of 0
 * is kept aside. */
typedef struct hash_set {
    uint64_t *slots;
    size_t mask;
    bool has_zero;
} hash_set;

static bool hash_set_add(hash_set *h, uint64_t v) /* true when v was there */
{
    if (!v) {
        bool was = h->has_zero;
        h->has_zero = true;
        return was;
    }
    for (size_t i = (size_t)(v ^ v >> 29) & h->mask;; i = (i + 1) & h->mask) {
        if (h->slots[i] == v)
            return true;
        if (!h->slots[i]) {
            h->slots[i] = v;
            return false;
        }
    }
}

static bool hash_set_has(const hash_set *h, uint64_t v)
{
    if (!v)
        return h->has_zero;
    for (size_t i = (size_t)(v ^ v >> 29) & h->mask;; i = (i + 1) & h->mask) {
        if (h->slots[i] == v)
            return true;
        if (!h->slots[i])
            return false;
    }
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
    size_t cap = 16;
    while (cap < 2 * (n_lines + 1))
        cap *= 2;
    hash_set seen = {DL_ARENA_NEW(arena, uint64_t, cap), cap - 1, false};
    size_t *kept = DL_ARENA_NEW(arena, size_t, n_lines + 1);
    bool *dropped = DL_ARENA_NEW(arena, bool, n_lines + 1);
    if (!seen.slots || !kept || !dropped)
        return DL_ERR_NOMEM;
    size_t n_kept = 0;
    if (a->title)
        hash_set_add(&seen, title_hash);
    /* A page's metadata names its author and date; lines in its text that
     * look like them are still dropped, but do not override it. */
    if (page_document(doc)) {
        a->byline = doc->byline;
        a->date = doc->date;
        a->url = doc->url;
        a->site_name = doc->site_name;
        a->language = doc->language;
    }
    for (; i < end && !st; i++) {
        line *l = &lines[i];
        bool repeat = hash_set_has(&seen, l->hash);
        /* A page's structure already dropped its repeated furniture; what
         * repeats there in short lines is code ("});") or a refrain, not
         * a scraper's copy. The title is still not said twice. */
        if (repeat && page_document(doc) && l->len < 40 && !(a->title && l->hash == title_hash))
            repeat = false;
        if (!repeat)
            hash_set_add(&seen, l->hash);
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

/* ------------------------------------------------ whole-page text dumps
 *
 * A scraper that dumps a whole page writes the site's menus (runs of short
 * link lines), cookie and subscription notices, the article, then related
 * and most-read lists, comments and the footer. Such a page is one article
 * with furniture around it, not several stories: we find the stretch of
 * lines with the most running text (each sentence-like line counts its
 * words, every other line counts against; headings such as "Related
 * stories" or "Comments" close the article), take the headline just above
 * it as the title, and drop the rest. Plain articles, seeds and feeds
 * have no menus and never take this path. */

enum { PAGE_MIN_LINES = 15, PAGE_TITLE_WINDOW = 12 };

/* Words of a line; in Chinese and Japanese, which write no spaces, two
 * characters count as a word. */
static size_t words_in(const line *l)
{
    size_t w = 1, cjk = 0;
    for (size_t i = 0; i < l->len; i++) {
        unsigned char b = (unsigned char)l->text[i];
        w += b == ' ';
        cjk += b >= 0xE3 && b <= 0xE9; /* lead bytes of U+3000..U+9FFF */
    }
    return w + cjk / 2;
}

static bool short_line(const line *l, size_t words)
{
    return words <= 4 && !(l->len && (l->text[l->len - 1] == '.' || l->text[l->len - 1] == '"'));
}

static bool sentence_like(const line *l, size_t words)
{
    if (l->cls != LINE_TEXT)
        return false;
    char last = l->len ? l->text[l->len - 1] : 0;
    const unsigned char *t = (const unsigned char *)l->text + l->len;
    /* closing curly quotes, the ideographic full stop, fullwidth ! and ?, an ellipsis */
    bool wide_end = l->len >= 3 && ((t[-3] == 0xE2 && t[-2] == 0x80 && (t[-1] == 0x9D || t[-1] == 0x99 || t[-1] == 0xA6)) ||
                                    (t[-3] == 0xE3 && t[-2] == 0x80 && t[-1] == 0x82) ||
                                    (t[-3] == 0xEF && t[-2] == 0xBC && (t[-1] == 0x81 || t[-1] == 0x9F)));
    bool ends = last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || wide_end;
    return (words >= 6 && ends) || words >= 15;
}

/* A numbered or bulleted item: "2. Norway", "3) Canada", "• Item", "- Item". */
static bool list_item(const line *l)
{
    const unsigned char *t = (const unsigned char *)l->text;
    size_t i = 0;
    while (i < l->len && i < 3 && isdigit(t[i]))
        i++;
    if (i && i + 1 < l->len && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ')
        return true;
    if (l->len > 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ')
        return true;
    return l->len > 4 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0xA2 && t[3] == ' '; /* • */
}

/* Do two sentence-like lines follow each other within the lines after i? */
static bool text_resumes(const line *lines, size_t n, const size_t *words, size_t i)
{
    enum { LOOK = 20 };
    for (size_t k = i + 1; k + 1 < n && k <= i + LOOK; k++)
        if (sentence_like(&lines[k], words[k]) && sentence_like(&lines[k + 1], words[k + 1]))
            return true;
    return false;
}

/* Menus make a page dump: many short lines, some of them in long runs. */
static bool is_page_dump(const line *lines, size_t n, const size_t *words)
{
    if (n < PAGE_MIN_LINES)
        return false;
    size_t shorts = 0, run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (short_line(&lines[i], words[i])) {
            shorts++;
            if (++run > longest)
                longest = run;
        } else {
            run = 0;
        }
    }
    return shorts * 100 >= n * 30 && longest >= 5;
}

/* Adds hashes of the line's content words (four letters or more, case
 * folded) to set; returns the new count. */
static size_t add_content_words(const line *l, uint64_t *set, size_t n, size_t cap)
{
    for (size_t i = 0; i < l->len && n < cap;) {
        while (i < l->len && !isalnum((unsigned char)l->text[i]) && (unsigned char)l->text[i] < 0x80)
            i++;
        size_t b = i;
        while (i < l->len && (isalnum((unsigned char)l->text[i]) || (unsigned char)l->text[i] >= 0x80))
            i++;
        if (i - b >= 4) {
            uint64_t h = fold_hash(l->text + b, i - b);
            bool have = false;
            for (size_t k = 0; k < n && !have; k++)
                have = set[k] == h;
            if (!have)
                set[n++] = h;
        }
    }
    return n;
}

/* The article of a page dump: lines [*first, *end), its title line (or
 * SIZE_MAX). */
static long page_span(const dl_cleaner *c, const line *lines, size_t n, const size_t *words,
                      const bool *used, size_t *first, size_t *end, size_t *title)
{
    long best = 0, sum = 0;
    size_t best_s = 0, best_e = n, s = 0;
    for (size_t i = 0; i < n; i++) {
        const line *l = &lines[i];
        long score;
        int closes = l->cls == LINE_TEXT || l->cls == LINE_BOILER ? dl_clean_page_end(c, l->text, l->len) : 0;
        if (used[i])
            score = -1000000; /* another article of the page */
        else if (closes)
            /* "Related" then a few links, then the article again: a box
             * inside the text. A box heading after which no two
             * paragraphs follow each other closes the article. */
            score = closes == 1 && text_resumes(lines, n, words, i) ? -10 : -1000000;
        else if (sentence_like(l, words[i])) {
            /* A lone paragraph between short lines is a teaser under its
             * headline or a comment under its author's name: article text
             * comes in runs of paragraphs. */
            bool alone = (i == 0 || !sentence_like(&lines[i - 1], words[i - 1])) &&
                         (i + 1 == n || !sentence_like(&lines[i + 1], words[i + 1]));
            score = alone ? (long)words[i] / 3 : (long)words[i];
        }
        else if (l->cls == LINE_TEXT && list_item(l))
            score = 1; /* "2. Norway", "• Item": a list in the text, not a menu */
        else if (l->cls == LINE_TEXT)
            score = -(long)(2 + words[i] / 2);
        else if (l->cls == LINE_BOILER)
            score = -2;
        else
            score = -1; /* captions, credits, bylines, dates: neutral-ish */
        if (sum <= 0) {
            sum = 0;
            s = i;
        }
        sum += score;
        if (sum > best) {
            best = sum;
            best_s = s;
            best_e = i + 1;
        }
    }
    if (best == 0) {
        *first = 0;
        *end = n;
        *title = SIZE_MAX;
        return 0;
    }
    /* the span starts at its first sentence-like line */
    while (best_s < best_e && !sentence_like(&lines[best_s], words[best_s]))
        best_s++;
    *first = best_s;
    *end = best_e;
    *title = SIZE_MAX;
    /* The headline stands a few lines above the text, past the byline,
     * the date and photo material, among menu words, teasers and video
     * captions. It shares words with the text below it and is set off
     * by a blank line; take the candidate that does most of that. */
    uint64_t body[256];
    size_t n_body = 0;
    for (size_t i = best_s; i < best_e && n_body < 256; i++)
        n_body = add_content_words(&lines[i], body, n_body, 256);
    long best_title = 0;
    for (size_t k = best_s, seen = 0; k-- > 0 && seen < PAGE_TITLE_WINDOW; seen++) {
        const line *l = &lines[k];
        if (used[k])
            break;
        if (l->cls != LINE_TEXT || !l->headline || words[k] < 3 || words[k] > 30 ||
            dl_clean_page_end(c, l->text, l->len) || !strncasecmp(l->text, "by ", 3))
            continue;
        uint64_t mine[32];
        size_t n_mine = add_content_words(l, mine, 0, 32), shared = 0;
        for (size_t a = 0; a < n_mine; a++)
            for (size_t b = 0; b < n_body; b++)
                if (mine[a] == body[b]) {
                    shared++;
                    break;
                }
        long score = 4 * (long)shared + (words[k] >= 4) + (l->gap > 0) +
                     (k + 1 < n && lines[k + 1].gap > 0) - (long)(seen / 4);
        if (shared && score > best_title) {
            best_title = score;
            *title = k;
        }
    }
    if (*title != SIZE_MAX)
        *first = *title;
    return best;
}

/* A date among other words of a line: the first run of two to six words
 * that reads as a whole date. */
static bool date_inside(const line *l, char out[DL_DATE_MAX])
{
    size_t starts[16], n = 0;
    for (size_t i = 0; i < l->len && n < 16; i++)
        if (i == 0 || l->text[i - 1] == ' ')
            starts[n++] = i;
    for (size_t a = 0; a < n; a++)
        for (size_t k = 6; k >= 2; k--) {
            if (a + k > n)
                continue;
            size_t end = a + k < n ? starts[a + k] - 1 : l->len;
            if (dl_date_parse_line(l->text + starts[a], end - starts[a], out))
                return true;
        }
    return false;
}

/* A page may hold several articles (a weekly edition, a live page): after
 * the best stretch, another counts as an article when it has a headline
 * of its own and a good share of the best one's text. */
enum { PAGE_MAX_ARTICLES = 16, PAGE_MIN_SCORE = 80 };

typedef struct page_article {
    size_t first, end;
} page_article;

static int by_first(const void *x, const void *y)
{
    const page_article *a = x, *b = y;
    return (a->first > b->first) - (a->first < b->first);
}

static dl_status clean_page(dl_article **articles, size_t *n_articles, const dl_cleaner *c,
                            const dl_document *doc, line *lines, size_t n, const size_t *words,
                            dl_arena *arena)
{
    bool *used = DL_ARENA_NEW(arena, bool, n);
    page_article spans[PAGE_MAX_ARTICLES];
    size_t n_spans = 0;
    if (!used)
        return DL_ERR_NOMEM;
    long first_score = 0;
    size_t passed = 0;
    while (n_spans < PAGE_MAX_ARTICLES) {
        size_t first, end, title;
        long score = page_span(c, lines, n, words, used, &first, &end, &title);
        /* paragraphs that run on from one another: a list of teasers,
         * each alone under its headline, has none */
        size_t running = 0;
        for (size_t i = first; i + 1 < end; i++)
            running += sentence_like(&lines[i], words[i]) && sentence_like(&lines[i + 1], words[i + 1]);
        if (n_spans && (score < PAGE_MIN_SCORE || score * 3 < first_score))
            break;
        if (n_spans && (title == SIZE_MAX || running < 3)) {
            /* not an article: pass over it and look further */
            for (size_t i = first; i < end; i++)
                used[i] = true;
            if (++passed > PAGE_MAX_ARTICLES)
                break;
            continue;
        }
        if (!n_spans)
            first_score = score;
        spans[n_spans++] = (page_article){first, end};
        /* A date line is the article's date only in its head; further
         * down it is text (a reference, a timeline), not the article's
         * date and not furniture. */
        for (size_t i = first, paragraphs = 0; i < end; i++) {
            paragraphs += sentence_like(&lines[i], words[i]);
            if (paragraphs >= 3 && lines[i].cls == LINE_DATE)
                lines[i].cls = LINE_TEXT;
        }
        for (size_t i = first; i < end; i++)
            used[i] = true;
        if (!score)
            break;
    }
    qsort(spans, n_spans, sizeof *spans, by_first);
    dl_article *out = DL_ARENA_NEW(arena, dl_article, n_spans);
    if (!out)
        return DL_ERR_NOMEM;
    size_t k = 0, prev_end = 0;
    for (size_t s = 0; s < n_spans; s++) {
        dl_article *a = &out[k];
        dl_status st = build_article(a, c, doc, lines, spans[s].first, spans[s].end, arena);
        if (st)
            return st;
        /* lines outside every article: those before an article go with it,
         * those after the last with the last */
        size_t after = s + 1 == n_spans ? n - spans[s].end : 0;
        size_t before = spans[s].first - prev_end;
        if (before + after) {
            dl_removed *r = DL_ARENA_NEW(arena, dl_removed, a->n_removed + before + after);
            if (!r)
                return DL_ERR_NOMEM;
            size_t m = 0;
            for (size_t i = prev_end; i < spans[s].first; i++)
                r[m++] = (dl_removed){lines[i].text, "boilerplate"};
            for (size_t i = 0; i < a->n_removed; i++)
                r[m++] = a->removed[i];
            for (size_t i = spans[s].end; i < spans[s].end + after; i++)
                r[m++] = (dl_removed){lines[i].text, "boilerplate"};
            a->removed = r;
            a->n_removed = m;
        }
        /* The date and byline of the article's head, when they stand
         * above the headline or among page furniture: taken, not kept. */
        for (size_t i = spans[s].first, seen = 0; i-- > prev_end && seen < PAGE_TITLE_WINDOW; seen++) {
            if (!a->date && lines[i].cls == LINE_DATE)
                a->date = dl_arena_strdup(arena, lines[i].date);
            if (!a->byline && lines[i].cls == LINE_BYLINE)
                a->byline = lines[i].text + lines[i].byline_at;
        }
        /* Else a date written inside a short line of the head, as pages
         * print it beside the author: "Sarah Gooding March 9, 2017". */
        for (size_t i = spans[s].first; !a->date && i < spans[s].end; i++) {
            if (sentence_like(&lines[i], words[i]) && !lines[i].headline)
                break;
            char d[DL_DATE_MAX];
            if (lines[i].cls == LINE_TEXT && words[i] <= 14 && date_inside(&lines[i], d))
                a->date = dl_arena_strdup(arena, d);
        }
        prev_end = spans[s].end;
        if (!a->body_len && !a->title)
            continue;
        a->index = (uint32_t)k;
        a->id = doc->id ? doc->id : make_id(arena, doc->source, a->body, a->body_len);
        if (!a->id)
            return DL_ERR_NOMEM;
        k++;
    }
    *articles = out;
    *n_articles = k;
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
    if (doc->format == DL_FORMAT_TEXT) {
        size_t *words = DL_ARENA_NEW(arena, size_t, n);
        if (!words)
            return DL_ERR_NOMEM;
        for (size_t i = 0; i < n; i++)
            words[i] = words_in(&lines[i]);
        if (is_page_dump(lines, n, words))
            return clean_page(articles, n_articles, c, doc, lines, n, words, arena);
    }
    /* Where articles begin. A JSONL record is one document and one article,
     * whatever its text looks like. */
    size_t *starts = DL_ARENA_NEW(arena, size_t, n + 1);
    if (!starts)
        return DL_ERR_NOMEM;
    size_t n_starts = 0;
    starts[n_starts++] = 0;
    bool have_body = false;
    for (size_t i = 1; i < n && doc->format != DL_FORMAT_JSONL && !page_document(doc); i++) {
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
