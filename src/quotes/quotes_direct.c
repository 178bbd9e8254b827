/* quotes_direct.c: quotations in quotation marks and their attribution
 * (see quotes.c for the whole method). */
#include "quotes/quotes_int.h"
#include "base/arena.h"

enum { ORPHAN_WORDS = 4, ORPHAN_SENTENCES = 3 };

/* ------------------------------------------------------- direct quotes */

/* "dubbed it "Salt Typhoon"", "nicknamed "Flax Typhoon"", "a campaign
 * named "Volt Typhoon"": is a naming word just before token b? */
static bool after_naming(const ctx *c, int32_t b)
{
    for (int32_t k = 0; k < 3 && b >= 0; k++, b--) {
        for (int32_t back = 0; back < 3 && b - back >= 0; back++) {
            size_t len;
            if (cue_at(c, (size_t)(b - back), DL_CUE_MASK(DL_CUE_NAMING), &len) &&
                (int32_t)len == back + 1 && same_sentence(c, (size_t)(b - back), (size_t)b))
                return true;
        }
        if (!(is(c, (size_t)b, "it") || is(c, (size_t)b, "them") || is(c, (size_t)b, "him") ||
              is(c, (size_t)b, "her") || is(c, (size_t)b, "as") || is_det(c, (size_t)b) ||
              tag(c, (size_t)b) == DL_TAG_HYPH))
            break;
    }
    return false;
}

static bool is_dash(const ctx *c, size_t g)
{
    return is(c, g, "\xE2\x80\x95") || is(c, g, "\xE2\x80\x94") || is(c, g, "--") || is(c, g, "\xE2\x80\x93");
}

/* The attribution after a closing mark: `, X said`, `said X`, `the
 * statement adds`, `Flynn, a top Trump surrogate, said`. */
static attrib attrib_after(ctx *c, size_t a0)
{
    int32_t a = (int32_t)a0, n = (int32_t)c->n;
    while (a < n && (tag(c, (size_t)a) == DL_TAG_COMMA || tag(c, (size_t)a) == DL_TAG_COLON))
        a++;
    if (a >= n)
        return NO_ATTRIB;
    int32_t hi = (int32_t)sent_hi(c, (size_t)a);
    if (hi > a + 24)
        hi = a + 24;
    /* "... our greatest shame.” ― Sonya Herridge": a dash, then a name
     * that ends there (before the next quotation or sentence). */
    if (is_dash(c, (size_t)a) && !dl_q_has_newline(c, c->tok[a - 1]->end, c->tok[a]->start)) {
        int32_t e = dl_q_np_fwd(c, a + 1, n);
        if (e > a + 1 && !is_pronoun(c, (size_t)a + 1) &&
            (e >= n || dl_tag_is_punct(tag(c, (size_t)e)) || (c->flags[e] & F_MARK) ||
             dl_q_has_newline(c, c->tok[e - 1]->end, c->tok[e]->start)))
            return (attrib){a + 1, e, a, a + 1, NULL, DL_CUE_VERB, 0, 0};
        return NO_ATTRIB;
    }
    size_t len;
    dl_cue_kind k = speech_cue(c, (size_t)a, &len);
    if (k == DL_CUE_VERB || k == DL_CUE_ADDRESSEE) {
        int32_t e = dl_q_speaker_fwd(c, a + (int32_t)len, hi);
        if (e == a + (int32_t)len)
            return NO_ATTRIB;
        e = dl_q_trailing_apposition(c, e);
        return (attrib){a + (int32_t)len, e, a, a + (int32_t)len, NULL, k, 0, 0};
    }
    int32_t e = dl_q_np_fwd(c, a, hi), sp_e = e;
    if (e == a)
        return NO_ATTRIB;
    if (e < hi && tag(c, (size_t)e) == DL_TAG_COMMA) {
        int32_t e2 = dl_q_np_fwd(c, e + 1, hi);
        if (e2 > e + 1 && e2 < hi && tag(c, (size_t)e2) == DL_TAG_COMMA) {
            sp_e = e2;
            e = e2 + 1;
        } else {
            /* A longer apposition: "Leonard E. Burman, director of the
             * centrist Urban-Brookings Tax Policy Center and a professor
             * at the Maxwell School of Syracuse University, said". */
            int32_t far = (int32_t)sent_hi(c, (size_t)a);
            if (far > a + 45)
                far = a + 45;
            bool relative = false;
            for (int32_t k2 = e + 1; k2 + 1 < far; k2++) {
                dl_tag t = tag(c, (size_t)k2);
                if ((c->flags[k2] & F_MARK) || t == DL_TAG_PERIOD || (dl_tag_is_finite(t) && !relative))
                    break;
                relative |= t == DL_TAG_WP || t == DL_TAG_WDT || is(c, (size_t)k2, "that");
                if (t == DL_TAG_COMMA && k2 > e + 2) {
                    int32_t v2 = k2 + 1;
                    while (v2 < far && tag(c, (size_t)v2) == DL_TAG_RB)
                        v2++;
                    dl_cue_kind k3 = v2 < far ? speech_cue(c, (size_t)v2, &len) : DL_CUE_NONE;
                    if (k3 == DL_CUE_VERB || k3 == DL_CUE_ADDRESSEE) {
                        sp_e = k2;
                        e = k2 + 1;
                        hi = far;
                        break;
                    }
                }
            }
        }
    }
    int32_t v = e;
    while (v < hi && (tag(c, (size_t)v) == DL_TAG_RB || tag(c, (size_t)v) == DL_TAG_MD ||
                      (dl_tag_is_verb(tag(c, (size_t)v)) && (lemma_is(c, (size_t)v, "have") || lemma_is(c, (size_t)v, "be")) &&
                       !speech_cue(c, (size_t)v, &len))))
        v++;
    if (v >= hi)
        return NO_ATTRIB;
    k = speech_cue(c, (size_t)v, &len);
    if (k != DL_CUE_VERB && k != DL_CUE_ADDRESSEE)
        return NO_ATTRIB;
    int32_t cue_e = v + (int32_t)len;
    if (k == DL_CUE_ADDRESSEE)
        cue_e = dl_q_np_fwd(c, cue_e, hi); /* "told reporters" */
    return (attrib){a, sp_e, v, cue_e, NULL, k, 0, 0};
}

/* A quotation inside the clause a cue reports, with words of that clause
 * after it (`He said that Clinton's "only experience in cybersecurity"
 * was her attempt ...`): the reported words are the whole clause, from
 * the cue to the sentence's end. */
static void embedded(const ctx *c, attrib *at, int32_t m, size_t after)
{
    if (after >= c->n || !same_sentence(c, after, (size_t)m) || dl_tag_is_punct(tag(c, after)) ||
        (c->flags[after] & F_MARK) || speech_cue(c, after, &(size_t){0}))
        return;
    int32_t f = at->cue_e;
    while (f < m && (tag(c, (size_t)f) == DL_TAG_COMMA || tag(c, (size_t)f) == DL_TAG_COLON))
        f++;
    int32_t e = (int32_t)sent_hi(c, after);
    while (e > (int32_t)after && (tag(c, (size_t)e - 1) == DL_TAG_PERIOD || tag(c, (size_t)e - 1) == DL_TAG_COMMA ||
                                  (c->flags[e - 1] & F_MARK)))
        e--;
    if (e <= (int32_t)after)
        return;
    at->cont_f = f;
    at->cont_e = e;
}

/* The attribution before an opening mark at token index m (the mark's
 * first token): `X said: "`, `X stressed "`, `X told reporters "`, `X
 * said in a statement: "`, `calling for an "`, `according to X, "`. */
static attrib attrib_before(ctx *c, int32_t m, int32_t first_inner, size_t close)
{
    int32_t b = m - 1;
    if (b < 0)
        return NO_ATTRIB;
    bool colon = false;
    while (b >= 0 && (tag(c, (size_t)b) == DL_TAG_COMMA || tag(c, (size_t)b) == DL_TAG_COLON ||
                      is(c, (size_t)b, "that") || is(c, (size_t)b, "a") || is(c, (size_t)b, "an") ||
                      is(c, (size_t)b, "the"))) {
        colon |= tag(c, (size_t)b) == DL_TAG_COLON;
        b--;
    }
    if (b < 0 || (c->flags[b] & F_MARK))
        return NO_ATTRIB;
    /* Across a line break only after a colon: `Cohen said:` ends a
     * paragraph that the quotation follows. */
    if (!colon && dl_q_has_newline(c, c->tok[b]->end, c->tok[m]->start))
        return NO_ATTRIB;
    int32_t lo = (int32_t)sent_lo(c, (size_t)b);
    /* "Karen Bobadilla ― “Donald Trump started ...”": a name opening the
     * sentence, a dash, the quotation. */
    if (is_dash(c, (size_t)b)) {
        int32_t n = dl_q_np_back(c, b - 1, lo);
        if (n >= 0 && n == lo && !is_pronoun(c, (size_t)n))
            return (attrib){n, b, b, b + 1, NULL, DL_CUE_VERB, 0, 0};
        return NO_ATTRIB;
    }
    for (int32_t k = (int32_t)c->n_recs - 1; k >= 0; k--) {
        /* do not reach back over an earlier quotation in the sentence */
        if (c->recs[k].direct && c->recs[k].end <= c->tok[b]->start) {
            size_t after = dl_q_tok_from(c, c->recs[k].end);
            if ((int32_t)after > lo && (int32_t)after <= b)
                lo = (int32_t)after;
            break;
        }
    }
    /* A speech cue within a few tokens back, with only a short object or
     * adverbial between ("told reporters", "said in a statement"). */
    for (int32_t v = b; v >= lo && b - v < 8; v--) {
        size_t len;
        dl_cue_kind k = speech_cue(c, (size_t)v, &len);
        if (k == DL_CUE_VERB || k == DL_CUE_ADDRESSEE || k == DL_CUE_QUOTING) {
            if (v + (int32_t)len - 1 < b && k != DL_CUE_ADDRESSEE) {
                /* between cue and mark: only a prepositional phrase */
                int32_t x = v + (int32_t)len;
                if (tag(c, (size_t)x) != DL_TAG_IN)
                    return NO_ATTRIB;
            }
            attrib at = {-1, -1, v, v + (int32_t)len, NULL, k, 0, 0};
            if (k == DL_CUE_ADDRESSEE && v + (int32_t)len <= b) {
                int32_t e = dl_q_np_fwd(c, v + (int32_t)len, b + 1);
                if (e > v + (int32_t)len && e == b + 1)
                    at.cue_e = e;
            }
            int32_t f, e;
            if (dl_q_subject(c, v, lo, &f, &e) ||
                (tag(c, (size_t)v) == DL_TAG_VBG && v > lo && tag(c, (size_t)v - 1) == DL_TAG_COMMA &&
                 dl_q_sentence_subject(c, v, &f, &e))) {
                at.sp_f = f;
                at.sp_e = e;
            } else {
                /* said Cohen: "..." */
                int32_t z = dl_q_np_fwd(c, v + (int32_t)len, b + 1);
                if (z == b + 1 && z > v + (int32_t)len) {
                    at.sp_f = v + (int32_t)len;
                    at.sp_e = z;
                }
            }
            if (at.sp_f < 0)
                return NO_ATTRIB;
            embedded(c, &at, m, close);
            return at;
        }
        dl_tag t = tag(c, (size_t)v);
        if (!(t == DL_TAG_IN || is_det(c, (size_t)v) || np_part(c, (size_t)v) || t == DL_TAG_PRP ||
              t == DL_TAG_RB))
            break;
    }
    /* according to X, "..." */
    for (int32_t v = b; v >= lo && b - v < SOURCE_MAX + 2; v--) {
        size_t len;
        if (cue_at(c, (size_t)v, DL_CUE_MASK(DL_CUE_ACCORDING), &len)) {
            if (v + (int32_t)len > b)
                break;
            return (attrib){v + (int32_t)len, b + 1, v, v + (int32_t)len, NULL, DL_CUE_ACCORDING, 0, 0};
        }
        if (tag(c, (size_t)v) == DL_TAG_COMMA || dl_tag_is_finite(tag(c, (size_t)v)))
            break;
    }
    /* A quoted fragment that starts with its verb: `Austin has
     * "underscored the importance ..."`: the subject is the speaker. */
    if (first_inner >= 0 && first_inner < (int32_t)c->n) {
        dl_tag t = tag(c, (size_t)first_inner);
        if ((t == DL_TAG_VBD || t == DL_TAG_VBN || t == DL_TAG_VBZ) && m - 1 >= lo) {
            int32_t f, e;
            if (dl_q_subject(c, m, lo, &f, &e))
                return (attrib){f, e, first_inner, first_inner + 1, NULL, DL_CUE_VERB, 0, 0};
        }
    }
    return NO_ATTRIB;
}

/* A quotation that opens a paragraph with a speaker's label, as
 * transcripts do ("PENCE: Well, look, ..."): the label's capitalised
 * words, then a colon. Returns the colon's index, or -1. */
static int32_t transcript_label(const ctx *c, size_t mark0, size_t g0, size_t g1)
{
    if (g0 >= g1 || (mark0 > 0 && !dl_q_has_newline(c, c->tok[mark0 - 1]->end, c->tok[mark0]->start)))
        return -1;
    size_t k = g0;
    while (k < g1 && k - g0 < 4 && (c->tok[k]->flags & DL_TOK_CAPITAL) && tag(c, k) != DL_TAG_CD &&
           !dl_tag_is_punct(tag(c, k)))
        k++;
    if (k == g0 || k + 2 >= g1 || !is(c, k, ":"))
        return -1;
    for (size_t w = g0; w < k; w++) {
        size_t len;
        if (cue_at(c, w, DL_CUE_MASK(DL_CUE_NOT_SPEAKER), &len))
            return -1;
    }
    return (int32_t)k;
}

/* Does a sentence end soon after token e, with only a short adverbial
 * ("on Friday", "in a statement") in between? */
static bool attribution_ends(const ctx *c, int32_t e)
{
    for (int32_t k = e; k < (int32_t)c->n && k < e + 8; k++) {
        dl_tag t = tag(c, (size_t)k);
        if (t == DL_TAG_PERIOD || (c->flags[k] & F_MARK) ||
            (k > e && dl_q_has_newline(c, c->tok[k - 1]->end, c->tok[k]->start)))
            return true;
        if (dl_tag_is_verb(t) || t == DL_TAG_MD || t == DL_TAG_PRP || is(c, (size_t)k, "that"))
            return false;
    }
    return (int32_t)c->n <= e;
}

/* May the quotation [open..) continue the last direct quote? Only when
 * nothing but that quote's attribution (or space) lies between them. */
static const qrec *continues(const ctx *c, uint32_t open)
{
    for (size_t k = c->n_recs; k-- > 0;) {
        const qrec *p = &c->recs[k];
        if (!p->direct)
            continue;
        if (p->end > open || p->sp_f < 0)
            return NULL;
        size_t a = dl_q_tok_from(c, p->end), b = dl_q_tok_from(c, open);
        if (b - a > 40)
            return NULL;
        for (size_t g = a; g < b; g++)
            if (!(c->flags[g] & (F_USED | F_MARK)) && !dl_tag_is_punct(tag(c, g)))
                return NULL;
        return p;
    }
    return NULL;
}

dl_status dl_q_direct(ctx *c, const dl_qmarks *qm, size_t n_qm, uint8_t *orphan)
{
    for (size_t k = 0; k < n_qm; k++) {
        const dl_qmarks *m = &qm[k];
        size_t g0 = dl_q_tok_from(c, m->inner_start), g1 = dl_q_tok_from(c, m->inner_end);
        size_t mark0 = dl_q_tok_from(c, m->open), after = dl_q_tok_from(c, m->close_end);
        for (size_t g = mark0; g < after; g++)
            c->flags[g] |= (g >= g0 && g < g1) ? F_INQ : F_MARK;
        (void)mark0;
    }
    for (size_t k = 0; k < n_qm; k++) {
        const dl_qmarks *m = &qm[k];
        orphan[k] = 0;
        size_t g0 = dl_q_tok_from(c, m->inner_start), g1 = dl_q_tok_from(c, m->inner_end);
        size_t mark0 = dl_q_tok_from(c, m->open), after = dl_q_tok_from(c, m->close_end);
        size_t words = 0;
        for (size_t g = g0; g < g1; g++)
            words += !dl_tag_is_punct(tag(c, g));
        if (words == 0)
            continue;
        if (mark0 > 0 && words <= 8 && after_naming(c, (int32_t)mark0 - 1))
            continue;
        /* A title, not a quote: MSNBC's "Morning Joe", said on "Fox News
         * Sunday", in "The Art of the Deal". */
        if (mark0 > 0 && words <= 6 && !(c->flags[mark0 - 1] & F_MARK) &&
            (tag(c, mark0 - 1) == DL_TAG_POS || tag(c, mark0 - 1) == DL_TAG_IN ||
             (c->tok[mark0 - 1]->text && strlen(c->tok[mark0 - 1]->text) > 3 &&
              !strcmp(c->tok[mark0 - 1]->text + strlen(c->tok[mark0 - 1]->text) - 3, "\xE2\x80\x99s"))))
            continue;
        attrib at = NO_ATTRIB;
        int32_t colon = transcript_label(c, mark0, g0, g1);
        if (colon >= 0) {
            /* "PENCE: Well, ...": the words after the label are the
             * label's; the colon is the cue. */
            at = (attrib){(int32_t)g0, colon, colon, colon + 1, NULL, DL_CUE_VERB, 0, 0};
            dl_q_take(c, &at);
            qrec *r = dl_q_add_rec(c);
            if (!r)
                return DL_ERR_NOMEM;
            *r = (qrec){c->tok[colon + 1]->start, m->inner_end, at.sp_f, at.sp_e, at.cue_f, at.cue_e, NULL,
                        DL_CUE_VERB, true};
            continue;
        }
        if (m->closed && after < c->n && !dl_q_has_newline(c, m->close_end, c->tok[after]->start)) {
            at = attrib_after(c, after);
            /* `"... the timing." Gov. Pat McCrory said it would be ...`: a
             * quotation that ends its sentence takes an attribution after
             * it only when that attribution ends a sentence too. */
            if (at.cue_f >= 0 && m->inner_end > m->inner_start && c->text[m->inner_end - 1] == '.' &&
                !attribution_ends(c, at.sp_e > at.cue_e ? at.sp_e : at.cue_e))
                at = NO_ATTRIB;
        }
        if (at.cue_f < 0 && mark0 < c->n)
            at = attrib_before(c, (int32_t)mark0, g0 < g1 ? (int32_t)g0 : -1, after);
        uint32_t end = m->inner_end;
        while (end > m->inner_start && c->text[end - 1] == ',')
            end--;
        if (at.cue_f >= 0) {
            dl_q_take(c, &at);
            qrec *r = dl_q_add_rec(c);
            if (!r)
                return DL_ERR_NOMEM;
            *r = (qrec){m->inner_start, end, at.sp_f, at.sp_e, at.cue_f, at.cue_e, at.cue, (uint8_t)at.kind, true};
            if (at.cont_e > at.cont_f) {
                r->start = c->tok[at.cont_f]->start;
                r->end = c->tok[at.cont_e - 1]->end;
                r->direct = false;
            }
            continue;
        }
        const qrec *p = continues(c, m->open);
        if (p) {
            qrec prev = *p;
            qrec *r = dl_q_add_rec(c);
            if (!r)
                return DL_ERR_NOMEM;
            *r = prev;
            r->start = m->inner_start;
            r->end = end;
            continue;
        }
        orphan[k] = 1;
    }
    return DL_OK;
}

/* A quotation with no attribution of its own that reads as speech (a
 * few words with a verb, not a scare-quoted phrase) is most often the
 * last speaker's next words, in a following sentence or paragraph: news
 * style names the speaker once for several quotations. The nearest quote
 * before it, no more than a few sentences back, lends its attribution. */
static bool speech_like(const ctx *c, const dl_qmarks *m)
{
    size_t g0 = dl_q_tok_from(c, m->inner_start), g1 = dl_q_tok_from(c, m->inner_end);
    size_t words = 0;
    bool verb = false;
    for (size_t g = g0; g < g1; g++) {
        words += !dl_tag_is_punct(tag(c, g));
        verb |= dl_tag_is_finite(tag(c, g));
    }
    return words >= ORPHAN_WORDS && (verb || words >= 8) && g0 < c->n;
}

static const qrec *nearest_speaker(const ctx *c, const dl_qmarks *m, size_t n_recs)
{
    size_t g0 = dl_q_tok_from(c, m->inner_start);
    if (!speech_like(c, m))
        return NULL;
    const qrec *best = NULL;
    for (size_t i = 0; i < n_recs; i++) {
        const qrec *p = &c->recs[i];
        if (p->end > m->open || p->sp_f < 0)
            continue;
        if (!best || p->end > best->end)
            best = p;
    }
    if (!best)
        return NULL;
    size_t pg = dl_q_tok_from(c, best->end);
    if (pg >= c->n || c->sent[g0] - c->sent[pg > 0 ? pg - 1 : 0] > ORPHAN_SENTENCES)
        return NULL;
    return best;
}

dl_status dl_q_fragments(ctx *c, const dl_qmarks *qm, size_t n_qm, const uint8_t *orphan)
{
    size_t n_before = c->n_recs;
    for (size_t k = 0; k < n_qm; k++) {
        if (!orphan[k])
            continue;
        /* the innermost reported speech holding it */
        const qrec *best = NULL;
        for (size_t i = 0; i < n_before; i++) {
            const qrec *p = &c->recs[i];
            if (p->direct || p->start > qm[k].open || p->end < qm[k].inner_end)
                continue;
            if (!best || p->end - p->start < best->end - best->start)
                best = p;
        }
        if (!best)
            best = nearest_speaker(c, &qm[k], n_before);
        if (best) {
            qrec copy = *best;
            qrec *r = dl_q_add_rec(c);
            if (!r)
                return DL_ERR_NOMEM;
            *r = copy;
            r->start = qm[k].inner_start;
            r->end = qm[k].inner_end;
            while (r->end > r->start && c->text[r->end - 1] == ',')
                r->end--;
            r->direct = true;
        }
    }
    return DL_OK;
}

