/* parse.c: the language core's public face: dl_parser_open(), dl_parse(),
 * dl_sentence_to_json() and the Penn tag names.
 *
 * dl_parse() runs the stages in order over one text: tokens and sentences
 * (token.c, sentence.c), then per sentence tags (tagger.c), lemmas
 * (lemma.c), the dependency tree (depparse.c) and chunks (chunk.c). Everything it returns lives in the
 * caller's arena, except lemmas that the lemmatizer's tables already hold. */
#include "dateline.h"
#include "base/buf.h"
#include "base/json.h"
#include "text/chunk.h"
#include "text/depparse.h"
#include "text/lemma.h"
#include "text/sentence.h"
#include "text/tagger.h"
#include "text/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dl_parser {
    dl_tokenizer *tokenizer;
    dl_splitter *splitter;
    dl_tagger *tagger;
    dl_depparser *depparser;
    dl_lemmatizer *lemmatizer;
};

/* Written forms in dl_tag order. */
static const char *const tag_names[DL_TAG_COUNT] = {
    "", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''",
    "-LRB-", "-RRB-", "#", "$", "HYPH", "NFP", "ADD", "AFX", "GW", "XX",
};

const char *dl_tag_name(dl_tag tag)
{
    return (unsigned)tag < DL_TAG_COUNT ? tag_names[tag] : "";
}

dl_tag dl_tag_from_name(const char *name, size_t n)
{
    if (!name || !n)
        return DL_TAG_NONE;
    for (int t = 1; t < DL_TAG_COUNT; t++)
        if (strlen(tag_names[t]) == n && !memcmp(tag_names[t], name, n))
            return (dl_tag)t;
    /* Brackets as some treebanks write them. */
    if (n == 1 && (name[0] == '(' || name[0] == '[' || name[0] == '{'))
        return DL_TAG_LRB;
    if (n == 1 && (name[0] == ')' || name[0] == ']' || name[0] == '}'))
        return DL_TAG_RRB;
    if ((n == 5 && !memcmp(name, "-LCB-", 5)) || (n == 5 && !memcmp(name, "-LSB-", 5)))
        return DL_TAG_LRB;
    if ((n == 5 && !memcmp(name, "-RCB-", 5)) || (n == 5 && !memcmp(name, "-RSB-", 5)))
        return DL_TAG_RRB;
    return DL_TAG_NONE;
}

static const char *const upos_names[DL_UPOS_COUNT] = {
    "", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

const char *dl_upos_name(dl_upos upos)
{
    return (unsigned)upos < DL_UPOS_COUNT ? upos_names[upos] : "";
}

dl_upos dl_upos_from_name(const char *name, size_t n)
{
    for (int u = 1; name && u < DL_UPOS_COUNT; u++)
        if (strlen(upos_names[u]) == n && !memcmp(upos_names[u], name, n))
            return (dl_upos)u;
    return DL_UPOS_NONE;
}

static const char *const dep_names[DL_DEP_COUNT] = {
    "", "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
    "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
    "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
    "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
};

const char *dl_dep_name(dl_dep dep)
{
    return (unsigned)dep < DL_DEP_COUNT ? dep_names[dep] : "";
}

dl_dep dl_dep_from_name(const char *name, size_t n)
{
    if (!name)
        return DL_DEP_NONE;
    const char *colon = memchr(name, ':', n);
    if (colon)
        n = (size_t)(colon - name);
    for (int d = 1; d < DL_DEP_COUNT; d++)
        if (strlen(dep_names[d]) == n && !memcmp(dep_names[d], name, n))
            return (dl_dep)d;
    return DL_DEP_NONE;
}

int32_t dl_sentence_root(const dl_sentence *s)
{
    for (uint32_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].deprel && s->tokens[i].head < 0)
            return (int32_t)i;
    return -1;
}

int32_t dl_token_child(const dl_sentence *s, uint32_t head, int32_t after)
{
    for (uint32_t i = after < 0 ? 0 : (uint32_t)after + 1; i < s->n_tokens; i++)
        if (s->tokens[i].deprel && s->tokens[i].head == (int32_t)head)
            return (int32_t)i;
    return -1;
}

int32_t dl_token_child_by(const dl_sentence *s, uint32_t head, dl_dep dep)
{
    for (int32_t c = dl_token_child(s, head, -1); c >= 0; c = dl_token_child(s, head, c))
        if (s->tokens[c].dep == dep)
            return c;
    return -1;
}

static _Thread_local char open_message[600];

const char *dl_parser_open_message(void) { return open_message; }

dl_status dl_parser_open(dl_parser **out, const char *data_dir)
{
    *out = NULL;
    open_message[0] = '\0';
    if (!data_dir)
        data_dir = dl_data_dir();
    dl_parser *p = calloc(1, sizeof *p);
    if (!p)
        return DL_ERR_NOMEM;
    dl_status st = dl_tokenizer_open(&p->tokenizer, data_dir);
    if (!st)
        st = dl_splitter_open(&p->splitter, data_dir);
    if (!st) {
        st = dl_tagger_open(&p->tagger, data_dir);
        if (st)
            snprintf(open_message, sizeof open_message, "%s", dl_tagger_open_message());
    }
    if (!st)
        st = dl_lemmatizer_open(&p->lemmatizer, data_dir);
    if (!st)
        st = dl_depparser_open(&p->depparser, data_dir, open_message, sizeof open_message);
    if (st) {
        dl_parser_close(p);
        return st;
    }
    *out = p;
    return DL_OK;
}

void dl_parser_close(dl_parser *p)
{
    if (!p)
        return;
    dl_tokenizer_close(p->tokenizer);
    dl_splitter_close(p->splitter);
    dl_tagger_close(p->tagger);
    dl_depparser_close(p->depparser);
    dl_lemmatizer_close(p->lemmatizer);
    free(p);
}

dl_status dl_parse(dl_sentence **sentences, size_t *n_sentences, const dl_parser *parser,
                   const char *text, size_t len, dl_arena *arena)
{
    dl_status st = dl_segment(sentences, n_sentences, parser->tokenizer, parser->splitter, text,
                              len, arena);
    for (size_t i = 0; !st && i < *n_sentences; i++) {
        dl_sentence *s = &(*sentences)[i];
        dl_tagger_tag(parser->tagger, s->tokens, s->n_tokens);
        /* The tree is read from the tags as the treebank writes them; the
         * lemmas and the chunks from the tags as news writes them. */
        st = dl_depparse(parser->depparser, s->tokens, s->n_tokens, arena);
        dl_tagger_adapt(s->tokens, s->n_tokens);
        for (uint32_t k = 0; !st && k < s->n_tokens; k++) {
            dl_token *t = &s->tokens[k];
            t->lemma = dl_lemmatize(parser->lemmatizer, t->text, t->end - t->start, (dl_tag)t->tag,
                                    arena);
            if (!t->lemma)
                return DL_ERR_NOMEM;
        }
        if (!st)
            st = dl_chunk_sentence(s, arena);
    }
    return st;
}

/* Tokens [first, end) as written, one space where the text had white
 * space: the sentence record does not carry the text it came from, and the
 * body the offsets point into holds single spaces between words anyway. */
static dl_status tokens_text(dl_buf *out, const dl_token *tokens, uint32_t first, uint32_t end)
{
    dl_buf_clear(out);
    dl_status st = DL_OK;
    for (uint32_t i = first; i < end && !st; i++) {
        if (i > first && (tokens[i].flags & DL_TOK_SPACE_BEFORE))
            st = dl_buf_putc(out, ' ');
        if (!st)
            st = dl_buf_append(out, tokens[i].text, tokens[i].end - tokens[i].start);
    }
    return st;
}

/* A CoNLL-U field: the text with tabs and line breaks as spaces, "_" when
 * empty. */
static dl_status conllu_field(dl_buf *out, const char *s, size_t n)
{
    if (!s || !n)
        return dl_buf_putc(out, '_');
    dl_status st = DL_OK;
    for (size_t i = 0; i < n && !st; i++)
        st = dl_buf_putc(out, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    return st;
}

dl_status dl_sentence_to_conllu(dl_buf *out, const dl_sentence *s, const char *sent_id)
{
    dl_buf text = DL_BUF_INIT;
    dl_status st = tokens_text(&text, s->tokens, 0, s->n_tokens);
    if (!st && sent_id)
        st = dl_buf_printf(out, "# sent_id = %s\n", sent_id);
    if (!st) {
        st = dl_buf_puts(out, "# text = ");
        if (!st)
            st = conllu_field(out, text.data, text.len);
        if (!st)
            st = dl_buf_putc(out, '\n');
    }
    for (uint32_t i = 0; !st && i < s->n_tokens; i++) {
        const dl_token *t = &s->tokens[i];
        st = dl_buf_printf(out, "%u\t", i + 1);
        if (!st)
            st = conllu_field(out, t->text, t->end - t->start);
        if (!st)
            st = dl_buf_putc(out, '\t');
        if (!st)
            st = conllu_field(out, t->lemma, t->lemma ? strlen(t->lemma) : 0);
        if (!st) {
            const char *u = dl_upos_name((dl_upos)t->upos), *x = dl_tag_name((dl_tag)t->tag);
            st = dl_buf_printf(out, "\t%s\t%s\t_\t", *u ? u : "_", *x ? x : "_");
        }
        if (!st) {
            if (t->deprel)
                st = dl_buf_printf(out, "%d\t%s\t_\t", t->head + 1, t->deprel);
            else
                st = dl_buf_puts(out, "_\t_\t_\t");
        }
        if (!st) {
            bool space = i + 1 >= s->n_tokens || (s->tokens[i + 1].flags & DL_TOK_SPACE_BEFORE);
            st = dl_buf_puts(out, space ? "_\n" : "SpaceAfter=No\n");
        }
    }
    if (!st)
        st = dl_buf_putc(out, '\n');
    dl_buf_free(&text);
    return st;
}

dl_status dl_sentence_to_json(dl_buf *out, const dl_sentence *s, const char *article_id)
{
    dl_buf text = DL_BUF_INIT;
    dl_jw w;
    dl_jw_init(&w, out);
    dl_jw_object_begin(&w);
    dl_jw_kv_string(&w, "article", article_id);
    dl_jw_kv_int(&w, "index", s->index);
    dl_jw_kv_int(&w, "start", s->start);
    dl_jw_kv_int(&w, "end", s->end);
    dl_status st = tokens_text(&text, s->tokens, 0, s->n_tokens);
    dl_jw_key(&w, "text");
    dl_jw_stringn(&w, text.data ? text.data : "", text.len);
    dl_jw_key(&w, "tokens");
    dl_jw_array_begin(&w);
    for (uint32_t i = 0; i < s->n_tokens; i++) {
        const dl_token *t = &s->tokens[i];
        dl_jw_object_begin(&w);
        dl_jw_key(&w, "text");
        dl_jw_stringn(&w, t->text, t->end - t->start);
        dl_jw_kv_int(&w, "start", t->start);
        dl_jw_kv_int(&w, "end", t->end);
        dl_jw_kv_string(&w, "lemma", t->lemma);
        dl_jw_kv_string(&w, "tag", dl_tag_name((dl_tag)t->tag));
        if (t->upos)
            dl_jw_kv_string(&w, "upos", dl_upos_name((dl_upos)t->upos));
        if (t->deprel) {
            dl_jw_kv_int(&w, "head", t->head);
            dl_jw_kv_string(&w, "deprel", t->deprel);
        }
        dl_jw_object_end(&w);
    }
    dl_jw_array_end(&w);
    dl_jw_key(&w, "chunks");
    dl_jw_array_begin(&w);
    for (uint32_t i = 0; i < s->n_chunks && !st; i++) {
        const dl_chunk *c = &s->chunks[i];
        bool vg = c->kind == DL_CHUNK_VG;
        dl_jw_object_begin(&w);
        dl_jw_kv_string(&w, "kind", vg ? "VG" : "NP");
        dl_jw_kv_int(&w, "first", c->first);
        dl_jw_kv_int(&w, "end", c->end);
        dl_jw_kv_int(&w, "head", c->head);
        st = tokens_text(&text, s->tokens, c->first, c->end < s->n_tokens ? c->end : s->n_tokens);
        dl_jw_key(&w, "text");
        dl_jw_stringn(&w, text.data ? text.data : "", text.len);
        if (vg) {
            dl_jw_kv_bool(&w, "passive", c->flags & DL_VG_PASSIVE);
            dl_jw_kv_bool(&w, "negated", c->flags & DL_VG_NEGATED);
            dl_jw_kv_bool(&w, "modal", c->flags & DL_VG_MODAL);
            dl_jw_kv_bool(&w, "future", c->flags & DL_VG_FUTURE);
            dl_jw_kv_bool(&w, "perfect", c->flags & DL_VG_PERFECT);
            dl_jw_kv_bool(&w, "progressive", c->flags & DL_VG_PROGRESSIVE);
        }
        dl_jw_object_end(&w);
    }
    dl_jw_array_end(&w);
    dl_jw_object_end(&w);
    dl_buf_free(&text);
    return st ? st : w.status;
}
