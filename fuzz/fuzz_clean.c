/* fuzz_clean.c: the cleaner on arbitrary valid UTF-8 (invalid bytes are
 * repaired first, as the reader does), checking that every article it makes
 * has a body that is valid UTF-8 and that ids are never missing. */
#include "dateline.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dl_cleaner *cleaner;
    if (!cleaner && dl_cleaner_open(&cleaner, NULL, NULL, NULL) != DL_OK)
        abort(); /* run with DATELINE_DATA pointing at data/ */
    dl_buf text = DL_BUF_INIT;
    if (dl_utf8_repair(&text, (const char *)data, size, NULL, NULL) || !text.data) {
        dl_buf_free(&text);
        return 0;
    }
    for (size_t i = 0; i < text.len; i++)
        if (text.data[i] == '\0')
            text.data[i] = ' '; /* the reader refuses NUL bytes */
    dl_document doc = {.source = "fuzz", .path = "fuzz", .text = text.data, .len = text.len,
                       .format = size && data[0] == '{' ? DL_FORMAT_JSONL : DL_FORMAT_TEXT};
    dl_arena *arena = dl_arena_new(0);
    dl_article *a;
    size_t n;
    if (dl_clean(&a, &n, cleaner, &doc, arena) == DL_OK) {
        dl_buf out = DL_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (!a[i].id || dl_utf8_valid_prefix(a[i].body, a[i].body_len) != a[i].body_len)
                abort();
            dl_article_to_json(&out, &a[i]);
        }
        dl_buf_free(&out);
    }
    dl_arena_free(arena);
    dl_buf_free(&text);
    return 0;
}
