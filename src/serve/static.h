/* static.h: the dashboard's files, from one folder and nowhere else. */
#ifndef DL_SERVE_STATIC_H
#define DL_SERVE_STATIC_H

#include "serve/api.h"

/* Answers a GET of `path` (decoded, from dl_http_target_parse) from the
 * folder `root` (an absolute path without symbolic links, as realpath()
 * gives it): "/" is index.html. Only regular files with a known extension
 * under root are served; any path with a segment that starts with '.', a
 * backslash, or node_modules is refused, and a file whose real path leaves
 * root (a symbolic link) is not found. Errors are JSON, like the API's. */
void dl_static_handle(dl_api_response *res, const char *root, const char *path);

#endif
