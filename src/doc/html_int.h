/* html_int.h: what html.c (main text) and html_meta.c (metadata) share.
 * Not part of the library's interface. */
#ifndef DL_DOC_HTML_INT_H
#define DL_DOC_HTML_INT_H

#include <gumbo.h>
#include "doc/html.h"

/* The text of a JSON-LD <script> block, kept aside by the pre-scan that
 * empties every other script before gumbo sees the page. */
typedef struct dl_html_span {
    const char *s;
    size_t n;
} dl_html_span;

/* Fills title, byline, date, date_raw, site_name, language and url of
 * page from the tree and the JSON-LD blocks. Fields the page does not
 * give stay NULL. */
dl_status dl_html_meta_read(dl_html_page *page, const GumboNode *root, const dl_html_span *ld,
                            size_t n_ld, dl_arena *arena);

/* The text under node, white space collapsed, trimmed; "" when none. */
char *dl_html_node_text(const GumboNode *node, dl_arena *arena);

#endif
