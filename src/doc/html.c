/* html.c: the main text of an HTML page (see html.h).
 *
 * Steps:
 *   1. pre-scan: copy the page with the bodies of <script>, <style>,
 *      <svg>, <noscript> and <template> and comments left out (JSON-LD blocks are kept aside for the
 *      metadata). News pages carry as much script as text, and gumbo's
 *      tokenizer is the slow part: this halves what it reads;
 *   2. gumbo builds the tree; we flatten it into a table of nodes in
 *      document order, so a subtree is a range of indices and every pass
 *      is a loop, never recursion (pages nest thousands deep);
 *   3. score: each paragraph gives its parent, grandparent and further
 *      ancestors points for its length and commas; candidates start with
 *      a bonus or malus from their tag and class/id words; scores are
 *      scaled down by link density;
 *   4. take the best candidate (or the ancestor several good candidates
 *      share), then its siblings that score near it;
 *   5. write their text, dropping on the way blocks that read as page
 *      furniture (link lists, share bars, forms, headings that repeat the
 *      title, the byline).
 * When that leaves under 500 characters the page is scored again with
 * fewer rules (keeping what looked unlikely, then ignoring class words),
 * and the longest result is kept. */
#include "doc/html_int.h"
#include "base/arena.h"
#include "base/buf.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { HTML_MAX_BYTES = 256u << 20, MIN_ARTICLE_CHARS = 500, MAX_LD = 16 };

/* ------------------------------------------------------------ pre-scan */

static bool is_name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '>' || c == '/';
}

/* Does s (n bytes) start with tag name `name` (lower case), as in
 * "<script" or "</style", case-insensitively? */
static bool starts_tag(const char *s, size_t n, const char *name)
{
    size_t m = strlen(name);
    return n > m && strncasecmp(s, name, m) == 0 && is_name_end(s[m]);
}

static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t m = strlen(needle);
    for (const char *p = s; p + m <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p));
        if (!p || p + m > end)
            return NULL;
        if (strncasecmp(p, needle, m) == 0)
            return p;
    }
    return NULL;
}

/* Copies html into out without script/style bodies and comments; the
 * bodies of <script type="application/ld+json"> go to ld. */
static dl_status prescan(dl_buf *out, dl_html_span *ld, size_t *n_ld, const char *html, size_t len)
{
    const char *p = html, *end = html + len;
    *n_ld = 0;
    dl_status st = dl_buf_reserve(out, len);
    while (!st && p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            st = dl_buf_append(out, p, (size_t)(end - p));
            break;
        }
        if ((st = dl_buf_append(out, p, (size_t)(lt - p))))
            break;
        size_t rest = (size_t)(end - lt);
        if (rest >= 4 && memcmp(lt, "<!--", 4) == 0) {
            const char *close = find_ci(lt + 4, end, "-->");
            p = close ? close + 3 : end;
            continue;
        }
        /* elements whose content is never text a reader sees */
        static const char *const skip[][2] = {{"script", "</script"}, {"style", "</style"},
                                              {"svg", "</svg"},       {"noscript", "</noscript"},
                                              {"template", "</template"}};
        const char *name = NULL;
        for (size_t k = 0; k < sizeof skip / sizeof *skip && !name; k++)
            if (starts_tag(lt + 1, rest - 1, skip[k][0]))
                name = skip[k][1];
        if (!name) {
            st = dl_buf_putc(out, '<');
            p = lt + 1;
            continue;
        }
        const char *gt = memchr(lt, '>', rest);
        if (!gt) {
            p = end; /* an unclosed tag at the end: nothing to keep */
            break;
        }
        st = dl_buf_append(out, lt, (size_t)(gt + 1 - lt));
        const char *body = gt + 1;
        const char *close = find_ci(body, end, name);
        const char *body_end = close ? close : end;
        if (!strcmp(name, "</script") && find_ci(lt, gt, "ld+json") && *n_ld < MAX_LD)
            ld[(*n_ld)++] = (dl_html_span){body, (size_t)(body_end - body)};
        p = body_end;
    }
    return st;
}

/* ---------------------------------------------------------- node table */

enum {
    F_DROP = 1 << 0,     /* never part of the text (forms' inputs, asides, footers) */
    F_UNLIKELY = 1 << 1, /* furniture by its class, id, role or tag: dropped in the first pass */
    F_LINK = 1 << 2,     /* inside an <a> */
    F_BYLINE = 1 << 3,   /* the byline element: its text goes to the byline */
    F_DUPTITLE = 1 << 4, /* a heading that repeats the title */
    F_SHARE = 1 << 5,    /* class or id names sharing */
    F_CODE = 1 << 6,     /* inside <code> or <pre> or a table: class words do not remove it */
};

typedef struct hnode {
    const GumboNode *g;
    int32_t parent, end; /* the subtree is [this, end) */
    uint16_t tag;
    uint8_t flags;
    bool text;           /* a text node */
    int16_t weight;      /* from class and id words */
    uint32_t tlen;       /* text nodes: length with white space collapsed */
    uint32_t tcommas;
    /* per pass, over the node's live subtree */
    bool alive, candidate, blocky;
    uint32_t text_len, link_len, commas, n_p, n_img, n_li, n_input, heading_len, list_len;
    double score;
} hnode;

typedef struct tree {
    hnode *n;
    size_t count, cap;
    dl_arena *arena;
    const char *title;
    const char *byline; /* text of the first byline element */
    bool have_byline;
    int32_t body;
} tree;

static bool tag_in(unsigned tag, const GumboTag *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == tag)
            return true;
    return false;
}
#define TAG_IN(tag, ...) tag_in((tag), (const GumboTag[]){__VA_ARGS__}, \
                                sizeof((const GumboTag[]){__VA_ARGS__}) / sizeof(GumboTag))

static bool is_heading(unsigned tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

static const char *attr(const GumboNode *g, const char *name)
{
    if (g->type != GUMBO_NODE_ELEMENT)
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Class and id words. The lists are the usual reader-view hints, in our
 * own words: what names a block of page furniture, what names content. */
static const char *const unlikely_words[] = {
    "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter",
    "subscribe", "most-read", "mostread", "most-popular", "trending", "outbrain", "taboola"};
static const char *const maybe_words[] = {"and", "article", "body", "column", "content", "main",
                                          "shadow"};
static const char *const negative_words[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "cookie", "newsletter",
    "subscri", "recommend", "popular", "trending", "taboola"};
static const char *const positive_words[] = {"article", "body", "content", "entry", "hentry",
                                             "h-entry", "main", "page", "pagination", "post",
                                             "text", "blog", "story"};
static const char *const byline_words[] = {"byline", "author", "dateline", "writtenby", "p-author"};

static bool has_word(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, words[i]))
            return true;
    return false;
}
#define HAS_WORD(s, list) has_word((s), (list), sizeof(list) / sizeof *(list))

static int class_weight_of(const char *v)
{
    if (!v || !*v)
        return 0;
    char low[256];
    size_t n = 0;
    for (; v[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)v[n]);
    low[n] = '\0';
    int w = 0;
    if (HAS_WORD(low, negative_words) || !strcmp(low, "hid") || !strncmp(low, "hid ", 4) ||
        strstr(low, " hid ") || (n >= 4 && !strcmp(low + n - 4, " hid")))
        w -= 25;
    if (HAS_WORD(low, positive_words))
        w += 25;
    return w;
}

/* Lower-cased "class id" of an element, in buf. */
static void match_string(const GumboNode *g, char *buf, size_t cap)
{
    const char *c = attr(g, "class"), *id = attr(g, "id");
    snprintf(buf, cap, "%s %s", c ? c : "", id ? id : "");
    for (char *p = buf; *p; p++)
        *p = (char)tolower((unsigned char)*p);
}

/* Hidden by the page: such text is not shown to a reader. */
static bool is_hidden(const GumboNode *g)
{
    if (attr(g, "hidden"))
        return true;
    const char *aria = attr(g, "aria-hidden");
    const char *cls = attr(g, "class");
    if (aria && !strcmp(aria, "true") && !(cls && strstr(cls, "fallback-image")))
        return true;
    const char *style = attr(g, "style");
    if (style) {
        char low[256];
        size_t k = 0;
        for (size_t i = 0; style[i] && k + 1 < sizeof low; i++)
            if (!isspace((unsigned char)style[i]))
                low[k++] = (char)tolower((unsigned char)style[i]);
        low[k] = '\0';
        if (strstr(low, "display:none") || strstr(low, "visibility:hidden"))
            return true;
    }
    return false;
}

static void count_text(const char *s, uint32_t *len, uint32_t *commas)
{
    uint32_t n = 0, c = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            space = n > 0;
            continue;
        }
        if (space)
            n++, space = false;
        n++;
        if (*p == ',')
            c++;
        else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* U+FF0C, fullwidth comma */
            c++;
        else if (p[0] == 0xD8 && p[1] == 0x8C) /* U+060C, Arabic comma */
            c++;
    }
    *len = n;
    *commas = c;
}

static hnode *push_node(tree *t)
{
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        hnode *nn = dl_arena_grow(t->arena, t->n, t->cap * sizeof *nn, cap * sizeof *nn);
        if (!nn)
            return NULL;
        t->n = nn;
        t->cap = cap;
    }
    hnode *h = &t->n[t->count++];
    memset(h, 0, sizeof *h);
    return h;
}

/* Elements whose subtree is never text a reader reads. */
static bool skipped_element(unsigned tag)
{
    return TAG_IN(tag, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
                  GUMBO_TAG_SVG, GUMBO_TAG_MATH, GUMBO_TAG_HEAD, GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT,
                  GUMBO_TAG_EMBED, GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA,
                  GUMBO_TAG_LINK, GUMBO_TAG_META, GUMBO_TAG_CANVAS, GUMBO_TAG_AUDIO,
                  GUMBO_TAG_VIDEO, GUMBO_TAG_MAP, GUMBO_TAG_TITLE);
}

static const char *const unlikely_roles[] = {"menu", "menubar", "complementary", "navigation",
                                             "alert", "alertdialog", "dialog"};

/* Flattens the tree under root in document order. */
static dl_status build(tree *t, const GumboNode *root)
{
    typedef struct item {
        const GumboNode *g;
        int32_t parent;
    } item;
    size_t cap = 256, n = 0;
    item *stack = malloc(cap * sizeof *stack);
    if (!stack)
        return DL_ERR_NOMEM;
    stack[n++] = (item){root, -1};
    t->body = -1;
    dl_status st = DL_OK;
    while (n && !st) {
        item it = stack[--n];
        const GumboNode *g = it.g;
        const hnode *par = it.parent >= 0 ? &t->n[it.parent] : NULL;
        uint8_t inherit = par ? par->flags & (F_LINK | F_CODE) : 0;
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA ||
            g->type == GUMBO_NODE_WHITESPACE) {
            hnode *h = push_node(t);
            if (!h) {
                st = DL_ERR_NOMEM;
                break;
            }
            h->g = g;
            h->parent = it.parent;
            h->text = true;
            h->flags = inherit;
            count_text(g->v.text.text, &h->tlen, &h->tcommas);
            continue;
        }
        if (g->type != GUMBO_NODE_ELEMENT)
            continue;
        unsigned tag = g->v.element.tag;
        if (skipped_element(tag) || is_hidden(g))
            continue;
        int32_t self = (int32_t)t->count;
        hnode *h = push_node(t);
        if (!h) {
            st = DL_ERR_NOMEM;
            break;
        }
        h->g = g;
        h->parent = it.parent;
        h->tag = (uint16_t)tag;
        h->flags = inherit;
        if (tag == GUMBO_TAG_BODY && t->body < 0)
            t->body = self;
        if (tag == GUMBO_TAG_A)
            h->flags |= F_LINK;
        if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TABLE)
            h->flags |= F_CODE;
        if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_ASIDE ||
            tag == GUMBO_TAG_FOOTER)
            h->flags |= F_DROP;
        char ms[512];
        const char *cls = attr(g, "class"), *id = attr(g, "id");
        bool named = (cls && *cls) || (id && *id);
        if (named)
            match_string(g, ms, sizeof ms);
        else
            ms[0] = '\0'; /* most elements: no words to look for */
        h->weight = named ? (int16_t)(class_weight_of(cls) + class_weight_of(id)) : 0;
        const char *role = attr(g, "role");
        bool structural = tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_HTML ||
                          tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
        if (named && !structural && !(inherit & F_CODE) && HAS_WORD(ms, unlikely_words) &&
            !HAS_WORD(ms, maybe_words))
            h->flags |= F_UNLIKELY;
        if (role && HAS_WORD(role, unlikely_roles) && !structural)
            h->flags |= F_UNLIKELY;
        if (tag == GUMBO_TAG_NAV)
            h->flags |= F_UNLIKELY;
        if (named && strstr(ms, "share"))
            h->flags |= F_SHARE;
        /* The byline: the first short element marked as one. */
        if (!t->have_byline && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY) {
            const char *rel = attr(g, "rel"), *ip = attr(g, "itemprop");
            if ((rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author")) ||
                (named && HAS_WORD(ms, byline_words))) {
                char *txt = dl_html_node_text(g, t->arena);
                if (!txt) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                size_t tl = strlen(txt);
                if (tl > 0 && tl < 100) {
                    t->byline = txt;
                    t->have_byline = true;
                    h->flags |= F_BYLINE;
                }
            }
        }
        if ((tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) && t->title) {
            char *txt = dl_html_node_text(g, t->arena);
            if (txt && *txt && dl_html_similarity(txt, t->title) > 0.75 &&
                dl_html_similarity(t->title, txt) > 0.75)
                h->flags |= F_DUPTITLE;
        }
        const GumboVector *kids = &g->v.element.children;
        if (n + kids->length > cap) {
            size_t nc = cap * 2 + kids->length;
            item *ns = realloc(stack, nc * sizeof *ns);
            if (!ns) {
                st = DL_ERR_NOMEM;
                break;
            }
            stack = ns;
            cap = nc;
        }
        for (size_t k = kids->length; k-- > 0;)
            stack[n++] = (item){kids->data[k], self};
    }
    free(stack);
    for (size_t i = 0; i < t->count; i++)
        t->n[i].end = (int32_t)i + 1;
    for (size_t i = t->count; i-- > 1;) {
        hnode *h = &t->n[i];
        if (h->parent >= 0 && t->n[h->parent].end < h->end)
            t->n[h->parent].end = h->end;
    }
    return st;
}

/* ------------------------------------------------------------- scoring */

enum { PASS_STRICT = 0, PASS_KEEP_UNLIKELY = 1, PASS_NO_WEIGHTS = 2, PASS_NO_CONDITIONS = 3 };

/* Tags that make a <div> more than a paragraph (a div without any is
 * scored as one). */
static bool is_div_block(unsigned tag)
{
    return TAG_IN(tag, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_DL, GUMBO_TAG_DIV, GUMBO_TAG_IMG,
                  GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_TABLE, GUMBO_TAG_UL,
                  GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE);
}

static void sum_pass(tree *t, int pass)
{
    for (size_t i = 0; i < t->count; i++) {
        hnode *h = &t->n[i];
        bool parent_alive = h->parent < 0 || t->n[h->parent].alive;
        h->alive = parent_alive && !(h->flags & F_DROP) &&
                   !(pass == PASS_STRICT && (h->flags & F_UNLIKELY)) && !(h->flags & F_BYLINE) &&
                   !(h->flags & F_DUPTITLE);
        h->candidate = false;
        h->blocky = false;
        h->score = 0;
        h->text_len = h->text ? h->tlen : 0;
        h->commas = h->text ? h->tcommas : 0;
        h->link_len = h->text && (h->flags & F_LINK) ? h->tlen : 0;
        h->n_p = h->tag == GUMBO_TAG_P;
        h->n_img = h->tag == GUMBO_TAG_IMG;
        h->n_li = h->tag == GUMBO_TAG_LI;
        h->n_input = h->tag == GUMBO_TAG_INPUT;
        h->heading_len = 0;
        h->list_len = 0;
    }
    for (size_t i = t->count; i-- > 0;) {
        hnode *h = &t->n[i];
        if (!h->text && is_heading(h->tag))
            h->heading_len = h->text_len;
        if (!h->text && (h->tag == GUMBO_TAG_UL || h->tag == GUMBO_TAG_OL))
            h->list_len = h->text_len;
        if (h->parent < 0)
            continue;
        hnode *p = &t->n[h->parent];
        /* images and inputs count even though their own text is dropped */
        if (h->tag == GUMBO_TAG_IMG || h->tag == GUMBO_TAG_INPUT) {
            p->n_img += h->n_img;
            p->n_input += h->n_input;
            p->blocky |= h->tag == GUMBO_TAG_IMG;
        }
        if (!h->alive)
            continue;
        p->text_len += h->text_len;
        p->link_len += h->link_len;
        p->commas += h->commas;
        p->n_p += h->n_p;
        p->n_li += h->n_li;
        if (h->tag != GUMBO_TAG_IMG) {
            p->n_img += h->n_img;
            p->n_input += h->n_input;
        }
        p->heading_len += h->heading_len;
        p->list_len += h->list_len;
        p->blocky |= h->blocky || (!h->text && is_div_block(h->tag));
    }
}

static double link_density(const hnode *h)
{
    return h->text_len ? (double)h->link_len / h->text_len : 0;
}

static void init_candidate(hnode *h, bool weights)
{
    if (h->candidate)
        return;
    h->candidate = true;
    double s = 0;
    switch (h->tag) {
    case GUMBO_TAG_DIV: s = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
    default: break;
    }
    h->score = s + (weights ? h->weight : 0);
}

/* A paragraph of text_len characters and `commas` commas under element
 * `parent` gives its ancestors points, less the further up they are. */
static void give_points(tree *t, int32_t parent, uint32_t text_len, uint32_t commas, bool weights)
{
    if (text_len < 25)
        return;
    double points = 1 + commas + (text_len / 100 < 3 ? text_len / 100 : 3);
    for (int level = 0; parent >= 0 && level < 5; level++, parent = t->n[parent].parent) {
        hnode *a = &t->n[parent];
        if (a->tag == GUMBO_TAG_HTML)
            break;
        init_candidate(a, weights);
        a->score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
}

static bool is_paragraph_unit(const hnode *h)
{
    if (h->text)
        return false;
    if (h->tag == GUMBO_TAG_DIV)
        return !h->blocky;
    return TAG_IN(h->tag, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_TD, GUMBO_TAG_SECTION,
                  GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6);
}

static void score_pass(tree *t, bool weights)
{
    for (size_t i = 0; i < t->count; i++) {
        hnode *h = &t->n[i];
        if (!h->alive || h->text)
            continue;
        if (is_paragraph_unit(h)) {
            give_points(t, h->parent, h->text_len, h->commas, weights);
            continue;
        }
        /* A block with text directly in it: runs of inline content between
         * its block children read as paragraphs of their own. */
        if (h->tag != GUMBO_TAG_DIV || !h->blocky)
            continue;
        uint32_t run = 0, commas = 0;
        for (int32_t c = (int32_t)i + 1; c < h->end; c = t->n[c].end) {
            const hnode *k = &t->n[c];
            if (!k->alive)
                continue;
            if (k->text || !(is_div_block(k->tag) || k->blocky)) {
                run += k->text_len;
                commas += k->commas;
            } else {
                give_points(t, (int32_t)i, run, commas, weights);
                run = commas = 0;
            }
        }
        give_points(t, (int32_t)i, run, commas, weights);
    }
    for (size_t i = 0; i < t->count; i++)
        if (t->n[i].candidate)
            t->n[i].score *= 1 - link_density(&t->n[i]);
}

static bool is_ancestor(const tree *t, int32_t anc, int32_t node)
{
    return node > anc && node < t->n[anc].end;
}

static int32_t element_children(const tree *t, int32_t i, int32_t *only)
{
    int32_t count = 0;
    for (int32_t c = i + 1; c < t->n[i].end; c = t->n[c].end)
        if (t->n[c].alive && !t->n[c].text) {
            count++;
            *only = c;
        }
    return count;
}

/* The best candidate, moved up to the block it belongs in. */
static int32_t top_candidate(tree *t, bool weights)
{
    enum { TOP = 5 };
    int32_t top[TOP];
    size_t n_top = 0;
    for (size_t i = 0; i < t->count; i++) {
        if (!t->n[i].candidate || !t->n[i].alive)
            continue;
        double s = t->n[i].score;
        size_t k = n_top < TOP ? n_top++ : TOP;
        if (k == TOP) {
            if (s <= t->n[top[TOP - 1]].score)
                continue;
            k = TOP - 1;
        }
        while (k > 0 && t->n[top[k - 1]].score < s) {
            top[k] = top[k - 1];
            k--;
        }
        top[k] = (int32_t)i;
    }
    if (!n_top || t->n[top[0]].tag == GUMBO_TAG_BODY)
        return t->body;
    int32_t best = top[0];
    /* Several near-best candidates under one ancestor: the article is
     * split into sections, and the ancestor holds all of them. */
    size_t alts = 0;
    for (size_t k = 1; k < n_top; k++)
        alts += t->n[top[k]].score / t->n[best].score >= 0.75;
    if (alts >= 3) {
        for (int32_t p = t->n[best].parent; p >= 0 && t->n[p].tag != GUMBO_TAG_BODY &&
                                            t->n[p].tag != GUMBO_TAG_HTML;
             p = t->n[p].parent) {
            size_t under = 0;
            for (size_t k = 1; k < n_top; k++)
                under += t->n[top[k]].score / t->n[best].score >= 0.75 && is_ancestor(t, p, top[k]);
            if (under >= 3) {
                best = p;
                break;
            }
        }
    }
    init_candidate(&t->n[best], weights);
    /* A parent that scores higher than the candidate (and not much less
     * than the way up) holds more of the article. */
    double last = t->n[best].score, threshold = last / 3;
    for (int32_t p = t->n[best].parent; p >= 0 && t->n[p].tag != GUMBO_TAG_BODY &&
                                        t->n[p].tag != GUMBO_TAG_HTML;
         p = t->n[p].parent) {
        if (!t->n[p].candidate)
            continue;
        double s = t->n[p].score;
        if (s < threshold)
            break;
        if (s > last) {
            best = p;
            break;
        }
        last = s;
    }
    /* An only child stands for its parent. */
    for (int32_t p = t->n[best].parent, only = -1;
         p >= 0 && t->n[p].tag != GUMBO_TAG_BODY && t->n[p].tag != GUMBO_TAG_HTML &&
         element_children(t, p, &only) == 1;
         p = t->n[p].parent)
        best = p;
    init_candidate(&t->n[best], weights);
    return best;
}

/* ------------------------------------------------------------- writing */

static bool has_tag_below(const tree *t, int32_t i, unsigned tag)
{
    for (int32_t k = i + 1; k < t->n[i].end; k++)
        if (!t->n[k].text && t->n[k].tag == tag)
            return true;
    return false;
}

static bool has_ancestor_tag(const tree *t, int32_t i, unsigned tag)
{
    for (int32_t p = t->n[i].parent; p >= 0; p = t->n[p].parent)
        if (t->n[p].tag == tag)
            return true;
    return false;
}

/* A table of data (kept whole), not a table laid out for the page. */
static bool is_data_table(const tree *t, int32_t i)
{
    const char *role = attr(t->n[i].g, "role");
    if (role && !strcmp(role, "presentation"))
        return false;
    return attr(t->n[i].g, "summary") || has_tag_below(t, i, GUMBO_TAG_CAPTION) ||
           has_tag_below(t, i, GUMBO_TAG_TH) || has_tag_below(t, i, GUMBO_TAG_THEAD);
}

/* Is block i page furniture inside the article? Lists of links, share
 * bars, blocks with more images or inputs than paragraphs, blocks whose
 * class words and score say so. */
static bool drop_block(const tree *t, int32_t i, int pass)
{
    const hnode *h = &t->n[i];
    bool weights = pass < PASS_NO_WEIGHTS;
    if ((h->flags & F_SHARE) && h->text_len < 500 && weights)
        return true;
    if (weights && (h->tag == GUMBO_TAG_H1 || h->tag == GUMBO_TAG_H2) && h->weight < 0)
        return true;
    if (pass >= PASS_NO_CONDITIONS || (h->flags & F_CODE && h->tag != GUMBO_TAG_TABLE))
        return false;
    if (!TAG_IN(h->tag, GUMBO_TAG_TABLE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_DIV,
                GUMBO_TAG_SECTION, GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET, GUMBO_TAG_NAV,
                GUMBO_TAG_HEADER))
        return false;
    if (h->tag == GUMBO_TAG_TABLE && is_data_table(t, i))
        return false;
    int weight = weights ? h->weight : 0;
    if (weight + (h->candidate ? h->score : 0) < 0)
        return true;
    if (h->commas >= 10)
        return false;
    bool list = h->tag == GUMBO_TAG_UL || h->tag == GUMBO_TAG_OL ||
                (h->text_len && (double)h->list_len / h->text_len > 0.9);
    double ld = link_density(h);
    double heading_density = h->text_len ? (double)h->heading_len / h->text_len : 0;
    bool in_figure = has_ancestor_tag(t, i, GUMBO_TAG_FIGURE);
    if (h->n_img > 1 && (double)h->n_p / h->n_img < 0.5 && !in_figure)
        return true;
    if (!list && (int)h->n_li - 100 > (int)h->n_p)
        return true;
    if (h->n_input > h->n_p / 3)
        return true;
    if (!list && heading_density < 0.9 && h->text_len < 25 && (h->n_img == 0 || h->n_img > 2) &&
        !in_figure)
        return true;
    if (!list && weight < 25 && ld > 0.2)
        return true;
    if (weight >= 25 && ld > 0.5)
        return true;
    /* A list that is nothing but links is a menu or a "related" list. */
    if (list && ld > 0.8 && h->text_len < 1000)
        return true;
    return false;
}

static bool is_break_tag(unsigned tag)
{
    return TAG_IN(tag, GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_LI, GUMBO_TAG_H1, GUMBO_TAG_H2,
                  GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_BLOCKQUOTE,
                  GUMBO_TAG_PRE, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TABLE,
                  GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD,
                  GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION,
                  GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_MAIN, GUMBO_TAG_ADDRESS,
                  GUMBO_TAG_HR, GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET, GUMBO_TAG_DETAILS,
                  GUMBO_TAG_SUMMARY, GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER, GUMBO_TAG_NAV,
                  GUMBO_TAG_ASIDE, GUMBO_TAG_BODY);
}

typedef struct writer {
    dl_buf *out;
    size_t para_start; /* where the open paragraph starts in out */
    bool space;        /* a space is due before the next word */
    dl_status st;
} writer;

static void w_break(writer *w)
{
    w->space = false;
    if (w->out->len > w->para_start && !w->st) {
        w->st = dl_buf_append(w->out, "\n\n", 2);
        w->para_start = w->out->len;
    }
}

static void w_text(writer *w, const char *s, bool pre)
{
    for (const char *p = s; *p && !w->st; p++) {
        unsigned char c = (unsigned char)*p;
        if (pre && c == '\n') {
            w_break(w);
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            w->space = true;
            continue;
        }
        if (w->space && w->out->len > w->para_start)
            w->st = dl_buf_putc(w->out, ' ');
        w->space = false;
        const char *q = p;
        while (q[1] && q[1] != ' ' && q[1] != '\n' && q[1] != '\t' && q[1] != '\r' && q[1] != '\f')
            q++;
        if (!w->st)
            w->st = dl_buf_append(w->out, p, (size_t)(q - p + 1));
        p = q;
    }
}

/* Writes the text of subtree i, leaving out dead nodes and, when clean
 * is set, blocks that read as furniture. */
static void write_subtree(writer *w, const tree *t, int32_t i, int pass, bool clean)
{
    enum { DEPTH = 512 };
    int32_t ends[DEPTH];
    bool pre_end[DEPTH];
    int depth = 0, pre = 0;
    int32_t stop = t->n[i].end;
    for (int32_t k = i; k < stop && !w->st;) {
        while (depth && ends[depth - 1] <= k) {
            depth--;
            pre -= pre_end[depth];
            w_break(w);
        }
        const hnode *h = &t->n[k];
        if (!h->alive || (clean && k != i && !h->text && drop_block(t, k, pass))) {
            k = h->end;
            continue;
        }
        if (h->text) {
            w_text(w, h->g->v.text.text, pre > 0);
            k++;
            continue;
        }
        if (h->tag == GUMBO_TAG_BR) {
            w_break(w);
        } else if (is_break_tag(h->tag)) {
            w_break(w);
            if (depth < DEPTH) {
                pre_end[depth] = h->tag == GUMBO_TAG_PRE;
                pre += pre_end[depth];
                ends[depth++] = h->end;
            }
        } else if (h->tag == GUMBO_TAG_TD || h->tag == GUMBO_TAG_IMG) {
            w->space = true;
        }
        k++;
    }
    while (depth) {
        depth--;
        w_break(w);
    }
}

/* Does the text of subtree i end a sentence (". " inside, or a final
 * full stop)? For short sibling paragraphs. */
static bool reads_as_sentence(const tree *t, int32_t i)
{
    const char *last = NULL;
    for (int32_t k = i; k < t->n[i].end; k++) {
        if (!t->n[k].text || !t->n[k].alive)
            continue;
        const char *s = t->n[k].g->v.text.text;
        if (strstr(s, ". "))
            return true;
        size_t n = strlen(s);
        while (n && isspace((unsigned char)s[n - 1]))
            n--;
        if (n)
            last = s + n - 1;
    }
    return last && *last == '.';
}

/* The article of one pass: the top candidate and its near siblings. */
static dl_status write_pass(dl_buf *out, tree *t, int pass)
{
    bool weights = pass < PASS_NO_WEIGHTS;
    sum_pass(t, pass);
    score_pass(t, weights);
    int32_t top = top_candidate(t, weights);
    writer w = {out, 0, false, DL_OK};
    dl_buf_clear(out);
    if (top < 0)
        return DL_OK;
    int32_t parent = t->n[top].parent;
    if (parent < 0 || top == t->body) {
        write_subtree(&w, t, top, pass, true);
    } else {
        double threshold = t->n[top].score * 0.2 > 10 ? t->n[top].score * 0.2 : 10;
        const char *top_class = attr(t->n[top].g, "class");
        for (int32_t c = parent + 1; c < t->n[parent].end && !w.st; c = t->n[c].end) {
            const hnode *s = &t->n[c];
            if (!s->alive || s->text)
                continue;
            bool take = c == top;
            if (!take) {
                double bonus = 0;
                const char *cls = attr(s->g, "class");
                if (cls && top_class && *cls && !strcmp(cls, top_class))
                    bonus = t->n[top].score * 0.2;
                if (s->candidate && s->score + bonus >= threshold)
                    take = true;
                else if (s->tag == GUMBO_TAG_P) {
                    double ld = link_density(s);
                    if (s->text_len > 80 && ld < 0.25)
                        take = true;
                    else if (s->text_len && s->text_len <= 80 && ld == 0 && reads_as_sentence(t, c))
                        take = true;
                }
            }
            if (take && (c == top || !drop_block(t, c, pass)))
                write_subtree(&w, t, c, pass, true);
        }
    }
    while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
        out->data[--out->len] = '\0';
    return w.st;
}

/* --------------------------------------------------------------- pages */

static GumboOutput *parse(const char *html, size_t len)
{
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0; /* we never read gumbo's error list; keeping it costs time */
    return gumbo_parse_with_options(&o, html, len);
}

static void destroy(GumboOutput *g)
{
    GumboOptions o = kGumboDefaultOptions;
    gumbo_destroy_output(&o, g);
}

/* "By Jane Doe" -> "Jane Doe"; white space collapsed. */
static const char *clean_byline(const char *s, dl_arena *arena)
{
    while (isspace((unsigned char)*s))
        s++;
    if (!strncasecmp(s, "by ", 3) || !strncasecmp(s, "by\n", 3) || !strncasecmp(s, "by\t", 3))
        s += 3;
    while (isspace((unsigned char)*s))
        s++;
    char *out = dl_arena_alloc(arena, strlen(s) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    bool space = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = *s;
    }
    out[n] = '\0';
    return n ? out : NULL;
}

dl_status dl_html_extract(dl_html_page *page, const char *html, size_t len, dl_arena *arena)
{
    memset(page, 0, sizeof *page);
    page->text = "";
    if (len > HTML_MAX_BYTES)
        return DL_ERR_LIMIT;
    dl_buf clean = DL_BUF_INIT, best = DL_BUF_INIT, cur = DL_BUF_INIT;
    dl_html_span ld[MAX_LD];
    size_t n_ld = 0;
    dl_status st = prescan(&clean, ld, &n_ld, html, len);
    if (st) {
        dl_buf_free(&clean);
        return st;
    }
    GumboOutput *g = parse(clean.data ? clean.data : "", clean.len);
    if (!g) {
        dl_buf_free(&clean);
        return DL_ERR_NOMEM;
    }
    st = dl_html_meta_read(page, g->root, ld, n_ld, arena);
    tree t = {.arena = arena, .title = page->title};
    if (!st)
        st = build(&t, g->root);
    for (int pass = PASS_STRICT; !st && pass <= PASS_NO_CONDITIONS; pass++) {
        if ((st = write_pass(&cur, &t, pass)))
            break;
        if (cur.len > best.len) {
            dl_buf tmp = best;
            best = cur;
            cur = tmp;
        }
        if (best.len >= MIN_ARTICLE_CHARS)
            break;
    }
    if (!st && !page->byline && t.byline)
        page->byline = clean_byline(t.byline, arena);
    if (!st && best.len) {
        char *text = dl_arena_strndup(arena, best.data, best.len);
        if (!text)
            st = DL_ERR_NOMEM;
        else
            page->text = text, page->len = best.len;
    }
    destroy(g);
    dl_buf_free(&clean);
    dl_buf_free(&best);
    dl_buf_free(&cur);
    return st;
}

dl_status dl_html_all_text(dl_buf *out, const char *html, size_t len)
{
    if (len > HTML_MAX_BYTES)
        return DL_ERR_LIMIT;
    dl_arena *arena = dl_arena_new(0);
    dl_buf clean = DL_BUF_INIT;
    dl_html_span ld[MAX_LD];
    size_t n_ld;
    dl_status st = arena ? prescan(&clean, ld, &n_ld, html, len) : DL_ERR_NOMEM;
    GumboOutput *g = st ? NULL : parse(clean.data ? clean.data : "", clean.len);
    if (!st && !g)
        st = DL_ERR_NOMEM;
    if (!st) {
        tree t = {.arena = arena, .have_byline = true};
        st = build(&t, g->root);
        if (!st && t.count) {
            sum_pass(&t, PASS_NO_CONDITIONS);
            size_t at = out->len;
            writer w = {out, at, false, DL_OK};
            write_subtree(&w, &t, 0, PASS_NO_CONDITIONS, false);
            st = w.st;
            while (out->len > at && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
                out->data[--out->len] = '\0';
        }
    }
    if (g)
        destroy(g);
    dl_buf_free(&clean);
    dl_arena_free(arena);
    return st;
}

bool dl_html_charset(const char *html, size_t len, char *out, size_t cap)
{
    const char *end = html + (len < 4096 ? len : 4096);
    for (const char *p = html; (p = find_ci(p, end, "<meta"));) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            return false;
        const char *cs = find_ci(p, gt, "charset");
        if (cs) {
            cs += 7;
            while (cs < gt && (isspace((unsigned char)*cs) || *cs == '='))
                cs++;
            while (cs < gt && (*cs == '"' || *cs == '\''))
                cs++;
            size_t n = 0;
            while (cs + n < gt && (isalnum((unsigned char)cs[n]) || cs[n] == '-' || cs[n] == '_' ||
                                   cs[n] == '.' || cs[n] == ':'))
                n++;
            if (n && n < cap) {
                for (size_t i = 0; i < n; i++)
                    out[i] = (char)tolower((unsigned char)cs[i]);
                out[n] = '\0';
                return true;
            }
        }
        p = gt;
    }
    return false;
}

bool dl_html_sniff(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i >= n || s[i] != '<')
        return false;
    const char *end = s + (n - i < 1024 ? n : i + 1024);
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta "};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (find_ci(s + i, end, marks[k]))
            return true;
    return false;
}
