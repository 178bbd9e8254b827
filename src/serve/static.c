/* static.c: serving the dashboard's files; see static.h.
 *
 * Two independent walls keep requests inside the folder: the path's
 * segments are checked as text (no "..", no hidden files, no NUL, which
 * params.c already refused), and the file's real path, after every
 * symbolic link is resolved, must still start with the folder's. */
#include "serve/static.h"
#include "base/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_FILE_BYTES = 32 << 20 };

static const char *content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (!strcmp(dot, types[i].ext))
            return types[i].type;
    return NULL;
}

/* Segments as text: each non-empty, not starting with '.', not node_modules. */
static bool safe_path(const char *path)
{
    if (path[0] != '/' || strchr(path, '\\'))
        return false;
    const char *p = path + 1;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 || p[0] == '.' || (n == 12 && !memcmp(p, "node_modules", 12)))
            return false;
        p += n;
        if (*p == '/')
            p++;
    }
    return true;
}

void dl_static_handle(dl_api_response *res, const char *root, const char *path)
{
    if (!root) {
        dl_api_error(res, 404, NULL, "this server has no dashboard (no web/ folder); the API is under /api/");
        return;
    }
    if (!strcmp(path, "/"))
        path = "/index.html";
    const char *type = content_type(path);
    if (!safe_path(path) || !type) {
        dl_api_error(res, 404, "path", "not found");
        return;
    }
    char full[PATH_MAX], real[PATH_MAX];
    if ((size_t)snprintf(full, sizeof full, "%s%s", root, path) >= sizeof full || !realpath(full, real)) {
        dl_api_error(res, 404, "path", "not found");
        return;
    }
    size_t rn = strlen(root);
    if (strncmp(real, root, rn) || real[rn] != '/') {
        dl_api_error(res, 404, "path", "not found");
        return;
    }
    int fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > MAX_FILE_BYTES) {
        if (fd >= 0)
            close(fd);
        dl_api_error(res, 404, "path", "not found");
        return;
    }
    dl_buf_clear(&res->body);
    bool ok = !dl_buf_reserve(&res->body, (size_t)st.st_size);
    while (ok && res->body.len < (size_t)st.st_size) {
        ssize_t n = read(fd, res->body.data + res->body.len, (size_t)st.st_size - res->body.len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        res->body.len += (size_t)n;
    }
    close(fd);
    if (!ok || res->body.len != (size_t)st.st_size) {
        dl_api_error(res, 500, "path", "could not read the file");
        return;
    }
    res->body.data[res->body.len] = '\0';
    res->status = 200;
    res->content_type = type;
    res->filename = NULL;
}
