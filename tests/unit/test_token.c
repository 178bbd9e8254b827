/* test_token.c: the tokenizer (src/text/token.c). */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "text/token.h"

#include <stdlib.h>

static dl_tokenizer *open_tokenizer(void)
{
    static dl_tokenizer *tk;
    if (!tk) {
        dl_buf dir = DL_BUF_INIT;
        dl_buf_printf(&dir, "%s/data", dl_test_root());
        if (dl_tokenizer_open(&tk, dir.data))
            tk = NULL;
        dl_buf_free(&dir);
    }
    return tk;
}

/* The tokens of text joined by '|', in a static buffer. */
static const char *toks(const char *text)
{
    static char out[4096];
    dl_tokenizer *tk = open_tokenizer();
    if (!tk)
        return "(no tokenizer)";
    dl_arena *a = dl_arena_new(0);
    dl_token *t;
    dl_token_info *info;
    size_t n;
    out[0] = '\0';
    if (dl_tokenize(&t, &info, &n, tk, text, strlen(text), a) == DL_OK) {
        size_t len = 0;
        for (size_t i = 0; i < n; i++) {
            /* Offsets must describe the copy exactly. */
            if (strlen(t[i].text) != t[i].end - t[i].start ||
                memcmp(text + t[i].start, t[i].text, t[i].end - t[i].start) != 0)
                snprintf(out, sizeof out, "(bad offsets at %zu)", i);
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", i ? "|" : "", t[i].text);
            if (len >= sizeof out)
                break;
        }
    }
    dl_arena_free(a);
    return out;
}

/* Flags of the n-th token of text. */
static unsigned flags_of(const char *text, size_t k, uint8_t *kind, uint8_t *abbr)
{
    dl_tokenizer *tk = open_tokenizer();
    dl_arena *a = dl_arena_new(0);
    dl_token *t;
    dl_token_info *info;
    size_t n;
    unsigned f = 0xFFFF;
    if (tk && dl_tokenize(&t, &info, &n, tk, text, strlen(text), a) == DL_OK && k < n) {
        f = t[k].flags;
        if (kind)
            *kind = info[k].kind;
        if (abbr)
            *abbr = info[k].abbr;
    }
    dl_arena_free(a);
    return f;
}

TEST(tok_opens)
{
    CHECK(open_tokenizer() != NULL);
    dl_tokenizer *tk = open_tokenizer();
    if (!tk)
        return;
    CHECK_INT(dl_tokenizer_abbreviation(tk, "Gen.", 4), DL_ABBR_INNER);
    CHECK_INT(dl_tokenizer_abbreviation(tk, "Inc.", 4), DL_ABBR_FINAL);
    CHECK_INT(dl_tokenizer_abbreviation(tk, "No.", 3), DL_ABBR_NUMBER);
    CHECK_INT(dl_tokenizer_abbreviation(tk, "said.", 5), DL_ABBR_NONE);
}

TEST(tok_possessives)
{
    CHECK_STR(toks("Israel's army"), "Israel|'s|army");
    CHECK_STR(toks("Israel’s army"), "Israel|’s|army");
    CHECK_STR(toks("ISRAEL'S ARMY"), "ISRAEL|'S|ARMY");
    CHECK_STR(toks("the forces' commander"), "the|forces|'|commander");
    CHECK_STR(toks("the forces’ commander"), "the|forces|’|commander");
    CHECK_STR(toks("in the 1990's"), "in|the|1990|'s");
    CHECK_STR(toks("O'Brien said"), "O'Brien|said");
    uint8_t kind;
    CHECK_INT(flags_of("the forces' commander", 2, &kind, NULL) & DL_TOK_QUOTE, 0);
    CHECK_INT(kind, DL_TK_APOSTROPHE);
}

TEST(tok_contractions)
{
    CHECK_STR(toks("don't"), "do|n't");
    CHECK_STR(toks("it's"), "it|'s");
    CHECK_STR(toks("we're"), "we|'re");
    CHECK_STR(toks("I'm I'd they've we'll"), "I|'m|I|'d|they|'ve|we|'ll");
    CHECK_STR(toks("can't won't isn't"), "ca|n't|wo|n't|is|n't");
    CHECK_STR(toks("Don’t"), "Do|n’t");
    CHECK_STR(toks("cannot gonna"), "can|not|gon|na");
}

TEST(tok_hyphens)
{
    CHECK_STR(toks("al-Qassam Brigades"), "al-Qassam|Brigades");
    CHECK_STR(toks("long-range missiles"), "long-range|missiles");
    CHECK_STR(toks("US-Israel ties"), "US-Israel|ties");
    CHECK_STR(toks("a 20-year-old man"), "a|20-year-old|man");
    CHECK_STR(toks("U.S.-led coalition"), "U.S.-led|coalition");
}

TEST(tok_quotes_and_dashes)
{
    CHECK_STR(toks("\"We will win,\" he said."), "\"|We|will|win|,|\"|he|said|.");
    CHECK_STR(toks("“We will win,” he said."), "“|We|will|win|,|”|he|said|.");
    CHECK_STR(toks("'We will win,' he said."), "'|We|will|win|,|'|he|said|.");
    CHECK_STR(toks("‘We will win,’ he said."), "‘|We|will|win|,|’|he|said|.");
    CHECK_STR(toks("``Yes,'' he said"), "``|Yes|,|''|he|said");
    CHECK_STR(toks("Gaza—and Israel–Lebanon"), "Gaza|—|and|Israel|–|Lebanon");
    CHECK_STR(toks("war -- again"), "war|--|again");
    CHECK_STR(toks("Gaza - Israel"), "Gaza|-|Israel");
    CHECK_STR(toks("(AP) [1] {x}"), "(|AP|)|[|1|]|{|x|}");
    CHECK_STR(toks("Wait... what?! No…"), "Wait|...|what|?!|No|…");
}

TEST(tok_open_quote_by_context)
{
    /* Straight, opening then closing */
    CHECK(flags_of("\"Salt Typhoon\" hackers", 0, NULL, NULL) & DL_TOK_OPEN_QUOTE);
    CHECK(!(flags_of("\"Salt Typhoon\" hackers", 3, NULL, NULL) & DL_TOK_OPEN_QUOTE));
    CHECK(flags_of("\"Salt Typhoon\" hackers", 3, NULL, NULL) & DL_TOK_QUOTE);
    /* A curly closing mark used to open: the context wins */
    CHECK(flags_of("he said ”we will", 2, NULL, NULL) & DL_TOK_OPEN_QUOTE);
    /* Straight opening, curly closing, in one sentence */
    CHECK(flags_of("called \"Salt Typhoon.” Next", 1, NULL, NULL) & DL_TOK_OPEN_QUOTE);
    CHECK(!(flags_of("called \"Salt Typhoon.” Next", 5, NULL, NULL) & DL_TOK_OPEN_QUOTE));
    /* After an opening bracket */
    CHECK(flags_of("(\"yes\")", 1, NULL, NULL) & DL_TOK_OPEN_QUOTE);
}

TEST(tok_numbers)
{
    CHECK_STR(toks("1,000 troops"), "1,000|troops");
    CHECK_STR(toks("3.5 percent"), "3.5|percent");
    CHECK_STR(toks("$1.2 billion"), "$|1.2|billion");
    CHECK_STR(toks("the 22nd day"), "the|22nd|day");
    CHECK_STR(toks("50% of"), "50%|of");
    CHECK_STR(toks("at 10:30 on 2023-10-28 or 10/28/2023"), "at|10:30|on|2023-10-28|or|10/28/2023");
    CHECK_STR(toks("in the '90s"), "in|the|'90s");
    CHECK_STR(toks("rose .5 points"), "rose|.5|points");
    CHECK_STR(toks("ended in 2023."), "ended|in|2023|.");
    CHECK(flags_of("1,000 troops", 0, NULL, NULL) & DL_TOK_NUMBER);
    CHECK(flags_of("the 22nd day", 1, NULL, NULL) & DL_TOK_NUMBER);
    CHECK(!(flags_of("a 20-year-old", 1, NULL, NULL) & DL_TOK_NUMBER));
}

TEST(tok_urls)
{
    CHECK_STR(toks("see https://example.com/a?b=1."), "see|https://example.com/a?b=1|.");
    CHECK_STR(toks("(www.idf.il/en)"), "(|www.idf.il/en|)");
    CHECK_STR(toks("https://en.wikipedia.org/wiki/Gaza_(city) today"),
              "https://en.wikipedia.org/wiki/Gaza_(city)|today");
    CHECK_STR(toks("mail press@idf.il now"), "mail|press@idf.il|now");
    CHECK_STR(toks("@IDF and #Gaza, #1"), "@IDF|and|#Gaza|,|#|1");
    CHECK_STR(toks("on cnn.com."), "on|cnn.com|.");
    CHECK(flags_of("@IDF said", 0, NULL, NULL) & DL_TOK_URL);
    CHECK(flags_of("mail press@idf.il now", 1, NULL, NULL) & DL_TOK_URL);
}

TEST(tok_abbreviations)
{
    CHECK_STR(toks("the U.S. and U.N. said"), "the|U.S.|and|U.N.|said");
    CHECK_STR(toks("Gen. Herzi Halevi"), "Gen.|Herzi|Halevi");
    CHECK_STR(toks("Lt. Col. Sen. Adm. Dr. Mr. St."), "Lt.|Col.|Sen.|Adm.|Dr.|Mr.|St.");
    CHECK_STR(toks("Rear Adm. Daniel Hagari"), "Rear|Adm.|Daniel|Hagari");
    CHECK_STR(toks("on Jan. 7"), "on|Jan.|7");
    CHECK_STR(toks("No. 10 Downing St."), "No.|10|Downing|St.");
    CHECK_STR(toks("The answer was No."), "The|answer|was|No|.");
    CHECK_STR(toks("George W. Bush"), "George|W.|Bush");
    CHECK_STR(toks("e.g. Ph.D. a.m."), "e.g.|Ph.D.|a.m.");
    CHECK_STR(toks("he left."), "he|left|.");
    CHECK_STR(toks("ended.The next"), "ended|.|The|next");
    uint8_t abbr;
    flags_of("in the U.S. The", 2, NULL, &abbr);
    CHECK_INT(abbr, DL_ABBR_FINAL);
    flags_of("Gen. Halevi", 0, NULL, &abbr);
    CHECK_INT(abbr, DL_ABBR_INNER);
    flags_of("George W. Bush", 1, NULL, &abbr);
    CHECK_INT(abbr, DL_ABBR_INITIAL);
}

TEST(tok_offsets_flags)
{
    const char *text = "  Israel's  ARMY said\n\nIt";
    dl_tokenizer *tk = open_tokenizer();
    if (!tk)
        return;
    dl_arena *a = dl_arena_new(0);
    dl_token *t;
    dl_token_info *info;
    size_t n;
    CHECK_INT(dl_tokenize(&t, &info, &n, tk, text, strlen(text), a), DL_OK);
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK_INT(t[0].start, 2);
        CHECK_INT(t[0].end, 8);
        CHECK_INT(t[1].start, 8);
        CHECK_INT(t[1].end, 10);
        CHECK(t[0].flags & DL_TOK_CAPITAL);
        CHECK(!(t[0].flags & DL_TOK_ALLCAPS));
        CHECK(t[0].flags & DL_TOK_SPACE_BEFORE);
        CHECK(!(t[1].flags & DL_TOK_SPACE_BEFORE));
        CHECK(t[2].flags & DL_TOK_ALLCAPS);
        CHECK_INT(info[4].newlines, 2);
        CHECK_INT(info[3].newlines, 0);
    }
    /* Empty text and white space only */
    CHECK_INT(dl_tokenize(&t, &info, &n, tk, "", 0, a), DL_OK);
    CHECK_INT(n, 0);
    CHECK_INT(dl_tokenize(&t, &info, &n, tk, " \n\n ", 4, a), DL_OK);
    CHECK_INT(n, 0);
    dl_arena_free(a);
}

TEST(tok_unicode)
{
    CHECK_STR(toks("Müller in Zürich"), "Müller|in|Zürich");
    CHECK_STR(toks("€5 and £3"), "€|5|and|£|3");
    CHECK_STR(toks("Gaza\u00a0City"), "Gaza|City");
    CHECK_STR(toks("قطاع غزة"), "قطاع|غزة");
    CHECK(flags_of("Éric said", 0, NULL, NULL) & DL_TOK_CAPITAL);
    /* An invalid byte becomes a one-byte symbol instead of a crash. */
    CHECK_STR(toks("a\xff" "b"), "a|\xff|b");
}
