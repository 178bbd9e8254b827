/* test_actors.c: the actor matcher and resolver on sentences built by hand
 * (tokens, tags) with small dictionaries written here, so that the rules
 * are tested apart from the tagger and from data/, which others edit.
 * test_actors_data.c runs the same stage on real text and data. */
#include "test.h"
#include "base/arena.h"
#include "base/buf.h"
#include "dict/dict.h"
#include "actors/actor_int.h"

#include <stdlib.h>
#include <unistd.h>

static const char test_actors_dict[] =
    "YOAV_GALLANT  # @person Yoav Gallant\n"
    "\t[ISRGOV 20150514-20210613]  # cabinet minister\n"
    "\t[ISRGOV 20221229-20241107]  # defence minister\n"
    "\t[ISRELI]  # former official\n"
    "LLOYD_AUSTIN  # @person Lloyd Austin\n"
    "+LLOYD_J._AUSTIN\n"
    "\t[USAGOV 20210122-20250120]  # defense secretary\n"
    "\t[USAELI]\n"
    "ELI_COHEN  # @person Eli Cohen\n"
    "\t[ISRGOV 20221229-20240101]  # foreign minister\n"
    "\t[ISRELI]\n"
    "DAVID_COHEN  # @person David Cohen\n"
    "+COHEN\n"
    "\t[USASPY 20210101-20250120]  # deputy cia director\n"
    "GIDEON_SA'AR  # @person Gideon Sa'ar\n"
    "\t[ISRGOV >20241107]  # foreign minister\n"
    "RECEP_TAYYIP_ERDOĞAN  # @person Recep Tayyip Erdoğan\n"
    "\t[TURGOV]  # president\n"
    "ISRAEL [ISR]  # @country Israel\n"
    "+ISRAELI\n"
    "+ISRAELIS\n"
    "UNITED_STATES [USA]  # @country United States\n"
    "+US\n"
    "+U.S.\n"
    "+AMERICAN\n"
    "CHINA [CHN]  # @country China\n"
    "+CHINESE\n"
    "TURKEY [TUR]  # @country Turkey\n"
    "WASHINGTON [USAGOV]  # @place Washington\n"
    "PENTAGON [USAGOV]  # @place Pentagon\n"
    "+THE_PENTAGON\n"
    "BEIJING [CHNGOV]  # @place Beijing\n"
    "HAMAS [PSEREBHMS]  # @group Hamas\n"
    "AL-QASSAM_BRIGADES [PSEREBHMS]  # @group Izz ad-Din al-Qassam Brigades\n"
    "+IZZ_AD-DIN_AL-QASSAM_BRIGADES\n"
    "TIMES_OF_ISRAEL [ISRMED]  # @media The Times of Israel\n"
    "AT&T [USABUS]  # @organisation AT&T\n"
    "UNITED_NATIONS [IGOUNO]  # @organisation United Nations\n"
    "+UN\n"
    "UN_GENERAL_ASSEMBLY [IGOUNOGAS]  # @organisation UN General Assembly\n"
    "+GENERAL_ASSEMBLY\n"
    "ISRAEL_DEFENSE_FORCES [ISRMIL]  # @organisation Israel Defense Forces\n"
    "+IDF\n"
    "TRIPOLI [LBYGOV]  # @place Tripoli\n"
    "TRIPOLI_LEBANON [LBN]  # @place Tripoli (Lebanon)\n"
    "+TRIPOLI\n"
    "LEBANON [LBN]  # @country Lebanon\n"
    "+LEBANESE\n";

static const char test_agents_dict[] =
    "!MINISTER! = MINISTER, MINISTERS\n"
    "!OFFICIAL! = OFFICIAL, OFFICIALS\n"
    "!DEF! = DEFENCE, DEFENSE\n"
    "!SPOX! = SPOKESMAN, SPOKESMEN, SPOKESPERSON\n"
    "!DEF!_!MINISTER! [~GOV] # @office defence minister\n"
    "!DEF!_SECRETARY [~GOV] # @office defence minister\n"
    "FOREIGN_!MINISTER! [~GOV] # @office foreign minister\n"
    "FOREIGN_MINISTRY [~GOV]\n"
    "!MINISTER! [~GOV]\n"
    "SECRETARY [~GOV]\n"
    "!OFFICIAL! [~GOV]\n"
    "INVESTIGATOR [~COP]\n"
    "LAW_ENFORCEMENT {} [~COP]\n"
    "HACKER [~SPY]\n"
    "HACKING_GROUP [~SPY]\n"
    "AIR_FORCE [~MIL]\n"
    "MILITARY_WING [~MIL]\n"
    "FORCE [~MIL]\n"
    "GOVERNMENT [~GOV]\n"
    "ADMINISTRATION [~GOV]\n"
    "CABINET [~GOV]\n"
    "PRESIDENT [~GOV] # @office head of state\n"
    "!SPOX! [~GOV]\n"
    "IDF_!SPOX! [~MIL] # @office military spokesperson\n"
    "HUMAN_RIGHTS_GROUP [NGO~]\n";

static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/dl-test-actors-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        abort();
    close(fd);
    return path;
}

/* The test dictionaries, opened once. */
static const dl_actors *test_actors(void)
{
    static dl_actors *a;
    if (a)
        return a;
    char *actors = write_tmp(test_actors_dict), *agents = write_tmp(test_agents_dict);
    const char *af[] = {actors}, *gf[] = {agents};
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.actor_files = af;
    o.n_actor_files = 1;
    o.agent_files = gf;
    o.n_agent_files = 1;
    if (dl_actors_open(&a, &o) != DL_OK)
        a = NULL;
    unlink(actors);
    unlink(agents);
    free(actors);
    free(agents);
    return a;
}

/* Builds an article from "Word/TAG Word/TAG ..." with sentences separated
 * by " | ". A word written "^'s" follows the one before with no space. */
typedef struct hand {
    dl_arena *arena;
    dl_article article;
    dl_sentence sentences[16];
    size_t n;
} hand;

static void hand_build(hand *h, const char *spec)
{
    memset(h, 0, sizeof *h);
    h->arena = dl_arena_new(0);
    dl_buf body = DL_BUF_INIT;
    dl_token toks[16][96];
    uint32_t nt[16] = {0};
    char *copy = strdup(spec);
    size_t s = 0;
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " ")) {
        if (!strcmp(w, "|")) {
            s++;
            continue;
        }
        bool glue = *w == '^';
        if (glue)
            w++;
        char *slash = strrchr(w, '/');
        if (slash && slash != w)
            *slash = '\0';
        if (body.len && !glue)
            dl_buf_putc(&body, ' ');
        dl_token *t = &toks[s][nt[s]++];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)body.len;
        dl_buf_puts(&body, w);
        t->end = (uint32_t)body.len;
        t->text = dl_arena_strdup(h->arena, w);
        t->tag = slash ? (uint8_t)dl_tag_from_name(slash + 1, strlen(slash + 1)) : 0;
        if (*w >= 'A' && *w <= 'Z')
            t->flags |= DL_TOK_CAPITAL;
    }
    h->n = s + 1;
    for (size_t i = 0; i < h->n; i++) {
        dl_sentence *se = &h->sentences[i];
        se->index = (uint32_t)i;
        se->n_tokens = nt[i];
        se->tokens = DL_ARENA_NEW(h->arena, dl_token, nt[i] + 1);
        memcpy(se->tokens, toks[i], nt[i] * sizeof(dl_token));
        se->start = nt[i] ? toks[i][0].start : 0;
        se->end = nt[i] ? toks[i][nt[i] - 1].end : 0;
    }
    h->article.id = "t";
    h->article.body = dl_arena_strdup(h->arena, body.data ? body.data : "");
    h->article.body_len = body.len;
    dl_buf_free(&body);
    free(copy);
}

static size_t find(hand *h, const char *spec, int32_t date, dl_mention **m)
{
    hand_build(h, spec);
    size_t n = 0;
    *m = NULL;
    const dl_actors *a = test_actors();
    CHECK(a != NULL);
    if (a)
        CHECK_INT(dl_actors_find(m, &n, a, &h->article, h->sentences, h->n, date, h->arena), DL_OK);
    return n;
}

/* The mention whose text is `text`, or NULL. */
static const dl_mention *by_text(const dl_mention *m, size_t n, const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(m[i].text, text))
            return &m[i];
    return NULL;
}

#define MENTION(var, m, n, text)                                                 \
    const dl_mention *var = by_text(m, n, text);                                 \
    if (!var)                                                                    \
        dl_test_fail(__FILE__, __LINE__, "no mention \"%s\"", text);             \
    if (var)

/* ---------------------------------------------------------------- keys */

static const char *key(const char *phrase)
{
    static char out[128];
    dl_buf b = DL_BUF_INIT;
    dl_actor_key(&b, phrase);
    snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    dl_buf_free(&b);
    return out;
}

TEST(actors_keys_normalise_case_hyphens_periods_apostrophes_accents)
{
    CHECK_STR(key("AL-QASSAM_BRIGADES"), "AL QASSAM BRIGADES");
    CHECK_STR(key("U.S."), "US");
    CHECK_STR(key("Gideon Sa\xe2\x80\x99" "ar"), "GIDEON SA'AR");
    CHECK_STR(key("Erdo\xc4\x9f" "an"), "ERDOGAN");
    CHECK_STR(key("  AT&T "), "AT&T");
    CHECK_STR(key("--"), "");
}

TEST(actors_open_reports_missing_files)
{
    dl_actors *a = NULL;
    const char *af[] = {"/nonexistent/actors.txt"};
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.actor_files = af;
    o.n_actor_files = 1;
    CHECK_INT(dl_actors_open(&a, &o), DL_ERR_IO);
    CHECK(a == NULL);
    dl_actors_close(NULL);
}

/* ------------------------------------------------------------ matching */

TEST(actors_longest_match_case_and_tokens)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Let/VB us/PRP talk/VB to/TO the/DT US/NNP and/CC the/DT Times/NNP of/IN Israel/NNP ^./.", 0, &m);
    CHECK_INT(n, 2);
    MENTION(us, m, n, "US") {
        CHECK_STR(us->code, "USA");
        CHECK_STR(us->kind, "country");
        CHECK_INT(us->via, DL_VIA_DICTIONARY);
    }
    MENTION(t, m, n, "Times of Israel") {
        CHECK_STR(t->code, "ISRMED");
        CHECK_STR(t->kind, "media");
        CHECK_STR(t->name, "The Times of Israel");
        CHECK_INT(t->first, 8);
        CHECK_INT(t->last, 11);
    }
    dl_arena_free(h.arena);
}

TEST(actors_lower_case_words_are_not_names)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "They/PRP ate/VBD turkey/NN with/IN us/PRP | Turkey/NNP protested/VBD", 0, &m);
    CHECK_INT(n, 1);
    if (n)
        CHECK_STR(m[0].code, "TURGOV"); /* a state acting: its government */
    dl_arena_free(h.arena);
}

TEST(actors_match_across_tokenisation)
{
    hand h;
    dl_mention *m;
    /* AT&T cut into three tokens, U.S. with periods, a hyphenated name,
     * an accent and a curly apostrophe */
    size_t n = find(&h,
                    "AT/NNP ^&/CC ^T/NNP and/CC U.S./NNP officials/NNS met/VBD Recep/NNP Tayyip/NNP Erdogan/NNP ^,/, "
                    "Gideon/NNP Sa\xe2\x80\x99" "ar/NNP and/CC the/DT Izz/NNP ad-Din/JJ al-Qassam/JJ Brigades/NNPS",
                    20250101, &m);
    MENTION(att, m, n, "AT&T") CHECK_STR(att->code, "USABUS");
    MENTION(us, m, n, "U.S. officials") {
        CHECK_STR(us->code, "USAGOV");
        CHECK(us->plural);
    }
    MENTION(e, m, n, "Recep Tayyip Erdogan") CHECK_STR(e->name, "Recep Tayyip Erdoğan");
    MENTION(s, m, n, "Gideon Sa\xe2\x80\x99" "ar") CHECK_STR(s->code, "ISRGOV");
    MENTION(q, m, n, "Izz ad-Din al-Qassam Brigades") {
        CHECK_STR(q->code, "PSEREBHMS");
        CHECK_STR(q->kind, "group");
    }
    dl_arena_free(h.arena);
}

TEST(actors_hyphenated_token_holds_two_actors)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "US-Israel/NNP talks/NNS resumed/VBD", 0, &m);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(m[0].text, "US");
        CHECK_STR(m[1].text, "Israel");
        CHECK_INT(m[1].start, 3);
        CHECK_INT(m[0].first, 0);
    }
    dl_arena_free(h.arena);
}

/* ---------------------------------------------------------------- dates */

TEST(actors_dated_codes_follow_the_article_date)
{
    const dl_actors *a = test_actors();
    CHECK(a != NULL);
    if (!a)
        return;
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Yoav/NNP Gallant/NNP spoke/VBD", 20231028, &m);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(m[0].code, "ISRGOV");
        CHECK_STR(m[0].office, "defence minister");
        CHECK_STR(m[0].country, "ISR");
        CHECK_STR(m[0].role, "GOV");
    }
    dl_arena_free(h.arena);
    n = find(&h, "Yoav/NNP Gallant/NNP spoke/VBD", 20180101, &m);
    if (n)
        CHECK_STR(m[0].office, "cabinet minister");
    dl_arena_free(h.arena);
    n = find(&h, "Yoav/NNP Gallant/NNP spoke/VBD", 20250301, &m);
    if (n) {
        CHECK_STR(m[0].code, "ISRELI");
        CHECK(m[0].office == NULL || !strcmp(m[0].office, "former official"));
    }
    dl_arena_free(h.arena);
    /* no date: the latest period */
    n = find(&h, "Yoav/NNP Gallant/NNP spoke/VBD", 0, &m);
    if (n)
        CHECK_STR(m[0].office, "defence minister");
    dl_arena_free(h.arena);
}

/* --------------------------------------------------------------- agents */

TEST(actors_possessive_country_title_and_person_are_one_mention)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Israel/NNP ^'s/POS Defence/NNP Minister/NNP Yoav/NNP Gallant/NNP said/VBD ./.", 20231028, &m);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(m[0].text, "Israel's Defence Minister Yoav Gallant");
        CHECK_STR(m[0].code, "ISRGOV");
        CHECK_STR(m[0].name, "Yoav Gallant");
        CHECK_STR(m[0].kind, "person");
        CHECK_STR(m[0].office, "defence minister");
        CHECK_INT(m[0].head, 5);
        CHECK_INT(m[0].via, DL_VIA_DICTIONARY);
    }
    dl_arena_free(h.arena);
}

TEST(actors_country_and_agent_combine)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Israeli/JJ officials/NNS said/VBD | an/DT Israeli/JJ official/NN said/VBD | "
                    "US/NNP investigators/NNS said/VBD | Chinese/JJ hackers/NNS struck/VBD | "
                    "the/DT Israeli/JJ Air/NNP Force/NNP struck/VBD | "
                    "Hamas/NNP terror/NN group/NN ^'s/POS military/JJ wing/NN said/VBD | "
                    "US/NNP law/NN enforcement/NN acted/VBD | China/NNP ^'s/POS foreign/JJ ministry/NN said/VBD | "
                    "a/DT Chinese/JJ hacking/NN group/NN struck/VBD | an/DT Israeli/JJ human/JJ rights/NNS group/NN said/VBD",
                    20231028, &m);
    MENTION(a, m, n, "Israeli officials") {
        CHECK_STR(a->code, "ISRGOV");
        CHECK_STR(a->country, "ISR");
        CHECK_STR(a->role, "GOV");
        CHECK(a->plural);
        CHECK(a->name == NULL);
        CHECK_INT(a->via, DL_VIA_AGENT);
    }
    MENTION(b, m, n, "Israeli official") {
        CHECK_STR(b->code, "ISRGOV");
        CHECK(!b->plural);
        CHECK_STR(b->kind, "person");
    }
    MENTION(c, m, n, "US investigators") CHECK_STR(c->code, "USACOP");
    MENTION(d, m, n, "Chinese hackers") CHECK_STR(d->code, "CHNSPY");
    MENTION(e, m, n, "Israeli Air Force") CHECK_STR(e->code, "ISRMIL");
    MENTION(f, m, n, "Hamas terror group's military wing") {
        CHECK_STR(f->code, "PSEREBHMS");
        CHECK_STR(f->name, "Hamas");
        CHECK_STR(f->kind, "group");
    }
    MENTION(g, m, n, "US law enforcement") CHECK_STR(g->code, "USACOP");
    MENTION(i, m, n, "China's foreign ministry") {
        CHECK_STR(i->code, "CHNGOV");
        CHECK_STR(i->kind, "organisation");
    }
    MENTION(j, m, n, "Chinese hacking group") CHECK_STR(j->code, "CHNSPY");
    MENTION(k, m, n, "Israeli human rights group") CHECK_STR(k->code, "NGOISR");
    /* one entity for the two Chinese hacker mentions (same code) */
    if (d && j)
        CHECK_INT(d->entity, j->entity);
    dl_arena_free(h.arena);
}

TEST(actors_bare_agents_are_not_mentions)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Officials/NNS said/VBD the/DT government/NN acted/VBD with/IN great/JJ force/NN", 0, &m);
    CHECK_INT(n, 0);
    dl_arena_free(h.arena);
}

TEST(actors_person_then_agent_gives_country)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Yoav/NNP Gallant/NNP ^'s/POS government/NN fell/VBD", 20231028, &m);
    CHECK_INT(n, 2);
    MENTION(g, m, n, "government") {
        CHECK_STR(g->code, "ISRGOV");
        CHECK(g->name == NULL);
    }
    dl_arena_free(h.arena);
}

TEST(actors_part_then_whole_is_the_whole)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "the/DT United/NNP Nations/NNPS General/NNP Assembly/NNP voted/VBD", 0, &m);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(m[0].text, "United Nations General Assembly");
        CHECK_STR(m[0].code, "IGOUNOGAS");
    }
    dl_arena_free(h.arena);
}

/* ---------------------------------------------------------- coreference */

TEST(actors_surname_and_office_resolve_to_the_person)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Israeli/JJ Defence/NNP Minister/NNP Yoav/NNP Gallant/NNP met/VBD US/NNP Defense/NNP "
                    "Secretary/NNP Lloyd/NNP Austin/NNP ./. | "
                    "Gallant/NNP said/VBD ./. | the/DT Israel/NNP Defence/NNP Minister/NNP said/VBD | "
                    "Secretary/NNP Austin/NNP replied/VBD | the/DT defence/NN minister/NN smiled/VBD | "
                    "the/DT minister/NN left/VBD",
                    20231028, &m);
    CHECK_INT(n, 7);
    if (n != 7)
        return;
    CHECK_STR(m[0].name, "Yoav Gallant");
    CHECK_STR(m[1].name, "Lloyd Austin");
    CHECK_STR(m[1].code, "USAGOV");
    CHECK_STR(m[2].text, "Gallant");
    CHECK_INT(m[2].via, DL_VIA_COREF);
    CHECK_INT(m[2].antecedent, 0);
    CHECK_INT(m[2].entity, m[0].entity);
    CHECK_STR(m[3].text, "Israel Defence Minister");
    CHECK_STR(m[3].name, "Yoav Gallant");
    CHECK_STR(m[3].code, "ISRGOV");
    CHECK_INT(m[3].antecedent, 2);
    CHECK_INT(m[3].entity, m[0].entity);
    CHECK_STR(m[4].text, "Secretary Austin");
    CHECK_INT(m[4].entity, m[1].entity);
    CHECK_INT(m[4].antecedent, 1);
    /* "the defence minister": the latest holder of a defence office
     * (Austin's "defense secretary" is one too, canonically) */
    CHECK_STR(m[5].text, "defence minister");
    CHECK_INT(m[5].entity, m[1].entity);
    CHECK_STR(m[6].text, "minister");
    CHECK_INT(m[6].entity, m[0].entity); /* only Gallant's office ends in "minister" */
    CHECK(m[0].entity != m[1].entity);
    dl_arena_free(h.arena);
}

TEST(actors_surname_beats_another_dictionary_entry)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Eli/NNP Cohen/NNP spoke/VBD | Cohen/NNP said/VBD | Cohen/NNP left/VBD", 20231028, &m);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(m[1].name, "Eli Cohen");
        CHECK_INT(m[1].via, DL_VIA_COREF);
        CHECK_INT(m[2].antecedent, 1);
    }
    dl_arena_free(h.arena);
    n = find(&h, "Cohen/NNP said/VBD", 20231028, &m);
    if (n)
        CHECK_STR(m[0].name, "David Cohen");
    dl_arena_free(h.arena);
}

TEST(actors_pronouns_need_exactly_one_recent_person)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Lloyd/NNP Austin/NNP spoke/VBD ./. | He/PRP left/VBD ./.", 20231028, &m);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(m[1].text, "He");
        CHECK_STR(m[1].name, "Lloyd Austin");
        CHECK_STR(m[1].code, "USAGOV");
        CHECK_INT(m[1].antecedent, 0);
        CHECK_INT(m[1].via, DL_VIA_COREF);
    }
    dl_arena_free(h.arena);
    /* two people: no guess */
    n = find(&h, "Lloyd/NNP Austin/NNP met/VBD Yoav/NNP Gallant/NNP | He/PRP left/VBD", 20231028, &m);
    CHECK_INT(n, 2);
    dl_arena_free(h.arena);
    /* too far back: no guess */
    n = find(&h, "Lloyd/NNP Austin/NNP spoke/VBD | It/PRP rained/VBD | It/PRP snowed/VBD | She/PRP left/VBD", 0, &m);
    CHECK_INT(n, 1);
    dl_arena_free(h.arena);
}

TEST(actors_capitals_and_countries_stand_for_governments)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "US/NNP officials/NNS met/VBD | Washington/NNP said/VBD | the/DT Pentagon/NNP agreed/VBD | "
                    "the/DT US/NNP said/VBD | pressure/NN on/IN Israel/NNP to/TO wait/VB | the/DT Israelis/NNPS are/VBP tired/JJ",
                    0, &m);
    MENTION(a, m, n, "US officials") {
        MENTION(w, m, n, "Washington") {
            CHECK_STR(w->code, "USAGOV");
            CHECK_STR(w->kind, "place");
            CHECK_INT(w->entity, a->entity);
        }
        MENTION(p, m, n, "the Pentagon") CHECK_INT(p->entity, a->entity);
        MENTION(u, m, n, "US") {
            CHECK_STR(u->code, "USAGOV");
            CHECK_INT(u->entity, a->entity);
        }
    }
    MENTION(i, m, n, "Israel") CHECK_STR(i->code, "ISR");
    MENTION(s, m, n, "Israelis") CHECK_STR(s->code, "ISR");
    dl_arena_free(h.arena);
}

/* ------------------------------------------------------------- unknowns */

TEST(actors_unknown_names_are_reported)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Maria/NNP Lopez/NNP met/VBD Israeli/JJ spokesman/NN Avi/NNP Ben/NNP on/IN Friday/NNP ./. | "
                    "Lopez/NNP said/VBD the/DT Security/NNP Council/NNP met/VBD in/IN October/NNP",
                    20231028, &m);
    MENTION(a, m, n, "Maria Lopez") {
        /* a two-word name with no organisation or place word is a
         * person; with no country of her own she takes the article's */
        CHECK_STR(a->code, "ISR");
        CHECK(a->inferred);
        CHECK_STR(a->kind, "person");
        CHECK_STR(a->name, "Maria Lopez");
        CHECK_INT(a->via, DL_VIA_UNKNOWN);
        MENTION(b, m, n, "Lopez") {
            CHECK_INT(b->entity, a->entity);
            CHECK_STR(b->name, "Maria Lopez");
            CHECK_INT(b->via, DL_VIA_COREF);
        }
    }
    MENTION(c, m, n, "Israeli spokesman Avi Ben") {
        CHECK_STR(c->code, "ISRGOV");
        CHECK_STR(c->name, "Avi Ben");
        CHECK_STR(c->kind, "person");
        CHECK_INT(c->via, DL_VIA_AGENT);
    }
    MENTION(d, m, n, "Security Council") CHECK_STR(d->kind, "organisation");
    CHECK(by_text(m, n, "Friday") == NULL);
    CHECK(by_text(m, n, "October") == NULL);
    dl_arena_free(h.arena);
}

TEST(actors_empty_and_odd_input)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "", 0, &m);
    CHECK_INT(n, 0);
    dl_arena_free(h.arena);
    n = find(&h, "./. ^./. -/HYPH '/'' ^'s/POS", 0, &m);
    CHECK_INT(n, 0);
    dl_arena_free(h.arena);
    const dl_actors *a = test_actors();
    dl_arena *arena = dl_arena_new(0);
    CHECK_INT(dl_actors_find(&m, &n, a, NULL, NULL, 0, 0, arena), DL_OK);
    CHECK_INT(n, 0);
    CHECK_INT(dl_actors_find(NULL, &n, a, NULL, NULL, 0, 0, arena), DL_ERR_ARG);
    dl_arena_free(arena);
}

TEST(actors_mention_json_has_the_contract_fields)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Israeli/JJ officials/NNS said/VBD", 0, &m);
    CHECK_INT(n, 1);
    dl_buf b = DL_BUF_INIT;
    if (n) {
        CHECK_INT(dl_mention_to_json(&b, &m[0], "a1"), DL_OK);
        CHECK(strstr(b.data, "\"text\":\"Israeli officials\"") != NULL);
        CHECK(strstr(b.data, "\"code\":\"ISRGOV\"") != NULL);
        CHECK(strstr(b.data, "\"country\":\"ISR\"") != NULL);
        CHECK(strstr(b.data, "\"role\":\"GOV\"") != NULL);
        CHECK(strstr(b.data, "\"via\":\"agent\"") != NULL);
        CHECK(strstr(b.data, "\"antecedent\":null") != NULL);
    }
    dl_buf_free(&b);
    dl_arena_free(h.arena);
}

/* ------------------------------------------------------ from context */

TEST(actors_role_words_take_the_place_of_their_sentence)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Investigators/NNS in/IN Beijing/NNP arrested/VBD two/CD men/NNS", 20231028, &m);
    MENTION(a, m, n, "Investigators") {
        CHECK_STR(a->code, "CHNCOP");
        CHECK(a->inferred);
        CHECK(a->evidence && strstr(a->evidence, "place of its sentence"));
    }
    dl_arena_free(h.arena);
}

TEST(actors_role_words_take_the_dominant_country)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Israeli/JJ officials/NNS met/VBD ./. | Israel/NNP waited/VBD ./. | "
                    "Investigators/NNS arrested/VBD a/DT man/NN",
                    20231028, &m);
    MENTION(a, m, n, "Investigators") {
        CHECK_STR(a->code, "ISRCOP");
        CHECK(a->inferred);
        CHECK(a->evidence && strstr(a->evidence, "dominant country, ISR"));
    }
    /* the words' own country is no inference */
    MENTION(b, m, n, "Israeli officials") CHECK(!b->inferred && b->evidence == NULL);
    dl_arena_free(h.arena);
}

TEST(actors_unknown_name_keeps_the_code_of_its_title)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Israeli/JJ spokesman/NN Avi/NNP Ben/NNP spoke/VBD ./. | Ben/NNP left/VBD", 20231028, &m);
    MENTION(a, m, n, "Israeli spokesman Avi Ben") {
        CHECK_STR(a->code, "ISRGOV");
        CHECK(a->inferred);
        CHECK(a->evidence && !strncmp(a->evidence, "title \"Israeli spokesman\"", 25));
        MENTION(b, m, n, "Ben") {
            CHECK_INT(b->entity, a->entity);
            CHECK_STR(b->code, "ISRGOV");
        }
    }
    dl_arena_free(h.arena);
}

TEST(actors_unknown_name_kinds)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Acme/NNP Holdings/NNP and/CC the/DT NRA/NNP met/VBD in/IN Kigoma/NNP near/IN Lake/NNP Tanganyika/NNP",
                    0, &m);
    MENTION(a, m, n, "Acme Holdings") CHECK_STR(a->kind, "organisation");
    MENTION(b, m, n, "NRA") CHECK_STR(b->kind, "organisation");
    MENTION(c, m, n, "Kigoma") CHECK_STR(c->kind, "place");
    MENTION(d, m, n, "Lake Tanganyika") CHECK_STR(d->kind, "place");
    /* no country anywhere: nothing to infer */
    for (size_t i = 0; i < n; i++)
        CHECK(m[i].code == NULL && !m[i].inferred);
    dl_arena_free(h.arena);
}

TEST(actors_acronym_defined_in_the_text)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "The/DT Securities/NNP and/CC Exchange/NNP Commission/NNP (/-LRB- SEC/NNP )/-RRB- sued/VBD "
                    "Israel/NNP ./. | The/DT SEC/NNP said/VBD",
                    20231028, &m);
    MENTION(a, m, n, "Securities and Exchange Commission") {
        CHECK_STR(a->kind, "organisation");
        size_t uses = 0;
        for (size_t i = 0; i < n; i++)
            if (!strcmp(m[i].text, "SEC")) {
                uses++;
                CHECK_INT(m[i].entity, a->entity);
                CHECK_STR(m[i].name, "Securities and Exchange Commission");
                CHECK(m[i].evidence && strstr(m[i].evidence, "acronym defined as"));
            }
        CHECK_INT(uses, 2);
    }
    dl_arena_free(h.arena);
}

TEST(actors_apposition_joins_name_and_role)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "Avi/NNP Ben/NNP ,/, the/DT Israeli/JJ foreign/JJ minister/NN ,/, met/VBD "
                    "the/DT Chinese/JJ foreign/JJ minister/NN ,/, Li/NNP Wu/NNP ./.",
                    20231028, &m);
    MENTION(a, m, n, "Avi Ben") {
        CHECK_STR(a->code, "ISRGOV");
        CHECK(a->evidence && strstr(a->evidence, "apposition"));
        MENTION(r, m, n, "Israeli foreign minister") CHECK_INT(r->entity, a->entity);
    }
    MENTION(b, m, n, "Li Wu") {
        CHECK_STR(b->code, "CHNGOV");
        MENTION(r, m, n, "Chinese foreign minister") {
            CHECK_INT(r->entity, b->entity);
            CHECK_STR(r->name, "Li Wu");
        }
    }
    dl_arena_free(h.arena);
}

TEST(actors_surname_after_another_first_name_is_someone_else)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Yoav/NNP Gallant/NNP spoke/VBD ./. | Noa/NNP Gallant/NNP wrote/VBD ./. | Gallant/NNP left/VBD",
                    20231028, &m);
    MENTION(a, m, n, "Yoav Gallant") {
        MENTION(b, m, n, "Noa Gallant") {
            CHECK(b->entity != a->entity);
            CHECK_STR(b->name, "Noa Gallant");
        }
    }
    dl_arena_free(h.arena);
}

TEST(actors_it_and_they_for_organisations_and_states)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h,
                    "The/DT United/NNP Nations/NNPS criticised/VBD Israel/NNP ./. | It/PRP said/VBD more/JJR ./. | "
                    "Israeli/JJ officials/NNS met/VBD ./. | They/PRP left/VBD ./. | It/PRP is/VBZ late/JJ",
                    20231028, &m);
    const dl_mention *it = NULL, *they = NULL;
    size_t its = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(m[i].text, "It"))
            it = &m[i], its++;
        if (!strcmp(m[i].text, "They"))
            they = &m[i];
    }
    /* the subject of the sentence before, not the latest; "it is" is no one */
    CHECK_INT(its, 1);
    CHECK(it && it->code && !strcmp(it->code, "IGOUNO"));
    CHECK(they && they->code && !strcmp(they->code, "ISRGOV"));
    dl_arena_free(h.arena);
}

TEST(actors_role_words_after_a_possessive)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Israeli/JJ spokesman/NN Avi/NNP Ben/NNP spoke/VBD ./. | Ben/NNP ^'s/POS investigators/NNS left/VBD",
                    20231028, &m);
    MENTION(a, m, n, "investigators") {
        CHECK_STR(a->code, "ISRCOP");
        CHECK(a->evidence && strstr(a->evidence, "of \"Ben\""));
    }
    dl_arena_free(h.arena);
}

TEST(actors_ambiguous_place_by_the_article_region)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Lebanese/JJ officials/NNS met/VBD ./. | Clashes/NNS erupted/VBD in/IN Tripoli/NNP", 20231028, &m);
    MENTION(a, m, n, "Tripoli") CHECK_STR(a->code, "LBN");
    dl_arena_free(h.arena);
    n = find(&h, "Clashes/NNS erupted/VBD in/IN Tripoli/NNP", 20231028, &m);
    MENTION(b, m, n, "Tripoli") CHECK_STR(b->code, "LBYGOV");
    dl_arena_free(h.arena);
}

typedef struct diag_count {
    int warnings;
    char last[256];
} diag_count;

static void count_diag(void *user, const dl_diag *d)
{
    diag_count *c = user;
    if (d->severity == DL_WARNING) {
        c->warnings++;
        snprintf(c->last, sizeof c->last, "%s", d->message);
    }
}

TEST(actors_undated_article_is_warned_about)
{
    char *actors = write_tmp(test_actors_dict), *agents = write_tmp(test_agents_dict);
    const char *af[] = {actors}, *gf[] = {agents};
    diag_count dc = {0, ""};
    dl_actors_options o = DL_ACTORS_OPTIONS_INIT;
    o.actor_files = af;
    o.n_actor_files = 1;
    o.agent_files = gf;
    o.n_agent_files = 1;
    o.diag = count_diag;
    o.diag_user = &dc;
    dl_actors *a = NULL;
    CHECK_INT(dl_actors_open(&a, &o), DL_OK);
    unlink(actors);
    unlink(agents);
    free(actors);
    free(agents);
    if (!a)
        return;
    hand h;
    hand_build(&h, "Yoav/NNP Gallant/NNP spoke/VBD");
    h.article.id = "art-7";
    dl_mention *m;
    size_t n;
    /* dated: no warning */
    CHECK_INT(dl_actors_find(&m, &n, a, &h.article, h.sentences, h.n, 20231028, h.arena), DL_OK);
    CHECK_INT(dc.warnings, 0);
    /* undated, and Gallant's code depends on the date: one warning naming the article */
    CHECK_INT(dl_actors_find(&m, &n, a, &h.article, h.sentences, h.n, 0, h.arena), DL_OK);
    CHECK_INT(dc.warnings, 1);
    CHECK(strstr(dc.last, "art-7") != NULL);
    dl_arena_free(h.arena);
    /* undated, but nothing depends on the date: none */
    hand_build(&h, "Israel/NNP waited/VBD");
    CHECK_INT(dl_actors_find(&m, &n, a, &h.article, h.sentences, h.n, 0, h.arena), DL_OK);
    CHECK_INT(dc.warnings, 1);
    dl_arena_free(h.arena);
    dl_actors_close(a);
}

TEST(actors_unknown_place_then_its_country)
{
    hand h;
    dl_mention *m;
    size_t n = find(&h, "Shelling/NN hit/VBD Kiryat/NNP Zorem/NNP ,/, Israel/NNP ,/, on/IN Monday/NNP", 20231028, &m);
    MENTION(a, m, n, "Kiryat Zorem") {
        CHECK_STR(a->code, "ISR");
        CHECK_STR(a->kind, "place");
        CHECK(a->evidence && strstr(a->evidence, "followed by its country"));
    }
    dl_arena_free(h.arena);
}
