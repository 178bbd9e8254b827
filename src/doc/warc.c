/* warc.c: WARC records from a plain or gzipped stream (see warc.h). */
#include "doc/warc.h"
#include "base/buf.h"
#include "doc/gzip.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

enum { CHUNK = 1 << 16, MAX_HEADER_LINE = 1 << 16, MAX_HEADERS = 256 };

/* Which gzip member a stretch of decompressed bytes came from. */
typedef struct mark {
    uint64_t pos;     /* decompressed offset where the stretch starts */
    uint64_t member;  /* compressed offset of its member */
} mark;

struct dl_warc {
    FILE *fp;
    dl_gz *gz;
    size_t max_record;
    char *buf;
    size_t cap, start, end; /* unread bytes are buf[start, end) */
    uint64_t pos;           /* stream offset of buf[start] */
    bool eof;
    mark *marks;
    size_t n_marks, cap_marks;
    dl_buf header, block, body;
    char message[200];
    uint64_t error_at;
    const char *gz_error;   /* set when the stream reported damage */
};

dl_status dl_warc_open(dl_warc **out, FILE *fp, bool gzip, size_t max_record)
{
    dl_warc *w = calloc(1, sizeof *w);
    if (!w)
        return DL_ERR_NOMEM;
    w->fp = fp;
    w->max_record = max_record ? max_record : (size_t)64 << 20;
    if (gzip && !(w->gz = dl_gz_open(fp))) {
        free(w);
        return DL_ERR_NOMEM;
    }
    *out = w;
    return DL_OK;
}

void dl_warc_close(dl_warc *w)
{
    if (!w)
        return;
    dl_gz_close(w->gz);
    free(w->buf);
    free(w->marks);
    dl_buf_free(&w->header);
    dl_buf_free(&w->block);
    dl_buf_free(&w->body);
    free(w);
}

const char *dl_warc_error(const dl_warc *w, uint64_t *offset)
{
    if (offset)
        *offset = w->error_at;
    return w->message;
}

/* The offset to report for stream position pos. */
static uint64_t where(const dl_warc *w, uint64_t pos)
{
    if (!w->gz)
        return pos;
    uint64_t m = 0;
    for (size_t i = 0; i < w->n_marks && w->marks[i].pos <= pos; i++)
        m = w->marks[i].member;
    return m;
}

/* Reads more bytes: > 0 read, 0 at the end, -1 on damage in the stream. */
static int fill(dl_warc *w)
{
    if (w->eof)
        return 0;
    if (w->start > 0 && w->start == w->end) {
        w->start = w->end = 0;
    } else if (w->start > w->cap / 2) {
        memmove(w->buf, w->buf + w->start, w->end - w->start);
        w->end -= w->start;
        w->start = 0;
    }
    if (w->cap - w->end < CHUNK) {
        size_t cap = w->cap ? w->cap * 2 : 4 * CHUNK;
        char *nb = realloc(w->buf, cap);
        if (!nb)
            return -2;
        w->buf = nb;
        w->cap = cap;
    }
    /* marks for stretches wholly before the unread bytes are not needed */
    size_t keep = 0;
    while (keep + 1 < w->n_marks && w->marks[keep + 1].pos <= w->pos)
        keep++;
    if (keep) {
        memmove(w->marks, w->marks + keep, (w->n_marks - keep) * sizeof *w->marks);
        w->n_marks -= keep;
    }
    uint64_t at = w->pos + (w->end - w->start);
    ssize_t got;
    if (w->gz) {
        got = dl_gz_read(w->gz, w->buf + w->end, w->cap - w->end);
        if (got < 0) {
            uint64_t off;
            w->gz_error = dl_gz_error(w->gz, &off);
            w->error_at = off;
            return -1;
        }
        if (got > 0) {
            if (w->n_marks == w->cap_marks) {
                size_t c = w->cap_marks ? w->cap_marks * 2 : 16;
                mark *nm = realloc(w->marks, c * sizeof *nm);
                if (!nm)
                    return -2;
                w->marks = nm;
                w->cap_marks = c;
            }
            w->marks[w->n_marks++] = (mark){at, dl_gz_member_offset(w->gz)};
        }
    } else {
        got = (ssize_t)fread(w->buf + w->end, 1, w->cap - w->end, w->fp);
    }
    if (got == 0)
        w->eof = true;
    w->end += (size_t)got;
    return got > 0;
}

static void consume(dl_warc *w, size_t n)
{
    w->start += n;
    w->pos += n;
}

/* Finds the next line (without consuming it): sets *len to its length
 * including the '\n' (or to the rest, at the end). 1 found, 0 at the end,
 * -1 damage, -2 out of memory, -3 line too long. */
static int peek_line(dl_warc *w, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        char *nl = w->end > w->start + scanned
                       ? memchr(w->buf + w->start + scanned, '\n', w->end - w->start - scanned)
                       : NULL; /* nothing buffered yet: buf may still be NULL */
        if (nl) {
            *len = (size_t)(nl - (w->buf + w->start)) + 1;
            return 1;
        }
        scanned = w->end - w->start;
        if (scanned > MAX_HEADER_LINE)
            return -3;
        int r = fill(w);
        if (r < 0)
            return r;
        if (r == 0) {
            *len = w->end - w->start;
            return *len ? 1 : 0;
        }
    }
}

static bool blank(const char *s, size_t n)
{
    return (n == 1 && s[0] == '\n') || (n == 2 && s[0] == '\r' && s[1] == '\n');
}

static dl_status fail(dl_warc *w, dl_status st, uint64_t pos, const char *what)
{
    w->error_at = where(w, pos);
    snprintf(w->message, sizeof w->message, "%s", what);
    return st;
}

/* After damage in the stream: what was buffered is lost with the record. */
static dl_status stream_damage(dl_warc *w)
{
    snprintf(w->message, sizeof w->message, "%s; record skipped", w->gz_error);
    w->start = w->end = 0;
    w->gz_error = NULL;
    return DL_ERR_PARSE;
}

/* Skips lines up to the next that starts a record. */
static dl_status resync(dl_warc *w)
{
    for (;;) {
        size_t n;
        int r = peek_line(w, &n);
        if (r == -2)
            return DL_ERR_NOMEM;
        if (r == -1) {
            w->start = w->end = 0;
            continue;
        }
        if (r == -3) {
            consume(w, w->end - w->start);
            continue;
        }
        if (r == 0)
            return DL_OK;
        if (n >= 6 && !memcmp(w->buf + w->start, "WARC/", 5))
            return DL_OK;
        consume(w, n);
    }
}

/* Reads n bytes of the block into out. */
static int read_block(dl_warc *w, dl_buf *out, size_t n)
{
    dl_buf_clear(out);
    if (dl_buf_reserve(out, n))
        return -2;
    while (out->len < n) {
        if (w->start == w->end) {
            int r = fill(w);
            if (r <= 0)
                return r;
        }
        size_t take = w->end - w->start;
        if (take > n - out->len)
            take = n - out->len;
        dl_buf_append(out, w->buf + w->start, take);
        consume(w, take);
    }
    return 1;
}

/* A header's value in the header block (lines "Name: value\r\n"), or NULL.
 * Values are NUL-terminated in place. */
static const char *header_value(char *hdr, size_t n, const char *name)
{
    size_t m = strlen(name);
    for (size_t i = 0; i < n;) {
        char *line = hdr + i;
        char *nl = memchr(line, '\n', n - i);
        size_t len = nl ? (size_t)(nl - line) : n - i;
        if (len > m && !strncasecmp(line, name, m) && line[m] == ':') {
            char *v = line + m + 1;
            char *e = line + len;
            while (v < e && (*v == ' ' || *v == '\t'))
                v++;
            while (e > v && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\0'))
                e--;
            *e = '\0';
            return v;
        }
        i += len + 1;
    }
    return NULL;
}

static int inflate_all(dl_buf *out, const char *s, size_t n, size_t max)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK)
        return -1;
    zs.next_in = (Bytef *)s;
    zs.avail_in = (uInt)n;
    int ret = Z_OK;
    while (ret == Z_OK) {
        if (out->len > max || dl_buf_reserve(out, CHUNK)) {
            ret = Z_MEM_ERROR;
            break;
        }
        zs.next_out = (Bytef *)out->data + out->len;
        zs.avail_out = (uInt)(out->cap - out->len - 1);
        uInt before = zs.avail_out;
        ret = inflate(&zs, Z_NO_FLUSH);
        out->len += before - zs.avail_out;
        out->data[out->len] = '\0';
        if (ret == Z_BUF_ERROR && zs.avail_in == 0)
            break;
    }
    inflateEnd(&zs);
    return ret == Z_STREAM_END ? 0 : -1;
}

/* Undoes chunked transfer coding; false if s is not chunked after all. */
static bool dechunk(dl_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        char *end;
        unsigned long size = strtoul(s + i, &end, 16);
        if (end == s + i)
            return false;
        const char *nl = memchr(end, '\n', n - (size_t)(end - s));
        if (!nl)
            return false;
        i = (size_t)(nl - s) + 1;
        if (size == 0)
            return true;
        if (size > n - i)
            size = n - i; /* cut short: keep what there is */
        if (dl_buf_append(out, s + i, size))
            return false;
        i += size;
        while (i < n && (s[i] == '\r' || s[i] == '\n'))
            i++;
    }
    return true;
}

/* Splits an HTTP response into status, headers and body. */
static void read_http(dl_warc *w, dl_warc_record *rec)
{
    char *s = w->block.data;
    size_t n = w->block.len;
    rec->payload = s;
    rec->payload_len = n;
    if (n < 12 || strncmp(s, "HTTP/", 5))
        return;
    const char *sp = memchr(s, ' ', n < 16 ? n : 16);
    if (sp)
        rec->http_status = atoi(sp + 1);
    char *body = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '\n' && (s[i + 1] == '\n' || (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n'))) {
            body = s + i + (s[i + 1] == '\n' ? 2 : 3);
            break;
        }
    if (!body)
        return;
    size_t hn = (size_t)(body - s);
    body[-1] = '\0'; /* the header block ends at the blank line */
    size_t bn = n - hn;
    const char *ct = header_value(s, hn, "Content-Type");
    const char *te = header_value(s, hn, "Transfer-Encoding");
    const char *ce = header_value(s, hn, "Content-Encoding");
    rec->content_type = ct;
    rec->payload = body;
    rec->payload_len = bn;
    dl_buf_clear(&w->body);
    if (te && strcasestr(te, "chunked") && dechunk(&w->body, body, bn)) {
        rec->payload = w->body.data ? w->body.data : "";
        rec->payload_len = w->body.len;
    }
    if (ce && (strcasestr(ce, "gzip") || strcasestr(ce, "deflate"))) {
        dl_buf z = DL_BUF_INIT;
        if (inflate_all(&z, rec->payload, rec->payload_len, w->max_record) == 0) {
            dl_buf_clear(&w->body);
            dl_buf_append(&w->body, z.data ? z.data : "", z.len);
            rec->payload = w->body.data ? w->body.data : "";
            rec->payload_len = w->body.len;
        }
        dl_buf_free(&z);
    }
}

dl_status dl_warc_next(dl_warc *w, dl_warc_record *rec)
{
    memset(rec, 0, sizeof *rec);
    w->message[0] = '\0';
    /* blank lines between records */
    size_t n;
    int r;
    for (;;) {
        r = peek_line(w, &n);
        if (r == 0)
            return DL_ERR_EMPTY;
        if (r == -2)
            return DL_ERR_NOMEM;
        if (r == -1)
            return stream_damage(w);
        if (r == -3) {
            dl_status st = fail(w, DL_ERR_PARSE, w->pos, "no WARC record header here (a line over 64 KB); skipped to the next record");
            consume(w, w->end - w->start);
            return resync(w) ? DL_ERR_NOMEM : st;
        }
        if (!blank(w->buf + w->start, n))
            break;
        consume(w, n);
    }
    uint64_t rec_pos = w->pos;
    rec->offset = where(w, rec_pos);
    if (n < 6 || memcmp(w->buf + w->start, "WARC/", 5)) {
        dl_status st = fail(w, DL_ERR_PARSE, rec_pos, "not a WARC record header (\"WARC/1.x\" expected); skipped to the next record");
        consume(w, n);
        return resync(w) ? DL_ERR_NOMEM : st;
    }
    consume(w, n);
    /* header lines up to the blank line */
    dl_buf_clear(&w->header);
    for (int lines = 0;; lines++) {
        r = peek_line(w, &n);
        if (r == -2)
            return DL_ERR_NOMEM;
        if (r == -1)
            return stream_damage(w);
        if (r == 0)
            return fail(w, DL_ERR_PARSE, rec_pos, "WARC record cut short in its header");
        if (r == -3 || lines > MAX_HEADERS) {
            dl_status st = fail(w, DL_ERR_PARSE, rec_pos, "WARC header too long; record skipped");
            return resync(w) ? DL_ERR_NOMEM : st;
        }
        bool end = blank(w->buf + w->start, n);
        if (!end && dl_buf_append(&w->header, w->buf + w->start, n))
            return DL_ERR_NOMEM;
        consume(w, n);
        if (end)
            break;
    }
    char *h = w->header.data ? w->header.data : (char *)"";
    size_t hn = w->header.len;
    /* values are cut in place, so read every one before using any */
    const char *type = header_value(h, hn, "WARC-Type");
    const char *uri = header_value(h, hn, "WARC-Target-URI");
    const char *date = header_value(h, hn, "WARC-Date");
    const char *ctype = header_value(h, hn, "Content-Type");
    const char *clen = header_value(h, hn, "Content-Length");
    char *endp = NULL;
    unsigned long long len = clen ? strtoull(clen, &endp, 10) : 0;
    if (!clen || endp == clen || *endp || (clen && clen[0] == '-')) {
        dl_status st = fail(w, DL_ERR_PARSE, rec_pos, "WARC record without a valid Content-Length; skipped");
        return resync(w) ? DL_ERR_NOMEM : st;
    }
    if (uri && uri[0] == '<') { /* WARC/0.x and some writers bracket the URI */
        char *u = (char *)uri + 1;
        char *e = strchr(u, '>');
        if (e)
            *e = '\0';
        uri = u;
    }
    if (len > w->max_record) {
        /* skip the block without keeping it */
        unsigned long long left = len;
        while (left) {
            if (w->start == w->end && (r = fill(w)) <= 0)
                return r < 0 ? stream_damage(w) : fail(w, DL_ERR_PARSE, rec_pos, "WARC record cut short");
            size_t take = w->end - w->start;
            if (take > left)
                take = (size_t)left;
            consume(w, take);
            left -= take;
        }
        snprintf(w->message, sizeof w->message, "WARC record of %llu bytes is over the limit of %zu; skipped",
                 len, w->max_record);
        w->error_at = where(w, rec_pos);
        return DL_ERR_LIMIT;
    }
    r = read_block(w, &w->block, (size_t)len);
    if (r == -2)
        return DL_ERR_NOMEM;
    if (r < 0)
        return stream_damage(w);
    if (r == 0) {
        char msg[120];
        snprintf(msg, sizeof msg, "WARC record cut short: %zu of %llu bytes (the file is truncated)",
                 w->block.len, len);
        return fail(w, DL_ERR_PARSE, rec_pos, msg);
    }
    if (!w->block.data && dl_buf_append(&w->block, "", 0))
        return DL_ERR_NOMEM;
    rec->type = type ? type : "";
    rec->target_uri = uri;
    rec->date = date;
    rec->content_type = ctype;
    rec->payload = w->block.data;
    rec->payload_len = w->block.len;
    if (type && !strcmp(type, "response"))
        read_http(w, rec);
    return DL_OK;
}
