/* fuzz_file.h: for fuzz targets whose reader takes a path: write the
 * input's bytes to a fresh temporary file. Returns 0 and fills path (the
 * caller unlinks it), or -1. */
#ifndef DL_FUZZ_FILE_H
#define DL_FUZZ_FILE_H

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static inline int fuzz_write_file(char path[32], const uint8_t *data, size_t size)
{
    static const char tmpl[] = "/tmp/dl-fuzz-XXXXXX";
    for (size_t i = 0; i < sizeof tmpl; i++)
        path[i] = tmpl[i];
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    ssize_t w = size ? write(fd, data, size) : 0;
    close(fd);
    if (w != (ssize_t)size) {
        unlink(path);
        return -1;
    }
    return 0;
}

#endif
