/* cameo.h: the CAMEO code table (data/cameo.tsv): name, Goldstein score,
 * quad class, and the PLOVER event type and mode each code maps to, plus
 * the codes whose PLOVER mode is "cyber" when a cyber verb codes them. */
#ifndef DL_EXTRACT_CAMEO_H
#define DL_EXTRACT_CAMEO_H

#include <stdbool.h>
#include "dateline.h"

typedef struct dl_cameo_code {
    const char *code;       /* "195" */
    const char *name;
    double goldstein;
    int quad_class;
    const char *plover;     /* NULL when PLOVER drops the code */
    const char *mode;       /* NULL when none */
    const char *cyber_plover; /* from the #cyber table, or NULL */
} dl_cameo_code;

typedef struct dl_cameo dl_cameo;

dl_status dl_cameo_open(dl_cameo **out, const char *path, dl_diag_fn diag, void *user);
void dl_cameo_close(dl_cameo *cameo);
/* The entry for code, or for the longest prefix of it that has one
 * ("1951" falls back to "195", then "19"); NULL when none. */
const dl_cameo_code *dl_cameo_get(const dl_cameo *cameo, const char *code);
/* The row of exactly this code, without falling back to its parent. */
const dl_cameo_code *dl_cameo_get_exact(const dl_cameo *cameo, const char *code);
/* Quad class from the root alone: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4. */
int dl_cameo_quad(const char *code);

#endif
