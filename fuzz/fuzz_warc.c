/* fuzz_warc.c: WARC records from arbitrary bytes. The first byte's low bit
 * says whether the rest is read as gzip members; every record is read to
 * the end, errors included, and the record limit is small so the skip path
 * runs too. */
#include "dateline.h"
#include "doc/warc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    FILE *fp = fmemopen((void *)(data + 1), size - 1, "rb");
    if (!fp)
        return 0;
    dl_warc *w;
    if (dl_warc_open(&w, fp, data[0] & 1, 4096) == DL_OK) {
        dl_warc_record r;
        dl_status st;
        int guard = 0;
        while ((st = dl_warc_next(w, &r)) != DL_ERR_EMPTY && st != DL_ERR_NOMEM && guard++ < 100000) {
            if (st == DL_OK && r.payload_len && !r.payload)
                abort();
            if (st == DL_OK && !r.type)
                abort();
        }
        if (guard >= 100000)
            abort(); /* no progress: a loop */
        dl_warc_close(w);
    }
    fclose(fp);
    return 0;
}
