/* fuzz_gum.c: the GUM entity reader (eval/gum.c) on arbitrary bytes: every
 * mention it gives must lie inside its document's text. */
#include "dateline.h"
#include "base/arena.h"
#include "eval/gum.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        return 0;
    dl_gum_doc *docs;
    size_t n;
    uint64_t bad;
    if (dl_gum_parse(&docs, &n, (const char *)data, size, arena, &bad) == DL_OK) {
        for (size_t d = 0; d < n; d++)
            for (size_t i = 0; i < docs[d].n_mentions; i++) {
                const dl_gum_mention *m = &docs[d].mentions[i];
                if (m->end > docs[d].len || m->start > m->end || m->core_end > m->end || m->core_start < m->start)
                    abort();
            }
    }
    dl_arena_free(arena);
    return 0;
}
