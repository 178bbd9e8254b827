/* quotes_indirect.c: reported speech without quotation marks ("X said
 * that ...", "according to X, ..."); see quotes.c for the whole method. */
#include "quotes/quotes_int.h"
#include "base/arena.h"

enum { OBJECT_MIN = 3, ACCORDING_MAX = 30 };

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
        if (dl_tag_is_finite(tag(c, (size_t)g)))
            return true;
    return false;
}

/* What a cue reports need not be a clause: "She wants to triple the
 * size of the AmeriCorps program", "Polling averages show Clinton with a
 * lead". A verb cue's object counts when it runs on for a few words and
 * is not a quotation (the direct pass owns those). */
static bool object_words(const ctx *c, int32_t g, int32_t x, int32_t end)
{
    if (end - x < OBJECT_MIN || (c->flags[x] & (F_MARK | F_INQ)) || !dl_tag_is_verb(tag(c, (size_t)g)))
        return false;
    dl_tag t = tag(c, (size_t)x);
    return t == DL_TAG_TO || t == DL_TAG_DT || t == DL_TAG_PRPS || dl_tag_is_noun(t) || t == DL_TAG_JJ ||
           t == DL_TAG_CD || t == DL_TAG_IN || t == DL_TAG_WRB || t == DL_TAG_WP || t == DL_TAG_PRP ||
           dl_tag_is_verb(t);
}

/* The end of a sentence's words: before its final . ! ? */
static int32_t sentence_end(const ctx *c, size_t g)
{
    int32_t lo = (int32_t)sent_lo(c, g), e = (int32_t)sent_hi(c, g);
    while (e > lo && tag(c, (size_t)e - 1) == DL_TAG_PERIOD)
        e--;
    return e;
}

/* Where the words after a cue stop: before a trailing attribution of
 * their own ("... called for X to be taken to a trauma center, sources
 * said."), which reports the whole sentence. */
static int32_t before_tail(const ctx *c, int32_t x, int32_t e)
{
    for (int32_t k = x + 1; k + 2 <= e; k++) {
        if (tag(c, (size_t)k) != DL_TAG_COMMA)
            continue;
        size_t len;
        int32_t z = dl_q_np_fwd(c, k + 1, e);
        if (z > k + 1) {
            int32_t v = z;
            while (v < e && (tag(c, (size_t)v) == DL_TAG_RB || tag(c, (size_t)v) == DL_TAG_MD ||
                             (dl_tag_is_verb(tag(c, (size_t)v)) && (lemma_is(c, (size_t)v, "have") ||
                                                             lemma_is(c, (size_t)v, "be")))))
                v++;
            if (v < e && speech_cue(c, (size_t)v, &len) && v + (int32_t)len + 2 >= e)
                return k;
        }
        if (speech_cue(c, (size_t)k + 1, &len) && dl_q_np_fwd(c, k + 1 + (int32_t)len, e) > k + 1 + (int32_t)len &&
            dl_q_np_fwd(c, k + 1 + (int32_t)len, e) + 2 >= e)
            return k;
    }
    return e;
}

/* Where reported words give way to a new attribution of their own in
 * the same sentence: "X said the rules should change, but he said that
 * discussion should wait", "...; she noted that ...". A conjunction (or a
 * semicolon) followed by a subject and a reporting verb starts another
 * quote, whose words are not the first speaker's. Returns the
 * conjunction's index, or e. */
static int32_t next_attribution(const ctx *c, int32_t f, int32_t e)
{
    for (int32_t k = f + 2; k + 2 < e; k++) {
        bool cc = tag(c, (size_t)k) == DL_TAG_CC && (is(c, (size_t)k, "but") || is(c, (size_t)k, "and")) &&
                  tag(c, (size_t)k - 1) == DL_TAG_COMMA;
        if (!(cc || is(c, (size_t)k, ";")) || (c->flags[k] & (F_INQ | F_MARK)))
            continue;
        int32_t s = k + 1;
        while (s < e && tag(c, (size_t)s) == DL_TAG_RB)
            s++;
        int32_t z = dl_q_np_fwd(c, s, e);
        if (z == s || z - s > 6)
            continue;
        int32_t v = z;
        while (v < e && (tag(c, (size_t)v) == DL_TAG_RB || tag(c, (size_t)v) == DL_TAG_MD ||
                         (dl_tag_is_verb(tag(c, (size_t)v)) && (lemma_is(c, (size_t)v, "have") ||
                                                         lemma_is(c, (size_t)v, "do")))))
            v++;
        size_t len;
        if (v < e && dl_tag_is_finite(tag(c, (size_t)v)) && speech_cue(c, (size_t)v, &len) &&
            v + (int32_t)len + 2 < e)
            return k;
    }
    return e;
}

static dl_status add_indirect(ctx *c, int32_t f, int32_t e, const attrib *at)
{
    e = next_attribution(c, f, e);
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
    /* Sources may be long: "a 52-count civil complaint filed by the
     * federal Securities and Exchange Commission and a 15-count complaint
     * by Vermont". */
    while (se < end && se - sf < ACCORDING_MAX && tag(c, (size_t)se) != DL_TAG_COMMA && !(c->flags[se] & F_MARK))
        se++;
    if (se == sf || se - sf >= ACCORDING_MAX)
        return DL_OK;
    attrib at = {sf, se, g, g + (int32_t)len, NULL, DL_CUE_ACCORDING, 0, 0};
    int32_t before = g - 1;
    while (before >= lo && (tag(c, (size_t)before) == DL_TAG_RB || tag(c, (size_t)before) == DL_TAG_CC))
        before--;
    /* "..., according to X." and "..., according to X, more than ...":
     * the words before the comma are X's. */
    if (before >= lo && tag(c, (size_t)before) == DL_TAG_COMMA) {
        at.sp_e = dl_q_trailing_apposition(c, se);
        return content_before(c, before, &at);
    }
    if (before < lo && se < end && tag(c, (size_t)se) == DL_TAG_COMMA && end - (se + 1) >= 3)
        return add_indirect(c, se + 1, end, &at);
    return DL_OK;
}

/* `"...," the mayor said, adding that ...`: the speaker of a quote
 * attributed earlier in the participle's sentence. */
static bool earlier_speaker(const ctx *c, int32_t g, int32_t *f, int32_t *e)
{
    for (size_t i = c->n_recs; i-- > 0;) {
        const qrec *r = &c->recs[i];
        if (r->cue_f >= 0 && r->sp_f >= 0 && r->cue_f < g && same_sentence(c, (size_t)r->cue_f, (size_t)g)) {
            *f = r->sp_f;
            *e = r->sp_e;
            return true;
        }
    }
    return false;
}

/* Is the cue at g a passive participle ("were mistakenly charged")? */
static bool passive(const ctx *c, int32_t g, int32_t lo)
{
    if (tag(c, (size_t)g) != DL_TAG_VBN)
        return false;
    for (int32_t j = g - 1; j >= lo && j >= g - 4; j--) {
        dl_tag t = tag(c, (size_t)j);
        if (dl_tag_is_verb(t) && lemma_is(c, (size_t)j, "be"))
            return true;
        if (t != DL_TAG_RB)
            return false;
    }
    return false;
}

/* Is the noun phrase before the participle at g the object of a finite
 * verb ("unleashed a series of tweets criticizing")? */
static bool object_before(const ctx *c, int32_t g, int32_t lo)
{
    if (!dl_tag_is_noun(tag(c, (size_t)g - 1)))
        return false;
    int32_t n = dl_q_np_back(c, g - 1, lo);
    return n - 1 >= lo && dl_tag_is_finite(tag(c, (size_t)n - 1));
}

/* Is the noun phrase before the participle at g the object of a
 * preposition ("she said at a news conference announcing that ...")? The
 * event or place does not speak; whoever spoke there does. */
static bool pobj_before(const ctx *c, int32_t g, int32_t lo)
{
    if (!dl_tag_is_noun(tag(c, (size_t)g - 1)))
        return false;
    int32_t n = dl_q_np_back(c, g - 1, lo);
    return n - 1 >= lo && tag(c, (size_t)n - 1) == DL_TAG_IN && !is(c, (size_t)n - 1, "that") &&
           !is(c, (size_t)n - 1, "of") && !is(c, (size_t)n - 1, "for") && !is(c, (size_t)n - 1, "from");
}

/* "Video shows officers dragging ...", "Surveillance footage from the
 * store showed ...": a depicting verb whose subject is a picture (its
 * head, or the head before "of"/"from") describes, it reports nobody's
 * words. */
static bool depiction(const ctx *c, int32_t g, int32_t f, int32_t e)
{
    size_t len;
    if (!cue_at(c, (size_t)g, DL_CUE_MASK(DL_CUE_DEPICTING), &len))
        return false;
    for (int32_t k = f; k < e; k++) {
        bool head = k + 1 == e || is(c, (size_t)k + 1, "of") || is(c, (size_t)k + 1, "from") ||
                    is(c, (size_t)k + 1, "on") || is(c, (size_t)k + 1, "at") || is(c, (size_t)k + 1, "in") ||
                    tag(c, (size_t)k + 1) == DL_TAG_COMMA;
        if (head && cue_at(c, (size_t)k, DL_CUE_MASK(DL_CUE_PICTURE), &len) && len == 1)
            return true;
        if (head)
            break;
    }
    return false;
}

static dl_status indirect_at(ctx *c, int32_t g, dl_cue_kind k, size_t len)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)g), end = sentence_end(c, (size_t)g);
    attrib at = {-1, -1, g, g + (int32_t)len, NULL, k, 0, 0};
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
    if (passive(c, g, lo))
        return DL_OK; /* "have been charged with": the subject did not speak */
    int32_t colon = skip_adverbials(c, x, end);
    if (colon < end && is(c, (size_t)colon, ":") && colon + 1 < (int32_t)c->n &&
        dl_q_has_newline(c, c->tok[colon]->end, c->tok[colon + 1]->start))
        return DL_OK; /* "The governor added:" and a paragraph: colon_blocks() */
    int32_t f = -1, e = -1;
    bool subj;
    /* "..., saying that ...", and "Trump unleashed a series of tweets
     * criticizing Machado": a participle's speaker is the sentence's
     * subject, not the noun before it. */
    if (tag(c, (size_t)g) == DL_TAG_VBG && g - 2 >= lo &&
        (tag(c, (size_t)g - 1) == DL_TAG_COMMA || object_before(c, g, lo) || pobj_before(c, g, lo))) {
        /* "..., saying that ...": the sentence's subject speaks */
        subj = dl_q_sentence_subject(c, g, &f, &e);
        if (!subj)
            subj = earlier_speaker(c, g, &f, &e);
        x = skip_adverbials(c, x, end);
        if (subj && is_clause(c, x, end)) {
            at.sp_f = f;
            at.sp_e = e;
            return add_indirect(c, x, end, &at);
        }
        return DL_OK;
    }
    subj = dl_q_subject(c, g, lo, &f, &e);
    if (subj && depiction(c, g, f, e))
        return DL_OK;
    x = skip_adverbials(c, x, end);
    if (subj && x < end && !(x < end && tag(c, (size_t)x) == DL_TAG_COMMA) &&
        (is_clause(c, x, end) || object_words(c, g, x, end))) {
        at.sp_f = f;
        at.sp_e = e;
        return add_indirect(c, x, before_tail(c, x, end), &at);
    }
    /* The words come before: "..., X said." or "..., said X." */
    bool tail = x >= end || tag(c, (size_t)x) == DL_TAG_COMMA;
    if (subj && tail && f - 1 >= lo && tag(c, (size_t)f - 1) == DL_TAG_COMMA) {
        at.sp_f = f;
        at.sp_e = e;
        /* "Acts of protest, Mr. Obama said, are acts of patriotism": the
         * attribution splits one reported sentence in two. */
        /* A reporting verb after the comma ("..., he said, noted ...")
         * is a second attribution, unless what comes before the speaker
         * is no clause: "The museum, Mr. Bush said, celebrated ..." */
        bool open_subject = !is_clause(c, lo, f - 1) && dl_tag_is_finite(tag(c, (size_t)x + 1));
        if (x < end && end - (x + 1) >= 2 && !(c->flags[x + 1] & F_MARK) &&
            tag(c, (size_t)x + 1) != DL_TAG_VBG && (open_subject || !speech_cue(c, (size_t)x + 1, &(size_t){0})) &&
            !cue_at(c, (size_t)x + 1, DL_CUE_MASK(DL_CUE_ACCORDING), &(size_t){0})) {
            dl_status st = DL_OK;
            /* "During his years in office, Mr. Obama said, a majority
             * ...": an opening adverbial is the writer's, not his. */
            bool adverbial = tag(c, (size_t)lo) == DL_TAG_IN && !is_clause(c, lo, f - 1);
            if (f - 1 - lo >= 2 && !adverbial)
                st = add_indirect(c, lo, f - 1, &at);
            return st ? st : add_indirect(c, x + 1, end, &at);
        }
        return content_before(c, f - 1, &at);
    }
    int32_t j = dl_q_skip_aux_back(c, g, lo);
    if (j >= lo && tag(c, (size_t)j) == DL_TAG_COMMA) {
        int32_t z = dl_q_speaker_fwd(c, g + (int32_t)len, end);
        if (z > g + (int32_t)len) {
            int32_t y = skip_adverbials(c, z, end);
            if (y >= end || tag(c, (size_t)y) == DL_TAG_COMMA) {
                at.sp_f = g + (int32_t)len;
                at.sp_e = y == z ? dl_q_trailing_apposition(c, z) : z;
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
/* Do the words [a, e) after "Name:" read as something said? Speech has
 * a finite verb ("Well, the question is ..."); a charge list ("Possession
 * of a controlled substance, resisting arrest") or a caption has none. A
 * headline ("Senator: Voters Worried About Economy") has its words
 * capitalised, and a headline is not a quote. */
static bool label_speech(const ctx *c, size_t a, size_t e)
{
    size_t finite = 0, words = 0, caps = 0;
    for (size_t g = a; g < e; g++) {
        dl_tag t = tag(c, g);
        if (dl_tag_is_punct(t) || (c->flags[g] & F_MARK))
            continue;
        finite += dl_tag_is_finite(t) || t == DL_TAG_MD;
        if (t != DL_TAG_DT && t != DL_TAG_IN && t != DL_TAG_CC && t != DL_TAG_TO) {
            words++;
            caps += (c->tok[g]->flags & DL_TOK_CAPITAL) != 0;
        }
    }
    bool headline = words >= 3 && caps * 10 >= words * 8;
    return finite > 0 && !headline;
}

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
        if (e - a < 2 || !label_speech(c, a, e))
            continue;
        attrib at = {(int32_t)g, (int32_t)k, (int32_t)k, (int32_t)k + 1, NULL, DL_CUE_VERB, 0, 0};
        dl_q_take(c, &at);
        qrec *r = dl_q_add_rec(c);
        if (!r)
            return DL_ERR_NOMEM;
        *r = (qrec){c->tok[a]->start, c->tok[e - 1]->end, at.sp_f, at.sp_e, at.cue_f, at.cue_e, NULL, DL_CUE_VERB, false};
        g = e - 1;
    }
    return DL_OK;
}

/* The end (exclusive) of the paragraph that token a starts or is in. */
static size_t paragraph_end(const ctx *c, size_t a)
{
    size_t b = a;
    while (b < c->n && (b == a || !dl_q_has_newline(c, c->tok[b - 1]->end, c->tok[b]->start)))
        b++;
    return b;
}

static bool covered(const ctx *c, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < c->n_recs; i++)
        if (c->recs[i].start < b && c->recs[i].end > a)
            return true;
    return false;
}

/* "The governor added:" or "Sanders made the following comment:" ending
 * a paragraph: the next paragraph holds the words, in quotation marks or
 * set off as a block. The speaker is the sentence's subject; the cue runs
 * from its verb to the colon. */
static dl_status colon_blocks(ctx *c)
{
    for (size_t k = 1; k + 1 < c->n; k++) {
        if (!is(c, k, ":") || !dl_q_has_newline(c, c->tok[k]->end, c->tok[k + 1]->start))
            continue;
        int32_t lo = (int32_t)sent_lo(c, k);
        int32_t f, e, v = lo;
        size_t len;
        /* The first finite verb and its subject; "The New York Times
         * reports:" may have its verb tagged as the name's last noun. */
        while (v < (int32_t)k && !dl_tag_is_finite(tag(c, (size_t)v)) &&
               !(v + 1 == (int32_t)k && v - lo >= 2 && tag(c, (size_t)v) != DL_TAG_NNP &&
                 cue_at(c, (size_t)v, DL_CUE_SPEECH, &len)))
            v++;
        if (v >= (int32_t)k || (c->flags[v] & (F_INQ | F_MARK)))
            continue;
        if (!dl_q_subject(c, v, lo, &f, &e) || e > v)
            continue;
        while (v + 1 < (int32_t)k && dl_tag_is_verb(tag(c, (size_t)v + 1)) &&
               (lemma_is(c, (size_t)v, "have") || lemma_is(c, (size_t)v, "be") || lemma_is(c, (size_t)v, "do") ||
                tag(c, (size_t)v) == DL_TAG_MD))
            v++;
        bool cue = v < (int32_t)k && !(c->flags[v] & (F_INQ | F_MARK)) &&
                   cue_at(c, (size_t)v, DL_CUE_SPEECH, &len);
        /* "made the following comment:", "issued a statement:" */
        for (int32_t w = v + 1; !cue && w < (int32_t)k; w++)
            cue = dl_tag_is_verb(tag(c, (size_t)v)) && dl_tag_is_noun(tag(c, (size_t)w)) &&
                  cue_at(c, (size_t)w, DL_CUE_MASK(DL_CUE_STATEMENT) | DL_CUE_SPEECH, &len);
        if (!cue || (c->flags[v] & F_USED))
            continue;
        size_t a = k + 1, b = paragraph_end(c, a);
        /* A block quotation may run over several paragraphs: the next one
         * continues it when it holds no quotation and no cue of its own. */
        for (int more = 0; more < 3 && b < c->n && !(c->flags[a] & F_MARK); more++) {
            size_t z = paragraph_end(c, b), w = b;
            while (w < z && !(c->flags[w] & (F_MARK | F_INQ)) && !speech_cue(c, w, &len) &&
                   !cue_at(c, w, DL_CUE_MASK(DL_CUE_ACCORDING), &len))
                w++;
            if (w < z || is(c, z - 1, ":"))
                break;
            b = z;
        }
        while (b > a && (dl_tag_is_punct(tag(c, b - 1)) || (c->flags[b - 1] & F_MARK)))
            b--;
        while (a < b && (c->flags[a] & F_MARK))
            a++;
        if (b - a < 3 || covered(c, c->tok[a]->start, c->tok[b - 1]->end))
            continue;
        attrib at = {f, e, v, (int32_t)k + 1, NULL, DL_CUE_VERB, 0, 0};
        dl_q_take(c, &at);
        qrec *r = dl_q_add_rec(c);
        if (!r)
            return DL_ERR_NOMEM;
        *r = (qrec){c->tok[a]->start, c->tok[b - 1]->end, f, e, v, (int32_t)k + 1, NULL, DL_CUE_VERB, false};
    }
    return DL_OK;
}

/* "Trump's claim that ...", "his warning that ...": a reporting noun
 * with a "that" clause after it. Its possessor, when there is one, is
 * the speaker. */
static bool finite_or_modal(const ctx *c, int32_t k)
{
    return dl_tag_is_finite(tag(c, (size_t)k)) || tag(c, (size_t)k) == DL_TAG_MD;
}

/* "Claims by Democrats that the vote was rigged were rejected": a noun
 * cue in subject position (no finite verb before it) has its clause end
 * where the sentence's own verb starts: the next finite verb after the
 * clause's verb group at v, when nothing (a conjunction, a relative, a
 * comma) opens another clause between them. Returns the end, or y. */
static int32_t subject_clause_end(const ctx *c, int32_t lo, int32_t g, int32_t v, int32_t y)
{
    for (int32_t k = lo; k < g; k++)
        if (finite_or_modal(c, k))
            return y;
    int32_t k = v + 1;
    /* the clause's verb group: "was rigged", "had been stolen" */
    while (k < y && (tag(c, (size_t)k) == DL_TAG_RB ||
                     (dl_tag_is_verb(tag(c, (size_t)k)) &&
                      (!finite_or_modal(c, k) || tag(c, (size_t)k - 1) == DL_TAG_MD ||
                       lemma_is(c, (size_t)k - 1, "be") || lemma_is(c, (size_t)k - 1, "have") ||
                       lemma_is(c, (size_t)k - 1, "do")))))
        k++;
    for (; k < y; k++) {
        dl_tag t = tag(c, (size_t)k);
        if (t == DL_TAG_CC || t == DL_TAG_WDT || t == DL_TAG_WP || t == DL_TAG_COMMA || is(c, (size_t)k, "that") ||
            (c->flags[k] & (F_INQ | F_MARK)))
            return y;
        if (finite_or_modal(c, k))
            return k;
    }
    return y;
}

static dl_status noun_cue(ctx *c, int32_t g)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)g), end = sentence_end(c, (size_t)g);
    if (!(dl_tag_is_noun(tag(c, (size_t)g)) || (g > lo && is_possessive(c, (size_t)g - 1))) || g + 1 >= end)
        return DL_OK;
    /* "claims by Democrats that ...", "a statement from the ministry
     * that ...": the agent after the noun is the speaker. */
    int32_t by_f = -1, by_e = -1, x = g + 1;
    if ((is(c, (size_t)x, "by") || is(c, (size_t)x, "from")) && x + 1 < end) {
        int32_t z = dl_q_np_fwd(c, x + 1, end);
        if (z > x + 1 && z < end && is(c, (size_t)z, "that") && !is_pronoun(c, (size_t)x + 1)) {
            by_f = x + 1;
            by_e = z;
            x = z;
        }
    }
    if (!is(c, (size_t)x, "that"))
        return DL_OK;
    int32_t y = before_tail(c, x, end);
    /* a complement clause has its own subject and a finite verb; "the
     * claim that he made" would read as one too, so the clause must run
     * on past its verb */
    int32_t v = x + 1;
    while (v < y && !dl_tag_is_finite(tag(c, (size_t)v)))
        v++;
    if (v == x + 1 || v + 1 >= y || (c->flags[x] & (F_INQ | F_MARK)))
        return DL_OK;
    y = subject_clause_end(c, lo, g, v, y);
    attrib at = {-1, -1, g, g + 1, NULL, DL_CUE_VERB, 0, 0};
    int32_t p = g - 1;
    bool named = false;
    while (p >= lo && (tag(c, (size_t)p) == DL_TAG_JJ || tag(c, (size_t)p) == DL_TAG_NN ||
                       tag(c, (size_t)p) == DL_TAG_NNP || tag(c, (size_t)p) == DL_TAG_NNPS)) {
        named |= tag(c, (size_t)p) == DL_TAG_NNP || tag(c, (size_t)p) == DL_TAG_NNPS;
        p--;
    }
    if (by_f >= 0) {
        at.sp_f = by_f;
        at.sp_e = by_e;
    } else if (named && p + 1 < g && !(p >= lo && is_possessive(c, (size_t)p))) {
        /* "a New York Times report that ...": the name before the noun
         * issued it. */
        at.sp_f = p >= lo && is_det(c, (size_t)p) ? p : p + 1;
        at.sp_e = g;
    } else if (p >= lo && (tag(c, (size_t)p) == DL_TAG_PRPS || is_possessive(c, (size_t)p))) {
        int32_t q = tag(c, (size_t)p) == DL_TAG_POS ? p - 1 : p;
        int32_t n = tag(c, (size_t)p) == DL_TAG_PRPS ? p : dl_q_np_back(c, q, lo);
        if (n >= 0) {
            at.sp_f = n;
            at.sp_e = p + 1;
        }
    }
    return add_indirect(c, x, y, &at);
}

dl_status dl_q_indirect(ctx *c)
{
    dl_status lst = labels(c);
    if (!lst)
        lst = colon_blocks(c);
    if (lst)
        return lst;
    for (size_t g = 0; g < c->n; g++) {
        if (c->flags[g] & (F_INQ | F_MARK | F_USED))
            continue;
        size_t len;
        dl_status st = DL_OK;
        dl_cue_kind k = speech_cue(c, g, &len);
        /* "Trump's claim that": a possessive makes a noun of the cue,
         * whatever the tagger said */
        size_t nlen;
        bool owned = g > 0 && same_sentence(c, g - 1, g) && is_possessive(c, g - 1) &&
                     cue_at(c, g, DL_CUE_MASK(DL_CUE_NOUN), &nlen);
        if (owned)
            st = noun_cue(c, (int32_t)g);
        else if (k != DL_CUE_NONE)
            st = indirect_at(c, (int32_t)g, k, len);
        else if (cue_at(c, g, DL_CUE_MASK(DL_CUE_ACCORDING), &len))
            st = according(c, (int32_t)g, len);
        else if (cue_at(c, g, DL_CUE_MASK(DL_CUE_NOUN), &len))
            st = noun_cue(c, (int32_t)g);
        if (st)
            return st;
    }
    return DL_OK;
}

/* Quotations without attribution inside reported speech are its words. */
