/* aggregate.c: counts over the stored events for time series, networks
 * and maps, the actors with their counts, and single records by id.
 *
 * Each query wraps the filtered events (or mentions, articles, quotes)
 * query of query.c as a subquery, so an aggregate counts exactly the rows
 * `dateline events` would print with the same filters; SQLite flattens the
 * subquery, so the wrapping costs nothing. The SQL is assembled only from
 * the fixed pieces below, chosen by enum; values are bound. */
#include "store/store_int.h"

#include <stdio.h>
#include <string.h>

int dl_aggregate_by_from_name(const char *name)
{
    static const char *const names[] = {NULL, "day", "week", "month", "dyad", "country", "actor"};
    for (int i = 1; name && i < (int)(sizeof names / sizeof *names); i++)
        if (!strcmp(name, names[i]))
            return i;
    return -1;
}

int dl_aggregate_group_from_name(const char *name)
{
    static const char *const names[] = {"none", "quad", "plover", "root"};
    for (int i = 0; name && i < (int)(sizeof names / sizeof *names); i++)
        if (!strcmp(name, names[i]))
            return i;
    return -1;
}

/* Counts every aggregate row carries. */
#define COUNTS " count(*) AS events, sum(quad_class IN (1, 2)) AS cooperation, sum(quad_class IN (3, 4)) AS conflict"

dl_status dl_store_aggregate(dl_store *s, dl_aggregate_by by, dl_aggregate_group group, const dl_query *q,
                             dl_row_fn fn, void *user)
{
    static const char *const periods[] = {
        [DL_BY_DAY] = "substr(date, 1, 10)",
        /* 'weekday 0' moves to the coming Sunday (or stays on one); six
         * days back is the Monday that starts an ISO week. */
        [DL_BY_WEEK] = "date(substr(date, 1, 10), 'weekday 0', '-6 days')",
        [DL_BY_MONTH] = "substr(date, 1, 7) || '-01'",
    };
    static const char *const keys[] = {
        [DL_GROUP_NONE] = "NULL",
        [DL_GROUP_QUAD] = "quad_class",
        [DL_GROUP_PLOVER] = "plover",
        [DL_GROUP_ROOT] = "cameo_root",
    };
    if ((unsigned)group > DL_GROUP_ROOT)
        return DL_ERR_ARG;
    dl_query f = q ? *q : (dl_query){0};
    f.limit = 0;
    f.cursor = NULL;
    char prefix[512];
    const char *suffix;
    switch (by) {
    case DL_BY_DAY:
    case DL_BY_WEEK:
    case DL_BY_MONTH:
        snprintf(prefix, sizeof prefix, "SELECT %s AS period, %s AS key," COUNTS " FROM (", periods[by],
                 keys[group]);
        suffix = ") WHERE date IS NOT NULL AND length(date) >= 10 GROUP BY period, key"
                 " HAVING period IS NOT NULL ORDER BY period, key";
        break;
    case DL_BY_DYAD:
        snprintf(prefix, sizeof prefix,
                 "SELECT source_code AS source, max(source_name) AS source_name, target_code AS target,"
                 " max(target_name) AS target_name," COUNTS ", round(avg(goldstein), 2) AS goldstein FROM (");
        suffix = ") WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
                 " GROUP BY source_code, target_code ORDER BY events DESC, source, target";
        break;
    case DL_BY_COUNTRY:
        snprintf(prefix, sizeof prefix,
                 "SELECT coalesce(location_country, target_country, source_country) AS country," COUNTS
                 " FROM (");
        suffix = ") WHERE country IS NOT NULL GROUP BY country ORDER BY events DESC, country";
        break;
    case DL_BY_ACTOR: {
        /* Each event counts once for its source and once for its target
         * (once when both are the same actor): the union needs the
         * filtered events twice, so they are a common table expression. */
        suffix = ") SELECT code AS actor, max(name) AS name," COUNTS " FROM ("
                 " SELECT event_id, source_code AS code, source_name AS name, quad_class FROM f"
                 " WHERE source_code IS NOT NULL"
                 " UNION SELECT event_id, target_code, target_name, quad_class FROM f"
                 " WHERE target_code IS NOT NULL"
                 ") GROUP BY code ORDER BY events DESC, actor";
        return dl_store_query_wrapped(s, DL_TABLE_EVENTS, &f, "WITH f AS (", suffix, NULL, 0, fn, user);
    }
    default:
        return DL_ERR_ARG;
    }
    return dl_store_query_wrapped(s, DL_TABLE_EVENTS, &f, prefix, suffix, NULL, 0, fn, user);
}

dl_status dl_store_actor_counts(dl_store *s, const dl_query *q, dl_row_fn fn, void *user)
{
    dl_query f = q ? *q : (dl_query){0};
    char suffix[512];
    snprintf(suffix, sizeof suffix,
             ") WHERE code IS NOT NULL AND coalesce(kind, '') <> 'media'"
             " GROUP BY code, coalesce(name, text) ORDER BY mentions DESC, code, actor%s",
             f.limit > 0 ? " LIMIT CAST(? AS INTEGER)" : "");
    char limit[32];
    snprintf(limit, sizeof limit, "%lld", (long long)f.limit);
    const char *extra[] = {limit};
    int n_extra = f.limit > 0;
    f.limit = 0;
    return dl_store_query_wrapped(s, DL_TABLE_ACTORS, &f,
                                  "SELECT coalesce(name, text) AS actor, code, max(country) AS country,"
                                  " max(kind) AS kind, count(*) AS mentions, count(DISTINCT article) AS articles"
                                  " FROM (",
                                  suffix, extra, n_extra, fn, user);
}

dl_status dl_store_event_by_id(dl_store *s, int64_t id, dl_row_fn fn, void *user)
{
    char v[32];
    snprintf(v, sizeof v, "%lld", (long long)id);
    const char *extra[] = {v};
    return dl_store_query_wrapped(s, DL_TABLE_EVENTS, NULL, "SELECT * FROM (",
                                  ") WHERE event_id = CAST(? AS INTEGER)", extra, 1, fn, user);
}

dl_status dl_store_article_by_id(dl_store *s, const char *id, dl_row_fn fn, void *user)
{
    const char *extra[] = {id};
    return dl_store_query_wrapped(s, DL_TABLE_ARTICLES, NULL, "SELECT * FROM (", ") WHERE id = ? LIMIT 1",
                                  extra, 1, fn, user);
}

dl_status dl_store_sentence_quotes(dl_store *s, const char *article_id, int64_t sentence, dl_row_fn fn,
                                   void *user)
{
    char v[32];
    snprintf(v, sizeof v, "%lld", (long long)sentence);
    const char *extra[] = {article_id, v};
    return dl_store_query_wrapped(s, DL_TABLE_QUOTES, NULL, "SELECT * FROM (",
                                  ") WHERE article = ? AND sentence = CAST(? AS INTEGER)", extra, 2, fn, user);
}
