/* tagger.c: a second-order HMM part-of-speech tagger.
 *
 * The model is Festival's English part-of-speech model, read from Debian's
 * festlex-poslex at start-up:
 *   - wsj.wp39.poslexR: for each lower-case word, log P(word | tag) for the
 *     tags it was seen with in the Wall Street Journal;
 *   - wsj.wp39.tri.ngrambin: tag trigram counts in the Edinburgh Speech
 *     Tools' binary n-gram format (see load_ngram()).
 * Festival's tag set has 38 tags: Penn's, with every punctuation mark
 * folded into "punc", PRP$ folded into "prp", WP$ into "wp", and "of" given
 * a tag of its own. Viterbi runs over that set; map_tag() then gives each
 * token its Penn Treebank tag from the word itself (punctuation by its
 * text, "her" by what follows, ...).
 *
 * Words the lexicon does not hold get P(tag | suffix) from the lexicon's
 * own rare words (TnT's successive abstraction), turned into emissions by
 * Bayes' rule; capitalisation, digits, hyphens and URLs are handled by
 * shape. The lexicon is lower case, so capitalisation is a separate factor:
 * a capital letter inside a sentence makes NNP likely, except in title-case
 * or all-capitals lines (headlines), where it says nothing.
 *
 * This file loads the model; tagger_decode.c picks candidates and decodes.
 * Lookups go through base/map.h: one hash and usually one probe per word.
 * Decoding keeps only the candidate tags of each word (one to six), so a
 * token costs a few dozen additions. */
#include "text/tagger.h"
#include "base/arena.h"
#include "base/map.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/tagger_model.h"

/* ------------------------------------------------------------ file helper */

static dl_status read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return DL_ERR_IO;
    if (fseek(fp, 0, SEEK_END) != 0) {
        fclose(fp);
        return DL_ERR_IO;
    }
    long size = ftell(fp);
    rewind(fp);
    if (size < 0) {
        fclose(fp);
        return DL_ERR_IO;
    }
    char *buf = malloc((size_t)size + 1);
    if (!buf) {
        fclose(fp);
        return DL_ERR_NOMEM;
    }
    size_t got = fread(buf, 1, (size_t)size, fp);
    fclose(fp);
    if (got != (size_t)size) {
        free(buf);
        return DL_ERR_IO;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return DL_OK;
}

/* Maps a file read-only, its pages read in one go: the 1.2 MB lexicon is
 * only scanned, and copying it would touch twice the memory. */
static dl_status map_file(const char *path, const char **data, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return DL_ERR_IO;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size == 0) {
        close(fd);
        return DL_ERR_IO;
    }
    *len = (size_t)st.st_size;
    void *m = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return DL_ERR_IO;
    *data = m;
    return DL_OK;
}

/* ------------------------------------------------------------ the n-grams */

static double be_double(const unsigned char *p, bool big_endian)
{
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u = (u << 8) | p[big_endian ? i : 7 - i];
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* Edinburgh Speech Tools' "NgramBin_2" files: a 4-byte magic number ("Ngra"
 * in the writer's byte order), "mBin_2 ORDER\n", the vocabulary and the
 * predicted vocabulary as space-separated lines, then the dense table of
 * counts as doubles in the writer's byte order. States are the order-1
 * histories with the last word as the least significant digit; each state
 * holds one count per predicted word. Runs of equal counts are compressed:
 * a negative number -k after a count means the count occurs k times. */
static dl_status load_ngram(dl_tagger *tg, const char *path)
{
    char *data;
    size_t len;
    dl_status st = read_file(path, &data, &len);
    if (st)
        return st;
    st = DL_ERR_PARSE;
    bool big = false;
    if (len > 16 && memcmp(data, "Ngra", 4) == 0)
        big = true;
    else if (len > 16 && memcmp(data, "argN", 4) == 0)
        big = false;
    else
        goto done;
    if (memcmp(data + 4, "mBin_2 3\n", 9) != 0)
        goto done;
    char *vocab = data + 13;
    char *nl1 = memchr(vocab, '\n', len - 13);
    if (!nl1)
        goto done;
    char *nl2 = memchr(nl1 + 1, '\n', (size_t)(data + len - nl1 - 1));
    if (!nl2)
        goto done;
    *nl1 = '\0';
    int v = 0;
    char *save = NULL;
    for (char *w = strtok_r(vocab, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (v >= DL_FT_MAX || strlen(w) >= sizeof tg->names[0])
            goto done;
        tg->name_len[v] = (uint8_t)strlen(w);
        strcpy(tg->names[v++], w);
    }
    tg->n_tags = v;
    size_t nstates = (size_t)v * (size_t)v, total = nstates * (size_t)v;
    double *counts = calloc(total, sizeof *counts);
    if (!counts) {
        st = DL_ERR_NOMEM;
        goto done;
    }
    const unsigned char *p = (const unsigned char *)nl2 + 1, *end = (const unsigned char *)data + len;
    size_t j = 0;
    while (p + 8 <= end && j < total) {
        double c = be_double(p, big);
        p += 8;
        long run = 1;
        if (p + 8 <= end) {
            double next = be_double(p, big);
            if (next < 0) {
                run = (long)-next;
                p += 8;
            }
        }
        for (long r = 0; r < run && j < total; r++)
            counts[j++] = c;
    }
    if (j != total) {
        free(counts);
        goto done;
    }
    dl_tagger_build_transitions(tg, counts);
    free(counts);
    st = DL_OK;
done:
    free(data);
    return st;
}

/* Interpolates trigram, bigram and unigram relative frequencies (the counts
 * are already smoothed by their maker, but thin histories still benefit)
 * and stores log probabilities. */
void dl_tagger_build_transitions(dl_tagger *tg, const double *tri)
{
    int v = tg->n_tags;
    double bi[DL_FT_MAX][DL_FT_MAX] = {{0}}, uni[DL_FT_MAX] = {0}, total = 0;
    for (int a = 0; a < v; a++)
        for (int b = 0; b < v; b++)
            for (int c = 0; c < v; c++) {
                double x = tri[((size_t)a * v + b) * v + c];
                bi[b][c] += x;
                uni[c] += x;
                total += x;
            }
    for (int c = 0; c < v; c++) {
        tg->tag_count[c] = uni[c];
        tg->log_prior[c] = (float)log(uni[c] / total);
    }
    const double l3 = 0.9, l2 = 0.09, l1 = 0.01;
    for (int a = 0; a < v; a++)
        for (int b = 0; b < v; b++) {
            double s3 = 0, s2 = 0;
            for (int c = 0; c < v; c++) {
                s3 += tri[((size_t)a * v + b) * v + c];
                s2 += bi[b][c];
            }
            for (int c = 0; c < v; c++) {
                double p3 = s3 > 0 ? tri[((size_t)a * v + b) * v + c] / s3 : 0;
                double p2 = s2 > 0 ? bi[b][c] / s2 : 0;
                double p = l3 * p3 + l2 * p2 + l1 * uni[c] / total;
                tg->trans[(a * DL_FT_MAX + b) * DL_FT_MAX + c] = (float)log(p > 1e-12 ? p : 1e-12);
            }
        }
}

/* ------------------------------------------------------------ the lexicon */

/* Called for every tag of every lexicon line, so names are compared by
 * length and first letter before their bytes. */
int dl_tagger_tag_index(const dl_tagger *tg, const char *name, size_t n)
{
    for (int i = 0; i < tg->n_tags; i++)
        if (tg->name_len[i] == n && tg->names[i][0] == name[0] && memcmp(tg->names[i], name, n) == 0)
            return i;
    return -1;
}

/* Adds (tag, logp) to an entry, keeping the best DL_LEX_MAX. */
static void entry_add(dl_lexent *e, int tag, float lp)
{
    for (int i = 0; i < e->n; i++)
        if (e->tag[i] == tag) {
            if (lp > e->lp[i])
                e->lp[i] = lp;
            return;
        }
    if (e->n < DL_LEX_MAX) {
        e->tag[e->n] = (uint8_t)tag;
        e->lp[e->n++] = lp;
        return;
    }
    int worst = 0;
    for (int i = 1; i < e->n; i++)
        if (e->lp[i] < e->lp[worst])
            worst = i;
    if (lp > e->lp[worst]) {
        e->tag[worst] = (uint8_t)tag;
        e->lp[worst] = lp;
    }
}

/* The entry for key in map, created empty when absent. */
static dl_lexent *entry_for(dl_tagger *tg, dl_map *map, const char *key, size_t n)
{
    bool created;
    void **slot = dl_map_slot(map, key, n, &created);
    if (!slot)
        return NULL;
    if (created) {
        *slot = DL_ARENA_NEW(tg->pool, dl_lexent, 1);
    }
    return *slot;
}

/* poslexR: a line "MNCL" and then one entry a line:
 *   ("word" ((tag logprob) (tag logprob) ... ) () )
 * with the word lower case and logprob = ln P(word | tag). */
static dl_status load_poslex(dl_tagger *tg, const char *path)
{
    const char *data;
    size_t len;
    dl_status st = map_file(path, &data, &len);
    if (st)
        return st;
    const char *p = data, *end = data + len;
    int t1 = dl_tagger_tag_index(tg, "1", 1), t2 = dl_tagger_tag_index(tg, "2", 1);
    while (p < end && !st) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (p[0] == '(' && p[1] == '"') {
            const char *w = p + 2;
            const char *we = w;
            while (we < nl && !(we[0] == '"' && we + 1 < nl && we[1] == ' '))
                we++;
            const char *q = we + 1;
            dl_lexent *e = NULL;
            while (q < nl) {
                const char *open = memchr(q, '(', (size_t)(nl - q));
                if (!open)
                    break;
                const char *tn = open + 1;
                if (*tn == '(') {
                    q = tn;
                    continue;
                }
                const char *sp = memchr(tn, ' ', (size_t)(nl - tn));
                if (!sp || sp == tn)
                    break;
                int tag = dl_tagger_tag_index(tg, tn, (size_t)(sp - tn));
                float lp = strtof(sp + 1, NULL);
                /* Tags "1" and "2" are the treebank's undecided double tags
                 * (JJ|NN): noise for a tagger. */
                if (tag >= 0 && tag != t1 && tag != t2 && tag != tg->t_punc) {
                    if (!e && !(e = entry_for(tg, tg->lex, w, (size_t)(we - w)))) {
                        st = DL_ERR_NOMEM;
                        break;
                    }
                    entry_add(e, tag, lp);
                }
                q = sp + 1;
            }
        }
        p = nl + 1;
    }
    munmap((void *)data, len);
    return st;
}

/* data/lexicon/tags.tsv: "form<TAB>TAG [TAG...]" (Penn tags). A form with
 * an upper-case letter is matched exactly and replaces the lexicon
 * ("US" is the country, "Times" in a name is NNP); a lower-case form
 * replaces or adds the lexicon entry of that word ("website", "email").
 * Every listed tag gets the weight of a word seen once with it; the first
 * listed tag is made ten times likelier, so the order of tags matters. */
static dl_status load_tags_file(dl_tagger *tg, const char *data_dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/lexicon/tags.tsv", data_dir);
    char *data;
    size_t len;
    dl_status st = read_file(path, &data, &len);
    if (st == DL_ERR_IO)
        return DL_OK; /* the file is optional: the system lexicon is enough */
    if (st)
        return st;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line && !st; line = strtok_r(NULL, "\n", &save)) {
        if (*line == '#' || !*line)
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        bool has_upper = false;
        for (char *c = line; *c; c++)
            has_upper |= (*c >= 'A' && *c <= 'Z');
        dl_map *map = has_upper ? tg->exact : tg->lex;
        bool created;
        void **slot = dl_map_slot(map, line, strlen(line), &created);
        if (!slot) {
            st = DL_ERR_NOMEM;
            break;
        }
        if (!*slot && !(*slot = DL_ARENA_NEW(tg->pool, dl_lexent, 1))) {
            st = DL_ERR_NOMEM;
            break;
        }
        dl_lexent *e = *slot;
        e->n = 0;
        char *s2 = NULL;
        bool first = true;
        for (char *t = strtok_r(tab + 1, " \t\r", &s2); t; t = strtok_r(NULL, " \t\r", &s2)) {
            char low[16];
            size_t n = strlen(t);
            if (n >= sizeof low)
                continue;
            for (size_t i = 0; i <= n; i++)
                low[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
            if (n > 1 && low[n - 1] == '$')
                low[--n] = '\0'; /* PRP$, WP$: folded in Festival's set */
            int tag = dl_tagger_tag_index(tg, low, n);
            if (tag < 0)
                continue;
            float lp = (float)-log(tg->tag_count[tag] > 1 ? tg->tag_count[tag] : 1);
            entry_add(e, tag, first ? lp + 2.3f : lp);
            first = false;
        }
    }
    free(data);
    return st;
}

/* Successive-abstraction suffix model (Brants 2000): counts of tags over
 * the suffixes (0 to DL_SUFFIX_MAX bytes) of rare lexicon words, the best
 * evidence of how unseen words behave. A word's count with a tag is
 * recovered as P(word | tag) times the tag's count. */
static dl_status build_suffixes(dl_tagger *tg)
{
    /* Rare words take open-class tags only; keeping counts for those alone
     * halves the table, and at start-up every page touched costs time. */
    static const char *const open_names[] = {"nn", "nns", "nnp", "nnps", "jj", "jjr", "jjs", "rb",
                                              "rbr", "vb", "vbd", "vbg", "vbn", "vbp", "vbz", "cd",
                                              "fw", "uh", "in", "sym"};
    memset(tg->open_slot, -1, sizeof tg->open_slot);
    tg->n_open = 0;
    for (size_t k = 0; k < sizeof open_names / sizeof *open_names; k++) {
        int t = dl_tagger_tag_index(tg, open_names[k], strlen(open_names[k]));
        if (t >= 0) {
            tg->open_slot[t] = (int8_t)tg->n_open;
            tg->open_tags[tg->n_open++] = (uint8_t)t;
        }
    }
    int v = tg->n_open;
    size_t n = dl_map_count(tg->lex);
    for (size_t i = 0; i < n; i++) {
        const char *w;
        size_t wl;
        void *val;
        dl_map_entry(tg->lex, i, &w, &wl, &val);
        const dl_lexent *e = val;
        bool alpha = false;
        for (size_t k = 0; k < wl; k++)
            alpha |= ((w[k] | 32) >= 'a' && (w[k] | 32) <= 'z');
        if (!alpha)
            continue;
        float c[DL_LEX_MAX];
        float total = 0;
        for (int k = 0; k < e->n; k++) {
            c[k] = (float)(exp(e->lp[k]) * tg->tag_count[e->tag[k]]);
            total += c[k];
        }
        if (total > 10)
            continue;
        size_t maxk = wl - 1 < DL_SUFFIX_MAX ? wl - 1 : DL_SUFFIX_MAX;
        for (size_t k = 0; k <= maxk; k++) {
            bool created;
            void **slot = dl_map_slot(tg->suffix, w + wl - k, k, &created);
            if (!slot)
                return DL_ERR_NOMEM;
            if (created && !(*slot = DL_ARENA_NEW(tg->pool, float, (size_t)v + 1)))
                return DL_ERR_NOMEM;
            float *sx = *slot;
            for (int t = 0; t < e->n; t++)
                if (tg->open_slot[e->tag[t]] >= 0) {
                    sx[tg->open_slot[e->tag[t]]] += c[t];
                    sx[v] += c[t];
                }
        }
    }
    /* theta: the standard deviation of the unconditioned tag probabilities
     * of rare words. */
    const float *all = dl_map_get(tg->suffix, "", 0);
    if (!all || all[v] <= 0)
        return DL_ERR_PARSE;
    double mean = 1.0 / v, var = 0;
    for (int t = 0; t < v; t++) {
        double d = all[t] / all[v] - mean;
        var += d * d;
    }
    tg->theta = (float)sqrt(var / (v - 1));
    return DL_OK;
}

static const char *festival_dir(void)
{
    const char *env = getenv("DATELINE_POSLEX");
    return env && *env ? env : "/usr/share/festival/dicts";
}

dl_status dl_tagger_open(dl_tagger **out, const char *data_dir)
{
    *out = NULL;
    dl_tagger *tg = calloc(1, sizeof *tg);
    if (!tg)
        return DL_ERR_NOMEM;
    tg->lex = dl_map_new();
    tg->exact = dl_map_new();
    tg->suffix = dl_map_new();
    tg->pool = dl_arena_new(1 << 20);
    if (!tg->lex || !tg->exact || !tg->suffix || !tg->pool) {
        dl_tagger_close(tg);
        return DL_ERR_NOMEM;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/wsj.wp39.tri.ngrambin", festival_dir());
    dl_status st = load_ngram(tg, path);
    if (!st)
        st = dl_tagger_init_tags(tg);
    if (!st) {
        snprintf(path, sizeof path, "%s/wsj.wp39.poslexR", festival_dir());
        st = load_poslex(tg, path);
    }
    if (!st)
        st = build_suffixes(tg);
    if (!st)
        st = load_tags_file(tg, data_dir ? data_dir : dl_data_dir());
    if (st) {
        dl_tagger_close(tg);
        return st;
    }
    *out = tg;
    return DL_OK;
}

void dl_tagger_close(dl_tagger *tg)
{
    if (!tg)
        return;
    dl_map_free(tg->lex);
    dl_map_free(tg->exact);
    dl_map_free(tg->suffix);
    dl_arena_free(tg->pool);
    free(tg);
}
