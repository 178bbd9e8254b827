/* filter.c: the query filters by name, checked once for every face.
 *
 * `dateline events --since D` and `GET /api/events?since=D` both land
 * here, so the command line and the HTTP API accept the same filters with
 * the same meaning, and a value the store could misread (a date that is
 * not a date, a limit that is not a number) is refused with a reason
 * before any query runs. Values are kept by pointer, not copied. */
#include "base/date.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_NAME_BYTES = 200 };

static bool is_digits(const char *v, size_t min, size_t max)
{
    size_t n = strlen(v);
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    return true;
}

/* An ISO 8601 date at day, month or year precision ("2004-11-12",
 * "2004-11", "2004"), the day a real one: the stored dates are ISO 8601
 * and compare as text, so anything else would compare wrongly. */
static bool is_date(const char *v) { return dl_iso_date_valid(v); }

/* A name or code to look for: printable UTF-8, not too long to be a name. */
static bool is_name(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > MAX_NAME_BYTES || dl_utf8_valid_prefix(v, n) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return false;
    return true;
}

static bool is_plover(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > 32)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z') || v[i] == '_'))
            return false;
    return true;
}

/* ANNOTATION.md's values, and "all" for every event. */
static bool is_factuality(const char *v)
{
    static const char *const ok[] = {"asserted", "negated", "hypothetical", "future", "embedded", "disputed", "all"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (!strcmp(v, ok[i]))
            return true;
    return false;
}

static bool is_country(const char *v)
{
    if (strlen(v) != 3)
        return false;
    for (int i = 0; i < 3; i++)
        if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z')))
            return false;
    return true;
}

dl_status dl_query_set(dl_query *q, const char *name, const char *value, const char **why)
{
    static const struct {
        const char *name;
        size_t offset;
        bool (*valid)(const char *);
        const char *why;
    } text_filters[] = {
        {"actor", offsetof(dl_query, actor), is_name, "takes a code prefix or a name part"},
        {"source", offsetof(dl_query, source), is_name, "takes a code prefix or a name part"},
        {"target", offsetof(dl_query, target), is_name, "takes a code prefix or a name part"},
        {"speaker", offsetof(dl_query, speaker), is_name, "takes a code prefix or a name part"},
        {"plover", offsetof(dl_query, plover), is_plover, "takes a PLOVER event type (ASSAULT)"},
        {"country", offsetof(dl_query, country), is_country, "takes an ISO 3166 alpha-3 code (ISR)"},
        {"since", offsetof(dl_query, since), is_date, "takes an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"},
        {"until", offsetof(dl_query, until), is_date, "takes an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"},
        {"factuality", offsetof(dl_query, factuality), is_factuality,
         "takes asserted, negated, hypothetical, future, embedded, disputed or all"},
    };
    const char *dummy;
    if (!why)
        why = &dummy;
    *why = NULL;
    if (!q || !name || !value) {
        *why = "needs a value";
        return DL_ERR_ARG;
    }
    for (size_t i = 0; i < sizeof text_filters / sizeof *text_filters; i++) {
        if (strcmp(name, text_filters[i].name))
            continue;
        if (!text_filters[i].valid(value)) {
            *why = text_filters[i].why;
            return DL_ERR_ARG;
        }
        *(const char **)((char *)q + text_filters[i].offset) = value;
        return DL_OK;
    }
    if (!strcmp(name, "cameo")) {
        if (!is_digits(value, 1, 4)) {
            *why = "takes a CAMEO code prefix of 1 to 4 digits (19, 195)";
            return DL_ERR_ARG;
        }
        q->cameo = value;
        return DL_OK;
    }
    if (!strcmp(name, "limit")) {
        /* 18 digits cannot overflow an int64_t. */
        if (!is_digits(value, 1, 18)) {
            *why = "takes a whole number";
            return DL_ERR_ARG;
        }
        q->limit = strtoll(value, NULL, 10);
        return DL_OK;
    }
    if (!strcmp(name, "cursor")) {
        if (!is_digits(value, 1, 18)) {
            *why = "takes the next_cursor of a previous page";
            return DL_ERR_ARG;
        }
        q->cursor = value;
        return DL_OK;
    }
    *why = "is not a filter";
    return DL_ERR_PARSE;
}
