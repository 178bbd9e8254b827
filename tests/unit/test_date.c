/* test_date.c: date lines and date fields to ISO 8601. */
#include "test.h"
#include "base/date.h"

static const char *parse(const char *s)
{
    static char out[DL_DATE_MAX];
    return dl_date_parse_line(s, strlen(s), out) ? out : NULL;
}

TEST(date_lines_in_news_forms)
{
    CHECK_STR(parse("14 March 2025"), "2025-03-14");
    CHECK_STR(parse("Published: 14 March 2025"), "2025-03-14");
    CHECK_STR(parse("March 14, 2025 10:32 AM"), "2025-03-14T10:32");
    CHECK_STR(parse("Fri, Mar. 14, 2025 3:05 pm ET"), "2025-03-14T15:05");
    CHECK_STR(parse("2025-03-14"), "2025-03-14");
    CHECK_STR(parse("Updated 2025-03-14T09:01:00Z"), "2025-03-14T09:01");
    CHECK_STR(parse("Sept 3, 2024"), "2024-09-03");
    CHECK_STR(parse("October 28th, 2023"), "2023-10-28");
    CHECK_STR(parse("Tue, 16 Nov 2004 10:32:00 GMT"), "2004-11-16T10:32"); /* RSS pubDate */
    CHECK_STR(parse("Tue, 16 Nov 2004 10:32:00 +0000"), "2004-11-16T10:32");
}

TEST(date_lines_reject_sentences_and_bad_dates)
{
    CHECK(parse("The talks ended on March 14, 2025.") == NULL);
    CHECK(parse("March 2025") == NULL);       /* no day */
    CHECK(parse("February 30, 2024") == NULL); /* no such day */
    CHECK(parse("14 March") == NULL);          /* no year */
    CHECK(parse("") == NULL);
}

TEST(date_fields_keep_iso_and_rewrite_others)
{
    char out[64];
    CHECK(dl_date_normalize("2023-10-28T14:00:00+02:00", 25, out, sizeof out));
    CHECK_STR(out, "2023-10-28T14:00:00+02:00");
    CHECK(dl_date_normalize(" Oct 28, 2023 ", 14, out, sizeof out));
    CHECK_STR(out, "2023-10-28");
    CHECK(!dl_date_normalize("yesterday", 9, out, sizeof out));
}
