/* fuzz_pipeline.c: bytes through every stage. The input is written to a
 * file and read the way every command reads (dl_input: reader, cleaner,
 * default date), then parsed, its actors found, its quotes and events
 * made, and every record written as JSON. The token look-behinds in the
 * actor, quote and event stages only see real text this way. */
#include "dateline.h"
#include "base/buf.h"
#include "fuzz_file.h"

#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dl_pipeline *pipeline;
    if (!pipeline && dl_pipeline_open(&pipeline, NULL) != DL_OK)
        abort(); /* run with DATELINE_DATA pointing at data/ */
    char path[32];
    if (size > 1 << 16 || fuzz_write_file(path, data, size))
        return 0;
    const char *paths[] = {path};
    dl_input_options io = DL_INPUT_OPTIONS_INIT;
    io.date = "2024-11-03";
    dl_input *in = NULL;
    dl_arena *arena = dl_arena_new(0), *work = dl_arena_new(0);
    dl_buf out = DL_BUF_INIT;
    dl_article *articles;
    size_t n;
    if (arena && work && dl_input_open(&in, pipeline, paths, 1, &io) == DL_OK) {
        while (dl_input_next(in, &articles, &n, arena) == DL_OK) {
            for (size_t i = 0; i < n; i++) {
                dl_arena_reset(work);
                dl_analysis an;
                if (dl_pipeline_run(&an, pipeline, &articles[i], work) != DL_OK)
                    continue;
                for (size_t k = 0; k < an.n_sentences; k++)
                    dl_sentence_to_json(&out, &an.sentences[k], articles[i].id);
                for (size_t k = 0; k < an.n_mentions; k++)
                    dl_mention_to_json(&out, &an.mentions[k], articles[i].id);
                for (size_t k = 0; k < an.n_quotes; k++)
                    dl_quote_to_json(&out, &an.quotes[k], articles[i].id);
                for (size_t k = 0; k < an.n_events; k++)
                    dl_event_to_json(&out, &an.events[k], articles[i].id);
                dl_buf_clear(&out);
            }
            dl_arena_reset(arena);
        }
    }
    dl_input_close(in);
    dl_buf_free(&out);
    dl_arena_free(work);
    dl_arena_free(arena);
    unlink(path);
    return 0;
}
