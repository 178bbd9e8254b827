/* test_dict.c: the dictionary readers on small inline files, on PETRARCH's
 * validation dictionaries (../shared) and on dateline's own data/. */
#include "test.h"
#include "dict/dict.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct warn_count {
    int n;
} warn_count;

static void count_diag(void *user, const dl_diag *d)
{
    ((warn_count *)user)->n++;
    if (getenv("DL_TEST_VERBOSE"))
        fprintf(stderr, "  %s:%llu: %s\n", d->file, (unsigned long long)d->line, d->message);
}

static const char *tmp_file(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dl-test-dict-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        abort();
    close(fd);
    return path;
}

static const dl_actor_entry *find_actor(const dl_actor_dict *d, const char *phrase)
{
    for (size_t i = 0; i < d->n; i++)
        for (uint32_t k = 0; k < d->entries[i].n_phrases; k++)
            if (!strcmp(d->entries[i].phrases[k], phrase))
                return &d->entries[i];
    return NULL;
}

TEST(actor_dict_reads_dates_synonyms_and_extension)
{
    const char *path = tmp_file("<!-- header\n   spanning lines -->\n"
                                "YOAV_GALLANT  # @person Yoav Gallant\n"
                                "+GALLANT_YOAV\n"
                                "\t[ISRGOV 20221229-20241107]  # defence minister\n"
                                "\t[ISRELI]\n"
                                "ISRAEL [ISR] # @country Israel\n"
                                "+ISRAELIS\n"
                                "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
                                "\t[BROKEN 2020-01]\n");
    dl_actor_dict d;
    CHECK_INT(dl_actor_dict_init(&d), DL_OK);
    warn_count w = {0};
    CHECK_INT(dl_actor_dict_load(&d, path, count_diag, &w), DL_OK);
    unlink(path);
    CHECK_INT(d.n, 3);
    CHECK_INT(w.n, 1); /* the malformed date */
    const dl_actor_entry *g = find_actor(&d, "GALLANT YOAV");
    CHECK(g != NULL);
    if (g) {
        CHECK_STR(g->display, "Yoav Gallant");
        CHECK_STR(g->kind, "person");
        CHECK_STR(dl_actor_code_on(g, 20231028)->code, "ISRGOV");
        CHECK_STR(dl_actor_code_on(g, 20231028)->office, "defence minister");
        CHECK_STR(dl_actor_code_on(g, 20250101)->code, "ISRELI");
    }
    const dl_actor_entry *s = find_actor(&d, "SMEAGOL");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(dl_actor_code_on(s, 19940101)->code, "HOB");
        CHECK_STR(dl_actor_code_on(s, 19970101)->code, "HOBGOV");
        CHECK_STR(dl_actor_code_on(s, 20010101)->code, "HOBREB");
        CHECK_STR(s->display, "Gollum");
    }
    CHECK_STR(find_actor(&d, "ISRAELIS")->codes[0].code, "ISR");
    dl_actor_dict_free(&d);
}

TEST(agent_dict_expands_sets_and_plurals)
{
    const char *path = tmp_file("!PERSON! = MAN, MEN\n"
                                "!MINST! = MINISTER, MINISTERS\n"
                                "CONGRESS!PERSON! [~LEG]\n"
                                "FOREIGN_!MINST! [~GOV]  # @office foreign minister\n"
                                "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
                                "MEDIA {} [~MED]\n"
                                "HUMAN_RIGHTS_BODY  [  NGO~]\n"
                                "POLICY [~GOV]\n"
                                "NO_CODE_HERE\n");
    dl_agent_dict d;
    CHECK_INT(dl_agent_dict_init(&d), DL_OK);
    warn_count w = {0};
    CHECK_INT(dl_agent_dict_load(&d, path, count_diag, &w), DL_OK);
    unlink(path);
    CHECK_INT(d.n, 6);
    CHECK_INT(w.n, 1);
    CHECK_STR(d.entries[0].forms[0], "CONGRESSMAN");
    CHECK_STR(d.entries[0].forms[1], "CONGRESSMEN");
    CHECK_INT(d.entries[0].n_forms, 2);
    CHECK_STR(d.entries[1].forms[1], "FOREIGN MINISTERS");
    CHECK_STR(d.entries[1].office, "foreign minister");
    CHECK_STR(d.entries[2].forms[1], "ATTORNEYS GENERAL");
    CHECK_INT(d.entries[3].n_forms, 1);
    CHECK_STR(d.entries[4].code, "NGO");
    CHECK(d.entries[4].prefix);
    CHECK(!d.entries[2].prefix);
    CHECK_STR(d.entries[5].forms[1], "POLICIES");
    dl_agent_dict_free(&d);
}

TEST(verb_dict_reads_blocks_synsets_and_patterns)
{
    const char *path = tmp_file("&AIRSTRIKE\n+AIR_STRIKE\n+AIRSTRIKES\n\n"
                                "--- ATTACK  [190]  ---\n"
                                "ATTACK\n"
                                "STRIKE {STRUCK STRIKES}\n"
                                "+WIRE_+TAP [176]\n"
                                "- * + WITH &AIRSTRIKE [195]  # air\n"
                                "- NOT * [---]\n"
                                "--- ADMIT  [013:012] ---\n"
                                "ADMIT\n"
                                "- no code here\n");
    dl_verb_dict d;
    CHECK_INT(dl_verb_dict_init(&d), DL_OK);
    warn_count w = {0};
    CHECK_INT(dl_verb_dict_load(&d, path, count_diag, &w), DL_OK);
    unlink(path);
    CHECK_INT(w.n, 1);
    CHECK_INT(d.n_blocks, 2);
    CHECK_STR(d.blocks[0].code, "190");
    CHECK_STR(d.blocks[1].code, "013");
    CHECK_STR(d.blocks[1].alt_code, "012");
    CHECK_INT(d.n_verbs, 4);
    CHECK_STR(d.verbs[1].phrase, "STRIKE");
    CHECK_STR(d.verbs[1].forms[0], "STRUCK");
    CHECK_STR(d.verbs[2].phrase, "WIRE TAP");
    CHECK_STR(d.verbs[2].code, "176");
    CHECK_INT(d.verbs[2].head, 1);
    CHECK_INT(d.verbs[1].head, 0);
    CHECK_INT(d.blocks[0].n_patterns, 2);
    const dl_verb_pattern *p = &d.patterns[0];
    CHECK_STR(p->code, "195");
    CHECK_INT(p->n_elems, 4);
    CHECK_STR(p->elems[3], "&AIRSTRIKE");
    CHECK_STR(p->comment, "air");
    const dl_synset *s = dl_verb_dict_synset(&d, "&AIRSTRIKE");
    CHECK(s && s->n_phrases == 2);
    dl_verb_dict_free(&d);
}

TEST(dict_dates)
{
    CHECK_INT(dl_dict_parse_date("20221229", 8), 20221229);
    CHECK_INT(dl_dict_parse_date("950601", 6), 19950601);
    CHECK_INT(dl_dict_parse_date("120101", 6), 20120101);
    CHECK_INT(dl_dict_parse_date("2022-12", 7), -1);
    CHECK_INT(dl_date_to_int("2023-10-28T10:00"), 20231028);
    CHECK_INT(dl_date_to_int(NULL), 0);
}

TEST(dict_petrarch_validation_files_load)
{
    if (!dl_test_shared())
        SKIP("../shared is absent");
    char path[4096];
    const char *dir = "data/petrarch2-unit-tests";
    warn_count w = {0};
    dl_actor_dict a;
    dl_agent_dict g;
    dl_verb_dict v;
    dl_discard_dict x;
    dl_actor_dict_init(&a);
    dl_agent_dict_init(&g);
    dl_verb_dict_init(&v);
    dl_discard_dict_init(&x);
    snprintf(path, sizeof path, "%s/%s/PETR.Validate.actors.txt", dl_test_shared(), dir);
    CHECK_INT(dl_actor_dict_load(&a, path, count_diag, &w), DL_OK);
    snprintf(path, sizeof path, "%s/%s/PETR.Validate.agents.txt", dl_test_shared(), dir);
    CHECK_INT(dl_agent_dict_load(&g, path, count_diag, &w), DL_OK);
    snprintf(path, sizeof path, "%s/%s/PETR.Validate.verbs.txt", dl_test_shared(), dir);
    CHECK_INT(dl_verb_dict_load(&v, path, count_diag, &w), DL_OK);
    snprintf(path, sizeof path, "%s/%s/PETR.Validate.discards.txt", dl_test_shared(), dir);
    CHECK_INT(dl_discard_dict_load(&x, path, count_diag, &w), DL_OK);
    CHECK(a.n > 120);
    CHECK(g.n > 60);
    CHECK(v.n_blocks > 250);
    CHECK(v.n_patterns > 400);
    CHECK(x.n >= 8);
    const dl_actor_entry *gollum = find_actor(&a, "SMEAGOL");
    CHECK(gollum && gollum->n_codes == 3);
    dl_actor_dict_free(&a);
    dl_agent_dict_free(&g);
    dl_verb_dict_free(&v);
    dl_discard_dict_free(&x);
}
