/* validate.h: scoring a PETRARCH validation file (PETR.UnitTest.records.xml
 * and its kin) against the coder. Each record's <Text> is coded with the
 * dictionaries its <Environment> names and its date; it passes when the
 * set of (source, target, event code) triples of the events found,
 * negated ones left out, equals the set it expects. The command
 * (`dateline validate`) only prints what this module reports. */
#ifndef DL_EVAL_VALIDATE_H
#define DL_EVAL_VALIDATE_H
#include "dateline.h"
#include "eval/petrarch_xml.h"

typedef enum dl_validate_result {
    DL_VALIDATE_PASS = 1,
    DL_VALIDATE_FAIL,
    DL_VALIDATE_SKIP,  /* tests PETRARCH's parse-tree checks: not applicable */
} dl_validate_result;

/* One record's outcome, valid during the callback only. */
typedef struct dl_validate_outcome {
    const dl_petr_record *record;
    dl_validate_result result;
    const char *expected;        /* "SRC TGT CODE, ..." sorted, or "(none)" */
    const char *got;             /* the same for the events found */
    dl_status status;            /* DL_OK, or why coding the record failed */
    const dl_analysis *analysis; /* what the pipeline found (events for --verbose) */
} dl_validate_outcome;

/* Called for each record; return false to stop (a write failed). */
typedef bool (*dl_validate_fn)(void *user, const dl_validate_outcome *outcome);

typedef struct dl_validate_category {
    const char *name;
    uint64_t passed, failed;
} dl_validate_category;

typedef struct dl_validate_summary {
    uint64_t passed, failed, skipped, run_errors;
    dl_validate_category *categories; /* in the order they first appear; in the arena */
    size_t n_categories;
} dl_validate_summary;

typedef struct dl_validate_options {
    int version;
    const char *data_dir;   /* dateline's own data, for what the Environment does not name */
    dl_diag_fn diag;        /* dictionary problems, missing Environment entries */
    void *diag_user;
    dl_validate_fn on_record;
    void *record_user;
} dl_validate_options;
#define DL_VALIDATE_OPTIONS_INIT {.version = 1}

/* Opens a pipeline with the dictionaries file->verb_files etc. name
 * (relative to path's folder) and PETRARCH's conventions, then codes and
 * scores every record. Everything allocated lives in arena. Returns DL_OK
 * when the file was run; DL_ERR_NOMEM; DL_ERR_IO when a record callback
 * asked to stop; or the pipeline's status when its dictionaries could not
 * be loaded (reported through diag). */
dl_status dl_validate_run(dl_validate_summary *out, const dl_petr_file *file, const char *path,
                          const dl_validate_options *options, dl_arena *arena);

#endif
