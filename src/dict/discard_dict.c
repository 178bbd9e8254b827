/* discard_dict.c: TABARI/PETRARCH discard lists: one phrase per line; a
 * leading '+' discards the whole story, otherwise only the sentence. */
#include "dict/dict_read.h"
#include "base/arena.h"

#include <string.h>

dl_status dl_discard_dict_init(dl_discard_dict *d)
{
    memset(d, 0, sizeof *d);
    return (d->arena = dl_arena_new(1 << 16)) ? DL_OK : DL_ERR_NOMEM;
}

void dl_discard_dict_free(dl_discard_dict *d)
{
    dl_arena_free(d->arena);
    memset(d, 0, sizeof *d);
}

dl_status dl_discard_dict_load(dl_discard_dict *d, const char *path, dl_diag_fn diag, void *user)
{
    dl_dict_file f;
    dl_status st = dl_dict_file_open(&f, path, diag, user);
    if (st)
        return st;
    dl_dict_line l;
    while (st == DL_OK && dl_dict_file_next(&f, &l)) {
        char *s = l.text;
        while (*s == ' ' || *s == '\t')
            s++;
        bool story = *s == '+';
        s += story;
        char *phrase = dl_dict_phrase(d->arena, s, strlen(s));
        if (!phrase) {
            st = DL_ERR_NOMEM;
            break;
        }
        if (!*phrase)
            continue;
        dl_discard *e = dl_arena_push(d->arena, (void **)&d->entries, &d->n, &d->cap, sizeof *e);
        if (!e) {
            st = DL_ERR_NOMEM;
            break;
        }
        e->phrase = phrase;
        e->story = story;
    }
    dl_dict_file_close(&f);
    return st;
}
