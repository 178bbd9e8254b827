/* conllu.c: reading CoNLL-U and scoring tags and sentence boundaries.
 *
 * The reader keeps only what dateline is scored on: each word's form, lemma,
 * tags and SpaceAfter, and each sentence's text and document breaks. */
#include "text/conllu.h"
#include "base/arena.h"
#include "text/tagger.h"

#include <stdlib.h>
#include <string.h>

/* Penn names in dl_tag order. Kept here rather than borrowed from the
 * parser so that scoring depends on nothing but the tagger. */
static const char *const tag_names[DL_TAG_COUNT] = {
    "", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''",
    "-LRB-", "-RRB-", "#", "$", "HYPH", "NFP", "ADD", "AFX", "GW", "XX",
};

const char *dl_conllu_tag_name(dl_tag tag)
{
    return (unsigned)tag < DL_TAG_COUNT ? tag_names[tag] : "";
}

double dl_ratio(uint64_t num, uint64_t den) { return den ? (double)num / (double)den : 0.0; }

/* Splits line [p, e) at tabs into at most max fields. */
static size_t split_tabs(const char *p, const char *e, const char **f, size_t *fl, size_t max)
{
    size_t n = 0;
    while (n < max) {
        const char *t = memchr(p, '\t', (size_t)(e - p));
        f[n] = p;
        fl[n] = (size_t)((t ? t : e) - p);
        n++;
        if (!t)
            break;
        p = t + 1;
    }
    return n;
}

static bool starts(const char *p, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(e - p) >= n && memcmp(p, lit, n) == 0;
}

dl_status dl_conllu_parse(dl_conllu *out, const char *text, size_t len, dl_arena *arena,
                          uint64_t *bad_line)
{
    memset(out, 0, sizeof *out);
    *bad_line = 0;
    size_t cap_s = 64, n_s = 0;
    dl_conllu_sentence *sents = DL_ARENA_NEW(arena, dl_conllu_sentence, cap_s);
    size_t cap_w = 64, n_w = 0;
    dl_conllu_word *words = DL_ARENA_NEW(arena, dl_conllu_word, cap_w);
    if (!sents || !words)
        return DL_ERR_NOMEM;
    dl_conllu_sentence cur = {.newdoc = true};
    const char *doc_id = NULL;
    const char *p = text, *end = text + len;
    uint64_t line = 0;
    while (p <= end) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e--;
        line++;
        if (p == e) {
            if (n_w > 0) {
                if (n_s == cap_s) {
                    sents = dl_arena_grow(arena, sents, cap_s * sizeof *sents, cap_s * 2 * sizeof *sents);
                    if (!sents)
                        return DL_ERR_NOMEM;
                    cap_s *= 2;
                }
                cur.words = DL_ARENA_NEW(arena, dl_conllu_word, n_w);
                if (!cur.words)
                    return DL_ERR_NOMEM;
                memcpy(cur.words, words, n_w * sizeof *words);
                cur.n_words = n_w;
                cur.doc_id = doc_id;
                sents[n_s++] = cur;
                memset(&cur, 0, sizeof cur);
                n_w = 0;
            }
        } else if (*p == '#') {
            if (starts(p, e, "# newdoc id = "))
                doc_id = dl_arena_strndup(arena, p + 14, (size_t)(e - p - 14));
            if (starts(p, e, "# newdoc"))
                cur.newdoc = true;
            else if (starts(p, e, "# newpar"))
                cur.newpar = true;
            else if (starts(p, e, "# text = "))
                cur.text = dl_arena_strndup(arena, p + 9, (size_t)(e - p - 9));
            else if (starts(p, e, "# sent_id = "))
                cur.id = dl_arena_strndup(arena, p + 12, (size_t)(e - p - 12));
        } else {
            const char *f[10];
            size_t fl[10];
            if (split_tabs(p, e, f, fl, 10) != 10) {
                *bad_line = line;
                return DL_ERR_PARSE;
            }
            /* Multi-word token ranges and empty nodes are not words. */
            if (!memchr(f[0], '-', fl[0]) && !memchr(f[0], '.', fl[0])) {
                if (n_w == cap_w) {
                    words = dl_arena_grow(arena, words, cap_w * sizeof *words, cap_w * 2 * sizeof *words);
                    if (!words)
                        return DL_ERR_NOMEM;
                    cap_w *= 2;
                }
                dl_conllu_word *w = &words[n_w++];
                w->form = dl_arena_strndup(arena, f[1], fl[1]);
                w->lemma = dl_arena_strndup(arena, f[2], fl[2]);
                w->upos = dl_arena_strndup(arena, f[3], fl[3]);
                w->xpos = dl_arena_strndup(arena, f[4], fl[4]);
                w->deprel = dl_arena_strndup(arena, f[7], fl[7]);
                w->head = -1;
                if (fl[6] && fl[6] < 9 && f[6][0] >= '0' && f[6][0] <= '9') {
                    long h = 0;
                    for (size_t c = 0; c < fl[6] && f[6][c] >= '0' && f[6][c] <= '9'; c++)
                        h = h * 10 + (f[6][c] - '0');
                    w->head = (int32_t)h - 1;
                }
                w->space_after = true;
                for (const char *m = f[9]; m + 13 <= f[9] + fl[9]; m++)
                    if (memcmp(m, "SpaceAfter=No", 13) == 0)
                        w->space_after = false;
                if (!w->form || !w->xpos || !w->deprel)
                    return DL_ERR_NOMEM;
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    if (n_w > 0) {
        *bad_line = line;
        return DL_ERR_PARSE; /* the last sentence has no closing blank line */
    }
    out->sentences = sents;
    out->n_sentences = n_s;
    return DL_OK;
}

static bool is_quote(const char *s)
{
    return !strcmp(s, "\"") || !strcmp(s, "'") || !strcmp(s, "``") || !strcmp(s, "''") ||
           !strcmp(s, "\xe2\x80\x9c") || !strcmp(s, "\xe2\x80\x9d") || !strcmp(s, "\xe2\x80\x98") ||
           !strcmp(s, "\xe2\x80\x99");
}

dl_token *dl_conllu_tokens(const dl_conllu_sentence *s, dl_arena *arena)
{
    dl_token *t = DL_ARENA_NEW(arena, dl_token, s->n_words ? s->n_words : 1);
    if (!t)
        return NULL;
    bool open = false;
    for (size_t i = 0; i < s->n_words; i++) {
        const char *f = s->words[i].form;
        t[i].text = f;
        t[i].start = t[i].end = 0;
        if (i == 0)
            t[i].flags |= DL_TOK_SENT_START;
        else if (s->words[i - 1].space_after)
            t[i].flags |= DL_TOK_SPACE_BEFORE;
        if (is_quote(f) && strcmp(f, "'") != 0) {
            /* A straight quote opens when the last one closed. */
            bool opening = !strcmp(f, "``") || !strcmp(f, "\xe2\x80\x9c") ||
                           !strcmp(f, "\xe2\x80\x98") ||
                           ((!strcmp(f, "\"")) && !open);
            if (!strcmp(f, "''") || !strcmp(f, "\xe2\x80\x9d") || !strcmp(f, "\xe2\x80\x99"))
                opening = false;
            open = opening;
            t[i].flags |= DL_TOK_QUOTE | (opening ? DL_TOK_OPEN_QUOTE : 0);
        }
        if (f[0] >= 'A' && f[0] <= 'Z')
            t[i].flags |= DL_TOK_CAPITAL;
    }
    return t;
}

dl_status dl_conllu_score_tags(dl_tag_score *score, const dl_tagger *tagger, const dl_conllu *doc,
                               dl_arena *scratch)
{
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const dl_conllu_sentence *s = &doc->sentences[k];
        dl_token *t = dl_conllu_tokens(s, scratch);
        if (!t)
            return DL_ERR_NOMEM;
        dl_tagger_tag(tagger, t, s->n_words);
        bool all = true;
        for (size_t i = 0; i < s->n_words; i++) {
            bool ok = strcmp(dl_conllu_tag_name((dl_tag)t[i].tag), s->words[i].xpos) == 0;
            bool known = dl_tagger_knows(tagger, s->words[i].form, strlen(s->words[i].form));
            score->tokens++;
            score->correct += ok;
            if (known) {
                score->known++;
                score->known_correct += ok;
            } else {
                score->unknown++;
                score->unknown_correct += ok;
            }
            all &= ok;
        }
        score->sentences++;
        score->sentences_correct += all;
    }
    return DL_OK;
}

void dl_boundary_score_add(dl_boundary_score *score, const uint32_t *gold, size_t n_gold,
                           const uint32_t *pred, size_t n_pred)
{
    score->gold += n_gold;
    score->predicted += n_pred;
    size_t i = 0, j = 0;
    while (i < n_gold && j < n_pred) {
        if (gold[i] == pred[j]) {
            score->matched++;
            i++;
            j++;
        } else if (gold[i] < pred[j]) {
            i++;
        } else {
            j++;
        }
    }
}
