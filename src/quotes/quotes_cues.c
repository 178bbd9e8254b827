/* quotes_cues.c: the cue lexicon of the quote finder, loaded from
 * data/quotes/cues.txt. Entries are kept by their first word in the one
 * hash map, so matching a token costs one or two look-ups (its text and
 * its lemma); multi-word entries are then checked word by word. */
#include "quotes/quotes.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"
#include "dict/dict_read.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { CUE_MAX_WORDS = 6, CUE_WORD_MAX = 64 };

typedef struct cue_entry {
    uint8_t kind;
    uint8_t n_words;
    const char *words[CUE_MAX_WORDS];
    struct cue_entry *next; /* the next entry with the same first word */
} cue_entry;

struct dl_quoter {
    dl_arena *arena;  /* words and entries */
    dl_map *by_first; /* first word -> cue_entry list */
    size_t n_entries;
};

static const struct {
    const char *name;
    dl_cue_kind kind;
} kind_names[] = {
    {"verb", DL_CUE_VERB},           {"addressee", DL_CUE_ADDRESSEE}, {"quoting", DL_CUE_QUOTING},
    {"according", DL_CUE_ACCORDING}, {"naming", DL_CUE_NAMING},       {"statement", DL_CUE_STATEMENT},
    {"notspeaker", DL_CUE_NOT_SPEAKER}, {"noun", DL_CUE_NOUN},
    {"depicting", DL_CUE_DEPICTING},  {"picture", DL_CUE_PICTURE},
};

/* Lower-cases ASCII letters of s (n bytes) into out; false when too long. */
static bool lower_copy(char *out, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
    return true;
}

static dl_status add_entry(dl_quoter *q, dl_cue_kind kind, char *words)
{
    cue_entry *e = DL_ARENA_NEW(q->arena, cue_entry, 1);
    if (!e)
        return DL_ERR_NOMEM;
    e->kind = (uint8_t)kind;
    char *save = NULL;
    for (char *w = strtok_r(words, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (e->n_words == CUE_MAX_WORDS)
            return DL_ERR_PARSE;
        char low[CUE_WORD_MAX];
        if (!lower_copy(low, sizeof low, w, strlen(w)))
            return DL_ERR_PARSE;
        if (!(e->words[e->n_words++] = dl_arena_strdup(q->arena, low)))
            return DL_ERR_NOMEM;
    }
    if (e->n_words == 0)
        return DL_ERR_PARSE;
    bool created;
    void **slot = dl_map_slot(q->by_first, e->words[0], strlen(e->words[0]), &created);
    if (!slot)
        return DL_ERR_NOMEM;
    e->next = *slot;
    *slot = e;
    q->n_entries++;
    return DL_OK;
}

dl_status dl_quoter_load(dl_quoter **out, const char *path, dl_diag_fn diag, void *user)
{
    *out = NULL;
    dl_quoter *q = calloc(1, sizeof *q);
    if (!q || !(q->arena = dl_arena_new(0)) || !(q->by_first = dl_map_new())) {
        dl_quoter_close(q);
        return DL_ERR_NOMEM;
    }
    dl_dict_file f;
    dl_status st = dl_dict_file_open(&f, path, diag, user);
    dl_dict_line line;
    while (!st && dl_dict_file_next(&f, &line)) {
        char *text = line.text;
        if (!*text)
            continue; /* a comment line */
        size_t k = strcspn(text, " \t");
        if (text[k] == '\0') {
            dl_dict_warn(&f, line.number, "a cue line is KIND WORDS...; no words here, line skipped");
            continue;
        }
        text[k] = '\0';
        dl_cue_kind kind = DL_CUE_NONE;
        for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
            if (!strcasecmp(kind_names[i].name, text))
                kind = kind_names[i].kind;
        if (kind == DL_CUE_NONE) {
            dl_dict_warn(&f, line.number, "unknown cue kind '%s'; line skipped", text);
            continue;
        }
        st = add_entry(q, kind, text + k + 1);
        if (st == DL_ERR_PARSE) {
            dl_dict_warn(&f, line.number, "too many or too long words in a cue; line skipped");
            st = DL_OK;
        }
    }
    dl_dict_file_close(&f); /* safe after a failed open, which zeroes f */
    if (!st && q->n_entries == 0)
        st = DL_ERR_EMPTY;
    if (st) {
        dl_quoter_close(q);
        return st;
    }
    *out = q;
    return DL_OK;
}

dl_status dl_quoter_open(dl_quoter **out, const char *data_dir, dl_diag_fn diag, void *user)
{
    *out = NULL;
    if (!data_dir)
        data_dir = dl_data_dir();
    if (!data_dir)
        return DL_ERR_IO;
    dl_buf path = DL_BUF_INIT;
    dl_status st = dl_buf_printf(&path, "%s/quotes/cues.txt", data_dir);
    if (!st)
        st = dl_quoter_load(out, path.data, diag, user);
    dl_buf_free(&path);
    return st;
}

void dl_quoter_close(dl_quoter *q)
{
    if (!q)
        return;
    dl_map_free(q->by_first);
    dl_arena_free(q->arena);
    free(q);
}

/* Does token t stand for cue word w (lower case)? Its text, lower-cased,
 * or its lemma must equal w. */
static bool word_is(const dl_token *t, const char *w)
{
    if (t->text && !strcasecmp(t->text, w))
        return true;
    return t->lemma && !strcmp(t->lemma, w);
}

/* Tries the entry list for one first word; keeps the best in *best. */
static void try_entries(const cue_entry *e, const dl_token *toks, size_t n, size_t i, unsigned mask,
                        const cue_entry **best)
{
    for (; e; e = e->next) {
        if (!(mask & DL_CUE_MASK(e->kind)) || i + e->n_words > n)
            continue;
        size_t k = 1;
        while (k < e->n_words && word_is(&toks[i + k], e->words[k]))
            k++;
        if (k < e->n_words)
            continue;
        /* The longer entry wins ("call for" over "call"); between equal
         * lengths, the kind with the lower number (verbs first). */
        if (!*best || e->n_words > (*best)->n_words ||
            (e->n_words == (*best)->n_words && e->kind < (*best)->kind))
            *best = e;
    }
}

dl_cue_kind dl_quoter_match(const dl_quoter *q, const dl_token *toks, size_t n, size_t i,
                            unsigned mask, size_t *len)
{
    *len = 0;
    if (!q || i >= n)
        return DL_CUE_NONE;
    const dl_token *t = &toks[i];
    const cue_entry *best = NULL;
    char low[CUE_WORD_MAX];
    if (t->text && lower_copy(low, sizeof low, t->text, strlen(t->text)))
        try_entries(dl_map_get(q->by_first, low, strlen(low)), toks, n, i, mask, &best);
    if (t->lemma && (!t->text || strcasecmp(t->lemma, t->text) != 0))
        try_entries(dl_map_get(q->by_first, t->lemma, strlen(t->lemma)), toks, n, i, mask, &best);
    if (!best)
        return DL_CUE_NONE;
    *len = best->n_words;
    return (dl_cue_kind)best->kind;
}
