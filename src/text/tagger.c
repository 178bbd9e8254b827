/* tagger.c: the averaged-perceptron part-of-speech tagger (see tagger.h).
 *
 * Model payload (inside the perceptron.h container, kind DL_MODEL_TAGGER):
 *   var n_classes, then per class: str XPOS, str UPOS
 *   var n_words, then per word: u32 low, u32 high (the 64-bit hash of the
 *       form as written), u8 class (255: the word takes several tags),
 *       u32 low, u32 high (the dl_tag bits of the tags it was seen with)
 *   weights (dl_pw_weights)
 * The word list serves twice: words with one class skip scoring, and every
 * listed word is "known" for the scores of `dateline eval parse`. */
#include "text/tagger.h"
#include "base/buf.h"
#include "base/arena.h"
#include "text/wordlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* In a word's tag bits: it was seen often enough to take no other tags. */
#define SEEN_ENOUGH (1ULL << 63)

enum { AMBIGUOUS = 255, MAX_KEY = 96, N_FEATS = 48, DEFAULT_ITERATIONS = 8 };

struct dl_tagger {
    dl_pweights w;
    uint32_t n_classes;
    uint8_t cls_tag[256];  /* class -> dl_tag */
    uint8_t cls_upos[256]; /* class -> dl_upos */
    /* words of the training data: hash of the form -> class or AMBIGUOUS */
    uint64_t *vocab;       /* 0: empty */
    uint8_t *vocab_cls;
    uint64_t *vocab_tags;  /* the dl_tag bits the word was seen with */
    uint32_t vocab_mask;
    /* data/lexicon/tags.tsv: hash of the form -> allowed dl_tag bits */
    uint64_t *allow_keys;
    uint64_t *allow_bits;
    uint32_t allow_mask;
    bool has_allow;
};

static _Thread_local char open_message[512];

const char *dl_tagger_open_message(void) { return open_message; }

/* ------------------------------------------------------------ word forms */

/* The key form of a word: curly apostrophes and quotes as straight ones
 * (the treebank has both), ASCII lower case when `lower`, digits as 0 when
 * `digits`. Returns the length written (at most MAX_KEY - 1). */
static size_t key_form(char *buf, const char *s, size_t n, bool lower, bool digits)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_KEY - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99) {
                buf[k++] = '\'';
                i += 2;
                continue;
            }
            if (d == 0x9c || d == 0x9d) {
                buf[k++] = '"';
                i += 2;
                continue;
            }
        }
        if (lower && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (digits && c >= '0' && c <= '9')
            c = '0';
        buf[k++] = (char)c;
    }
    buf[k] = '\0';
    return k;
}

static uint64_t word_hash(const char *s, size_t n) { return dl_hash64(s, n, 0x7a9) | 1; }

/* Word shape: X for capitals, x for small letters, d for digits, other
 * bytes as they are, runs of one kind cut at two ("Xxx" -> "Xx"). */
static uint64_t shape_hash(const char *s, size_t n)
{
    char buf[MAX_KEY];
    size_t k = 0;
    int run = 0;
    for (size_t i = 0; i < n && k < MAX_KEY - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        char m = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
                 : c >= 0x80 ? 'u' : (char)c;
        if (k && buf[k - 1] == m) {
            if (++run >= 2)
                continue;
        } else {
            run = 0;
        }
        buf[k++] = m;
    }
    return dl_hash64(buf, k, 0x5a);
}

enum { W_CAP = 1, W_ALLCAPS = 2, W_DIGIT = 4, W_HYPHEN = 8, W_START = 16, W_HEADLINE = 32, W_WORD = 64, W_URL = 128 };

/* What the features need of one token, computed once per sentence. */
typedef struct wfeat {
    uint64_t exact, lower, shape;
    uint64_t suf[4], pre[3];
    uint32_t bits;
} wfeat;

static const char *token_text(const dl_token *t, size_t *n)
{
    *n = t->end > t->start ? t->end - t->start : strlen(t->text);
    return t->text;
}

static void word_features(wfeat *f, const dl_token *t)
{
    size_t n;
    const char *s = token_text(t, &n);
    char low[MAX_KEY], ex[MAX_KEY];
    size_t ln = key_form(low, s, n, true, true);
    size_t en = key_form(ex, s, n, false, false);
    f->exact = word_hash(ex, en);
    f->lower = word_hash(low, ln);
    f->shape = shape_hash(s, n < MAX_KEY ? n : MAX_KEY);
    for (int k = 0; k < 4; k++)
        f->suf[k] = ln > (size_t)k + 1 ? dl_hash64(low + ln - (k + 1), (size_t)k + 1, 0x50 + k) : 0;
    for (int k = 0; k < 3; k++)
        f->pre[k] = ln > (size_t)k + 1 ? dl_hash64(low, (size_t)k + 1, 0x60 + k) : 0;
    f->bits = 0;
    bool letters = false, upper_only = true;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z') {
            letters = true;
            upper_only = false;
        } else if (c >= 'A' && c <= 'Z') {
            letters = true;
        } else if (c >= '0' && c <= '9') {
            f->bits |= W_DIGIT;
        } else if (c == '-' && i > 0) {
            f->bits |= W_HYPHEN;
        }
    }
    if (n && s[0] >= 'A' && s[0] <= 'Z')
        f->bits |= W_CAP;
    /* a word of two letters or more, for headline() */
    if (n > 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
        f->bits |= W_WORD;
    if (letters && upper_only && n > 1)
        f->bits |= W_ALLCAPS;
    if (t->flags & DL_TOK_SENT_START)
        f->bits |= W_START;
    /* Web and e-mail addresses, which the treebank tags ADD. */
    if ((t->flags & DL_TOK_URL) || memmem(s, n, "://", 3) || (n > 4 && !memcmp(s, "www.", 4)) ||
        (memchr(s, '@', n) && memchr(s, '.', n) && n > 4))
        f->bits |= W_URL;
}

/* A headline or a title-case line: most of its words start with a
 * capital, so capitals say little about names. */
static bool headline(const wfeat *w, size_t n)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++)
        if (w[i].bits & W_WORD) {
            words++;
            caps += (w[i].bits & (W_CAP | W_ALLCAPS)) != 0;
        }
    return words >= 4 && caps * 10 >= words * 8;
}

/* The features of token i given the two tags before it (class numbers;
 * n_classes and n_classes + 1 stand for "before the sentence"). */
static size_t features(uint64_t *f, const wfeat *w, size_t n, size_t i, uint32_t p1, uint32_t p2,
                       uint64_t verb)
{
    static const wfeat none = {.exact = 11, .lower = 11, .shape = 11};
    static const wfeat end = {.exact = 13, .lower = 13, .shape = 13};
    const wfeat *c = &w[i];
    const wfeat *l1 = i >= 1 ? &w[i - 1] : &none, *l2 = i >= 2 ? &w[i - 2] : &none;
    const wfeat *r1 = i + 1 < n ? &w[i + 1] : &end, *r2 = i + 2 < n ? &w[i + 2] : &end;
    size_t k = 0;
    f[k++] = dl_feat2(1, 0);
    f[k++] = dl_feat2(2, c->lower);
    f[k++] = dl_feat2(3, c->exact);
    for (int s = 0; s < 4; s++)
        if (c->suf[s])
            f[k++] = dl_feat2(4 + s, c->suf[s]);
    for (int s = 0; s < 3; s++)
        if (c->pre[s])
            f[k++] = dl_feat2(8 + s, c->pre[s]);
    f[k++] = dl_feat2(11, c->shape);
    f[k++] = dl_feat2(12, c->bits);
    f[k++] = dl_feat2(13, p1);
    f[k++] = dl_feat3(14, p1, p2);
    f[k++] = dl_feat3(15, p1, c->lower);
    f[k++] = dl_feat2(16, l1->lower);
    f[k++] = dl_feat2(17, l1->suf[2]);
    f[k++] = dl_feat2(18, l2->lower);
    f[k++] = dl_feat2(19, r1->lower);
    f[k++] = dl_feat2(20, r1->suf[2]);
    f[k++] = dl_feat2(21, r2->lower);
    f[k++] = dl_feat2(22, r1->shape);
    f[k++] = dl_feat2(23, l1->shape);
    f[k++] = dl_feat3(24, l1->lower, c->lower);
    f[k++] = dl_feat3(25, c->lower, r1->lower);
    f[k++] = dl_feat3(26, p1, c->suf[2]);
    f[k++] = dl_feat3(27, p1, c->bits);
    f[k++] = dl_feat3(28, c->shape, c->bits & (W_START | W_HEADLINE));
    f[k++] = dl_feat3(29, r1->suf[1], c->suf[2]);
    f[k++] = dl_feat3(30, l1->lower, r1->lower);
    f[k++] = dl_feat2(31, r1->exact);
    f[k++] = dl_feat2(35, r2->suf[2]);
    /* The last verb so far: "troops fired" (none: past tense) against
     * "were fired" (an auxiliary: participle). */
    f[k++] = dl_feat3(39, verb, c->suf[1]);
    f[k++] = dl_feat3(40, verb, c->lower);
    f[k++] = dl_feat4(36, l1->bits & (W_CAP | W_ALLCAPS), c->bits, r1->bits & (W_CAP | W_ALLCAPS));
    return k;
}

/* The verb context of the next word: the last verb, modal or "to" before
 * it (its word and tag) and how far back, or none. */
static uint64_t verb_context(uint64_t word, uint8_t tag, size_t distance)
{
    return dl_feat4(41, word, tag, distance > 3 ? 3 : distance);
}

static bool verbal(uint8_t tag)
{
    return tag == DL_TAG_MD || tag == DL_TAG_TO || tag == DL_TAG_VB || tag == DL_TAG_VBD ||
           tag == DL_TAG_VBG || tag == DL_TAG_VBN || tag == DL_TAG_VBP || tag == DL_TAG_VBZ;
}

/* ------------------------------------------------------------ the vocabulary */

static int vocab_get(const dl_tagger *tg, uint64_t h)
{
    if (!tg->vocab)
        return -1;
    for (uint32_t i = (uint32_t)h & tg->vocab_mask;; i = (i + 1) & tg->vocab_mask) {
        if (tg->vocab[i] == h)
            return tg->vocab_cls[i];
        if (!tg->vocab[i])
            return -1;
    }
}

static void vocab_put(dl_tagger *tg, uint64_t h, uint8_t cls, uint64_t tags)
{
    uint32_t i = (uint32_t)h & tg->vocab_mask;
    while (tg->vocab[i] && tg->vocab[i] != h)
        i = (i + 1) & tg->vocab_mask;
    tg->vocab[i] = h;
    tg->vocab_cls[i] = cls;
    tg->vocab_tags[i] = tags;
}

/* The tags a known word was seen with (0 for an unknown word). */
static uint64_t vocab_tags(const dl_tagger *tg, uint64_t h)
{
    if (!tg->vocab)
        return 0;
    for (uint32_t i = (uint32_t)h & tg->vocab_mask;; i = (i + 1) & tg->vocab_mask) {
        if (tg->vocab[i] == h)
            return tg->vocab_tags[i];
        if (!tg->vocab[i])
            return 0;
    }
}

bool dl_tagger_knows(const dl_tagger *tg, const char *word, size_t len)
{
    char buf[MAX_KEY];
    size_t n = key_form(buf, word, len, false, false);
    if (vocab_get(tg, word_hash(buf, n)) >= 0)
        return true;
    n = key_form(buf, word, len, true, false);
    return vocab_get(tg, word_hash(buf, n)) >= 0;
}

/* ------------------------------------------------------------ tags.tsv */

static uint64_t allowed(const dl_tagger *tg, uint64_t h)
{
    if (!tg->has_allow)
        return 0;
    for (uint32_t i = (uint32_t)h & tg->allow_mask;; i = (i + 1) & tg->allow_mask) {
        if (tg->allow_keys[i] == h)
            return tg->allow_bits[i];
        if (!tg->allow_keys[i])
            return 0;
    }
}

/* One line of tags.tsv: FORM TAG [TAG...]. A form with a capital is
 * matched as written, a lower-case one in any case. */
static dl_status add_allowed(void *user, char **fields, size_t n, size_t line)
{
    dl_tagger *tg = user;
    if (n < 2)
        return DL_OK;
    uint64_t bits = 0;
    for (size_t i = 1; i < n; i++) {
        dl_tag t = dl_tag_from_name(fields[i], strlen(fields[i]));
        if (t != DL_TAG_NONE)
            bits |= 1ULL << t;
    }
    if (!bits)
        return DL_OK;
    char buf[MAX_KEY];
    size_t len = key_form(buf, fields[0], strlen(fields[0]), false, false);
    uint64_t h = word_hash(buf, len);
    uint32_t i = (uint32_t)h & tg->allow_mask;
    while (tg->allow_keys[i] && tg->allow_keys[i] != h)
        i = (i + 1) & tg->allow_mask;
    tg->allow_keys[i] = h;
    tg->allow_bits[i] = bits;
    return DL_OK;
}

static dl_status load_allowed(dl_tagger *tg, const char *data_dir)
{
    tg->allow_mask = 4095; /* the file holds a few hundred words at most */
    tg->allow_keys = calloc(tg->allow_mask + 1, sizeof *tg->allow_keys);
    tg->allow_bits = calloc(tg->allow_mask + 1, sizeof *tg->allow_bits);
    if (!tg->allow_keys || !tg->allow_bits)
        return DL_ERR_NOMEM;
    dl_status st = dl_wordlist_read(data_dir, "lexicon/tags.tsv", add_allowed, tg);
    if (st == DL_ERR_IO)
        return DL_OK; /* optional */
    tg->has_allow = !st;
    return st;
}

/* ------------------------------------------------------------ tagging */

/* Picks the class of token i: the word list's, else the best score among
 * the classes tags.tsv allows (all when it says nothing). */
static uint32_t best_class(const dl_tagger *tg, const int32_t *scores, uint64_t allow)
{
    uint32_t best = UINT32_MAX;
    for (uint32_t c = 0; c < tg->n_classes; c++) {
        if (allow && !(allow >> tg->cls_tag[c] & 1))
            continue;
        if (best == UINT32_MAX || scores[c] > scores[best])
            best = c;
    }
    return best == UINT32_MAX ? 0 : best;
}

/* The tags an unknown word may take. */
static uint64_t open_tags(uint32_t bits, const char *low, size_t n)
{
    static const dl_tag open[] = {DL_TAG_NN, DL_TAG_NNS, DL_TAG_NNP, DL_TAG_NNPS, DL_TAG_JJ,
                                  DL_TAG_JJR, DL_TAG_JJS, DL_TAG_VB, DL_TAG_VBD, DL_TAG_VBG,
                                  DL_TAG_VBN, DL_TAG_VBP, DL_TAG_VBZ, DL_TAG_CD, DL_TAG_FW,
                                  DL_TAG_UH, DL_TAG_ADD, DL_TAG_GW, DL_TAG_AFX, DL_TAG_SYM,
                                  DL_TAG_XX, DL_TAG_LS, DL_TAG_NFP, DL_TAG_HYPH, DL_TAG_COMMA,
                                  DL_TAG_PERIOD, DL_TAG_COLON, DL_TAG_LRB, DL_TAG_RRB,
                                  DL_TAG_LQUOTE, DL_TAG_RQUOTE, DL_TAG_DOLLAR, DL_TAG_HASH};
    uint64_t m = 0;
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        m |= 1ULL << open[i];
    /* A capitalised word the treebank never saw, outside a headline, is a
     * name or a modifier, not a verb: "Beijing has denied". */
    if ((bits & (W_CAP | W_ALLCAPS)) && !(bits & W_HEADLINE))
        m &= ~(1ULL << DL_TAG_VB | 1ULL << DL_TAG_VBD | 1ULL << DL_TAG_VBG | 1ULL << DL_TAG_VBN |
               1ULL << DL_TAG_VBP | 1ULL << DL_TAG_VBZ);
    /* Adverbs the treebank lacks (or saw only once or twice) are nearly
     * all -ly words: "the mighty Entwash river" is not an adverb. */
    if (n > 2 && !memcmp(low + n - 2, "ly", 2))
        m |= 1ULL << DL_TAG_RB;
    return m;
}

static void tag_range(const dl_tagger *tg, dl_token *tokens, size_t n, wfeat *w)
{
    for (size_t i = 0; i < n; i++)
        word_features(&w[i], &tokens[i]);
    if (headline(w, n))
        for (size_t i = 0; i < n; i++)
            w[i].bits |= W_HEADLINE;
    uint32_t p1 = tg->n_classes, p2 = tg->n_classes + 1;
    uint64_t f[N_FEATS];
    int32_t scores[256 + DL_SCORES_PAD];
    uint64_t last_word = 0;
    uint8_t last_tag = 0;
    size_t last_at = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t verb = verb_context(last_word, last_tag, i - last_at);
        uint64_t allow = allowed(tg, w[i].exact);
        if (!allow && !(w[i].bits & (W_CAP | W_ALLCAPS)))
            allow = allowed(tg, w[i].lower);
        int known = vocab_get(tg, w[i].exact);
        if (!allow) {
            /* A word takes an open-class tag or a tag the treebank gave it:
             * the closed classes (determiners, prepositions, pronouns...)
             * are all in the training data, so "tap" is never a
             * preposition; a word seen ten times takes only its tags. A name at the start of a sentence ("Osgiliath
             * welcomed ...") is not an adverb either. */
            char low[MAX_KEY];
            size_t ln;
            const char *txt = token_text(&tokens[i], &ln);
            ln = key_form(low, txt, ln, true, false);
            uint64_t seen = vocab_tags(tg, w[i].exact);
            allow = seen & SEEN_ENOUGH ? seen & ~SEEN_ENOUGH : open_tags(w[i].bits, low, ln) | seen;
        }
        uint32_t c;
        if (known >= 0 && known != AMBIGUOUS && (!allow || allow >> tg->cls_tag[known] & 1)) {
            c = (uint32_t)known;
        } else {
            size_t k = features(f, w, n, i, p1, p2, verb);
            memset(scores, 0, sizeof scores);
            dl_pweights_score(&tg->w, f, k, scores);
            c = best_class(tg, scores, allow);
        }
        tokens[i].tag = tg->cls_tag[c];
        tokens[i].upos = tg->cls_upos[c];
        if (verbal(tg->cls_tag[c])) {
            last_word = w[i].lower;
            last_tag = tg->cls_tag[c];
            last_at = i;
        }
        p2 = p1;
        p1 = c;
    }
}

static bool word_is(const dl_token *t, const char *const *list)
{
    size_t n;
    const char *s = token_text(t, &n);
    for (; *list; list++)
        if (strlen(*list) == n && !strncasecmp(s, *list, n))
            return true;
    return false;
}

/* News conventions where the treebank's differ, for the chunker and the
 * coders downstream, which read tags as newswire writes them:
 *   - a participle between a determiner and a noun is an adjective
 *     ("the affected/JJ villages"; the treebank often says VBN), and so is
 *     a past participle between a preposition and a noun ("against
 *     besieged/JJ Osgiliath"; a gerund there takes an object: "by
 *     shelling/VBG villages");
 *   - a capitalised common noun before a name is part of the name
 *     ("Deputy/NNP Prime Minister");
 *   - a past participle between a subject and an object is a past tense
 *     ("crowds trashed/VBD its embassy"; a reduced relative has no
 *     object: "the soldiers killed in the attack");
 *   - after a modal or "do" and adverbs with a negation, a word the tagger
 *     called a singular noun is a bare verb ("did not even ever clash/VB").
 * Each rule changes a tag only in the context that makes it certain. */
static bool ends_ly(const dl_token *t)
{
    size_t n;
    const char *s = token_text(t, &n);
    return n > 3 && s[n - 2] == 'l' && s[n - 1] == 'y';
}

/* A number joined by a hyphen to a word: "12-year", "five-day". */
static bool hyphen_word(const dl_token *t)
{
    size_t n;
    const char *s = token_text(t, &n);
    const char *h = memchr(s, '-', n);
    return h && h > s && (size_t)(h - s) + 1 < n && ((h[1] >= 'a' && h[1] <= 'z') || (h[1] >= 'A' && h[1] <= 'Z'));
}

/* Does token h have a child with relation (universal part) dep? */
static bool has_child(const dl_token *t, size_t n, size_t h, dl_dep dep, const char *full)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].deprel && t[i].head == (int32_t)h && t[i].dep == dep &&
            (!full || !strcmp(t[i].deprel, full)))
            return true;
    return false;
}

void dl_tagger_adapt(dl_token *t, size_t n)
{
    /* With a tree: a past participle with an active subject and no
     * auxiliary is a past tense ("police arrested/VBD students"), and a
     * past tense with an auxiliary is a participle ("has arrested/VBN"). */
    for (size_t i = 0; i < n; i++) {
        if (!t[i].deprel)
            break;
        if (t[i].tag == DL_TAG_VBN && has_child(t, n, i, DL_DEP_NSUBJ, "nsubj") &&
            !has_child(t, n, i, DL_DEP_AUX, NULL))
            t[i].tag = DL_TAG_VBD;
        else if (t[i].tag == DL_TAG_VBD && has_child(t, n, i, DL_DEP_AUX, NULL))
            t[i].tag = DL_TAG_VBN;
    }
    static const char *const do_forms[] = {"do", "does", "did", NULL};
    static const char *const negations[] = {"not", "n't", "never", "nt", NULL};
    static const char *const abouts[] = {"about", NULL};
    static const char *const be_have_do[] = {"is", "are", "am", "was", "were", "'s", "'re", "'m",
                                             "has", "have", "had", "'ve", "'d", "do", "does",
                                             "did", NULL};
    for (size_t i = 0; i < n; i++) {
        uint8_t tag = t[i].tag;
        uint8_t next = i + 1 < n ? t[i + 1].tag : DL_TAG_NONE;
        uint8_t prev = i ? t[i - 1].tag : DL_TAG_NONE;
        bool next_nominal = next == DL_TAG_NN || next == DL_TAG_NNS || next == DL_TAG_NNP ||
                            next == DL_TAG_NNPS || next == DL_TAG_JJ;
        /* '"...," the statement adds.': after a closing quotation, a
         * noun phrase and a word in -s before the end of the sentence is
         * the reporting verb, not a plural. */
        if (tag == DL_TAG_NNS && (next == DL_TAG_PERIOD || next == DL_TAG_COMMA || i + 1 == n)) {
            size_t j = i;
            while (j > 0 && (t[j - 1].tag == DL_TAG_NN || t[j - 1].tag == DL_TAG_NNP ||
                             t[j - 1].tag == DL_TAG_NNPS || t[j - 1].tag == DL_TAG_JJ))
                j--;
            if (j > 0 && j < i && t[j - 1].tag == DL_TAG_DT)
                j--;
            if (j < i && j > 0 && t[j - 1].tag == DL_TAG_COMMA)
                j--;
            if (j < i && j > 0 && t[j - 1].tag == DL_TAG_RQUOTE) {
                t[i].tag = DL_TAG_VBZ;
                t[i].upos = DL_UPOS_VERB;
                continue;
            }
        }
        /* "firmly opposes/VBZ and combats/VBZ all forms": an adverb in -ly
         * does not modify a plural noun, and a word in -s joined by "and"
         * to a verb and followed by its object is a verb too. */
        if (tag == DL_TAG_NNS && prev == DL_TAG_RB && ends_ly(&t[i - 1])) {
            t[i].tag = DL_TAG_VBZ;
            t[i].upos = DL_UPOS_VERB;
            continue;
        }
        if (tag == DL_TAG_NNS && prev == DL_TAG_CC && i >= 2 && t[i - 2].tag == DL_TAG_VBZ &&
            (next == DL_TAG_DT || next == DL_TAG_PDT || next == DL_TAG_PRPS)) {
            t[i].tag = DL_TAG_VBZ;
            t[i].upos = DL_UPOS_VERB;
            continue;
        }
        /* "We reject outright/RB the call": two finite verbs in a row do
         * not happen; between a verb and its determiner, an adverb. */
        if ((tag == DL_TAG_VBP || tag == DL_TAG_VBZ || tag == DL_TAG_VBD) &&
            (prev == DL_TAG_VBP || prev == DL_TAG_VBZ || prev == DL_TAG_VBD) &&
            (next == DL_TAG_DT || next == DL_TAG_PRPS) && !word_is(&t[i - 1], be_have_do)) {
            t[i].tag = DL_TAG_RB;
            t[i].upos = DL_UPOS_ADV;
            continue;
        }
        bool prev_nominal = prev == DL_TAG_NN || prev == DL_TAG_NNS || prev == DL_TAG_NNP ||
                            prev == DL_TAG_NNPS || prev == DL_TAG_PRP;
        if (tag == DL_TAG_VBN && prev_nominal &&
            (next_nominal || next == DL_TAG_DT || next == DL_TAG_PRPS || next == DL_TAG_CD ||
             next == DL_TAG_RP)) {
            t[i].tag = DL_TAG_VBD;
        } else if (tag == DL_TAG_CD && next_nominal && hyphen_word(&t[i])) {
            /* "a 12-year/JJ rift": the treebank splits such words at the
             * hyphen; kept whole, as the tokenizer does, they are adjectives. */
            t[i].tag = DL_TAG_JJ;
            t[i].upos = DL_UPOS_ADJ;
        } else if (tag == DL_TAG_JJ && next == DL_TAG_TO && word_is(&t[i], abouts)) {
            t[i].tag = DL_TAG_RB; /* "is about/RB to restore", as newswire tags it */
            t[i].upos = DL_UPOS_ADV;
        } else if ((tag == DL_TAG_VBN || tag == DL_TAG_VBG) && next_nominal &&
            (prev == DL_TAG_DT || prev == DL_TAG_PRPS || prev == DL_TAG_POS ||
             (prev == DL_TAG_IN && tag == DL_TAG_VBN))) {
            t[i].tag = DL_TAG_JJ;
            t[i].upos = DL_UPOS_ADJ;
        } else if ((tag == DL_TAG_NN || tag == DL_TAG_NNS) && i > 0 &&
                   !(t[i].flags & DL_TOK_SENT_START) && t[i].text[0] >= 'A' && t[i].text[0] <= 'Z' &&
                   (next == DL_TAG_NNP || next == DL_TAG_NNPS) && t[i + 1].text[0] >= 'A' &&
                   t[i + 1].text[0] <= 'Z') {
            t[i].tag = tag == DL_TAG_NN ? DL_TAG_NNP : DL_TAG_NNPS;
            t[i].upos = DL_UPOS_PROPN;
        } else if (tag == DL_TAG_NN && i >= 2 && prev == DL_TAG_VB && i + 1 < n &&
                   (next == DL_TAG_DT || next == DL_TAG_PRPS) &&
                   (t[i - 2].tag == DL_TAG_MD || t[i - 2].tag == DL_TAG_TO ||
                    word_is(&t[i - 2], negations))) {
            /* "will not wire tap/VB the lines": a bare verb, then a word
             * before a determiner, is a verb made of two words. */
            t[i].tag = DL_TAG_VB;
            t[i].upos = DL_UPOS_VERB;
        } else if (tag == DL_TAG_NN && i >= 2 && prev == DL_TAG_RB) {
            size_t j = i;
            bool negated = false;
            while (j > 0 && t[j - 1].tag == DL_TAG_RB)
                negated |= word_is(&t[--j], negations);
            if (negated && j > 0 && (t[j - 1].tag == DL_TAG_MD || word_is(&t[j - 1], do_forms))) {
                t[i].tag = DL_TAG_VB;
                t[i].upos = DL_UPOS_VERB;
            }
        }
    }
}

void dl_tagger_tag(const dl_tagger *tg, dl_token *tokens, size_t n)
{
    if (!n)
        return;
    wfeat local[256];
    wfeat *w = n <= 256 ? local : malloc(n * sizeof *w);
    if (!w) {
        /* Out of memory for a very long sentence: tag it in pieces. */
        for (size_t i = 0; i < n; i += 256)
            tag_range(tg, tokens + i, n - i < 256 ? n - i : 256, local);
        return;
    }
    tag_range(tg, tokens, n, w);
    if (w != local)
        free(w);
}

/* ------------------------------------------------------------ loading */

void dl_tagger_close(dl_tagger *tg)
{
    if (!tg)
        return;
    dl_pweights_free(&tg->w);
    free(tg->vocab);
    free(tg->vocab_cls);
    free(tg->vocab_tags);
    free(tg->allow_keys);
    free(tg->allow_bits);
    free(tg);
}

dl_status dl_tagger_from_bytes(dl_tagger **out, const unsigned char *data, size_t size, char *why,
                               size_t why_len)
{
    *out = NULL;
    dl_tagger *tg = calloc(1, sizeof *tg);
    if (!tg)
        return DL_ERR_NOMEM;
    dl_preader r = {data, data + size, false};
    dl_status st = DL_OK;
    uint64_t nc = dl_pr_var(&r);
    if (r.bad || nc == 0 || nc > 254) {
        snprintf(why, why_len, "bad class count");
        st = DL_ERR_PARSE;
    }
    tg->n_classes = (uint32_t)nc;
    for (uint32_t c = 0; !st && c < tg->n_classes; c++) {
        char *x = dl_pr_str(&r, 16), *u = dl_pr_str(&r, 16);
        if (x && u) {
            tg->cls_tag[c] = (uint8_t)dl_tag_from_name(x, strlen(x));
            tg->cls_upos[c] = (uint8_t)dl_upos_from_name(u, strlen(u));
        }
        free(x);
        free(u);
        if (r.bad) {
            snprintf(why, why_len, "bad class name");
            st = DL_ERR_PARSE;
        }
    }
    uint64_t nw = st ? 0 : dl_pr_var(&r);
    if (!st && (r.bad || nw > (uint64_t)(r.end - r.p) / 17)) {
        snprintf(why, why_len, "bad word count");
        st = DL_ERR_PARSE;
    }
    if (!st) {
        uint32_t size2 = 1024;
        while (size2 < nw * 2)
            size2 *= 2;
        tg->vocab_mask = size2 - 1;
        tg->vocab = calloc(size2, sizeof *tg->vocab);
        tg->vocab_cls = calloc(size2, 1);
        tg->vocab_tags = calloc(size2, sizeof *tg->vocab_tags);
        if (!tg->vocab || !tg->vocab_cls || !tg->vocab_tags)
            st = DL_ERR_NOMEM;
    }
    for (uint64_t i = 0; !st && i < nw; i++) {
        uint64_t lo = dl_pr_u32(&r), hi = dl_pr_u32(&r);
        uint8_t cls = dl_pr_u8(&r);
        uint64_t tags = dl_pr_u32(&r);
        tags |= (uint64_t)dl_pr_u32(&r) << 32;
        uint64_t h = lo | hi << 32;
        if (r.bad || !h || (cls != AMBIGUOUS && cls >= tg->n_classes)) {
            snprintf(why, why_len, "bad word entry");
            st = DL_ERR_PARSE;
        } else {
            vocab_put(tg, h, cls, tags);
        }
    }
    if (!st && dl_pr_weights(&r, &tg->w, tg->n_classes) != DL_OK) {
        snprintf(why, why_len, "bad weight table");
        st = DL_ERR_PARSE;
    }
    if (!st && r.p != r.end) {
        snprintf(why, why_len, "trailing bytes after the weights");
        st = DL_ERR_PARSE;
    }
    if (st) {
        dl_tagger_close(tg);
        return st;
    }
    *out = tg;
    return DL_OK;
}

dl_status dl_tagger_load(dl_tagger **out, const char *path, char *why, size_t why_len)
{
    *out = NULL;
    unsigned char *payload;
    size_t len;
    dl_status st = dl_model_load(path, DL_MODEL_TAGGER, &payload, &len, why, why_len);
    if (st)
        return st;
    char inner[200] = "";
    st = dl_tagger_from_bytes(out, payload, len, inner, sizeof inner);
    if (st)
        snprintf(why, why_len, "%s: %s", path, inner);
    free(payload);
    return st;
}

dl_status dl_tagger_open(dl_tagger **out, const char *data_dir)
{
    open_message[0] = '\0';
    if (!data_dir)
        data_dir = dl_data_dir();
    char path[1024];
    snprintf(path, sizeof path, "%s/models/tagger.dlm", data_dir);
    dl_status st = dl_tagger_load(out, path, open_message, sizeof open_message);
    if (!st) {
        st = load_allowed(*out, data_dir);
        if (st) {
            snprintf(open_message, sizeof open_message, "%s/lexicon/tags.tsv: %s", data_dir,
                     dl_status_name(st));
            dl_tagger_close(*out);
            *out = NULL;
        }
    }
    return st;
}

/* ------------------------------------------------------------ training */

typedef struct tsent {
    dl_token *tokens;
    uint8_t *gold;
    size_t n;
} tsent;

typedef struct wcount {
    uint64_t h;
    uint32_t total;
    uint32_t by_class[256];
} wcount;

/* The class of an XPOS/UPOS pair, added when new. */
static int class_of(char names[][2][16], uint32_t *n, const char *x, const char *u)
{
    for (uint32_t c = 0; c < *n; c++)
        if (!strcmp(names[c][0], x) && !strcmp(names[c][1], u))
            return (int)c;
    if (*n >= 254 || strlen(x) >= 16 || strlen(u) >= 16)
        return -1;
    snprintf(names[*n][0], 16, "%s", x);
    snprintf(names[*n][1], 16, "%s", u);
    return (int)(*n)++;
}

/* Trains on the sentences of docs, leaving out those whose number is
 * `fold` modulo `folds` (when folds > 1), and writes the payload to pw. */
static dl_status train(const dl_conllu *docs, size_t n_docs, const dl_train_options *opt,
                       uint32_t folds, uint32_t fold, dl_pwriter *pw_out)
{
    dl_arena *arena = dl_arena_new(1 << 20);
    dl_tagger *tg = calloc(1, sizeof *tg);
    char (*names)[2][16] = calloc(256, sizeof *names);
    size_t n_sents = 0;
    for (size_t d = 0; d < n_docs; d++)
        n_sents += docs[d].n_sentences;
    tsent *sents = calloc(n_sents ? n_sents : 1, sizeof *sents);
    dl_ptrain *pt = NULL;
    wcount *counts = NULL;
    dl_status st = arena && tg && names && sents ? DL_OK : DL_ERR_NOMEM;
    uint32_t n_classes = 0;
    size_t k = 0, n_tokens = 0, number = 0;
    for (size_t d = 0; !st && d < n_docs; d++)
        for (size_t i = 0; !st && i < docs[d].n_sentences; i++) {
            const dl_conllu_sentence *s = &docs[d].sentences[i];
            if (folds > 1 && number++ % folds == fold)
                continue;
            tsent *t = &sents[k++];
            t->n = s->n_words;
            t->tokens = dl_conllu_tokens(s, arena);
            t->gold = DL_ARENA_NEW(arena, uint8_t, s->n_words + 1);
            if (!t->tokens || !t->gold) {
                st = DL_ERR_NOMEM;
                break;
            }
            for (size_t w = 0; w < s->n_words; w++) {
                int c = class_of(names, &n_classes, s->words[w].xpos, s->words[w].upos);
                if (c < 0) {
                    st = DL_ERR_LIMIT;
                    break;
                }
                t->gold[w] = (uint8_t)c;
            }
            n_tokens += t->n;
        }
    n_sents = k;
    for (uint32_t c = 0; c < n_classes; c++)
        tg->cls_tag[c] = (uint8_t)dl_tag_from_name(names[c][0], strlen(names[c][0]));
    if (!st && n_classes == 0)
        st = DL_ERR_EMPTY;
    /* The word list: every form, with its class when at least 20 uses
     * out of 20 or more agree 97% of the time. */
    size_t vcap = 1024;
    while (vcap < n_tokens * 2)
        vcap *= 2;
    if (!st) {
        counts = calloc(vcap, sizeof *counts);
        tg->vocab = calloc(vcap, sizeof *tg->vocab);
        tg->vocab_cls = calloc(vcap, 1);
        tg->vocab_tags = calloc(vcap, sizeof *tg->vocab_tags);
        tg->vocab_mask = (uint32_t)vcap - 1;
        if (!counts || !tg->vocab || !tg->vocab_cls || !tg->vocab_tags)
            st = DL_ERR_NOMEM;
    }
    for (size_t i = 0; !st && i < n_sents; i++)
        for (size_t w = 0; w < sents[i].n; w++) {
            wfeat f;
            word_features(&f, &sents[i].tokens[w]);
            size_t j = (size_t)f.exact & (vcap - 1);
            while (counts[j].h && counts[j].h != f.exact)
                j = (j + 1) & (vcap - 1);
            counts[j].h = f.exact;
            counts[j].total++;
            counts[j].by_class[sents[i].gold[w]]++;
        }
    size_t n_words = 0;
    for (size_t j = 0; !st && j < vcap; j++) {
        if (!counts[j].h)
            continue;
        uint8_t cls = AMBIGUOUS;
        uint64_t tags = 0;
        for (uint32_t c = 0; c < n_classes; c++) {
            if (counts[j].total >= 20 && counts[j].by_class[c] * 100 >= counts[j].total * 97)
                cls = (uint8_t)c;
            if (counts[j].by_class[c])
                tags |= 1ULL << (dl_tag_from_name(names[c][0], strlen(names[c][0])) & 63);
        }
        /* A word seen ten times or more has shown its tags. */
        if (counts[j].total >= 10)
            tags |= SEEN_ENOUGH;
        vocab_put(tg, counts[j].h, cls, tags);
        n_words++;
    }
    tg->n_classes = n_classes;
    if (!st)
        st = dl_ptrain_new(&pt, n_classes);
    uint32_t iterations = opt && opt->iterations ? opt->iterations : DEFAULT_ITERATIONS;
    uint64_t rng = opt ? opt->seed : 1;
    size_t *order = calloc(n_sents ? n_sents : 1, sizeof *order);
    wfeat *w = NULL;
    size_t w_cap = 0;
    if (!order)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; i < n_sents && order; i++)
        order[i] = i;
    for (uint32_t it = 0; !st && it < iterations; it++) {
        for (size_t i = n_sents; i > 1; i--) {
            size_t j = (size_t)(dl_rand_next(&rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        uint64_t right = 0, total = 0;
        for (size_t oi = 0; !st && oi < n_sents; oi++) {
            tsent *s = &sents[order[oi]];
            if (s->n > w_cap) {
                free(w);
                w_cap = s->n * 2;
                w = malloc(w_cap * sizeof *w);
                if (!w) {
                    st = DL_ERR_NOMEM;
                    break;
                }
            }
            for (size_t i = 0; i < s->n; i++)
                word_features(&w[i], &s->tokens[i]);
            if (headline(w, s->n))
                for (size_t i = 0; i < s->n; i++)
                    w[i].bits |= W_HEADLINE;
            uint32_t p1 = n_classes, p2 = n_classes + 1;
            uint64_t last_word = 0;
            uint8_t last_tag = 0;
            size_t last_at = 0;
            for (size_t i = 0; !st && i < s->n; i++) {
                uint64_t verb = verb_context(last_word, last_tag, i - last_at);
                int known = vocab_get(tg, w[i].exact);
                uint32_t guess;
                if (known >= 0 && known != AMBIGUOUS) {
                    guess = (uint32_t)known;
                } else {
                    uint64_t f[N_FEATS];
                    float scores[256] = {0};
                    size_t nf = features(f, w, s->n, i, p1, p2, verb);
                    dl_ptrain_score(pt, f, nf, scores);
                    guess = 0;
                    for (uint32_t c = 1; c < n_classes; c++)
                        if (scores[c] > scores[guess])
                            guess = c;
                    st = dl_ptrain_update(pt, f, nf, s->gold[i], guess);
                }
                right += guess == s->gold[i];
                total++;
                if (verbal(tg->cls_tag[guess])) {
                    last_word = w[i].lower;
                    last_tag = tg->cls_tag[guess];
                    last_at = i;
                }
                p2 = p1;
                p1 = guess;
            }
        }
        if (opt && opt->progress)
            opt->progress(opt->progress_user, it + 1, total ? (double)right / (double)total : 0);
    }
    if (!st) {
        dl_pwriter *pw = pw_out;
        dl_pw_var(pw, n_classes);
        for (uint32_t c = 0; c < n_classes; c++) {
            dl_pw_str(pw, names[c][0]);
            dl_pw_str(pw, names[c][1]);
        }
        dl_pw_var(pw, n_words);
        for (size_t j = 0; j < vcap; j++)
            if (tg->vocab[j]) {
                dl_pw_u32(pw, (uint32_t)tg->vocab[j]);
                dl_pw_u32(pw, (uint32_t)(tg->vocab[j] >> 32));
                dl_pw_u8(pw, tg->vocab_cls[j]);
                dl_pw_u32(pw, (uint32_t)tg->vocab_tags[j]);
                dl_pw_u32(pw, (uint32_t)(tg->vocab_tags[j] >> 32));
            }
        dl_pw_weights(pw, pt, opt ? opt->min_count : 0);
        st = pw->status;
    }
    free(w);
    free(order);
    free(counts);
    dl_ptrain_free(pt);
    free(sents);
    free(names);
    dl_tagger_close(tg);
    dl_arena_free(arena);
    return st;
}

dl_status dl_tagger_train(const dl_conllu *docs, size_t n_docs, const dl_train_options *opt,
                          const char *out_path)
{
    dl_pwriter pw = {DL_BUF_INIT, DL_OK};
    dl_status st = train(docs, n_docs, opt, 0, 0, &pw);
    if (!st)
        st = dl_model_save(out_path, DL_MODEL_TAGGER, &pw.buf);
    dl_buf_free(&pw.buf);
    return st;
}

dl_status dl_tagger_train_fold(dl_tagger **out, const dl_conllu *docs, size_t n_docs,
                               const dl_train_options *opt, uint32_t folds, uint32_t fold)
{
    *out = NULL;
    dl_pwriter pw = {DL_BUF_INIT, DL_OK};
    dl_status st = train(docs, n_docs, opt, folds, fold, &pw);
    if (!st) {
        char why[200];
        st = dl_tagger_from_bytes(out, (const unsigned char *)pw.buf.data, pw.buf.len, why,
                                  sizeof why);
    }
    dl_buf_free(&pw.buf);
    return st;
}
