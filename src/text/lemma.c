/* lemma.c: WordNet lemmas, held in memory.
 *
 * libwordnet reads its files on every lookup, which costs a system call per
 * word; the whole of WordNet's index (about 155,000 single words) and its
 * exception lists fit in a few megabytes, so they are loaded once here and
 * a lookup is a hash probe or two.
 *
 * Lemmatisation follows WordNet's own "morphy": an inflected form is first
 * looked up in the exception list of its part of speech (said -> say,
 * children -> child, better -> good); otherwise the detachment rules of that
 * part of speech are tried in order and the first candidate that WordNet's
 * index knows wins (forces -> force, militaries -> military). Words WordNet
 * does not know at all get the most likely rule's result, so that new words
 * ("tweets", "livestreamed") still lose their inflection. */
#include "text/lemma.h"
#include "base/arena.h"
#include "base/map.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

/* WordNet's parts of speech, as bits of an index entry's mask. */
enum { POS_NOUN = 1, POS_VERB = 2, POS_ADJ = 4, POS_ADV = 8 };
enum { N_POS = 4, MAX_WORD = 96 };

struct dl_lemmatizer {
    /* word -> its own NUL-terminated copy in `pool`; the byte before the
     * copy holds the POS_* mask of the index files that list it. Keeping
     * the mask there saves a second table and lets a lookup return a string
     * that outlives every arena. */
    dl_map *index;
    /* Per part of speech: inflected form -> base form (a string in pool). */
    dl_map *exc[N_POS];
    /* Project overrides (data/lexicon/lemmas.tsv): "word\tTAGCLASS" -> lemma. */
    dl_map *extra;
    dl_arena *pool;
};

static const char *const pos_names[N_POS] = {"noun", "verb", "adj", "adv"};

/* Maps a whole file read-only. WordNet's index is 6 MB of which only the
 * first word of each line is kept: mapping it (with the pages read ahead in
 * one go) costs a third of copying it into a buffer. */
static dl_status map_file(const char *path, const char **data, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return DL_ERR_IO;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return DL_ERR_IO;
    }
    *len = (size_t)st.st_size;
    if (*len == 0) {
        close(fd);
        *data = "";
        return DL_OK;
    }
    void *m = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return DL_ERR_IO;
    *data = m;
    return DL_OK;
}

static void unmap_file(const char *data, size_t len)
{
    if (len)
        munmap((void *)data, len);
}

/* A copy of s in the pool with a mask byte before it. */
static char *pool_word(dl_arena *pool, const char *s, size_t n, unsigned mask)
{
    char *p = dl_arena_alloc(pool, n + 2);
    if (!p)
        return NULL;
    p[0] = (char)mask;
    memcpy(p + 1, s, n);
    p[n + 1] = '\0';
    return p + 1;
}

static const char *wordnet_dir(void)
{
    const char *env = getenv("WNSEARCHDIR");
    if (env && *env)
        return env;
    return "/usr/share/wordnet";
}

/* Loads the first field of every line of index.POS (lines that start with a
 * space are the licence header). Collocations ("armed_forces") are skipped:
 * the tokenizer never produces them. */
static dl_status load_index(dl_lemmatizer *lm, const char *dir, int pos)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/index.%s", dir, pos_names[pos]);
    const char *data;
    size_t len;
    dl_status st = map_file(path, &data, &len);
    if (st)
        return st;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (*p != ' ') {
            const char *sp = memchr(p, ' ', (size_t)(nl - p));
            size_t n = (size_t)((sp ? sp : nl) - p);
            if (n > 0 && !memchr(p, '_', n)) {
                bool created;
                void **slot = dl_map_slot(lm->index, p, n, &created);
                if (!slot) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                if (created) {
                    *slot = pool_word(lm->pool, p, n, 1u << pos);
                    if (!*slot) {
                        st = DL_ERR_NOMEM;
                        break;
                    }
                } else {
                    ((char *)*slot)[-1] |= (char)(1u << pos);
                }
            }
        }
        p = nl + 1;
    }
    unmap_file(data, len);
    return st;
}

/* The pool's copy of word (the index's own when it has one). */
static const char *intern(dl_lemmatizer *lm, const char *s, size_t n)
{
    const char *w = dl_map_get(lm->index, s, n);
    return w ? w : pool_word(lm->pool, s, n, 0);
}

/* Loads POS.exc: "inflected base [base...]"; the first base is kept. */
static dl_status load_exc(dl_lemmatizer *lm, const char *dir, int pos)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.exc", dir, pos_names[pos]);
    const char *data;
    size_t len;
    dl_status st = map_file(path, &data, &len);
    if (st)
        return st;
    const char *p = data, *end = data + len;
    while (p < end && !st) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        const char *sp = memchr(p, ' ', (size_t)(nl - p));
        if (sp && sp > p && !memchr(p, '_', (size_t)(sp - p))) {
            const char *b = sp + 1;
            const char *be = memchr(b, ' ', (size_t)(nl - b));
            if (!be)
                be = nl;
            /* The first "inflected" entry wins: WordNet lists the commoner
             * base first. */
            if (be > b && !dl_map_get(lm->exc[pos], p, (size_t)(sp - p))) {
                const char *base = intern(lm, b, (size_t)(be - b));
                if (!base || dl_map_put(lm->exc[pos], p, (size_t)(sp - p), (void *)base))
                    st = DL_ERR_NOMEM;
            }
        }
        p = nl + 1;
    }
    unmap_file(data, len);
    return st;
}

/* Which coarse class a tag belongs to, as used by lemmas.tsv. */
static const char *tag_class(dl_tag tag)
{
    switch (tag) {
    case DL_TAG_NN: case DL_TAG_NNS: case DL_TAG_NNP: case DL_TAG_NNPS: return "N";
    case DL_TAG_VB: case DL_TAG_VBD: case DL_TAG_VBG: case DL_TAG_VBN: case DL_TAG_VBP:
    case DL_TAG_VBZ: case DL_TAG_MD: return "V";
    case DL_TAG_JJ: case DL_TAG_JJR: case DL_TAG_JJS: return "J";
    case DL_TAG_RB: case DL_TAG_RBR: case DL_TAG_RBS: return "R";
    default: return "X";
    }
}

/* data/lexicon/lemmas.tsv: "word<TAB>class<TAB>lemma" lines for what
 * WordNet does not cover (contractions, clitics). Class is N, V, J, R, X or
 * '*' (any). A missing file is not an error: the overrides are a nicety. */
static dl_status load_extra(dl_lemmatizer *lm, const char *data_dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/lexicon/lemmas.tsv", data_dir);
    const char *mapped;
    size_t len;
    if (map_file(path, &mapped, &len) != DL_OK)
        return DL_OK;
    char *data = malloc(len + 1);
    if (!data) {
        unmap_file(mapped, len);
        return DL_ERR_NOMEM;
    }
    memcpy(data, mapped, len);
    data[len] = '\0';
    unmap_file(mapped, len);
    dl_status st = DL_OK;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line && !st; line = strtok_r(NULL, "\n", &save)) {
        if (*line == '#' || !*line)
            continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2)
            continue;
        char *e = t2 + 1 + strcspn(t2 + 1, "\t\r");
        *e = '\0';
        /* Key: word, tab, class: the same layout as the file's line. */
        size_t klen = (size_t)(t2 - line);
        const char *lemma = intern(lm, t2 + 1, strlen(t2 + 1));
        if (!lemma || dl_map_put(lm->extra, line, klen, (void *)lemma))
            st = DL_ERR_NOMEM;
    }
    free(data);
    return st;
}

dl_status dl_lemmatizer_open(dl_lemmatizer **out, const char *data_dir)
{
    *out = NULL;
    dl_lemmatizer *lm = calloc(1, sizeof *lm);
    if (!lm)
        return DL_ERR_NOMEM;
    lm->index = dl_map_new();
    lm->extra = dl_map_new();
    lm->pool = dl_arena_new(1 << 20);
    bool ok = lm->index && lm->extra && lm->pool;
    for (int i = 0; i < N_POS; i++)
        ok = ok && (lm->exc[i] = dl_map_new()) != NULL;
    if (!ok) {
        dl_lemmatizer_close(lm);
        return DL_ERR_NOMEM;
    }
    const char *dir = wordnet_dir();
    dl_status st = DL_OK;
    for (int i = 0; i < N_POS && !st; i++)
        st = load_index(lm, dir, i);
    for (int i = 0; i < N_POS && !st; i++)
        st = load_exc(lm, dir, i);
    if (!st)
        st = load_extra(lm, data_dir ? data_dir : dl_data_dir());
    if (st) {
        dl_lemmatizer_close(lm);
        return st;
    }
    *out = lm;
    return DL_OK;
}

void dl_lemmatizer_close(dl_lemmatizer *lm)
{
    if (!lm)
        return;
    dl_map_free(lm->index);
    dl_map_free(lm->extra);
    for (int i = 0; i < N_POS; i++)
        dl_map_free(lm->exc[i]);
    dl_arena_free(lm->pool);
    free(lm);
}

/* Lower-cases word into buf (MAX_WORD bytes); returns the length, or 0
 * when it does not fit. ASCII is done inline; other letters through
 * utf8proc, so "ÉLYSÉE" becomes "élysée". */
static size_t lower_into(char *buf, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 >= MAX_WORD)
                return 0;
            buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            if (o + 1 >= MAX_WORD)
                return 0;
            buf[o++] = (char)c;
            i++;
            continue;
        }
        if (o + 4 >= MAX_WORD)
            return 0;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)buf + o);
        i += (size_t)k;
    }
    buf[o] = '\0';
    return o;
}

/* WordNet's detachment rules: suffix -> replacement, tried in order. */
typedef struct rule {
    const char *suffix, *repl;
} rule;
static const rule noun_rules[] = {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                                  {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}};
static const rule verb_rules[] = {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
                                  {"ed", ""}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
static const rule adj_rules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {NULL, NULL}};

/* The index's copy of word when it is listed under pos. */
static const char *in_index(const dl_lemmatizer *lm, const char *w, size_t n, unsigned pos)
{
    const char *e = dl_map_get(lm->index, w, n);
    return e && ((unsigned char)e[-1] & pos) ? e : NULL;
}

/* Applies rule r to w (n bytes) into out; returns the new length or 0. */
static size_t apply_rule(char *out, const char *w, size_t n, const rule *r)
{
    size_t sl = strlen(r->suffix), rl = strlen(r->repl);
    if (n <= sl + 1 || memcmp(w + n - sl, r->suffix, sl) != 0)
        return 0;
    memcpy(out, w, n - sl);
    memcpy(out + n - sl, r->repl, rl);
    out[n - sl + rl] = '\0';
    return n - sl + rl;
}

static bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* morphy for one part of speech; NULL when nothing fits. `buf` receives a
 * guessed lemma for words WordNet does not know (*guess_len > 0). */
static const char *morphy(const dl_lemmatizer *lm, const char *w, size_t n, int pos,
                          const rule *rules, char *buf, size_t *guess_len)
{
    const char *e = dl_map_get(lm->exc[pos], w, n);
    if (e)
        return e;
    char cand[MAX_WORD + 8];
    for (const rule *r = rules; r->suffix; r++) {
        size_t k = apply_rule(cand, w, n, r);
        if (!k)
            continue;
        /* English adds a bare "-es" only after s, x, z, ch, sh and o
         * ("passes", "fixes", "goes"): "departes" is no form of "depart". */
        if (!strcmp(r->suffix, "es") && !r->repl[0] && !strchr("sxzo", cand[k - 1]) &&
            !(k >= 2 && cand[k - 1] == 'h' && (cand[k - 2] == 'c' || cand[k - 2] == 's')))
            continue;
        const char *hit = in_index(lm, cand, k, 1u << pos);
        if (hit)
            return hit;
        /* Doubled final consonants ("stopped", "planning", "bigger") are
         * in WordNet's exception lists only in part. */
        if (k >= 3 && cand[k - 1] == cand[k - 2] && !is_vowel(cand[k - 1]) && cand[k - 1] != 's' &&
            cand[k - 1] != 'l' && r->repl[0] == '\0' && (r->suffix[0] == 'e' || r->suffix[0] == 'i')) {
            hit = in_index(lm, cand, k - 1, 1u << pos);
            if (hit)
                return hit;
        }
    }
    const char *self = in_index(lm, w, n, 1u << pos);
    if (self)
        return self;
    /* Unknown to WordNet: take the plainest reading of the suffix. */
    size_t k = 0;
    if (pos == 0 || pos == 1) {
        if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0)
            k = apply_rule(buf, w, n, &(rule){"ies", "y"});
        else if (n > 4 && (memcmp(w + n - 4, "ches", 4) == 0 || memcmp(w + n - 4, "shes", 4) == 0 ||
                           memcmp(w + n - 3, "xes", 3) == 0 || memcmp(w + n - 4, "sses", 4) == 0))
            k = apply_rule(buf, w, n, &(rule){"es", ""});
        else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
            k = apply_rule(buf, w, n, &(rule){"s", ""});
    }
    if (pos == 1 && !k) {
        if (n > 4 && memcmp(w + n - 3, "ing", 3) == 0)
            k = apply_rule(buf, w, n, &(rule){"ing", ""});
        else if (n > 3 && memcmp(w + n - 3, "ied", 3) == 0)
            k = apply_rule(buf, w, n, &(rule){"ied", "y"});
        else if (n > 3 && memcmp(w + n - 2, "ed", 2) == 0)
            k = apply_rule(buf, w, n, &(rule){"d", ""});
        /* "livestreamed" -> "livestreame" would be wrong; keep the "e" only
         * after a consonant cluster that needs it (c, g, v, z, u). */
        if (k && buf[k - 1] == 'e' && memcmp(w + n - 2, "ed", 2) == 0) {
            char c = k >= 2 ? buf[k - 2] : 'x';
            if (!(c == 'c' || c == 'g' || c == 'v' || c == 'z' || c == 'u' || c == 's'))
                buf[--k] = '\0';
        }
        if (k >= 3 && buf[k - 1] == buf[k - 2] && !is_vowel(buf[k - 1]) && buf[k - 1] != 's' &&
            buf[k - 1] != 'l')
            buf[--k] = '\0';
    }
    *guess_len = k;
    return NULL;
}

const char *dl_lemmatize(const dl_lemmatizer *lm, const char *word, size_t len, dl_tag tag,
                         dl_arena *arena)
{
    char low[MAX_WORD];
    size_t n = lower_into(low, word, len);
    if (n == 0) {
        /* Too long to be a dictionary word: its lower-case copy will do. */
        char *s = dl_arena_strndup(arena, word, len);
        if (s)
            for (char *p = s; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p += 32;
        return s;
    }
    /* Overrides first: "'s" as a verb is "be", "n't" is "not", "ca" is "can". */
    if (dl_map_count(lm->extra)) {
        char key[MAX_WORD + 4];
        memcpy(key, low, n);
        key[n] = '\t';
        key[n + 1] = tag_class(tag)[0];
        const char *o = dl_map_get(lm->extra, key, n + 2);
        if (!o) {
            key[n + 1] = '*';
            o = dl_map_get(lm->extra, key, n + 2);
        }
        if (o)
            return o;
    }
    int pos = -1;
    const rule *rules = NULL;
    bool base_form = false;
    switch (tag) {
    case DL_TAG_NN: base_form = true; /* fall through */
    case DL_TAG_NNS: case DL_TAG_NNPS: pos = 0; rules = noun_rules; break;
    case DL_TAG_VB: base_form = true; /* fall through */
    case DL_TAG_VBD: case DL_TAG_VBG: case DL_TAG_VBN: case DL_TAG_VBP: case DL_TAG_VBZ:
        pos = 1; rules = verb_rules; break;
    case DL_TAG_JJ: base_form = true; /* fall through */
    case DL_TAG_JJR: case DL_TAG_JJS: pos = 2; rules = adj_rules; break;
    case DL_TAG_RB: base_form = true; /* fall through */
    case DL_TAG_RBR: case DL_TAG_RBS: pos = 3; rules = NULL; break;
    default: break;
    }
    const char *hit = NULL;
    char guess[MAX_WORD + 8];
    size_t guess_len = 0;
    if (pos >= 0) {
        /* A word tagged as a base form is its own lemma when WordNet lists
         * it ("saw" as a noun stays "saw"); VBP is not a base form for the
         * few irregular present forms ("are", "am"), which the exception
         * list catches. */
        if (base_form)
            hit = in_index(lm, low, n, 1u << pos);
        if (!hit && !base_form)
            hit = morphy(lm, low, n, pos, rules ? rules : (const rule[]){{NULL, NULL}}, guess, &guess_len);
    }
    if (hit)
        return hit;
    if (guess_len)
        return dl_arena_strndup(arena, guess, guess_len);
    const char *own = dl_map_get(lm->index, low, n);
    return own ? own : dl_arena_strndup(arena, low, n);
}
