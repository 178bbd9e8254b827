/* quotes_direct.c: quotations in quotation marks and their attribution
 * (see quotes.c for the whole method). */
#include "extract/quotes_int.h"
#include "base/arena.h"

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
    size_t len;
    dl_cue_kind k = speech_cue(c, (size_t)a, &len);
    if (k == DL_CUE_VERB || k == DL_CUE_ADDRESSEE) {
        int32_t e = dl_q_np_fwd(c, a + (int32_t)len, hi);
        if (e == a + (int32_t)len)
            return NO_ATTRIB;
        return (attrib){a + (int32_t)len, e, a, a + (int32_t)len, NULL, k};
    }
    int32_t e = dl_q_np_fwd(c, a, hi), sp_e = e;
    if (e == a)
        return NO_ATTRIB;
    if (e < hi && tag(c, (size_t)e) == DL_TAG_COMMA) {
        int32_t e2 = dl_q_np_fwd(c, e + 1, hi);
        if (e2 > e + 1 && e2 < hi && tag(c, (size_t)e2) == DL_TAG_COMMA) {
            sp_e = e2;
            e = e2 + 1;
        }
    }
    int32_t v = e;
    while (v < hi && (tag(c, (size_t)v) == DL_TAG_RB || tag(c, (size_t)v) == DL_TAG_MD ||
                      (is_verb(tag(c, (size_t)v)) && (lemma_is(c, (size_t)v, "have") || lemma_is(c, (size_t)v, "be")) &&
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
    return (attrib){a, sp_e, v, cue_e, NULL, k};
}

/* The attribution before an opening mark at token index m (the mark's
 * first token): `X said: "`, `X stressed "`, `X told reporters "`, `X
 * said in a statement: "`, `calling for an "`, `according to X, "`. */
static attrib attrib_before(ctx *c, int32_t m, int32_t first_inner)
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
    if (is(c, (size_t)b, "―") || is(c, (size_t)b, "—") || is(c, (size_t)b, "--") || is(c, (size_t)b, "–")) {
        int32_t n = dl_q_np_back(c, b - 1, lo);
        if (n >= 0 && n == lo && !is_pronoun(c, (size_t)n))
            return (attrib){n, b, b, b + 1, NULL, DL_CUE_VERB};
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
            attrib at = {-1, -1, v, v + (int32_t)len, NULL, k};
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
            return (attrib){v + (int32_t)len, b + 1, v, v + (int32_t)len, NULL, DL_CUE_ACCORDING};
        }
        if (tag(c, (size_t)v) == DL_TAG_COMMA || is_finite(tag(c, (size_t)v)))
            break;
    }
    /* A quoted fragment that starts with its verb: `Austin has
     * "underscored the importance ..."`: the subject is the speaker. */
    if (first_inner >= 0 && first_inner < (int32_t)c->n) {
        dl_tag t = tag(c, (size_t)first_inner);
        if ((t == DL_TAG_VBD || t == DL_TAG_VBN || t == DL_TAG_VBZ) && m - 1 >= lo) {
            int32_t f, e;
            if (dl_q_subject(c, m, lo, &f, &e))
                return (attrib){f, e, first_inner, first_inner + 1, NULL, DL_CUE_VERB};
        }
    }
    return NO_ATTRIB;
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
            if (!(c->flags[g] & (F_USED | F_MARK)) && !is_punct(tag(c, g)))
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
            words += !is_punct(tag(c, g));
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
        if (m->closed && after < c->n && !dl_q_has_newline(c, m->close_end, c->tok[after]->start))
            at = attrib_after(c, after);
        if (at.cue_f < 0 && mark0 < c->n)
            at = attrib_before(c, (int32_t)mark0, g0 < g1 ? (int32_t)g0 : -1);
        uint32_t end = m->inner_end;
        while (end > m->inner_start && c->text[end - 1] == ',')
            end--;
        if (at.cue_f >= 0) {
            dl_q_take(c, &at);
            qrec *r = dl_q_add_rec(c);
            if (!r)
                return DL_ERR_NOMEM;
            *r = (qrec){m->inner_start, end, at.sp_f, at.sp_e, at.cue_f, at.cue_e, at.cue, (uint8_t)at.kind, true};
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

