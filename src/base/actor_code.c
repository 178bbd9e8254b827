/* actor_code.c: country and role of a CAMEO-style actor code. */
#include "base/actor_code.h"

#include <string.h>

bool dl_code_three_letters(const char *c)
{
    for (int i = 0; i < 3; i++)
        if (!(c[i] >= 'A' && c[i] <= 'Z'))
            return false;
    return true;
}

bool dl_code_is_role(const char *c)
{
    /* Every three-letter code that opens a code without being a country:
     * CAMEO's sector, organisation and group-type codes. */
    static const char *const roles[] = {
        "IGO", "NGO", "NGM", "MNC", "UIS", "INT", "IMG", "GOV", "MIL", "REB", "OPP", "PTY", "COP",
        "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "ELI", "LAB", "LEG", "REF", "HLH", "AGR",
        "RAD", "REL", "UAF", "SEP", "INS", "ENV", "---",
    };
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!memcmp(c, roles[i], 3))
            return true;
    return false;
}

void dl_code_split(const char *code, char country[4], char role[4])
{
    country[0] = role[0] = '\0';
    if (!code || strlen(code) < 3)
        return;
    if (!memcmp(code, "---", 3) || !dl_code_three_letters(code)) {
        return;
    }
    if (dl_code_is_role(code)) {
        memcpy(role, code, 3), role[3] = '\0';
        return;
    }
    memcpy(country, code, 3), country[3] = '\0';
    if (strlen(code) >= 6 && dl_code_three_letters(code + 3))
        memcpy(role, code + 3, 3), role[3] = '\0';
}
