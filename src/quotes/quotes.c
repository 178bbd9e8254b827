/* quotes.c: finds who said what in one parsed article.
 *
 * Two passes over the article's tokens, both driven by the cue lexicon
 * (data/quotes/cues.txt):
 *
 *  1. Direct quotes. Every pair of quotation marks (quotes_marks.c) is a
 *     candidate. Its attribution is looked for right after the closing
 *     mark ("...," X said / said X, an apposition / the statement adds /
 *     "..." ― Name), then right before the opening mark (X said: "..." / X
 *     stressed "..." / according to X, "..."). A transcript label opening
 *     the quotation ("PENCE: Well, ...") is its speaker. A quotation inside
 *     the clause its cue reports (`said that her "only experience" was
 *     ...`) takes the whole clause. A quotation with no attribution of its
 *     own continues the previous one when only that quote's attribution
 *     stands between them. Short quotations after naming words ("dubbed
 *     it") are names, not quotes.
 *  2. Indirect speech. First paragraphs that a "X added:" line introduces;
 *     then every reporting cue not used by pass 1 and outside quotation
 *     marks: "X said (that) ...", "..., X said", "A, X said, B",
 *     "according to X, ...", "X told reporters ...", "X was quoted as
 *     saying ...", "X's claim that ...". Cues include attitudes and
 *     actions ("wants", "called for", "criticized"), as PolNeAR annotates
 *     them. The reported words are the rest of the sentence when they form
 *     a clause or an object, else the clause before the comma that
 *     precedes the speaker.
 *
 * Quotations left without attribution are kept when they sit inside
 * reported speech ("said that "violent clashes" were taking place"), or
 * when they read as speech and a speaker was named a few sentences
 * before: they are that speaker's words. Reported speech whose cue stands
 * inside another quote's words is dropped (the outer speaker's words).
 * Finally speakers are resolved through the actor mentions (following
 * antecedents), and "the statement" becomes the body that issued it,
 * named earlier. A relative pronoun that speaks ("Cohen, who said") is
 * kept as written, as PolNeAR marks sources; its antecedent names it. */
#include "quotes/quotes_int.h"
#include "base/arena.h"

/* ----------------------------------------------------------- noun phrases */

/* The first token of a noun phrase that ends at j (not before lo), or -1. */
int32_t dl_q_np_back(const ctx *c, int32_t j, int32_t lo)
{
    if (j < lo)
        return -1;
    if (is_pronoun(c, (size_t)j))
        return j;
    /* "Rep. Gwen Moore (D-Wis.)": a bracket after the name belongs to it. */
    if (tag(c, (size_t)j) == DL_TAG_RRB) {
        int32_t k = j - 1;
        while (k >= lo && j - k < 10 && tag(c, (size_t)k) != DL_TAG_LRB)
            k--;
        if (k < lo || tag(c, (size_t)k) != DL_TAG_LRB)
            return -1;
        j = k - 1;
        if (j < lo)
            return -1;
    }
    if (!is_head(c, (size_t)j))
        return -1;
    int32_t f = j;
    while (f - 1 >= lo && j - f < NP_MAX) {
        int32_t p = f - 1;
        int32_t m = c->mention_at[p];
        if (m >= 0 && m == c->mention_at[f]) {
            f = p;
            continue;
        }
        if (np_part(c, (size_t)p)) {
            f = p;
            continue;
        }
        if (is_det(c, (size_t)p)) {
            f = p;
            break;
        }
        /* "state and local leaders", "Federal and state officials" */
        if ((is(c, (size_t)p, "and") || is(c, (size_t)p, "or")) && p - 1 >= lo && f < j &&
            tag(c, (size_t)f) == DL_TAG_JJ &&
            (tag(c, (size_t)p - 1) == DL_TAG_JJ || tag(c, (size_t)p - 1) == DL_TAG_NN) &&
            !(c->flags[p - 1] & (F_MARK | F_INQ))) {
            f = p - 1;
            continue;
        }
        /* "elected officials", "the retired general": a participle
         * before the head, when nothing before it makes it a verb. */
        if (tag(c, (size_t)p) == DL_TAG_VBN && f == j && dl_tag_is_noun(tag(c, (size_t)f)) &&
            !(c->flags[p] & (F_MARK | F_INQ)) &&
            (p == lo || is_det(c, (size_t)p - 1) || tag(c, (size_t)p - 1) == DL_TAG_COMMA ||
             tag(c, (size_t)p - 1) == DL_TAG_JJ || tag(c, (size_t)p - 1) == DL_TAG_CD)) {
            f = p;
            continue;
        }
        /* "Department of Defence", "Secretary of State John Kerry" */
        if (is(c, (size_t)p, "of") && p - 1 >= lo && is_head(c, (size_t)p - 1) &&
            (c->tok[f]->flags & DL_TOK_CAPITAL)) {
            f = p;
            continue;
        }
        break;
    }
    return f;
}

/* The end (exclusive) of a noun phrase starting at a (before hi), or a. */
int32_t dl_q_np_fwd(const ctx *c, int32_t a, int32_t hi)
{
    if (a >= hi)
        return a;
    if (is_pronoun(c, (size_t)a))
        return a + 1;
    int32_t e = a;
    if (is_det(c, (size_t)e))
        e++;
    bool head = false;
    while (e < hi && e - a < NP_MAX) {
        int32_t m = c->mention_at[e];
        if (np_part(c, (size_t)e) || (m >= 0 && e > a && m == c->mention_at[e - 1])) {
            head |= is_head(c, (size_t)e);
            e++;
        } else if (is(c, (size_t)e, "of") && head && e + 1 < hi &&
                   (c->tok[e + 1]->flags & DL_TOK_CAPITAL) && np_part(c, (size_t)e + 1)) {
            e++;
        } else {
            break;
        }
    }
    if (head && e + 1 < hi && tag(c, (size_t)e) == DL_TAG_LRB) {
        int32_t k = e + 1;
        while (k < hi && k - e < 10 && tag(c, (size_t)k) != DL_TAG_RRB)
            k++;
        if (k < hi && tag(c, (size_t)k) == DL_TAG_RRB)
            e = k + 1;
    }
    return head ? e : a;
}

/* The last token before g that is not an adverb or auxiliary ("has",
 * "also", "had earlier"), or lo - 1. */
int32_t dl_q_skip_aux_back(const ctx *c, int32_t g, int32_t lo)
{
    int32_t j = g - 1;
    while (j >= lo) {
        dl_tag t = tag(c, (size_t)j);
        if (t == DL_TAG_RB || t == DL_TAG_MD || is(c, (size_t)j, "n't") || is(c, (size_t)j, "n\xE2\x80\x99t") ||
            is(c, (size_t)j, "not") ||
            (dl_tag_is_verb(t) && (lemma_is(c, (size_t)j, "be") || lemma_is(c, (size_t)j, "have") ||
                            lemma_is(c, (size_t)j, "do"))))
            j--;
        else
            break;
    }
    return j;
}

/* Does a noun phrase start a clause at n: the sentence's start, or after
 * a comma, a conjunction or a quotation mark? */
static bool clause_start(const ctx *c, int32_t n, int32_t lo)
{
    if (n == lo)
        return true;
    dl_tag t = tag(c, (size_t)n - 1);
    return t == DL_TAG_COMMA || t == DL_TAG_CC || t == DL_TAG_COLON || (c->flags[n - 1] & F_MARK);
}

/* Is there a finite verb in [a, b) that no relative pronoun introduces? */
static bool bare_finite(const ctx *c, int32_t a, int32_t b)
{
    bool relative = false;
    for (int32_t k = a; k < b; k++) {
        dl_tag t = tag(c, (size_t)k);
        if (t == DL_TAG_WP || t == DL_TAG_WDT || t == DL_TAG_WPS || is(c, (size_t)k, "that"))
            relative = true;
        else if (dl_tag_is_finite(t) && !relative)
            return true;
    }
    return false;
}

/* Does the relative clause at g ("who warned that ...") report speech?
 * Then it is a quote of its own, not part of its antecedent's phrase. */
static bool reports_speech(const ctx *c, int32_t g, int32_t top)
{
    if (!is(c, (size_t)g, "who"))
        return false;
    int32_t v = g + 1;
    while (v < top && (tag(c, (size_t)v) == DL_TAG_RB || tag(c, (size_t)v) == DL_TAG_MD || lemma_is(c, (size_t)v, "have")))
        v++;
    size_t len;
    return v < top && speech_cue(c, (size_t)v, &len) != DL_CUE_NONE;
}

/* "NAME, APPOSITION, said": the comma before the verb is at j. The
 * apposition may be long ("Megan Hester, senior associate for education
 * organizing at the Annenberg Institute for School Reform, said") and may
 * hold a relative clause ("the agency that oversees the program"), but no
 * other finite verb. The speaker runs from the name to the last comma. */
static bool apposition(const ctx *c, int32_t j, int32_t lo, int32_t *f, int32_t *e)
{
    bool found = false;
    int32_t cut = j;
    for (int32_t k = j - 1; k >= lo && j - k < 45; k--) {
        if (c->flags[k] & (F_MARK | F_INQ))
            return found;
        if (tag(c, (size_t)k) != DL_TAG_COMMA)
            continue;
        if (k + 1 >= j || bare_finite(c, k + 1, j))
            return found;
        int32_t n = dl_q_np_back(c, k - 1, lo);
        /* "Officials at Homeland Security Investigations, a division of
         * ...": the name may carry prepositional phrases. */
        for (int hops = 0; n >= 0 && hops < 5 && !clause_start(c, n, lo) && n - 2 >= lo &&
                           tag(c, (size_t)n - 1) == DL_TAG_IN && !is(c, (size_t)n - 1, "that");
             hops++) {
            int32_t p = dl_q_np_back(c, n - 2, lo);
            if (p < 0 || is_pronoun(c, (size_t)p))
                break;
            n = p;
        }
        if (n >= 0 && clause_start(c, n, lo) && !is_pronoun(c, (size_t)n)) {
            /* Keep looking: "Michael Mulgrew, president of the United
             * Federation of Teachers, which represents ..., said" is one
             * speaker from the name on. */
            *f = n;
            *e = cut;
            found = true;
            /* "Trump, speaking to a veterans group, said", "Some
             * Democrats, however, say": what follows the comma is about
             * the speaking, not the speaker. Once cut, the speaker stays
             * cut ("Rep. Elijah Cummings, the top Democrat on the
             * committee, in a statement said"). */
            dl_tag t = tag(c, (size_t)k + 1);
            /* "Johnnie Wilson, of Springfield, Va.," and "Proponents,
             * including the Conference of Mayors," are about the speaker. */
            bool about = is(c, (size_t)k + 1, "of") || is(c, (size_t)k + 1, "including");
            if (((t == DL_TAG_VBG || t == DL_TAG_IN || t == DL_TAG_RB) && !about) || reports_speech(c, k + 1, j))
                *e = cut = k;
        }
    }
    return found;
}

/* Is [a, b] a time phrase ("last year", "late August", "three days",
 * "Tuesday")? Its last word names a stretch of time. */
static bool time_phrase(const ctx *c, int32_t a, int32_t b)
{
    static const char *const w[] = {"year", "years", "month", "months", "week", "weeks", "day", "days",
                                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                    "sunday", "january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november", "december",
                                    "morning", "afternoon", "evening", "night", "weekend", "today",
                                    "yesterday", "decade", "decades", "hour", "hours", NULL};
    if (b < a || b - a > 3)
        return false;
    for (size_t i = 0; w[i]; i++)
        if (is(c, (size_t)b, w[i]))
            return true;
    return false;
}

/* "Mr. Grassley and Mr. Leahy say", "Jeff Merkley (D-Ore.), Sherrod Brown
 * (D-Ohio) and Robert Menendez (D-N.J.) all suggested": the start of the
 * coordinated subjects ending with the phrase at s, or s. The list counts
 * only when it starts a clause. */
static int32_t coordinated(const ctx *c, int32_t s, int32_t lo)
{
    if (s < 0 || s - 2 < lo || !(is(c, (size_t)s - 1, "and") || is(c, (size_t)s - 1, "or")) ||
        is_pronoun(c, (size_t)s))
        return s;
    int32_t s2 = dl_q_np_back(c, s - 2, lo);
    if (s2 < 0)
        return s;
    if (clause_start(c, s2, lo) && !(s2 > lo && tag(c, (size_t)s2 - 1) == DL_TAG_COMMA))
        return s2;
    /* Earlier members of the list, each after a comma. */
    for (int hops = 0; hops < 6 && s2 - 2 >= lo && tag(c, (size_t)s2 - 1) == DL_TAG_COMMA; hops++) {
        int32_t p = dl_q_np_back(c, s2 - 2, lo);
        if (p < 0 || is_pronoun(c, (size_t)p) || (c->flags[s2 - 1] & (F_MARK | F_INQ)))
            break;
        s2 = p;
        if (clause_start(c, s2, lo) && !(s2 > lo && tag(c, (size_t)s2 - 1) == DL_TAG_COMMA))
            return s2;
    }
    return clause_start(c, s2, lo) ? s2 : s;
}

/* The noun phrase the verb at v is about: the subject, or the
 * antecedent of a relative pronoun before the verb. */
static bool subject_np(const ctx *c, int32_t v, int32_t lo, int32_t *f, int32_t *e)
{
    int32_t j = dl_q_skip_aux_back(c, v, lo);
    if (j >= lo && (tag(c, (size_t)j) == DL_TAG_WP || tag(c, (size_t)j) == DL_TAG_WDT || is(c, (size_t)j, "that"))) {
        j--;
        if (j >= lo && tag(c, (size_t)j) == DL_TAG_COMMA)
            j--;
    }
    /* "Merkley, Brown and Menendez all suggested": a floating quantifier */
    bool floating = j > lo && (is(c, (size_t)j, "all") || is(c, (size_t)j, "both") || is(c, (size_t)j, "each")) &&
                    (dl_tag_is_noun(tag(c, (size_t)j - 1)) || tag(c, (size_t)j - 1) == DL_TAG_RRB);
    if (floating)
        j--;
    if (j >= lo && tag(c, (size_t)j) == DL_TAG_COMMA)
        return apposition(c, j, lo, f, e);
    /* "Cruz exhorted Republicans to ... and said he was ...": a second
     * verb shares the sentence's subject. */
    if (j > lo && (is(c, (size_t)j, "and") || is(c, (size_t)j, "but")) && dl_tag_is_verb(tag(c, (size_t)v)) &&
        !dl_tag_is_noun(tag(c, (size_t)j - 1)) && dl_q_sentence_subject(c, v, f, e)) {
        for (int32_t k = *e; k < j; k++)
            if (dl_tag_is_finite(tag(c, (size_t)k)))
                return true;
        return false;
    }
    /* "Editor's note": a possessive is not a subject. */
    if (j >= lo && is_possessive(c, (size_t)j))
        return false;
    int32_t s = dl_q_np_back(c, j, lo);
    /* "A Quinnipiac University poll in late August found": a time phrase
     * before the verb is not its subject. */
    if (s >= 0 && time_phrase(c, s, j) && s - 1 >= lo && !clause_start(c, s, lo)) {
        int32_t j2 = s - 1;
        if (tag(c, (size_t)j2) == DL_TAG_IN || tag(c, (size_t)j2) == DL_TAG_RB)
            j2--;
        int32_t s2 = dl_q_np_back(c, j2, lo);
        if (s2 >= 0) {
            s = s2;
            j = j2;
        }
    }
    s = coordinated(c, s, lo);
    /* "Experts on North Korea and nuclear nonproliferation said", "A
     * spokeswoman for Hillary Clinton says": the phrase before the verb
     * may be the end of a longer subject, linked by prepositions and
     * conjunctions; it is, when the links lead back to a clause's start.
     * A phrase after "and" looks like a clause's start but may end a
     * prepositional phrase ("Recent polls in Pennsylvania and Virginia
     * have shown"). */
    if (s > lo && (!clause_start(c, s, lo) || tag(c, (size_t)s - 1) == DL_TAG_CC) && !is_pronoun(c, (size_t)s)) {
        int32_t t = s, cand = -1;
        for (int hops = 0; hops < 6 && t - 2 >= lo; hops++) {
            dl_tag lt = tag(c, (size_t)t - 1);
            /* "A report released last year found", "Several judges
             * handling lawsuits have cited", "an analysis released by the
             * department reveals", "A study that appeared in the journal
             * found": a participle or a relative clause links a noun to
             * its modifier, alone or before a preposition. */
            int32_t q = t - 2, lv = -1;
            /* "observers in Virginia and around the country": coordinated
             * prepositional phrases. */
            if (lt == DL_TAG_IN && q - 1 >= lo && tag(c, (size_t)q) == DL_TAG_CC && dl_tag_is_noun(tag(c, (size_t)q - 1)))
                q--;
            if (lt == DL_TAG_IN && !is(c, (size_t)t - 1, "that"))
                lv = dl_tag_is_verb(tag(c, (size_t)q)) ? q : -1;
            else if (dl_tag_is_verb(lt))
                lv = t - 1;
            else if (lt != DL_TAG_CC)
                break;
            if (lv >= 0) {
                if (c->flags[lv] & (F_INQ | F_MARK))
                    break;
                int32_t r = dl_q_skip_aux_back(c, lv, lo);
                dl_tag vt = tag(c, (size_t)lv);
                if (r >= lo && (tag(c, (size_t)r) == DL_TAG_WP || tag(c, (size_t)r) == DL_TAG_WDT || is(c, (size_t)r, "that")))
                    q = r - 1;
                else if ((vt == DL_TAG_VBN || vt == DL_TAG_VBG) && r == lv - 1)
                    q = lv - 1;
                else
                    break;
                if (q < lo || !dl_tag_is_noun(tag(c, (size_t)q)))
                    break;
            }
            int32_t p = dl_q_np_back(c, q, lo);
            if (p < 0 || (is_pronoun(c, (size_t)p) && lt != DL_TAG_CC))
                break;
            t = p;
            /* After "and", the links may go on: "a study by Harvard and
             * the University of California at Berkeley found". */
            if (t > lo && clause_start(c, t, lo) && tag(c, (size_t)t - 1) == DL_TAG_CC) {
                cand = t;
                continue;
            }
            if (clause_start(c, t, lo)) {
                s = t;
                cand = -1;
                break;
            }
        }
        if (cand >= 0)
            s = cand;
    }
    /* "Beijing has in the past denied": the noun phrase right before the
     * verb is the object of a preposition; the subject is before it. */
    /* Not after a subordinator ("on Monday as he issued"), nor for a
     * subject pronoun, which no preposition governs. */
    static const char *const subordinators[] = {"as", "because", "while", "after", "before", "since", "if",
                                                "although", "though", "when", "once", "until", "unless", NULL};
    bool subordinate = false;
    for (size_t i = 0; s > lo && subordinators[i]; i++)
        subordinate |= is(c, (size_t)s - 1, subordinators[i]);
    bool nominative = is(c, (size_t)s, "he") || is(c, (size_t)s, "she") || is(c, (size_t)s, "they") ||
                      is(c, (size_t)s, "we") || is(c, (size_t)s, "i");
    if (s > lo && tag(c, (size_t)s - 1) == DL_TAG_IN && !is(c, (size_t)s - 1, "that") && !subordinate &&
        !nominative) {
        int32_t j2 = dl_q_skip_aux_back(c, s - 1, lo);
        int32_t s2 = dl_q_np_back(c, j2, lo);
        if (s2 >= 0) {
            s = s2;
            j = j2;
        }
    }
    s = coordinated(c, s, lo);
    if (s < 0)
        return false;
    *f = s;
    *e = j + 1 + floating;
    return true;
}

static bool is_relative(const ctx *c, int32_t g)
{
    dl_tag t = tag(c, (size_t)g);
    return t == DL_TAG_WP || t == DL_TAG_WDT || is(c, (size_t)g, "that");
}

/* The subject of the verb at v: a noun phrase before it, possibly with an
 * apposition ("Flynn, a top Trump surrogate, said"). Sets [*f, *e); false
 * when none. A relative pronoun ("Eli Cohen, who said") is the subject as
 * written, as PolNeAR marks it; its antecedent, found here to make sure
 * there is one, names the speaker later (dl_q_antecedent). */
bool dl_q_subject(const ctx *c, int32_t v, int32_t lo, int32_t *f, int32_t *e)
{
    if (!subject_np(c, v, lo, f, e))
        return false;
    int32_t j = dl_q_skip_aux_back(c, v, lo);
    if (j >= lo && j >= *e && is_relative(c, j)) {
        *f = j;
        *e = j + 1;
    }
    return true;
}

/* The antecedent of the relative pronoun at g ("Eli Cohen, who"):
 * sets [*f, *e) and returns true, or false when g is not one. */
bool dl_q_antecedent(const ctx *c, int32_t g, int32_t *f, int32_t *e)
{
    if (g < 0 || (size_t)g >= c->n || !is_relative(c, g))
        return false;
    int32_t lo = (int32_t)sent_lo(c, (size_t)g), k = g - 1;
    if (k >= lo && tag(c, (size_t)k) == DL_TAG_COMMA)
        k--;
    int32_t n = dl_q_np_back(c, k, lo);
    if (n < 0 || is_pronoun(c, (size_t)n))
        return false;
    *f = n;
    *e = k + 1;
    return true;
}

/* A speaker named after its cue ("said Mr. Kerry"): the end of its noun
 * phrase from a, or a when there is none. A time phrase is when the
 * words were said ("said Tuesday"), not who said them. */
int32_t dl_q_speaker_fwd(const ctx *c, int32_t a, int32_t hi)
{
    int32_t e = dl_q_np_fwd(c, a, hi);
    return e > a && time_phrase(c, a, e - 1) ? a : e;
}

/* A speaker named after its cue may carry an apposition to the
 * sentence's end ("said Rep. G.K. Butterfield (D-N.C.), head of the
 * Congressional Black Caucus.", "said Ronald R. Fieldstone, a Miami
 * lawyer who has been involved in ..."): the new end of the speaker whose
 * noun phrase ends at e, or e. Verbs may only come in a relative clause. */
int32_t dl_q_trailing_apposition(const ctx *c, int32_t e)
{
    /* "said one GOP source in the room." */
    if (e + 2 < (int32_t)c->n && tag(c, (size_t)e) == DL_TAG_IN && !is(c, (size_t)e, "that") &&
        same_sentence(c, (size_t)e, (size_t)e + 1)) {
        int32_t z = dl_q_np_fwd(c, e + 1, (int32_t)sent_hi(c, (size_t)e));
        if (z > e + 1 && z < (int32_t)c->n && tag(c, (size_t)z) == DL_TAG_PERIOD)
            return z;
    }
    /* "said Victor Cha, who served as Asia director ...": a relative
     * clause about the speaker is part of the speaker too. */
    if (e + 2 >= (int32_t)c->n || tag(c, (size_t)e) != DL_TAG_COMMA ||
        !(np_part(c, (size_t)e + 1) || is_det(c, (size_t)e + 1) || is(c, (size_t)e + 1, "who") ||
          is(c, (size_t)e + 1, "whose") ||
          /* "said Murphy, now a consultant on Burma." */
          (tag(c, (size_t)e + 1) == DL_TAG_RB && e + 3 < (int32_t)c->n && is_det(c, (size_t)e + 2))))
        return e;
    int32_t z = e + 1, top = (int32_t)sent_hi(c, (size_t)e);
    if (top > e + 30)
        top = e + 30;
    /* "said Mr. Kamin, who emphasized that ...": a relative clause that
     * reports speech is a quote of its own, not part of the speaker. */
    if (reports_speech(c, e + 1, top))
        return e;
    /* When the apposition does not reach the sentence's end, it may still
     * end at a comma: "said Nick Witney, a fellow at the European Council
     * on Foreign Relations who ran the European Defense Agency, an E.U.
     * institution whose efforts ...". */
    bool relative = false;
    int32_t comma = e;
    for (; z < top && !(c->flags[z] & F_MARK) && tag(c, (size_t)z) != DL_TAG_PERIOD; z++) {
        dl_tag t = tag(c, (size_t)z);
        if (t == DL_TAG_WP || t == DL_TAG_WDT || t == DL_TAG_WPS)
            relative = true;
        else if ((dl_tag_is_verb(t) || t == DL_TAG_MD) && !relative)
            return comma;
        else if (t == DL_TAG_COMMA && z > e + 2 && comma == e)
            comma = z;
    }
    return z > e + 2 && z < top && tag(c, (size_t)z) == DL_TAG_PERIOD ? z : comma;
}

/* The subject of a participle ("..., calling for") is the sentence's:
 * its first noun phrase after any opening adverbial ("Meanwhile,"). */
bool dl_q_sentence_subject(const ctx *c, int32_t v, int32_t *f, int32_t *e)
{
    int32_t lo = (int32_t)sent_lo(c, (size_t)v);
    int32_t a = lo;
    if (a + 1 < v && tag(c, (size_t)a) == DL_TAG_RB && tag(c, (size_t)a + 1) == DL_TAG_COMMA)
        a += 2;
    /* "Ahead of Friday's meeting, France and Germany unveiled": an
     * opening prepositional phrase ends at its comma. */
    else if (tag(c, (size_t)a) == DL_TAG_IN || (tag(c, (size_t)a) == DL_TAG_RB && a + 1 < v && tag(c, (size_t)a + 1) == DL_TAG_IN))
        for (int32_t k = a + 1; k < v && k - a < 10; k++)
            if (tag(c, (size_t)k) == DL_TAG_COMMA) {
                a = k + 1;
                break;
            }
    int32_t z = dl_q_np_fwd(c, a, v);
    if (z == a)
        return false;
    /* "Dean, a former party chairman, tweeting ...": an apposition
     * between commas belongs to the subject. */
    if (z + 1 < v && tag(c, (size_t)z) == DL_TAG_COMMA && !is_pronoun(c, (size_t)a)) {
        int32_t z2 = dl_q_np_fwd(c, z + 1, v);
        while (z2 > z + 1 && z2 + 1 < v && (is(c, (size_t)z2, "and") || tag(c, (size_t)z2) == DL_TAG_IN)) {
            int32_t z3 = dl_q_np_fwd(c, z2 + 1, v);
            if (z3 == z2 + 1)
                break;
            z2 = z3;
        }
        if (z2 > z + 1 && z2 < v && tag(c, (size_t)z2) == DL_TAG_COMMA)
            z = z2;
    }
    *f = a;
    *e = z;
    return true;
}

/* ------------------------------------------------------------ recording */

qrec *dl_q_add_rec(ctx *c)
{
    if (c->n_recs == c->cap_recs) {
        size_t cap = c->cap_recs ? c->cap_recs * 2 : 16;
        qrec *v = dl_arena_grow(c->arena, c->recs, c->cap_recs * sizeof *v, cap * sizeof *v);
        if (!v)
            return NULL;
        c->recs = v;
        c->cap_recs = cap;
    }
    qrec *r = &c->recs[c->n_recs++];
    *r = (qrec){0, 0, -1, -1, -1, -1, NULL, DL_CUE_NONE, false};
    return r;
}

void dl_q_mark_used(ctx *c, int32_t f, int32_t e)
{
    for (int32_t g = f; g >= 0 && g < e; g++)
        c->flags[g] |= F_USED;
}


void dl_q_take(ctx *c, const attrib *a)
{
    dl_q_mark_used(c, a->sp_f, a->sp_e);
    dl_q_mark_used(c, a->cue_f, a->cue_e);
}

/* First token whose start is at or after byte b. */
size_t dl_q_tok_from(const ctx *c, uint32_t b)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->tok[mid]->start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool dl_q_has_newline(const ctx *c, size_t a, size_t b)
{
    return a < b && b <= c->len && memchr(c->text + a, '\n', b - a) != NULL;
}

/* ---------------------------------------------------------------- entry */

dl_status dl_quotes_find_spans(dl_quote **quotes, dl_quote_span **spans, size_t *n_quotes,
                               const dl_quoter *quoter, const dl_article *article,
                               const dl_sentence *sentences, size_t n_sentences,
                               const dl_mention *mentions, size_t n_mentions, dl_arena *arena)
{
    *quotes = NULL;
    *n_quotes = 0;
    if (spans)
        *spans = NULL;
    if (!quoter || !article || !arena || (n_sentences && !sentences) || (n_mentions && !mentions))
        return DL_ERR_ARG;
    ctx c = {.q = quoter,
             .text = article->body ? article->body : "",
             .len = article->body ? article->body_len : 0,
             .sents = sentences,
             .n_sents = n_sentences,
             .ments = mentions,
             .n_ments = n_mentions,
             .arena = arena};
    for (size_t s = 0; s < n_sentences; s++)
        c.n += sentences[s].n_tokens;
    if (c.n == 0)
        return DL_OK;
    c.tok = DL_ARENA_NEW(arena, const dl_token *, c.n);
    c.sent = DL_ARENA_NEW(arena, uint32_t, c.n);
    c.local = DL_ARENA_NEW(arena, uint32_t, c.n);
    c.sfirst = DL_ARENA_NEW(arena, uint32_t, n_sentences + 1);
    c.mention_at = DL_ARENA_NEW(arena, int32_t, c.n);
    c.flags = DL_ARENA_NEW(arena, uint8_t, c.n);
    if (!c.tok || !c.sent || !c.local || !c.sfirst || !c.mention_at || !c.flags)
        return DL_ERR_NOMEM;
    size_t g = 0;
    for (size_t s = 0; s < n_sentences; s++) {
        c.sfirst[s] = (uint32_t)g;
        for (uint32_t i = 0; i < sentences[s].n_tokens; i++, g++) {
            const dl_token *t = &sentences[s].tokens[i];
            /* Offsets outside the text would make every slice unsafe. */
            if (t->end < t->start || t->end > c.len || (g && t->start < c.tok[g - 1]->start))
                return DL_ERR_ARG;
            c.tok[g] = t;
            c.sent[g] = (uint32_t)s;
            c.local[g] = i;
            c.mention_at[g] = -1;
        }
    }
    c.sfirst[n_sentences] = (uint32_t)c.n;
    for (size_t m = 0; m < n_mentions; m++) {
        const dl_mention *x = &mentions[m];
        if (x->sentence >= n_sentences || x->last > sentences[x->sentence].n_tokens || x->first >= x->last)
            continue;
        for (uint32_t i = x->first; i < x->last; i++)
            c.mention_at[c.sfirst[x->sentence] + i] = (int32_t)m;
    }
    dl_qmarks *qm;
    size_t n_qm;
    dl_status st = dl_quote_marks_find(&qm, &n_qm, c.text, c.len, arena);
    uint8_t *orphan = st ? NULL : DL_ARENA_NEW(arena, uint8_t, n_qm + 1);
    if (!st && !orphan)
        st = DL_ERR_NOMEM;
    if (!st)
        st = dl_q_direct(&c, qm, n_qm, orphan);
    if (!st)
        st = dl_q_indirect(&c);
    if (!st)
        st = dl_q_fragments(&c, qm, n_qm, orphan);
    if (!st)
        st = dl_q_finish(&c, quotes, spans, n_quotes);
    return st;
}

dl_status dl_quotes_find(dl_quote **quotes, size_t *n_quotes, const dl_quoter *quoter,
                         const dl_article *article, const dl_sentence *sentences, size_t n_sentences,
                         const dl_mention *mentions, size_t n_mentions, dl_arena *arena)
{
    return dl_quotes_find_spans(quotes, NULL, n_quotes, quoter, article, sentences, n_sentences,
                                mentions, n_mentions, arena);
}
