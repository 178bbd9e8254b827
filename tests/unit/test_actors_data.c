/* test_actors_data.c: the actor stage on real text: cleaned and parsed by
 * the rest of the library, with dateline's own dictionaries (data/). The
 * seeds (../shared/seeds) must have every person, group, country and company
 * in them found and coded; the tests skip when ../shared is absent. */
#include "test.h"
#include "base/arena.h"
#include "dict/dict.h"

#include <stdlib.h>

typedef struct world {
    dl_parser *parser;
    dl_cleaner *cleaner;
    dl_actors *actors;
} world;

static const world *open_world(void)
{
    static world w;
    static bool tried;
    if (tried)
        return w.actors ? &w : NULL;
    tried = true;
    char data[4096];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.data_dir = data;
    if (dl_parser_open(&w.parser, data) || dl_cleaner_open(&w.cleaner, data, NULL, NULL) || dl_actors_open(&w.actors, &o)) {
        dl_test_fail(__FILE__, __LINE__, "cannot open the parser, cleaner or actor dictionaries from %s", data);
        dl_actors_close(w.actors);
        w.actors = NULL;
        return NULL;
    }
    return &w;
}

typedef struct found {
    dl_arena *arena;
    dl_article *articles;
    size_t n_articles;
    dl_mention *m[4];
    size_t n[4];
} found;

/* Cleans text, parses each article and finds its actors on `date`. */
static bool run(found *f, const char *text, int32_t date)
{
    memset(f, 0, sizeof *f);
    const world *w = open_world();
    if (!w)
        return false;
    f->arena = dl_arena_new(0);
    dl_document doc = {0};
    doc.source = doc.path = "test";
    doc.text = text;
    doc.len = strlen(text);
    doc.format = DL_FORMAT_TEXT;
    CHECK_INT(dl_clean(&f->articles, &f->n_articles, w->cleaner, &doc, f->arena), DL_OK);
    for (size_t i = 0; i < f->n_articles && i < 4; i++) {
        dl_sentence *s;
        size_t ns;
        const dl_article *a = &f->articles[i];
        CHECK_INT(dl_parse(&s, &ns, w->parser, a->body, a->body_len, f->arena), DL_OK);
        CHECK_INT(dl_actors_find(&f->m[i], &f->n[i], w->actors, a, s, ns, date, f->arena), DL_OK);
    }
    return true;
}

/* The first mention in article i whose text is `text`, else the first
 * that contains it (and whose code starts with `code`, when given). */
static const dl_mention *look(const found *f, size_t i, const char *text, const char *code)
{
    for (size_t k = 0; k < f->n[i]; k++) {
        const dl_mention *m = &f->m[i][k];
        if (!strcmp(m->text, text) && (!code || (m->code && !strncmp(m->code, code, strlen(code)))))
            return m;
    }
    for (size_t k = 0; k < f->n[i]; k++) {
        const dl_mention *m = &f->m[i][k];
        if (strstr(m->text, text) && (!code || (m->code && !strncmp(m->code, code, strlen(code)))))
            return m;
    }
    return NULL;
}

#define EXPECT(var, f, i, text, code)                                                          \
    const dl_mention *var = look(f, i, text, code);                                            \
    if (!var)                                                                                  \
        dl_test_fail(__FILE__, __LINE__, "article %d: no mention \"%s\" coded %s", (int)(i),  \
                     text, code ? code : "(any)");                                             \
    if (var)

static char *seed(const char *name)
{
    if (!dl_test_shared())
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/%s", dl_test_shared(), name);
    return dl_test_read_file(path, NULL);
}

TEST(actors_data_loads_every_default_dictionary)
{
    const world *w = open_world();
    CHECK(w != NULL);
}

TEST(actors_data_sentence_from_the_brief)
{
    found f;
    if (!run(&f, "Israel's Defence Minister Yoav Gallant said on Saturday that Israeli officials and US "
                 "investigators met. An Israeli official said Chinese hackers were involved.\n",
             20231028))
        return;
    CHECK_INT(f.n_articles, 1);
    EXPECT(g, &f, 0, "Israel's Defence Minister Yoav Gallant", "ISRGOV") {
        CHECK_STR(g->name, "Yoav Gallant");
        CHECK_STR(g->office, "defence minister");
    }
    EXPECT(a, &f, 0, "Israeli officials", "ISRGOV") CHECK(a->plural);
    EXPECT(b, &f, 0, "US investigators", "USACOP") {}
    EXPECT(c, &f, 0, "Israeli official", "ISRGOV") CHECK(!c->plural);
    EXPECT(d, &f, 0, "Chinese hackers", "CHN") CHECK_STR(d->role, "SPY");
    dl_arena_free(f.arena);
}

TEST(actors_data_seed_000_people_groups_and_coreference)
{
    char *text = seed("000_7978822ed4bf3d24.txt");
    if (!text)
        SKIP("../shared/seeds/000 is absent");
    found f;
    if (!run(&f, text, 20231028)) {
        free(text);
        return;
    }
    EXPECT(g, &f, 0, "Yoav Gallant", "ISRGOV") {
        CHECK_STR(g->office, "defence minister");
        const dl_mention *sur = NULL, *office = NULL;
        for (size_t k = 0; k < f.n[0]; k++) {
            if (!strcmp(f.m[0][k].text, "Gallant"))
                sur = &f.m[0][k];
            if (!strcmp(f.m[0][k].text, "Israel Defence Minister"))
                office = &f.m[0][k];
        }
        CHECK(sur && sur->entity == g->entity && sur->via == DL_VIA_COREF);
        CHECK(office && office->entity == g->entity && office->antecedent >= 0);
    }
    EXPECT(a, &f, 0, "Lloyd Austin", "USAGOV") {
        EXPECT(s, &f, 0, "Secretary Austin", "USAGOV") CHECK_INT(s->entity, a->entity);
        EXPECT(he, &f, 0, "He", "USAGOV") CHECK_INT(he->entity, a->entity);
    }
    EXPECT(h, &f, 0, "Daniel Hagari", "ISRMIL") {
        EXPECT(sp, &f, 0, "IDF spokesperson", NULL) {
            /* "the IDF spokesperson said": Hagari, named before */
            const dl_mention *last = NULL;
            for (size_t k = 0; k < f.n[0]; k++)
                if (!strcmp(f.m[0][k].text, "IDF spokesperson"))
                    last = &f.m[0][k];
            CHECK(last && last->entity == h->entity);
        }
    }
    EXPECT(c, &f, 0, "Eli Cohen", "ISRGOV") {
        CHECK_STR(c->office, "foreign minister");
        const dl_mention *sur = NULL;
        for (size_t k = 0; k < f.n[0]; k++)
            if (!strcmp(f.m[0][k].text, "Cohen"))
                sur = &f.m[0][k];
        CHECK(sur && sur->entity == c->entity);
    }
    EXPECT(hm, &f, 0, "Hamas", "PSEREBHMS") CHECK_STR(hm->kind, "group");
    EXPECT(q, &f, 0, "Qassam Brigades", "PSE") {}
    EXPECT(idf, &f, 0, "IDF", "ISRMIL") {}
    EXPECT(iaf, &f, 0, "Israeli Air Force", "ISRMIL") {}
    EXPECT(ga, &f, 0, "General Assembly", "IGOUNO") {}
    EXPECT(pt, &f, 0, "Pentagon", "USA") {}
    EXPECT(dod, &f, 0, "US Department of Defence", "USAGOV") {}
    EXPECT(toi, &f, 0, "Times of Israel", NULL) CHECK_STR(toi->kind, "media");
    /* no mention overlaps the one before it */
    for (size_t k = 1; k < f.n[0]; k++)
        CHECK(f.m[0][k].start >= f.m[0][k - 1].end);
    dl_arena_free(f.arena);
    free(text);
}

TEST(actors_data_seed_003_two_articles)
{
    char *text = seed("003_983f8b92f8e5a29d.txt");
    if (!text)
        SKIP("../shared/seeds/003 is absent");
    found f;
    if (!run(&f, text, 20241005)) {
        free(text);
        return;
    }
    CHECK_INT(f.n_articles, 2);
    /* article 1 is about October 2023, but coded on the date given */
    EXPECT(b, &f, 0, "Joe Biden", "USA") CHECK_STR(b->name, "Joe Biden");
    EXPECT(n, &f, 0, "Benjamin Netanyahu", "ISRGOV") {}
    EXPECT(g, &f, 0, "Yoav Gallant", "ISRGOV") {}
    EXPECT(hz, &f, 0, "Hezbollah", "LBN") CHECK_STR(hz->kind, "group");
    EXPECT(w, &f, 0, "Washington", "USAGOV") {}
    EXPECT(ao, &f, 0, "American officials", "USAGOV") {}
    EXPECT(wsj, &f, 1, "Wall Street Journal", NULL) CHECK_STR(wsj->kind, "media");
    EXPECT(r, &f, 1, "Reuters", NULL) CHECK_STR(r->kind, "media");
    EXPECT(v, &f, 1, "Verizon", "USA") {}
    EXPECT(att, &f, 1, "AT&T", "USA") {}
    EXPECT(l, &f, 1, "Lumen Technologies", "USA") {}
    EXPECT(fm, &f, 1, "China's foreign ministry", "CHNGOV") {}
    EXPECT(bj, &f, 1, "Beijing", "CHNGOV") {}
    EXPECT(le, &f, 1, "US law enforcement", "USACOP") {}
    EXPECT(inv, &f, 1, "US investigators", "USACOP") {}
    EXPECT(hk, &f, 1, "Chinese hackers", "CHN") {}
    EXPECT(st, &f, 1, "Salt Typhoon", "CHN") CHECK_STR(st->kind, "group");
    EXPECT(ft, &f, 1, "Flax Typhoon", "CHN") {}
    EXPECT(vt, &f, 1, "Volt Typhoon", "CHN") {}
    dl_arena_free(f.arena);
    free(text);
}

TEST(actors_data_dates_change_codes)
{
    found f;
    if (!run(&f, "Joe Biden spoke.\n", 20150101))
        return;
    EXPECT(a, &f, 0, "Joe Biden", "USAGOV") CHECK_STR(a->office, "vice president");
    dl_arena_free(f.arena);
    if (!run(&f, "Joe Biden spoke.\n", 20230101))
        return;
    EXPECT(b, &f, 0, "Joe Biden", "USAGOV") CHECK_STR(b->office, "president");
    dl_arena_free(f.arena);
    if (!run(&f, "Joe Biden spoke.\n", 20250601))
        return;
    EXPECT(c, &f, 0, "Joe Biden", "USAELI") {}
    dl_arena_free(f.arena);
}
