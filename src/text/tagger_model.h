/* tagger_model.h: the tagger's tables, shared by tagger.c (loading) and
 * tagger_decode.c (candidates, Viterbi, Penn tags). Private to the tagger. */
#ifndef DL_TEXT_TAGGER_MODEL_H
#define DL_TEXT_TAGGER_MODEL_H

#include "dateline.h"
#include "base/map.h"

enum {
    DL_FT_MAX = 40,    /* Festival's tag set has 38 tags */
    DL_LEX_MAX = 8,    /* tags kept per lexicon word */
    DL_SUFFIX_MAX = 5, /* longest suffix of the unknown-word model */
};

/* A lexicon entry: candidate tags (Festival indices) and ln P(word | tag). */
typedef struct dl_lexent {
    uint8_t n;
    uint8_t tag[DL_LEX_MAX];
    float lp[DL_LEX_MAX];
} dl_lexent;

struct dl_tagger {
    int n_tags;
    char names[DL_FT_MAX][8];
    uint8_t name_len[DL_FT_MAX];
    double tag_count[DL_FT_MAX];
    float log_prior[DL_FT_MAX];
    /* ln P(c | a, b) at [(a * DL_FT_MAX + b) * DL_FT_MAX + c]. */
    float trans[DL_FT_MAX * DL_FT_MAX * DL_FT_MAX];
    dl_map *lex;    /* lower-case word -> dl_lexent */
    dl_map *exact;  /* exact-case form -> dl_lexent (data/lexicon/tags.tsv) */
    dl_map *suffix; /* suffix -> float[n_open + 1] rare-word tag counts, total last */
    int n_open;
    uint8_t open_tags[DL_FT_MAX];  /* slot -> Festival tag */
    int8_t open_slot[DL_FT_MAX];   /* Festival tag -> slot, or -1 */
    float theta;
    dl_arena *pool;
    /* Festival indices of the tags the decoder treats specially. */
    int t_nn, t_nns, t_nnp, t_nnps, t_punc, t_cd, t_jj, t_prp, t_wp, t_of, t_to, t_vb, t_vbd,
        t_vbn, t_vbg, t_vbz, t_vbp, t_rb, t_in, t_dt, t_fw, t_sym, t_ls, t_uh, t_md, t_cc, t_jjr, t_jjs;
    /* Penn tag of each Festival tag (punc, prp and wp refined per word). */
    uint8_t penn[DL_FT_MAX];
};

void dl_tagger_build_transitions(dl_tagger *tg, const double *tri);
int dl_tagger_tag_index(const dl_tagger *tg, const char *name, size_t n);
/* Fills the t_* indices and penn[]; DL_ERR_PARSE when a tag is missing. */
dl_status dl_tagger_init_tags(dl_tagger *tg);

#endif
