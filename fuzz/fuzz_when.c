/* fuzz_when.c: temporal expressions and place names in arbitrary bytes:
 * dl_when_find() against a few article dates and both tenses, every span
 * inside the input and every date it gives a real one; the gazetteer's
 * longest-name match at every position stays inside the input; the ISO
 * date checker on the bytes as a string. */
#include "dateline.h"
#include "events/gazetteer.h"
#include "events/when.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool real_day(const dl_when *w)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (w->precision == DL_WHEN_YEAR)
        return w->year > 0;
    if (w->month < 1 || w->month > 12)
        return false;
    return w->precision == DL_WHEN_MONTH || (w->day >= 1 && w->day <= mdays[w->month - 1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dl_gazetteer *g;
    static bool tried;
    if (!tried) {
        tried = true;
        if (dl_gazetteer_open(&g, NULL, NULL, NULL) != DL_OK)
            abort(); /* run with DATELINE_DATA pointing at data/ */
    }
    const char *text = (const char *)data;
    static const int32_t anchors[] = {0, 20041116, 20000229, 19991231};
    dl_when w[16];
    for (size_t a = 0; a < sizeof anchors / sizeof *anchors; a++)
        for (int tense = -1; tense <= 1; tense++) {
            size_t n = dl_when_find(w, 16, text, size, anchors[a], (dl_tense)tense);
            if (n > 16)
                abort();
            for (size_t i = 0; i < n; i++) {
                char iso[16];
                if (w[i].start > w[i].end || w[i].end > size)
                    abort();
                if (dl_when_iso(&w[i], iso) && !real_day(&w[i]))
                    abort();
                dl_when_retense(&w[i], anchors[a], (dl_tense)-tense);
            }
        }
    for (size_t i = 0; i < size && i < 4096; i++) {
        size_t len = dl_gazetteer_longest(g, text + i, size - i);
        if (len > size - i)
            abort();
        if (len)
            (void)dl_gazetteer_resolve(g, text + i, len, NULL);
    }
    char *s = malloc(size + 1);
    if (s) {
        memcpy(s, data, size);
        s[size] = 0;
        (void)dl_iso_date_valid(s);
        free(s);
    }
    return 0;
}
