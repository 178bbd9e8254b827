/* clean_tables.c: loading the cleaner's lists and the one-line tests. */
#include "doc/clean_tables.h"
#include "base/buf.h"
#include "base/lines.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads the non-comment, non-blank lines of data_dir/name into a malloc'ed
 * array of malloc'ed strings. With `tabbed`, a line must be REASON<TAB>TEXT;
 * one without a tab is reported (file and line) and skipped. */
static dl_status read_list(const char *data_dir, const char *name, char ***out, size_t *n,
                           bool tabbed, dl_diag_fn diag, void *user)
{
    dl_buf path = DL_BUF_INIT;
    dl_lines l;
    dl_status st = dl_data_path(&path, data_dir, name);
    if (st || (st = dl_lines_open(&l, path.data, true, diag, user))) {
        dl_buf_free(&path);
        return st;
    }
    size_t count = 0, room = 0, len;
    char **items = NULL, *line;
    while (dl_lines_next(&l, &line, &len)) {
        if (tabbed && !strchr(line, '\t')) {
            dl_lines_warn(&l, "a line here is REASON<TAB>PATTERN; no tab, line skipped");
            continue;
        }
        if (count == room) {
            room = room ? room * 2 : 32;
            char **ni = realloc(items, room * sizeof *ni);
            if (!ni) {
                st = DL_ERR_NOMEM;
                break;
            }
            items = ni;
        }
        if (!(items[count] = strdup(line))) {
            st = DL_ERR_NOMEM;
            break;
        }
        count++;
    }
    dl_lines_close(&l);
    dl_buf_free(&path);
    *out = items;
    *n = count;
    return st;
}

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static const unsigned char *lower_table(void)
{
    static unsigned char t[256];
    if (!t[1])
        for (int i = 0; i < 256; i++)
            t[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);
    return t;
}

static dl_status multi_build(dl_multi *m, char **strings, size_t n)
{
    m->strings = strings;
    m->n = n;
    if (!(m->lens = calloc(n ? n : 1, sizeof *m->lens)))
        return DL_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        m->lens[i] = strlen(strings[i]);
        if (m->lens[i] < 2)
            return DL_ERR_PARSE; /* one-byte markers would match everywhere */
        unsigned k = (unsigned char)strings[i][0] | (unsigned char)strings[i][1] << 8;
        m->first2[k >> 6] |= 1ULL << (k & 63);
    }
    return DL_OK;
}

static bool multi_find(const dl_multi *m, const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned k = (unsigned char)s[i] | (unsigned char)s[i + 1] << 8;
        if (!(m->first2[k >> 6] & (1ULL << (k & 63))))
            continue;
        for (size_t j = 0; j < m->n; j++)
            if (m->lens[j] <= n - i && m->strings[j][0] == s[i] &&
                memcmp(m->strings[j], s + i, m->lens[j]) == 0)
                return true;
    }
    return false;
}

/* Groups boilerplate patterns by their first byte so that a line is only
 * matched against the patterns that could match it. */
static dl_status index_boiler(dl_cleaner *c)
{
    for (size_t i = 0; i < c->n_boiler; i++) {
        unsigned char f = (unsigned char)c->boiler[i].glob[0];
        unsigned slot = f == '*' ? 0 : f;
        uint16_t *list = realloc(c->boiler_by_first[slot], (c->n_boiler_by_first[slot] + 1) * sizeof *list);
        if (!list)
            return DL_ERR_NOMEM;
        list[c->n_boiler_by_first[slot]++] = (uint16_t)i;
        c->boiler_by_first[slot] = list;
    }
    return DL_OK;
}

dl_status dl_cleaner_open(dl_cleaner **out, const char *data_dir, dl_diag_fn diag, void *user)
{
    if (!data_dir)
        data_dir = dl_data_dir();
    dl_cleaner *c = calloc(1, sizeof *c);
    if (!c)
        return DL_ERR_NOMEM;
    char **boiler = NULL;
    size_t n_boiler = 0;
    dl_status st = read_list(data_dir, "clean/boilerplate.tsv", &boiler, &n_boiler, true, diag, user);
    if (!st)
        st = read_list(data_dir, "clean/captions.txt", &c->caption_list, &c->n_captions, false, diag, user);
    if (!st)
        st = multi_build(&c->captions, c->caption_list, c->n_captions);
    if (!st)
        st = read_list(data_dir, "clean/agencies.txt", &c->agencies, &c->n_agencies, false, diag, user);
    if (!st)
        st = read_list(data_dir, "clean/dateline-stop.txt", &c->stop, &c->n_stop, false, diag, user);
    if (!st)
        st = read_list(data_dir, "clean/page-ends.txt", &c->ends, &c->n_ends, true, diag, user);
    /* "end<TAB>pattern" or "box<TAB>pattern": the kind's first letter is
     * kept in front of the lower-cased pattern ("e" + "comments") */
    for (size_t i = 0; !st && i < c->n_ends; i++) {
        char *e = c->ends[i], *tab = strchr(e, '\t');
        char kind = tab && !strncmp(e, "end", 3) ? 'e' : 'b';
        char *pat = tab ? tab + 1 : e;
        size_t k = 0;
        e[k++] = kind;
        for (char *p = pat; *p; p++)
            e[k++] = (char)tolower((unsigned char)*p);
        e[k] = '\0';
    }
    if (!st && !(c->boiler = calloc(n_boiler ? n_boiler : 1, sizeof *c->boiler)))
        st = DL_ERR_NOMEM;
    for (size_t i = 0; !st && i < n_boiler; i++) {
        char *tab = strchr(boiler[i], '\t');
        if (!tab)
            continue; /* a line without a reason: ignore it */
        *tab = '\0';
        c->boiler[c->n_boiler].reason = boiler[i];
        c->boiler[c->n_boiler].glob = tab + 1;
        for (char *p = tab + 1; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        boiler[i] = NULL; /* owned by the pattern now */
        c->n_boiler++;
    }
    free_list(boiler, n_boiler);
    if (!st)
        st = index_boiler(c);
    if (st) {
        dl_cleaner_close(c);
        return st;
    }
    *out = c;
    return DL_OK;
}

void dl_cleaner_close(dl_cleaner *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_boiler; i++)
        free(c->boiler[i].reason); /* glob points into the same block */
    free(c->boiler);
    for (int i = 0; i < 256; i++)
        free(c->boiler_by_first[i]);
    free(c->captions.lens);
    free_list(c->caption_list, c->n_captions);
    free_list(c->agencies, c->n_agencies);
    free_list(c->stop, c->n_stop);
    free_list(c->ends, c->n_ends);
    free(c);
}

bool dl_glob_match(const char *glob, const char *s, size_t n)
{
    /* Iterative matcher with one backtrack point: linear for our patterns. */
    const unsigned char *lower = lower_table();
    const char *star = NULL;
    size_t i = 0, mark = 0;
    while (i < n) {
        if (*glob == '*') {
            star = glob++;
            mark = i;
        } else if (*glob && lower[(unsigned char)s[i]] == (unsigned char)*glob) {
            glob++;
            i++;
        } else if (star) {
            glob = star + 1;
            i = ++mark;
        } else {
            return false;
        }
    }
    while (*glob == '*')
        glob++;
    return *glob == '\0';
}

int dl_clean_page_end(const dl_cleaner *c, const char *s, size_t n)
{
    if (n > 60)
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    if (words > 6)
        return 0;
    for (size_t i = 0; i < c->n_ends; i++)
        if (dl_glob_match(c->ends[i] + 1, s, n))
            return c->ends[i][0] == 'e' ? 2 : 1;
    return 0;
}

const char *dl_clean_boilerplate(const dl_cleaner *c, const char *s, size_t n)
{
    if (n > 200 || n == 0)
        return NULL;
    unsigned first = lower_table()[(unsigned char)s[0]];
    for (int pass = 0; pass < 2; pass++) {
        unsigned slot = pass ? 0 : first;
        for (uint16_t k = 0; k < c->n_boiler_by_first[slot]; k++) {
            const dl_pattern *p = &c->boiler[c->boiler_by_first[slot][k]];
            if (dl_glob_match(p->glob, s, n))
                return p->reason;
        }
    }
    return NULL;
}

bool dl_clean_is_caption(const dl_cleaner *c, const char *s, size_t n)
{
    return n <= 400 && multi_find(&c->captions, s, n);
}

static bool ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\''))
        n--;
    /* curly closing quotes are three bytes: E2 80 9D / E2 80 99 */
    while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

bool dl_clean_is_credit(const dl_cleaner *c, const char *s, size_t n)
{
    if (n > 150 || n < 4 || s[n - 1] == '.')
        return false;
    size_t end = n;
    if (s[end - 1] == ')')
        end--;
    for (size_t i = 0; i < c->n_agencies; i++) {
        size_t m = strlen(c->agencies[i]);
        if (m + 2 > end || memcmp(s + end - m, c->agencies[i], m) != 0)
            continue;
        size_t k = end - m; /* index just after the separator */
        char sep = s[k - 1];
        if (sep == '/' || sep == '(')
            return true;
        if (sep == ' ' && k >= 2 && (s[k - 2] == ',' || s[k - 2] == '-' || s[k - 2] == '|'))
            return true;
        /* " — AFP" with a multi-byte dash */
        if (sep == ' ' && k >= 4 && (unsigned char)s[k - 4] == 0xE2 && (unsigned char)s[k - 3] == 0x80)
            return true;
    }
    return false;
}

bool dl_clean_is_logo(const char *s, size_t n)
{
    if (n < 2 || n > 12)
        return false;
    int letters = 0, words = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ')
            words++;
        else if (isupper(ch))
            letters++;
        else if (ch != '&' && ch != '.' && ch != '-')
            return false;
    }
    return letters >= 2 && words <= 2;
}

bool dl_clean_is_byline(const char *s, size_t n, size_t *name_start)
{
    if (n < 5 || n > 120 || !(s[0] == 'B' || s[0] == 'b') || !(s[1] == 'y' || s[1] == 'Y') ||
        s[2] != ' ' || s[n - 1] == '.')
        return false;
    /* every word after "By" is capitalised, or a joining word */
    int words = 0;
    for (size_t i = 3; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (b == i)
            break;
        words++;
        size_t len = i - b;
        bool joiner = (len == 3 && memcmp(s + b, "and", 3) == 0) || (len == 1 && s[b] == '&') ||
                      (len == 2 && memcmp(s + b, "in", 2) == 0) || (len == 1 && s[b] == '|');
        if (!joiner && !isupper((unsigned char)s[b]) && (unsigned char)s[b] < 0x80)
            return false;
    }
    if (words < 1 || words > 14)
        return false;
    *name_start = 3;
    return true;
}

bool dl_clean_is_headline(const char *s, size_t n)
{
    if (n < 3 || n > 250 || ends_sentence(s, n))
        return false;
    char last = s[n - 1];
    if (last == ',' || last == ';' || last == ':')
        return false;
    int words = 1, letters = 0;
    for (size_t i = 0; i < n; i++) {
        words += s[i] == ' ';
        letters += isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
    }
    return words >= 2 && words <= 40 && letters >= 4;
}

static bool is_stop(const dl_cleaner *c, const char *s, size_t n)
{
    for (size_t i = 0; i < c->n_stop; i++)
        if (strlen(c->stop[i]) == n && memcmp(c->stop[i], s, n) == 0)
            return true;
    return false;
}

/* Length of a dash separator at s ("-", "--", "—", "–"), or 0. */
static size_t dash_len(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '-' && s[1] == '-')
        return 2;
    if (n >= 1 && s[0] == '-')
        return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93))
        return 3;
    return 0;
}

bool dl_clean_dateline(const dl_cleaner *c, const char *s, size_t n, size_t *place_len,
                       size_t *body_start)
{
    /* 1. one or more upper-case words: WASHINGTON DC, GAZA CITY, TEL AVIV */
    size_t i = 0, letters = 0;
    for (;;) {
        size_t b = i;
        while (i < n && (isupper((unsigned char)s[i]) || s[i] == '.' || s[i] == '\'' ||
                         (s[i] == '-' && i > b)))
            letters += isupper((unsigned char)s[i++]) != 0;
        if (i == b || (i < n && isalnum((unsigned char)s[i])))
            return false; /* empty word, or a mixed-case word: not a dateline */
        if (i + 1 < n && s[i] == ' ' && isupper((unsigned char)s[i + 1]) &&
            (i + 2 >= n || isupper((unsigned char)s[i + 2]) || s[i + 2] == '.'))
            i++; /* another upper-case word follows */
        else
            break;
    }
    if (letters < 2 || i > 40 || is_stop(c, s, i))
        return false;
    size_t place = i;
    /* 2. optional ", Region" of capitalised words: "KYIV, Ukraine" */
    if (i + 2 < n && s[i] == ',' && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2])) {
        size_t j = i + 2, words = 0;
        while (j < n && words < 3 && isupper((unsigned char)s[j])) {
            size_t b = j;
            while (j < n && (isalpha((unsigned char)s[j]) || s[j] == '.'))
                j++;
            words++;
            /* a month with a day after it is a date, not a region */
            if (j + 1 < n && s[j] == ' ' && isdigit((unsigned char)s[j + 1])) {
                j = b;
                break;
            }
            if (j + 1 < n && s[j] == ' ' && isupper((unsigned char)s[j + 1]))
                j++;
            else
                break;
        }
        if (j > i + 2 && (j >= n || s[j] == ' ' || s[j] == ',' || s[j] == ':')) {
            size_t k = j;
            while (k > i && s[k - 1] == ' ')
                k--;
            i = place = k;
        }
    }
    /* 3. optional ", Nov 3" or ", March 14, 2025" */
    if (i + 2 < n && s[i] == ',' && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2])) {
        size_t j = i + 2;
        while (j < n && (isalpha((unsigned char)s[j]) || s[j] == '.'))
            j++;
        if (j + 1 < n && s[j] == ' ' && isdigit((unsigned char)s[j + 1])) {
            j++;
            while (j < n && isdigit((unsigned char)s[j]))
                j++;
            if (j + 6 < n && s[j] == ',' && s[j + 1] == ' ' && isdigit((unsigned char)s[j + 2]))
                j += 6;
            i = j;
        }
    }
    /* 4. optional " (AP)" */
    size_t j = i;
    while (j < n && s[j] == ' ')
        j++;
    if (j < n && s[j] == '(') {
        size_t k = j + 1;
        while (k < n && k - j < 32 && s[k] != ')' && (isalpha((unsigned char)s[k]) || s[k] == ' ' || s[k] == '-'))
            k++;
        if (k < n && s[k] == ')')
            i = k + 1;
    }
    /* 5. the separator: "WASHINGTON DC: " or "KYIV (AP) — " */
    size_t sep;
    if (i < n && s[i] == ':' && i + 1 < n && s[i + 1] == ' ') {
        sep = i + 2;
    } else {
        j = i;
        while (j < n && s[j] == ' ')
            j++;
        size_t d = dash_len(s + j, n - j);
        if (!d || j == i || j + d >= n || s[j + d] != ' ')
            return false;
        sep = j + d + 1;
    }
    while (sep < n && s[sep] == ' ')
        sep++;
    if (sep >= n)
        return false;
    *place_len = place;
    *body_start = sep;
    return true;
}
