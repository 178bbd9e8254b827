/* fuzz_html.c: charset decoding and article extraction on arbitrary bytes.
 * The first byte picks the header charset given with the page (none,
 * UTF-8, Latin-1, Shift_JIS) so every decoding path sees the input. */
#include "dateline.h"
#include "base/arena.h"
#include "base/buf.h"
#include "doc/encoding.h"
#include "doc/html.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const charsets[] = {NULL, "utf-8", "iso-8859-1", "shift_jis"};
    const char *cs = charsets[data[0] & 3];
    dl_buf utf8 = DL_BUF_INIT;
    dl_decode_info info;
    if (dl_decode_html(&utf8, (const char *)data + 1, size - 1, cs, &info) == DL_OK) {
        dl_arena *arena = dl_arena_new(0);
        dl_html_page page;
        if (arena && dl_html_extract(&page, utf8.data ? utf8.data : "", utf8.len, arena) == DL_OK) {
            if (!page.text || strlen(page.text) != page.len)
                abort();
        }
        dl_arena_free(arena);
        dl_buf all = DL_BUF_INIT;
        dl_html_all_text(&all, utf8.data ? utf8.data : "", utf8.len);
        dl_buf_free(&all);
    }
    dl_buf_free(&utf8);
    return 0;
}
