/* web.c (built as bench_web): how fast HTML pages and WARC.gz archives are
 * read, on one core.
 *
 *   build/bench_web [DIR]    DIR: folders holding source.html (default:
 *                            ../shared/data/readability-pages when present)
 *
 * The pages are real ones from DIR when given, else generated: news-like
 * pages with head scripts, JSON-LD, navigation, an article, a sidebar,
 * comments and a footer. HTML: charset decoding plus extraction (text and
 * metadata), MB/s of page bytes. WARC.gz: the pages written as HTTP
 * responses, one gzip member per record as Common Crawl writes them, to
 * build/bench/pages.warc.gz, then read back twice: records only (gunzip,
 * WARC and HTTP parsing) and whole documents through dl_reader (decoding
 * and extraction too), MB/s of compressed bytes. Times are CPU seconds of
 * one core. */
#include "dateline.h"
#include "base/arena.h"
#include "base/buf.h"
#include "doc/encoding.h"
#include "doc/html.h"
#include "doc/warc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

enum { TARGET_BYTES = 40 << 20 };

/* CPU time of this process: the machine is shared, and wall time would
 * measure the neighbours' load as much as our code. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct pages {
    dl_buf *p;
    size_t n, cap, bytes;
} pages;

static void add_page(pages *ps, const char *s, size_t n)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 64;
        ps->p = realloc(ps->p, ps->cap * sizeof *ps->p);
        if (!ps->p)
            abort();
    }
    dl_buf b = DL_BUF_INIT;
    dl_buf_append(&b, s, n);
    ps->p[ps->n++] = b;
    ps->bytes += n;
}

static void load_dir(pages *ps, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        dl_buf b = DL_BUF_INIT;
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
            dl_buf_append(&b, chunk, got);
        fclose(f);
        add_page(ps, b.data, b.len);
        dl_buf_free(&b);
    }
    closedir(d);
}

/* A generated news page, different for each i. */
static void generate(pages *ps, int i)
{
    static const char *const words[] = {"council", "minister", "said", "on", "Tuesday", "the",
                                        "government", "talks", "border", "would", "and", "after",
                                        "troops", "agreement", "election", "a", "of", "in"};
    dl_buf b = DL_BUF_INIT;
    dl_buf_printf(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<title>Story %d | The Bench Times</title>"
                      "<meta property=\"og:title\" content=\"Story %d\">"
                      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Story %d\","
                      "\"datePublished\":\"2025-01-%02dT10:00:00Z\",\"author\":{\"name\":\"A. Writer\"}}</script>",
                  i, i, i, 1 + i % 28);
    for (int k = 0; k < 6; k++)
        dl_buf_printf(&b, "<script>window.cfg%d = {a: [1,2,3], s: \"%0200d\"}; function f%d(x) { return x < %d ? x : 0; }</script>",
                      k, k, k, k);
    dl_buf_puts(&b, "<style>.a{color:red}.nav li{display:inline}</style></head><body><header><nav class=\"nav\"><ul>");
    for (int k = 0; k < 20; k++)
        dl_buf_printf(&b, "<li><a href=\"/s%d\">Section %d</a></li>", k, k);
    dl_buf_puts(&b, "</ul></nav></header><main><article class=\"story\"><h1>Story</h1><p class=\"byline\">By A. Writer</p>");
    unsigned seed = (unsigned)i * 2654435761u;
    for (int p = 0; p < 12; p++) {
        dl_buf_puts(&b, "<p>");
        for (int w = 0; w < 60; w++) {
            seed = seed * 1103515245u + 12345u;
            dl_buf_puts(&b, words[(seed >> 16) % (sizeof words / sizeof *words)]);
            dl_buf_puts(&b, w % 13 == 12 ? ", " : " ");
        }
        dl_buf_puts(&b, "end.</p>");
    }
    dl_buf_puts(&b, "</article><aside class=\"sidebar\"><h3>Most read</h3><ol>");
    for (int k = 0; k < 10; k++)
        dl_buf_printf(&b, "<li><a href=\"/r%d\">Another headline number %d</a></li>", k, k);
    dl_buf_puts(&b, "</ol></aside><section id=\"comments\">");
    for (int k = 0; k < 8; k++)
        dl_buf_printf(&b, "<div class=\"comment\"><p>Reader %d wrote a comment about the story, at length.</p></div>", k);
    dl_buf_puts(&b, "</section></main><footer><p>Copyright The Bench Times</p></footer></body></html>");
    add_page(ps, b.data, b.len);
    dl_buf_free(&b);
}

static void gzip_append(FILE *out, const char *s, size_t n)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&zs, n);
    unsigned char *buf = malloc(cap);
    zs.next_in = (Bytef *)s;
    zs.avail_in = (uInt)n;
    zs.next_out = buf;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    fwrite(buf, 1, cap - zs.avail_out, out);
    deflateEnd(&zs);
    free(buf);
}

int main(int argc, char **argv)
{
    pages src = {0};
    const char *dir = argc > 1 ? argv[1] : "../shared/data/readability-pages";
    load_dir(&src, dir);
    bool real = src.n > 0;
    if (!real)
        for (int i = 0; i < 200; i++)
            generate(&src, i);
    /* repeat to about TARGET_BYTES so timings are steady */
    size_t reps = TARGET_BYTES / (src.bytes ? src.bytes : 1) + 1;
    printf("web: %zu %s pages, %.1f MB, read %zu times\n", src.n, real ? "real" : "generated",
           src.bytes / 1e6, reps);

    dl_arena *arena = dl_arena_new(0);
    dl_buf utf8 = DL_BUF_INIT;
    size_t chars = 0;
    double t0 = now();
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < src.n; i++) {
            dl_arena_reset(arena);
            dl_buf_clear(&utf8);
            dl_decode_info info;
            dl_html_page page;
            dl_decode_html(&utf8, src.p[i].data, src.p[i].len, NULL, &info);
            if (dl_html_extract(&page, utf8.data ? utf8.data : "", utf8.len, arena) == DL_OK)
                chars += page.len;
        }
    double t1 = now();
    double html_bytes = (double)src.bytes * (double)reps;
    printf("html: %.1f MB/s (%.0f pages/s; %.1f MB of text out)\n", html_bytes / 1e6 / (t1 - t0),
           (double)src.n * (double)reps / (t1 - t0), chars / 1e6);

    /* the same pages as a WARC.gz */
    mkdir("build", 0755);
    mkdir("build/bench", 0755);
    const char *path = "build/bench/pages.warc.gz";
    FILE *out = fopen(path, "wb");
    if (!out) {
        perror(path);
        return 3;
    }
    dl_buf rec = DL_BUF_INIT;
    size_t n_records = 0;
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < src.n; i++) {
            dl_buf_clear(&rec);
            char http[128];
            int hn = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            dl_buf_printf(&rec, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bench.example/%zu/%zu\r\n"
                                "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                                "Content-Length: %zu\r\n\r\n%s",
                          r, i, (size_t)hn + src.p[i].len, http);
            dl_buf_append(&rec, src.p[i].data, src.p[i].len);
            dl_buf_puts(&rec, "\r\n\r\n");
            gzip_append(out, rec.data, rec.len);
            n_records++;
        }
    fclose(out);
    struct stat sb;
    stat(path, &sb);
    FILE *fp = fopen(path, "rb");
    dl_warc *warc;
    size_t records = 0, payload = 0;
    t0 = now();
    if (fp && dl_warc_open(&warc, fp, true, 0) == DL_OK) {
        dl_warc_record wr;
        dl_status ws;
        while ((ws = dl_warc_next(warc, &wr)) != DL_ERR_EMPTY && ws != DL_ERR_NOMEM)
            if (ws == DL_OK)
                records++, payload += wr.payload_len;
        dl_warc_close(warc);
    }
    t1 = now();
    if (fp)
        fclose(fp);
    printf("warc.gz records: %.1f MB/s compressed (%zu records, %.1f MB of payload)\n",
           (double)sb.st_size / 1e6 / (t1 - t0), records, payload / 1e6);
    dl_reader_options o = DL_READER_OPTIONS_INIT;
    dl_reader *reader;
    const char *paths[1] = {path};
    t0 = now();
    size_t docs = 0;
    if (dl_reader_open(&reader, paths, 1, &o) == DL_OK) {
        const dl_document *d;
        while (dl_reader_next(reader, &d) == DL_OK)
            docs++;
        dl_reader_close(reader);
    }
    t1 = now();
    printf("warc.gz documents: %.1f MB/s compressed (%.1f MB, %zu records, %zu documents, %.0f records/s)\n",
           (double)sb.st_size / 1e6 / (t1 - t0), (double)sb.st_size / 1e6, n_records, docs,
           (double)n_records / (t1 - t0));
    unlink(path);
    dl_buf_free(&rec);
    dl_buf_free(&utf8);
    dl_arena_free(arena);
    for (size_t i = 0; i < src.n; i++)
        dl_buf_free(&src.p[i]);
    free(src.p);
    return 0;
}
