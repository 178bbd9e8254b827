/* depparse.c: the arc-hybrid dependency parser (see depparse.h).
 *
 * Model payload (inside the perceptron.h container, kind DL_MODEL_PARSER):
 *   var n_labels, then each label as a string ("nsubj:pass")
 *   weights (dl_pw_weights) over 1 + 2 * n_labels classes:
 *   0 is SHIFT, 1 + l is LEFT with label l, 1 + n_labels + l is RIGHT.
 *
 * A state is a stack, the front of the buffer (the buffer is always the
 * tokens from b to the end, then the root, numbered n) and the arcs built.
 * LEFT makes b the head of the stack's top s0 and pops it; RIGHT makes the
 * token below, s1, the head of s0 and pops it; SHIFT pushes b. The root
 * takes one child, LEFT with the label "root" when the stack holds one
 * token and the buffer only the root, so the tree has one root. */
#include "text/depparse.h"
#include "base/arena.h"
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LABELS = 120, N_FEATS = 80, DEFAULT_ITERATIONS = 12, MAX_KEY = 64 };

struct dl_depparser {
    dl_pweights w;
    uint32_t n_labels, n_classes;
    uint32_t root_label;   /* the index of "root" */
    char *labels[MAX_LABELS];
    uint8_t label_dep[MAX_LABELS];
};

/* ------------------------------------------------------------ state */

typedef struct pstate {
    uint32_t n;          /* tokens; n is the root */
    int32_t *stack;
    uint32_t sp;
    uint32_t b;
    int32_t *head;       /* -1 while unattached; n for the root */
    uint16_t *label;
    int32_t *lc1, *lc2, *rc1, *rc2; /* leftmost and rightmost children, -1 when none */
    uint8_t *nl, *nr;    /* how many left and right children */
    uint64_t *lset, *rset; /* bits of the labels of left and right children */
    bool *in_stack;
    uint64_t *word;      /* per token (and the root): hashed lower-case form */
    uint64_t *tag;       /* per token (and the root): its tag */
} pstate;

static dl_status state_init(pstate *s, uint32_t n, dl_arena *arena)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    size_t m = (size_t)n + 1;
    s->stack = DL_ARENA_NEW(arena, int32_t, m);
    s->head = DL_ARENA_NEW(arena, int32_t, m);
    s->label = DL_ARENA_NEW(arena, uint16_t, m);
    s->lc1 = DL_ARENA_NEW(arena, int32_t, m);
    s->lc2 = DL_ARENA_NEW(arena, int32_t, m);
    s->rc1 = DL_ARENA_NEW(arena, int32_t, m);
    s->rc2 = DL_ARENA_NEW(arena, int32_t, m);
    s->nl = DL_ARENA_NEW(arena, uint8_t, m);
    s->nr = DL_ARENA_NEW(arena, uint8_t, m);
    s->lset = DL_ARENA_NEW(arena, uint64_t, m);
    s->rset = DL_ARENA_NEW(arena, uint64_t, m);
    s->in_stack = DL_ARENA_NEW(arena, bool, m);
    s->word = DL_ARENA_NEW(arena, uint64_t, m);
    s->tag = DL_ARENA_NEW(arena, uint64_t, m);
    if (!s->stack || !s->head || !s->label || !s->lc1 || !s->lc2 || !s->rc1 || !s->rc2 ||
        !s->nl || !s->nr || !s->lset || !s->rset || !s->in_stack || !s->word || !s->tag)
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < m; i++)
        s->head[i] = s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
    s->word[n] = 0x5007;
    s->tag[n] = 0x5008;
    return DL_OK;
}

/* The words and tags features read: lower case, digits as 0. */
static void state_words(pstate *s, const dl_token *t)
{
    for (uint32_t i = 0; i < s->n; i++) {
        size_t len = t[i].end > t[i].start ? t[i].end - t[i].start : strlen(t[i].text);
        char buf[MAX_KEY];
        size_t k = 0;
        for (size_t j = 0; j < len && k < MAX_KEY; j++) {
            char c = t[i].text[j];
            buf[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c >= '0' && c <= '9' ? '0' : c;
        }
        s->word[i] = dl_hash64(buf, k, 0x77);
        s->tag[i] = t[i].tag;
    }
}

static bool can_shift(const pstate *s) { return s->b < s->n; }
static bool can_right(const pstate *s) { return s->sp >= 2; }
static bool can_left(const pstate *s) { return s->sp >= 1 && (s->b < s->n || s->sp == 1); }
static bool done(const pstate *s) { return s->sp == 0 && s->b >= s->n; }

static void add_arc(pstate *s, int32_t head, int32_t child, uint16_t label)
{
    s->head[child] = head;
    s->label[child] = label;
    uint64_t bit = 1ULL << (label & 63);
    if (child < head) {
        s->lc2[head] = s->lc1[head];
        s->lc1[head] = child;
        s->nl[head] += s->nl[head] < 255;
        s->lset[head] |= bit;
    } else {
        s->rc2[head] = s->rc1[head];
        s->rc1[head] = child;
        s->nr[head] += s->nr[head] < 255;
        s->rset[head] |= bit;
    }
}

/* Applies class c (which must be valid). */
static void apply(pstate *s, uint32_t c, uint32_t n_labels)
{
    if (c == 0) {
        s->in_stack[s->b] = true;
        s->stack[s->sp++] = (int32_t)s->b++;
        return;
    }
    int32_t s0 = s->stack[--s->sp];
    s->in_stack[s0] = false;
    if (c <= n_labels)
        add_arc(s, (int32_t)s->b, s0, (uint16_t)(c - 1));
    else
        add_arc(s, s->stack[s->sp - 1], s0, (uint16_t)(c - 1 - n_labels));
}

/* ------------------------------------------------------------ features */

static size_t features(uint64_t *f, const pstate *s)
{
    enum { NONE = 0x4e4f };
    int32_t s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int32_t s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int32_t s2 = s->sp >= 3 ? s->stack[s->sp - 3] : -1;
    int32_t b0 = (int32_t)s->b;
    int32_t b1 = s->b + 1 <= s->n ? (int32_t)s->b + 1 : -1;
    int32_t b2 = s->b + 2 <= s->n ? (int32_t)s->b + 2 : -1;
#define W(x) ((x) >= 0 ? s->word[x] : NONE)
#define T(x) ((x) >= 0 ? s->tag[x] : NONE)
#define L(x) ((x) >= 0 && s->head[x] >= 0 ? (uint64_t)s->label[x] + 1 : NONE)
    int32_t s0l1 = s0 >= 0 ? s->lc1[s0] : -1, s0l2 = s0 >= 0 ? s->lc2[s0] : -1;
    int32_t s0r1 = s0 >= 0 ? s->rc1[s0] : -1, s0r2 = s0 >= 0 ? s->rc2[s0] : -1;
    int32_t b0l1 = s->lc1[b0], b0l2 = s->lc2[b0];
    int32_t s1r1 = s1 >= 0 ? s->rc1[s1] : -1;
    uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
    uint64_t b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
    uint64_t dist = s0 >= 0 ? (uint64_t)(b0 - s0 > 6 ? 6 : b0 - s0) : NONE;
    if (b0 == (int32_t)s->n)
        dist = 7; /* the root */
    uint64_t s0nl = s0 >= 0 ? s->nl[s0] : NONE, s0nr = s0 >= 0 ? s->nr[s0] : NONE;
    uint64_t b0nl = s->nl[b0];
    size_t k = 0;
    f[k++] = dl_feat2(1, s0w);
    f[k++] = dl_feat2(2, s0t);
    f[k++] = dl_feat3(3, s0w, s0t);
    f[k++] = dl_feat2(4, s1w);
    f[k++] = dl_feat2(5, s1t);
    f[k++] = dl_feat3(6, s1w, s1t);
    f[k++] = dl_feat2(7, b0w);
    f[k++] = dl_feat2(8, b0t);
    f[k++] = dl_feat3(9, b0w, b0t);
    f[k++] = dl_feat2(10, b1w);
    f[k++] = dl_feat2(11, b1t);
    f[k++] = dl_feat3(12, b1w, b1t);
    f[k++] = dl_feat2(13, W(b2));
    f[k++] = dl_feat2(14, b2t);
    f[k++] = dl_feat2(15, s2t);
    f[k++] = dl_feat4(16, dl_feat2(0, s0w) ^ s0t, b0w, b0t);
    f[k++] = dl_feat4(17, s0w, s0t, b0w);
    f[k++] = dl_feat4(18, s0w, b0w, b0t);
    f[k++] = dl_feat4(19, s0w, s0t, b0t);
    f[k++] = dl_feat4(20, s0t, b0w, b0t);
    f[k++] = dl_feat3(21, s0w, b0w);
    f[k++] = dl_feat3(22, s0t, b0t);
    f[k++] = dl_feat3(23, b0t, b1t);
    f[k++] = dl_feat3(24, s1t, s0t);
    f[k++] = dl_feat3(25, s1w, s0w);
    f[k++] = dl_feat4(26, s1t, s0w, s0t);
    f[k++] = dl_feat4(27, b0t, b1t, b2t);
    f[k++] = dl_feat4(28, s0t, b0t, b1t);
    f[k++] = dl_feat4(29, s1t, s0t, b0t);
    f[k++] = dl_feat4(30, s2t, s1t, s0t);
    f[k++] = dl_feat4(31, s0t, T(s0l1), b0t);
    f[k++] = dl_feat4(32, s0t, T(s0r1), b0t);
    f[k++] = dl_feat4(33, s0t, b0t, T(b0l1));
    f[k++] = dl_feat4(34, s1t, T(s1r1), s0t);
    f[k++] = dl_feat3(35, s0w, dist);
    f[k++] = dl_feat3(36, s0t, dist);
    f[k++] = dl_feat3(37, b0w, dist);
    f[k++] = dl_feat3(38, b0t, dist);
    f[k++] = dl_feat4(39, s0t, b0t, dist);
    f[k++] = dl_feat4(40, s0w, b0w, dist);
    f[k++] = dl_feat3(41, s0w, s0nr);
    f[k++] = dl_feat3(42, s0t, s0nr);
    f[k++] = dl_feat3(43, s0w, s0nl);
    f[k++] = dl_feat3(44, s0t, s0nl);
    f[k++] = dl_feat3(45, b0w, b0nl);
    f[k++] = dl_feat3(46, b0t, b0nl);
    f[k++] = dl_feat2(47, W(s0l1));
    f[k++] = dl_feat2(48, T(s0l1));
    f[k++] = dl_feat2(49, L(s0l1));
    f[k++] = dl_feat2(50, W(s0r1));
    f[k++] = dl_feat2(51, T(s0r1));
    f[k++] = dl_feat2(52, L(s0r1));
    f[k++] = dl_feat2(53, W(b0l1));
    f[k++] = dl_feat2(54, T(b0l1));
    f[k++] = dl_feat2(55, L(b0l1));
    f[k++] = dl_feat2(56, T(s0l2));
    f[k++] = dl_feat2(57, L(s0l2));
    f[k++] = dl_feat2(58, T(s0r2));
    f[k++] = dl_feat2(59, L(s0r2));
    f[k++] = dl_feat2(60, T(b0l2));
    f[k++] = dl_feat2(61, L(b0l2));
    f[k++] = dl_feat4(62, s0t, T(s0l1), T(s0l2));
    f[k++] = dl_feat4(63, s0t, T(s0r1), T(s0r2));
    f[k++] = dl_feat4(64, b0t, T(b0l1), T(b0l2));
    f[k++] = dl_feat3(65, s0w, s0 >= 0 ? s->rset[s0] : NONE);
    f[k++] = dl_feat3(66, s0t, s0 >= 0 ? s->rset[s0] : NONE);
    f[k++] = dl_feat3(67, s0t, s0 >= 0 ? s->lset[s0] : NONE);
    f[k++] = dl_feat3(68, b0w, s->lset[b0]);
    f[k++] = dl_feat3(69, b0t, s->lset[b0]);
    f[k++] = dl_feat4(70, s0t, L(s0l1), L(s0l2));
    f[k++] = dl_feat4(71, s0t, L(s0r1), L(s0r2));
    f[k++] = dl_feat3(72, s1t, L(s1r1));
#undef W
#undef T
#undef L
    return k;
}

/* ------------------------------------------------------------ parsing */

/* Is class c allowed in state s? LEFT onto the root only with "root",
 * and "root" only onto the root. */
static bool valid(const pstate *s, uint32_t c, uint32_t n_labels, uint32_t root_label)
{
    if (c == 0)
        return can_shift(s);
    if (c <= n_labels)
        return can_left(s) && ((c - 1 == root_label) == (s->b == s->n));
    return can_right(s) && c - 1 - n_labels != root_label;
}

dl_status dl_depparse(const dl_depparser *p, dl_token *tokens, size_t n, dl_arena *arena)
{
    if (n == 0)
        return DL_OK;
    if (n > UINT16_MAX * 16u)
        return DL_ERR_LIMIT;
    pstate s;
    dl_status st = state_init(&s, (uint32_t)n, arena);
    if (st)
        return st;
    state_words(&s, tokens);
    uint64_t f[N_FEATS];
    int32_t scores[2 * MAX_LABELS + 1 + DL_SCORES_PAD];
    while (!done(&s)) {
        size_t k = features(f, &s);
        memset(scores, 0, sizeof scores);
        dl_pweights_score(&p->w, f, k, scores);
        uint32_t best = UINT32_MAX;
        for (uint32_t c = 0; c < p->n_classes; c++)
            if (valid(&s, c, p->n_labels, p->root_label) && (best == UINT32_MAX || scores[c] > scores[best]))
                best = c;
        if (best == UINT32_MAX)
            return DL_ERR_ARG; /* cannot happen: some move is always valid */
        apply(&s, best, p->n_labels);
    }
    for (size_t i = 0; i < n; i++) {
        int32_t h = s.head[i];
        tokens[i].head = h >= (int32_t)n ? -1 : h;
        tokens[i].deprel = p->labels[s.label[i]];
        tokens[i].dep = p->label_dep[s.label[i]];
    }
    return DL_OK;
}

/* ------------------------------------------------------------ loading */

void dl_depparser_close(dl_depparser *p)
{
    if (!p)
        return;
    dl_pweights_free(&p->w);
    for (uint32_t i = 0; i < p->n_labels; i++)
        free(p->labels[i]);
    free(p);
}

dl_status dl_depparser_from_bytes(dl_depparser **out, const unsigned char *data, size_t size,
                                  char *why, size_t why_len)
{
    *out = NULL;
    dl_depparser *p = calloc(1, sizeof *p);
    if (!p)
        return DL_ERR_NOMEM;
    dl_preader r = {data, data + size, false};
    dl_status st = DL_OK;
    uint64_t nl = dl_pr_var(&r);
    if (r.bad || nl == 0 || nl > MAX_LABELS) {
        snprintf(why, why_len, "bad label count");
        st = DL_ERR_PARSE;
    }
    p->root_label = UINT32_MAX;
    for (uint32_t i = 0; !st && i < nl; i++) {
        p->labels[i] = dl_pr_str(&r, 32);
        if (!p->labels[i]) {
            snprintf(why, why_len, "bad label");
            st = DL_ERR_PARSE;
            break;
        }
        p->n_labels = i + 1;
        p->label_dep[i] = (uint8_t)dl_dep_from_name(p->labels[i], strlen(p->labels[i]));
        if (!strcmp(p->labels[i], "root"))
            p->root_label = i;
    }
    if (!st && p->root_label == UINT32_MAX) {
        snprintf(why, why_len, "no \"root\" label");
        st = DL_ERR_PARSE;
    }
    p->n_classes = 1 + 2 * p->n_labels;
    if (!st && dl_pr_weights(&r, &p->w, p->n_classes) != DL_OK) {
        snprintf(why, why_len, "bad weight table");
        st = DL_ERR_PARSE;
    }
    if (!st && r.p != r.end) {
        snprintf(why, why_len, "trailing bytes after the weights");
        st = DL_ERR_PARSE;
    }
    if (st) {
        dl_depparser_close(p);
        return st;
    }
    *out = p;
    return DL_OK;
}

dl_status dl_depparser_load(dl_depparser **out, const char *path, char *why, size_t why_len)
{
    *out = NULL;
    unsigned char *payload;
    size_t len;
    dl_status st = dl_model_load(path, DL_MODEL_PARSER, &payload, &len, why, why_len);
    if (st)
        return st;
    char inner[200] = "";
    st = dl_depparser_from_bytes(out, payload, len, inner, sizeof inner);
    if (st)
        snprintf(why, why_len, "%s: %s", path, inner);
    free(payload);
    return st;
}

dl_status dl_depparser_open(dl_depparser **out, const char *data_dir, char *why, size_t why_len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/models/parser.dlm", data_dir ? data_dir : dl_data_dir());
    return dl_depparser_load(out, path, why, why_len);
}

/* ------------------------------------------------------------ training */

typedef struct gsent {
    dl_token *tokens;
    int32_t *gold_head;   /* n for the root */
    uint16_t *gold_label;
    uint32_t n;
    uint32_t fold; /* the sentence's number modulo the folds */
} gsent;

/* The number of gold arcs each kind of move makes unreachable (the
 * arc-hybrid dynamic oracle of Goldberg and Nivre 2013). */
static void move_costs(const pstate *s, const gsent *g, int costs[3])
{
    costs[0] = costs[1] = costs[2] = 1 << 20;
    int32_t s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int32_t s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int32_t b = (int32_t)s->b;
    if (can_shift(s)) {
        int c = 0;
        int32_t h = g->gold_head[b];
        if (h < (int32_t)s->n && s->in_stack[h] && h != s0)
            c++;
        for (uint32_t i = 0; i < s->sp; i++)
            c += g->gold_head[s->stack[i]] == b;
        costs[0] = c;
    }
    if (s0 >= 0) {
        int deps = 0;
        for (uint32_t d = s->b; d < s->n; d++)
            deps += g->gold_head[d] == s0;
        int32_t h = g->gold_head[s0];
        if (can_left(s))
            costs[1] = deps + (h != b && (h == s1 || h >= b));
        if (can_right(s))
            costs[2] = deps + (h >= b);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dl_status dl_depparser_train(const dl_conllu *docs, size_t n_docs, const dl_tagger *tagger,
                             const dl_train_options *opt, const char *out_path)
{
    dl_arena *arena = dl_arena_new(1 << 20), *work = dl_arena_new(1 << 16);
    dl_depparser *p = calloc(1, sizeof *p);
    size_t n_sents = 0;
    for (size_t d = 0; d < n_docs; d++)
        n_sents += docs[d].n_sentences;
    gsent *sents = calloc(n_sents ? n_sents : 1, sizeof *sents);
    size_t *order = calloc(n_sents ? n_sents : 1, sizeof *order);
    dl_ptrain *pt = NULL;
    dl_status st = arena && work && p && sents && order ? DL_OK : DL_ERR_NOMEM;
    /* The labels, in alphabetical order. */
    for (size_t d = 0; !st && d < n_docs; d++)
        for (size_t i = 0; !st && i < docs[d].n_sentences; i++)
            for (size_t w = 0; w < docs[d].sentences[i].n_words; w++) {
                const char *l = docs[d].sentences[i].words[w].deprel;
                bool seen = false;
                for (uint32_t k = 0; k < p->n_labels && !seen; k++)
                    seen = !strcmp(p->labels[k], l);
                if (seen)
                    continue;
                if (p->n_labels == MAX_LABELS) {
                    st = DL_ERR_LIMIT;
                    break;
                }
                if (!(p->labels[p->n_labels++] = strdup(l)))
                    st = DL_ERR_NOMEM;
            }
    if (!st)
        qsort(p->labels, p->n_labels, sizeof *p->labels, by_name);
    p->root_label = UINT32_MAX;
    for (uint32_t k = 0; k < p->n_labels; k++)
        if (!strcmp(p->labels[k], "root"))
            p->root_label = k;
    if (!st && p->root_label == UINT32_MAX)
        st = DL_ERR_EMPTY;
    p->n_classes = 1 + 2 * p->n_labels;
    size_t m = 0, number = 0;
    uint32_t folds = opt ? opt->folds : 0;
    if (folds <= 1 && !tagger)
        st = DL_ERR_ARG;
    for (size_t d = 0; !st && d < n_docs; d++)
        for (size_t i = 0; !st && i < docs[d].n_sentences; i++) {
            const dl_conllu_sentence *cs = &docs[d].sentences[i];
            gsent *g = &sents[m];
            g->n = (uint32_t)cs->n_words;
            g->tokens = dl_conllu_tokens(cs, arena);
            g->gold_head = DL_ARENA_NEW(arena, int32_t, g->n + 1);
            g->gold_label = DL_ARENA_NEW(arena, uint16_t, g->n + 1);
            if (!g->tokens || !g->gold_head || !g->gold_label) {
                st = DL_ERR_NOMEM;
                break;
            }
            bool ok = true;
            uint32_t roots = 0;
            for (uint32_t w = 0; w < g->n; w++) {
                int32_t h = cs->words[w].head;
                if (h >= (int32_t)g->n || h == (int32_t)w)
                    ok = false;
                g->gold_head[w] = h < 0 ? (int32_t)g->n : h;
                roots += h < 0;
                const char **hit = bsearch(&cs->words[w].deprel, p->labels, p->n_labels,
                                           sizeof *p->labels, by_name);
                g->gold_label[w] = hit ? (uint16_t)(hit - (const char **)p->labels) : 0;
            }
            /* Sentences without a proper tree (no heads given) teach nothing. */
            g->fold = (uint32_t)(number++ % (folds > 1 ? folds : 1));
            if (!ok || roots != 1)
                continue;
            if (folds <= 1)
                dl_tagger_tag(tagger, g->tokens, g->n);
            order[m] = m;
            m++;
        }
    n_sents = m;
    /* Jackknifing: each part tagged by a tagger that never saw it. */
    for (uint32_t fold = 0; !st && folds > 1 && fold < folds; fold++) {
        dl_train_options topt = {0};
        topt.seed = opt ? opt->seed : 1;
        dl_tagger *tg = NULL;
        st = dl_tagger_train_fold(&tg, docs, n_docs, &topt, folds, fold);
        for (size_t i = 0; !st && i < n_sents; i++)
            if (sents[i].fold == fold)
                dl_tagger_tag(tg, sents[i].tokens, sents[i].n);
        dl_tagger_close(tg);
    }
    if (!st)
        st = dl_ptrain_new(&pt, p->n_classes);
    uint32_t iterations = opt && opt->iterations ? opt->iterations : DEFAULT_ITERATIONS;
    uint64_t rng = opt ? opt->seed : 1;
    float *scores = malloc(p->n_classes * sizeof *scores);
    if (!scores)
        st = DL_ERR_NOMEM;
    for (uint32_t it = 0; !st && it < iterations; it++) {
        for (size_t i = n_sents; i > 1; i--) {
            size_t j = (size_t)(dl_rand_next(&rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        uint64_t right = 0, total = 0;
        for (size_t oi = 0; !st && oi < n_sents; oi++) {
            const gsent *g = &sents[order[oi]];
            dl_arena_reset(work);
            pstate s;
            st = state_init(&s, g->n, work);
            if (st)
                break;
            state_words(&s, g->tokens);
            uint64_t f[N_FEATS];
            while (!st && !done(&s)) {
                size_t k = features(f, &s);
                memset(scores, 0, p->n_classes * sizeof *scores);
                dl_ptrain_score(pt, f, k, scores);
                int costs[3];
                move_costs(&s, g, costs);
                int min = costs[0] < costs[1] ? costs[0] : costs[1];
                min = costs[2] < min ? costs[2] : min;
                int32_t s0 = s.sp >= 1 ? s.stack[s.sp - 1] : -1;
                int32_t s1 = s.sp >= 2 ? s.stack[s.sp - 2] : -1;
                uint32_t guess = UINT32_MAX, truth = UINT32_MAX;
                for (uint32_t c = 0; c < p->n_classes; c++) {
                    if (!valid(&s, c, p->n_labels, p->root_label))
                        continue;
                    if (guess == UINT32_MAX || scores[c] > scores[guess])
                        guess = c;
                    /* Zero-cost moves; a gold arc also needs its gold label. */
                    int kind = c == 0 ? 0 : c <= p->n_labels ? 1 : 2;
                    if (costs[kind] != min)
                        continue;
                    if (kind == 1 && g->gold_head[s0] == (int32_t)s.b &&
                        c - 1 != g->gold_label[s0])
                        continue;
                    if (kind == 2 && g->gold_head[s0] == s1 &&
                        c - 1 - p->n_labels != g->gold_label[s0])
                        continue;
                    if (truth == UINT32_MAX || scores[c] > scores[truth])
                        truth = c;
                }
                if (guess == UINT32_MAX) {
                    st = DL_ERR_ARG;
                    break;
                }
                if (truth == UINT32_MAX)
                    truth = guess;
                st = dl_ptrain_update(pt, f, k, truth, guess);
                right += truth == guess;
                total++;
                /* The first pass follows the oracle, later ones the model
                 * itself, so that it learns to recover from its errors. */
                apply(&s, it == 0 ? truth : guess, p->n_labels);
            }
        }
        if (opt && opt->progress)
            opt->progress(opt->progress_user, it + 1, total ? (double)right / (double)total : 0);
    }
    if (!st) {
        dl_pwriter pw = {DL_BUF_INIT, DL_OK};
        dl_pw_var(&pw, p->n_labels);
        for (uint32_t k = 0; k < p->n_labels; k++)
            dl_pw_str(&pw, p->labels[k]);
        dl_pw_weights(&pw, pt, opt ? opt->min_count : 0);
        st = pw.status;
        if (!st)
            st = dl_model_save(out_path, DL_MODEL_PARSER, &pw.buf);
        dl_buf_free(&pw.buf);
    }
    free(scores);
    dl_ptrain_free(pt);
    free(order);
    free(sents);
    dl_depparser_close(p);
    dl_arena_free(work);
    dl_arena_free(arena);
    return st;
}
