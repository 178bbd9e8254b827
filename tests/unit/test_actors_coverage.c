/* test_actors_coverage.c: the actor dictionaries of data/actors/ as data:
 * every file loads without a warning, and a sample of office holders from
 * 2000 to 2026 gets the code of the office held on a given date (a head of
 * government in 2003 and twenty years later, a senator who became a
 * secretary of state, a governor, a head of an international body). The
 * last test runs the same people through the whole actor stage. */
#include "test.h"
#include "dict/dict.h"
#include "base/arena.h"

#include <glob.h>
#include <stdlib.h>

typedef struct warn_count {
    int n;
} warn_count;

static void count_diag(void *user, const dl_diag *d)
{
    ((warn_count *)user)->n++;
    fprintf(stderr, "  %s:%llu: %s\n", d->file, (unsigned long long)d->line, d->message);
}

/* Every .txt file of data/actors/ in one dictionary, as dl_actors_open reads them. */
static bool load_all(dl_actor_dict *d, warn_count *w, size_t *n_files)
{
    memset(d, 0, sizeof *d);
    if (dl_actor_dict_init(d) != DL_OK)
        return false;
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/data/actors/*.txt", dl_test_root());
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return false;
    *n_files = g.gl_pathc;
    bool ok = true;
    for (size_t i = 0; ok && i < g.gl_pathc; i++)
        ok = dl_actor_dict_load(d, g.gl_pathv[i], count_diag, w) == DL_OK;
    globfree(&g);
    return ok;
}

static const dl_actor_entry *by_display(const dl_actor_dict *d, const char *display)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->entries[i].display && !strcmp(d->entries[i].display, display))
            return &d->entries[i];
    return NULL;
}

/* Loads every file into *d (freed by the caller); NULL on failure. */
static const dl_actor_dict *dict(dl_actor_dict *d)
{
    warn_count w = {0};
    size_t n_files = 0;
    if (load_all(d, &w, &n_files))
        return d;
    dl_actor_dict_free(d);
    return NULL;
}

TEST(actors_coverage_every_file_loads_without_a_warning)
{
    dl_actor_dict d;
    warn_count w = {0};
    size_t n_files = 0;
    CHECK(load_all(&d, &w, &n_files));
    CHECK_INT(w.n, 0);
    /* the files of the 2000-2026 coverage are there and read */
    CHECK(n_files >= 11);
    CHECK(d.n >= 5000);
    size_t people = 0, dated = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (d.entries[i].kind && !strcmp(d.entries[i].kind, "person"))
            people++;
        for (uint32_t k = 0; k < d.entries[i].n_codes; k++)
            if (d.entries[i].codes[k].from || d.entries[i].codes[k].to) {
                dated++;
                /* a dated line never ends before it starts */
                CHECK(!d.entries[i].codes[k].from || !d.entries[i].codes[k].to ||
                      d.entries[i].codes[k].from <= d.entries[i].codes[k].to);
            }
    }
    CHECK(people >= 3500);
    CHECK(dated >= 4500);
    dl_actor_dict_free(&d);
}

typedef struct on_date {
    const char *display;
    int32_t date;
    const char *code;
    const char *office; /* prefix of the office comment, NULL: not checked */
} on_date;

static const on_date samples[] = {
    /* heads of government, then and later */
    {"Tony Blair", 20030320, "GBRGOV", "prime minister"},
    {"Tony Blair", 20230101, "GBRELI", NULL},
    {"Gordon Brown", 20050101, "GBRGOV", "chancellor of the exchequer"},
    {"Gordon Brown", 20090101, "GBRGOV", "prime minister"},
    {"Jacques Chirac", 20030101, "FRAGOV", "president"},
    {"Jacques Chirac", 20100101, "FRAELI", NULL},
    {"Gerhard Schröder", 20030101, "DEUGOV", "chancellor"},
    {"Silvio Berlusconi", 20030101, "ITAGOV", "prime minister"},
    {"Silvio Berlusconi", 20070101, "ITAELI", NULL},
    {"Silvio Berlusconi", 20100101, "ITAGOV", "prime minister"},
    {"Vladimir Putin", 20030101, "RUSGOV", "president"},
    {"Vladimir Putin", 20100101, "RUSGOV", "prime minister"},
    {"Dmitry Medvedev", 20100101, "RUSGOV", "president"},
    {"Viktor Yanukovych", 20120101, "UKRGOV", "president"},
    {"Jean Chrétien", 20020101, "CANGOV", "prime minister"},
    {"Vicente Fox", 20030101, "MEXGOV", "president"},
    {"Hugo Chávez", 20050101, "VENGOV", "president"},
    {"Néstor Kirchner", 20050101, "ARGGOV", "president"},
    {"Fernando Henrique Cardoso", 20010101, "BRAGOV", "president"},
    {"Michelle Bachelet", 20070101, "CHLGOV", "president"},
    {"Michelle Bachelet", 20200101, "IGOUNOHCH", "un high commissioner"},
    {"Evo Morales", 20100101, "BOLGOV", "president"},
    {"José Manuel Barroso", 20030101, "PRTGOV", "prime minister"},
    {"José Manuel Barroso", 20100101, "IGOEUREEC", "president of the european commission"},
    {"Jens Stoltenberg", 20100101, "NORGOV", "prime minister"},
    {"Viktor Orbán", 20000101, "HUNGOV", "prime minister"},
    {"Pope Benedict XVI", 20100101, "VATGOV", "pope"},
    /* the United States */
    {"George W. Bush", 19980101, "USAGOV", "governor of Texas"},
    {"George W. Bush", 20030101, "USAGOV", "president"},
    {"George W. Bush", 20150101, "USAELI", NULL},
    {"Joe Biden", 20000101, "USALEG", "senator"},
    {"Hillary Clinton", 20050101, "USALEG", "senator"},
    {"Hillary Clinton", 20110101, "USAGOV", "secretary of state"},
    {"Hillary Clinton", 20200101, "USAELI", NULL},
    {"Condoleezza Rice", 20030101, "USAGOV", "national security adviser"},
    {"Condoleezza Rice", 20070101, "USAGOV", "secretary of state"},
    {"Donald Rumsfeld", 20040101, "USAGOV", "defense secretary"},
    {"Nancy Pelosi", 20080101, "USALEG", "speaker of the house"},
    {"Greg Abbott", 20100101, "USAJUD", "attorney general of Texas"},
    {"Greg Abbott", 20200101, "USAGOV", "governor of Texas"},
    {"Ted Cruz", 20200101, "USALEG", "senator"},
    {"Marjorie Taylor Greene", 20230101, "USALEG", "representative"},
    {"Marjorie Taylor Greene", 20260601, "USAELI", NULL},
    {"Ben Bernanke", 20100101, "USAGOV", "federal reserve chairman"},
    {"John Roberts", 20100101, "USAJUD", "chief justice"},
    {"Robert Mueller", 20050101, "USACOP", "fbi director"},
    {"Robert Mueller", 20180101, "USAJUD", "special counsel"},
    /* international organisations */
    {"Kofi Annan", 20030101, "IGOUNO", "un secretary-general"},
    {"Kofi Annan", 20100101, "GHAELI", NULL},
    {"Javier Solana", 20050101, "IGOEUREEC", "eu high representative"},
    {"George Robertson", 20020101, "IGOWSTNAT", "nato secretary general"},
    {"Luis Moreno Ocampo", 20080101, "IGOWLDICC", "icc prosecutor"},
    {"Christine Lagarde", 20150101, "IGOWLDIMF", "imf managing director"},
    {"Christine Lagarde", 20230101, "IGOEUREECECB", "president of the european central bank"},
};

TEST(actors_coverage_codes_follow_the_date)
{
    dl_actor_dict store;
    const dl_actor_dict *d = dict(&store);
    CHECK(d != NULL);
    if (!d)
        return;
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        const on_date *s = &samples[i];
        const dl_actor_entry *e = by_display(d, s->display);
        if (!e) {
            dl_test_fail(__FILE__, __LINE__, "no entry \"%s\"", s->display);
            continue;
        }
        const dl_actor_code *c = dl_actor_code_on(e, s->date);
        if (!c || strcmp(c->code, s->code) != 0) {
            dl_test_fail(__FILE__, __LINE__, "%s on %d: %s, expected %s", s->display, (int)s->date,
                         c ? c->code : "(none)", s->code);
            continue;
        }
        if (s->office && (!c->office || strncmp(c->office, s->office, strlen(s->office)) != 0))
            dl_test_fail(__FILE__, __LINE__, "%s on %d: office \"%s\", expected \"%s\"", s->display,
                         (int)s->date, c->office ? c->office : "(none)", s->office);
    }
    dl_actor_dict_free(&store);
}

TEST(actors_coverage_states_agencies_and_parties)
{
    dl_actor_dict store;
    const dl_actor_dict *d = dict(&store);
    CHECK(d != NULL);
    if (!d)
        return;
    static const struct {
        const char *display, *kind, *code;
    } want[] = {
        {"Ohio", "place", "USA"},
        {"Wyoming", "place", "USA"},
        {"District of Columbia", "place", "USA"},
        {"Securities and Exchange Commission", "organisation", "USAGOV"},
        {"Federal Reserve", "organisation", "USAGOV"},
        {"Drug Enforcement Administration", "organisation", "USACOP"},
        {"U.S. Supreme Court", "organisation", "USAJUD"},
        {"Middle East Quartet", "organisation", "IGOWLDQRT"},
        {"Eurogroup", "organisation", "IGOEUREEC"},
        {"Democratic Party", "group", "USAPTYDEM"},
        {"Christian Democratic Union", "group", "DEUPTYCDU"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const dl_actor_entry *e = by_display(d, want[i].display);
        if (!e) {
            dl_test_fail(__FILE__, __LINE__, "no entry \"%s\"", want[i].display);
            continue;
        }
        CHECK_STR(e->kind, want[i].kind);
        const dl_actor_code *c = dl_actor_code_on(e, 20200101);
        CHECK(c != NULL);
        if (c)
            CHECK_STR(c->code, want[i].code);
    }
    /* the SEC is one entry with its acronym, not two */
    const dl_actor_entry *sec = by_display(d, "Securities and Exchange Commission");
    bool acronym = false;
    for (uint32_t k = 0; sec && k < sec->n_phrases; k++)
        acronym |= !strcmp(sec->phrases[k], "SEC");
    CHECK(acronym);
    dl_actor_dict_free(&store);
}

/* The same people through cleaning, parsing and the actor stage: the code
 * of a name changes with the date the article is coded on. The stages are
 * opened and closed here so the test leaves nothing behind. */
typedef struct stages {
    dl_parser *parser;
    dl_cleaner *cleaner;
    dl_actors *actors;
} stages;

static bool find_on(const stages *st, const char *text, int32_t date, dl_mention **m, size_t *n,
                    dl_arena *arena)
{
    dl_document doc = {0};
    doc.source = doc.path = "test";
    doc.text = text;
    doc.len = strlen(text);
    doc.format = DL_FORMAT_TEXT;
    dl_article *a;
    size_t na;
    if (dl_clean(&a, &na, st->cleaner, &doc, arena) || na != 1)
        return false;
    dl_sentence *s;
    size_t ns;
    return !dl_parse(&s, &ns, st->parser, a[0].body, a[0].body_len, arena) &&
           !dl_actors_find(m, n, st->actors, &a[0], s, ns, date, arena);
}

static const char *code_of(const dl_mention *m, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (m[k].name && !strcmp(m[k].name, name))
            return m[k].code;
    return NULL;
}

TEST(actors_coverage_pipeline_codes_by_date)
{
    char data[4096];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.data_dir = data;
    stages st = {0};
    bool open = !dl_parser_open(&st.parser, data) && !dl_cleaner_open(&st.cleaner, data, NULL, NULL) &&
                !dl_actors_open(&st.actors, &o);
    CHECK(open);
    const char *text = "Tony Blair met Vicente Fox and Kofi Annan in London on Monday.\n";
    static const struct {
        int32_t date;
        const char *blair, *fox, *annan;
    } want[] = {
        {20030310, "GBRGOV", "MEXGOV", "IGOUNO"},
        {20230310, "GBRELI", "MEXELI", "GHAELI"},
    };
    for (size_t i = 0; open && i < sizeof want / sizeof *want; i++) {
        dl_arena *arena = dl_arena_new(0);
        dl_mention *m = NULL;
        size_t n = 0;
        CHECK(find_on(&st, text, want[i].date, &m, &n, arena));
        CHECK_STR(code_of(m, n, "Tony Blair"), want[i].blair);
        CHECK_STR(code_of(m, n, "Vicente Fox"), want[i].fox);
        CHECK_STR(code_of(m, n, "Kofi Annan"), want[i].annan);
        dl_arena_free(arena);
    }
    dl_actors_close(st.actors);
    dl_cleaner_close(st.cleaner);
    dl_parser_close(st.parser);
}
