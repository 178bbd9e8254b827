/* fuzz_params.c: the server's request-target parser (src/serve/params.c)
 * and the filter parser behind it (dl_query_set) on arbitrary bytes. Every
 * accepted target must come out as the params.h contract says: a path that
 * starts with '/', and a path and values that are valid UTF-8 with no
 * control bytes and no NUL before their end; refusals name a parameter
 * and give a 400 or 414. Then the static-file checks run on the path, with
 * no folder (so nothing is read). */
#include "dateline.h"
#include "base/utf8.h"
#include "serve/params.h"
#include "serve/static.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void clean_text(const char *s)
{
    size_t n = strlen(s);
    if (dl_utf8_valid_prefix(s, n) != n)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_http_target t;
    dl_http_refusal r;
    dl_status st = dl_http_target_parse(&t, &r, (const char *)data, size);
    if (st == DL_ERR_NOMEM)
        return 0;
    if (st) {
        if ((r.status != 400 && r.status != 414) || !r.param[0] || !r.why)
            abort();
        return 0;
    }
    if (t.path[0] != '/')
        abort();
    clean_text(t.path);
    dl_query q = {0};
    for (size_t i = 0; i < t.n_params; i++) {
        clean_text(t.params[i].name);
        clean_text(t.params[i].value);
        if (strlen(t.params[i].value) > DL_HTTP_MAX_VALUE)
            abort();
        const char *why;
        if (dl_query_set(&q, t.params[i].name, t.params[i].value, &why) && !why)
            abort();
        if (dl_http_param_get(&t, t.params[i].name) != t.params[i].value)
            abort(); /* names are unique */
    }
    dl_api_response res = {0};
    dl_static_handle(&res, NULL, t.path);
    if (res.status != 404)
        abort();
    free(res.body.data);
    dl_http_target_free(&t);
    return 0;
}
