/* fuzz_event_gold.c: the event gold reader (eval/event_gold.c) on
 * arbitrary bytes; every event it keeps must have a sentence and a code of
 * two to four digits. */
#include "dateline.h"
#include "base/arena.h"
#include "eval/event_gold.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        return 0;
    dl_event_gold g;
    uint64_t bad, first_bad;
    if (dl_event_gold_parse(&g, (const char *)data, size, arena, &bad, &first_bad) == DL_OK) {
        for (size_t i = 0; i < g.n_articles; i++) {
            const dl_gold_article *a = &g.articles[i];
            if (!a->article || dl_event_gold_find(&g, a->article) == NULL)
                abort();
            for (size_t k = 0; k < a->n_events; k++) {
                const dl_gold_event *e = &a->events[k];
                size_t n = strlen(e->cameo);
                if (!e->sentence || n < 2 || n > 4 || !e->factuality)
                    abort();
            }
        }
    }
    dl_arena_free(arena);
    return 0;
}
