/* chunk.c: base noun phrases and verb groups from part-of-speech tags.
 *
 * A rule chunker, not a statistical one: the two kinds of chunk the
 * extractors need are regular enough that a few patterns over Penn tags
 * get them right, and each decision can be explained.
 *
 * Noun phrase:  [PDT] [DT | PRP$ | WP$] modifiers* noun+ , where modifiers
 *               are adjectives, numbers, participles and nouns, and a
 *               possessive ("Israel 's") continues the phrase, so "Israel's
 *               Defence Minister Yoav Gallant" is one phrase headed by
 *               "Gallant". A pronoun or a lone number is a phrase too.
 * Verb group:   auxiliaries, modals, negation and adverbs up to the main
 *               verb: "did not immediately respond", "might have held",
 *               "has been postponed", "is going to expand" (one group,
 *               future). Adverbs join only when a verb follows them. */
#include "text/tagclass.h"
#include "text/chunk.h"
#include "base/arena.h"

#include <string.h>
#include <strings.h>

static size_t tok_len(const dl_token *t)
{
    return t->end > t->start ? t->end - t->start : strlen(t->text);
}

/* Is the token one of the words in list (case-insensitive)? */
static bool word_in(const dl_token *t, const char *const *list)
{
    size_t n = tok_len(t);
    /* Curly apostrophes ("’s") count as straight ones. */
    char buf[16];
    const char *s = t->text;
    if (n >= 3 && n < sizeof buf && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0x99) {
        buf[0] = '\'';
        memcpy(buf + 1, s + 3, n - 3);
        s = buf;
        n -= 2;
    }
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(s, *list, n) == 0)
            return true;
    return false;
}

static const char *const be_forms[] = {"be", "is", "are", "am", "was", "were", "been", "being",
                                       "'s", "'re", "'m", "s", "re", "m", NULL};
static const char *const have_forms[] = {"have", "has", "had", "having", "'ve", "'d", "ve", NULL};
static const char *const do_forms[] = {"do", "does", "did", NULL};
static const char *const get_forms[] = {"get", "gets", "got", "gotten", "getting", NULL};
static const char *const future_modals[] = {"will", "'ll", "ll", "shall", "wo", "sha", NULL};
static const char *const negations[] = {"not", "n't", "never", "nt", NULL};


/* Can token i sit inside a noun phrase before its head? */
static bool np_modifier(const dl_token *tok, size_t n, size_t i)
{
    uint8_t t = tok[i].tag;
    if (dl_tag_is_noun(t) || t == DL_TAG_JJ || t == DL_TAG_JJR || t == DL_TAG_JJS || t == DL_TAG_CD)
        return true;
    /* Participles and hyphens only between modifiers and a later noun:
     * "the damaged building", "a well - known figure". */
    if (t == DL_TAG_VBN || t == DL_TAG_VBG || t == DL_TAG_HYPH || t == DL_TAG_DOLLAR)
        return i + 1 < n && (dl_tag_is_noun(tok[i + 1].tag) || tok[i + 1].tag == DL_TAG_JJ ||
                             tok[i + 1].tag == DL_TAG_CD || tok[i + 1].tag == DL_TAG_HYPH ||
                             tok[i + 1].tag == DL_TAG_VBN);
    /* "very large": an adverb directly before an adjective. */
    if (dl_tag_is_adverb(t))
        return i + 1 < n && (tok[i + 1].tag == DL_TAG_JJ || tok[i + 1].tag == DL_TAG_JJR ||
                             tok[i + 1].tag == DL_TAG_JJS);
    return false;
}

/* Tries a noun phrase at i; returns its end (exclusive) or i when there is
 * none, and sets *head. */
static size_t noun_phrase(const dl_token *tok, size_t n, size_t i, uint32_t *head)
{
    size_t j = i;
    bool determined = false;
    if (tok[j].tag == DL_TAG_PRP) {
        *head = (uint32_t)j;
        return j + 1;
    }
    if (tok[j].tag == DL_TAG_PDT)
        j++;
    if (j < n && (tok[j].tag == DL_TAG_DT || tok[j].tag == DL_TAG_PRPS || tok[j].tag == DL_TAG_WPS ||
                  tok[j].tag == DL_TAG_WDT)) {
        determined = true;
        j++;
    }
    size_t last_noun = SIZE_MAX, last = SIZE_MAX;
    for (;;) {
        while (j < n && np_modifier(tok, n, j)) {
            if (dl_tag_is_noun(tok[j].tag) || tok[j].tag == DL_TAG_CD)
                last_noun = j;
            last = j;
            j++;
        }
        /* A possessive continues the phrase: "Israel 's Defence Minister". */
        if (j < n && tok[j].tag == DL_TAG_POS && last_noun != SIZE_MAX && last_noun + 1 == j &&
            j + 1 < n && (np_modifier(tok, n, j + 1))) {
            j++;
            last_noun = SIZE_MAX;
            continue;
        }
        break;
    }
    if (last_noun != SIZE_MAX) {
        /* Trailing modifiers after the last noun ("the two") do not belong;
         * end the phrase at its head noun. */
        *head = (uint32_t)last_noun;
        return last_noun + 1;
    }
    if (determined && last != SIZE_MAX) {
        *head = (uint32_t)last; /* "the poor", "the first" */
        return last + 1;
    }
    if (determined && j == i + 1 && (tok[i].tag == DL_TAG_DT) && word_in(&tok[i], (const char *const[]){"this", "that", "these", "those", "all", "both", "each", "some", "any", "none", NULL})) {
        *head = (uint32_t)i; /* a demonstrative standing alone */
        return i + 1;
    }
    return i;
}

/* Can token j continue a verb group whose last verb is at `prev`? */
static bool aux_like(const dl_token *t)
{
    return t->tag == DL_TAG_MD || word_in(t, be_forms) || word_in(t, have_forms) ||
           word_in(t, do_forms) || word_in(t, get_forms);
}

/* The verb at k, skipping adverbs from j; SIZE_MAX when none follows. */
static size_t verb_after_adverbs(const dl_token *tok, size_t n, size_t j)
{
    while (j < n && (dl_tag_is_adverb(tok[j].tag) || word_in(&tok[j], negations)))
        j++;
    return j < n && (dl_tag_is_verb(tok[j].tag) || tok[j].tag == DL_TAG_MD) ? j : SIZE_MAX;
}

static size_t verb_group(const dl_token *tok, size_t n, size_t i, uint32_t *head, uint8_t *flags)
{
    size_t j = i;
    /* "according to X" and "owing to X" work as prepositions: no verb
     * group, so nothing downstream takes them for a deed. */
    if (tok[j].tag == DL_TAG_VBG && j + 1 < n && tok[j + 1].tag == DL_TAG_IN &&
        !strcasecmp(tok[j + 1].text, "to") && tok[j].lemma &&
        (!strcmp(tok[j].lemma, "accord") || !strcmp(tok[j].lemma, "owe")))
        return i;
    /* A leading negation ("never went") belongs to the group. */
    if (!(dl_tag_is_verb(tok[j].tag) || tok[j].tag == DL_TAG_MD)) {
        if (!word_in(&tok[j], negations))
            return i;
        size_t v = verb_after_adverbs(tok, n, j);
        if (v == SIZE_MAX)
            return i;
    }
    size_t last_verb = SIZE_MAX;
    while (j < n) {
        const dl_token *t = &tok[j];
        if (dl_tag_is_verb(t->tag) || t->tag == DL_TAG_MD) {
            /* A second verb joins only after an auxiliary: "might have
             * held", not "wants help". */
            if (last_verb != SIZE_MAX && !aux_like(&tok[last_verb]))
                break;
            last_verb = j++;
            continue;
        }
        if (dl_tag_is_adverb(t->tag) || word_in(t, negations)) {
            size_t v = verb_after_adverbs(tok, n, j);
            if (v != SIZE_MAX && (last_verb == SIZE_MAX || aux_like(&tok[last_verb]))) {
                j = v;
                continue;
            }
        }
        break;
    }
    if (last_verb == SIZE_MAX)
        return i;
    size_t end = last_verb + 1;
    uint8_t f = 0;
    /* "is going to expand", "is expected to rise": one future group. */
    if (end + 1 < n && tok[end].tag == DL_TAG_TO && last_verb > i &&
        word_in(&tok[last_verb], (const char *const[]){"going", "expected", "set", "due", "poised", NULL}) &&
        word_in(&tok[last_verb - 1], be_forms)) {
        uint32_t h2;
        uint8_t f2;
        size_t e2 = verb_group(tok, n, end + 1, &h2, &f2);
        if (e2 > end + 1 && tok[end + 1].tag == DL_TAG_VB) {
            f |= DL_VG_FUTURE | (f2 & (DL_VG_PASSIVE | DL_VG_NEGATED | DL_VG_PROGRESSIVE));
            for (size_t k = i; k < end; k++)
                if (word_in(&tok[k], negations))
                    f |= DL_VG_NEGATED;
            *head = h2;
            *flags = f;
            return e2;
        }
    }
    size_t h = last_verb;
    bool be_before = false, have_before = false;
    for (size_t k = i; k < end; k++) {
        const dl_token *t = &tok[k];
        if (word_in(t, negations))
            f |= DL_VG_NEGATED;
        if (t->tag == DL_TAG_MD) {
            if (word_in(t, future_modals))
                f |= DL_VG_FUTURE;
            else
                f |= DL_VG_MODAL;
        }
        if (k == h)
            break;
        if (!dl_tag_is_verb(t->tag))
            continue;
        if (word_in(t, be_forms) || word_in(t, get_forms))
            be_before = true;
        if (word_in(t, have_forms) && k + 1 < end)
            have_before = have_before || verb_after_adverbs(tok, n, k + 1) != SIZE_MAX;
    }
    const dl_token *ht = &tok[h];
    if (ht->tag == DL_TAG_VBN && be_before && !word_in(ht, be_forms))
        f |= DL_VG_PASSIVE;
    if (have_before) {
        /* "has held", "has been postponed": a have-form before a participle. */
        for (size_t k = i; k <= h; k++)
            if (word_in(&tok[k], have_forms) && dl_tag_is_verb(tok[k].tag)) {
                size_t v = verb_after_adverbs(tok, n, k + 1);
                if (v != SIZE_MAX && v <= h && tok[v].tag == DL_TAG_VBN)
                    f |= DL_VG_PERFECT;
            }
    }
    for (size_t k = i; k < h; k++)
        if (word_in(&tok[k], be_forms) && dl_tag_is_verb(tok[k].tag)) {
            size_t v = verb_after_adverbs(tok, n, k + 1);
            if (v != SIZE_MAX && v <= h && tok[v].tag == DL_TAG_VBG)
                f |= DL_VG_PROGRESSIVE;
        }
    *head = (uint32_t)h;
    *flags = f;
    return end;
}

dl_status dl_chunk_sentence(dl_sentence *sentence, dl_arena *arena)
{
    size_t n = sentence->n_tokens;
    const dl_token *tok = sentence->tokens;
    sentence->chunks = NULL;
    sentence->n_chunks = 0;
    if (n == 0)
        return DL_OK;
    dl_chunk *ch = DL_ARENA_NEW(arena, dl_chunk, n);
    if (!ch)
        return DL_ERR_NOMEM;
    size_t nc = 0;
    for (size_t i = 0; i < n;) {
        uint32_t head = 0;
        uint8_t flags = 0;
        size_t e = verb_group(tok, n, i, &head, &flags);
        if (e > i) {
            ch[nc++] = (dl_chunk){(uint32_t)i, (uint32_t)e, head, DL_CHUNK_VG, flags};
            i = e;
            continue;
        }
        e = noun_phrase(tok, n, i, &head);
        if (e > i) {
            ch[nc++] = (dl_chunk){(uint32_t)i, (uint32_t)e, head, DL_CHUNK_NP, 0};
            i = e;
            continue;
        }
        i++;
    }
    sentence->chunks = ch;
    sentence->n_chunks = (uint32_t)nc;
    return DL_OK;
}
