/* tagclass.h: the classes of part-of-speech tags that every stage asks
 * about (is it a noun, a verb, finite, punctuation?), decided here once.
 * The tags are Penn's plus the English Web Treebank's extras (dl_tag in
 * dateline.h); tokens store them as uint8_t. */
#ifndef DL_TEXT_TAGCLASS_H
#define DL_TEXT_TAGCLASS_H
#include "dateline.h"

#include <stdbool.h>
#include <stdint.h>

/* NN, NNS, NNP, NNPS */
static inline bool dl_tag_is_noun(uint8_t t)
{
    return t == DL_TAG_NN || t == DL_TAG_NNS || t == DL_TAG_NNP || t == DL_TAG_NNPS;
}

/* NNP, NNPS */
static inline bool dl_tag_is_proper(uint8_t t) { return t == DL_TAG_NNP || t == DL_TAG_NNPS; }

/* VB, VBD, VBG, VBN, VBP, VBZ (not MD) */
static inline bool dl_tag_is_verb(uint8_t t)
{
    return t == DL_TAG_VB || t == DL_TAG_VBD || t == DL_TAG_VBG || t == DL_TAG_VBN ||
           t == DL_TAG_VBP || t == DL_TAG_VBZ;
}

/* Tags that carry tense: VBD, VBP, VBZ and the modals. */
static inline bool dl_tag_is_finite(uint8_t t)
{
    return t == DL_TAG_VBD || t == DL_TAG_VBP || t == DL_TAG_VBZ || t == DL_TAG_MD;
}

/* RB, RBR, RBS */
static inline bool dl_tag_is_adverb(uint8_t t)
{
    return t == DL_TAG_RB || t == DL_TAG_RBR || t == DL_TAG_RBS;
}

/* JJ, JJR, JJS */
static inline bool dl_tag_is_adjective(uint8_t t)
{
    return t == DL_TAG_JJ || t == DL_TAG_JJR || t == DL_TAG_JJS;
}

/* Punctuation and symbols. */
static inline bool dl_tag_is_punct(uint8_t t)
{
    return t == DL_TAG_COMMA || t == DL_TAG_PERIOD || t == DL_TAG_COLON || t == DL_TAG_LQUOTE ||
           t == DL_TAG_RQUOTE || t == DL_TAG_LRB || t == DL_TAG_RRB || t == DL_TAG_HYPH ||
           t == DL_TAG_NFP || t == DL_TAG_HASH || t == DL_TAG_DOLLAR || t == DL_TAG_SYM;
}

#endif
