/* article_json.c: the article record as JSON (DESIGN.md field names). */
#include "base/json.h"

dl_status dl_article_to_json(dl_buf *out, const dl_article *a)
{
    dl_jw w;
    dl_jw_init(&w, out);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "id", a->id);
    dl_jw_kv_string(&w, "source", a->source);
    dl_jw_kv_string(&w, "title", a->title);
    dl_jw_kv_string(&w, "dateline", a->dateline);
    dl_jw_kv_string(&w, "byline", a->byline);
    dl_jw_kv_string(&w, "date", a->date);
    if (a->url)
        dl_jw_kv_string(&w, "url", a->url);
    if (a->site_name)
        dl_jw_kv_string(&w, "site_name", a->site_name);
    if (a->language)
        dl_jw_kv_string(&w, "language", a->language);
    dl_jw_key(&w, "body");
    dl_jw_stringn(&w, a->body, a->body_len);
    dl_jw_key(&w, "removed");
    dl_jw_array_begin(&w);
    for (size_t i = 0; i < a->n_removed; i++) {
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "text", a->removed[i].text);
        dl_jw_kv_string(&w, "reason", a->removed[i].reason);
        dl_jw_object_end(&w);
    }
    dl_jw_array_end(&w);
    dl_jw_object_end(&w);
    return w.status;
}
