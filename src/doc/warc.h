/* warc.h: records of a WARC archive (ISO 28500), plain or gzipped.
 *
 * Records are read one at a time from a stream: a header block ("WARC/1.0"
 * or "WARC/1.1", then "Name: value" lines, then a blank line) and a block
 * of Content-Length bytes. For `response` records the block is an HTTP
 * response, whose status, Content-Type and body are separated out here
 * (chunked transfer and gzip/deflate content encoding are undone). A
 * damaged record (a header that is not WARC, no Content-Length, a block cut
 * short, a damaged gzip member) is reported with its byte offset and
 * skipped; reading goes on at the next record. */
#ifndef DL_DOC_WARC_H
#define DL_DOC_WARC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "dateline.h"

typedef struct dl_warc_record {
    const char *type;          /* WARC-Type: "response", "resource", "request", ... */
    const char *target_uri;    /* WARC-Target-URI, or NULL */
    const char *date;          /* WARC-Date as written, or NULL */
    const char *content_type;  /* the block's type (WARC Content-Type, or for
                                  responses the HTTP Content-Type), or NULL */
    int http_status;           /* responses: the HTTP status; else 0 */
    const char *payload;       /* the HTTP body of a response, else the block */
    size_t payload_len;
    uint64_t offset;           /* where the record starts (in the compressed
                                  file: its gzip member) */
} dl_warc_record;

typedef struct dl_warc dl_warc;

/* Reads from fp (not owned). gzip: the stream is gzip members. Records
 * larger than max_record bytes (0: 64 MB) are skipped with an error. */
dl_status dl_warc_open(dl_warc **out, FILE *fp, bool gzip, size_t max_record);
void dl_warc_close(dl_warc *warc);

/* The next record, valid until the next call: DL_OK; DL_ERR_EMPTY at the
 * end; DL_ERR_PARSE or DL_ERR_LIMIT for a record that was skipped (see
 * dl_warc_error()); DL_ERR_NOMEM. After an error, call again for the
 * records that follow. */
dl_status dl_warc_next(dl_warc *warc, dl_warc_record *record);

/* What the last error was and the offset of the record it concerns. */
const char *dl_warc_error(const dl_warc *warc, uint64_t *offset);

#endif
