/* gzip.c: streaming gzip members with zlib (see gzip.h). */
#include "doc/gzip.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { IN_SIZE = 1 << 16 };

struct dl_gz {
    FILE *fp;
    z_stream zs;
    unsigned char in[IN_SIZE];
    uint64_t in_off;       /* file offset of in[0] */
    uint64_t member;       /* offset where the current member starts */
    uint64_t error_at;
    const char *error;
    bool in_member, eof, started;
};

bool dl_gz_magic(const void *s, size_t n)
{
    const unsigned char *u = s;
    return n >= 3 && u[0] == 0x1f && u[1] == 0x8b && u[2] == 8;
}

dl_gz *dl_gz_open(FILE *fp)
{
    dl_gz *gz = calloc(1, sizeof *gz);
    if (!gz)
        return NULL;
    gz->fp = fp;
    /* 16 + MAX_WBITS: a gzip wrapper, not zlib's */
    if (inflateInit2(&gz->zs, 16 + MAX_WBITS) != Z_OK) {
        free(gz);
        return NULL;
    }
    gz->zs.next_in = gz->in;
    gz->zs.avail_in = 0;
    return gz;
}

void dl_gz_close(dl_gz *gz)
{
    if (!gz)
        return;
    inflateEnd(&gz->zs);
    free(gz);
}

static uint64_t position(const dl_gz *gz)
{
    return gz->in_off + (uint64_t)(gz->zs.next_in - gz->in);
}

/* Moves unread input to the front and reads more; false at end of file. */
static bool refill(dl_gz *gz)
{
    if (gz->eof)
        return false;
    size_t keep = gz->zs.avail_in;
    gz->in_off = position(gz);
    memmove(gz->in, gz->zs.next_in, keep);
    size_t got = fread(gz->in + keep, 1, IN_SIZE - keep, gz->fp);
    gz->zs.next_in = gz->in;
    gz->zs.avail_in = (uInt)(keep + got);
    if (got == 0)
        gz->eof = true;
    return got > 0;
}

/* Skips to the next gzip magic (at least one byte on). */
static void resync(dl_gz *gz)
{
    if (gz->zs.avail_in) {
        gz->zs.next_in++;
        gz->zs.avail_in--;
    }
    for (;;) {
        while (gz->zs.avail_in >= 3) {
            if (dl_gz_magic(gz->zs.next_in, gz->zs.avail_in))
                return;
            gz->zs.next_in++;
            gz->zs.avail_in--;
        }
        if (!refill(gz)) {
            gz->zs.next_in += gz->zs.avail_in;
            gz->zs.avail_in = 0;
            return;
        }
    }
}

static ssize_t damage(dl_gz *gz, const char *what, bool skip)
{
    gz->error = what;
    gz->error_at = gz->member;
    gz->in_member = false;
    if (skip)
        resync(gz);
    return -1;
}

ssize_t dl_gz_read(dl_gz *gz, void *buf, size_t n)
{
    if (!n)
        return 0;
    for (;;) {
        if (gz->zs.avail_in < 3 && !gz->eof)
            refill(gz);
        if (!gz->in_member) {
            /* between members: zero padding is allowed, anything else is not gzip */
            while (gz->zs.avail_in && *gz->zs.next_in == 0) {
                gz->zs.next_in++;
                gz->zs.avail_in--;
                if (!gz->zs.avail_in)
                    refill(gz);
            }
            if (!gz->zs.avail_in && gz->eof)
                return 0;
            if (gz->zs.avail_in < 3 && !gz->eof)
                continue;
            gz->member = position(gz);
            if (!dl_gz_magic(gz->zs.next_in, gz->zs.avail_in))
                return damage(gz, gz->started ? "bytes between gzip members are not gzip"
                                              : "not gzip data", true);
            gz->started = true;
            inflateReset(&gz->zs);
            gz->in_member = true;
        }
        gz->zs.next_out = buf;
        gz->zs.avail_out = (uInt)(n > (1u << 30) ? 1u << 30 : n);
        uInt want = gz->zs.avail_out;
        int ret = inflate(&gz->zs, Z_NO_FLUSH);
        size_t got = want - gz->zs.avail_out;
        if (ret == Z_STREAM_END) {
            gz->in_member = false;
            if (got)
                return (ssize_t)got;
            continue;
        }
        if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT || ret == Z_MEM_ERROR || ret == Z_STREAM_ERROR)
            return damage(gz, "damaged gzip member", true);
        if (got)
            return (ssize_t)got;
        if (!gz->zs.avail_in && !refill(gz))
            return damage(gz, "gzip member cut short (the file is truncated)", false);
    }
}

uint64_t dl_gz_member_offset(const dl_gz *gz) { return gz->member; }

const char *dl_gz_error(const dl_gz *gz, uint64_t *offset)
{
    if (offset)
        *offset = gz->error_at;
    return gz->error;
}
