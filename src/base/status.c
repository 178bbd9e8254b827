/* status.c: names for dl_status values. */
#include "dateline.h"

const char *dl_status_name(dl_status status)
{
    switch (status) {
    case DL_OK: return "ok";
    case DL_ERR_NOMEM: return "out of memory";
    case DL_ERR_IO: return "input/output error";
    case DL_ERR_PARSE: return "malformed input";
    case DL_ERR_ENCODING: return "not text";
    case DL_ERR_ARG: return "invalid argument";
    case DL_ERR_EMPTY: return "nothing to process";
    case DL_ERR_DB: return "store error";
    case DL_ERR_VERSION: return "unsupported version";
    case DL_ERR_LIMIT: return "over a limit";
    }
    return "unknown status";
}

const char *dl_version(void)
{
    return DL_VERSION;
}
