/* test_clean.c: the cleaner on synthetic cases and on the seeds. */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "doc/clean_tables.h"

#include <stdlib.h>

static dl_cleaner *cleaner(void)
{
    static dl_cleaner *c;
    if (!c) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (dl_cleaner_open(&c, dir, NULL, NULL) != DL_OK) {
            fprintf(stderr, "cannot open cleaner tables in %s\n", dir);
            abort();
        }
    }
    return c;
}

typedef struct result {
    dl_arena *arena;
    dl_article *a;
    size_t n;
} result;

static result clean_doc(const char *text, dl_format format, const char *title, const char *id)
{
    result r = {dl_arena_new(0), NULL, 0};
    dl_document doc = {.source = "test.txt", .path = "test.txt", .text = text, .len = strlen(text),
                       .format = format, .title = title, .id = id};
    CHECK_INT(dl_clean(&r.a, &r.n, cleaner(), &doc, r.arena), DL_OK);
    return r;
}

static const char *removed_reason(const dl_article *a, const char *text)
{
    for (size_t i = 0; i < a->n_removed; i++)
        if (strcmp(a->removed[i].text, text) == 0)
            return a->removed[i].reason;
    return NULL;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

TEST(clean_title_captions_credit_logo_and_repeats)
{
    result r = clean_doc("Ceasefire Talks Resume in Cairo\n\n"
                         "Delegates arrive in Cairo, AFP\nDelegates arrive in Cairo, AFP\nAFP\n\n"
                         "Ceasefire Talks Resume in Cairo\n\n"
                         "CAIRO: Negotiators met on Monday to discuss a ceasefire.\n\n"
                         "Advertisement\n\nThe talks will continue on Tuesday, officials said.\n",
                         DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    const dl_article *a = &r.a[0];
    CHECK_STR(a->title, "Ceasefire Talks Resume in Cairo");
    CHECK_STR(a->dateline, "CAIRO");
    CHECK_STR(a->body, "Negotiators met on Monday to discuss a ceasefire.\n\n"
                       "The talks will continue on Tuesday, officials said.");
    CHECK_STR(removed_reason(a, "Delegates arrive in Cairo, AFP"), "credit");
    CHECK_STR(removed_reason(a, "AFP"), "logo");
    CHECK_STR(removed_reason(a, "Ceasefire Talks Resume in Cairo"), "duplicate");
    CHECK_STR(removed_reason(a, "Advertisement"), "boilerplate");
    CHECK_INT(a->n_removed, 5);
    dl_arena_free(r.arena);
}

TEST(clean_dateline_forms)
{
    static const struct {
        const char *para, *place, *rest;
    } cases[] = {
        {"WASHINGTON DC: In a call with", "WASHINGTON DC", "In a call with"},
        {"KYIV, Ukraine (AP) \xE2\x80\x94 Russian drones struck", "KYIV, Ukraine", "Russian drones struck"},
        {"GAZA CITY, Nov 3 (Reuters) - Israeli tanks moved", "GAZA CITY", "Israeli tanks moved"},
        {"BEIJING: China said on Friday", "BEIJING", "China said on Friday"},
        {"TEL AVIV -- Sirens sounded", "TEL AVIV", "Sirens sounded"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t place, at;
        const char *p = cases[i].para;
        CHECK(dl_clean_dateline(cleaner(), p, strlen(p), &place, &at));
        CHECK(place == strlen(cases[i].place) && !strncmp(p, cases[i].place, place));
        CHECK_STR(p + at, cases[i].rest);
    }
    static const char *const not_datelines[] = {
        "US President Joe Biden, AP", "IDF infantry forces and tanks have conducted operations.",
        "UPDATE: talks resume", "FILE PHOTO: flags", "The US said: no", "NATO allies met"};
    for (size_t i = 0; i < sizeof not_datelines / sizeof *not_datelines; i++) {
        size_t place, at;
        const char *p = not_datelines[i];
        CHECK(!dl_clean_dateline(cleaner(), p, strlen(p), &place, &at));
    }
}

TEST(clean_byline_date_and_teaser)
{
    result r = clean_doc("Drone Strikes Hit Odesa Port\n"
                         "By Maria Lopez and Sam Carter\n"
                         "Published: 14 March 2025\n"
                         "Russian drones hit the port overnight.\n"
                         "ODESA, Ukraine (AP) \xE2\x80\x94 Officials said fires broke out. "
                         "Russian drones hit the port overnight. Two people were hurt.\n",
                         DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    const dl_article *a = &r.a[0];
    CHECK_STR(a->byline, "Maria Lopez and Sam Carter");
    CHECK_STR(a->date, "2025-03-14");
    CHECK_STR(a->dateline, "ODESA, Ukraine");
    CHECK_STR(removed_reason(a, "Russian drones hit the port overnight."), "teaser");
    CHECK_INT(count(a->body, "Russian drones hit the port overnight."), 1);
    dl_arena_free(r.arena);
}

TEST(clean_splits_two_articles_in_one_file)
{
    result r = clean_doc("First Story Headline Here\n\nCaption one, Reuters\n\n"
                         "First Story Headline Here\n\nBody of the first story is here.\n\n\n\n"
                         "Second Unrelated Story\n\nPhoto: a caption\nTT\n\n"
                         "Second Unrelated Story\n\nBody of the second story is here.\n",
                         DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 2);
    if (r.n == 2) {
        CHECK_STR(r.a[0].title, "First Story Headline Here");
        CHECK_STR(r.a[0].body, "Body of the first story is here.");
        CHECK_STR(r.a[1].title, "Second Unrelated Story");
        CHECK_STR(r.a[1].body, "Body of the second story is here.");
        CHECK(strcmp(r.a[0].id, r.a[1].id) != 0);
        CHECK_INT(r.a[1].index, 1);
    }
    dl_arena_free(r.arena);
}

TEST(clean_keeps_body_paragraphs_that_look_like_furniture_inside)
{
    /* Long paragraphs are never boilerplate, whatever they start with. */
    const char *p = "Read more about the sanctions: the Treasury said on Monday that it would "
                    "freeze the assets of twelve firms accused of supplying drone parts, and "
                    "officials added that more measures would follow within weeks.";
    char text[1024];
    snprintf(text, sizeof text, "Sanctions Widen\n%s\n", p);
    result r = clean_doc(text, DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    CHECK_STR(r.a[0].body, p);
    dl_arena_free(r.arena);
}

TEST(clean_joins_hard_wrapped_lines_and_normalises)
{
    result r = clean_doc("The minister said the\ntalks would go on\xC2\xA0 next week.\n"
                         "Cafe\xCC\x81 owners protested.\n",
                         DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    CHECK_STR(r.a[0].body, "The minister said the talks would go on next week.\n\n"
                           "Caf\xC3\xA9 owners protested.");
    dl_arena_free(r.arena);
}

TEST(clean_jsonl_record_is_one_article_even_when_one_sentence)
{
    result r = clean_doc("Israel strikes targets in southern Lebanon", DL_FORMAT_JSONL, NULL, "rec-7");
    CHECK_INT(r.n, 1);
    CHECK_STR(r.a[0].id, "rec-7");
    CHECK(r.a[0].title == NULL);
    CHECK_STR(r.a[0].body, "Israel strikes targets in southern Lebanon");
    dl_arena_free(r.arena);
    r = clean_doc("Talks Resume\nTalks resumed on Monday.", DL_FORMAT_JSONL, "Talks Resume", "r8");
    CHECK_STR(r.a[0].title, "Talks Resume");
    CHECK_STR(r.a[0].body, "Talks resumed on Monday.");
    CHECK_STR(removed_reason(&r.a[0], "Talks Resume"), "duplicate");
    dl_arena_free(r.arena);
}

TEST(clean_empty_and_blank_documents)
{
    result r = clean_doc("", DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 0);
    dl_arena_free(r.arena);
    r = clean_doc("\n \n\t\n", DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 0);
    dl_arena_free(r.arena);
}

/* Every line of the seed that the cleaner did not remove or take as the
 * title must appear in exactly one body, exactly once. */
static void check_nothing_lost(const char *text, const result *r)
{
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[4096];
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        p += n + (e != NULL);
        if (!*line)
            continue;
        bool accounted = false;
        int found = 0;
        for (size_t i = 0; i < r->n; i++) {
            const dl_article *a = &r->a[i];
            accounted |= (a->title && !strcmp(a->title, line)) || removed_reason(a, line);
            /* the dateline is lifted off its paragraph: look for the rest */
            const char *probe = line;
            if (a->dateline && !strncmp(line, a->dateline, strlen(a->dateline)))
                probe = strchr(line, ':') ? strchr(line, ':') + 2 : line;
            found += count(a->body, probe);
        }
        if (!accounted && found != 1)
            dl_test_fail(__FILE__, __LINE__, "line found %d times: %.60s", found, line);
    }
}

TEST(clean_seed_000_one_article_with_dateline)
{
    if (!dl_test_shared())
        SKIP("../shared is absent");
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/000_7978822ed4bf3d24.txt", dl_test_shared());
    char *text = dl_test_read_file(path, NULL);
    if (!text)
        SKIP("seed 000 is absent");
    result r = clean_doc(text, DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    CHECK_STR(r.a[0].title, "\"Its either us or them\" says Israel Defence Minister");
    CHECK_STR(r.a[0].dateline, "WASHINGTON DC");
    CHECK(strncmp(r.a[0].body, "In a call with Israeli Defence Minister Yoav Gallant", 52) == 0);
    CHECK_INT(count(r.a[0].body, "The Israeli Air Force also conducted several air strikes"), 1);
    check_nothing_lost(text, &r);
    dl_arena_free(r.arena);
    free(text);
}

TEST(clean_seed_003_two_clean_articles)
{
    if (!dl_test_shared())
        SKIP("../shared is absent");
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/003_983f8b92f8e5a29d.txt", dl_test_shared());
    char *text = dl_test_read_file(path, NULL);
    if (!text)
        SKIP("seed 003 is absent");
    result r = clean_doc(text, DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 2);
    if (r.n == 2) {
        CHECK_STR(r.a[0].title, "US-Israel Dispute Over Timing of Gaza Ground Invasion");
        CHECK_STR(r.a[1].title, "Chinese Hackers Reportedly Breached US Court Wiretap Systems");
        for (size_t i = 0; i < 2; i++) {
            CHECK(!strstr(r.a[i].body, "Joe Biden, AP"));
            CHECK(!strstr(r.a[i].body, "REUTERS/"));
            CHECK(!strstr(r.a[i].body, "\n\nTT\n\n"));
            CHECK(!strstr(r.a[i].body, "FILE PHOTO"));
        }
    }
    check_nothing_lost(text, &r);
    dl_arena_free(r.arena);
    free(text);
}

TEST(clean_agency_dateline_paragraph_is_body_and_agency_byline_is_byline)
{
    result r = clean_doc("Police Detain Protesters\n"
                         "By Omar Haddad and Lena Novak, Reuters\n"
                         "ISTANBUL (AFP) - Riot police fired tear gas on Sunday, the governor said.\n",
                         DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    CHECK_STR(r.a[0].dateline, "ISTANBUL");
    CHECK_STR(r.a[0].byline, "Omar Haddad and Lena Novak, Reuters");
    CHECK_STR(r.a[0].body, "Riot police fired tear gas on Sunday, the governor said.");
    dl_arena_free(r.arena);
}

/* The bundled examples, against tests/data/examples-expected.md. */
TEST(clean_bundled_examples)
{
    static const struct {
        const char *file;
        int articles;
        const char *title, *dateline, *byline, *date;
    } cases[] = {
        {"01-kyiv-drone-attack.txt", 1, "Russian drones and missiles pound Kyiv overnight,", "KYIV, Ukraine",
         "Maria Lopez", "2025-04-08T06:15"},
        {"02-gaza-talks-and-port-hack.txt", 2, "Israel and Hamas negotiators resume ceasefire talk", "GAZA CITY",
         "Omar Haddad and Lena Novak, Reuters", "2024-11-03T16:12"},
        {"03-washington-katz-call.txt", 1, "\"Release the hostages or lose more territory\" Katz", "WASHINGTON DC",
         NULL, "2025-03-22"},
        {"05-istanbul-protest-and-un-sudan-vote.txt", 2, "Turkish police detain dozens as protesters rally f",
         "ISTANBUL", NULL, "2025-09-14"},
        {"07-sudan-aid-convoy.txt", 1, "First UN aid convoy in months reaches displaced fa", "PORT SUDAN, Sudan",
         "Grace Mwangi", "2025-06-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/examples/%s", dl_test_root(), cases[i].file);
        char *text = dl_test_read_file(path, NULL);
        CHECK(text != NULL);
        if (!text)
            continue;
        result r = clean_doc(text, DL_FORMAT_TEXT, NULL, NULL);
        CHECK_INT(r.n, cases[i].articles);
        if (r.n) {
            CHECK(r.a[0].title && !strncmp(r.a[0].title, cases[i].title, strlen(cases[i].title)));
            CHECK_STR(r.a[0].dateline, cases[i].dateline);
            CHECK_STR(r.a[0].byline, cases[i].byline);
            CHECK_STR(r.a[0].date, cases[i].date);
            for (size_t k = 0; k < r.n; k++) {
                CHECK(!strstr(r.a[k].body, "Advertisement"));
                CHECK(!strstr(r.a[k].body, "REUTERS/"));
                CHECK(!strstr(r.a[k].body, "Photo"));
            }
        }
        dl_arena_free(r.arena);
        free(text);
    }
}

/* A page dumped whole: menus, a cookie notice, the article, a related list
 * and a comment thread. One article comes out, titled by its headline,
 * with the furniture in `removed`. */
static const char page_dump[] =
    "Skip to content\nHome\nWorld\nBusiness\nSport\nCulture\nOpinion\nSign in\n\n"
    "We use cookies to improve your experience on our site.\n\nLive\nVideo\nPodcasts\n\n"
    "Harbour wall repairs approved after long debate\n\n"
    "By Ana Ruiz\n"
    "14 March 2025\n\n"
    "The town council voted on Tuesday to approve a plan that will rebuild the old harbour wall, "
    "after two years of debate among residents, fishermen and local businesses.\n\n"
    "The mayor said the repairs would begin in the spring, and that the cost would be shared "
    "between the town, the region and a national fund for coastal protection.\n\n"
    "Opponents argued that the plan did too little for the small boats that still use the inner "
    "basin, and promised to keep pressing the council for changes to the harbour plan.\n\n"
    "Engineers will survey the wall in April before the first stones are moved, the council said.\n\n"
    "Most read\n\n"
    "Storm closes coastal road for a second day\n"
    "Ferry fares to rise in the summer, operator says\n"
    "Local school wins national science prize\n\n"
    "Comments\n\n"
    "Pat K\n"
    "About time they fixed that wall, it has been falling apart for years and nobody cared.\n"
    "Reply\n"
    "Sam T\n"
    "The fishermen deserve better than this plan, and the council knows it very well indeed.\n"
    "Reply\n\n"
    "About us\nContact\nPrivacy policy\nTerms of use\n";

TEST(clean_page_dump_is_one_article)
{
    result r = clean_doc(page_dump, DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    if (r.n == 1) {
        const dl_article *a = &r.a[0];
        CHECK_STR(a->title, "Harbour wall repairs approved after long debate");
        CHECK_STR(a->byline, "Ana Ruiz");
        CHECK_STR(a->date, "2025-03-14");
        CHECK(strstr(a->body, "The town council voted") == a->body);
        CHECK(strstr(a->body, "Engineers will survey the wall") != NULL);
        CHECK(strstr(a->body, "Storm closes") == NULL);
        CHECK(strstr(a->body, "About time") == NULL);
        CHECK(strstr(a->body, "cookies") == NULL);
        CHECK(strstr(a->body, "Business") == NULL);
        CHECK_STR(removed_reason(a, "Business"), "boilerplate");
        CHECK_STR(removed_reason(a, "Storm closes coastal road for a second day"), "boilerplate");
    }
    dl_arena_free(r.arena);
}

/* A "Related" box inside the text does not end the article. */
TEST(clean_page_dump_box_inside_text)
{
    dl_buf b = DL_BUF_INIT;
    const char *head = "Home\nNews\nSport\nWeather\nTravel\nCulture\nMore\n\nBridge reopens after repairs to its deck\n\n";
    dl_buf_puts(&b, head);
    for (int i = 0; i < 3; i++)
        dl_buf_puts(&b, "The bridge reopened to traffic on Friday morning after three months of repairs to "
                        "its deck, the city said in a statement.\n\n");
    dl_buf_puts(&b, "Related\n\nOther bridge closes\nRoad news in brief\n\n");
    for (int i = 0; i < 3; i++)
        dl_buf_puts(&b, "Drivers had used a ferry and a long detour while the work went on, and shops "
                        "near the bridge said trade had fallen.\n\n");
    dl_buf_puts(&b, "Contact\nPrivacy\nTerms\n");
    result r = clean_doc(b.data, DL_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(r.n, 1);
    if (r.n == 1) {
        CHECK_STR(r.a[0].title, "Bridge reopens after repairs to its deck");
        CHECK(strstr(r.a[0].body, "Drivers had used a ferry") != NULL);
        CHECK(strstr(r.a[0].body, "Contact") == NULL);
    }
    dl_arena_free(r.arena);
    dl_buf_free(&b);
}
