/* xml_scan.c: the forgiving XML scanner (see xml_scan.h). */
#include "eval/xml_scan.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static void advance_to(xml_lexer *lx, size_t to)
{
    if (to > lx->n)
        to = lx->n;
    while (lx->pos < to) {
        const char *nl = memchr(lx->s + lx->pos, '\n', to - lx->pos);
        if (!nl) {
            lx->pos = to;
            break;
        }
        lx->line++;
        lx->pos = (size_t)(nl - lx->s) + 1;
    }
}

static bool name_start(char c)
{
    return isalpha((unsigned char)c) || c == '_' || c == ':';
}

static bool name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '-' || c == '.';
}

bool dl_xml_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Offset of needle in s[from..n), or n when absent. */
static size_t find(const xml_lexer *lx, size_t from, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = from; i + k <= lx->n; i++) {
        const char *hit = memchr(lx->s + i, needle[0], lx->n - i);
        if (!hit)
            return lx->n;
        i = (size_t)(hit - lx->s);
        if (i + k <= lx->n && !memcmp(hit, needle, k))
            return i;
    }
    return lx->n;
}

static size_t skip_space(const xml_lexer *lx, size_t i)
{
    while (i < lx->n && dl_xml_is_space(lx->s[i]))
        i++;
    return i;
}

/* After a malformed tag: goes on after its '>' when one comes before the
 * next '<', else at that '<', so the next tag is read whole. */
static void resync(xml_lexer *lx, size_t from)
{
    size_t lt = find(lx, from, "<"), gt = find(lx, from, ">");
    advance_to(lx, gt < lt ? gt + 1 : lt);
}

static void bad(xml_lexer *lx, xml_token *t, const char *problem, size_t resync_from)
{
    t->kind = T_BAD;
    t->problem = problem;
    resync(lx, resync_from);
}

/* Reads the attributes and the end of a start tag; i is just after its name. */
static void scan_attributes(xml_lexer *lx, xml_token *t, size_t i)
{
    const char *s = lx->s;
    for (;;) {
        i = skip_space(lx, i);
        if (i >= lx->n) {
            t->kind = T_BAD;
            t->problem = "the file ends inside a tag";
            advance_to(lx, lx->n);
            return;
        }
        if (s[i] == '>') {
            advance_to(lx, i + 1);
            return;
        }
        if (s[i] == '/' && i + 1 < lx->n && s[i + 1] == '>') {
            t->empty = true;
            advance_to(lx, i + 2);
            return;
        }
        if (s[i] == '<') {
            t->kind = T_BAD;
            t->problem = "a tag is not closed with '>'";
            advance_to(lx, i);
            return;
        }
        if (!name_start(s[i])) {
            bad(lx, t, "unexpected character in a tag", i);
            return;
        }
        xml_attr a = {{s + i, 0}, {s + i, 0}};
        while (i < lx->n && name_char(s[i]))
            i++;
        a.name.n = (size_t)(s + i - a.name.p);
        i = skip_space(lx, i);
        if (i < lx->n && s[i] == '=') {
            i = skip_space(lx, i + 1);
            if (i < lx->n && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i];
                size_t end = i + 1;
                while (end < lx->n && s[end] != q && s[end] != '<')
                    end++;
                if (end >= lx->n || s[end] != q) {
                    t->kind = T_BAD;
                    t->problem = "an attribute value is not closed with its quote";
                    advance_to(lx, end);
                    return;
                }
                a.value = (xml_span){s + i + 1, end - i - 1};
                i = end + 1;
            } else {
                /* Unquoted values are not XML, but they are clear enough. */
                size_t b = i;
                while (i < lx->n && !dl_xml_is_space(s[i]) && s[i] != '>' && s[i] != '<' && s[i] != '/')
                    i++;
                a.value = (xml_span){s + b, i - b};
            }
        }
        if (t->n_attrs < MAX_ATTRS)
            t->attrs[t->n_attrs++] = a;
    }
}

/* The next token; comments, processing instructions and declarations are
 * skipped (an unclosed one is a T_BAD that runs to the end of the file). */
void dl_xml_next(xml_lexer *lx, xml_token *t)
{
    const char *s = lx->s;
    for (;;) {
        memset(t, 0, sizeof *t);
        t->line = lx->line;
        t->byte = lx->pos;
        size_t i = lx->pos;
        if (i >= lx->n) {
            t->kind = T_EOF;
            return;
        }
        bool markup = s[i] == '<' && i + 1 < lx->n &&
                      (name_start(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?');
        if (!markup) {
            /* Text runs to the next '<'; a '<' that starts no markup is text. */
            size_t end = find(lx, s[i] == '<' ? i + 1 : i, "<");
            t->kind = T_TEXT;
            t->text = (xml_span){s + i, end - i};
            advance_to(lx, end);
            return;
        }
        if (lx->n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
            size_t end = find(lx, i + 4, "-->");
            if (end >= lx->n) {
                t->kind = T_BAD;
                t->problem = "a comment <!-- is not closed with -->";
                advance_to(lx, lx->n);
                return;
            }
            advance_to(lx, end + 3);
            continue;
        }
        if (lx->n - i >= 9 && !memcmp(s + i, "<![CDATA[", 9)) {
            size_t end = find(lx, i + 9, "]]>");
            if (end >= lx->n) {
                t->kind = T_BAD;
                t->problem = "a <![CDATA[ section is not closed with ]]>";
                advance_to(lx, lx->n);
                return;
            }
            t->kind = T_TEXT;
            t->text = (xml_span){s + i + 9, end - i - 9};
            advance_to(lx, end + 3);
            return;
        }
        if (s[i + 1] == '?' || s[i + 1] == '!') {
            size_t end = find(lx, i + 2, s[i + 1] == '?' ? "?>" : ">");
            if (end >= lx->n) {
                t->kind = T_BAD;
                t->problem = "a declaration <! or <? is not closed";
                advance_to(lx, lx->n);
                return;
            }
            advance_to(lx, end + (s[i + 1] == '?' ? 2 : 1));
            continue;
        }
        bool end_tag = s[i + 1] == '/';
        size_t b = i + 1 + end_tag;
        if (b >= lx->n || !name_start(s[b])) {
            bad(lx, t, "'</' is not followed by a tag name", b);
            return;
        }
        size_t e = b;
        while (e < lx->n && name_char(s[e]))
            e++;
        t->name = (xml_span){s + b, e - b};
        if (!end_tag) {
            t->kind = T_START;
            scan_attributes(lx, t, e);
            return;
        }
        t->kind = T_END;
        e = skip_space(lx, e);
        if (e < lx->n && s[e] == '>') {
            advance_to(lx, e + 1);
            return;
        }
        if (e >= lx->n || s[e] == '<') {
            t->kind = T_BAD;
            t->problem = "an end tag is not closed with '>'";
            advance_to(lx, e);
            return;
        }
        bad(lx, t, "unexpected character in an end tag", e);
        return;
    }
}

bool dl_xml_is_name(const xml_token *t, const char *name)
{
    return strlen(name) == t->name.n && !strncasecmp(t->name.p, name, t->name.n);
}

const xml_attr *dl_xml_attr(const xml_token *t, const char *name)
{
    for (size_t i = 0; i < t->n_attrs; i++)
        if (strlen(name) == t->attrs[i].name.n && !strncasecmp(t->attrs[i].name.p, name, t->attrs[i].name.n))
            return &t->attrs[i];
    return NULL;
}

