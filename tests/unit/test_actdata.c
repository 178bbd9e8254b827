/* test_actdata.c: the dictionaries of officials 2000-2026 for the Middle
 * East, Africa, Asia and Oceania (data/actors/people-mena.txt,
 * people-africa.txt, people-asia.txt) and of armed groups
 * (groups-armed.txt). The default dictionaries must load without a single
 * warning, and a sample of entries must change code with the article's
 * date: office holder in office, former official (or group member) after.
 */
#include "test.h"
#include "base/arena.h"
#include "dict/dict.h"

#include <stdlib.h>

typedef struct world2 {
    dl_parser *parser;
    dl_cleaner *cleaner;
    dl_actors *actors;
    int warnings;
} world2;

static void count_warning(void *user, const dl_diag *d)
{
    world2 *w = user;
    w->warnings++;
    fprintf(stderr, "  dictionary: %s:%llu: %s\n", d->file ? d->file : "?", (unsigned long long)d->line,
            d->message ? d->message : "");
}

static world2 *open_world2(void)
{
    static world2 w;
    static bool tried;
    if (tried)
        return w.actors ? &w : NULL;
    tried = true;
    char data[4096];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.data_dir = data;
    o.diag = count_warning;
    o.diag_user = &w;
    if (dl_parser_open(&w.parser, data) || dl_cleaner_open(&w.cleaner, data, NULL, NULL) || dl_actors_open(&w.actors, &o)) {
        dl_test_fail(__FILE__, __LINE__, "cannot open the parser, cleaner or actor dictionaries from %s", data);
        dl_actors_close(w.actors);
        w.actors = NULL;
        return NULL;
    }
    return &w;
}

/* The code dateline gives the first mention whose text is `text` in a
 * one-article `sentence` dated `date`, written into out ("" when none). */
static void code_of(char *out, size_t size, const char *sentence, const char *text, int32_t date)
{
    out[0] = '\0';
    world2 *w = open_world2();
    if (!w)
        return;
    dl_arena *arena = dl_arena_new(0);
    dl_article *articles;
    size_t n_articles;
    dl_document doc = {0};
    doc.source = doc.path = "test";
    doc.text = sentence;
    doc.len = strlen(sentence);
    doc.format = DL_FORMAT_TEXT;
    if (dl_clean(&articles, &n_articles, w->cleaner, &doc, arena) == DL_OK && n_articles > 0) {
        dl_sentence *s;
        size_t ns;
        dl_mention *m;
        size_t nm;
        const dl_article *a = &articles[0];
        if (dl_parse(&s, &ns, w->parser, a->body, a->body_len, arena) == DL_OK &&
            dl_actors_find(&m, &nm, w->actors, a, s, ns, date, arena) == DL_OK)
            for (size_t k = 0; k < nm; k++)
                if (!strcmp(m[k].text, text)) {
                    snprintf(out, size, "%s", m[k].code ? m[k].code : "(none)");
                    break;
                }
    }
    dl_arena_free(arena);
}

#define EXPECT_CODE(sentence, text, date, code)                                                     \
    do {                                                                                           \
        char got_[64];                                                                             \
        code_of(got_, sizeof got_, sentence, text, date);                                          \
        if (strcmp(got_, code))                                                                    \
            dl_test_fail(__FILE__, __LINE__, "\"%s\" on %d coded \"%s\", expected \"%s\"", text, \
                         (int)(date), got_, code);                                                 \
    } while (0)

TEST(actdata_default_dictionaries_load_without_warnings)
{
    const world2 *w = open_world2();
    CHECK(w != NULL);
    if (w)
        CHECK_INT(w->warnings, 0);
}

TEST(actdata_heads_of_government_by_year)
{
    const char *s = "Hu Jintao met Junichiro Koizumi and Manmohan Singh on Tuesday.\n";
    EXPECT_CODE(s, "Hu Jintao", 20050601, "CHNGOV");
    EXPECT_CODE(s, "Hu Jintao", 20180601, "CHNELI");
    EXPECT_CODE(s, "Junichiro Koizumi", 20050601, "JPNGOV");
    EXPECT_CODE(s, "Junichiro Koizumi", 20100601, "JPNELI");
    EXPECT_CODE(s, "Manmohan Singh", 20000601, "INDELI");
    EXPECT_CODE(s, "Manmohan Singh", 20100601, "INDGOV");
    const char *t = "Thabo Mbeki and Olusegun Obasanjo spoke to Meles Zenawi.\n";
    EXPECT_CODE(t, "Thabo Mbeki", 20030601, "ZAFGOV");
    EXPECT_CODE(t, "Thabo Mbeki", 20100601, "ZAFELI");
    EXPECT_CODE(t, "Olusegun Obasanjo", 20030601, "NGAGOV");
    EXPECT_CODE(t, "Meles Zenawi", 20030601, "ETHGOV");
    EXPECT_CODE(t, "Meles Zenawi", 20150601, "ETHELI");
    const char *u = "Ariel Sharon and Yasser Arafat were blamed by Pervez Musharraf.\n";
    EXPECT_CODE(u, "Ariel Sharon", 20030601, "ISRGOV");
    EXPECT_CODE(u, "Ariel Sharon", 19990601, "ISRELI");
    EXPECT_CODE(u, "Yasser Arafat", 20030601, "PSEGOV");
    EXPECT_CODE(u, "Yasser Arafat", 20050601, "PSEELI");
    EXPECT_CODE(u, "Pervez Musharraf", 20050601, "PAKGOV");
    EXPECT_CODE(u, "Pervez Musharraf", 20120601, "PAKELI");
}

TEST(actdata_earlier_offices_added_to_existing_entries)
{
    /* people-a.txt / people-b.txt held these from 2015; the earlier
     * offices were added in place */
    const char *s = "Benjamin Netanyahu, Hamid Karzai and Mahmoud Ahmadinejad spoke.\n";
    EXPECT_CODE(s, "Benjamin Netanyahu", 20040601, "ISRGOV");
    EXPECT_CODE(s, "Benjamin Netanyahu", 20070601, "ISROPP");
    EXPECT_CODE(s, "Hamid Karzai", 20030601, "AFGGOV");
    EXPECT_CODE(s, "Mahmoud Ahmadinejad", 20080601, "IRNGOV");
    EXPECT_CODE(s, "Mahmoud Ahmadinejad", 20160601, "IRNELI");
}

TEST(actdata_armed_groups_and_their_leaders)
{
    const char *s = "Osama bin Laden praised Abu Musab al-Zarqawi, and Baitullah Mehsud and the "
                    "Liberation Tigers of Tamil Eelam were named.\n";
    EXPECT_CODE(s, "Osama bin Laden", 20050601, "AFGREBAQD");
    EXPECT_CODE(s, "Abu Musab al-Zarqawi", 20050601, "IRQREBAQI");
    EXPECT_CODE(s, "Baitullah Mehsud", 20080601, "PAKREBTTP");
    EXPECT_CODE(s, "Liberation Tigers of Tamil Eelam", 20050601, "LKAREBLTT");
    /* the Taliban: rebels before 15 August 2021, the government after */
    const char *t = "Mullah Omar led the Taliban.\n";
    EXPECT_CODE(t, "Mullah Omar", 20050601, "AFGREBTAL");
    EXPECT_CODE(t, "the Taliban", 20050601, "AFGREBTAL");
    EXPECT_CODE(t, "the Taliban", 20220601, "AFGGOV");
    const char *u = "Abu Bakr al-Baghdadi spoke.\n";
    EXPECT_CODE(u, "Abu Bakr al-Baghdadi", 20150601, "IRQREBISI");
}

TEST(actdata_states_only_the_new_files_cover)
{
    const char *s = "Abdelaziz Bouteflika, Hosni Mubarak, Kim Jong-il and Susilo Bambang Yudhoyono met.\n";
    EXPECT_CODE(s, "Abdelaziz Bouteflika", 20100601, "DZAGOV");
    EXPECT_CODE(s, "Abdelaziz Bouteflika", 20200601, "DZAELI");
    EXPECT_CODE(s, "Hosni Mubarak", 20050601, "EGYGOV");
    EXPECT_CODE(s, "Hosni Mubarak", 20120601, "EGYELI");
    EXPECT_CODE(s, "Kim Jong-il", 20050601, "PRKGOV");
    EXPECT_CODE(s, "Susilo Bambang Yudhoyono", 20100601, "IDNGOV");
    const char *t = "John Howard and Helen Clark met Jacinda Ardern.\n";
    EXPECT_CODE(t, "John Howard", 20050601, "AUSGOV");
    EXPECT_CODE(t, "Helen Clark", 20050601, "NZLGOV");
    EXPECT_CODE(t, "Helen Clark", 20120601, "IGOUNODEV");
    EXPECT_CODE(t, "Jacinda Ardern", 20200601, "NZLGOV");
}
