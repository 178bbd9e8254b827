/* reader.c: from paths to documents.
 *
 * A path is a file, a directory (read recursively, in sorted order, hidden
 * entries skipped) or "-" for standard input. A text file is one document;
 * a JSONL file is one document per line, read as a stream so memory stays
 * flat however long the file; an HTML page is one document (its main text
 * and metadata, see html.h); a WARC archive (plain or gzipped) is one
 * document per record holding a page or text, read record by record. Every problem is reported through the diag
 * callback with the file and line, and reading goes on with the next
 * record or file: one bad record never costs the rest of the input.
 *
 * Directory walks follow symbolic links, but each directory and each file
 * is read once however many links lead to it: both are known by device
 * and inode, so a link to ".", a loop of links or two links to one file
 * cost one warning each, not an endless walk or a file read twice.
 *
 * Nothing is dropped or changed in silence: "\u0000" and lone surrogate
 * escapes in JSON become U+FFFD with a warning, a NUL byte in a text file
 * is repaired like invalid UTF-8 (only a file that is mostly NULs, and is
 * not UTF-16, is binary), UTF-16 without a byte-order mark is recognised
 * by its zero bytes, and an empty text or a repeated id is reported. */
#include "base/map.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "base/date.h"
#include "doc/encoding.h"
#include "doc/gzip.h"
#include "doc/html.h"
#include "doc/warc.h"

#include <cjson/cJSON.h>
#include <time.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dl_reader {
    dl_reader_options opt;
    char **files;     /* expanded input list, "-" for stdin */
    size_t n_files, cap_files, next_file;
    /* the file being read */
    FILE *fp;
    const char *path;
    dl_format format;
    uint64_t line;    /* lines consumed so far in fp */
    uint64_t offset;  /* bytes consumed so far in fp */
    char *line_buf;   /* getline() buffer */
    size_t line_cap;
    FILE *under;      /* the file under a peek stream (see peekable()) */
    dl_warc *warc;    /* the archive being read, for DL_FORMAT_WARC */
    /* the current document and its storage */
    dl_document doc;
    dl_buf text;
    dl_arena *arena;
    dl_reader_stats stats;
    dl_map *seen_nodes; /* "dev:ino" of every directory and file listed */
    dl_map *seen_ids;   /* JSONL ids of the current file -> first line */
};

static void free_ids(dl_reader *r) { dl_map_free(r->seen_ids); }

/* Has the file or directory sb been listed already? Records it if not.
 * -1 when out of memory. */
static int seen_node(dl_reader *r, const struct stat *sb)
{
    char key[64];
    int n = snprintf(key, sizeof key, "%llx:%llx", (unsigned long long)sb->st_dev,
                     (unsigned long long)sb->st_ino);
    bool created = false;
    void **slot = dl_map_slot(r->seen_nodes, key, (size_t)n, &created);
    if (!slot)
        return -1;
    if (!created)
        return 1;
    *slot = (void *)1;
    return 0;
}

static void diag(dl_reader *r, dl_severity sev, dl_status st, const char *file, uint64_t line,
                 uint64_t byte, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void diag(dl_reader *r, dl_severity sev, dl_status st, const char *file, uint64_t line,
                 uint64_t byte, const char *fmt, ...)
{
    if (sev == DL_ERROR)
        r->stats.errors++;
    else
        r->stats.warnings++;
    if (!r->opt.diag)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_diag d = {sev, st, file, line, byte, msg};
    r->opt.diag(r->opt.diag_user, &d);
}

static int add_file(dl_reader *r, const char *path)
{
    struct stat sb;
    bool have_stat = strcmp(path, "-") && stat(path, &sb) == 0;
    if (have_stat && S_ISREG(sb.st_mode)) {
        int seen = seen_node(r, &sb);
        if (seen < 0)
            return -1;
        if (seen) {
            diag(r, DL_WARNING, DL_ERR_IO, path, 0, 0, "same file as one already read (a link?); not read again");
            return 0;
        }
    }
    if (r->n_files == r->cap_files) {
        size_t cap = r->cap_files ? r->cap_files * 2 : 16;
        char **f = realloc(r->files, cap * sizeof *f);
        if (!f)
            return -1;
        r->files = f;
        r->cap_files = cap;
    }
    if (!(r->files[r->n_files] = strdup(path)))
        return -1;
    r->n_files++;
    r->stats.total_files++;
    if (have_stat)
        r->stats.total_bytes += (uint64_t)sb.st_size;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every regular file below dir, depth first, names sorted. */
static int add_dir(dl_reader *r, const char *dir, int depth)
{
    if (depth > 64) {
        diag(r, DL_ERROR, DL_ERR_LIMIT, dir, 0, 0, "directories nested too deep; skipped");
        return 0;
    }
    struct stat ds;
    if (stat(dir, &ds) == 0) {
        int seen = seen_node(r, &ds);
        if (seen < 0)
            return -1;
        if (seen) {
            diag(r, DL_WARNING, DL_ERR_IO, dir, 0, 0,
                 "directory already read (a symbolic link loop or a second link to it); not read again");
            return 0;
        }
    }
    DIR *d = opendir(dir);
    if (!d) {
        diag(r, DL_ERROR, DL_ERR_IO, dir, 0, 0, "cannot read directory: %s", strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            dl_buf p = DL_BUF_INIT;
            size_t dn = strlen(dir);
            while (dn > 1 && dir[dn - 1] == '/')
                dn--; /* "examples/" + "a.txt" is "examples/a.txt" */
            if (dl_buf_printf(&p, "%.*s/%s", (int)dn, dir, names[i])) {
                rc = -1;
            } else {
                struct stat sb;
                if (stat(p.data, &sb) != 0)
                    diag(r, DL_ERROR, DL_ERR_IO, p.data, 0, 0, "cannot read: %s", strerror(errno));
                else if (S_ISDIR(sb.st_mode))
                    rc = add_dir(r, p.data, depth + 1);
                else if (S_ISREG(sb.st_mode))
                    rc = add_file(r, p.data);
            }
            dl_buf_free(&p);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

dl_status dl_reader_open(dl_reader **out, const char *const *paths, size_t npaths,
                         const dl_reader_options *options)
{
    dl_reader *r = calloc(1, sizeof *r);
    if (!r)
        return DL_ERR_NOMEM;
    dl_reader_options defaults = DL_READER_OPTIONS_INIT;
    r->opt = options ? *options : defaults;
    if (!r->opt.max_file_bytes)
        r->opt.max_file_bytes = (size_t)1 << 30;
    if (!r->opt.max_record_bytes)
        r->opt.max_record_bytes = (size_t)16 << 20;
    if (!(r->arena = dl_arena_new(0)) || !(r->seen_nodes = dl_map_new()) || !(r->seen_ids = dl_map_new())) {
        dl_reader_close(r);
        return DL_ERR_NOMEM;
    }
    for (size_t i = 0; i < npaths; i++) {
        struct stat sb;
        int rc = 0;
        if (strcmp(paths[i], "-") == 0)
            rc = add_file(r, "-");
        else if (stat(paths[i], &sb) != 0)
            diag(r, DL_ERROR, DL_ERR_IO, paths[i], 0, 0, "cannot open: %s", strerror(errno));
        else if (S_ISDIR(sb.st_mode))
            rc = add_dir(r, paths[i], 0);
        else
            rc = add_file(r, paths[i]);
        if (rc) {
            dl_reader_close(r);
            return DL_ERR_NOMEM;
        }
    }
    *out = r;
    return DL_OK;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static void close_file(dl_reader *r)
{
    dl_warc_close(r->warc);
    r->warc = NULL;
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    if (r->under && r->under != stdin)
        fclose(r->under);
    r->under = NULL;
    r->fp = NULL;
}

/* A stream that gives back bytes already read from a pipe, then the rest
 * of the pipe: formats are told by their first bytes, and standard input
 * cannot be rewound. */
typedef struct peeked {
    FILE *under;
    char head[1024];
    size_t n, at;
} peeked;

static ssize_t peeked_read(void *cookie, char *buf, size_t size)
{
    peeked *p = cookie;
    if (p->at < p->n) {
        size_t k = p->n - p->at < size ? p->n - p->at : size;
        memcpy(buf, p->head + p->at, k);
        p->at += k;
        return (ssize_t)k;
    }
    size_t got = fread(buf, 1, size, p->under);
    return got ? (ssize_t)got : ferror(p->under) ? -1 : 0;
}

static int peeked_close(void *cookie)
{
    free(cookie);
    return 0;
}

/* Reads the first bytes of fp into head (up to cap) and leaves a stream
 * in r->fp that starts from the beginning again. Returns the count. */
static size_t peek_head(dl_reader *r, FILE *fp, char *head, size_t cap)
{
    size_t got = fread(head, 1, cap, fp);
    if (fseek(fp, 0, SEEK_SET) == 0) {
        r->fp = fp;
        return got;
    }
    peeked *p = calloc(1, sizeof *p);
    cookie_io_functions_t io = {peeked_read, NULL, NULL, peeked_close};
    FILE *wrapped = p ? fopencookie(p, "rb", io) : NULL;
    if (!wrapped) {
        free(p);
        r->fp = fp; /* cannot rewind: read on from here */
        return 0;
    }
    p->under = fp;
    p->n = got < sizeof p->head ? got : sizeof p->head;
    memcpy(p->head, head, p->n);
    r->fp = wrapped;
    r->under = fp;
    return got;
}

static bool is_warc_name(const char *path)
{
    return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz") || has_suffix(path, ".arc.gz");
}

static bool is_html_name(const char *path)
{
    return has_suffix(path, ".html") || has_suffix(path, ".htm") || has_suffix(path, ".xhtml") ||
           has_suffix(path, ".shtml");
}

/* Opens the next file and decides its format: by extension, else by the
 * first bytes (WARC's "WARC/" or gzip's magic, '{' for JSONL, a doctype
 * or <html> for HTML). A file taken as text is checked again once read:
 * a page saved as .txt is still HTML. */
static bool open_next_file(dl_reader *r)
{
    while (r->next_file < r->n_files) {
        const char *path = r->files[r->next_file++];
        FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!fp) {
            diag(r, DL_ERROR, DL_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
            continue;
        }
        r->path = path;
        r->line = 0;
        r->offset = 0;
        r->stats.files++;
        r->format = r->opt.format;
        char head[1024];
        size_t n_head = peek_head(r, fp, head, sizeof head);
        if (r->format == DL_FORMAT_AUTO) {
            if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") || has_suffix(path, ".json"))
                r->format = DL_FORMAT_JSONL;
            else if (is_warc_name(path))
                r->format = DL_FORMAT_WARC;
            else if (is_html_name(path))
                r->format = DL_FORMAT_HTML;
            else if (has_suffix(path, ".txt") || has_suffix(path, ".text"))
                r->format = DL_FORMAT_TEXT;
            else if (dl_gz_magic(head, n_head) || (n_head >= 5 && !memcmp(head, "WARC/", 5)))
                r->format = DL_FORMAT_WARC;
            else {
                size_t i = 0;
                while (i < n_head && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
                    i++;
                r->format = i < n_head && head[i] == '{' ? DL_FORMAT_JSONL
                            : dl_html_sniff(head, n_head) ? DL_FORMAT_HTML
                                                          : DL_FORMAT_TEXT;
            }
        }
        if (r->format == DL_FORMAT_WARC &&
            dl_warc_open(&r->warc, r->fp, dl_gz_magic(head, n_head), r->opt.max_file_bytes < ((size_t)64 << 20) ? r->opt.max_file_bytes : 0)) {
            diag(r, DL_ERROR, DL_ERR_NOMEM, path, 0, 0, "out of memory; skipped");
            close_file(r);
            continue;
        }
        return true;
    }
    return false;
}

/* Turns raw bytes into valid UTF-8 in r->text: a UTF-8 byte-order mark is
 * dropped, UTF-16 with a byte-order mark is converted, bytes that are not
 * UTF-8 are replaced by U+FFFD with a warning, and text that is mostly not
 * UTF-8 is read as Windows-1252, the usual encoding of old web pages.
 * Returns false (after reporting) for binary data. */
static bool decode_text(dl_reader *r, const char *s, size_t n, uint64_t line, uint64_t at)
{
    dl_buf_clear(&r->text);
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3;
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF))) {
        bool le = (unsigned char)s[0] == 0xFF;
        for (size_t i = 2; i + 1 < n; i += 2) {
            int32_t u = le ? (unsigned char)s[i] | (unsigned char)s[i + 1] << 8
                           : (unsigned char)s[i] << 8 | (unsigned char)s[i + 1];
            if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
                int32_t lo = le ? (unsigned char)s[i + 2] | (unsigned char)s[i + 3] << 8
                                : (unsigned char)s[i + 2] << 8 | (unsigned char)s[i + 3];
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                } else {
                    u = 0xFFFD;
                }
            } else if (u >= 0xD800 && u <= 0xDFFF) {
                u = 0xFFFD;
            }
            char enc[4];
            if (dl_buf_append(&r->text, enc, dl_utf8_encode(u, enc)))
                return false;
        }
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at, "UTF-16 text converted to UTF-8");
        return true;
    }
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        /* Zero bytes: UTF-16 without a byte-order mark puts them at every
         * other position (ASCII text); a few NULs in text are damage to
         * repair; a file that is mostly zeros or control bytes is binary. */
        size_t zeros[2] = {0, 0}, ctl = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!c)
                zeros[i & 1]++;
            else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                ctl++;
        }
        size_t pairs = n / 2;
        int odd = zeros[1] > zeros[0];
        if (pairs >= 2 && !(n & 1) && zeros[odd] * 10 >= pairs * 6 && zeros[!odd] * 10 <= pairs) {
            /* Mostly ASCII UTF-16: the zero half of each unit shows the order. */
            char bom[2] = {odd ? (char)0xFF : (char)0xFE, odd ? (char)0xFE : (char)0xFF};
            dl_buf tmp = DL_BUF_INIT;
            bool ok = !dl_buf_append(&tmp, bom, 2) && !dl_buf_append(&tmp, s, n) &&
                      decode_text(r, tmp.data, tmp.len, line, at);
            dl_buf_free(&tmp);
            if (ok)
                diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at, "UTF-16%s without a byte-order mark recognised",
                     odd ? "LE" : "BE");
            return ok;
        }
        size_t nuls = zeros[0] + zeros[1];
        if ((nuls + ctl) * 10 > n) {
            diag(r, DL_ERROR, DL_ERR_ENCODING, r->path, line, at + (uint64_t)(nul - s),
                 "binary data (NUL byte at byte %llu, %zu of %zu bytes zero or control); skipped",
                 (unsigned long long)(at + (uint64_t)(nul - s)), nuls + ctl, n);
            return false;
        }
        /* Text with a few NUL bytes: each becomes U+FFFD, and the rest is
         * decoded as usual. */
        dl_buf fixed = DL_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (s[i] ? dl_buf_append(&fixed, s + i, 1) : dl_buf_append(&fixed, "\xEF\xBF\xBD", 3)) {
                dl_buf_free(&fixed);
                return false;
            }
        }
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at + (uint64_t)(nul - s),
             "%zu NUL byte%s (first at byte %llu) replaced with U+FFFD", nuls, nuls == 1 ? "" : "s",
             (unsigned long long)(at + (uint64_t)(nul - s)));
        bool ok = decode_text(r, fixed.data, fixed.len, line, at);
        dl_buf_free(&fixed);
        return ok;
    }
    size_t ok = dl_utf8_valid_prefix(s, n);
    if (ok == n)
        return dl_buf_append(&r->text, s, n) == DL_OK;
    size_t bad = 0, first = 0;
    if (dl_utf8_repair(&r->text, s, n, &bad, &first))
        return false;
    /* Mostly-invalid text with no valid multi-byte sequence at all is
     * almost surely a single-byte legacy encoding: read it as cp1252. */
    size_t high = 0;
    for (size_t i = 0; i < n; i++)
        high += (unsigned char)s[i] >= 0x80;
    if (bad == high) {
        static const uint16_t cp1252[32] = {
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
        dl_buf_clear(&r->text);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            int32_t u = c < 0x80 ? c : c < 0xA0 ? cp1252[c - 0x80] : c;
            char enc[4];
            if (dl_buf_append(&r->text, enc, dl_utf8_encode(u, enc)))
                return false;
        }
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at + first,
             "not UTF-8 (first bad byte at %llu); read as Windows-1252",
             (unsigned long long)(at + first));
    } else {
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at + first,
             "invalid UTF-8 at byte %llu; %zu sequence%s replaced with U+FFFD",
             (unsigned long long)(at + first), bad, bad == 1 ? "" : "s");
    }
    return true;
}

static void reset_doc(dl_reader *r)
{
    dl_arena_reset(r->arena);
    memset(&r->doc, 0, sizeof r->doc);
    r->doc.path = r->path;
    r->doc.source = r->path;
    r->doc.format = r->format;
}

/* Makes the current document from an HTML page: decoded (BOM, the
 * header's charset, <meta charset>, else a guess), its main text and
 * metadata extracted. `at` is the page's offset in the file, for
 * messages. False (after reporting, unless quiet) when nothing is left. */
static bool html_document(dl_reader *r, const char *s, size_t n, const char *charset, uint64_t at,
                          bool quiet)
{
    const char *nul = memchr(s, '\0', n < 4096 ? n : 4096);
    if (nul && !(n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                            ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))) {
        diag(r, DL_ERROR, DL_ERR_ENCODING, r->path, 0, at + (uint64_t)(nul - s),
             "binary data where HTML was expected (NUL byte at byte %llu); skipped",
             (unsigned long long)(at + (uint64_t)(nul - s)));
        return false;
    }
    dl_buf_clear(&r->text);
    dl_decode_info info;
    if (dl_decode_html(&r->text, s, n, charset, &info)) {
        diag(r, DL_ERROR, DL_ERR_NOMEM, r->path, 0, at, "out of memory decoding the page; skipped");
        return false;
    }
    if (info.unknown)
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, 0, at,
             "unknown charset declared; read as %s", info.charset);
    if (info.n_bad)
        diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, 0, at + info.first_bad,
             "invalid %s at byte %llu; %zu sequence%s replaced with U+FFFD", info.charset,
             (unsigned long long)(at + info.first_bad), info.n_bad, info.n_bad == 1 ? "" : "s");
    reset_doc(r);
    dl_html_page page;
    dl_status st = dl_html_extract(&page, r->text.data ? r->text.data : "", r->text.len, r->arena);
    if (st) {
        diag(r, DL_ERROR, st, r->path, 0, at, "cannot read the HTML page: %s; skipped",
             dl_status_name(st));
        return false;
    }
    if (!page.len) {
        if (!quiet)
            diag(r, DL_WARNING, DL_ERR_EMPTY, r->path, 0, at, "no article text found in the HTML page");
        return false;
    }
    r->doc.format = DL_FORMAT_HTML;
    r->doc.text = page.text;
    r->doc.len = page.len;
    r->doc.title = page.title;
    r->doc.byline = page.byline;
    r->doc.date = page.date;
    r->doc.site_name = page.site_name;
    r->doc.language = page.language;
    r->doc.url = page.url;
    r->doc.line = 1;
    return true;
}

/* Reads the whole current file as one text document. */
static bool read_text_document(dl_reader *r)
{
    dl_buf raw = DL_BUF_INIT;
    char chunk[65536];
    size_t got;
    bool too_big = false;
    while ((got = fread(chunk, 1, sizeof chunk, r->fp)) > 0) {
        /* a text file is at least one article: one longer than a record
         * may be is refused unread, as a long JSONL line is */
        if (raw.len + got > r->opt.max_file_bytes || raw.len + got > r->opt.max_record_bytes) {
            too_big = true;
            break;
        }
        if (dl_buf_append(&raw, chunk, got)) {
            dl_buf_free(&raw);
            diag(r, DL_ERROR, DL_ERR_NOMEM, r->path, 0, 0, "out of memory reading file; skipped");
            return false;
        }
    }
    bool failed = ferror(r->fp);
    uint64_t start_line = r->line + 1;
    close_file(r);
    if (failed) {
        diag(r, DL_ERROR, DL_ERR_IO, r->path, 0, raw.len, "read error: %s", strerror(errno));
        dl_buf_free(&raw);
        return false;
    }
    if (too_big) {
        diag(r, DL_ERROR, DL_ERR_LIMIT, r->path, 0, 0, "file larger than %zu bytes (--max-article-bytes); skipped",
             r->opt.max_file_bytes < r->opt.max_record_bytes ? r->opt.max_file_bytes : r->opt.max_record_bytes);
        dl_buf_free(&raw);
        return false;
    }
    bool blank = true;
    for (size_t i = 0; i < raw.len && blank; i++)
        blank = raw.data[i] == ' ' || raw.data[i] == '\n' || raw.data[i] == '\r' || raw.data[i] == '\t';
    if (blank) {
        diag(r, DL_WARNING, DL_ERR_EMPTY, r->path, 0, 0, "empty file; nothing to read");
        dl_buf_free(&raw);
        return false;
    }
    r->stats.bytes += raw.len;
    if (r->format == DL_FORMAT_HTML ||
        (r->opt.format == DL_FORMAT_AUTO && dl_html_sniff(raw.data, raw.len))) {
        bool ok = html_document(r, raw.data, raw.len, NULL, 0, false);
        dl_buf_free(&raw);
        return ok;
    }
    bool ok = decode_text(r, raw.data, raw.len, 0, r->offset);
    dl_buf_free(&raw);
    if (!ok)
        return false;
    reset_doc(r);
    r->doc.text = r->text.data;
    r->doc.len = r->text.len;
    r->doc.line = start_line;
    return true;
}

/* A string field of a JSON object copied into the document arena, or
 * NULL. Numbers are accepted for "id". */
static const char *json_field(dl_reader *r, const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (cJSON_IsString(v) && v->valuestring)
        return dl_arena_strdup(r->arena, v->valuestring);
    if (cJSON_IsNumber(v)) {
        char tmp[64];
        if (v->valuedouble == (double)(long long)v->valuedouble)
            snprintf(tmp, sizeof tmp, "%lld", (long long)v->valuedouble);
        else
            snprintf(tmp, sizeof tmp, "%.17g", v->valuedouble);
        return dl_arena_strdup(r->arena, tmp);
    }
    return NULL;
}

static const char *const date_fields[] = {"date", "published", "pubdate", "datePublished", "time"};

/* The fields of a record dateline reads itself; the others are kept as
 * the document's `extra`. */
static bool known_field(const char *name)
{
    static const char *const known[] = {"text", "body", "content", "id", "url", "title", "headline", "source"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!strcmp(name, known[i]))
            return true;
    for (size_t i = 0; i < sizeof date_fields / sizeof *date_fields; i++)
        if (!strcmp(name, date_fields[i]))
            return true;
    return false;
}

/* The record's other fields as one JSON object text in the arena, or
 * NULL when there are none. */
static const char *extra_fields(dl_reader *r, cJSON *obj)
{
    cJSON *extra = NULL;
    for (cJSON *c = obj->child, *next; c; c = next) {
        next = c->next;
        if (!c->string || known_field(c->string))
            continue;
        if (!extra && !(extra = cJSON_CreateObject()))
            return NULL;
        cJSON_AddItemToObject(extra, c->string, cJSON_Duplicate(c, true));
    }
    if (!extra)
        return NULL;
    char *text = cJSON_PrintUnformatted(extra);
    cJSON_Delete(extra);
    const char *kept = text ? dl_arena_strdup(r->arena, text) : NULL;
    cJSON_free(text);
    return kept;
}

/* A date given as seconds (or milliseconds) since 1970, as some crawlers
 * write "time": 1700000000. */
static bool epoch_date(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n < 9 || n > 13 || strspn(s, "0123456789") != n)
        return false;
    long long v = atoll(s);
    if (n >= 12)
        v /= 1000;
    time_t t = (time_t)v;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return false;
    return strftime(out, size, "%Y-%m-%dT%H:%M", &tm) > 0;
}

/* Is s a JSON text cut short: inside a string, or with brackets left open?
 * That is what a record looks like when a download or a disk ran out, and
 * saying "truncated" tells the user more than "invalid at column N". */
static bool json_truncated(const char *s, size_t n)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return in_string || depth > 0;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Rewrites, in place, the JSON escapes that would lose text: "\u0000"
 * (cJSON's strings end at a NUL, so the rest of the text was cut off) and
 * a surrogate escape without its pair (cJSON refuses the whole record).
 * Both become "\uFFFD", the same length. Returns how many were changed. */
static size_t repair_json_escapes(char *s, size_t n)
{
    size_t fixed = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] != 'u' || i + 6 > n) {
            i++; /* "\\", "\"" ...: skip the escaped character */
            continue;
        }
        int u = hex4(s + i + 2);
        bool bad = u == 0;
        if (u >= 0xD800 && u <= 0xDBFF) {
            int lo = i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u' ? hex4(s + i + 8) : -1;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 11; /* a proper pair */
                continue;
            }
            bad = true;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            bad = true;
        }
        if (bad) {
            memcpy(s + i + 2, "FFFD", 4);
            fixed++;
        }
        i += 5;
    }
    return fixed;
}

/* Reads one line into r->line_buf like getline(), but keeps at most
 * `limit` bytes of it: the rest of a longer line is read and dropped
 * (*long_line set, the returned length counts every byte), so a 200 MB
 * line costs a fixed buffer, not 200 MB. */
static ssize_t read_line_bounded(dl_reader *r, size_t limit, bool *long_line)
{
    *long_line = false;
    size_t len = 0, total = 0;
    int c = EOF;
    flockfile(r->fp);
    while ((c = getc_unlocked(r->fp)) != EOF) {
        total++;
        if (len < limit) {
            if (len + 2 > r->line_cap) {
                size_t cap = r->line_cap ? r->line_cap * 2 : 4096;
                char *b = realloc(r->line_buf, cap);
                if (!b) {
                    funlockfile(r->fp);
                    return -1;
                }
                r->line_buf = b;
                r->line_cap = cap;
            }
            r->line_buf[len++] = (char)c;
        } else {
            *long_line = true;
        }
        if (c == '\n')
            break;
    }
    funlockfile(r->fp);
    if (!total)
        return -1;
    r->line_buf[len] = '\0';
    return (ssize_t)total;
}

/* Reads JSONL records until one yields a document or the file ends. */
static bool read_jsonl_document(dl_reader *r)
{
    for (;;) {
        bool long_line = false;
        ssize_t n = read_line_bounded(r, r->opt.max_record_bytes + 2, &long_line);
        if (n < 0) {
            if (ferror(r->fp))
                diag(r, DL_ERROR, DL_ERR_IO, r->path, r->line + 1, r->offset, "read error: %s",
                     strerror(errno));
            close_file(r);
            return false;
        }
        uint64_t line = ++r->line, at = r->offset;
        r->offset += (uint64_t)n;
        r->stats.bytes += (uint64_t)n;
        char *s = r->line_buf;
        size_t len = long_line ? 0 : (size_t)n;
        if (long_line || len > r->opt.max_record_bytes + 2) {
            diag(r, DL_ERROR, DL_ERR_LIMIT, r->path, line, at,
                 "record of %llu bytes is longer than the limit of %zu (--max-article-bytes); skipped",
                 (unsigned long long)n, r->opt.max_record_bytes);
            continue;
        }
        while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
            len--;
        size_t lead = 0;
        while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
            lead++;
        if (lead == len)
            continue; /* blank line */
        if (len > r->opt.max_record_bytes) {
            diag(r, DL_ERROR, DL_ERR_LIMIT, r->path, line, at,
                 "record of %zu bytes is longer than the limit of %zu (--max-article-bytes); skipped", len,
                 r->opt.max_record_bytes);
            continue;
        }
        if (!decode_text(r, s, len, line, at))
            continue;
        size_t fixed = repair_json_escapes(r->text.data, r->text.len);
        if (fixed)
            diag(r, DL_WARNING, DL_ERR_ENCODING, r->path, line, at,
                 "%zu \\u0000 or lone surrogate escape%s replaced with U+FFFD", fixed, fixed == 1 ? "" : "s");
        const char *end = NULL;
        cJSON *obj = cJSON_ParseWithLengthOpts(r->text.data, r->text.len, &end, false);
        if (!obj) {
            size_t col = end ? (size_t)(end - r->text.data) : 0;
            bool truncated = json_truncated(r->text.data, r->text.len);
            diag(r, DL_ERROR, DL_ERR_PARSE, r->path, line, at + col,
                 truncated ? "truncated JSON record (brackets or a string left open); skipped"
                           : "invalid JSON at column %zu; record skipped",
                 col + 1);
            continue;
        }
        if (!cJSON_IsObject(obj)) {
            diag(r, DL_ERROR, DL_ERR_PARSE, r->path, line, at,
                 "not a JSON object (each line must be {...}); skipped");
            cJSON_Delete(obj);
            continue;
        }
        reset_doc(r);
        const char *text = json_field(r, obj, "text");
        if (!text)
            text = json_field(r, obj, "body");
        if (!text)
            text = json_field(r, obj, "content");
        if (!text) {
            diag(r, DL_ERROR, DL_ERR_PARSE, r->path, line, at,
                 "record has no \"text\" string field; skipped");
            cJSON_Delete(obj);
            continue;
        }
        if (!*text) {
            diag(r, DL_ERROR, DL_ERR_EMPTY, r->path, line, at, "record has an empty \"text\"; skipped");
            cJSON_Delete(obj);
            continue;
        }
        r->doc.id = json_field(r, obj, "id");
        if (r->doc.id) {
            bool created = false;
            void **slot = dl_map_slot(r->seen_ids, r->doc.id, strlen(r->doc.id), &created);
            if (slot && created)
                *slot = (void *)(uintptr_t)((uint64_t)(r->next_file) << 40 | line);
            else if (slot) {
                uint64_t v = (uint64_t)(uintptr_t)*slot;
                size_t fi = (size_t)(v >> 40);
                diag(r, DL_WARNING, DL_ERR_PARSE, r->path, line, at,
                     "duplicate id \"%.60s\" (first at %s:%llu); read again", r->doc.id,
                     fi && fi <= r->n_files ? r->files[fi - 1] : "?", (unsigned long long)(v & ((1ULL << 40) - 1)));
            }
        }
        r->doc.url = json_field(r, obj, "url");
        r->doc.title = json_field(r, obj, "title");
        if (!r->doc.title)
            r->doc.title = json_field(r, obj, "headline");
        /* the names crawlers give the publication date, most usual first */
        const char *date = NULL;
        for (size_t k = 0; !date && k < sizeof date_fields / sizeof *date_fields; k++)
            date = json_field(r, obj, date_fields[k]);
        const char *source = json_field(r, obj, "source");
        r->doc.extra = extra_fields(r, obj);
        cJSON_Delete(obj);
        if (date) {
            char *norm = dl_arena_alloc(r->arena, strlen(date) + DL_DATE_MAX);
            if (norm && (dl_date_normalize(date, strlen(date), norm, strlen(date) + DL_DATE_MAX) ||
                         epoch_date(date, norm, strlen(date) + DL_DATE_MAX)))
                r->doc.date = norm;
            else
                diag(r, DL_WARNING, DL_ERR_PARSE, r->path, line, at,
                     "unrecognised date \"%.40s\"; ignored", date);
        }
        r->doc.source = r->doc.url ? r->doc.url : source ? source : r->path;
        r->doc.text = text;
        r->doc.len = strlen(text);
        r->doc.line = line;
        return true;
    }
}

static bool starts_with_ci(const char *s, const char *prefix)
{
    return s && !strncasecmp(s, prefix, strlen(prefix));
}

/* Reads WARC records until one yields a document or the archive ends.
 * Pages (HTML responses) and text (responses, resource and conversion
 * records in text/plain) are read; requests, metadata, redirects, error
 * pages and media are passed over without a word. */
static bool read_warc_document(dl_reader *r)
{
    for (;;) {
        dl_warc_record rec;
        dl_status st = dl_warc_next(r->warc, &rec);
        if (st == DL_ERR_EMPTY) {
            close_file(r);
            return false;
        }
        if (st == DL_ERR_NOMEM) {
            diag(r, DL_ERROR, st, r->path, 0, 0, "out of memory reading the archive; rest of file skipped");
            close_file(r);
            return false;
        }
        if (st) {
            uint64_t at;
            const char *msg = dl_warc_error(r->warc, &at);
            diag(r, DL_ERROR, st, r->path, 0, at, "record at byte %llu: %s", (unsigned long long)at, msg);
            continue;
        }
        r->stats.bytes += rec.payload_len;
        bool response = !strcmp(rec.type, "response");
        if (!response && strcmp(rec.type, "resource") && strcmp(rec.type, "conversion"))
            continue;
        if (response && rec.http_status && (rec.http_status < 200 || rec.http_status >= 300))
            continue;
        const char *ct = rec.content_type;
        bool html = starts_with_ci(ct, "text/html") || starts_with_ci(ct, "application/xhtml") ||
                    (!ct && dl_html_sniff(rec.payload, rec.payload_len));
        bool text = !html && (starts_with_ci(ct, "text/plain") || (!ct && !response));
        if (!html && !text)
            continue;
        bool ok;
        if (html) {
            char charset[40] = "";
            if (ct)
                dl_content_type_charset(ct, strlen(ct), charset, sizeof charset);
            ok = html_document(r, rec.payload, rec.payload_len, *charset ? charset : NULL,
                               rec.offset, true);
        } else {
            ok = decode_text(r, rec.payload, rec.payload_len, 0, rec.offset);
            if (ok) {
                reset_doc(r);
                r->doc.text = r->text.data ? r->text.data : "";
                r->doc.len = r->text.len;
            }
        }
        if (!ok)
            continue;
        r->doc.format = DL_FORMAT_WARC;
        r->doc.line = 0;
        r->doc.offset = rec.offset;
        if (rec.target_uri && *rec.target_uri) {
            r->doc.url = dl_arena_strdup(r->arena, rec.target_uri);
            r->doc.source = r->doc.url;
        }
        if (!r->doc.date && rec.date)
            r->doc.date = dl_html_iso_date(rec.date, r->arena);
        return true;
    }
}

dl_status dl_reader_next(dl_reader *r, const dl_document **doc)
{
    for (;;) {
        if (!r->fp && !open_next_file(r))
            return DL_ERR_EMPTY;
        bool got = r->format == DL_FORMAT_JSONL  ? read_jsonl_document(r)
                   : r->format == DL_FORMAT_WARC ? read_warc_document(r)
                                                 : read_text_document(r);
        if (got) {
            r->stats.documents++;
            *doc = &r->doc;
            return DL_OK;
        }
        /* the text reader closes its file either way; JSONL only at EOF */
    }
}

void dl_reader_stats_get(const dl_reader *r, dl_reader_stats *stats) { *stats = r->stats; }

void dl_reader_close(dl_reader *r)
{
    if (!r)
        return;
    close_file(r);
    for (size_t i = 0; i < r->n_files; i++)
        free(r->files[i]);
    free(r->files);
    free(r->line_buf);
    dl_buf_free(&r->text);
    dl_arena_free(r->arena);
    dl_map_free(r->seen_nodes);
    free_ids(r);
    free(r);
}
