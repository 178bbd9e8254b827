/* actor_code.h: the anatomy of a CAMEO-style actor code, decided here once
 * for every stage (actors, store, export):
 *
 *   ISRGOVMIL   country ISR, roles GOV then MIL
 *   PSEREBHMS   country PSE, role REB, group HMS
 *   IGOUNOWFP   no country; the code opens with the role prefix IGO
 *
 * A code opens with a country (ISO 3166 alpha-3) unless its first three
 * letters are one of the role codes listed in actor_code.c. */
#ifndef DL_BASE_ACTOR_CODE_H
#define DL_BASE_ACTOR_CODE_H
#include <stdbool.h>

/* Are the three bytes at c upper-case ASCII letters? */
bool dl_code_three_letters(const char *c);
/* Do the first three letters of c name a role (GOV, MIL, IGO, NGO, ...)
 * rather than a country? "---" counts as a role. */
bool dl_code_is_role(const char *c);
/* Splits a code into its country and its first role, each a NUL-terminated
 * three-letter string or "" when the code has none: "ISRGOV" -> ISR, GOV;
 * "ISR" -> ISR, ""; "IGOUNO" -> "", IGO. NULL or malformed codes give "". */
void dl_code_split(const char *code, char country[4], char role[4]);

#endif
