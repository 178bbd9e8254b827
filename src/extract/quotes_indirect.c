/* quotes_indirect.c: reported speech without quotation marks ("X said
 * that ...", "according to X, ..."); see quotes.c for the whole method. */
#include "extract/quotes_int.h"
#include "base/arena.h"

/* ----------------------------------------------------- indirect speech */

static bool is_time_word(const ctx *c, size_t g)
{
    static const char *const w[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                    "saturday", "sunday", "today", "yesterday", "tonight",
                                    "earlier", "later", "morning", "evening", "night",
                                    "afternoon", "last", "this", "week", "again", "also",
                                    "recently", "previously", NULL};
    for (size_t i = 0; w[i]; i++)
        if (is(c, g, w[i]))
            return true;
    return false;
}

/* Skips what may stand between a cue and the words it reports: time
 * ("on Friday", "Thursday morning") and channel ("in a statement", "on
 * X", "in an interview with CNN"). */
static int32_t skip_adverbials(const ctx *c, int32_t x, int32_t end)
{
    for (int rounds = 0; rounds < 4 && x < end; rounds++) {
        if (is_time_word(c, (size_t)x) || tag(c, (size_t)x) == DL_TAG_RB) {
            x++;
        } else if (tag(c, (size_t)x) == DL_TAG_IN && !is(c, (size_t)x, "that") && !is(c, (size_t)x, "if") &&
                   !is(c, (size_t)x, "whether") && !is(c, (size_t)x, "because")) {
            int32_t e = dl_q_np_fwd(c, x + 1, end);
            if (e == x + 1)
                break;
            x = e;
        } else {
            break;
        }
    }
    return x;
}

/* Do the tokens [a, e) read as a clause (a finite verb, or "that ...")? */
static bool is_clause(const ctx *c, int32_t a, int32_t e)
{
    if (e - a < 3)
        return false;
    if (c->flags[a] & F_MARK)
        return false; /* a quotation: the direct pass owns it */
    for (int32_t g = a; g < e; g++)
        if (is_finite(tag(c, (size_t)g)))
            return true;
    return false;
}

/* The end of a sentence's words: before its final . ! ? */
static int32_t sentence_end(const ctx *c, size_t g)
{
    int32_t lo = (int32_t)sent_lo(c, g), e = (int32_t)sent_hi(c, g);
    while (e > lo && tag(c, (size_t)e - 1) == DL_TAG_PERIOD)
        e--;
    return e;
}

static dl_status add_indirect(ctx *c, int32_t f, int32_t e, const attrib *at)
{
    while (e > f && (tag(c, (size_t)e - 1) == DL_TAG_COMMA || tag(c, (size_t)e - 1) == DL_TAG_COLON))
        e--;
    if (e - f < 2)
        return DL_OK;
    int32_t inq = 0;
    for (int32_t g = f; g < e; g++)
        inq += (c->flags[g] & F_INQ) != 0;
    if ((c->flags[f] & (F_MARK | F_INQ)) && inq * 10 > (e - f) * 8)
        return DL_OK; /* a direct quote, really */
    dl_q_take(c, at);
    qrec *r = dl_q_add_rec(c);
    if (!r)
        return DL_ERR_NOMEM;
    *r = (qrec){c->tok[f]->start, c->tok[e - 1]->end, at->sp_f, at->sp_e, at->cue_f, at->cue_e, at->cue, (uint8_t)at->kind, false};
    return DL_OK;
}

/* The words reported before a cue: from the start of the clause to the
 * comma at `comma`. */
static dl_status content_before(ctx *c, int32_t comma, const attrib *at)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)comma);
    if (comma - lo < 3)
        return DL_OK;
    return add_indirect(c, lo, comma, at);
}

static dl_status according(ctx *c, int32_t g, size_t len)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)g), end = sentence_end(c, (size_t)g);
    int32_t sf = g + (int32_t)len, se = sf;
    while (se < end && se - sf < SOURCE_MAX && tag(c, (size_t)se) != DL_TAG_COMMA && !(c->flags[se] & F_MARK))
        se++;
    if (se == sf || se - sf >= SOURCE_MAX)
        return DL_OK;
    attrib at = {sf, se, g, g + (int32_t)len, NULL, DL_CUE_ACCORDING};
    int32_t before = g - 1;
    while (before >= lo && (tag(c, (size_t)before) == DL_TAG_RB || tag(c, (size_t)before) == DL_TAG_CC))
        before--;
    if (before >= lo && tag(c, (size_t)before) == DL_TAG_COMMA && se >= end)
        return content_before(c, before, &at);
    if (before < lo && se < end && tag(c, (size_t)se) == DL_TAG_COMMA && end - (se + 1) >= 3)
        return add_indirect(c, se + 1, end, &at);
    return DL_OK;
}

static dl_status indirect_at(ctx *c, int32_t g, dl_cue_kind k, size_t len)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)g), end = sentence_end(c, (size_t)g);
    attrib at = {-1, -1, g, g + (int32_t)len, NULL, k};
    int32_t x = g + (int32_t)len;
    if (k == DL_CUE_QUOTING) {
        /* X was quoted as saying ... / X quoted Y as saying ... */
        int32_t y = x;
        if (!(y + 1 < end && is(c, (size_t)y, "as") && lemma_is(c, (size_t)y + 1, "say"))) {
            y = dl_q_np_fwd(c, x, end);
            if (y == x || !(y + 1 < end && is(c, (size_t)y, "as") && lemma_is(c, (size_t)y + 1, "say")))
                return DL_OK;
            at.sp_f = x;
            at.sp_e = y;
        } else {
            int32_t f, e;
            if (!dl_q_subject(c, g, lo, &f, &e))
                return DL_OK;
            at.sp_f = f;
            at.sp_e = e;
        }
        at.cue = "quoted as saying";
        at.cue_e = y + 2;
        x = skip_adverbials(c, y + 2, end);
        if (is_clause(c, x, end))
            return add_indirect(c, x, end, &at);
        if (x >= end && at.cue_f - 1 >= lo) {
            int32_t j = at.cue_f - 1;
            /* ", the Times of Israel quoted a Pentagon official as saying" */
            int32_t f, e;
            if (dl_q_subject(c, g, lo, &f, &e) && f - 1 >= lo && tag(c, (size_t)f - 1) == DL_TAG_COMMA)
                return content_before(c, f - 1, &at);
            (void)j;
        }
        return DL_OK;
    }
    if (k == DL_CUE_ADDRESSEE) {
        int32_t e = dl_q_np_fwd(c, x, end);
        if (e > x) {
            at.cue_e = e;
            x = e;
        }
    }
    int32_t f = -1, e = -1;
    bool subj;
    if (tag(c, (size_t)g) == DL_TAG_VBG && g - 1 >= lo && tag(c, (size_t)g - 1) == DL_TAG_COMMA) {
        /* "..., saying that ...": the sentence's subject speaks */
        subj = dl_q_sentence_subject(c, g, &f, &e);
        x = skip_adverbials(c, x, end);
        if (subj && is_clause(c, x, end)) {
            at.sp_f = f;
            at.sp_e = e;
            return add_indirect(c, x, end, &at);
        }
        return DL_OK;
    }
    subj = dl_q_subject(c, g, lo, &f, &e);
    x = skip_adverbials(c, x, end);
    if (subj && x < end && !(x < end && tag(c, (size_t)x) == DL_TAG_COMMA) && is_clause(c, x, end)) {
        at.sp_f = f;
        at.sp_e = e;
        return add_indirect(c, x, end, &at);
    }
    /* The words come before: "..., X said." or "..., said X." */
    bool tail = x >= end || tag(c, (size_t)x) == DL_TAG_COMMA;
    if (subj && tail && f - 1 >= lo && tag(c, (size_t)f - 1) == DL_TAG_COMMA) {
        at.sp_f = f;
        at.sp_e = e;
        return content_before(c, f - 1, &at);
    }
    int32_t j = dl_q_skip_aux_back(c, g, lo);
    if (j >= lo && tag(c, (size_t)j) == DL_TAG_COMMA) {
        int32_t z = dl_q_np_fwd(c, g + (int32_t)len, end);
        if (z > g + (int32_t)len) {
            int32_t y = skip_adverbials(c, z, end);
            if (y >= end || tag(c, (size_t)y) == DL_TAG_COMMA) {
                at.sp_f = g + (int32_t)len;
                at.sp_e = z;
                return content_before(c, j, &at);
            }
        }
    }
    return DL_OK;
}

static bool paragraph_start(const ctx *c, size_t g)
{
    return g == 0 || dl_q_has_newline(c, c->tok[g - 1]->end, c->tok[g]->start);
}

/* Transcripts and headlines: "PENCE: Well, the question ...", "Pat
 * Caddell: Democrat Voters Worried ...". A paragraph that opens with a
 * name and a colon reports that name's words, to the paragraph's end. */
static dl_status labels(ctx *c)
{
    for (size_t g = 0; g < c->n; g++) {
        if (!paragraph_start(c, g) || (c->flags[g] & (F_USED | F_MARK | F_INQ)))
            continue;
        size_t k = g;
        while (k < c->n && k - g < 7 && np_part(c, k) && !(c->flags[k] & F_USED) &&
               (k == g || !dl_q_has_newline(c, c->tok[k - 1]->end, c->tok[k]->start)))
            k++;
        if (k == g || k >= c->n || !is(c, k, ":") || dl_q_has_newline(c, c->tok[k - 1]->end, c->tok[k]->start))
            continue;
        size_t len, w = g;
        while (w < k && !cue_at(c, w, DL_CUE_MASK(DL_CUE_NOT_SPEAKER), &len))
            w++;
        if (w < k)
            continue;
        int32_t m = c->mention_at[g];
        if (m >= 0 && c->ments[m].kind &&
            (!strcmp(c->ments[m].kind, "place") || !strcmp(c->ments[m].kind, "country")))
            continue; /* a dateline, "WASHINGTON:" */
        size_t a = k + 1, e = a;
        while (e < c->n && (e == a || !dl_q_has_newline(c, c->tok[e - 1]->end, c->tok[e]->start)))
            e++;
        if (e - a < 2)
            continue;
        attrib at = {(int32_t)g, (int32_t)k, (int32_t)k, (int32_t)k + 1, NULL, DL_CUE_VERB};
        dl_q_take(c, &at);
        qrec *r = dl_q_add_rec(c);
        if (!r)
            return DL_ERR_NOMEM;
        *r = (qrec){c->tok[a]->start, c->tok[e - 1]->end, at.sp_f, at.sp_e, at.cue_f, at.cue_e, NULL, DL_CUE_VERB, false};
        g = e - 1;
    }
    return DL_OK;
}

dl_status dl_q_indirect(ctx *c)
{
    dl_status lst = labels(c);
    if (lst)
        return lst;
    for (size_t g = 0; g < c->n; g++) {
        if (c->flags[g] & (F_INQ | F_MARK | F_USED))
            continue;
        size_t len;
        dl_status st = DL_OK;
        dl_cue_kind k = speech_cue(c, g, &len);
        if (k != DL_CUE_NONE)
            st = indirect_at(c, (int32_t)g, k, len);
        else if (cue_at(c, g, DL_CUE_MASK(DL_CUE_ACCORDING), &len))
            st = according(c, (int32_t)g, len);
        if (st)
            return st;
    }
    return DL_OK;
}

/* Quotations without attribution inside reported speech are its words. */
