/* test.h: the unit-test harness. A test is a function declared with
 * TEST(name); it registers itself before main() runs. CHECK* macros record
 * a failure with file and line and let the test go on. The runner
 * (tests/unit/main.c) prints each failure and ends with the line
 * "unit: N passed, N failed, N skipped", which CI reads. Tests that need
 * ../shared call SKIP("why") when it is absent. */
#ifndef DL_TEST_H
#define DL_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef void (*dl_test_fn)(void);
void dl_test_register(const char *name, const char *file, dl_test_fn fn);
void dl_test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void dl_test_skip(const char *why);
/* The repository's root (for data/, examples/, tests/ files) and the
 * shared folder beside it, or NULL when ../shared is absent. */
const char *dl_test_root(void);
const char *dl_test_shared(void);
/* Reads a whole file into a malloc'ed, NUL-terminated buffer (NULL if absent). */
char *dl_test_read_file(const char *path, size_t *len);

#define TEST(name)                                                                     \
    static void test_##name(void);                                                     \
    __attribute__((constructor)) static void register_##name(void)                     \
    {                                                                                  \
        dl_test_register(#name, __FILE__, test_##name);                                \
    }                                                                                  \
    static void test_##name(void)

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond))                                                                   \
            dl_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                      \
    } while (0)

#define CHECK_INT(a, b)                                                                \
    do {                                                                               \
        long long a_ = (long long)(a), b_ = (long long)(b);                            \
        if (a_ != b_)                                                                  \
            dl_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *a_ = (a), *b_ = (b);                                               \
        if (!a_ || !b_ ? a_ != b_ : strcmp(a_, b_) != 0)                               \
            dl_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a,      \
                         a_ ? a_ : "(null)", b_ ? b_ : "(null)");                      \
    } while (0)

#define SKIP(why)                                                                      \
    do {                                                                               \
        dl_test_skip(why);                                                             \
        return;                                                                        \
    } while (0)

#endif
