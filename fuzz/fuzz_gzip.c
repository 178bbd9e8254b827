/* fuzz_gzip.c: the streaming gzip reader on arbitrary bytes, read in odd
 * sizes so member ends fall anywhere in a read. */
#include "dateline.h"
#include "doc/gzip.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "rb");
    if (!fp)
        return 0;
    dl_gz *gz = dl_gz_open(fp);
    if (gz) {
        char buf[777];
        ssize_t got;
        size_t total = 0;
        int errors = 0;
        while ((got = dl_gz_read(gz, buf, 1 + total % sizeof buf)) != 0) {
            if (got < 0 && ++errors > (int)size + 2)
                abort(); /* each error must move past at least one byte */
            if (got > 0)
                total += (size_t)got;
            if (total > ((size_t)1 << 28))
                break;
        }
        dl_gz_close(gz);
    }
    fclose(fp);
    return 0;
}
