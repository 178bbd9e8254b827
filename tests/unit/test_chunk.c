/* test_chunk.c: base noun phrases and verb groups. */
#include "test.h"
#include "base/arena.h"
#include "text/chunk.h"

#include <stdlib.h>

/* Parses "word/TAG word/TAG ..." into a sentence (Penn tag names). */
static const char *const names[] = {
    "", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''",
    "-LRB-", "-RRB-", "#", "$", "HYPH", "NFP", "ADD", "AFX", "GW", "XX",
};

static dl_sentence tagged(dl_arena *a, const char *text)
{
    dl_sentence s = {0};
    char *copy = dl_arena_strdup(a, text);
    dl_token *t = DL_ARENA_NEW(a, dl_token, 64);
    char *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *slash = strrchr(w, '/');
        *slash = '\0';
        dl_token *k = &t[s.n_tokens++];
        k->text = w;
        for (int i = 0; i < DL_TAG_COUNT; i++)
            if (!strcmp(names[i], slash + 1))
                k->tag = (uint8_t)i;
    }
    s.tokens = t;
    return s;
}

static const dl_chunk *find(const dl_sentence *s, uint32_t first)
{
    for (uint32_t i = 0; i < s->n_chunks; i++)
        if (s->chunks[i].first == first)
            return &s->chunks[i];
    return NULL;
}

TEST(chunk_names_titles_and_possessives_make_one_np)
{
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = tagged(a, "Israel/NNP 's/POS Defence/NNP Minister/NNP Yoav/NNP Gallant/NNP "
                              "did/VBD not/RB immediately/RB respond/VB to/IN a/DT request/NN ./.");
    CHECK_INT(dl_chunk_sentence(&s, a), DL_OK);
    const dl_chunk *np = find(&s, 0);
    CHECK(np != NULL);
    if (np) {
        CHECK_INT(np->kind, DL_CHUNK_NP);
        CHECK_INT(np->end, 6);
        CHECK_INT(np->head, 5);
    }
    const dl_chunk *vg = find(&s, 6);
    CHECK(vg != NULL);
    if (vg) {
        CHECK_INT(vg->kind, DL_CHUNK_VG);
        CHECK_INT(vg->end, 10);
        CHECK_INT(vg->head, 9);
        CHECK_INT(vg->flags, DL_VG_NEGATED);
    }
    const dl_chunk *np2 = find(&s, 11);
    CHECK(np2 != NULL && np2->kind == DL_CHUNK_NP && np2->head == 12 && np2->end == 13);
    CHECK(find(&s, 10) == NULL); /* the preposition is outside every chunk */
    dl_arena_free(a);
}

/* The verb group starting at `first` of `text`: its flags, head and end. */
static void check_vg(const char *text, uint32_t first, uint32_t head, uint32_t end, int flags)
{
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = tagged(a, text);
    CHECK_INT(dl_chunk_sentence(&s, a), DL_OK);
    const dl_chunk *c = find(&s, first);
    if (!c || c->kind != DL_CHUNK_VG) {
        dl_test_fail(__FILE__, __LINE__, "no verb group at %u in \"%s\"", first, text);
    } else {
        if (c->head != head || c->end != end || c->flags != flags)
            dl_test_fail(__FILE__, __LINE__, "\"%s\": head %u end %u flags %#x, expected %u %u %#x",
                         text, c->head, c->end, c->flags, head, end, (unsigned)flags);
    }
    dl_arena_free(a);
}

TEST(chunk_verb_group_flags)
{
    check_vg("Hamas/NNP might/MD have/VB held/VBN talks/NNS", 1, 3, 4, DL_VG_MODAL | DL_VG_PERFECT);
    check_vg("The/DT vote/NN has/VBZ been/VBN postponed/VBN ./.", 2, 4, 5, DL_VG_PASSIVE | DL_VG_PERFECT);
    check_vg("Defences/NNS were/VBD breached/VBN", 1, 2, 3, DL_VG_PASSIVE);
    check_vg("The/DT army/NN is/VBZ expanding/VBG its/PRP$ operation/NN", 2, 3, 4, DL_VG_PROGRESSIVE);
    check_vg("Israel/NNP will/MD strike/VB back/RB", 1, 2, 3, DL_VG_FUTURE);
    check_vg("Israel/NNP is/VBZ going/VBG to/TO expand/VB the/DT war/NN", 1, 4, 5, DL_VG_FUTURE);
    check_vg("Prices/NNS are/VBP expected/VBN to/TO rise/VB", 1, 4, 5, DL_VG_FUTURE);
    check_vg("He/PRP never/RB went/VBD there/RB", 1, 2, 3, DL_VG_NEGATED);
    check_vg("She/PRP could/MD n't/RB be/VB reached/VBN", 1, 4, 5, DL_VG_MODAL | DL_VG_NEGATED | DL_VG_PASSIVE);
    check_vg("They/PRP struck/VBD targets/NNS", 1, 1, 2, 0);
    check_vg("The/DT building/NN was/VBD being/VBG rebuilt/VBN", 2, 4, 5, DL_VG_PASSIVE | DL_VG_PROGRESSIVE);
    check_vg("Israel/NNP has/VBZ held/VBN talks/NNS", 1, 2, 3, DL_VG_PERFECT);
}

TEST(chunk_noun_phrase_shapes)
{
    dl_arena *a = dl_arena_new(0);
    dl_sentence s = tagged(a, "US/NNP President/NNP Joe/NNP Biden/NNP met/VBD the/DT two/CD "
                              "damaged/VBN hospitals/NNS and/CC them/PRP");
    CHECK_INT(dl_chunk_sentence(&s, a), DL_OK);
    const dl_chunk *c = find(&s, 0);
    CHECK(c && c->kind == DL_CHUNK_NP && c->end == 4 && c->head == 3);
    c = find(&s, 5);
    CHECK(c && c->kind == DL_CHUNK_NP && c->end == 9 && c->head == 8);
    c = find(&s, 10);
    CHECK(c && c->kind == DL_CHUNK_NP && c->end == 11 && c->head == 10);
    dl_sentence empty = {0};
    CHECK_INT(dl_chunk_sentence(&empty, a), DL_OK);
    CHECK_INT(empty.n_chunks, 0);
    dl_arena_free(a);
}
