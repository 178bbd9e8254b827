/* main.c: the unit-test runner. `test_unit [NAME...]` runs every test, or
 * those whose name contains one of the NAMEs. */
#include "test.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct test_case {
    const char *name, *file;
    dl_test_fn fn;
} test_case;

static test_case *tests;
static size_t n_tests, cap_tests;
static int current_failed, current_skipped;
static const char *current_name;

void dl_test_register(const char *name, const char *file, dl_test_fn fn)
{
    if (n_tests == cap_tests) {
        cap_tests = cap_tests ? cap_tests * 2 : 64;
        tests = realloc(tests, cap_tests * sizeof *tests);
        if (!tests)
            abort();
    }
    tests[n_tests++] = (test_case){name, file, fn};
}

void dl_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "FAIL %s (%s:%d): ", current_name, file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    current_failed++;
}

void dl_test_skip(const char *why)
{
    fprintf(stderr, "skip %s: %s\n", current_name, why);
    current_skipped = 1;
}

const char *dl_test_root(void)
{
    const char *r = getenv("DATELINE_ROOT");
    return r ? r : ".";
}

const char *dl_test_shared(void)
{
    static char path[4096];
    const char *s = getenv("DATELINE_SHARED");
    if (!s) {
        snprintf(path, sizeof path, "%s/../shared", dl_test_root());
        s = path;
    }
    return access(s, R_OK) == 0 ? s : NULL;
}

char *dl_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static int cmp_case(const void *a, const void *b)
{
    const test_case *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0, skipped = 0;
    qsort(tests, n_tests, sizeof *tests, cmp_case);
    for (size_t i = 0; i < n_tests; i++) {
        if (argc > 1) {
            int want = 0;
            for (int a = 1; a < argc; a++)
                want |= strstr(tests[i].name, argv[a]) != NULL;
            if (!want)
                continue;
        }
        current_name = tests[i].name;
        current_failed = current_skipped = 0;
        tests[i].fn();
        if (current_failed)
            failed++;
        else if (current_skipped)
            skipped++;
        else
            passed++;
    }
    free(tests);
    printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
