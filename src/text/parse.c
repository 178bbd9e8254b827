/* parse.c: the language core's public face: dl_parser_open(), dl_parse(),
 * dl_sentence_to_json() and the Penn tag names.
 *
 * dl_parse() runs the stages in order over one text: tokens and sentences
 * (token.c, sentence.c), then per sentence tags (tagger.c), lemmas
 * (lemma.c) and chunks (chunk.c). Everything it returns lives in the
 * caller's arena, except lemmas that the lemmatizer's tables already hold. */
#include "dateline.h"
#include "base/buf.h"
#include "base/json.h"
#include "text/chunk.h"
#include "text/lemma.h"
#include "text/sentence.h"
#include "text/tagger.h"
#include "text/token.h"

#include <stdlib.h>
#include <string.h>

struct dl_parser {
    dl_tokenizer *tokenizer;
    dl_splitter *splitter;
    dl_tagger *tagger;
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

dl_status dl_parser_open(dl_parser **out, const char *data_dir)
{
    *out = NULL;
    if (!data_dir)
        data_dir = dl_data_dir();
    dl_parser *p = calloc(1, sizeof *p);
    if (!p)
        return DL_ERR_NOMEM;
    dl_status st = dl_tokenizer_open(&p->tokenizer, data_dir);
    if (!st)
        st = dl_splitter_open(&p->splitter, data_dir);
    if (!st)
        st = dl_tagger_open(&p->tagger, data_dir);
    if (!st)
        st = dl_lemmatizer_open(&p->lemmatizer, data_dir);
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
        for (uint32_t k = 0; k < s->n_tokens; k++) {
            dl_token *t = &s->tokens[k];
            t->lemma = dl_lemmatize(parser->lemmatizer, t->text, t->end - t->start, (dl_tag)t->tag,
                                    arena);
            if (!t->lemma)
                return DL_ERR_NOMEM;
        }
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
