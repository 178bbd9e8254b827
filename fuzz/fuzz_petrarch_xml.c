/* fuzz_petrarch_xml.c: the PETRARCH validation-file reader on arbitrary
 * bytes, checking that every record it keeps is whole: an id, a valid
 * date, non-empty valid UTF-8 text, and codings with all three codes. */
#include "dateline.h"
#include "base/arena.h"
#include "base/utf8.h"
#include "eval/petrarch_xml.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_diag(void *user, const dl_diag *d)
{
    (void)user;
    if (!d->file || !d->message || !*d->message)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        return 0;
    dl_petr_file f;
    if (dl_petr_parse(&f, (const char *)data, size, "fuzz", check_diag, NULL, arena) == DL_OK) {
        for (size_t i = 0; i < f.n_records; i++) {
            const dl_petr_record *r = &f.records[i];
            int32_t date;
            if (!r->id || !*r->id || !r->category || !r->text || !*r->text ||
                !dl_petr_date(r->date, &date) || date != r->date_num ||
                dl_utf8_valid_prefix(r->text, strlen(r->text)) != strlen(r->text))
                abort();
            if (r->noevents && r->n_codings)
                abort();
            for (size_t k = 0; k < r->n_codings; k++)
                if (!r->codings[k].source || !r->codings[k].target || !r->codings[k].event ||
                    !*r->codings[k].event)
                    abort();
        }
        const char **lists[] = {f.verb_files, f.actor_files, f.agent_files, f.discard_files};
        size_t counts[] = {f.n_verb_files, f.n_actor_files, f.n_agent_files, f.n_discard_files};
        for (size_t l = 0; l < 4; l++)
            for (size_t k = 0; k < counts[l]; k++)
                if (!lists[l][k] || !*lists[l][k])
                    abort();
    }
    dl_arena_free(arena);
    return 0;
}
