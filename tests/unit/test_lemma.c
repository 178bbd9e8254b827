/* test_lemma.c: WordNet lemmas held in memory. */
#include "test.h"
#include "base/arena.h"
#include "text/lemma.h"

#include <stdio.h>

static dl_lemmatizer *lm;
static dl_arena *arena;

static bool ready(void)
{
    if (!lm) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/data", dl_test_root());
        if (dl_lemmatizer_open(&lm, dir) != DL_OK)
            return false;
        arena = dl_arena_new(0);
    }
    return lm && arena;
}

__attribute__((destructor)) static void done(void)
{
    dl_lemmatizer_close(lm);
    dl_arena_free(arena);
}

static const char *lemma(const char *w, dl_tag tag)
{
    return dl_lemmatize(lm, w, strlen(w), tag, arena);
}

TEST(lemma_exceptions_and_rules)
{
    if (!ready())
        SKIP("WordNet (wordnet-base) is not installed");
    CHECK_STR(lemma("struck", DL_TAG_VBD), "strike");
    CHECK_STR(lemma("said", DL_TAG_VBD), "say");
    CHECK_STR(lemma("held", DL_TAG_VBN), "hold");
    CHECK_STR(lemma("forces", DL_TAG_NNS), "force");
    CHECK_STR(lemma("militaries", DL_TAG_NNS), "military");
    CHECK_STR(lemma("children", DL_TAG_NNS), "child");
    CHECK_STR(lemma("better", DL_TAG_JJR), "good");
    CHECK_STR(lemma("better", DL_TAG_RBR), "well");
    CHECK_STR(lemma("went", DL_TAG_VBD), "go");
    CHECK_STR(lemma("does", DL_TAG_VBZ), "do");
    CHECK_STR(lemma("was", DL_TAG_VBD), "be");
    CHECK_STR(lemma("are", DL_TAG_VBP), "be");
    CHECK_STR(lemma("stopped", DL_TAG_VBD), "stop");
    CHECK_STR(lemma("planning", DL_TAG_VBG), "plan");
    CHECK_STR(lemma("attacks", DL_TAG_VBZ), "attack");
    CHECK_STR(lemma("ceasefires", DL_TAG_NNS), "ceasefire");
    CHECK_STR(lemma("largest", DL_TAG_JJS), "large");
}

TEST(lemma_case_and_unknown_words)
{
    if (!ready())
        SKIP("WordNet (wordnet-base) is not installed");
    CHECK_STR(lemma("Gaza", DL_TAG_NNP), "gaza");
    CHECK_STR(lemma("Struck", DL_TAG_VBD), "strike");
    CHECK_STR(lemma("The", DL_TAG_DT), "the");
    CHECK_STR(lemma("Israelis", DL_TAG_NNPS), "israeli");
    /* Words WordNet has never seen still lose their inflection. */
    CHECK_STR(lemma("tweets", DL_TAG_NNS), "tweet");
    CHECK_STR(lemma("livestreamed", DL_TAG_VBD), "livestream");
    CHECK_STR(lemma("emailing", DL_TAG_VBG), "email");
    /* Base forms stay themselves. */
    CHECK_STR(lemma("saw", DL_TAG_NN), "saw");
    CHECK_STR(lemma("news", DL_TAG_NN), "news");
    /* Clitics from data/lexicon/lemmas.tsv. */
    CHECK_STR(lemma("'s", DL_TAG_VBZ), "be");
    CHECK_STR(lemma("'s", DL_TAG_POS), "'s");
    CHECK_STR(lemma("n't", DL_TAG_RB), "not");
    CHECK_STR(lemma("ca", DL_TAG_MD), "can");
    /* Not NUL-terminated input: only len bytes are read. */
    CHECK_STR(dl_lemmatize(lm, "forcesXYZ", 6, DL_TAG_NNS, arena), "force");
}
