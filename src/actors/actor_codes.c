/* actor_codes.c: CAMEO-style actor codes taken apart and put together:
 * a country and its roles ("ISR" + GOV -> "ISRGOV"), prefix roles
 * ("NGO" + ARN), and what a dictionary entry's code says about it. */
#include "actors/actor_int.h"
#include "base/actor_code.h"
#include "base/arena.h"

#include <stdio.h>
#include <string.h>

/* The anatomy of a code is decided once, in base/actor_code.c. */
bool dl_actor_role_prefix(const char *c)
{
    return dl_code_is_role(c);
}

bool dl_actor_three_letters(const char *c)
{
    return dl_code_three_letters(c);
}

/* The country and role of a CAMEO-style code, in the arena. */
void dl_actor_split_code(dl_actor_ctx *ctx, const char *code, const char **country, const char **role)
{
    char c[4], r[4];
    dl_code_split(code, c, r);
    *country = *c ? dl_arena_strdup(ctx->arena, c) : NULL;
    *role = *r ? dl_arena_strdup(ctx->arena, r) : NULL;
}

const char *dl_actor_entry_code(const dl_actor_ctx *ctx, const dl_actor_entry *e)
{
    const dl_actor_code *c = e ? dl_actor_code_of(ctx, e) : NULL;
    return c ? c->code : NULL;
}

/* Does the entry stand for a country (or a place coded as one, such as a
 * capital used for its government)? Their codes take agents' roles. */
bool dl_actor_country_like(const dl_actor_ctx *ctx, const dl_actor_entry *e)
{
    const char *kind = dl_actor_kind(e);
    const char *code = dl_actor_entry_code(ctx, e);
    if (!code || strlen(code) < 3 || !dl_actor_three_letters(code) || dl_actor_role_prefix(code))
        return false;
    return !strcmp(kind, "country") || !strcmp(kind, "place") || strlen(code) == 3;
}

/* Does b's code extend a's ("IGOUNO" -> "IGOUNOGAS")? */
bool dl_actor_extends(const dl_actor_ctx *ctx, const dl_actor_entry *a, const dl_actor_entry *b)
{
    const char *ca = dl_actor_entry_code(ctx, a), *cb = dl_actor_entry_code(ctx, b);
    size_t n = ca ? strlen(ca) : 0;
    return n && cb && strlen(cb) > n && !memcmp(ca, cb, n);
}

/* Do both entries code the same country ("BRE" and "BRE")? */
bool dl_actor_same_country(const dl_actor_ctx *ctx, const dl_actor_entry *a, const dl_actor_entry *b)
{
    const char *ca = dl_actor_entry_code(ctx, a), *cb = dl_actor_entry_code(ctx, b);
    return ca && cb && strlen(cb) == 3 && dl_actor_three_letters(cb) && !dl_actor_role_prefix(cb) && !strncmp(ca, cb, 3);
}

/* country + the agents' roles ("ISR" + GOV -> "ISRGOV"; prefix roles go in
 * front: NGO + ISR). At most two roles follow the country. */
const char *dl_actor_combine(dl_actor_ctx *ctx, const char *country, const dl_atom *const *agents, size_t n)
{
    if (!country)
        return NULL;
    char code[64];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (agents[i]->agent->prefix && k + strlen(agents[i]->agent->code) < 24)
            k += (size_t)snprintf(code + k, sizeof code - k, "%s", agents[i]->agent->code);
    k += (size_t)snprintf(code + k, sizeof code - k, "%.3s", country);
    size_t base = k;
    int roles = 0;
    for (size_t i = 0; i < n && roles < 2; i++) {
        const char *r = agents[i]->agent->code;
        size_t rn = strlen(r);
        if (agents[i]->agent->prefix || k + rn >= sizeof code)
            continue;
        bool dup = false;
        for (size_t at = base; at + rn <= k; at += 3)
            dup |= !memcmp(code + at, r, rn);
        if (dup)
            continue;
        memcpy(code + k, r, rn);
        k += rn;
        code[k] = '\0';
        roles++;
    }
    return dl_arena_strndup(ctx->arena, code, k);
}

/* The code of role words attached to an actor's code: prefix roles (NGO~)
 * first, the actor's code (its first n bytes), then the roles it does not
 * already hold, at most two; "former" officials are elites (ELI), whatever
 * office they held. */
const char *dl_actor_with_roles(dl_actor_ctx *ctx, const char *code, size_t n, const dl_atom *const *agents,
                              size_t n_agents, bool former)
{
    char out[64];
    size_t k = 0;
    for (size_t i = 0; i < n_agents; i++)
        if (agents[i]->agent->prefix && k + strlen(agents[i]->agent->code) < 24)
            k += (size_t)snprintf(out + k, sizeof out - k, "%s", agents[i]->agent->code);
    if (n > 24)
        n = 24;
    k += (size_t)snprintf(out + k, sizeof out - k, "%.*s", (int)n, code);
    size_t base = k - n;
    int roles = 0;
    for (size_t i = 0; i <= n_agents && roles < 2; i++) {
        const char *r = i == n_agents ? (former ? "ELI" : NULL) : former ? NULL : agents[i]->agent->code;
        if (!r || (i < n_agents && agents[i]->agent->prefix))
            continue;
        size_t rn = strlen(r);
        if (k + rn >= sizeof out)
            continue;
        bool dup = false;
        for (size_t at = base; at + rn <= k; at += 3)
            dup |= !memcmp(out + at, r, rn);
        if (dup)
            continue;
        memcpy(out + k, r, rn);
        k += rn;
        out[k] = '\0';
        roles++;
    }
    return dl_arena_strndup(ctx->arena, out, k);
}
