/* html.h: from an HTML page to its article: main text and metadata.
 *
 * The page is parsed by gumbo (an HTML5 parser that never fails: it builds
 * a tree from any bytes, as browsers do). The main text is found the way
 * reader views find it: paragraphs score their ancestors by length and
 * commas, class and id names push candidates up ("article", "content") or
 * down ("comment", "sidebar"), link-heavy blocks lose, and the best
 * candidate is kept with the siblings that score near it; share bars,
 * related lists, forms and footers inside it are dropped. Metadata comes
 * from JSON-LD (NewsArticle and its kin), then <meta> (Open Graph, Dublin
 * Core, parsely), then the page's <title>, <time> and byline markup.
 *
 * Everything returned lives in the arena given; the input is not kept. */
#ifndef DL_DOC_HTML_H
#define DL_DOC_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include "dateline.h"

typedef struct dl_html_page {
    const char *title;      /* NULL when the page gives none */
    const char *byline;     /* author names as written, "By" removed; or NULL */
    const char *date;       /* publication date, ISO 8601; or NULL */
    const char *date_raw;   /* the date as the page wrote it; or NULL */
    const char *site_name;  /* "The Guardian"; or NULL */
    const char *language;   /* <html lang>, JSON-LD inLanguage; or NULL */
    const char *url;        /* <link rel=canonical> or og:url; or NULL */
    const char *text;       /* main text, paragraphs separated by "\n\n"; never NULL */
    size_t len;
} dl_html_page;

/* Extracts the article of one page. html must be UTF-8 (the reader
 * decodes first, see dl_html_charset()); len bytes, NUL not needed.
 * Returns DL_OK (page->text may be empty), DL_ERR_NOMEM, or DL_ERR_LIMIT
 * for a page over 256 MB. */
dl_status dl_html_extract(dl_html_page *page, const char *html, size_t len, dl_arena *arena);

/* Appends the visible text of an HTML document or fragment to out,
 * block elements as paragraphs separated by "\n\n" (no scoring: all of
 * it). For scorers that compare against expected HTML. */
dl_status dl_html_all_text(dl_buf *out, const char *html, size_t len);

/* The charset a page declares in its first 4 KB (<meta charset=...> or
 * <meta http-equiv=Content-Type content="...; charset=...">), lower-cased
 * into out (cap bytes). Returns false when none is declared. */
bool dl_html_charset(const char *html, size_t len, char *out, size_t cap);

/* Do these first bytes look like HTML (a doctype, <html>, <head> or
 * <body> near the start)? For detection by content. */
bool dl_html_sniff(const char *s, size_t n);

/* How much of b's words a also has, 0..1 (1: every word of b is in a),
 * case-folded: to tell a heading that repeats the title. */
double dl_html_similarity(const char *a, const char *b);

/* Writes a date as pages and archives give it (ISO 8601, "2017-11-03
 * 03:01:00", or a form news writes) as "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM" into the arena; NULL if unreadable. */
const char *dl_html_iso_date(const char *raw, dl_arena *arena);

#endif
