/* html_meta.c: title, byline, date, site name, language and URL of a page.
 *
 * Pages state these several times over, not always alike: JSON-LD for
 * search engines (the most careful), <meta> tags for social sites (Open
 * Graph, Twitter, Dublin Core, parsely), the <title> (usually with the
 * site's name glued on) and markup in the text (<time>, rel=author). We
 * take the first of them in that order, and trim the site's name off a
 * <title> the way reader views do: keep the part before the last " | ",
 * " - ", " » " unless that leaves too few words. */
#include "doc/html_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "base/date.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_METAS = 256 };

typedef struct meta {
    char *key;   /* lower case, no spaces, '.' written ':' ("og:title", "dc:creator") */
    const char *value;
} meta;

typedef struct collected {
    meta metas[MAX_METAS];
    size_t n_metas;
    const char *doc_title;  /* <title> */
    const char *lang;
    const char *canonical;
    const char *time;       /* first <time datetime> */
    const GumboNode *h1[2]; /* the first two h1s, to know if there is one */
    size_t n_h1;
    const GumboNode *headings[32]; /* h1/h2 for the ": " title rule */
    size_t n_headings;
} collected;

char *dl_html_node_text(const GumboNode *node, dl_arena *arena)
{
    dl_buf b = DL_BUF_INIT;
    const GumboNode *stack[256];
    size_t n = 0;
    stack[n++] = node;
    bool space = false;
    dl_status st = DL_OK;
    while (n && !st) {
        const GumboNode *g = stack[--n];
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA ||
            g->type == GUMBO_NODE_WHITESPACE) {
            for (const char *p = g->v.text.text; *p && !st; p++) {
                if (isspace((unsigned char)*p)) {
                    space = b.len > 0;
                    continue;
                }
                if (space)
                    st = dl_buf_putc(&b, ' ');
                space = false;
                if (!st)
                    st = dl_buf_putc(&b, *p);
            }
            continue;
        }
        if (g->type != GUMBO_NODE_ELEMENT || g->v.element.tag == GUMBO_TAG_SCRIPT ||
            g->v.element.tag == GUMBO_TAG_STYLE)
            continue;
        const GumboVector *kids = &g->v.element.children;
        for (size_t k = kids->length; k-- > 0;)
            if (n < sizeof stack / sizeof *stack)
                stack[n++] = kids->data[k];
    }
    char *out = st ? NULL : dl_arena_strndup(arena, b.data ? b.data : "", b.len);
    dl_buf_free(&b);
    return out;
}

/* Case-folded words of s as (start, length) into words (at most cap). */
static size_t words_of(const char *s, const char **w, size_t *wl, size_t cap)
{
    size_t n = 0;
    for (const char *p = s; *p && n < cap;) {
        while (*p && !(isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
            p++;
        const char *b = p;
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
            p++;
        if (p > b)
            w[n] = b, wl[n++] = (size_t)(p - b);
    }
    return n;
}

double dl_html_similarity(const char *a, const char *b)
{
    enum { CAP = 256 };
    const char *wa[CAP], *wb[CAP];
    size_t la[CAP], lb[CAP];
    size_t na = words_of(a, wa, la, CAP), nb = words_of(b, wb, lb, CAP);
    if (!na || !nb)
        return 0;
    size_t all = 0, unique = 0;
    for (size_t i = 0; i < nb; i++) {
        all += lb[i] + (i > 0);
        bool found = false;
        for (size_t k = 0; k < na && !found; k++)
            found = la[k] == lb[i] && !strncasecmp(wa[k], wb[i], lb[i]);
        if (!found)
            unique += lb[i] + (unique > 0);
    }
    return 1 - (double)unique / (double)all;
}

const char *dl_html_iso_date(const char *raw, dl_arena *arena)
{
    while (isspace((unsigned char)*raw))
        raw++;
    size_t n = strlen(raw);
    while (n && isspace((unsigned char)raw[n - 1]))
        n--;
    if (!n)
        return NULL;
    /* "2017-11-03 03:01:00.000000", "2019-01-03T07:00:02.000Z": the date
     * and, when given, the time to the minute, as written (the page's own
     * zone; converting would move some dates across midnight). */
    if (n >= 10 && isdigit((unsigned char)raw[0]) && isdigit((unsigned char)raw[3]) &&
        raw[4] == '-' && raw[7] == '-' && isdigit((unsigned char)raw[9])) {
        bool time = n >= 16 && (raw[10] == 'T' || raw[10] == ' ') && isdigit((unsigned char)raw[11]) &&
                    raw[13] == ':' && isdigit((unsigned char)raw[15]);
        char out[17];
        memcpy(out, raw, 10);
        if (time) {
            out[10] = 'T';
            memcpy(out + 11, raw + 11, 5);
        }
        out[time ? 16 : 10] = '\0';
        return dl_arena_strdup(arena, out);
    }
    char *out = dl_arena_alloc(arena, n + DL_DATE_MAX);
    if (out && dl_date_normalize(raw, n, out, n + DL_DATE_MAX))
        return out;
    char line[DL_DATE_MAX];
    if (dl_date_parse_line(raw, n, line))
        return dl_arena_strdup(arena, line);
    return NULL;
}

static const char *attr_of(const GumboNode *g, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
    return a ? a->value : NULL;
}

static void add_meta(collected *c, const char *key, size_t n, const char *value, dl_arena *arena)
{
    if (c->n_metas == MAX_METAS || !value)
        return;
    char *k = dl_arena_alloc(arena, n + 1);
    if (!k)
        return;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = key[i];
        if (isspace((unsigned char)ch))
            continue;
        k[m++] = ch == '.' ? ':' : (char)tolower((unsigned char)ch);
    }
    k[m] = '\0';
    c->metas[c->n_metas++] = (meta){k, value};
}

/* The last value given for key (pages that repeat a tag mean the last). */
static const char *meta_get(const collected *c, const char *key)
{
    for (size_t i = c->n_metas; i-- > 0;)
        if (!strcmp(c->metas[i].key, key) && c->metas[i].value[0])
            return c->metas[i].value;
    return NULL;
}

static void collect(collected *c, const GumboNode *root, dl_arena *arena)
{
    size_t cap = 1024, n = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    if (!stack)
        return;
    stack[n++] = root;
    while (n) {
        const GumboNode *g = stack[--n];
        if (g->type != GUMBO_NODE_ELEMENT)
            continue;
        unsigned tag = g->v.element.tag;
        const char *v;
        if (tag == GUMBO_TAG_HTML && !c->lang && (v = attr_of(g, "lang")) && *v)
            c->lang = v;
        else if (tag == GUMBO_TAG_TITLE && !c->doc_title)
            c->doc_title = dl_html_node_text(g, arena);
        else if (tag == GUMBO_TAG_META) {
            const char *content = attr_of(g, "content");
            const char *prop = attr_of(g, "property"), *name = attr_of(g, "name");
            const char *ip = attr_of(g, "itemprop");
            if (content && prop)
                for (const char *p = prop; *p;) {
                    while (*p && isspace((unsigned char)*p))
                        p++;
                    const char *b = p;
                    while (*p && !isspace((unsigned char)*p))
                        p++;
                    if (p > b)
                        add_meta(c, b, (size_t)(p - b), content, arena);
                }
            if (content && name)
                add_meta(c, name, strlen(name), content, arena);
            if (content && ip) {
                char key[80];
                snprintf(key, sizeof key, "itemprop:%s", ip);
                add_meta(c, key, strlen(key), content, arena);
            }
        } else if (tag == GUMBO_TAG_LINK && !c->canonical && (v = attr_of(g, "rel")) &&
                   !strcasecmp(v, "canonical") && (v = attr_of(g, "href")) && *v) {
            c->canonical = v;
        } else if (tag == GUMBO_TAG_TIME && !c->time && (v = attr_of(g, "datetime")) && *v) {
            c->time = v;
        } else if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) {
            if (tag == GUMBO_TAG_H1 && c->n_h1 < 2)
                c->h1[c->n_h1] = g;
            c->n_h1 += tag == GUMBO_TAG_H1;
            if (c->n_headings < sizeof c->headings / sizeof *c->headings)
                c->headings[c->n_headings++] = g;
        }
        if (!c->time && (v = attr_of(g, "itemprop")) && !strcmp(v, "datePublished") &&
            ((v = attr_of(g, "datetime")) || (v = attr_of(g, "content"))) && *v)
            c->time = v;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG)
            continue;
        const GumboVector *kids = &g->v.element.children;
        if (n + kids->length > cap) {
            size_t nc = 2 * cap + kids->length;
            const GumboNode **ns = realloc(stack, nc * sizeof *ns);
            if (!ns)
                break;
            stack = ns;
            cap = nc;
        }
        for (size_t k = kids->length; k-- > 0;)
            stack[n++] = kids->data[k];
    }
    free(stack);
}

/* ---------------------------------------------------------------- title */

/* Length of a title separator character at s ('|', '-', '\', '/', '>',
 * '»'), or 0. */
static size_t sep_len(const char *s)
{
    if (*s == '|' || *s == '-' || *s == '\\' || *s == '/' || *s == '>')
        return 1;
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xBB)
        return 2;
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3; /* en and em dash */
    return 0;
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = isspace((unsigned char)*s);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static char *trim_dup(const char *s, size_t n, dl_arena *arena)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *out = dl_arena_alloc(arena, n + 1);
    if (!out)
        return NULL;
    size_t m = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        if (isspace((unsigned char)s[i])) {
            space = true;
            continue;
        }
        if (space && m)
            out[m++] = ' ';
        space = false;
        out[m++] = s[i];
    }
    out[m] = '\0';
    return out;
}

/* The article's title from the page's <title>. */
static const char *title_from_document(const collected *c, dl_arena *arena)
{
    const char *orig = c->doc_title ? c->doc_title : "";
    size_t n = strlen(orig);
    const char *cur = orig;
    size_t cur_len = n;
    bool hierarchical = false, spaced_sep = false;
    /* a separator with spaces on both sides */
    size_t last_sep = SIZE_MAX, first_sep = SIZE_MAX;
    for (size_t i = 1; i + 1 < n; i++) {
        size_t k = sep_len(orig + i);
        if (k && orig[i - 1] == ' ' && orig[i + k] == ' ') {
            spaced_sep = true;
            hierarchical |= orig[i] != '|' && orig[i] != '-' && k != 3;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = sep_len(orig + i);
        if (!k)
            continue;
        if (first_sep == SIZE_MAX)
            first_sep = i;
        if (i + k < n && orig[i + k] == ' ')
            last_sep = i;
    }
    const char *colon = strstr(orig, ": ");
    if (spaced_sep && last_sep != SIZE_MAX) {
        cur_len = last_sep;
        char *t = trim_dup(orig, cur_len, arena);
        if (t && word_count(t) < 3 && first_sep != SIZE_MAX) {
            size_t k = sep_len(orig + first_sep);
            cur = orig + first_sep + k;
            cur_len = n - first_sep - k;
        }
    } else if (colon) {
        bool heading_is_title = false;
        char *whole = trim_dup(orig, n, arena);
        for (size_t h = 0; h < c->n_headings && whole && !heading_is_title; h++) {
            char *ht = dl_html_node_text(c->headings[h], arena);
            heading_is_title = ht && !strcmp(ht, whole);
        }
        if (!heading_is_title) {
            const char *lastc = strrchr(orig, ':');
            cur = lastc + 1;
            cur_len = strlen(cur);
            char *t = trim_dup(cur, cur_len, arena);
            const char *firstc = strchr(orig, ':');
            if (t && word_count(t) < 3) {
                cur = firstc + 1;
                cur_len = strlen(cur);
            } else {
                char *before = trim_dup(orig, (size_t)(firstc - orig), arena);
                if (before && word_count(before) > 5)
                    cur = orig, cur_len = n;
            }
        }
    } else if ((n > 150 || n < 15) && c->n_h1 == 1) {
        char *h = dl_html_node_text(c->h1[0], arena);
        if (h && *h)
            cur = h, cur_len = strlen(h);
    }
    char *t = trim_dup(cur, cur_len, arena);
    if (!t)
        return NULL;
    size_t words = word_count(t);
    if (words <= 4) {
        /* the original's word count without its separators */
        size_t orig_words = 0;
        bool in = false;
        for (size_t i = 0; i < n;) {
            size_t k = sep_len(orig + i);
            bool sp = k || isspace((unsigned char)orig[i]);
            if (!sp && !in)
                orig_words++;
            in = !sp;
            i += k ? k : 1;
        }
        if (!hierarchical || words != orig_words - 1)
            t = trim_dup(orig, n, arena);
    }
    return t && *t ? t : NULL;
}

/* -------------------------------------------------------------- JSON-LD */

static bool article_type(const char *t)
{
    static const char *const types[] = {
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
        "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
        "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (!strcmp(t, types[i]))
            return true;
    return false;
}

static const cJSON *find_article(const cJSON *v, int depth)
{
    if (!v || depth > 8)
        return NULL;
    if (cJSON_IsArray(v)) {
        for (const cJSON *e = v->child; e; e = e->next) {
            const cJSON *a = find_article(e, depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (!cJSON_IsObject(v))
        return NULL;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(v, "@type");
    if (cJSON_IsString(type) && article_type(type->valuestring))
        return v;
    if (cJSON_IsArray(type))
        for (const cJSON *e = type->child; e; e = e->next)
            if (cJSON_IsString(e) && article_type(e->valuestring))
                return v;
    return find_article(cJSON_GetObjectItemCaseSensitive(v, "@graph"), depth + 1);
}

static const char *json_str(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && v->valuestring && v->valuestring[0] ? v->valuestring : NULL;
}

/* "&amp;" and numeric references, which JSON-LD writers leave in. */
static char *unescape(const char *s, dl_arena *arena)
{
    dl_buf b = DL_BUF_INIT;
    static const struct { const char *name; const char *text; } ents[] = {
        {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"}, {"nbsp;", " "}};
    dl_status st = DL_OK;
    for (const char *p = s; *p && !st; p++) {
        if (*p == '&') {
            bool done = false;
            for (size_t i = 0; i < sizeof ents / sizeof *ents && !done; i++) {
                size_t m = strlen(ents[i].name);
                if (!strncmp(p + 1, ents[i].name, m)) {
                    st = dl_buf_puts(&b, ents[i].text);
                    p += m;
                    done = true;
                }
            }
            if (!done && p[1] == '#') {
                char *end;
                bool hex = p[2] == 'x' || p[2] == 'X';
                long cp = strtol(p + (hex ? 3 : 2), &end, hex ? 16 : 10);
                if (*end == ';' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    char enc[4];
                    st = dl_buf_append(&b, enc, dl_utf8_encode((int32_t)cp, enc));
                    p = end;
                    done = true;
                }
            }
            if (done)
                continue;
        }
        st = dl_buf_putc(&b, *p);
    }
    char *out = st ? NULL : trim_dup(b.data ? b.data : "", b.len, arena);
    dl_buf_free(&b);
    return out;
}

typedef struct ld_meta {
    const char *title, *byline, *date, *site, *lang;
} ld_meta;

static void read_ld(ld_meta *m, const dl_html_span *ld, size_t n_ld, const char *doc_title,
                    dl_arena *arena)
{
    for (size_t i = 0; i < n_ld && !m->title; i++) {
        /* Some pages wrap the JSON in a CDATA section or a comment. */
        const char *s = ld[i].s, *z = ld[i].s + ld[i].n;
        while (s < z && isspace((unsigned char)*s))
            s++;
        while (z > s && isspace((unsigned char)z[-1]))
            z--;
        if (z - s >= 12 && !memcmp(s, "<![CDATA[", 9) && !memcmp(z - 3, "]]>", 3))
            s += 9, z -= 3;
        cJSON *root = cJSON_ParseWithLength(s, (size_t)(z - s));
        const cJSON *a = find_article(root, 0);
        if (!a) {
            cJSON_Delete(root);
            continue;
        }
        const char *name = json_str(a, "name"), *headline = json_str(a, "headline");
        const char *title = name ? name : headline;
        if (name && headline && strcmp(name, headline) && doc_title) {
            bool name_matches = dl_html_similarity(name, doc_title) > 0.75;
            bool headline_matches = dl_html_similarity(headline, doc_title) > 0.75;
            title = headline_matches && !name_matches ? headline : name;
        }
        if (title)
            m->title = unescape(title, arena);
        const cJSON *author = cJSON_GetObjectItemCaseSensitive(a, "author");
        dl_buf names = DL_BUF_INIT;
        if (cJSON_IsString(author))
            dl_buf_puts(&names, author->valuestring);
        else if (cJSON_IsObject(author) && json_str(author, "name"))
            dl_buf_puts(&names, json_str(author, "name"));
        else if (cJSON_IsArray(author))
            for (const cJSON *e = author->child; e; e = e->next) {
                const char *nm = cJSON_IsString(e) ? e->valuestring : json_str(e, "name");
                if (nm && *nm) {
                    if (names.len)
                        dl_buf_puts(&names, ", ");
                    dl_buf_puts(&names, nm);
                }
            }
        if (names.len)
            m->byline = unescape(names.data, arena);
        dl_buf_free(&names);
        const char *d = json_str(a, "datePublished");
        if (d)
            m->date = dl_arena_strdup(arena, d);
        const cJSON *pub = cJSON_GetObjectItemCaseSensitive(a, "publisher");
        if (cJSON_IsObject(pub) && json_str(pub, "name"))
            m->site = unescape(json_str(pub, "name"), arena);
        if (json_str(a, "inLanguage"))
            m->lang = dl_arena_strdup(arena, json_str(a, "inLanguage"));
        cJSON_Delete(root);
    }
}

static const char *first_of(const collected *c, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *v = meta_get(c, keys[i]);
        if (v)
            return v;
    }
    return NULL;
}
#define FIRST_OF(c, ...) first_of((c), (const char *const[]){__VA_ARGS__}, \
                                  sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

static bool looks_like_url(const char *s)
{
    return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || !strncmp(s, "//", 2) ||
           s[0] == '/';
}

dl_status dl_html_meta_read(dl_html_page *page, const GumboNode *root, const dl_html_span *ld,
                            size_t n_ld, dl_arena *arena)
{
    collected *c = calloc(1, sizeof *c);
    if (!c)
        return DL_ERR_NOMEM;
    collect(c, root, arena);
    const char *doc_title = title_from_document(c, arena);
    ld_meta m = {0};
    read_ld(&m, ld, n_ld, doc_title, arena);
    const char *v;
    page->title = m.title;
    if (!page->title && (v = FIRST_OF(c, "dc:title", "dcterm:title", "og:title",
                                      "weibo:article:title", "weibo:webpage:title", "title",
                                      "twitter:title", "parsely-title")))
        page->title = unescape(v, arena);
    if (!page->title)
        page->title = doc_title;
    page->byline = m.byline;
    if (!page->byline && (v = FIRST_OF(c, "dc:creator", "dcterm:creator", "author",
                                       "parsely-author")))
        page->byline = unescape(v, arena);
    if (!page->byline && (v = meta_get(c, "article:author")) && !looks_like_url(v))
        page->byline = unescape(v, arena);
    const char *date = m.date;
    if (!date)
        date = FIRST_OF(c, "article:published_time", "parsely-pub-date", "itemprop:datepublished",
                        "og:published_time", "dc:date", "dcterm:date", "dc:date:issued", "date",
                        "pubdate", "publish-date", "sailthru:date");
    if (!date)
        date = c->time;
    if (date) {
        page->date_raw = dl_arena_strdup(arena, date);
        page->date = dl_html_iso_date(date, arena);
    }
    page->site_name = m.site;
    if (!page->site_name && (v = meta_get(c, "og:site_name")))
        page->site_name = unescape(v, arena);
    page->language = m.lang ? m.lang : c->lang ? dl_arena_strdup(arena, c->lang) : NULL;
    v = c->canonical ? c->canonical : meta_get(c, "og:url");
    page->url = v ? dl_arena_strdup(arena, v) : NULL;
    free(c);
    return DL_OK;
}
