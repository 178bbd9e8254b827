/* fuzz_dict.c: the readers of user-supplied tables on arbitrary bytes:
 * TABARI/PETRARCH actor, agent, verb and discard dictionaries, the CAMEO
 * table and CoNLL-U gold files. The first byte picks the reader; the rest
 * is written to a file and loaded. A reader may warn; it must not crash,
 * leak or read out of bounds. */
#include "base/arena.h"
#include "dict/dict.h"
#include "events/cameo.h"
#include "text/conllu.h"

#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const dl_diag *d) { (void)user, (void)d; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char path[32];
    if (fuzz_write_file(path, data + 1, size - 1))
        return 0;
    switch (data[0] % 6) {
    case 0: {
        dl_actor_dict d;
        if (!dl_actor_dict_init(&d)) {
            dl_actor_dict_load(&d, path, ignore, NULL);
            for (size_t i = 0; i < d.n; i++)
                dl_actor_code_on(&d.entries[i], 20231028);
        }
        dl_actor_dict_free(&d);
        break;
    }
    case 1: {
        dl_agent_dict d;
        if (!dl_agent_dict_init(&d))
            dl_agent_dict_load(&d, path, ignore, NULL);
        dl_agent_dict_free(&d);
        break;
    }
    case 2: {
        dl_verb_dict d;
        if (!dl_verb_dict_init(&d))
            dl_verb_dict_load(&d, path, ignore, NULL);
        dl_verb_dict_free(&d);
        break;
    }
    case 3: {
        dl_discard_dict d;
        if (!dl_discard_dict_init(&d))
            dl_discard_dict_load(&d, path, ignore, NULL);
        dl_discard_dict_free(&d);
        break;
    }
    case 4: {
        dl_cameo *c = NULL;
        if (!dl_cameo_open(&c, path, ignore, NULL)) {
            dl_cameo_get(c, "1951");
            dl_cameo_close(c);
        }
        break;
    }
    default: {
        dl_arena *arena = dl_arena_new(0);
        dl_conllu doc;
        uint64_t bad_line = 0;
        if (arena)
            dl_conllu_parse(&doc, (const char *)data + 1, size - 1, arena, &bad_line);
        dl_arena_free(arena);
        break;
    }
    }
    unlink(path);
    return 0;
}
