/* fuzz_brat.c: the brat .ann reader on arbitrary bytes. The first half of
 * the input is read as annotations and the rest as the text they point
 * into, so offset fitting (characters to bytes, clamping) sees it too. */
#include "dateline.h"
#include "base/arena.h"
#include "eval/brat.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t half = size / 2;
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        return 0;
    dl_brat b;
    if (dl_brat_parse(&b, (const char *)data, half, arena) == DL_OK) {
        size_t bad;
        const char *text = (const char *)data + half;
        size_t len = size - half;
        if (dl_brat_fit_offsets(&b, text, len, &bad, arena) == DL_OK) {
            for (size_t i = 0; i < b.n_entities; i++)
                for (uint32_t k = 0; k < b.entities[i].n_spans; k++)
                    if (b.entities[i].spans[k].end > len || b.entities[i].spans[k].start > b.entities[i].spans[k].end)
                        abort();
        }
        for (size_t i = 0; i < b.n_events; i++) {
            uint32_t from = 0;
            while (dl_brat_event_arg(&b, &b.events[i], "Content", &from) >= 0)
                ;
        }
    }
    dl_arena_free(arena);
    return 0;
}
