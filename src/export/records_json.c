/* records_json.c: the mention, quote and event records as JSON, with the
 * field names DESIGN.md fixes (tests and users rely on them; fields may be
 * added, never renamed). One writer per record, used by the commands that
 * print records and by the store, which keeps each record's JSON. */
#include "base/json.h"

static const char *const via_names[] = {NULL, "dictionary", "agent", "coreference", "unknown"};

dl_status dl_mention_to_json(dl_buf *out, const dl_mention *m, const char *article_id)
{
    dl_jw w;
    dl_jw_init(&w, out);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "article", article_id);
    dl_jw_kv_string(&w, "text", m->text);
    dl_jw_kv_int(&w, "start", m->start);
    dl_jw_kv_int(&w, "end", m->end);
    dl_jw_kv_string(&w, "code", m->code);
    dl_jw_kv_string(&w, "country", m->country);
    dl_jw_kv_string(&w, "role", m->role);
    dl_jw_kv_string(&w, "name", m->name);
    dl_jw_kv_string(&w, "kind", m->kind);
    dl_jw_kv_string(&w, "office", m->office);
    dl_jw_kv_int(&w, "sentence", m->sentence);
    dl_jw_kv_string(&w, "via", m->via < sizeof via_names / sizeof *via_names ? via_names[m->via] : NULL);
    dl_jw_key(&w, "antecedent");
    if (m->antecedent >= 0)
        dl_jw_int(&w, m->antecedent);
    else
        dl_jw_null(&w);
    dl_jw_kv_int(&w, "entity", m->entity);
    dl_jw_kv_bool(&w, "plural", m->plural);
    dl_jw_kv_bool(&w, "inferred", m->inferred);
    dl_jw_kv_string(&w, "evidence", m->evidence);
    dl_jw_object_end(&w);
    return w.status;
}

dl_status dl_quote_to_json(dl_buf *out, const dl_quote *q, const char *article_id)
{
    dl_jw w;
    dl_jw_init(&w, out);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "article", article_id);
    dl_jw_kv_string(&w, "speaker", q->speaker);
    dl_jw_kv_string(&w, "speaker_name", q->speaker_name);
    dl_jw_kv_string(&w, "speaker_code", q->speaker_code);
    dl_jw_kv_string(&w, "cue", q->cue);
    dl_jw_kv_string(&w, "text", q->text);
    dl_jw_kv_bool(&w, "direct", q->direct);
    dl_jw_kv_int(&w, "start", q->start);
    dl_jw_kv_int(&w, "end", q->end);
    dl_jw_kv_int(&w, "sentence", q->sentence);
    dl_jw_object_end(&w);
    return w.status;
}

static void event_actor(dl_jw *w, const char *key, const dl_event_actor *a)
{
    dl_jw_key(w, key);
    if (!a->code && !a->text) {
        dl_jw_null(w);
        return;
    }
    dl_jw_object_begin(w);
    dl_jw_kv_string(w, "text", a->text);
    dl_jw_kv_string(w, "code", a->code);
    dl_jw_kv_string(w, "name", a->name);
    dl_jw_kv_string(w, "country", a->country);
    dl_jw_object_end(w);
}

dl_status dl_event_to_json(dl_buf *out, const dl_event *e, const char *article_id)
{
    dl_jw w;
    dl_jw_init(&w, out);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "article", article_id);
    dl_jw_kv_int(&w, "sentence", e->sentence);
    dl_jw_kv_string(&w, "sentence_text", e->sentence_text);
    dl_jw_kv_string(&w, "date", e->date);
    event_actor(&w, "source", &e->source);
    event_actor(&w, "target", &e->target);
    dl_jw_kv_string(&w, "cameo", e->cameo);
    dl_jw_kv_string(&w, "cameo_root", e->cameo_root);
    dl_jw_kv_int(&w, "quad_class", e->quad_class);
    dl_jw_kv_double(&w, "goldstein", e->goldstein);
    dl_jw_kv_string(&w, "plover", e->plover);
    dl_jw_kv_string(&w, "plover_mode", e->plover_mode);
    dl_jw_key(&w, "location");
    if (e->location_text) {
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "text", e->location_text);
        dl_jw_kv_string(&w, "country", e->location_country);
        dl_jw_object_end(&w);
    } else {
        dl_jw_null(&w);
    }
    dl_jw_kv_string(&w, "factuality", e->factuality ? e->factuality : e->negated ? "negated" : "asserted");
    dl_jw_kv_bool(&w, "negated", e->negated);
    dl_jw_key(&w, "explain");
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "verb", e->verb);
    dl_jw_kv_string(&w, "pattern", e->pattern);
    dl_jw_kv_string(&w, "file", e->pattern_file);
    dl_jw_kv_int(&w, "line", e->pattern_line);
    dl_jw_key(&w, "entries");
    dl_jw_array_begin(&w);
    for (uint32_t i = 0; i < e->n_entries; i++)
        dl_jw_string(&w, e->entries[i]);
    dl_jw_array_end(&w);
    dl_jw_object_end(&w);
    dl_jw_object_end(&w);
    return w.status;
}
