/* fuzz_reader.c: the reader on arbitrary bytes, as text, JSONL, HTML or
 * WARC. The first byte picks the format (bit 0: text/JSONL; with bit 2
 * set, HTML/WARC); the rest is written to a file and read back, so
 * encoding detection, JSON, HTML and WARC parsing and line handling all
 * see the input. */
#include "dateline.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const dl_diag *d) { (void)user, (void)d; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char path[32];
    if (fuzz_write_file(path, data + 1, size - 1))
        return 0;
    dl_reader_options o = DL_READER_OPTIONS_INIT;
    if (data[0] & 4)
        o.format = data[0] & 1 ? DL_FORMAT_WARC : DL_FORMAT_HTML;
    else
        o.format = data[0] & 1 ? DL_FORMAT_JSONL : DL_FORMAT_TEXT;
    o.diag = ignore;
    const char *p = path;
    dl_reader *r;
    if (dl_reader_open(&r, &p, 1, &o) == DL_OK) {
        const dl_document *d;
        while (dl_reader_next(r, &d) == DL_OK)
            if (d->len && d->text[d->len] != '\0')
                abort();
        dl_reader_close(r);
    }
    unlink(path);
    return 0;
}
