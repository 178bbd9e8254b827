/* coder.c: loading and compiling the coder's dictionaries.
 *
 * Verb dictionaries (TABARI/PETRARCH format) are compiled once: every
 * verb is indexed by its head word, both the base form and each irregular
 * form the dictionary lists, so a token is looked up by its lemma or its
 * text in one hash probe. Patterns are split into typed elements. The
 * CAMEO table gives each code its Goldstein score, quad class and PLOVER
 * mapping; discards and nominal frames are compiled to word lists. */
#include "events/coder_int.h"
#include "events/factuality.h"
#include "base/lines.h"
#include "base/arena.h"
#include "base/buf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char **dl_coder_words(dl_arena *arena, const char *phrase, uint8_t *n)
{
    size_t cap = 1;
    for (const char *p = phrase; *p; p++)
        cap += *p == ' ' || *p == '_';
    const char **w = DL_ARENA_NEW(arena, const char *, cap);
    *n = 0;
    if (!w)
        return NULL;
    const char *p = phrase;
    while (*p && *n < 255) {
        while (*p == ' ' || *p == '_')
            p++;
        const char *b = p;
        while (*p && *p != ' ' && *p != '_')
            p++;
        if (p == b)
            break;
        char *word = dl_arena_strndup(arena, b, (size_t)(p - b));
        if (!word)
            return NULL;
        for (char *c = word; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        w[(*n)++] = word;
    }
    return w;
}

static dl_status index_word(dl_coder *c, const char *word, uint32_t verb)
{
    void **slot = dl_map_slot(c->by_word, word, strlen(word), NULL);
    verb_ref *r = DL_ARENA_NEW(c->arena, verb_ref, 1);
    if (!slot || !r)
        return DL_ERR_NOMEM;
    /* Append, so verbs keep their dictionary order. */
    r->verb = verb;
    verb_ref **tail = (verb_ref **)slot;
    while (*tail)
        tail = &(*tail)->next;
    *tail = r;
    return DL_OK;
}

static dl_status compile_verbs(dl_coder *c)
{
    const dl_verb_dict *d = &c->verbs;
    c->cverbs = DL_ARENA_NEW(c->arena, cverb, d->n_verbs + 1);
    if (!c->cverbs)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < d->n_verbs; i++) {
        const dl_verb_entry *v = &d->verbs[i];
        cverb *cv = &c->cverbs[i];
        cv->src = v;
        cv->words = dl_coder_words(c->arena, v->phrase, &cv->n_words);
        if (!cv->words)
            return DL_ERR_NOMEM;
        if (!cv->n_words)
            continue;
        cv->head = v->head < cv->n_words ? v->head : 0;
        cv->code = v->code;
        cv->block = v->block;
        dl_status st = index_word(c, cv->words[cv->head], (uint32_t)i);
        /* Irregular forms: index the form's word at the head position. */
        for (uint32_t f = 0; !st && f < v->n_forms; f++) {
            uint8_t nf;
            const char **fw = dl_coder_words(c->arena, v->forms[f], &nf);
            if (!fw)
                return DL_ERR_NOMEM;
            if (nf > cv->head && strcmp(fw[cv->head], cv->words[cv->head]))
                st = index_word(c, fw[cv->head], (uint32_t)i);
        }
        if (st)
            return st;
    }
    return DL_OK;
}

/* Is w a word of negation or a modal? */
static bool negation_word(const char *w, size_t n)
{
    /* and modals: a pattern that names one ("INDICATED WOULD * NOW")
     * has coded what the modality means */
    static const char *const words[] = {"not", "n't", "never", "no", "cannot", "would", "should", "could",
                                        "might", "may", "must", "can"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
            return true;
    return false;
}

/* Does a phrase of the synset (or of the synsets it names) hold a word of
 * negation? */
static bool negative_set(const dl_verb_dict *d, const dl_synset *set, int depth)
{
    if (!set || depth > 4)
        return false;
    for (uint32_t i = 0; i < set->n_phrases; i++) {
        const char *p = set->phrases[i];
        if (p[0] == '&') {
            if (negative_set(d, dl_verb_dict_synset(d, p), depth + 1))
                return true;
            continue;
        }
        while (*p) {
            size_t n = strcspn(p, " _");
            if (negation_word(p, n))
                return true;
            p += n;
            p += strspn(p, " _");
        }
    }
    return false;
}

static dl_status compile_patterns(dl_coder *c)
{
    const dl_verb_dict *d = &c->verbs;
    c->cpatterns = DL_ARENA_NEW(c->arena, cpattern, d->n_patterns + 1);
    if (!c->cpatterns)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < d->n_patterns; i++) {
        const dl_verb_pattern *p = &d->patterns[i];
        cpattern *cp = &c->cpatterns[i];
        cp->src = p;
        cp->code = p->code;
        cp->cyber = p->comment && strstr(p->comment, "cyber");
        /* "[032:033]": the reader keeps the first code; the second, for
         * the same event seen from the target, is read from the line. */
        const char *br = p->text ? strrchr(p->text, '[') : NULL;
        const char *colon = br ? strchr(br, ':') : NULL;
        const char *close = br ? strchr(br, ']') : NULL;
        if (colon && close && colon < close) {
            const char *a = colon + 1;
            while (*a == ' ')
                a++;
            size_t an = (size_t)(close - a);
            while (an && a[an - 1] == ' ')
                an--;
            if (an && !(cp->alt = dl_arena_strndup(c->arena, a, an)))
                return DL_ERR_NOMEM;
        }
        size_t cap = 0;
        for (uint32_t k = 0; k < p->n_elems; k++)
            cap += 1 + strlen(p->elems[k]);
        cp->e = DL_ARENA_NEW(c->arena, pelem, cap + 1);
        if (!cp->e)
            return DL_ERR_NOMEM;
        bool have_verb = false;
        for (uint32_t k = 0; k < p->n_elems; k++) {
            /* "IN_*" and "*_OUT" glue parts of one element together. */
            const char *s = p->elems[k];
            bool first_part = true;
            while (*s) {
                const char *b = s;
                while (*s && *s != '_')
                    s++;
                size_t len = (size_t)(s - b);
                if (*s == '_')
                    s++;
                if (!len)
                    continue;
                pelem *e = &cp->e[cp->n];
                e->glued = !first_part;
                first_part = false;
                if (len == 1 && *b == '*') {
                    e->kind = PE_VERB;
                    cp->verb = cp->n;
                    have_verb = true;
                } else if (len == 1 && *b == '$') {
                    e->kind = PE_SOURCE;
                } else if (len == 1 && *b == '+') {
                    e->kind = PE_TARGET;
                } else if (len == 1 && *b == '^') {
                    e->kind = PE_SKIP;
                } else if (len == 1 && *b == '%') {
                    e->kind = PE_COMPOUND;
                    cp->compound = true;
                } else if (*b == '&') {
                    char name[128];
                    snprintf(name, sizeof name, "%.*s", (int)len, b);
                    e->kind = PE_SET;
                    e->set = dl_verb_dict_synset(d, name);
                    if (!e->set)
                        continue; /* an unknown synset can never match: drop the pattern below */
                    cp->negation |= !have_verb && negative_set(d, e->set, 0);
                } else {
                    char *w = dl_arena_strndup(c->arena, b, len);
                    if (!w)
                        return DL_ERR_NOMEM;
                    for (char *q = w; *q; q++)
                        *q = (char)tolower((unsigned char)*q);
                    e->kind = PE_WORD;
                    e->word = w;
                    cp->negation |= !have_verb && negation_word(w, len); /* "MAY_DAY" after '*' is no modal */
                }
                cp->n++;
            }
        }
        if (!have_verb)
            cp->n = 0; /* a pattern without '*' cannot be placed: never matches */
    }
    return DL_OK;
}

static dl_status load_nominal(dl_coder *c, const char *path, dl_diag_fn diag, void *user)
{
    dl_lines l;
    if (dl_lines_open(&l, path, false, diag, user))
        return DL_OK; /* optional: a user's own dictionaries may come without one */
    char *line;
    size_t len, room = 0;
    dl_status st = DL_OK;
    c->nominal_file = dl_arena_strdup(c->arena, path);
    while (!st && dl_lines_next(&l, &line, &len)) {
        uint32_t number = l.number;
        char *tab = strchr(line, '\t');
        if (!tab) {
            dl_lines_warn(&l, "a frame line is CODE<TAB>frame; no tab here, line skipped");
            continue;
        }
        *tab = '\0';
        char *frame = tab + 1;
        if (c->n_frames == room) {
            room = room ? room * 2 : 32;
            nframe *nf = dl_arena_grow(c->arena, c->frames, c->n_frames * sizeof *nf, room * sizeof *nf);
            if (!nf) {
                st = DL_ERR_NOMEM;
                break;
            }
            c->frames = nf;
        }
        nframe *fr = &c->frames[c->n_frames];
        memset(fr, 0, sizeof *fr);
        fr->code = dl_arena_strdup(c->arena, line);
        fr->words = dl_coder_words(c->arena, frame, &fr->n);
        fr->line = number;
        if (!fr->code || !fr->words) {
            st = DL_ERR_NOMEM;
            break;
        }
        for (uint8_t k = 0; k < fr->n; k++)
            fr->has_source |= !strcmp(fr->words[k], "$"), fr->has_target |= !strcmp(fr->words[k], "+");
        if (fr->n)
            c->n_frames++;
    }
    dl_lines_close(&l);
    return st;
}

/* Frames by their first word; a frame opening with '$' or '+' is listed
 * under "" and tried everywhere. */
static dl_status index_frames(dl_coder *c)
{
    if (!(c->frame_words = dl_map_new()))
        return DL_ERR_NOMEM;
    for (size_t f = 0; f < c->n_frames; f++) {
        const char *w = c->frames[f].words[0];
        if ((w[0] == '$' || w[0] == '+') && !w[1])
            w = "";
        void **slot = dl_map_slot(c->frame_words, w, strlen(w), NULL);
        frame_ref *r = DL_ARENA_NEW(c->arena, frame_ref, 1);
        if (!slot || !r)
            return DL_ERR_NOMEM;
        r->frame = (uint32_t)f;
        r->next = *slot;
        *slot = r;
    }
    return DL_OK;
}

void dl_coder_close(dl_coder *c)
{
    if (!c)
        return;
    dl_verb_dict_free(&c->verbs);
    dl_discard_dict_free(&c->discards);
    dl_cameo_close(c->cameo);
    dl_map_free(c->by_word);
    dl_map_free(c->fact_words);
    dl_map_free(c->frame_words);
    dl_whenwhere_close(c->whenwhere);
    dl_arena_free(c->arena);
    free(c);
}

dl_status dl_coder_open(dl_coder **out, const dl_coder_options *options)
{
    dl_coder_options defaults = DL_CODER_OPTIONS_INIT;
    const dl_coder_options *o = options ? options : &defaults;
    const char *dir = o->data_dir ? o->data_dir : dl_data_dir();
    dl_coder *c = calloc(1, sizeof *c);
    if (!c)
        return DL_ERR_NOMEM;
    c->petrarch = o->petrarch;
    dl_status st = (c->arena = dl_arena_new(1 << 20)) && (c->by_word = dl_map_new()) ? DL_OK : DL_ERR_NOMEM;
    if (!st)
        st = dl_verb_dict_init(&c->verbs);
    if (!st)
        st = dl_discard_dict_init(&c->discards);
    dl_buf path = DL_BUF_INIT;
    if (!st && o->n_verb_files) {
        for (size_t i = 0; !st && i < o->n_verb_files; i++)
            st = dl_verb_dict_load(&c->verbs, o->verb_files[i], o->diag, o->diag_user);
    } else if (!st) {
        dl_buf_printf(&path, "%s/verbs.txt", dir);
        st = dl_verb_dict_load(&c->verbs, path.data, o->diag, o->diag_user);
    }
    if (!st && o->n_discard_files) {
        for (size_t i = 0; !st && i < o->n_discard_files; i++)
            st = dl_discard_dict_load(&c->discards, o->discard_files[i], o->diag, o->diag_user);
    } else if (!st) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/discards.txt", dir);
        st = dl_discard_dict_load(&c->discards, path.data, o->diag, o->diag_user);
    }
    if (!st) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/cameo.tsv", dir);
        st = dl_cameo_open(&c->cameo, path.data, o->diag, o->diag_user);
    }
    if (!st) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/nominal.txt", dir);
        st = load_nominal(c, path.data, o->diag, o->diag_user);
    }
    if (!st) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/lexicon/factuality.tsv", dir);
        st = dl_fact_load(c, path.data, o->diag, o->diag_user);
    }
    dl_buf_free(&path);
    /* Explanations name the data files relative to the data folder, so a
     * stored event does not carry the path of the machine that coded it. */
    for (size_t i = 0; i < c->verbs.n_blocks; i++)
        c->verbs.blocks[i].file = dl_data_relative(c->verbs.blocks[i].file, dir);
    for (size_t i = 0; i < c->verbs.n_patterns; i++)
        c->verbs.patterns[i].file = dl_data_relative(c->verbs.patterns[i].file, dir);
    if (c->nominal_file)
        c->nominal_file = dl_data_relative(c->nominal_file, dir);
    if (!st)
        st = index_frames(c);
    if (!st)
        st = dl_whenwhere_open(&c->whenwhere, dir, o->diag, o->diag_user);
    if (!st)
        st = compile_verbs(c);
    if (!st)
        st = compile_patterns(c);
    if (!st) {
        c->discard = DL_ARENA_NEW(c->arena, cphrase, c->discards.n + 1);
        if (!c->discard)
            st = DL_ERR_NOMEM;
        for (size_t i = 0; !st && i < c->discards.n; i++) {
            cphrase *p = &c->discard[c->n_discard];
            p->words = dl_coder_words(c->arena, c->discards.entries[i].phrase, &p->n);
            p->story = c->discards.entries[i].story;
            if (!p->words)
                st = DL_ERR_NOMEM;
            else if (p->n)
                c->n_discard++;
        }
    }
    if (st) {
        dl_coder_close(c);
        return st;
    }
    *out = c;
    return DL_OK;
}

/* Does the discard phrase p occur in sentence s? The first letter is
 * compared before strcasecmp: this runs for every token of every
 * sentence against every discard phrase. */
static bool has_phrase(const dl_sentence *s, const cphrase *p)
{
    if (!p->n)
        return false;
    int c0 = tolower((unsigned char)p->words[0][0]);
    for (uint32_t i = 0; i + p->n <= s->n_tokens; i++) {
        if (tolower((unsigned char)s->tokens[i].text[0]) != c0)
            continue;
        uint8_t k = 0;
        while (k < p->n && strcasecmp(s->tokens[i + k].text, p->words[k]) == 0)
            k++;
        if (k == p->n)
            return true;
    }
    return false;
}

dl_status dl_code_events(dl_event **events, size_t *n_events, const dl_coder *c, const dl_article *a,
                         const dl_sentence *sentences, size_t n_sentences, const dl_mention *mentions,
                         size_t n_mentions, const dl_quote *quotes, size_t n_quotes, dl_arena *arena)
{
    event_list list = {0};
    *events = NULL;
    *n_events = 0;
    /* A story-level discard ("+World Cup") drops the whole article. */
    for (size_t si = 0; si < n_sentences; si++)
        for (size_t k = 0; k < c->n_discard; k++)
            if (c->discard[k].story && has_phrase(&sentences[si], &c->discard[k]))
                return DL_OK;
    /* Per-sentence indexes of mentions and quotes (counting sort, order
     * kept), so that coding a sentence does not scan the whole article. */
    coder_article art = {.dateline_mention = dl_coder_dateline_mention(a, mentions, n_mentions)};
    size_t *mat = DL_ARENA_NEW(arena, size_t, n_sentences + 1);
    size_t *qat = DL_ARENA_NEW(arena, size_t, n_sentences + 1);
    uint32_t *mix = DL_ARENA_NEW(arena, uint32_t, n_mentions ? n_mentions : 1);
    if (!mat || !qat || !mix)
        return DL_ERR_NOMEM;
    memset(mat, 0, (n_sentences + 1) * sizeof *mat);
    memset(qat, 0, (n_sentences + 1) * sizeof *qat);
    for (size_t m = 0; m < n_mentions; m++)
        if (mentions[m].sentence < n_sentences)
            mat[mentions[m].sentence + 1]++;
    for (size_t si = 0; si < n_sentences; si++)
        mat[si + 1] += mat[si];
    {
        size_t *fill = DL_ARENA_NEW(arena, size_t, n_sentences + 1);
        if (!fill)
            return DL_ERR_NOMEM;
        memcpy(fill, mat, (n_sentences + 1) * sizeof *fill);
        for (size_t m = 0; m < n_mentions; m++)
            if (mentions[m].sentence < n_sentences)
                mix[fill[mentions[m].sentence]++] = (uint32_t)m;
    }
    /* a quote is listed under each sentence it overlaps, from the one it
     * starts in; sentences are in text order */
    size_t n_qix = 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *qix = NULL;
        size_t *fill = NULL;
        if (pass) {
            for (size_t si = 0; si < n_sentences; si++)
                qat[si + 1] += qat[si];
            qix = DL_ARENA_NEW(arena, uint32_t, n_qix ? n_qix : 1);
            fill = DL_ARENA_NEW(arena, size_t, n_sentences + 1);
            if (!qix || !fill)
                return DL_ERR_NOMEM;
            memcpy(fill, qat, (n_sentences + 1) * sizeof *fill);
            art.quote_ix = qix;
        }
        for (size_t q = 0; q < n_quotes; q++) {
            const dl_quote *qq = &quotes[q];
            if (!qq->direct || !qq->speaker_code)
                continue;
            for (size_t si = qq->sentence; si < n_sentences && sentences[si].start < qq->end; si++) {
                if (sentences[si].end <= qq->start)
                    continue;
                if (pass)
                    qix[fill[si]++] = (uint32_t)q;
                else {
                    qat[si + 1]++;
                    n_qix++;
                }
            }
        }
    }
    art.mention_ix = mix;
    art.mention_at = mat;
    art.quote_at = qat;
    for (size_t si = 0; si < n_sentences; si++) {
        bool discard = false;
        for (size_t k = 0; k < c->n_discard && !discard; k++)
            discard = has_phrase(&sentences[si], &c->discard[k]);
        if (discard)
            continue;
        dl_status st = dl_coder_sentence(&list, c, a, &sentences[si], si, mentions, n_mentions,
                                         quotes, n_quotes, &art, arena);
        if (st)
            return st;
    }
    *events = list.items;
    *n_events = list.n;
    return DL_OK;
}
