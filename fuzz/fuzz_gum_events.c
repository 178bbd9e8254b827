/* fuzz_gum_events.c: the GUM reader (eval/gum_events.c) on arbitrary
 * bytes, read both as CoNLL-U and, against what that gave, as gold. Every
 * sentence span must lie in its document, and every gold sentence must be
 * a substring of its document's text. */
#include "dateline.h"
#include "base/arena.h"
#include "eval/gum_events.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        return 0;
    const char *text = (const char *)data;
    dl_gum_corpus c = {0};
    uint64_t bad, first_bad;
    if (dl_gum_read(&c, text, size, arena, &bad, &first_bad) == DL_OK) {
        for (size_t i = 0; i < c.n_docs; i++) {
            const dl_gum_doc *d = &c.docs[i];
            if (!d->id || !d->text || strlen(d->text) > d->len)
                abort();
            for (size_t k = 0; k < d->n_sentences; k++)
                if (d->sentences[k].start > d->sentences[k].end || d->sentences[k].end > d->len)
                    abort();
        }
        dl_event_gold g;
        if (dl_gum_gold_parse(&g, text, size, &c, arena, &bad, &first_bad) == DL_OK) {
            for (size_t i = 0; i < g.n_articles; i++) {
                const dl_gold_article *ga = &g.articles[i];
                const dl_gum_doc *d = dl_gum_find_doc(&c, ga->article);
                for (size_t k = 0; k < ga->n_events; k++)
                    if (!d || !ga->events[k].sentence || !memmem(d->text, d->len, ga->events[k].sentence,
                                                                 strlen(ga->events[k].sentence)))
                        abort();
            }
        }
    }
    dl_arena_free(arena);
    return 0;
}
