/* quotes_speaker.c: orders the quotes found and resolves their speakers
 * through the actor mentions; "the statement" becomes the body that issued
 * it. */
#include "quotes/quotes_int.h"
#include "base/arena.h"

#include <stdlib.h>

/* ------------------------------------------------------------ speakers */

static int by_start(const void *a, const void *b)
{
    const qrec *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* Follows antecedents from mention m to one with a name (and a code). */
static void resolve_mention(const ctx *c, int32_t m, const char **name, const char **code,
                            const char **kind)
{
    *name = *code = *kind = NULL;
    for (int hops = 0; m >= 0 && (size_t)m < c->n_ments && hops < 32; hops++) {
        const dl_mention *x = &c->ments[m];
        if (!*code)
            *code = x->code;
        if (!*kind || !strcmp(*kind, "unknown"))
            *kind = x->kind;
        if (x->name) {
            *name = x->name;
            if (!*code)
                *code = x->code;
            *kind = x->kind;
            return;
        }
        if (x->antecedent == m)
            break;
        m = x->antecedent;
    }
}

/* The mention that stands for the speaker tokens [f, e): one covering
 * the phrase's head (its last word, or the last word before an
 * apposition's comma), so "news reports from the Palestinian side" is not
 * Palestine and "Trump's campaign" is not Trump. A mention that resolves
 * to a name wins over one that does not. */
static int32_t speaker_mention(const ctx *c, int32_t f, int32_t e)
{
    int32_t heads[2] = {e - 1, -1};
    for (int32_t g = f; g < e; g++)
        if (tag(c, (size_t)g) == DL_TAG_COMMA || tag(c, (size_t)g) == DL_TAG_LRB) {
            heads[1] = g - 1;
            break;
        }
    int32_t first = -1;
    for (int k = 0; k < 2; k++) {
        int32_t h = heads[k];
        if (h < f || h >= e)
            continue;
        int32_t m = c->mention_at[h];
        if (m < 0)
            continue;
        const char *name, *code, *kind;
        resolve_mention(c, m, &name, &code, &kind);
        if (name)
            return m;
        if (first < 0)
            first = m;
    }
    return first;
}

static bool org_kind(const char *kind)
{
    return kind && (!strcmp(kind, "organisation") || !strcmp(kind, "country") || !strcmp(kind, "group") ||
                    !strcmp(kind, "media"));
}

/* A speaker no mention covers that still reads as a named body: "The
 * Ministry of Defence", "the US Department of Defence" (capitalised words
 * after an optional "the", more than one of them). */
static bool named_body(const char *s)
{
    if (!strncasecmp(s, "the ", 4))
        s += 4;
    int caps = 0;
    for (const char *w = s; *w; w++)
        if ((w == s || w[-1] == ' ') && *w >= 'A' && *w <= 'Z')
            caps++;
    return caps >= 2 && !strchr(s, ',');
}

enum { RECENT_SENTENCES = 3 };

/* Could a speaker written `who` (with the kind of what it resolved to)
 * be what the pronoun stands for? Number: "they" and "we" are plural or
 * a body, "he", "she" and "I" one person; gender, where a title tells it:
 * "she" is not "Mr. Smith". */
static bool pronoun_fits(const char *pron, const char *who, const char *kind, const dl_mention *m)
{
    bool plural = !strcasecmp(pron, "they") || !strcasecmp(pron, "we");
    bool body = org_kind(kind) || (m && m->plural);
    if (!strcasecmp(pron, "it"))
        return org_kind(kind) && !(m && m->plural);
    if (plural != body)
        return false;
    if (!strcasecmp(pron, "she") && (strstr(who, "Mr.") || strstr(who, "Mr ")))
        return false;
    if (!strcasecmp(pron, "he") && (strstr(who, "Mrs.") || strstr(who, "Ms.") || strstr(who, "Mrs ") ||
                                    strstr(who, "Ms ")))
        return false;
    return true;
}

/* The nearest quote before out[n] (within a few sentences) whose speaker
 * has a name and fits the pronoun `pron`; NULL when none. A pronoun
 * speaker earlier in the chain counts with the name it was given. */
static const dl_quote *recent_speaker(const ctx *c, const dl_quote *out, const char *const *kinds, size_t n,
                                      uint32_t sentence, const char *pron, size_t *at)
{
    for (size_t j = n; j-- > 0;) {
        const dl_quote *p = &out[j];
        if (p->sentence + RECENT_SENTENCES < sentence)
            break;
        if (!p->speaker || !p->speaker_name)
            continue;
        const dl_mention *m = p->speaker_mention >= 0 && (size_t)p->speaker_mention < c->n_ments
                                  ? &c->ments[p->speaker_mention]
                                  : NULL;
        if (!pronoun_fits(pron, p->speaker_name, kinds[j], m) || !pronoun_fits(pron, p->speaker, kinds[j], m))
            continue;
        *at = j;
        return p;
    }
    return NULL;
}

static char *span_text(ctx *c, int32_t f, int32_t e)
{
    uint32_t a = c->tok[f]->start, b = c->tok[e - 1]->end;
    while (b > a && (c->text[b - 1] == ',' || c->text[b - 1] == ' '))
        b--;
    return dl_arena_strndup(c->arena, c->text + a, b - a);
}

/* Drops reported speech whose cue stands inside another quote's words
 * ("Sources said Secret Service protocol called for ..."): the words are
 * the outer speaker's, and the outer quote already holds them. */
static void drop_nested(ctx *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_recs; i++) {
        const qrec *r = &c->recs[i];
        bool nested = false;
        if (!r->direct && r->cue_f >= 0 && r->cue_e > r->cue_f)
            for (size_t j = 0; j < c->n_recs && !nested; j++) {
                const qrec *o = &c->recs[j];
                nested = j != i && o->start <= c->tok[r->cue_f]->start && o->end >= c->tok[r->cue_e - 1]->end &&
                         o->cue_f != r->cue_f &&
                         !(o->cue_f >= 0 && r->start <= c->tok[o->cue_f]->start && r->end >= c->tok[o->cue_f]->end);
            }
        if (!nested)
            c->recs[n++] = *r;
    }
    c->n_recs = n;
}

/* One record per quote: a quotation inside reported speech of the same
 * attribution (`X reports that the team avoided ... to "keep the
 * details under wraps."`) is a fragment of that record, which already
 * holds its words. The fuller record stays; the fragment goes when it
 * shares the cue or the speaker, or has neither of its own. */
static void drop_fragments(ctx *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_recs; i++) {
        const qrec *r = &c->recs[i];
        bool inside = false;
        for (size_t j = 0; j < c->n_recs && !inside; j++) {
            const qrec *o = &c->recs[j];
            if (j == i || o->start > r->start || o->end < r->end || (o->start == r->start && o->end == r->end))
                continue;
            bool same_cue = r->cue_f >= 0 && r->cue_f == o->cue_f && r->cue_e == o->cue_e;
            bool same_speaker = r->sp_f >= 0 && o->sp_f >= 0 && r->sp_f == o->sp_f && r->sp_e == o->sp_e;
            inside = same_cue || same_speaker || (r->cue_f < 0 && r->sp_f < 0);
        }
        if (!inside)
            c->recs[n++] = *r;
    }
    c->n_recs = n;
}

dl_status dl_q_finish(ctx *c, dl_quote **quotes, dl_quote_span **spans, size_t *n_quotes)
{
    drop_nested(c);
    drop_fragments(c);
    if (c->n_recs)
        qsort(c->recs, c->n_recs, sizeof *c->recs, by_start);
    dl_quote *out = DL_ARENA_NEW(c->arena, dl_quote, c->n_recs + 1);
    dl_quote_span *sp = DL_ARENA_NEW(c->arena, dl_quote_span, c->n_recs + 1);
    const char **kinds = DL_ARENA_NEW(c->arena, const char *, c->n_recs + 1);
    if (!out || !sp || !kinds)
        return DL_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < c->n_recs; i++) {
        const qrec *r = &c->recs[i];
        if (n && out[n - 1].start == r->start && out[n - 1].end == r->end)
            continue; /* found twice */
        dl_quote *q = &out[n];
        q->speaker_mention = -1;
        q->direct = r->direct;
        q->start = r->start;
        q->end = r->end;
        q->text = dl_arena_strndup(c->arena, c->text + r->start, r->end - r->start);
        size_t g = dl_q_tok_from(c, r->start);
        q->sentence = g < c->n ? c->sents[c->sent[g]].index : 0;
        bool cue = r->cue_f >= 0 && r->cue_e > r->cue_f && (size_t)r->cue_e <= c->n;
        if (r->cue)
            q->cue = r->cue;
        else if (cue)
            q->cue = span_text(c, r->cue_f, r->cue_e);
        if (cue) {
            sp[n].cue_start = c->tok[r->cue_f]->start;
            sp[n].cue_end = c->tok[r->cue_e - 1]->end;
        }
        const char *kind = NULL;
        if (r->sp_f >= 0 && r->sp_e > r->sp_f) {
            q->speaker = span_text(c, r->sp_f, r->sp_e);
            sp[n].speaker_start = c->tok[r->sp_f]->start;
            sp[n].speaker_end = sp[n].speaker_start + (uint32_t)strlen(q->speaker);
            q->speaker_mention = speaker_mention(c, r->sp_f, r->sp_e);
            /* "Eli Cohen, who said": the antecedent names the speaker,
             * through its mention or else as written. */
            int32_t af, ae;
            bool relative = r->sp_e - r->sp_f == 1 && dl_q_antecedent(c, r->sp_f, &af, &ae);
            if (relative)
                q->speaker_mention = speaker_mention(c, af, ae);
            if (q->speaker_mention >= 0)
                resolve_mention(c, q->speaker_mention, &q->speaker_name, &q->speaker_code, &kind);
            /* "He added": the one who has just been speaking, before
             * anyone the coreference may reach who was named in passing. */
            const dl_quote *prev = NULL;
            size_t pj = 0;
            if (r->sp_e - r->sp_f == 1 && is_pronoun(c, (size_t)r->sp_f) &&
                (prev = recent_speaker(c, out, kinds, n, q->sentence, q->speaker, &pj))) {
                q->speaker_name = prev->speaker_name;
                q->speaker_code = prev->speaker_code;
                q->speaker_mention = prev->speaker_mention;
                kind = kinds[pj];
            }
            if (relative && !q->speaker_name)
                q->speaker_name = span_text(c, af, ae);
            size_t len;
            int32_t head = r->sp_e - 1;
            bool statement = !q->speaker_name && cue_at(c, (size_t)head, DL_CUE_MASK(DL_CUE_STATEMENT), &len) &&
                             dl_tag_is_noun(tag(c, (size_t)head));
            bool pronoun = !q->speaker_name && r->sp_e - r->sp_f == 1 && is_pronoun(c, (size_t)r->sp_f);
            /* "the statement adds": the body that issued it, named earlier
             * as a source ("according to the US Department of Defense") or
             * as an organisation speaking. */
            for (size_t j = n; (statement || pronoun) && j-- > 0;) {
                const dl_quote *p = &out[j];
                if (!p->speaker)
                    continue;
                bool ok = statement ? (org_kind(kinds[j]) || (p->cue && !strcasecmp(p->cue, "according to")) ||
                                       (!kinds[j] && named_body(p->speaker)))
                                    : (p->speaker_name != NULL && (!kinds[j] || !org_kind(kinds[j])));
                if (!ok)
                    continue;
                q->speaker_name = p->speaker_name ? p->speaker_name : p->speaker;
                q->speaker_code = p->speaker_code;
                if (q->speaker_mention < 0)
                    q->speaker_mention = p->speaker_mention;
                kind = kinds[j];
                break;
            }
        }
        kinds[n] = kind;
        n++;
    }
    *quotes = out;
    if (spans)
        *spans = sp;
    *n_quotes = n;
    return DL_OK;
}

