/* tagger_decode.c: candidate tags for each token, second-order Viterbi over
 * them, and the Penn Treebank tag of each chosen Festival tag.
 *
 * Everything here works on the stack: a sentence is decoded in segments of
 * at most SEG tokens, so tagging never allocates. */
#include "text/tagger.h"
#include "text/tagger_model.h"

#include <math.h>
#include <string.h>
#include <utf8proc.h>

enum { MAXC = 8, SEG = 250, MAX_WORD = 64 };

/* How a token's capitalisation should be read. */
typedef enum caps {
    CAPS_NONE,  /* no letters */
    CAPS_LOWER, /* starts lower case: a proper noun is unlikely */
    CAPS_MID,   /* capital inside an ordinary sentence: a name is likely */
    CAPS_INIT,  /* capital where any word has one: sentence start, after a quote */
    CAPS_TITLE, /* capital in a title-case or all-capitals line: says little */
} caps;

typedef struct cands {
    uint8_t n;
    uint8_t fixed; /* a dl_tag decided by shape (URL, emoticon), or 0 */
    uint8_t tag[MAXC];
    float e[MAXC]; /* emission score, comparable only within the token */
} cands;

/* ------------------------------------------------------------ tag tables */

static const struct {
    const char *name;
    dl_tag tag;
} penn_of[] = {
    {"nn", DL_TAG_NN}, {"nnp", DL_TAG_NNP}, {"dt", DL_TAG_DT}, {"in", DL_TAG_IN},
    {"jj", DL_TAG_JJ}, {"nns", DL_TAG_NNS}, {"cd", DL_TAG_CD}, {"rb", DL_TAG_RB},
    {"vbd", DL_TAG_VBD}, {"vb", DL_TAG_VB}, {"prp", DL_TAG_PRP}, {"cc", DL_TAG_CC},
    {"of", DL_TAG_IN}, {"to", DL_TAG_TO}, {"vbz", DL_TAG_VBZ}, {"vbn", DL_TAG_VBN},
    {"vbg", DL_TAG_VBG}, {"vbp", DL_TAG_VBP}, {"md", DL_TAG_MD}, {"pos", DL_TAG_POS},
    {"wdt", DL_TAG_WDT}, {"jjr", DL_TAG_JJR}, {"wp", DL_TAG_WP}, {"nnps", DL_TAG_NNPS},
    {"wrb", DL_TAG_WRB}, {"jjs", DL_TAG_JJS}, {"rbr", DL_TAG_RBR}, {"rp", DL_TAG_RP},
    {"ex", DL_TAG_EX}, {"rbs", DL_TAG_RBS}, {"pdt", DL_TAG_PDT}, {"fw", DL_TAG_FW},
    {"uh", DL_TAG_UH}, {"sym", DL_TAG_SYM}, {"ls", DL_TAG_LS}, {"punc", DL_TAG_PERIOD},
};

static int need(const dl_tagger *tg, const char *name, bool *ok)
{
    int i = dl_tagger_tag_index(tg, name, strlen(name));
    if (i < 0)
        *ok = false;
    return i < 0 ? 0 : i;
}

dl_status dl_tagger_init_tags(dl_tagger *tg)
{
    bool ok = true;
    tg->t_nn = need(tg, "nn", &ok);
    tg->t_nns = need(tg, "nns", &ok);
    tg->t_nnp = need(tg, "nnp", &ok);
    tg->t_nnps = need(tg, "nnps", &ok);
    tg->t_punc = need(tg, "punc", &ok);
    tg->t_cd = need(tg, "cd", &ok);
    tg->t_jj = need(tg, "jj", &ok);
    tg->t_prp = need(tg, "prp", &ok);
    tg->t_wp = need(tg, "wp", &ok);
    tg->t_of = need(tg, "of", &ok);
    tg->t_to = need(tg, "to", &ok);
    tg->t_vb = need(tg, "vb", &ok);
    tg->t_vbd = need(tg, "vbd", &ok);
    tg->t_vbn = need(tg, "vbn", &ok);
    tg->t_vbg = need(tg, "vbg", &ok);
    tg->t_vbz = need(tg, "vbz", &ok);
    tg->t_vbp = need(tg, "vbp", &ok);
    tg->t_rb = need(tg, "rb", &ok);
    tg->t_in = need(tg, "in", &ok);
    tg->t_dt = need(tg, "dt", &ok);
    tg->t_fw = need(tg, "fw", &ok);
    tg->t_sym = need(tg, "sym", &ok);
    tg->t_ls = need(tg, "ls", &ok);
    tg->t_uh = need(tg, "uh", &ok);
    tg->t_md = need(tg, "md", &ok);
    tg->t_cc = need(tg, "cc", &ok);
    tg->t_jjr = need(tg, "jjr", &ok);
    tg->t_jjs = need(tg, "jjs", &ok);
    if (!ok)
        return DL_ERR_PARSE;
    for (int i = 0; i < tg->n_tags; i++) {
        tg->penn[i] = DL_TAG_NONE;
        for (size_t k = 0; k < sizeof penn_of / sizeof *penn_of; k++)
            if (strcmp(penn_of[k].name, tg->names[i]) == 0)
                tg->penn[i] = (uint8_t)penn_of[k].tag;
    }
    return DL_OK;
}

/* ------------------------------------------------------------ word shape */

static size_t tok_len(const dl_token *t)
{
    return t->end > t->start ? t->end - t->start : strlen(t->text);
}

static bool is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

typedef struct shape {
    bool letters, digits, upper_first, all_upper, hyphen, nonascii_letter;
    size_t n_letters;
} shape;

static shape shape_of(const char *s, size_t n)
{
    shape sh = {0};
    bool first_letter = true;
    sh.all_upper = true;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (is_alpha(c)) {
                bool up = c <= 'Z';
                if (first_letter)
                    sh.upper_first = up;
                first_letter = false;
                sh.all_upper &= up;
                sh.letters = true;
                sh.n_letters++;
            } else if (is_digit(c)) {
                sh.digits = true;
            } else if (c == '-' && i > 0 && i + 1 < n) {
                sh.hyphen = true;
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
            bool up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
            if (first_letter)
                sh.upper_first = up;
            first_letter = false;
            sh.all_upper &= up;
            sh.letters = true;
            sh.nonascii_letter = true;
            sh.n_letters++;
        } else if (cat == UTF8PROC_CATEGORY_ND) {
            sh.digits = true;
        }
        i += (size_t)k;
    }
    if (!sh.letters)
        sh.all_upper = false;
    return sh;
}

static bool eq(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static bool looks_like_url(const char *s, size_t n)
{
    if (n >= 4 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0))
        return true;
    const char *at = memchr(s, '@', n);
    if (at && at > s && memchr(at, '.', (size_t)(s + n - at)))
        return true; /* e-mail address */
    /* A dotted name with a known top-level ending: "example.com". */
    static const char *const tlds[] = {".com", ".org", ".net", ".gov", ".edu", ".html"};
    for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++) {
        size_t k = strlen(tlds[i]);
        if (n > k + 1 && memcmp(s + n - k, tlds[i], k) == 0)
            return true;
    }
    return false;
}

static bool is_emoticon(const char *s, size_t n)
{
    if (n < 2 || n > 4 || (s[0] != ':' && s[0] != ';' && s[0] != '='))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!strchr("-)(DPpO/|\\3*", s[i]))
            return false;
    return true;
}

/* Lower-cases ASCII s into buf; 0 when too long. */
/* The lexicon's key for a word: ASCII lower case, and curly apostrophes
 * (U+2018, U+2019) as the straight one the lexicon was written with, so
 * "Israel’s" tags like "Israel's". */
static size_t lower_ascii(char *buf, const char *s, size_t n)
{
    if (n >= MAX_WORD)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            buf[k++] = '\'';
            i += 2;
            continue;
        }
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = '\0';
    return k;
}

/* ------------------------------------------------------------ candidates */

static void cand_add(cands *c, int tag, float e)
{
    for (int i = 0; i < c->n; i++)
        if (c->tag[i] == tag) {
            if (e > c->e[i])
                c->e[i] = e;
            return;
        }
    if (c->n < MAXC) {
        c->tag[c->n] = (uint8_t)tag;
        c->e[c->n++] = e;
    }
}

/* P(tag | suffix) by successive abstraction over the suffix table, into
 * p[0..n_tags). */
static void suffix_probs(const dl_tagger *tg, const char *w, size_t n, double *p)
{
    int v = tg->n_open;
    double q[DL_FT_MAX];
    const float *all = dl_map_get(tg->suffix, "", 0);
    for (int t = 0; t < v; t++)
        q[t] = all[t] / all[v];
    size_t maxk = n < DL_SUFFIX_MAX ? n : DL_SUFFIX_MAX;
    for (size_t k = 1; k <= maxk; k++) {
        const float *s = dl_map_get(tg->suffix, w + n - k, k);
        if (!s || s[v] <= 0)
            break;
        for (int t = 0; t < v; t++)
            q[t] = (s[t] / s[v] + tg->theta * q[t]) / (1 + tg->theta);
    }
    for (int t = 0; t < tg->n_tags; t++)
        p[t] = 0;
    for (int t = 0; t < v; t++)
        p[tg->open_tags[t]] = q[t];
}

/* Keeps the best few tags of distribution p as candidates whose emission
 * is P(tag | word) / P(tag), Bayes' inversion of the HMM's P(word | tag). */
static void cands_from_dist(const dl_tagger *tg, const double *p, cands *c)
{
    int v = tg->n_tags;
    bool used[DL_FT_MAX] = {false};
    for (int k = 0; k < 6; k++) {
        int best = -1;
        for (int t = 0; t < v; t++)
            if (!used[t] && p[t] > 1e-4 && t != tg->t_punc && (best < 0 || p[t] > p[best]))
                best = t;
        if (best < 0)
            break;
        used[best] = true;
        cand_add(c, best, (float)(log(p[best]) - tg->log_prior[best]));
    }
}

static void unknown_word(const dl_tagger *tg, const char *low, size_t n, const shape *sh, caps cp,
                         cands *c)
{
    double p[DL_FT_MAX] = {0};
    int v = tg->n_tags;
    if (sh->digits) {
        bool numeric = true;
        for (size_t i = 0; i < n; i++)
            numeric &= is_digit((unsigned char)low[i]) || strchr(".,:/-%+x", low[i]) != NULL;
        bool ordinal = n >= 3 && is_digit((unsigned char)low[0]) &&
                       (eq(low + n - 2, 2, "st") || eq(low + n - 2, 2, "nd") ||
                        eq(low + n - 2, 2, "rd") || eq(low + n - 2, 2, "th"));
        if (numeric) {
            p[tg->t_cd] = 1;
        } else if (ordinal) {
            p[tg->t_jj] = 0.8;
            p[tg->t_nn] = 0.2;
        } else if (is_digit((unsigned char)low[0]) && low[n - 1] == 's') {
            p[tg->t_nns] = 0.5;
            p[tg->t_cd] = 0.5;
        } else {
            p[tg->t_cd] = 0.35;
            p[tg->t_nn] = 0.25;
            p[tg->t_nnp] = 0.3;
            p[tg->t_jj] = 0.1;
        }
        cands_from_dist(tg, p, c);
        return;
    }
    suffix_probs(tg, low, n, p);
    if (sh->hyphen) {
        /* Unseen hyphenated words are mostly compound modifiers. */
        for (int t = 0; t < v; t++)
            p[t] *= 0.5;
        p[tg->t_jj] += 0.5;
    }
    /* The suffix model mixes names and common words; split them by case. */
    double name = p[tg->t_nnp] + p[tg->t_nnps];
    p[tg->t_nnp] = p[tg->t_nnps] = 0;
    for (int t = 0; t < v; t++)
        p[t] /= (1 - name > 1e-9 ? 1 - name : 1);
    double w_name = cp == CAPS_MID ? 0.95 : cp == CAPS_TITLE ? 0.6 : cp == CAPS_INIT ? 0.45 : 0.02;
    if (sh->nonascii_letter && cp != CAPS_LOWER)
        w_name += (1 - w_name) * 0.5; /* foreign names */
    for (int t = 0; t < v; t++)
        p[t] *= 1 - w_name;
    bool plural = n > 3 && low[n - 1] == 's' && low[n - 2] != 's' && low[n - 2] != 'u';
    p[tg->t_nnp] += w_name * (plural ? 0.7 : 1.0);
    p[tg->t_nnps] += w_name * (plural ? 0.3 : 0.0);
    cands_from_dist(tg, p, c);
}

static void unknown_word(const dl_tagger *tg, const char *low, size_t n, const shape *sh, caps cp,
                         cands *c);

static void known_word(const dl_tagger *tg, const dl_lexent *e, const char *low, size_t n,
                       const shape *sh, caps cp, cands *c)
{
    bool has_name = false, has_other = false;
    for (int i = 0; i < e->n; i++) {
        bool nm = e->tag[i] == tg->t_nnp || e->tag[i] == tg->t_nnps;
        has_name |= nm;
        has_other |= !nm;
    }
    float lp_name_once = (float)-log(tg->tag_count[tg->t_nnp]);
    if (!has_other && cp == CAPS_LOWER) {
        /* A word the Journal only saw as a name ("cat" from "Cat", the
         * company) is, written in lower case, most likely a common word:
         * read it as an unknown word, the name kept as an outside chance. */
        unknown_word(tg, low, n, sh, cp, c);
        return;
    }
    bool pronoun_i = n == 1 && low[0] == 'i';
    for (int i = 0; i < e->n; i++) {
        int t = e->tag[i];
        bool nm = t == tg->t_nnp || t == tg->t_nnps;
        float x = e->lp[i];
        if (cp == CAPS_LOWER && nm)
            x -= 3.0f;
        /* Adjectives of nationality and religion ("Iraqi", "Sunni") keep
         * their capital, so a capital counts less against an adjective. */
        else if (cp == CAPS_MID && !nm && !pronoun_i)
            x -= t == tg->t_jj ? 1.0f : 2.5f;
        cand_add(c, t, x);
    }
    /* A capital may make any word a name ("Gallant", "Bush"); how likely
     * depends on where the capital stands. */
    if (!has_name && !pronoun_i) {
        if (cp == CAPS_MID)
            cand_add(c, tg->t_nnp, lp_name_once);
        else if (cp == CAPS_INIT)
            cand_add(c, tg->t_nnp, lp_name_once - 1.0f);
        else if (cp == CAPS_TITLE)
            cand_add(c, tg->t_nnp, lp_name_once - 3.0f);
    }
}

/* Penn tag of a punctuation token decided by its text alone (quotes and
 * hyphens are settled later, with their neighbours). */
static dl_tag punct_tag(const char *s, size_t n)
{
    if (eq(s, n, ","))
        return DL_TAG_COMMA;
    /* The English Web Treebank tags dashes and ellipses as commas (the Wall
     * Street Journal used ':'); dl_tag follows the Web Treebank. */
    if (eq(s, n, ";") || eq(s, n, ":"))
        return DL_TAG_COLON;
    if (eq(s, n, "--") || eq(s, n, "\xe2\x80\x94") || eq(s, n, "\xe2\x80\x93") || eq(s, n, "-"))
        return DL_TAG_COMMA;
    bool dots = true, stops = true;
    for (size_t i = 0; i < n; i++) {
        dots &= s[i] == '.';
        stops &= s[i] == '.' || s[i] == '?' || s[i] == '!';
    }
    if (eq(s, n, "\xe2\x80\xa6") || (dots && n >= 2))
        return DL_TAG_COMMA;
    if (stops)
        return DL_TAG_PERIOD;
    if (eq(s, n, "(") || eq(s, n, "[") || eq(s, n, "{") || eq(s, n, "<") || eq(s, n, "<<"))
        return DL_TAG_LRB;
    if (eq(s, n, ")") || eq(s, n, "]") || eq(s, n, "}") || eq(s, n, ">") || eq(s, n, ">>"))
        return DL_TAG_RRB;
    if (eq(s, n, "``") || eq(s, n, "\xe2\x80\x9c") || eq(s, n, "\xe2\x80\x98"))
        return DL_TAG_LQUOTE;
    if (eq(s, n, "''") || eq(s, n, "\xe2\x80\x9d") || eq(s, n, "\xe2\x80\x99"))
        return DL_TAG_RQUOTE;
    if (eq(s, n, "\"") || eq(s, n, "'"))
        return DL_TAG_RQUOTE; /* refined in finish() */
    if (eq(s, n, "$") || eq(s, n, "\xe2\x82\xac") || eq(s, n, "\xc2\xa3"))
        return DL_TAG_DOLLAR;
    if (eq(s, n, "#"))
        return DL_TAG_HASH;
    if (eq(s, n, "/"))
        return DL_TAG_COMMA;
    if (eq(s, n, "+") || eq(s, n, "=") || eq(s, n, "@") || eq(s, n, "\\") || eq(s, n, "^"))
        return DL_TAG_SYM;
    return DL_TAG_NFP;
}

/* Reads the sentence's capitalisation: a title-case line ("Israeli Jets
 * Strike Gaza Tunnel Network") or an all-capitals one gives every capital
 * letter the weight of a sentence start. Function words stay lower case in
 * titles, so they are not counted. */
static bool title_like(const dl_token *tok, size_t n)
{
    static const char *const small[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
                                        "or", "but", "by", "with", "from", "as", "vs", "nor", "per"};
    size_t content = 0, capital = 0, upper = 0, words = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = tok[i].text;
        size_t len = tok_len(&tok[i]);
        shape sh = shape_of(s, len);
        if (!sh.letters)
            continue;
        words++;
        upper += sh.all_upper && sh.n_letters > 1;
        if (i == 0)
            continue;
        bool is_small = false;
        for (size_t k = 0; k < sizeof small / sizeof *small && !is_small; k++)
            is_small = len == strlen(small[k]) && strncasecmp(s, small[k], len) == 0;
        if (is_small)
            continue;
        content++;
        capital += sh.upper_first;
    }
    if (words >= 3 && upper * 5 >= words * 4)
        return true;
    return content >= 3 && capital * 5 >= content * 4;
}

static bool opens_clause(const dl_token *t)
{
    const char *s = t->text;
    size_t n = tok_len(t);
    return (t->flags & DL_TOK_OPEN_QUOTE) || eq(s, n, "(") || eq(s, n, "[") || eq(s, n, ":") ||
           eq(s, n, "--") || eq(s, n, "-") || eq(s, n, "\xe2\x80\x94") || eq(s, n, "``") ||
           eq(s, n, "\xe2\x80\x9c") || eq(s, n, "*") || eq(s, n, "\xe2\x80\xa2") || eq(s, n, ";") ||
           ((t->flags & DL_TOK_QUOTE) && !(t->flags & DL_TOK_OPEN_QUOTE) && eq(s, n, "\""));
}

static void token_cands(const dl_tagger *tg, const dl_token *tok, size_t i, bool title, bool first_word,
                        cands *c)
{
    const dl_token *t = &tok[i];
    const char *s = t->text;
    size_t n = tok_len(t);
    c->n = 0;
    c->fixed = DL_TAG_NONE;
    if (n == 0) {
        cand_add(c, tg->t_punc, 0);
        c->fixed = DL_TAG_NFP;
        return;
    }
    if ((t->flags & DL_TOK_URL) || looks_like_url(s, n)) {
        cand_add(c, tg->t_nn, 0);
        c->fixed = (t->flags & DL_TOK_URL) && (s[0] == '#' || s[0] == '@') ? DL_TAG_NN : DL_TAG_ADD;
        if (s[0] == '@' || s[0] == '#')
            c->fixed = DL_TAG_NNP;
        return;
    }
    if (is_emoticon(s, n)) {
        cand_add(c, tg->t_punc, 0);
        c->fixed = DL_TAG_NFP;
        return;
    }
    const dl_lexent *e = dl_map_get(tg->exact, s, n);
    if (e) {
        for (int k = 0; k < e->n; k++)
            cand_add(c, e->tag[k], e->lp[k]);
        return;
    }
    shape sh = shape_of(s, n);
    char low[MAX_WORD];
    size_t ln = lower_ascii(low, s, n);
    if (!sh.letters && !sh.digits) {
        e = ln ? dl_map_get(tg->lex, low, ln) : NULL;
        if (e && e->n) { /* "%", "&" */
            for (int k = 0; k < e->n; k++)
                cand_add(c, e->tag[k], e->lp[k]);
            return;
        }
        cand_add(c, tg->t_punc, 0);
        c->fixed = (uint8_t)punct_tag(s, n);
        return;
    }
    caps cp = CAPS_NONE;
    if (sh.letters) {
        if (!sh.upper_first)
            cp = CAPS_LOWER;
        else if (first_word)
            cp = CAPS_INIT;
        else if (title)
            cp = CAPS_TITLE;
        else
            cp = CAPS_MID;
    }
    e = ln ? dl_map_get(tg->lex, low, ln) : NULL;
    if (e && e->n) {
        known_word(tg, e, low, ln, &sh, cp, c);
        return;
    }
    if (!ln) {
        cand_add(c, tg->t_nn, 0);
        return;
    }
    unknown_word(tg, low, ln, &sh, cp, c);
    if (c->n == 0)
        cand_add(c, tg->t_nn, 0);
}

/* ------------------------------------------------------------ Viterbi */

/* Decodes tokens [0, n) (n <= SEG) given the two tags before them; writes
 * Festival tags into best[]. */
static void viterbi(const dl_tagger *tg, const cands *cl, size_t n, int h2, int h1, uint8_t *best)
{
    float delta[MAXC][MAXC], next[MAXC][MAXC];
    static const int V = DL_FT_MAX;
    uint8_t bp[SEG][MAXC][MAXC];
    /* Position -1 has one candidate (h1) and -2 has one (h2). */
    uint8_t prev2[MAXC] = {(uint8_t)h2}, prev1[MAXC] = {(uint8_t)h1};
    int n2 = 1, n1 = 1;
    delta[0][0] = 0;
    for (size_t i = 0; i < n; i++) {
        const cands *c = &cl[i];
        for (int a = 0; a < n1; a++)
            for (int b = 0; b < c->n; b++) {
                float bestv = -INFINITY;
                int bz = 0;
                const float *tr = &tg->trans[(size_t)prev1[a] * V + c->tag[b]];
                for (int z = 0; z < n2; z++) {
                    float x = delta[z][a] + tr[(size_t)prev2[z] * V * V];
                    if (x > bestv) {
                        bestv = x;
                        bz = z;
                    }
                }
                next[a][b] = bestv + c->e[b];
                bp[i][a][b] = (uint8_t)bz;
            }
        /* Shift: the new delta is indexed [cand of i-1][cand of i]. */
        for (int a = 0; a < n1; a++)
            for (int b = 0; b < c->n; b++)
                delta[a][b] = next[a][b];
        memcpy(prev2, prev1, sizeof prev2);
        n2 = n1;
        memcpy(prev1, c->tag, c->n);
        n1 = c->n;
    }
    int ba = 0, bb = 0;
    float bv = -INFINITY;
    for (int a = 0; a < n2; a++)
        for (int b = 0; b < n1; b++)
            if (delta[a][b] > bv) {
                bv = delta[a][b];
                ba = a;
                bb = b;
            }
    /* Walk back: at step i the pair (a, b) indexes candidates of i-1 and i. */
    for (size_t i = n; i-- > 0;) {
        best[i] = (uint8_t)bb;
        int z = bp[i][ba][bb];
        bb = ba;
        ba = z;
    }
}

/* ------------------------------------------------------------ Penn tags */

static bool nominal(const dl_tagger *tg, int t)
{
    return t == tg->t_nn || t == tg->t_nns || t == tg->t_nnp || t == tg->t_nnps || t == tg->t_jj ||
           t == tg->t_jjr || t == tg->t_jjs || t == tg->t_cd || t == tg->t_vbg || t == tg->t_vbn;
}

static dl_tag penn_tag(const dl_tagger *tg, const dl_token *tok, size_t n, size_t i, const cands *c,
                       const uint8_t *ft)
{
    const dl_token *t = &tok[i];
    const char *s = t->text;
    size_t len = tok_len(t);
    int f = ft[i];
    if (c->fixed) {
        dl_tag fx = (dl_tag)c->fixed;
        bool next_space = i + 1 >= n || (tok[i + 1].flags & DL_TOK_SPACE_BEFORE);
        bool space = i == 0 || (t->flags & DL_TOK_SPACE_BEFORE);
        if (eq(s, len, "-") && !space && !next_space && i > 0 && i + 1 < n)
            return DL_TAG_HYPH;
        if (eq(s, len, "\"") || eq(s, len, "'")) {
            if (eq(s, len, "'") && !space && i > 0) {
                const dl_token *p = &tok[i - 1];
                size_t pl = tok_len(p);
                if (pl && (p->text[pl - 1] == 's' || p->text[pl - 1] == 'S') && next_space)
                    return DL_TAG_POS;
            }
            if (t->flags & DL_TOK_QUOTE)
                return t->flags & DL_TOK_OPEN_QUOTE ? DL_TAG_LQUOTE : DL_TAG_RQUOTE;
            return space && !next_space ? DL_TAG_LQUOTE : DL_TAG_RQUOTE;
        }
        if (fx == DL_TAG_COMMA && (s[0] == '.' || (unsigned char)s[0] == 0xe2)) {
            /* An ellipsis ending its sentence ends it like a full stop. */
            bool last = true;
            for (size_t k = i + 1; k < n && last; k++)
                last = tok[k].flags & DL_TOK_QUOTE;
            if (last && !eq(s, len, "\xe2\x80\x94") && !eq(s, len, "\xe2\x80\x93"))
                return DL_TAG_PERIOD;
        }
        return fx;
    }
    if (f == tg->t_prp) {
        static const char *const poss[] = {"my", "your", "his", "its", "our", "their", "thy"};
        char low[8];
        size_t ln = len < sizeof low ? lower_ascii(low, s, len) : 0;
        for (size_t k = 0; ln && k < sizeof poss / sizeof *poss; k++)
            if (eq(low, ln, poss[k]))
                return DL_TAG_PRPS;
        if (ln && eq(low, ln, "her") && i + 1 < n && nominal(tg, ft[i + 1]))
            return DL_TAG_PRPS;
        return DL_TAG_PRP;
    }
    if (f == tg->t_to) {
        /* Festival keeps one tag for "to"; Penn splits the infinitive
         * marker (TO) from the preposition (IN) by what follows. */
        size_t k = i + 1;
        while (k < n && ft[k] == tg->t_rb)
            k++;
        return k < n && ft[k] == tg->t_vb ? DL_TAG_TO : DL_TAG_IN;
    }
    if (f == tg->t_wp) {
        char low[8];
        size_t ln = len < sizeof low ? lower_ascii(low, s, len) : 0;
        return ln && eq(low, ln, "whose") ? DL_TAG_WPS : DL_TAG_WP;
    }
    return (dl_tag)tg->penn[f];
}

void dl_tagger_tag(const dl_tagger *tg, dl_token *tokens, size_t n)
{
    cands cl[SEG];
    uint8_t idx[SEG], ft[SEG];
    bool title = title_like(tokens, n);
    int h2 = tg->t_nn, h1 = tg->t_punc;
    for (size_t base = 0; base < n; base += SEG) {
        size_t m = n - base < SEG ? n - base : SEG;
        bool first = base == 0;
        for (size_t i = 0; i < m; i++) {
            size_t k = base + i;
            token_cands(tg, tokens, k, title, first, &cl[i]);
            /* The next word is a "first word" too when this token opens a
             * clause or carries no letters at the very start. */
            bool letters = cl[i].fixed == DL_TAG_NONE;
            first = (first && !letters) || opens_clause(&tokens[k]) ||
                    (tokens[k].flags & DL_TOK_SENT_START && !letters);
        }
        viterbi(tg, cl, m, h2, h1, idx);
        for (size_t i = 0; i < m; i++)
            ft[i] = cl[i].tag[idx[i]];
        for (size_t i = 0; i < m; i++)
            tokens[base + i].tag = (uint8_t)penn_tag(tg, tokens + base, m, i, &cl[i], ft);
        h2 = m >= 2 ? ft[m - 2] : h1;
        h1 = ft[m - 1];
    }
}

bool dl_tagger_knows(const dl_tagger *tg, const char *word, size_t len)
{
    if (dl_map_get(tg->exact, word, len))
        return true;
    shape sh = shape_of(word, len);
    if (!sh.letters && !sh.digits)
        return true; /* punctuation is tagged by rule */
    char low[MAX_WORD];
    size_t n = lower_ascii(low, word, len);
    return n && dl_map_get(tg->lex, low, n) != NULL;
}
