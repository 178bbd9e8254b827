/* test_html.c: main text and metadata of HTML pages, and charsets. */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "doc/encoding.h"
#include "doc/html.h"

static dl_html_page page_of(const char *html, dl_arena *arena)
{
    dl_html_page p;
    CHECK_INT(dl_html_extract(&p, html, strlen(html), arena), DL_OK);
    return p;
}

static const char para[] =
    "<p>The committee met for three hours on Thursday, and its members agreed, after a long "
    "debate, to send the bill back to the floor with two amendments.</p>";

TEST(html_main_text_drops_navigation_and_comments)
{
    dl_arena *a = dl_arena_new(0);
    dl_buf html = DL_BUF_INIT;
    dl_buf_puts(&html, "<html><body><ul class=\"menu\"><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>"
                       "<div class=\"article-body\">");
    for (int i = 0; i < 4; i++)
        dl_buf_puts(&html, para);
    dl_buf_puts(&html, "</div><div id=\"comments\"><p>First! This is a reader comment, with opinions, "
                       "that goes on for a while, and on.</p></div>"
                       "<div class=\"related\"><a href=/x>Another story about something else entirely</a></div>"
                       "</body></html>");
    dl_html_page p = page_of(html.data, a);
    CHECK(strstr(p.text, "send the bill back") != NULL);
    CHECK(strstr(p.text, "Home") == NULL);
    CHECK(strstr(p.text, "reader comment") == NULL);
    CHECK(strstr(p.text, "Another story") == NULL);
    /* paragraphs stay paragraphs */
    CHECK(strstr(p.text, "amendments.\n\nThe committee") != NULL);
    dl_buf_free(&html);
    dl_arena_free(a);
}

TEST(html_metadata_json_ld_first)
{
    dl_arena *a = dl_arena_new(0);
    const char *html =
        "<html lang=\"en-GB\"><head><title>Budget vote delayed - The Daily Example</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta name=\"author\" content=\"Meta Author\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Budget vote delayed &amp; disputed\",\"datePublished\":\"2025-03-14T09:30:00+01:00\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"name\":\"John Roe\"}],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily Example\"}}]}</script>"
        "</head><body><p>Short.</p></body></html>";
    dl_html_page p = page_of(html, a);
    CHECK_STR(p.title, "Budget vote delayed & disputed");
    CHECK_STR(p.byline, "Jane Doe, John Roe");
    CHECK_STR(p.date, "2025-03-14T09:30");
    CHECK_STR(p.site_name, "The Daily Example");
    CHECK_STR(p.language, "en-GB");
    dl_arena_free(a);
}

TEST(html_metadata_meta_and_title_fallbacks)
{
    dl_arena *a = dl_arena_new(0);
    dl_html_page p = page_of("<html><head><title>Floods close the main road | Valley News</title>"
                             "<meta property=\"article:published_time\" content=\"2024-11-02\">"
                             "<meta property=\"og:site_name\" content=\"Valley News\"></head>"
                             "<body><p class=\"byline\">By Sam Lee</p><p>Text.</p></body></html>", a);
    CHECK_STR(p.title, "Floods close the main road");
    CHECK_STR(p.date, "2024-11-02");
    CHECK_STR(p.site_name, "Valley News");
    CHECK_STR(p.byline, "Sam Lee");
    /* a <time> element when nothing else dates the page */
    p = page_of("<html><body><time datetime=\"2023-10-28T10:32:00Z\">Oct 28</time><p>x</p></body></html>", a);
    CHECK_STR(p.date, "2023-10-28T10:32");
    /* a short title keeps its site name rather than lose words */
    p = page_of("<html><head><title>Home | Site</title></head><body></body></html>", a);
    CHECK_STR(p.title, "Home | Site");
    dl_arena_free(a);
}

TEST(html_broken_markup_and_empty)
{
    dl_arena *a = dl_arena_new(0);
    dl_html_page p = page_of("", a);
    CHECK_STR(p.text, "");
    CHECK(p.title == NULL);
    p = page_of("<p>unclosed <b>bold <i>italic <div>and a div", a);
    CHECK(p.text != NULL);
    p = page_of("<script>var x = '</p>never text</p>';</script><!-- <p>nor this</p> --><p>Kept text here.</p>", a);
    CHECK(strstr(p.text, "never") == NULL);
    CHECK(strstr(p.text, "nor this") == NULL);
    CHECK(strstr(p.text, "Kept text here.") != NULL);
    /* a script left open swallows the rest, as a browser would */
    p = page_of("<p>Before the script.</p><script>if (a < b) {", a);
    CHECK(strstr(p.text, "Before the script.") != NULL);
    /* very deep nesting is not recursion */
    dl_buf deep = DL_BUF_INIT;
    for (int i = 0; i < 5000; i++)
        dl_buf_puts(&deep, "<div>");
    dl_buf_puts(&deep, "deep text");
    p = page_of(deep.data, a);
    CHECK(p.text != NULL);
    dl_buf_free(&deep);
    dl_arena_free(a);
}

TEST(html_all_text_and_sniff)
{
    dl_buf b = DL_BUF_INIT;
    const char *frag = "<div><p>One</p><p>Two <b>words</b></p><ul><li>three</li></ul></div>";
    CHECK_INT(dl_html_all_text(&b, frag, strlen(frag)), DL_OK);
    CHECK_STR(b.data, "One\n\nTwo words\n\nthree");
    dl_buf_free(&b);
    CHECK(dl_html_sniff("  <!DOCTYPE html><html>", 23));
    CHECK(dl_html_sniff("<html><body>", 12));
    CHECK(!dl_html_sniff("WASHINGTON (AP) - <b>x</b>", 26));
    CHECK(!dl_html_sniff("<3 love", 7));
}

TEST(html_charset_detection)
{
    char cs[40];
    CHECK(dl_html_charset("<meta charset=\"Shift_JIS\">", 26, cs, sizeof cs));
    CHECK_STR(cs, "shift_jis");
    const char *h = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
    CHECK(dl_html_charset(h, strlen(h), cs, sizeof cs));
    CHECK_STR(cs, "windows-1251");
    CHECK(!dl_html_charset("<p>charset=utf-8</p>", 20, cs, sizeof cs));
    CHECK(dl_content_type_charset("text/html; charset=\"ISO-8859-1\"", 31, cs, sizeof cs));
    CHECK_STR(cs, "iso-8859-1");

    dl_buf out = DL_BUF_INIT;
    dl_decode_info info;
    /* Latin-1 declared in meta */
    const char *latin = "<meta charset=iso-8859-1><p>caf\xe9</p>";
    CHECK_INT(dl_decode_html(&out, latin, strlen(latin), NULL, &info), DL_OK);
    CHECK(strstr(out.data, "caf\xc3\xa9") != NULL);
    CHECK_STR(info.basis, "meta");
    /* the header beats meta */
    dl_buf_clear(&out);
    const char *cyr = "<meta charset=utf-8><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
    CHECK_INT(dl_decode_html(&out, cyr, strlen(cyr), "windows-1251", &info), DL_OK);
    CHECK(strstr(out.data, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82") != NULL); /* Привет */
    /* undeclared and not UTF-8: Windows-1252 */
    dl_buf_clear(&out);
    CHECK_INT(dl_decode_html(&out, "<p>\x93quoted\x94</p>", 15, NULL, &info), DL_OK);
    CHECK(strstr(out.data, "\xe2\x80\x9cquoted\xe2\x80\x9d") != NULL);
    CHECK_STR(info.charset, "windows-1252");
    /* an unknown charset is reported and guessed */
    dl_buf_clear(&out);
    CHECK_INT(dl_decode_html(&out, "<p>plain</p>", 12, "x-no-such-charset", &info), DL_OK);
    CHECK(info.unknown);
    CHECK_STR(out.data, "<p>plain</p>");
    /* UTF-8 with a BOM */
    dl_buf_clear(&out);
    CHECK_INT(dl_decode_html(&out, "\xef\xbb\xbf<p>\xc3\xa9</p>", 12, "iso-8859-1", &info), DL_OK);
    CHECK_STR(out.data, "<p>\xc3\xa9</p>");
    dl_buf_free(&out);
}

TEST(html_iso_dates)
{
    dl_arena *a = dl_arena_new(0);
    CHECK_STR(dl_html_iso_date("2017-11-03 03:01:00.000000", a), "2017-11-03T03:01");
    CHECK_STR(dl_html_iso_date(" 2019-01-03T07:00:02.000Z ", a), "2019-01-03T07:00");
    CHECK_STR(dl_html_iso_date("2024-06-25", a), "2024-06-25");
    CHECK_STR(dl_html_iso_date("March 14, 2025", a), "2025-03-14");
    CHECK(dl_html_iso_date("yesterday", a) == NULL);
    dl_arena_free(a);
}
