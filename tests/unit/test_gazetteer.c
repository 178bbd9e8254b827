/* test_gazetteer.c: the gazetteer's files and rules, one test per rule. */
#include "test.h"
#include "events/gazetteer.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static dl_gazetteer *open_gaz(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data", dl_test_root());
    dl_gazetteer *g = NULL;
    if (dl_gazetteer_open(&g, dir, NULL, NULL))
        return NULL;
    return g;
}

static const dl_place *resolve(const dl_gazetteer *g, const char *name, const char *ctx1, const char *ctx2)
{
    dl_gaz_context c = {0};
    if (ctx1)
        dl_gaz_context_add(&c, ctx1, 1);
    if (ctx2)
        dl_gaz_context_add(&c, ctx2, 1);
    return dl_gazetteer_resolve(g, name, strlen(name), &c);
}

TEST(gazetteer_loads_every_file)
{
    dl_gazetteer *g = open_gaz();
    CHECK(g != NULL);
    if (!g)
        return;
    /* about 250 countries, ~3,700 divisions, 1,500+ cities, regions */
    CHECK(dl_gazetteer_count(g) > 5500);
    const dl_place *lbn = dl_gazetteer_country(g, "LBN");
    CHECK(lbn && !strcmp(lbn->name, "Lebanon") && lbn->precision == DL_PLACE_COUNTRY && lbn->has_coords);
    /* every ISO 3166-1 country has an entry */
    CHECK(dl_gazetteer_country(g, "TUV") != NULL);
    CHECK(dl_gazetteer_country(g, "XKX") != NULL);
    dl_gazetteer_close(g);
}

TEST(gazetteer_countries_by_news_and_iso_names)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const dl_place *p = resolve(g, "the United States", NULL, NULL);
    CHECK(p && !strcmp(p->country, "USA") && p->precision == DL_PLACE_COUNTRY);
    p = resolve(g, "Syrian Arab Republic", NULL, NULL); /* from iso-codes */
    CHECK(p && !strcmp(p->country, "SYR"));
    p = resolve(g, "Britain", NULL, NULL);
    CHECK(p && !strcmp(p->country, "GBR"));
    p = resolve(g, "BURMA", NULL, NULL); /* case ignored */
    CHECK(p && !strcmp(p->country, "MMR"));
    /* nationality adjectives are not places */
    CHECK(resolve(g, "American", NULL, NULL) == NULL);
    CHECK(resolve(g, "Israeli", NULL, NULL) == NULL);
    dl_gazetteer_close(g);
}

TEST(gazetteer_capitals_are_cities_of_their_country)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const dl_place *p = resolve(g, "Washington", NULL, NULL);
    CHECK(p && !strcmp(p->country, "USA") && p->capital && p->precision == DL_PLACE_CITY);
    p = resolve(g, "LONDON", NULL, NULL);
    CHECK(p && !strcmp(p->country, "GBR") && p->capital);
    /* a capital named like its country: the country wins */
    p = resolve(g, "Djibouti", NULL, NULL);
    CHECK(p && p->precision == DL_PLACE_COUNTRY);
    /* a capital's other names come from cities.tsv */
    p = resolve(g, "Kiev", NULL, NULL);
    CHECK(!p || !strcmp(p->country, "UKR"));
    dl_gazetteer_close(g);
}

TEST(gazetteer_ambiguous_names_follow_the_article)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const dl_place *p = resolve(g, "Tripoli", NULL, NULL);
    CHECK(p && !strcmp(p->country, "LBY")); /* the capital, without context */
    p = resolve(g, "Tripoli", "LBN", NULL);
    CHECK(p && !strcmp(p->country, "LBN") && p->has_coords && p->lat > 34);
    p = resolve(g, "Georgia", NULL, NULL);
    CHECK(p && !strcmp(p->country, "GEO"));
    p = resolve(g, "Georgia", "USA", NULL);
    CHECK(p && !strcmp(p->country, "USA") && p->admin1 && !strcmp(p->admin1, "US-GA"));
    p = resolve(g, "London", "CAN", NULL);
    CHECK(p && !strcmp(p->country, "CAN"));
    p = resolve(g, "Birmingham", NULL, NULL); /* the bigger one */
    CHECK(p && !strcmp(p->country, "GBR"));
    /* same-named cities of one country stay apart, by division */
    const dl_place *all[8];
    CHECK(dl_gazetteer_find(g, "Springfield", 11, all, 8) >= 3);
    p = resolve(g, "Punjab", "IND", NULL);
    CHECK(p && !strcmp(p->country, "IND"));
    p = resolve(g, "Punjab", "PAK", NULL);
    CHECK(p && !strcmp(p->country, "PAK"));
    dl_gazetteer_close(g);
}

TEST(gazetteer_divisions_from_iso_codes)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const dl_place *p = resolve(g, "Bavaria", NULL, NULL);
    CHECK(p && !strcmp(p->country, "DEU") && p->precision == DL_PLACE_REGION);
    /* a division only iso-codes knows: no coordinates, still a region */
    p = resolve(g, "Kirkuk", NULL, NULL);
    CHECK(p && !strcmp(p->country, "IRQ"));
    p = resolve(g, "Nuevo León", NULL, NULL);
    CHECK(p && !strcmp(p->country, "MEX") && p->precision == DL_PLACE_REGION && p->admin1);
    /* a region line gives a division its point instead of a second place */
    const dl_place *all[8];
    size_t n = dl_gazetteer_find(g, "Texas", 5, all, 8);
    CHECK_INT(n, 1);
    CHECK(n && all[0]->has_coords && !strcmp(all[0]->admin1, "US-TX"));
    dl_gazetteer_close(g);
}

TEST(gazetteer_cities_with_coordinates_and_other_names)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const dl_place *p = resolve(g, "Bombay", NULL, NULL);
    CHECK(p && !strcmp(p->name, "Mumbai") && !strcmp(p->country, "IND"));
    p = resolve(g, "Khan Yunis", NULL, NULL);
    CHECK(p && !strcmp(p->country, "PSE") && p->has_coords);
    p = resolve(g, "New York", NULL, NULL); /* the city, not the state */
    CHECK(p && p->precision == DL_PLACE_CITY && !strcmp(p->name, "New York"));
    p = resolve(g, "Gaza", NULL, NULL); /* the Strip, not Gaza City */
    CHECK(p && p->precision == DL_PLACE_REGION && !strcmp(p->name, "Gaza Strip"));
    p = resolve(g, "the Gaza Strip", NULL, NULL);
    CHECK(p && !strcmp(p->country, "PSE") && p->precision == DL_PLACE_REGION);
    p = resolve(g, "Cusco", NULL, NULL);
    CHECK(p && !strcmp(p->country, "PER") && p->lat < -13 && p->lat > -14);
    dl_gazetteer_close(g);
}

TEST(gazetteer_longest_name_in_text)
{
    dl_gazetteer *g = open_gaz();
    if (!g)
        SKIP("no gazetteer");
    const char *t = "New York City police said";
    CHECK_INT(dl_gazetteer_longest(g, t, strlen(t)), 13);
    t = "Gaza.";
    CHECK_INT(dl_gazetteer_longest(g, t, strlen(t)), 4);
    t = "St. Louis on Monday";
    CHECK_INT(dl_gazetteer_longest(g, t, strlen(t)), 9);
    t = "Port-au-Prince, Haiti";
    CHECK_INT(dl_gazetteer_longest(g, t, strlen(t)), 14);
    t = "nowhere at all";
    CHECK_INT(dl_gazetteer_longest(g, t, strlen(t)), 0);
    dl_gazetteer_close(g);
}

static void count_diag(void *user, const dl_diag *d)
{
    (void)d;
    (*(int *)user)++;
}

TEST(gazetteer_bad_lines_are_reported_and_skipped)
{
    char dir[] = "/tmp/dl_gaz_XXXXXX";
    if (!mkdtemp(dir))
        SKIP("no temp dir");
    char path[256];
    snprintf(path, sizeof path, "%s/gazetteer", dir);
    if (mkdir(path, 0700))
        SKIP("mkdir");
    snprintf(path, sizeof path, "%s/gazetteer/countries.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        SKIP("cannot write");
    /* a bad code, a latitude past the pole, a line cut short */
    fputs("# a comment\nFRA\tFrance\tParis\t48.86\t2.35\t\nXX\tBad\t\t1\t2\t\n"
          "DEU\tGermany\tBerlin\t952.5\t13.4\t\nITA\tItaly\n",
          f);
    fclose(f);
    char cities[256];
    snprintf(cities, sizeof cities, "%s/gazetteer/cities.tsv", dir);
    f = fopen(cities, "w");
    if (!f)
        SKIP("cannot write");
    /* a city of a country not listed; a good one */
    fputs("Atlantis\tATL\t\t10\t10\t5\t\nLyon\tFRA\t\t45.76\t4.84\t520\tLyons\n", f);
    fclose(f);
    int warnings = 0;
    dl_gazetteer *g = NULL;
    CHECK_INT(dl_gazetteer_open(&g, dir, count_diag, &warnings), DL_OK);
    CHECK_INT(warnings, 4);
    CHECK(g && dl_gazetteer_country(g, "FRA") && !dl_gazetteer_country(g, "DEU"));
    CHECK(g && dl_gazetteer_resolve(g, "Lyons", 5, NULL) && !dl_gazetteer_resolve(g, "Atlantis", 8, NULL));
    dl_gazetteer_close(g);
    unlink(cities);
    unlink(path);
    snprintf(path, sizeof path, "%s/gazetteer", dir);
    rmdir(path);
    rmdir(dir);
    /* no countries.tsv at all: an error */
    g = NULL;
    CHECK_INT(dl_gazetteer_open(&g, "/nonexistent-dir", NULL, NULL), DL_ERR_IO);
    CHECK(g == NULL);
}
