/* test_reader.c: reading files, directories and JSONL, with broken input. */
#include "test.h"
#include "base/buf.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct diags {
    int errors, warnings;
    char last[512];
} diags;

static void collect(void *user, const dl_diag *d)
{
    diags *g = user;
    if (d->severity == DL_ERROR)
        g->errors++;
    else
        g->warnings++;
    snprintf(g->last, sizeof g->last, "%s:%llu: %s", d->file, (unsigned long long)d->line, d->message);
}

static char tmpdir[256];

static const char *write_tmp(const char *name, const char *data, size_t n)
{
    static char path[512];
    if (!tmpdir[0]) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/dl-test-reader-XXXXXX");
        if (!mkdtemp(tmpdir))
            abort();
    }
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    for (char *slash = path + strlen(tmpdir) + 1; (slash = strchr(slash, '/')); slash++) {
        *slash = '\0';
        mkdir(path, 0755);
        *slash = '/';
    }
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
    return path;
}

/* Reads everything from paths; returns the number of documents and leaves
 * the texts of the first three in texts[]. */
static int read_all(const char *const *paths, size_t n, diags *g, char texts[3][256], dl_format format)
{
    dl_reader_options o = DL_READER_OPTIONS_INIT;
    o.diag = collect;
    o.diag_user = g;
    o.format = format;
    dl_reader *r;
    CHECK_INT(dl_reader_open(&r, paths, n, &o), DL_OK);
    const dl_document *d;
    int docs = 0;
    while (dl_reader_next(r, &d) == DL_OK) {
        if (docs < 3)
            snprintf(texts[docs], 256, "%s", d->text);
        docs++;
    }
    dl_reader_close(r);
    return docs;
}

TEST(reader_jsonl_skips_bad_records_and_keeps_the_rest)
{
    const char *jsonl = "{\"id\":\"a1\",\"text\":\"First.\",\"date\":\"2024-05-01\"}\n"
                        "{\"id\":\"a2\",\"text\":\"Trunc\n"
                        "[1,2,3]\n"
                        "\n"
                        "{\"id\":3,\"title\":\"No text\"}\n"
                        "{\"id\":4,\"text\":\"Fourth.\"}\n";
    const char *p = write_tmp("bad.jsonl", jsonl, strlen(jsonl));
    diags g = {0};
    char texts[3][256];
    int n = read_all(&p, 1, &g, texts, DL_FORMAT_AUTO);
    CHECK_INT(n, 2);
    CHECK_STR(texts[0], "First.");
    CHECK_STR(texts[1], "Fourth.");
    CHECK_INT(g.errors, 3);
    CHECK(strstr(g.last, "bad.jsonl:5:") != NULL);
}

TEST(reader_reports_empty_binary_and_missing_files)
{
    const char *paths[4];
    char tmp[3][512];
    snprintf(tmp[0], sizeof tmp[0], "%s", write_tmp("empty.txt", "", 0));
    snprintf(tmp[1], sizeof tmp[1], "%s", write_tmp("image.bin", "GIF89a\0\0\x01", 9));
    snprintf(tmp[2], sizeof tmp[2], "%s", write_tmp("ok.txt", "Hello there.", 12));
    paths[0] = tmp[0];
    paths[1] = tmp[1];
    paths[2] = "/nonexistent/dateline/file.txt";
    paths[3] = tmp[2];
    diags g = {0};
    char texts[3][256];
    CHECK_INT(read_all(paths, 4, &g, texts, DL_FORMAT_AUTO), 1);
    CHECK_STR(texts[0], "Hello there.");
    CHECK_INT(g.errors, 2);   /* binary, missing */
    CHECK_INT(g.warnings, 1); /* empty */
}

TEST(reader_repairs_encodings)
{
    diags g = {0};
    char texts[3][256];
    const char *p = write_tmp("bad-utf8.txt", "caf\xC3\xA9 ok \xFF end", 14);
    CHECK_INT(read_all(&p, 1, &g, texts, DL_FORMAT_AUTO), 1);
    CHECK_STR(texts[0], "caf\xC3\xA9 ok \xEF\xBF\xBD end");
    CHECK_INT(g.warnings, 1);
    CHECK(strstr(g.last, "byte 9") != NULL);
    g = (diags){0};
    p = write_tmp("latin1.txt", "caf\xE9 \x93quoted\x94", 13);
    CHECK_INT(read_all(&p, 1, &g, texts, DL_FORMAT_AUTO), 1);
    CHECK_STR(texts[0], "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    g = (diags){0};
    p = write_tmp("utf16.txt", "\xFF\xFEH\0i\0", 6);
    CHECK_INT(read_all(&p, 1, &g, texts, DL_FORMAT_AUTO), 1);
    CHECK_STR(texts[0], "Hi");
}

TEST(reader_walks_directories_in_order)
{
    write_tmp("tree/b/two.txt", "Two.", 4);
    write_tmp("tree/a.txt", "One.", 4);
    write_tmp("tree/.hidden.txt", "Hidden.", 7);
    write_tmp("tree/c.jsonl", "{\"text\":\"Three.\"}\n", 18);
    char dir[512];
    snprintf(dir, sizeof dir, "%s/tree", tmpdir);
    const char *p = dir;
    diags g = {0};
    char texts[3][256];
    CHECK_INT(read_all(&p, 1, &g, texts, DL_FORMAT_AUTO), 3);
    CHECK_STR(texts[0], "One.");
    CHECK_STR(texts[1], "Two.");
    CHECK_STR(texts[2], "Three.");
    CHECK_INT(g.errors, 0);
}

TEST(reader_handles_one_huge_line)
{
    size_t n = 5u << 20;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = "word "[i % 5];
    big[n] = '\0';
    const char *p = write_tmp("huge.txt", big, n);
    dl_reader_options o = DL_READER_OPTIONS_INIT;
    dl_reader *r;
    CHECK_INT(dl_reader_open(&r, &p, 1, &o), DL_OK);
    const dl_document *d;
    CHECK_INT(dl_reader_next(r, &d), DL_OK);
    CHECK_INT(d->len, n);
    CHECK_INT(dl_reader_next(r, &d), DL_ERR_EMPTY);
    dl_reader_close(r);
    free(big);
}
