/* fuzz_stories.c: the outside bytes the corpus reads: the stories gold
 * reader (eval/eval_stories.c) and the fingerprints of article bodies
 * (corpus/fingerprint.c) on arbitrary bytes. Every gold item kept has an
 * id and a story; a text's shingles all stand in itself, its Jaccard
 * estimate with itself is 1, and its containment in itself is 1. */
#include "dateline.h"
#include "corpus/fingerprint.h"
#include "eval/eval_stories.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_stories_gold g;
    if (dl_stories_gold_read(&g, (const char *)data, size, "fuzz", NULL, NULL) == DL_OK) {
        for (size_t i = 0; i < g.n; i++)
            if (!g.items[i].id || !g.items[i].story)
                abort();
        dl_stories_gold_free(&g);
    }
    dl_fingerprint fp;
    dl_fingerprint_compute(&fp, (const char *)data, size);
    if (fp.n && (dl_fingerprint_jaccard(&fp, &fp) != 1.0 || dl_fingerprint_containment(&fp, &fp) < 0.999))
        abort();
    uint64_t *sh;
    size_t n;
    dl_shingles((const char *)data, size, &sh, &n);
    if (n != fp.n || dl_shingles_common(sh, n, sh, n) != n)
        abort();
    for (size_t i = 1; i < n; i++)
        if (sh[i - 1] >= sh[i])
            abort();
    free(sh);
    return 0;
}
