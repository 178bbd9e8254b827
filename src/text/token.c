/* token.c: the tokenizer.
 *
 * One left-to-right pass over the text. Each position is classified (ASCII
 * through a 128-entry table, everything else by code point, with utf8proc
 * asked only about code points the table of common punctuation does not
 * name), and a token is read according to the class of its first
 * character. Words are read greedily with the joins that keep them whole
 * (hyphens, inner apostrophes, inner periods of "U.S" and "google.com",
 * digits' separators) and are then cut where Penn Treebank cuts them
 * (contractions, possessive 's), and a final period is kept only for
 * abbreviations.
 *
 * Tokens are exact substrings of the text, so their NUL-terminated copies
 * are made at the end in one arena block instead of one allocation per
 * token. */
#include "text/token.h"
#include "base/arena.h"
#include "base/utf8.h"
#include "text/wordlist.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Character classes. */
enum {
    CH_SPACE,
    CH_NL,
    CH_PARA,     /* U+2029 paragraph separator: a paragraph break */
    CH_UPPER,
    CH_LOWER,
    CH_LETTER,   /* letters without case, marks, other scripts' digits, '_' */
    CH_DIGIT,    /* ASCII digits */
    CH_HYPHEN,   /* '-', U+2010, U+2011 */
    CH_DASH,     /* U+2012-U+2015, U+2212 */
    CH_PERIOD,
    CH_ELLIPSIS, /* U+2026 */
    CH_TERM,     /* ! ? */
    CH_DQUOTE,   /* " */
    CH_SQUOTE,   /* ' */
    CH_BACKTICK, /* ` */
    CH_LDQ,      /* U+201C U+201E U+201F U+00AB */
    CH_RDQ,      /* U+201D U+00BB */
    CH_LSQ,      /* U+2018 U+201A U+201B U+2039 */
    CH_RSQ,      /* U+2019 U+203A: also the curly apostrophe */
    CH_OPEN,
    CH_CLOSE,
    CH_COMMA,    /* , ; : */
    CH_AT,
    CH_HASH,
    CH_SYMBOL,
};

struct dl_tokenizer {
    dl_map *abbrevs; /* "Gen." -> (void *)(uintptr_t)dl_abbr_kind */
    uint8_t ascii[128];
};

static bool is_word_class(int c) { return c == CH_UPPER || c == CH_LOWER || c == CH_LETTER || c == CH_DIGIT; }

static void build_ascii_table(uint8_t *t)
{
    for (int c = 0; c < 128; c++) {
        uint8_t k = CH_SYMBOL;
        if (c >= 'A' && c <= 'Z')
            k = CH_UPPER;
        else if (c >= 'a' && c <= 'z')
            k = CH_LOWER;
        else if (c >= '0' && c <= '9')
            k = CH_DIGIT;
        else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            k = CH_SPACE;
        else if (c < 32 || c == 127)
            k = CH_SPACE;
        switch (c) {
        case '\n': k = CH_NL; break;
        case '_': k = CH_LETTER; break;
        case '-': k = CH_HYPHEN; break;
        case '.': k = CH_PERIOD; break;
        case '!': case '?': k = CH_TERM; break;
        case '"': k = CH_DQUOTE; break;
        case '\'': k = CH_SQUOTE; break;
        case '`': k = CH_BACKTICK; break;
        case '(': case '[': case '{': k = CH_OPEN; break;
        case ')': case ']': case '}': k = CH_CLOSE; break;
        case ',': case ';': case ':': k = CH_COMMA; break;
        case '@': k = CH_AT; break;
        case '#': k = CH_HASH; break;
        default: break;
        }
        t[c] = k;
    }
}

static int class_of_cp(int32_t cp)
{
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return CH_SPACE;
    case 0x2028: return CH_NL;
    case 0x2029: return CH_PARA;
    case 0x2010: case 0x2011: return CH_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return CH_DASH;
    case 0x2026: return CH_ELLIPSIS;
    case 0x201C: case 0x201E: case 0x201F: case 0xAB: return CH_LDQ;
    case 0x201D: case 0xBB: return CH_RDQ;
    case 0x2018: case 0x201A: case 0x201B: case 0x2039: return CH_LSQ;
    case 0x2019: case 0x203A: return CH_RSQ;
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return CH_LETTER; /* invisible joiners stay inside a word */
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return CH_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return CH_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CH_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CF:
        return CH_LETTER;
    case UTF8PROC_CATEGORY_ZS:
        return CH_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return CH_NL;
    case UTF8PROC_CATEGORY_ZP:
        return CH_PARA;
    case UTF8PROC_CATEGORY_PS:
        return CH_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return CH_CLOSE;
    default:
        return CH_SYMBOL;
    }
}

/* The class of the character at i (CH_SPACE past the end) and its length. */
typedef struct ch {
    uint8_t cls;
    uint8_t len;
} ch;

typedef struct tok_state {
    const dl_tokenizer *tk;
    const char *text;
    size_t len;
    dl_token *toks;
    dl_token_info *info;
    size_t n, cap;
    dl_arena *arena;
    unsigned newlines;
    bool space_before;
    bool dq_open, sq_open; /* a double (single) quotation is open */
    dl_status st;
} tok_state;

static inline ch char_at(const tok_state *s, size_t i)
{
    if (i >= s->len)
        return (ch){CH_SPACE, 0};
    unsigned char b = (unsigned char)s->text[i];
    if (b < 128)
        return (ch){s->tk->ascii[b], 1};
    int32_t cp;
    size_t k = dl_utf8_decode(s->text + i, s->len - i, &cp);
    if (!k)
        return (ch){CH_SYMBOL, 1};
    return (ch){(uint8_t)class_of_cp(cp), (uint8_t)k};
}

/* The start of the code point that ends just before i (i > 0). */
static size_t prev_start(const char *text, size_t i)
{
    size_t p = i - 1;
    while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80 && i - p < 4)
        p--;
    return p;
}

static inline ch char_before(const tok_state *s, size_t i)
{
    if (i == 0)
        return (ch){CH_SPACE, 0};
    return char_at(s, prev_start(s->text, i));
}

/* Case flags of text[a..b). */
static uint8_t case_flags(const tok_state *s, size_t a, size_t b)
{
    bool upper = false, lower = false, first = true;
    uint8_t flags = 0;
    for (size_t i = a; i < b;) {
        ch c = char_at(s, i);
        if (c.cls == CH_UPPER) {
            upper = true;
            if (first)
                flags |= DL_TOK_CAPITAL;
        } else if (c.cls == CH_LOWER) {
            lower = true;
        }
        if (c.cls == CH_UPPER || c.cls == CH_LOWER || c.cls == CH_LETTER)
            first = false;
        i += c.len ? c.len : 1;
    }
    if (upper && !lower)
        flags |= DL_TOK_ALLCAPS;
    return flags;
}

static void emit(tok_state *s, size_t a, size_t b, uint8_t kind, uint8_t flags, uint8_t abbr)
{
    if (s->st || a >= b)
        return;
    if (s->n == s->cap) {
        size_t ncap = s->cap * 2;
        dl_token *nt = dl_arena_grow(s->arena, s->toks, s->cap * sizeof *nt, ncap * sizeof *nt);
        dl_token_info *ni = dl_arena_grow(s->arena, s->info, s->cap * sizeof *ni, ncap * sizeof *ni);
        if (!nt || !ni) {
            s->st = DL_ERR_NOMEM;
            return;
        }
        s->toks = nt;
        s->info = ni;
        s->cap = ncap;
    }
    if (kind == DL_TK_WORD || kind == DL_TK_URL)
        flags |= case_flags(s, a, b);
    if (s->space_before)
        flags |= DL_TOK_SPACE_BEFORE;
    s->toks[s->n] = (dl_token){.start = (uint32_t)a, .end = (uint32_t)b, .flags = flags, .head = -1};
    s->info[s->n] = (dl_token_info){kind, abbr, (uint8_t)(s->newlines > 255 ? 255 : s->newlines)};
    s->n++;
    s->newlines = 0;
    s->space_before = false;
}

static bool ascii_prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != prefix[i])
            return false;
    }
    return true;
}

static bool url_char(unsigned char c)
{
    return c > ' ' && c < 127 && c != '"' && c != '<' && c != '>' && c != '`';
}

/* A URL starting at i ("http://", "https://", "ftp://", "www."): returns its
 * end, or i when there is none. Trailing punctuation is left out, and a
 * closing parenthesis only stays when the URL opened one. */
static size_t scan_url(const tok_state *s, size_t i)
{
    const char *t = s->text + i;
    size_t n = s->len - i, k;
    if (ascii_prefix_ci(t, n, "http://"))
        k = 7;
    else if (ascii_prefix_ci(t, n, "https://"))
        k = 8;
    else if (ascii_prefix_ci(t, n, "ftp://"))
        k = 6;
    else if (ascii_prefix_ci(t, n, "www.") && n > 4 && url_char((unsigned char)t[4]) && t[4] != '.')
        k = 4;
    else
        return i;
    while (k < n && url_char((unsigned char)t[k]))
        k++;
    int parens = 0;
    for (size_t j = 0; j < k; j++)
        parens += t[j] == '(' ? 1 : t[j] == ')' ? -1 : 0;
    while (k > 0) {
        char c = t[k - 1];
        if (c == ')' && parens < 0) {
            parens++;
            k--;
        } else if (strchr(".,;:!?'\"]}", c)) {
            k--;
        } else {
            break;
        }
    }
    return i + k;
}

static inline bool is_digit_at(const tok_state *s, size_t i)
{
    return i < s->len && s->text[i] >= '0' && s->text[i] <= '9';
}

static inline bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

static bool all_digits(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return a < b;
}

/* A run of periods at i that ends in "@" and a word character. */
static bool dots_then_at(const tok_state *s, size_t i)
{
    while (i < s->len && s->text[i] == '.')
        i++;
    return i + 1 < s->len && s->text[i] == '@' && is_word_class(char_at(s, i + 1).cls);
}

/* Reads a word from i (a word character) with the joins that keep it whole.
 * *url is set for e-mail addresses and bare domains, *inner_period when a
 * period was joined (U.S, e.g). */
static size_t scan_word(const tok_state *s, size_t i, bool *url, bool *inner_period)
{
    const char *t = s->text;
    size_t seg = i;          /* start of the current segment (after a join) */
    bool email = false, only_digits = true, initialism = true;
    *url = *inner_period = false;
    for (;;) {
        ch c = char_at(s, i);
        while (is_word_class(c.cls)) {
            if (c.cls != CH_DIGIT)
                only_digits = false;
            i += c.len;
            c = char_at(s, i);
        }
        if (i >= s->len)
            break;
        ch next = char_at(s, i + c.len);
        ch prev = char_before(s, i);
        bool next_word = is_word_class(next.cls);
        char b = t[i];
        if (c.cls == CH_HYPHEN && next_word) {
            /* al-Qassam, long-range, 2023-10-28, F-16 */
        } else if ((c.cls == CH_SQUOTE || c.cls == CH_RSQ) && next_word && next.cls != CH_DIGIT &&
                   prev.cls != CH_DIGIT) {
            /* don't, Israel's, O'Brien: cut later where Penn cuts */
        } else if ((c.cls == CH_SQUOTE || c.cls == CH_RSQ) && next.cls == CH_LOWER && prev.cls == CH_DIGIT &&
                   i + c.len + 1 <= s->len && (i + c.len + 1 == s->len ||
                                               !is_word_class(char_at(s, i + c.len + 1).cls))) {
            /* 1990's: one letter after the apostrophe */
        } else if (b == '.' && !email && dots_then_at(s, i)) {
            /* "franz371...@gmail.com": an address shortened by a mailing
             * list archive */
            while (t[i + c.len] == '.')
                i++;
        } else if (b == '.' && next_word) {
            bool single = i - seg == 1 && prev.cls != CH_DIGIT;
            bool lower_next = i + 1 < s->len && (is_lower_ascii(t[i + 1]) || is_digit_at(s, i + 1));
            if (email) {
                /* user@mail.Example.org */
            } else if (prev.cls == CH_DIGIT && next.cls == CH_DIGIT) {
                /* 3.5 */
            } else if (single && initialism && next.cls != CH_DIGIT) {
                *inner_period = true; /* U.S, e.g, N.Y */
            } else if (next.cls == CH_UPPER && next.len == 1 && i + 2 < s->len && t[i + 2] == '.') {
                *inner_period = true; /* Ph.D */
            } else if (lower_next && !only_digits) {
                /* google.com, Node.js, v1.2 */
                initialism = false;
                *url = true;
            } else {
                break;
            }
            if (i - seg != 1)
                initialism = false;
        } else if ((b == ',' || b == ':') && prev.cls == CH_DIGIT && next.cls == CH_DIGIT &&
                   all_digits(t, seg, i)) {
            /* 1,000  10:30 */
        } else if (b == '/' && is_word_class(prev.cls) && next_word) {
            /* and/or, 10/28/2023, 24/7 */
        } else if (b == '&' && prev.cls == CH_UPPER && next.cls == CH_UPPER) {
            /* AT&T, S&P */
        } else if (b == '@' && !email && next_word) {
            email = true; /* user@example.com */
            *url = true;
        } else {
            break;
        }
        i += c.len;
        seg = i;
    }
    return i;
}

/* Is text[a..b) a number: digits with separators (1,000  3.5  2023-10-28
 * 10/28/2023  10:30), then an optional ordinal suffix, plural "s" or "%"? */
static bool number_shape(const char *t, size_t a, size_t b)
{
    size_t i = a;
    if (i < b && t[i] == '.')
        i++;
    if (i >= b || t[i] < '0' || t[i] > '9')
        return false;
    while (i < b && ((t[i] >= '0' && t[i] <= '9') || strchr(".,:/-", t[i])))
        i++;
    if (t[i - 1] < '0' || t[i - 1] > '9')
        return false;
    size_t rest = b - i;
    if (rest == 0)
        return true;
    if (rest == 1)
        return t[i] == '%' || t[i] == 's';
    if (rest == 2) {
        char x = (char)(t[i] | 32), y = (char)(t[i + 1] | 32);
        return (x == 's' && y == 't') || (x == 'n' && y == 'd') || (x == 'r' && y == 'd') ||
               (x == 't' && y == 'h');
    }
    return false;
}

static bool ascii_eq_ci(const char *s, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((char)(s[i] | 32) != lower[i])
            return false;
    return true;
}

/* Where Penn Treebank cuts the word t[a..b): before the clitic of "it's",
 * "we're", "I'd", before the "n't" of "don't", between "can" and "not" of
 * "cannot". Returns b when the word stays whole. */
static size_t contraction_cut(const char *t, size_t a, size_t b)
{
    for (size_t p = b; p > a;) {
        p--;
        size_t alen = 0;
        if (t[p] == '\'')
            alen = 1;
        else if (p + 3 <= b && (unsigned char)t[p] == 0xE2 && (unsigned char)t[p + 1] == 0x80 &&
                 (unsigned char)t[p + 2] == 0x99)
            alen = 3;
        if (!alen)
            continue;
        if (p == a)
            return b;
        const char *suf = t + p + alen;
        size_t sl = b - p - alen;
        if (sl == 1 && (ascii_eq_ci(suf, "s", 1) || ascii_eq_ci(suf, "d", 1) || ascii_eq_ci(suf, "m", 1)))
            return p;
        if (sl == 2 && (ascii_eq_ci(suf, "re", 2) || ascii_eq_ci(suf, "ve", 2) || ascii_eq_ci(suf, "ll", 2)))
            return p;
        if (sl == 1 && ascii_eq_ci(suf, "t", 1) && p - 1 > a && (t[p - 1] | 32) == 'n')
            return p - 1;
        return b;
    }
    size_t n = b - a;
    if (n == 6 && ascii_eq_ci(t + a, "cannot", 6))
        return a + 3;
    if (n == 5 && (ascii_eq_ci(t + a, "gonna", 5) || ascii_eq_ci(t + a, "gotta", 5) ||
                   ascii_eq_ci(t + a, "wanna", 5)))
        return a + 3;
    return b;
}

dl_abbr_kind dl_tokenizer_abbreviation(const dl_tokenizer *tk, const char *word, size_t len)
{
    return (dl_abbr_kind)(uintptr_t)dl_map_get(tk->abbrevs, word, len);
}

/* Is the next thing after i, across spaces on the same line, a digit? */
static bool digit_follows(const tok_state *s, size_t i)
{
    while (i < s->len && (s->text[i] == ' ' || s->text[i] == '\t'))
        i++;
    return is_digit_at(s, i);
}

/* Reads the word starting at a and emits its token(s); returns its end. */
static size_t read_word(tok_state *s, size_t a)
{
    const char *t = s->text;
    bool url, inner;
    size_t b = scan_word(s, a, &url, &inner);
    if (b < s->len && t[b] == '%' && number_shape(t, a, b))
        b++;
    if (url) {
        emit(s, a, b, DL_TK_URL, DL_TOK_URL, 0);
        return b;
    }
    size_t cut = contraction_cut(t, a, b);
    if (cut < b) {
        emit(s, a, cut, number_shape(t, a, cut) ? DL_TK_NUMBER : DL_TK_WORD,
             number_shape(t, a, cut) ? DL_TOK_NUMBER : 0, 0);
        emit(s, cut, b, DL_TK_WORD, 0, 0);
        return b;
    }
    /* A final period stays with abbreviations ("Gen.", "U.S.", "J."), and
     * goes its own way after anything else. */
    if (b < s->len && t[b] == '.' && !(b + 1 < s->len && t[b + 1] == '.') && !number_shape(t, a, b)) {
        dl_abbr_kind k = dl_tokenizer_abbreviation(s->tk, t + a, b + 1 - a);
        if (k == DL_ABBR_NUMBER)
            k = digit_follows(s, b + 1) ? DL_ABBR_INNER : DL_ABBR_NONE;
        if (k == DL_ABBR_NONE && inner)
            k = DL_ABBR_FINAL;
        if (k == DL_ABBR_NONE && b - a == 1 && t[a] >= 'A' && t[a] <= 'Z')
            k = DL_ABBR_INITIAL;
        if (k != DL_ABBR_NONE) {
            b++;
            /* "U.S.-led" is one word */
            if (b + 1 < s->len && t[b] == '-' && is_word_class(char_at(s, b + 1).cls)) {
                b = scan_word(s, b + 1, &url, &inner);
                emit(s, a, b, DL_TK_WORD, 0, 0);
                return b;
            }
            emit(s, a, b, DL_TK_WORD, 0, (uint8_t)k);
            return b;
        }
    }
    bool num = number_shape(t, a, b);
    emit(s, a, b, num ? DL_TK_NUMBER : DL_TK_WORD, num ? DL_TOK_NUMBER : 0, 0);
    return b;
}

enum { Q_STRAIGHT, Q_OPEN, Q_CLOSE };

/* Emits the quotation mark t[a..b). Whether it opens a quotation is read
 * from its context first (after a space or an opening bracket and before a
 * word: opens; after a word or punctuation and before a space: closes),
 * because scraped news mixes straight and curly marks and sometimes uses a
 * curly mark the wrong way round; the glyph decides only when the context
 * does not, and for straight marks the open/closed state of the quotation
 * does. A single mark after a word ending in "s" with no single quotation
 * open is the possessive of "forces'". */
static void read_quote(tok_state *s, size_t a, size_t b, bool dbl, int glyph)
{
    bool prev_spacey = true;
    const dl_token *pt = s->n ? &s->toks[s->n - 1] : NULL;
    if (pt && pt->end == a && !s->space_before && !s->newlines) {
        uint8_t k = s->info[s->n - 1].kind;
        prev_spacey = k == DL_TK_OPEN || k == DL_TK_DASH ||
                      (k == DL_TK_QUOTE && (pt->flags & DL_TOK_OPEN_QUOTE));
    }
    ch nx = char_at(s, b);
    bool next_spacey = b >= s->len ||
                       !(is_word_class(nx.cls) || nx.cls == CH_OPEN || nx.cls == CH_LDQ ||
                         nx.cls == CH_LSQ || nx.cls == CH_AT || nx.cls == CH_HASH ||
                         nx.cls == CH_SYMBOL || nx.cls == CH_BACKTICK);
    bool open;
    if (prev_spacey && !next_spacey)
        open = true;
    else if (!prev_spacey && next_spacey)
        open = false;
    else if (glyph != Q_STRAIGHT)
        open = glyph == Q_OPEN;
    else
        open = dbl ? !s->dq_open : !s->sq_open;
    if (!dbl && !open && !s->sq_open && !prev_spacey && pt && s->info[s->n - 1].kind == DL_TK_WORD &&
        (s->text[pt->end - 1] | 32) == 's') {
        emit(s, a, b, DL_TK_APOSTROPHE, 0, 0);
        return;
    }
    if (dbl)
        s->dq_open = open;
    else
        s->sq_open = open;
    emit(s, a, b, DL_TK_QUOTE, (uint8_t)(DL_TOK_QUOTE | (open ? DL_TOK_OPEN_QUOTE : 0)), 0);
}

/* "'90s": an apostrophe that starts a decade. Returns the word's end, or a. */
static size_t decade_at(const tok_state *s, size_t a, size_t alen)
{
    size_t i = a + alen;
    const char *t = s->text;
    if (i + 3 <= s->len && is_digit_at(s, i) && is_digit_at(s, i + 1) && t[i + 2] == 's' &&
        (i + 3 == s->len || !is_word_class(char_at(s, i + 3).cls)))
        return i + 3;
    return a;
}

/* Reads the token that starts at i (not white space); returns its end. */
static size_t read_token(tok_state *s, size_t i, ch c)
{
    const char *t = s->text;
    size_t b;
    switch (c.cls) {
    case CH_UPPER: case CH_LOWER:
        if (strchr("hHwWfF", t[i]) && (b = scan_url(s, i)) > i) {
            emit(s, i, b, DL_TK_URL, DL_TOK_URL, 0);
            return b;
        }
        return read_word(s, i);
    case CH_LETTER: case CH_DIGIT:
        return read_word(s, i);
    case CH_PERIOD:
        if (is_digit_at(s, i + 1) && (i == 0 || !is_word_class(char_before(s, i).cls))) {
            bool url, inner;
            b = scan_word(s, i + 1, &url, &inner);
            if (b < s->len && t[b] == '%')
                b++;
            emit(s, i, b, DL_TK_NUMBER, DL_TOK_NUMBER, 0);
            return b;
        }
        for (b = i; b < s->len && t[b] == '.';)
            b++;
        emit(s, i, b, b - i > 1 ? DL_TK_ELLIPSIS : DL_TK_TERMINAL, 0, 0);
        return b;
    case CH_ELLIPSIS:
        for (b = i; char_at(s, b).cls == CH_ELLIPSIS;)
            b += 3;
        emit(s, i, b, DL_TK_ELLIPSIS, 0, 0);
        return b;
    case CH_TERM:
        for (b = i; b < s->len && (t[b] == '!' || t[b] == '?');)
            b++;
        emit(s, i, b, DL_TK_TERMINAL, 0, 0);
        return b;
    case CH_DQUOTE:
        read_quote(s, i, i + 1, true, Q_STRAIGHT);
        return i + 1;
    case CH_SQUOTE: case CH_RSQ:
        if ((b = decade_at(s, i, c.len)) > i) {
            emit(s, i, b, DL_TK_NUMBER, DL_TOK_NUMBER, 0);
            return b;
        }
        if (c.cls == CH_SQUOTE && i + 1 < s->len && t[i + 1] == '\'') {
            read_quote(s, i, i + 2, true, Q_STRAIGHT);
            return i + 2;
        }
        read_quote(s, i, i + c.len, false, c.cls == CH_RSQ ? Q_CLOSE : Q_STRAIGHT);
        return i + c.len;
    case CH_BACKTICK:
        if (i + 1 < s->len && t[i + 1] == '`') {
            read_quote(s, i, i + 2, true, Q_OPEN);
            return i + 2;
        }
        read_quote(s, i, i + 1, false, Q_OPEN);
        return i + 1;
    case CH_LDQ: case CH_RDQ:
        read_quote(s, i, i + c.len, true, c.cls == CH_LDQ ? Q_OPEN : Q_CLOSE);
        return i + c.len;
    case CH_LSQ:
        read_quote(s, i, i + c.len, false, Q_OPEN);
        return i + c.len;
    case CH_OPEN: case CH_CLOSE:
        emit(s, i, i + c.len, c.cls == CH_OPEN ? DL_TK_OPEN : DL_TK_CLOSE, 0, 0);
        return i + c.len;
    case CH_HYPHEN:
        b = i + c.len;
        if (t[i] == '-')
            while (b < s->len && t[b] == '-')
                b++;
        emit(s, i, b, DL_TK_DASH, 0, 0);
        return b;
    case CH_DASH:
        emit(s, i, i + c.len, DL_TK_DASH, 0, 0);
        return i + c.len;
    case CH_AT: case CH_HASH: {
        /* @handle, #hashtag (a hashtag needs a letter: "#1" is a symbol
         * and a number) */
        bool letter = false;
        for (b = i + 1; b < s->len;) {
            ch k = char_at(s, b);
            /* "@paulhastings.com": a domain, not a sentence end */
            if (c.cls == CH_AT && t[b] == '.' && b > i + 1 && b + 1 < s->len && is_lower_ascii(t[b + 1]))
                k = (ch){CH_LOWER, 1};
            if (!is_word_class(k.cls))
                break;
            letter |= k.cls != CH_DIGIT;
            b += k.len;
        }
        if (b > i + 1 && (letter || c.cls == CH_AT)) {
            emit(s, i, b, DL_TK_URL, DL_TOK_URL, 0);
            return b;
        }
        emit(s, i, i + 1, DL_TK_PUNCT, 0, 0);
        return i + 1;
    }
    case CH_COMMA:
        emit(s, i, i + 1, DL_TK_PUNCT, 0, 0);
        return i + 1;
    default:
        b = i + c.len;
        if (c.len == 1) /* "***", "==" */
            while (b < s->len && t[b] == t[i])
                b++;
        emit(s, i, b, DL_TK_PUNCT, 0, 0);
        return b;
    }
}

dl_status dl_tokenize(dl_token **tokens, dl_token_info **info, size_t *n_tokens,
                      const dl_tokenizer *tokenizer, const char *text, size_t len, dl_arena *arena)
{
    *tokens = NULL;
    *info = NULL;
    *n_tokens = 0;
    if (len >= UINT32_MAX)
        return DL_ERR_LIMIT;
    tok_state s = {.tk = tokenizer, .text = text, .len = len, .arena = arena};
    /* About one token per five bytes of news text; the arrays double when
     * that guess is short. */
    s.cap = len / 4 + 16;
    s.toks = DL_ARENA_NEW(arena, dl_token, s.cap);
    s.info = DL_ARENA_NEW(arena, dl_token_info, s.cap);
    if (!s.toks || !s.info)
        return DL_ERR_NOMEM;
    size_t i = 0;
    while (i < len && !s.st) {
        ch c = char_at(&s, i);
        if (c.cls == CH_SPACE || c.cls == CH_NL || c.cls == CH_PARA) {
            s.space_before = true;
            s.newlines += c.cls == CH_NL ? 1 : c.cls == CH_PARA ? 2 : 0;
            i += c.len;
            continue;
        }
        if (s.newlines >= 2)
            s.dq_open = s.sq_open = false; /* quotations end with their paragraph */
        i = read_token(&s, i, c);
    }
    if (s.st)
        return s.st;
    size_t total = 0;
    for (size_t k = 0; k < s.n; k++)
        total += s.toks[k].end - s.toks[k].start + 1;
    char *pool = dl_arena_alloc(arena, total ? total : 1);
    if (!pool)
        return DL_ERR_NOMEM;
    for (size_t k = 0; k < s.n; k++) {
        size_t n = s.toks[k].end - s.toks[k].start;
        memcpy(pool, text + s.toks[k].start, n);
        pool[n] = '\0';
        s.toks[k].text = pool;
        pool += n + 1;
    }
    *tokens = s.toks;
    *info = s.info;
    *n_tokens = s.n;
    return DL_OK;
}

static dl_status add_abbreviation(void *user, char **fields, size_t n, size_t line)
{
    dl_tokenizer *tk = user;
    dl_abbr_kind kind = DL_ABBR_FINAL;
    if (n > 1) {
        if (!strcmp(fields[1], "inner"))
            kind = DL_ABBR_INNER;
        else if (!strcmp(fields[1], "final"))
            kind = DL_ABBR_FINAL;
        else if (!strcmp(fields[1], "number"))
            kind = DL_ABBR_NUMBER;
        else if (!strcmp(fields[1], "end"))
            kind = DL_ABBR_END;
        else
            return DL_ERR_PARSE;
    }
    return dl_map_put(tk->abbrevs, fields[0], strlen(fields[0]), (void *)(uintptr_t)kind) ? DL_ERR_NOMEM
                                                                                         : DL_OK;
}

dl_status dl_tokenizer_open(dl_tokenizer **out, const char *data_dir)
{
    *out = NULL;
    dl_tokenizer *tk = calloc(1, sizeof *tk);
    if (!tk || !(tk->abbrevs = dl_map_new())) {
        free(tk);
        return DL_ERR_NOMEM;
    }
    build_ascii_table(tk->ascii);
    dl_status st = dl_wordlist_read(data_dir, "abbreviations.txt", add_abbreviation, tk);
    if (st) {
        dl_tokenizer_close(tk);
        return st;
    }
    *out = tk;
    return DL_OK;
}

void dl_tokenizer_close(dl_tokenizer *tk)
{
    if (!tk)
        return;
    dl_map_free(tk->abbrevs);
    free(tk);
}
