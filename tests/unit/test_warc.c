/* test_warc.c: gzip members and WARC records, whole and broken. */
#include "test.h"
#include "base/buf.h"
#include "doc/gzip.h"
#include "doc/warc.h"

#include <stdlib.h>
#include <zlib.h>

/* One gzip member holding s. */
static void gzip_member(dl_buf *out, const char *s, size_t n)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&zs, n) + 32;
    dl_buf_reserve(out, cap);
    zs.next_in = (Bytef *)s;
    zs.avail_in = (uInt)n;
    zs.next_out = (Bytef *)out->data + out->len;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    out->len += cap - zs.avail_out;
    deflateEnd(&zs);
}

static void record(dl_buf *out, const char *type, const char *uri, const char *ctype, const char *block)
{
    dl_buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-05T10:20:30Z\r\n"
                       "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n",
                  type, uri, ctype, strlen(block), block);
}

static FILE *mem(const dl_buf *b)
{
    return fmemopen(b->data, b->len, "rb");
}

TEST(gzip_members_stream)
{
    dl_buf z = DL_BUF_INIT;
    gzip_member(&z, "hello ", 6);
    gzip_member(&z, "world", 5);
    FILE *fp = mem(&z);
    dl_gz *gz = dl_gz_open(fp);
    char buf[64];
    size_t n = 0;
    ssize_t got;
    while ((got = dl_gz_read(gz, buf + n, sizeof buf - n)) > 0)
        n += (size_t)got;
    CHECK_INT(got, 0);
    CHECK_INT(n, 11);
    CHECK(!memcmp(buf, "hello world", 11));
    dl_gz_close(gz);
    fclose(fp);
    /* cut short: an error once, then the end */
    z.len -= 6;
    fp = mem(&z);
    gz = dl_gz_open(fp);
    n = 0;
    while ((got = dl_gz_read(gz, buf + n, sizeof buf - n)) > 0)
        n += (size_t)got;
    CHECK_INT(got, -1);
    uint64_t at;
    CHECK(strstr(dl_gz_error(gz, &at), "cut short") != NULL);
    CHECK(at > 0);
    CHECK_INT(dl_gz_read(gz, buf, sizeof buf), 0);
    dl_gz_close(gz);
    fclose(fp);
    dl_buf_free(&z);
}

TEST(warc_records_plain)
{
    dl_buf w = DL_BUF_INIT;
    record(&w, "warcinfo", "", "application/warc-fields", "software: test\r\n");
    record(&w, "response", "http://example.org/a", "application/http; msgtype=response",
           "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\n<p>Hi\r\n6\r\n there\r\n0\r\n\r\n");
    record(&w, "resource", "<http://example.org/n.txt>", "text/plain", "note");
    FILE *fp = mem(&w);
    dl_warc *warc;
    CHECK_INT(dl_warc_open(&warc, fp, false, 0), DL_OK);
    dl_warc_record r;
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.type, "warcinfo");
    CHECK_INT(r.offset, 0);
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.type, "response");
    CHECK_STR(r.target_uri, "http://example.org/a");
    CHECK_STR(r.date, "2024-03-05T10:20:30Z");
    CHECK_INT(r.http_status, 200);
    CHECK_STR(r.content_type, "text/html; charset=utf-8");
    CHECK_INT(r.payload_len, 11);
    CHECK(!memcmp(r.payload, "<p>Hi there", 11));
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, "http://example.org/n.txt");
    CHECK_INT(r.payload_len, 4);
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_EMPTY);
    dl_warc_close(warc);
    fclose(fp);
    dl_buf_free(&w);
}

TEST(warc_broken_records_skipped)
{
    dl_buf w = DL_BUF_INIT;
    dl_buf_puts(&w, "garbage line\r\nmore garbage\r\n");
    record(&w, "resource", "http://example.org/1", "text/plain", "one");
    dl_buf_puts(&w, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: x12\r\n\r\nzzz\r\n\r\n");
    record(&w, "resource", "http://example.org/2", "text/plain", "two");
    dl_buf_puts(&w, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 500\r\n\r\ncut");
    FILE *fp = mem(&w);
    dl_warc *warc;
    CHECK_INT(dl_warc_open(&warc, fp, false, 0), DL_OK);
    dl_warc_record r;
    uint64_t at;
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_PARSE);
    CHECK(strstr(dl_warc_error(warc, &at), "not a WARC record header") != NULL);
    CHECK_INT(at, 0);
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, "http://example.org/1");
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_PARSE);
    CHECK(strstr(dl_warc_error(warc, &at), "Content-Length") != NULL);
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, "http://example.org/2");
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_PARSE);
    CHECK(strstr(dl_warc_error(warc, &at), "cut short") != NULL);
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_EMPTY);
    dl_warc_close(warc);
    fclose(fp);
    dl_buf_free(&w);
}

TEST(warc_gz_damaged_member_offset)
{
    dl_buf plain = DL_BUF_INIT, z = DL_BUF_INIT;
    const char *uris[3] = {"http://example.org/1", "http://example.org/2", "http://example.org/3"};
    size_t starts[3];
    for (int i = 0; i < 3; i++) {
        dl_buf_clear(&plain);
        record(&plain, "resource", uris[i], "text/plain", "some text of the record, long enough to compress");
        starts[i] = z.len;
        gzip_member(&z, plain.data, plain.len);
    }
    memset(z.data + starts[1] + 12, 'X', 20); /* the second member's deflate data */
    FILE *fp = mem(&z);
    dl_warc *warc;
    CHECK_INT(dl_warc_open(&warc, fp, true, 0), DL_OK);
    dl_warc_record r;
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, uris[0]);
    CHECK_INT(r.offset, 0);
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_PARSE);
    uint64_t at;
    CHECK(strstr(dl_warc_error(warc, &at), "damaged gzip member") != NULL);
    CHECK_INT(at, starts[1]);
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, uris[2]);
    CHECK_INT(r.offset, starts[2]);
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_EMPTY);
    dl_warc_close(warc);
    fclose(fp);
    dl_buf_free(&plain);
    dl_buf_free(&z);
}

TEST(warc_record_over_limit_skipped)
{
    dl_buf w = DL_BUF_INIT;
    char big[3000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    record(&w, "resource", "http://example.org/big", "text/plain", big);
    record(&w, "resource", "http://example.org/small", "text/plain", "small");
    FILE *fp = mem(&w);
    dl_warc *warc;
    CHECK_INT(dl_warc_open(&warc, fp, false, 1000), DL_OK);
    dl_warc_record r;
    CHECK_INT(dl_warc_next(warc, &r), DL_ERR_LIMIT);
    CHECK_INT(dl_warc_next(warc, &r), DL_OK);
    CHECK_STR(r.target_uri, "http://example.org/small");
    dl_warc_close(warc);
    fclose(fp);
    dl_buf_free(&w);
}
