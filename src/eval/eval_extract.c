/* eval_extract.c: HTML extraction scored against expected pages (see
 * eval_extract.h). */
#include "eval/eval_extract.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/map.h"
#include "doc/encoding.h"
#include "doc/html.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

static dl_status read_file(dl_buf *out, const char *dir, const char *name, const char *file)
{
    dl_buf path = DL_BUF_INIT;
    if (dl_buf_printf(&path, "%s/%s/%s", dir, name, file))
        return DL_ERR_NOMEM;
    FILE *fp = fopen(path.data, "rb");
    dl_buf_free(&path);
    if (!fp)
        return DL_ERR_IO;
    char chunk[65536];
    size_t got;
    dl_status st = DL_OK;
    while (!st && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        st = dl_buf_append(out, chunk, got);
    if (!st && ferror(fp))
        st = DL_ERR_IO;
    fclose(fp);
    if (!st && !out->data)
        st = dl_buf_append(out, "", 0);
    return st;
}

/* Adds the case-folded words of text to bag (word -> count); returns how
 * many words. */
static uint64_t bag_words(dl_map *bag, const char *text, size_t len, dl_status *st)
{
    uint64_t n = 0;
    char word[256];
    for (size_t i = 0; i < len && !*st;) {
        while (i < len && !(isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))
            i++;
        size_t b = i;
        while (i < len && (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))
            i++;
        if (i == b)
            continue;
        size_t m = i - b < sizeof word ? i - b : sizeof word;
        for (size_t k = 0; k < m; k++)
            word[k] = (char)tolower((unsigned char)text[b + k]);
        bool created;
        void **slot = dl_map_slot(bag, word, m, &created);
        if (!slot) {
            *st = DL_ERR_NOMEM;
            break;
        }
        *slot = (void *)((uintptr_t)*slot + 1);
        n++;
    }
    return n;
}

static uint64_t overlap(const dl_map *got, const dl_map *expected)
{
    uint64_t n = 0;
    for (size_t i = 0; i < dl_map_count(got); i++) {
        const char *key;
        size_t len;
        void *v;
        dl_map_entry(got, i, &key, &len, &v);
        uintptr_t a = (uintptr_t)v, b = (uintptr_t)dl_map_get(expected, key, len);
        n += a < b ? a : b;
    }
    return n;
}

/* White space collapsed and trimmed; lower-cased when fold is set. */
static char *squeeze(const char *s, bool fold, dl_arena *arena)
{
    if (!s)
        return NULL;
    char *out = dl_arena_alloc(arena, strlen(s) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    bool space = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = fold ? (char)tolower((unsigned char)*s) : *s;
    }
    out[n] = '\0';
    return out;
}

static const char *strip_by(const char *s)
{
    static const char *const lead[] = {"by ", "par ", "von ", "por ", "door "};
    for (size_t i = 0; i < sizeof lead / sizeof *lead; i++)
        if (!strncmp(s, lead[i], strlen(lead[i])))
            return s + strlen(lead[i]);
    return s;
}

static bool byline_matches(const char *got, const char *expected, dl_arena *arena)
{
    const char *g = got ? squeeze(got, true, arena) : NULL;
    const char *e = squeeze(expected, true, arena);
    if (!g || !e || !*g)
        return false;
    g = strip_by(g);
    e = strip_by(e);
    if (!strcmp(g, e))
        return true;
    return strlen(g) >= 3 && strlen(e) >= 3 && (strstr(e, g) || strstr(g, e));
}

static const char *json_string(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && v->valuestring && v->valuestring[0] ? v->valuestring : NULL;
}

/* CPU seconds: the speed figure should not depend on the machine's load. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The day of a date as the page or the metadata wrote it. */
static bool same_day(const char *got, const char *expected)
{
    if (!got || !expected || strlen(got) < 10 || strlen(expected) < 10)
        return false;
    return !strncmp(got, expected, 10);
}

dl_status dl_eval_extract_page(dl_extract_page_score *page, dl_extract_score *total,
                               const char *dir, const char *name, dl_arena *arena)
{
    memset(page, 0, sizeof *page);
    page->name = dl_arena_strdup(arena, name);
    dl_buf src = DL_BUF_INIT, exp = DL_BUF_INIT, meta = DL_BUF_INIT, utf8 = DL_BUF_INIT,
           exp_text = DL_BUF_INIT;
    dl_map *bag_got = NULL, *bag_exp = NULL;
    cJSON *m = NULL;
    dl_status st = read_file(&src, dir, name, "source.html");
    if (!st)
        st = read_file(&exp, dir, name, "expected.html");
    if (!st)
        st = read_file(&meta, dir, name, "expected-metadata.json");
    if (st)
        goto out;
    double t0 = now();
    dl_decode_info info;
    dl_html_page got;
    if (!(st = dl_decode_html(&utf8, src.data, src.len, NULL, &info)))
        st = dl_html_extract(&got, utf8.data ? utf8.data : "", utf8.len, arena);
    double t1 = now();
    if (st)
        goto out;
    if ((st = dl_html_all_text(&exp_text, exp.data, exp.len)))
        goto out;
    bag_got = dl_map_new();
    bag_exp = dl_map_new();
    if (!bag_got || !bag_exp) {
        st = DL_ERR_NOMEM;
        goto out;
    }
    page->words_got = bag_words(bag_got, got.text, got.len, &st);
    page->words_expected = bag_words(bag_exp, exp_text.data ? exp_text.data : "", exp_text.len, &st);
    if (st)
        goto out;
    uint64_t common = overlap(bag_got, bag_exp);
    page->precision = page->words_got ? (double)common / (double)page->words_got : 0;
    page->recall = page->words_expected ? (double)common / (double)page->words_expected : 0;
    /* An empty page expected and nothing found is a perfect answer. */
    if (!page->words_got && !page->words_expected)
        page->precision = page->recall = 1;
    page->f1 = page->precision + page->recall > 0
                   ? 2 * page->precision * page->recall / (page->precision + page->recall)
                   : 0;
    m = cJSON_ParseWithLength(meta.data, meta.len);
    const char *et = json_string(m, "title"), *eb = json_string(m, "byline");
    const char *ed = json_string(m, "publishedTime");
    page->title = got.title;
    page->byline = got.byline;
    page->date = got.date;
    if (et) {
        page->has_title = true;
        page->expected_title = squeeze(et, false, arena);
        const char *gt = squeeze(got.title, false, arena);
        page->title_ok = gt && page->expected_title && !strcmp(gt, page->expected_title);
    }
    if (eb) {
        page->has_byline = true;
        page->expected_byline = dl_arena_strdup(arena, eb);
        page->byline_ok = byline_matches(got.byline, eb, arena);
    }
    if (ed) {
        page->has_date = true;
        page->expected_date = dl_arena_strdup(arena, ed);
        page->date_ok = same_day(got.date, ed);
    }
    if (total) {
        total->pages++;
        total->precision_sum += page->precision;
        total->recall_sum += page->recall;
        total->f1_sum += page->f1;
        total->titles += page->has_title;
        total->titles_ok += page->title_ok;
        total->bylines += page->has_byline;
        total->bylines_ok += page->byline_ok;
        total->dates += page->has_date;
        total->dates_ok += page->date_ok;
        total->source_bytes += src.len;
        total->extract_seconds += t1 - t0;
    }
out:
    cJSON_Delete(m);
    dl_map_free(bag_got);
    dl_map_free(bag_exp);
    dl_buf_free(&src);
    dl_buf_free(&exp);
    dl_buf_free(&meta);
    dl_buf_free(&utf8);
    dl_buf_free(&exp_text);
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dl_status dl_eval_extract_dir(dl_extract_score *total, const char *dir, dl_extract_page_fn fn,
                              void *user, dl_diag_fn diag, void *diag_user)
{
    memset(total, 0, sizeof *total);
    DIR *d = opendir(dir);
    if (!d)
        return DL_ERR_IO;
    char **names = NULL;
    size_t n = 0, cap = 0;
    dl_status st = DL_OK;
    struct dirent *e;
    while ((e = readdir(d)) && !st) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = DL_ERR_NOMEM;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name)))
            st = DL_ERR_NOMEM;
        else
            n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_str);
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; i < n && !st; i++) {
        dl_buf path = DL_BUF_INIT;
        struct stat sb;
        if (dl_buf_printf(&path, "%s/%s", dir, names[i])) {
            st = DL_ERR_NOMEM;
            break;
        }
        bool is_dir = stat(path.data, &sb) == 0 && S_ISDIR(sb.st_mode);
        dl_buf_free(&path);
        if (!is_dir)
            continue;
        dl_arena_reset(arena);
        dl_extract_page_score page;
        dl_status ps = dl_eval_extract_page(&page, total, dir, names[i], arena);
        if (ps == DL_ERR_IO) {
            total->skipped++;
            if (diag) {
                dl_diag dg = {DL_WARNING, ps, names[i], 0, 0,
                              "no source.html, expected.html and expected-metadata.json; skipped"};
                diag(diag_user, &dg);
            }
            continue;
        }
        if (ps) {
            st = ps;
            break;
        }
        if (fn)
            fn(user, &page);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    dl_arena_free(arena);
    return st;
}

/* ------------------------------------------------------ whole-page dumps */

/* Words of got that the expected bag does not hold (each word counted as
 * often as it appears beyond the expected count). */
static uint64_t junk_words(const dl_map *got, const dl_map *expected)
{
    uint64_t junk = 0;
    for (size_t i = 0; i < dl_map_count(got); i++) {
        const char *key;
        size_t len;
        void *v;
        dl_map_entry(got, i, &key, &len, &v);
        uintptr_t a = (uintptr_t)v, b = (uintptr_t)dl_map_get(expected, key, len);
        junk += a > b ? a - b : 0;
    }
    return junk;
}

static bool title_matches(const char *got, const char *expected)
{
    return got && expected && dl_html_similarity(got, expected) >= 0.75 &&
           dl_html_similarity(expected, got) >= 0.75;
}

static dl_status score_dump(dl_dump_page_score *page, const dl_cleaner *cleaner, const char *dir,
                            const char *name, dl_arena *arena)
{
    memset(page, 0, sizeof *page);
    page->name = dl_arena_strdup(arena, name);
    dl_buf dump = DL_BUF_INIT, exp = DL_BUF_INIT, meta = DL_BUF_INIT, exp_text = DL_BUF_INIT;
    dl_map *in = dl_map_new(), *out = dl_map_new(), *want = dl_map_new();
    cJSON *m = NULL;
    dl_status st = !in || !out || !want ? DL_ERR_NOMEM : DL_OK;
    if (!st)
        st = read_file(&dump, dir, name, "dump.txt");
    if (!st)
        st = read_file(&exp, dir, name, "expected.html");
    if (!st)
        st = read_file(&meta, dir, name, "expected-metadata.json");
    if (!st)
        st = dl_html_all_text(&exp_text, exp.data, exp.len);
    if (st)
        goto done;
    m = cJSON_ParseWithLength(meta.data, meta.len);
    const char *et = json_string(m, "title"), *ed = json_string(m, "publishedTime");
    page->words_expected = bag_words(want, exp_text.data ? exp_text.data : "", exp_text.len, &st);
    if (et)
        page->words_expected += bag_words(want, et, strlen(et), &st);
    page->words_in = bag_words(in, dump.data, dump.len, &st);
    page->junk_in = junk_words(in, want);
    dl_document doc = {0};
    doc.source = doc.path = name;
    doc.text = dump.data;
    doc.len = dump.len;
    doc.line = 1;
    doc.format = DL_FORMAT_TEXT;
    dl_article *articles;
    size_t n;
    if (!st)
        st = dl_clean(&articles, &n, cleaner, &doc, arena);
    if (st)
        goto done;
    page->articles = (uint32_t)n;
    const char *date = NULL;
    for (size_t i = 0; i < n && !st; i++) {
        if (articles[i].title)
            page->words_out += bag_words(out, articles[i].title, strlen(articles[i].title), &st);
        page->words_out += bag_words(out, articles[i].body, articles[i].body_len, &st);
        if (!date)
            date = articles[i].date;
    }
    page->junk_out = junk_words(out, want);
    page->kept = overlap(out, want);
    page->title = n ? articles[0].title : NULL;
    if (et) {
        page->has_title = true;
        page->expected_title = dl_arena_strdup(arena, et);
        page->title_ok = title_matches(page->title, et);
    }
    if (ed) {
        page->has_date = true;
        page->date_ok = same_day(date, ed);
        page->date_wrong = date && !page->date_ok;
    }
done:
    cJSON_Delete(m);
    dl_map_free(in);
    dl_map_free(out);
    dl_map_free(want);
    dl_buf_free(&dump);
    dl_buf_free(&exp);
    dl_buf_free(&meta);
    dl_buf_free(&exp_text);
    return st;
}

dl_status dl_eval_dumps_dir(dl_dump_score *total, const char *dir, const char *data_dir,
                            dl_dump_page_fn fn, void *user)
{
    memset(total, 0, sizeof *total);
    dl_cleaner *cleaner;
    dl_status st = dl_cleaner_open(&cleaner, data_dir, NULL, NULL);
    if (st)
        return st;
    DIR *d = opendir(dir);
    if (!d) {
        dl_cleaner_close(cleaner);
        return DL_ERR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) && !st) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = DL_ERR_NOMEM;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name)))
            st = DL_ERR_NOMEM;
        else
            n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_str);
    dl_arena *arena = dl_arena_new(0);
    if (!arena)
        st = DL_ERR_NOMEM;
    for (size_t i = 0; i < n && !st; i++) {
        dl_arena_reset(arena);
        dl_dump_page_score p;
        dl_status ps = score_dump(&p, cleaner, dir, names[i], arena);
        if (ps == DL_ERR_IO)
            continue;
        if ((st = ps))
            break;
        total->pages++;
        total->words_in += p.words_in;
        total->junk_in += p.junk_in;
        total->words_out += p.words_out;
        total->junk_out += p.junk_out;
        total->words_expected += p.words_expected;
        total->kept += p.kept;
        total->articles += p.articles;
        total->pages_split += p.articles > 1;
        total->titles += p.has_title;
        total->titles_ok += p.title_ok;
        total->dates += p.has_date;
        total->dates_ok += p.date_ok;
        total->dates_wrong += p.date_wrong;
        if (fn)
            fn(user, &p);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    dl_arena_free(arena);
    dl_cleaner_close(cleaner);
    return st;
}
