/* sentence.c: the sentence splitter (see sentence.h for the rules). */
#include "text/sentence.h"
#include "base/arena.h"
#include "base/map.h"
#include "text/wordlist.h"

#include <stdlib.h>
#include <string.h>

/* A reporting-verb entry of one or more words ("said", "told reporters"). */
typedef struct report_entry {
    char **words;
    size_t n;
} report_entry;

struct dl_splitter {
    dl_map *openers; /* "According" -> (void *)1 */
    /* Searched one by one: they are tried only when a sentence opener
     * follows a word with no punctuation between, which is rare. */
    report_entry *reports;
    size_t n_reports;
    dl_arena *pool;
};

/* How far back from a reporting verb the quotation mark or comma that makes
 * it clause-final may be ('war" the IDF spokesperson said': 4 tokens). */
enum { REPORT_LOOKBACK = 8 };

static bool is_closer(const dl_token *t, const dl_token_info *in)
{
    return in->kind == DL_TK_CLOSE || (in->kind == DL_TK_QUOTE && !(t->flags & DL_TOK_OPEN_QUOTE)) ||
           in->kind == DL_TK_APOSTROPHE;
}

static bool starts_upper(const dl_token *t, const dl_token_info *in)
{
    return (t->flags & DL_TOK_CAPITAL) && (in->kind == DL_TK_WORD || in->kind == DL_TK_URL);
}

static bool is_opener(const dl_splitter *sp, const dl_token *t, const dl_token_info *in)
{
    return starts_upper(t, in) && dl_map_get(sp->openers, t->text, t->end - t->start) != NULL;
}

/* Does a sentence start at token t, after terminal punctuation of kind
 * `kind` and, when `closed`, a closing quotation mark or bracket? The
 * tokenizer has kept the periods of abbreviations, so a period standing
 * alone is a full stop: what follows it starts a sentence even in lower
 * case (web and scraped text drop capitals), unless a quotation closed in
 * between ('"Why?" he asked'). An ellipsis is different: "it went on...
 * and on" continues, so only a capital letter starts a sentence after it. */
static bool starts_sentence(const dl_token *t, const dl_token_info *in, uint8_t kind, bool closed)
{
    if (in->kind == DL_TK_WORD || in->kind == DL_TK_URL)
        return (t->flags & DL_TOK_CAPITAL) || (kind == DL_TK_TERMINAL && !closed);
    if (kind == DL_TK_ELLIPSIS)
        return false;
    switch (in->kind) {
    case DL_TK_NUMBER:
    case DL_TK_OPEN:
    case DL_TK_DASH:
        return true;
    case DL_TK_QUOTE:
        return (t->flags & DL_TOK_OPEN_QUOTE) != 0;
    case DL_TK_PUNCT:
        return !strchr(",;:%", t->text[0]);
    default:
        return false;
    }
}

/* Is tokens[i] the last word of a reporting verb entry that closes a clause
 * after a quotation or a comma? */
static bool clause_final_report(const dl_splitter *sp, const dl_token *tokens,
                                const dl_token_info *info, size_t first, size_t i)
{
    for (size_t e = 0; e < sp->n_reports; e++) {
        const report_entry *r = &sp->reports[e];
        if (i + 1 < first + r->n)
            continue;
        size_t k = 0;
        while (k < r->n && !strcmp(tokens[i + 1 - r->n + k].text, r->words[k]))
            k++;
        if (k < r->n)
            continue;
        /* Look back from the entry for the quotation's end or a comma. */
        size_t from = i + 1 - r->n;
        for (size_t b = 1; b <= REPORT_LOOKBACK && from >= first + b; b++) {
            const dl_token *t = &tokens[from - b];
            const dl_token_info *in = &info[from - b];
            if (in->kind == DL_TK_TERMINAL || in->kind == DL_TK_OPEN)
                break;
            if ((in->kind == DL_TK_QUOTE && !(t->flags & DL_TOK_OPEN_QUOTE)) ||
                (in->kind == DL_TK_PUNCT && t->text[0] == ','))
                return true;
        }
    }
    return false;
}

/* "***", "=====", "-----": a line of symbols that separates parts of a
 * page is a sentence of its own. */
static bool is_separator(const dl_token *t, const dl_token_info *in)
{
    size_t n = t->end - t->start;
    if ((in->kind != DL_TK_PUNCT && in->kind != DL_TK_DASH) || n < 3 || !strchr("*=_-~#", t->text[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (t->text[i] != t->text[0])
            return false;
    return true;
}

/* A web address written out in full ("http://...", "www..."): a list of
 * them is one address per sentence. */
static bool is_web_address(const dl_token *t, const dl_token_info *in)
{
    return in->kind == DL_TK_URL && (strstr(t->text, "://") || !strncmp(t->text, "www.", 4));
}

/* "10/28/2023 08:02 PM": the date-and-time stamp of a post or an e-mail
 * header stands apart from the name before it and the text after it.
 * Returns 1 when tokens[i] is a date that starts a stamp, 2 when it is
 * the AM/PM that ends one, 0 otherwise. */
static int timestamp_part(const dl_token *tokens, const dl_token_info *info, size_t n, size_t i)
{
    const dl_token *t = &tokens[i];
    if (info[i].kind == DL_TK_NUMBER && i + 2 < n && strchr(t->text, '/') &&
        info[i + 1].kind == DL_TK_NUMBER && strchr(tokens[i + 1].text, ':'))
        return 1;
    if (i >= 2 && info[i].kind == DL_TK_WORD && (t->flags & DL_TOK_ALLCAPS) &&
        (!strcmp(t->text, "AM") || !strcmp(t->text, "PM")) && info[i - 1].kind == DL_TK_NUMBER &&
        strchr(tokens[i - 1].text, ':') && info[i - 2].kind == DL_TK_NUMBER &&
        strchr(tokens[i - 2].text, '/'))
        return 2;
    return 0;
}

/* The last token of the sentence that starts at `first`. */
static size_t sentence_end(const dl_splitter *sp, const dl_token *tokens,
                           const dl_token_info *info, size_t n, size_t first)
{
    for (size_t i = first; i + 1 < n; i++) {
        if (info[i + 1].newlines >= 2 || is_separator(&tokens[i], &info[i]) ||
            is_separator(&tokens[i + 1], &info[i + 1]) ||
            (is_web_address(&tokens[i], &info[i]) && is_web_address(&tokens[i + 1], &info[i + 1])))
            return i;
        /* After a stamp when a capital follows; before one after a name
         * or an address ("Scott Neal 08/16/2000 03:48 PM"), not after
         * "on" or "at". */
        if ((timestamp_part(tokens, info, n, i) == 2 && starts_upper(&tokens[i + 1], &info[i + 1])) ||
            (timestamp_part(tokens, info, n, i + 1) == 1 &&
             ((tokens[i].flags & DL_TOK_CAPITAL) || info[i].kind == DL_TK_URL ||
              info[i].kind == DL_TK_PUNCT)))
            return i;
        uint8_t kind = info[i].kind;
        if (info[i].abbr == DL_ABBR_END)
            kind = DL_TK_TERMINAL;
        if (kind == DL_TK_TERMINAL || kind == DL_TK_ELLIPSIS) {
            size_t j = i + 1;
            while (j < n && info[j].newlines < 2 && is_closer(&tokens[j], &info[j]))
                j++;
            if (j == n || info[j].newlines >= 2 || starts_sentence(&tokens[j], &info[j], kind, j > i + 1))
                return j - 1;
            i = j - 1;
            continue;
        }
        if (info[i].abbr == DL_ABBR_FINAL || info[i].abbr == DL_ABBR_INITIAL) {
            if (is_opener(sp, &tokens[i + 1], &info[i + 1]))
                return i;
            continue;
        }
        if (kind == DL_TK_WORD && !info[i].abbr && (tokens[i + 1].flags & DL_TOK_CAPITAL) &&
            info[i + 1].newlines == 0 && is_opener(sp, &tokens[i + 1], &info[i + 1]) &&
            clause_final_report(sp, tokens, info, first, i))
            return i;
    }
    return n - 1;
}

dl_status dl_split_sentences(dl_sentence **sentences, size_t *n_sentences,
                             const dl_splitter *splitter, dl_token *tokens,
                             const dl_token_info *info, size_t n_tokens, dl_arena *arena)
{
    *sentences = NULL;
    *n_sentences = 0;
    size_t cap = n_tokens / 16 + 4, n = 0;
    dl_sentence *out = DL_ARENA_NEW(arena, dl_sentence, cap);
    if (!out)
        return DL_ERR_NOMEM;
    for (size_t first = 0; first < n_tokens;) {
        size_t last = sentence_end(splitter, tokens, info, n_tokens, first);
        if (n == cap) {
            dl_sentence *grown = dl_arena_grow(arena, out, cap * sizeof *out, cap * 2 * sizeof *out);
            if (!grown)
                return DL_ERR_NOMEM;
            out = grown;
            cap *= 2;
        }
        size_t w = first;
        while (w <= last && info[w].kind != DL_TK_WORD && info[w].kind != DL_TK_NUMBER &&
               info[w].kind != DL_TK_URL)
            w++;
        tokens[w <= last ? w : first].flags |= DL_TOK_SENT_START;
        out[n] = (dl_sentence){
            .index = (uint32_t)n,
            .start = tokens[first].start,
            .end = tokens[last].end,
            .tokens = tokens + first,
            .n_tokens = (uint32_t)(last + 1 - first),
        };
        n++;
        first = last + 1;
    }
    *sentences = out;
    *n_sentences = n;
    return DL_OK;
}

dl_status dl_segment(dl_sentence **sentences, size_t *n_sentences, const dl_tokenizer *tokenizer,
                     const dl_splitter *splitter, const char *text, size_t len, dl_arena *arena)
{
    dl_token *tokens;
    dl_token_info *info;
    size_t n;
    dl_status st = dl_tokenize(&tokens, &info, &n, tokenizer, text, len, arena);
    if (st) {
        *sentences = NULL;
        *n_sentences = 0;
        return st;
    }
    return dl_split_sentences(sentences, n_sentences, splitter, tokens, info, n, arena);
}

/* ------------------------------------------------------------- loading */

static dl_status add_opener(void *user, char **fields, size_t n, size_t line)
{
    dl_splitter *sp = user;
    return dl_map_put(sp->openers, fields[0], strlen(fields[0]), (void *)1) ? DL_ERR_NOMEM : DL_OK;
}

static dl_status add_report(void *user, char **fields, size_t n, size_t line)
{
    dl_splitter *sp = user;
    report_entry *grown = realloc(sp->reports, (sp->n_reports + 1) * sizeof *grown);
    if (!grown)
        return DL_ERR_NOMEM;
    sp->reports = grown;
    report_entry *r = &sp->reports[sp->n_reports];
    if (!(r->words = DL_ARENA_NEW(sp->pool, char *, n)))
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        if (!(r->words[i] = dl_arena_strdup(sp->pool, fields[i])))
            return DL_ERR_NOMEM;
    r->n = n;
    sp->n_reports++;
    return DL_OK;
}

dl_status dl_splitter_open(dl_splitter **out, const char *data_dir)
{
    *out = NULL;
    dl_splitter *sp = calloc(1, sizeof *sp);
    if (!sp)
        return DL_ERR_NOMEM;
    dl_status st = DL_OK;
    if (!(sp->openers = dl_map_new()) || !(sp->pool = dl_arena_new(0)))
        st = DL_ERR_NOMEM;
    if (!st)
        st = dl_wordlist_read(data_dir, "lexicon/sentence-openers.txt", add_opener, sp);
    if (!st)
        st = dl_wordlist_read(data_dir, "lexicon/reporting-verbs.txt", add_report, sp);
    if (st) {
        dl_splitter_close(sp);
        return st;
    }
    *out = sp;
    return DL_OK;
}

void dl_splitter_close(dl_splitter *sp)
{
    if (!sp)
        return;
    dl_map_free(sp->openers);
    free(sp->reports);
    dl_arena_free(sp->pool);
    free(sp);
}
