/* data.c: where dateline's data folder is. */
#include "dateline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef DL_DATA_INSTALL
#define DL_DATA_INSTALL "/usr/local/share/dateline"
#endif

static bool has_data(const char *dir)
{
    char probe[PATH_MAX + 64];
    snprintf(probe, sizeof probe, "%s/clean/boilerplate.tsv", dir);
    return access(probe, R_OK) == 0;
}

const char *dl_data_dir(void)
{
    static char found[PATH_MAX];
    if (found[0])
        return found;
    const char *env = getenv("DATELINE_DATA");
    if (env && *env) {
        snprintf(found, sizeof found, "%s", env);
        return found;
    }
    /* Beside the executable: build/dateline finds ../data in a checkout. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/data", "/../data", "/../share/dateline"};
            for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
                char cand[PATH_MAX + 32];
                snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
                if (has_data(cand) && realpath(cand, found))
                    return found;
            }
        }
    }
    if (has_data("data") && realpath("data", found))
        return found;
    snprintf(found, sizeof found, "%s", DL_DATA_INSTALL);
    return found;
}
