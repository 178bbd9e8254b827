/* json.h: a streaming JSON writer into a dl_buf.
 *
 * Records are written straight into an output buffer, one object per line,
 * without building a tree first: cJSON (which the readers use) would build
 * and then print a tree per record, which measured about 4x slower for our
 * article records, so the writer is ours. Errors (out of memory) are
 * sticky: check dl_jw.status once at the end. */
#ifndef DL_BASE_JSON_H
#define DL_BASE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"

enum { DL_JW_MAX_DEPTH = 32 };

typedef struct dl_jw {
    dl_buf *out;
    int depth;
    bool need_comma[DL_JW_MAX_DEPTH];
    dl_status status;
} dl_jw;

void dl_jw_init(dl_jw *w, dl_buf *out);
void dl_jw_object_begin(dl_jw *w);
void dl_jw_object_end(dl_jw *w);
void dl_jw_array_begin(dl_jw *w);
void dl_jw_array_end(dl_jw *w);
void dl_jw_key(dl_jw *w, const char *key);
/* A string value; NULL writes null. */
void dl_jw_string(dl_jw *w, const char *s);
void dl_jw_stringn(dl_jw *w, const char *s, size_t n);
void dl_jw_int(dl_jw *w, int64_t v);
void dl_jw_double(dl_jw *w, double v);
void dl_jw_bool(dl_jw *w, bool v);
void dl_jw_null(dl_jw *w);
/* Writes a value that is already JSON text (the caller vouches for it). */
void dl_jw_raw(dl_jw *w, const char *json);

/* key + value in one call. */
static inline void dl_jw_kv_string(dl_jw *w, const char *k, const char *v) { dl_jw_key(w, k); dl_jw_string(w, v); }
static inline void dl_jw_kv_int(dl_jw *w, const char *k, int64_t v) { dl_jw_key(w, k); dl_jw_int(w, v); }
static inline void dl_jw_kv_double(dl_jw *w, const char *k, double v) { dl_jw_key(w, k); dl_jw_double(w, v); }
static inline void dl_jw_kv_bool(dl_jw *w, const char *k, bool v) { dl_jw_key(w, k); dl_jw_bool(w, v); }

/* Appends s as a quoted, escaped JSON string. */
dl_status dl_json_quote(dl_buf *out, const char *s, size_t n);

#endif
