/* eval_parse.c: tag, tree and sentence-boundary scores (see eval_parse.h). */
#include "eval/eval_parse.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "text/depparse.h"
#include "text/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct dl_eval_parse {
    dl_tagger *tagger;
    dl_depparser *depparser;
    dl_parser *parser;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

dl_status dl_eval_parse_open(dl_eval_parse **out, const char *data_dir, char *why, size_t why_len)
{
    *out = NULL;
    dl_eval_parse *ev = calloc(1, sizeof *ev);
    if (!ev)
        return DL_ERR_NOMEM;
    dl_status st = dl_tagger_open(&ev->tagger, data_dir);
    if (st)
        snprintf(why, why_len, "%s", dl_tagger_open_message());
    if (!st)
        st = dl_depparser_open(&ev->depparser, data_dir, why, why_len);
    if (!st) {
        st = dl_parser_open(&ev->parser, data_dir);
        if (st)
            snprintf(why, why_len, "cannot open the language core: %s", dl_status_name(st));
    }
    if (st) {
        dl_eval_parse_close(ev);
        return st;
    }
    *out = ev;
    return DL_OK;
}

void dl_eval_parse_close(dl_eval_parse *ev)
{
    if (!ev)
        return;
    dl_tagger_close(ev->tagger);
    dl_depparser_close(ev->depparser);
    dl_parser_close(ev->parser);
    free(ev);
}

/* Sentence boundaries of one document: rebuilds its text (sentences joined
 * by a space, paragraphs by a blank line), records where each gold sentence
 * starts, and compares with dl_parse()'s sentences. */
static dl_status score_boundaries(dl_boundary_score *bs, const dl_parser *parser,
                                  const dl_conllu *c, size_t first, size_t end, dl_arena *arena)
{
    dl_buf text = DL_BUF_INIT;
    uint32_t *gold = DL_ARENA_NEW(arena, uint32_t, end - first + 1);
    size_t n_gold = 0;
    dl_status st = gold ? DL_OK : DL_ERR_NOMEM;
    for (size_t k = first; k < end && !st; k++) {
        const dl_conllu_sentence *s = &c->sentences[k];
        if (!s->text)
            continue;
        if (text.len) {
            st = dl_buf_puts(&text, s->newpar ? "\n\n" : " ");
            gold[n_gold++] = (uint32_t)text.len;
        }
        if (!st)
            st = dl_buf_puts(&text, s->text);
    }
    if (!st && text.len) {
        dl_sentence *sents;
        size_t n_sents;
        st = dl_parse(&sents, &n_sents, parser, text.data, text.len, arena);
        uint32_t *pred = st ? NULL : DL_ARENA_NEW(arena, uint32_t, n_sents + 1);
        if (!st && !pred)
            st = DL_ERR_NOMEM;
        if (!st) {
            size_t n_pred = 0;
            for (size_t i = 1; i < n_sents; i++)
                pred[n_pred++] = sents[i].start;
            dl_boundary_score_add(bs, gold, n_gold, pred, n_pred);
        }
    }
    dl_buf_free(&text);
    return st;
}

static void add_score(dl_parse_score *to, const dl_parse_score *from)
{
    to->tokens += from->tokens;
    to->tag_correct += from->tag_correct;
    to->upos_correct += from->upos_correct;
    to->known += from->known;
    to->known_correct += from->known_correct;
    to->unknown += from->unknown;
    to->unknown_correct += from->unknown_correct;
    to->sentences += from->sentences;
    to->sentences_tag_correct += from->sentences_tag_correct;
    to->heads_correct += from->heads_correct;
    to->labels_correct += from->labels_correct;
    to->bounds.gold += from->bounds.gold;
    to->bounds.predicted += from->bounds.predicted;
    to->bounds.matched += from->bounds.matched;
    to->tag_seconds += from->tag_seconds;
    to->parse_seconds += from->parse_seconds;
}

/* Scores the tags and trees of sentences [first, end). */
static dl_status score_sentences(dl_parse_score *sc, const dl_eval_parse *ev, const dl_conllu *c,
                                 size_t first, size_t end, dl_arena *arena, dl_eval_tag_fn on_tag,
                                 void *user)
{
    for (size_t k = first; k < end; k++) {
        const dl_conllu_sentence *s = &c->sentences[k];
        dl_token *t = dl_conllu_tokens(s, arena);
        if (!t)
            return DL_ERR_NOMEM;
        double t0 = now();
        dl_tagger_tag(ev->tagger, t, s->n_words);
        double t1 = now();
        dl_status st = dl_depparse(ev->depparser, t, s->n_words, arena);
        sc->tag_seconds += t1 - t0;
        sc->parse_seconds += now() - t1;
        if (st)
            return st;
        bool all = true;
        for (size_t i = 0; i < s->n_words; i++) {
            const dl_conllu_word *w = &s->words[i];
            const char *got = dl_tag_name((dl_tag)t[i].tag);
            bool ok = !strcmp(got, w->xpos);
            bool known = dl_tagger_knows(ev->tagger, w->form, strlen(w->form));
            sc->tokens++;
            sc->tag_correct += ok;
            sc->upos_correct += !strcmp(dl_upos_name((dl_upos)t[i].upos), w->upos);
            if (known) {
                sc->known++;
                sc->known_correct += ok;
            } else {
                sc->unknown++;
                sc->unknown_correct += ok;
            }
            all &= ok;
            bool head = t[i].deprel && t[i].head == w->head;
            sc->heads_correct += head;
            sc->labels_correct += head && !strcmp(t[i].deprel, w->deprel);
            if (on_tag)
                on_tag(user, w->xpos, got);
        }
        sc->sentences++;
        sc->sentences_tag_correct += all;
    }
    return DL_OK;
}

dl_status dl_eval_parse_conllu(dl_eval_parse *ev, const dl_conllu *c, dl_parse_score *all,
                               dl_parse_score *subset, const char *subset_prefix,
                               dl_eval_tag_fn on_tag, void *user)
{
    dl_status st = DL_OK;
    for (size_t k = 0; !st && k < c->n_sentences;) {
        size_t e = k + 1;
        while (e < c->n_sentences && !c->sentences[e].newdoc)
            e++;
        dl_arena *arena = dl_arena_new(0);
        dl_parse_score doc = {0};
        st = arena ? score_sentences(&doc, ev, c, k, e, arena, on_tag, user) : DL_ERR_NOMEM;
        if (!st)
            st = score_boundaries(&doc.bounds, ev->parser, c, k, e, arena);
        dl_arena_free(arena);
        if (!st) {
            add_score(all, &doc);
            const char *id = c->sentences[k].doc_id;
            if (subset && subset_prefix && id && !strncmp(id, subset_prefix, strlen(subset_prefix)))
                add_score(subset, &doc);
        }
        k = e;
    }
    return st;
}

static double f1(const dl_boundary_score *b)
{
    double p = dl_ratio(b->matched, b->predicted), r = dl_ratio(b->matched, b->gold);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

dl_status dl_parse_score_json(dl_buf *out, const dl_parse_score *s, const char *prefix)
{
    struct {
        const char *key;
        double value;
        bool count;
    } f[] = {
        {"tokens", (double)s->tokens, true},
        {"tag_accuracy", dl_ratio(s->tag_correct, s->tokens), false},
        {"known", (double)s->known, true},
        {"known_accuracy", dl_ratio(s->known_correct, s->known), false},
        {"unknown", (double)s->unknown, true},
        {"unknown_accuracy", dl_ratio(s->unknown_correct, s->unknown), false},
        {"sentence_tag_accuracy", dl_ratio(s->sentences_tag_correct, s->sentences), false},
        {"upos_accuracy", dl_ratio(s->upos_correct, s->tokens), false},
        {"uas", dl_ratio(s->heads_correct, s->tokens), false},
        {"las", dl_ratio(s->labels_correct, s->tokens), false},
        {"gold_boundaries", (double)s->bounds.gold, true},
        {"boundary_precision", dl_ratio(s->bounds.matched, s->bounds.predicted), false},
        {"boundary_recall", dl_ratio(s->bounds.matched, s->bounds.gold), false},
        {"boundary_f1", f1(&s->bounds), false},
        {"tag_tokens_per_second", s->tag_seconds > 0 ? (double)s->tokens / s->tag_seconds : 0, true},
        {"parse_tokens_per_second", s->parse_seconds > 0 ? (double)s->tokens / s->parse_seconds : 0, true},
    };
    dl_status st = DL_OK;
    for (size_t i = 0; i < sizeof f / sizeof *f && !st; i++)
        st = f[i].count ? dl_buf_printf(out, "%s\"%s%s\":%.0f", out->len ? "," : "", prefix, f[i].key, f[i].value)
                        : dl_buf_printf(out, "%s\"%s%s\":%.4f", out->len ? "," : "", prefix, f[i].key, f[i].value);
    return st;
}

dl_status dl_parse_score_text(dl_buf *out, const dl_parse_score *s, const char *title)
{
    const dl_boundary_score *b = &s->bounds;
    return dl_buf_printf(
        out,
        "%s\n"
        "  tokens            %llu in %llu sentences\n"
        "  tag accuracy      %.2f%%  (UPOS %.2f%%)\n"
        "    known words     %.2f%% of %llu\n"
        "    unknown words   %.2f%% of %llu\n"
        "    whole sentences %.2f%%\n"
        "  UAS               %.2f%%\n"
        "  LAS               %.2f%%\n"
        "  sentence bounds   P %.2f%%  R %.2f%%  F1 %.2f%% (%llu gold)\n"
        "  speed             tagging %.0f tokens/s, parsing %.0f tokens/s\n",
        title, (unsigned long long)s->tokens, (unsigned long long)s->sentences,
        100 * dl_ratio(s->tag_correct, s->tokens), 100 * dl_ratio(s->upos_correct, s->tokens),
        100 * dl_ratio(s->known_correct, s->known), (unsigned long long)s->known,
        100 * dl_ratio(s->unknown_correct, s->unknown), (unsigned long long)s->unknown,
        100 * dl_ratio(s->sentences_tag_correct, s->sentences),
        100 * dl_ratio(s->heads_correct, s->tokens), 100 * dl_ratio(s->labels_correct, s->tokens),
        100 * dl_ratio(b->matched, b->predicted), 100 * dl_ratio(b->matched, b->gold), 100 * f1(b),
        (unsigned long long)b->gold, s->tag_seconds > 0 ? (double)s->tokens / s->tag_seconds : 0,
        s->parse_seconds > 0 ? (double)s->tokens / s->parse_seconds : 0);
}
