/* gazetteer.h: places by name — countries, their first-level divisions,
 * news regions and cities — with country, division and coordinates, read
 * from data/gazetteer/ (see data/README.md for the files and where each
 * fact came from).
 *
 * A name may stand for several places (Tripoli in Libya and in Lebanon,
 * Georgia the country and the US state); dl_gazetteer_resolve() picks one
 * by the countries the article is about, then by kind (a country before
 * its capital, a capital before a region, a region before a city) and
 * size.
 *
 * The gazetteer owns every string and place it returns; they live until
 * dl_gazetteer_close(). Lookups do not allocate and may run from several
 * threads at once. */
#ifndef DL_EVENTS_GAZETTEER_H
#define DL_EVENTS_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dateline.h"

typedef enum dl_place_precision {
    DL_PLACE_CITY = 1,
    DL_PLACE_REGION,
    DL_PLACE_COUNTRY,
} dl_place_precision;

typedef struct dl_place {
    const char *name;      /* canonical: "Tripoli", "Gaza Strip", "Lebanon" */
    const char *country;   /* ISO 3166-1 alpha-3 */
    const char *admin1;    /* ISO 3166-2 code of its first-level division, or NULL */
    double lat, lon;       /* decimal degrees; valid when has_coords */
    bool has_coords;
    bool capital;          /* a national capital */
    dl_place_precision precision;
    uint32_t population;   /* thousands, rough; 0 when unknown */
} dl_place;

typedef struct dl_gazetteer dl_gazetteer;

/* Loads data_dir/gazetteer/{countries,iso3166-1,admin1,regions,cities}.tsv
 * (data_dir NULL: dl_data_dir()). Bad lines are reported through diag
 * (may be NULL) and skipped; a missing countries.tsv is DL_ERR_IO, not
 * reported (the caller says what it means). */
dl_status dl_gazetteer_open(dl_gazetteer **out, const char *data_dir, dl_diag_fn diag, void *diag_user);
void dl_gazetteer_close(dl_gazetteer *g);

/* Every place called name[0..len) (case ignored, a leading "the"
 * ignored): writes up to max pointers and returns how many there are. */
size_t dl_gazetteer_find(const dl_gazetteer *g, const char *name, size_t len, const dl_place **out,
                         size_t max);

/* The countries an article is about, counted: the context for resolving
 * ambiguous names. Up to DL_GAZ_CONTEXT_MAX countries are kept. */
enum { DL_GAZ_CONTEXT_MAX = 16 };
typedef struct dl_gaz_context {
    char country[DL_GAZ_CONTEXT_MAX][4];
    uint32_t weight[DL_GAZ_CONTEXT_MAX];
    size_t n;
} dl_gaz_context;
void dl_gaz_context_add(dl_gaz_context *c, const char *alpha3, uint32_t weight);
uint32_t dl_gaz_context_weight(const dl_gaz_context *c, const char *alpha3);

/* The best place called name[0..len) for an article with this context
 * (may be NULL), or NULL when no place has that name. */
const dl_place *dl_gazetteer_resolve(const dl_gazetteer *g, const char *name, size_t len,
                                     const dl_gaz_context *context);

/* The longest place name that starts at text[0] and ends at a word
 * boundary (up to six words): returns its length in bytes, 0 when none. */
size_t dl_gazetteer_longest(const dl_gazetteer *g, const char *text, size_t len);

/* The country's own entry (its capital's coordinates), or NULL. */
const dl_place *dl_gazetteer_country(const dl_gazetteer *g, const char *alpha3);

/* "city", "region", "country". */
const char *dl_place_precision_name(dl_place_precision p);

/* How many places were loaded (for tests and `check-data`). */
size_t dl_gazetteer_count(const dl_gazetteer *g);

#endif
