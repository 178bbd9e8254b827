/* xml_scan.h: a forgiving scanner for the small XML of PETRARCH
 * validation files: start tags with their attributes, end tags, text, and
 * "bad" tokens for markup it cannot make sense of; comments are dropped.
 * Hand-edited files are expected to be broken, so nothing here fails: a
 * problem becomes a T_BAD token with a message, and the scan resumes at
 * the next '<'. Spans point into the caller's text. */
#ifndef DL_EXTRACT_XML_SCAN_H
#define DL_EXTRACT_XML_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { MAX_ATTRS = 16 };

typedef struct xml_span {
    const char *p;
    size_t n;
} xml_span;

typedef struct xml_attr {
    xml_span name, value;
} xml_attr;

typedef enum xml_kind { T_EOF, T_TEXT, T_START, T_END, T_BAD } xml_kind;

typedef struct xml_token {
    xml_kind kind;
    xml_span name;           /* T_START, T_END */
    bool empty;          /* <X/> */
    xml_attr attrs[MAX_ATTRS];
    size_t n_attrs;
    xml_span text;           /* T_TEXT: raw, entities not decoded */
    const char *problem; /* T_BAD */
    uint64_t line, byte;
} xml_token;

typedef struct xml_lexer {
    const char *s;
    size_t n, pos;
    uint64_t line; /* line of s[pos] */
} xml_lexer;

/* XML white space: space, tab, CR, LF. */
bool dl_xml_is_space(char c);
/* The next token from lx into t. */
void dl_xml_next(xml_lexer *lx, xml_token *t);
/* Is t a start or end tag named name (ASCII case ignored)? */
bool dl_xml_is_name(const xml_token *t, const char *name);
/* The attribute of t named name, or NULL. */
const xml_attr *dl_xml_attr(const xml_token *t, const char *name);

#endif
