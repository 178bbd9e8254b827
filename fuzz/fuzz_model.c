/* fuzz_model.c: the model loaders (src/text/perceptron.c, tagger.c,
 * depparse.c) on arbitrary bytes. The first byte picks what is read: the
 * container (magic, version, sizes, zlib, CRC) as a tagger or a parser
 * model, or a payload handed straight to the tagger's or the parser's
 * reader, which the checksum would otherwise keep the fuzzer away from.
 * A loaded model also tags and parses a sentence. A reader may refuse; it
 * must not crash, leak or read out of bounds. */
#include "base/arena.h"
#include "text/depparse.h"
#include "text/perceptron.h"
#include "text/tagger.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const dl_tagger *tg, const dl_depparser *dp)
{
    static const char *const words[] = {"The", "army", "said", "it", "struck", "20", "targets", "."};
    dl_token t[8];
    memset(t, 0, sizeof t);
    for (int i = 0; i < 8; i++) {
        t[i].text = words[i];
        t[i].flags = i ? DL_TOK_SPACE_BEFORE : DL_TOK_SENT_START;
    }
    if (tg)
        dl_tagger_tag(tg, t, 8);
    if (dp) {
        dl_arena *a = dl_arena_new(0);
        if (a)
            dl_depparse(dp, t, 8, a);
        dl_arena_free(a);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char why[256];
    uint8_t pick = data[0] % 4;
    data++;
    size--;
    if (pick < 2) {
        unsigned char *payload = NULL;
        size_t len = 0;
        uint32_t kind = pick == 0 ? DL_MODEL_TAGGER : DL_MODEL_PARSER;
        if (dl_model_decode(data, size, kind, &payload, &len, why, sizeof why) == DL_OK) {
            if (kind == DL_MODEL_TAGGER) {
                dl_tagger *tg = NULL;
                if (dl_tagger_from_bytes(&tg, payload, len, why, sizeof why) == DL_OK)
                    exercise(tg, NULL);
                dl_tagger_close(tg);
            } else {
                dl_depparser *dp = NULL;
                if (dl_depparser_from_bytes(&dp, payload, len, why, sizeof why) == DL_OK)
                    exercise(NULL, dp);
                dl_depparser_close(dp);
            }
        }
        free(payload);
    } else if (pick == 2) {
        dl_tagger *tg = NULL;
        if (dl_tagger_from_bytes(&tg, data, size, why, sizeof why) == DL_OK)
            exercise(tg, NULL);
        dl_tagger_close(tg);
    } else {
        dl_depparser *dp = NULL;
        if (dl_depparser_from_bytes(&dp, data, size, why, sizeof why) == DL_OK)
            exercise(NULL, dp);
        dl_depparser_close(dp);
    }
    return 0;
}
