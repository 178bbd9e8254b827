/* gzip.h: reading a gzip file as a stream, member after member.
 *
 * WARC archives are written as one gzip member per record (Common Crawl,
 * CC-NEWS, wget --warc-file), so a damaged member costs one record: the
 * reader reports where the member started, looks for the next member's
 * magic bytes and goes on. Memory stays flat whatever the file's size. */
#ifndef DL_DOC_GZIP_H
#define DL_DOC_GZIP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include "dateline.h"

typedef struct dl_gz dl_gz;

/* Reads fp (not owned; read from its current position). NULL when out of
 * memory. */
dl_gz *dl_gz_open(FILE *fp);
void dl_gz_close(dl_gz *gz);

/* Reads up to n decompressed bytes into buf. Returns the number read, 0
 * at the clean end of the input, or -1 when a member is damaged or cut
 * short: dl_gz_error() then says what and where, and the next call goes
 * on from the next member found. */
ssize_t dl_gz_read(dl_gz *gz, void *buf, size_t n);

/* Offset in the compressed file where the member being read starts. */
uint64_t dl_gz_member_offset(const dl_gz *gz);

/* The last damage: a static message and the member's offset. */
const char *dl_gz_error(const dl_gz *gz, uint64_t *offset);

/* Do these bytes start a gzip member? */
bool dl_gz_magic(const void *s, size_t n);

#endif
