/* cmd_train.c: `dateline train tagger|parser FILE.conllu... -o MODEL`
 * trains the language core's models (src/text/tagger.c, depparse.c) on
 * CoNLL-U files and writes them; `make models` runs it on UD English EWT. */
#include "cli.h"
#include "base/arena.h"
#include "base/buf.h"
#include "text/conllu.h"
#include "text/depparse.h"
#include "text/tagger.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dateline train tagger|parser [options] FILE.conllu... -o MODEL\n"
    "\n"
    "Trains the part-of-speech tagger (XPOS and UPOS) or the dependency parser\n"
    "on CoNLL-U files and writes the model file. The same files, options and\n"
    "seed give the same model.\n"
    "\n"
    "  -o, --output MODEL   where to write the model (required)\n"
    "  --iterations N       passes over the data (default: tagger 8, parser 12)\n"
    "  --seed N             shuffling seed (default 1)\n"
    "  --min-count N        drop features seen in fewer than N training steps\n"
    "  --folds N            parser only: tag the training data by jackknifing in\n"
    "                       N parts, each with a tagger trained on the others\n"
    "                       (default 5; 0 or 1: use --tagger)\n"
    "  --tagger MODEL       parser with --folds 0: the tagger model (default\n"
    "                       DATA/models/tagger.dlm)\n"
    "  --data DIR           the data folder\n"
    "  -q                   no progress on stderr\n";

int cmd_train(int argc, char **argv);

static void progress(void *user, uint32_t it, double acc)
{
    if (!*(bool *)user)
        fprintf(stderr, "dateline train: pass %u: %.2f%% right on the training data\n", it,
                100 * acc);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    dl_buf b = DL_BUF_INIT;
    char chunk[1 << 16];
    size_t got;
    dl_status st = DL_OK;
    while (!st && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        st = dl_buf_append(&b, chunk, got);
    fclose(fp);
    if (st || !b.data) {
        dl_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.data;
}

int cmd_train(int argc, char **argv)
{
    dl_cli cli = {.command = "train"};
    const char *what = NULL, *output = NULL, *tagger_path = NULL, *data_dir = NULL;
    dl_train_options opt = {0, 1, progress, NULL, 0, 0};
    bool quiet = false, folds_given = false;
    opt.progress_user = &quiet;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    if (!files)
        return DL_EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            printf("%s", usage);
            free(files);
            return DL_EXIT_OK;
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has_value) {
            output = argv[++i];
        } else if (!strcmp(a, "--iterations") && has_value) {
            opt.iterations = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--seed") && has_value) {
            opt.seed = strtoull(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--min-count") && has_value) {
            opt.min_count = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--folds") && has_value) {
            opt.folds = (uint32_t)strtoul(argv[++i], NULL, 10);
            folds_given = true;
        } else if (!strcmp(a, "--tagger") && has_value) {
            tagger_path = argv[++i];
        } else if (!strcmp(a, "--data") && has_value) {
            data_dir = argv[++i];
        } else if (!strcmp(a, "-q")) {
            quiet = true;
        } else if (a[0] == '-' && a[1]) {
            dl_cli_error(&cli, "unknown option %s\n%s", a, usage);
            free(files);
            return DL_EXIT_USAGE;
        } else if (!what) {
            what = a;
        } else {
            files[n_files++] = a;
        }
    }
    if (!what || (strcmp(what, "tagger") != 0 && strcmp(what, "parser") != 0) || !output ||
        !n_files) {
        dl_cli_error(&cli, "%s", !what ? "train what? tagger or parser"
                               : strcmp(what, "tagger") && strcmp(what, "parser")
                                   ? "train tagger or parser"
                               : !output ? "no output given (-o MODEL)"
                                         : "no CoNLL-U file given");
        free(files);
        return DL_EXIT_USAGE;
    }
    dl_arena *arena = dl_arena_new(1 << 20);
    dl_conllu *docs = calloc(n_files, sizeof *docs);
    char **texts = calloc(n_files, sizeof *texts);
    int rc = arena && docs && texts ? DL_EXIT_OK : DL_EXIT_FATAL;
    for (size_t f = 0; !rc && f < n_files; f++) {
        size_t len = 0;
        texts[f] = read_all(files[f], &len);
        if (!texts[f]) {
            dl_cli_error(&cli, "%s: cannot read", files[f]);
            rc = DL_EXIT_FATAL;
            break;
        }
        uint64_t bad = 0;
        dl_status st = dl_conllu_parse(&docs[f], texts[f], len, arena, &bad);
        if (st) {
            dl_cli_error(&cli, "%s:%llu: %s", files[f], (unsigned long long)bad, dl_status_name(st));
            rc = DL_EXIT_FATAL;
        }
    }
    if (!rc) {
        dl_status st;
        if (!strcmp(what, "tagger")) {
            st = dl_tagger_train(docs, n_files, &opt, output);
        } else {
            if (!folds_given)
                opt.folds = 5;
            dl_tagger *tg = NULL;
            char why[600] = "";
            char def[1024];
            if (!tagger_path) {
                snprintf(def, sizeof def, "%s/models/tagger.dlm", data_dir ? data_dir : dl_data_dir());
                tagger_path = def;
            }
            st = opt.folds > 1 ? DL_OK : dl_tagger_load(&tg, tagger_path, why, sizeof why);
            if (st)
                dl_cli_error(&cli, "cannot load the tagger: %s", why);
            else
                st = dl_depparser_train(docs, n_files, tg, &opt, output);
            dl_tagger_close(tg);
        }
        if (st) {
            dl_cli_error(&cli, "training failed: %s", dl_status_name(st));
            rc = DL_EXIT_FATAL;
        } else if (!quiet) {
            fprintf(stderr, "dateline train: wrote %s\n", output);
        }
    }
    for (size_t f = 0; texts && f < n_files; f++)
        free(texts[f]);
    free(texts);
    free(docs);
    free(files);
    dl_arena_free(arena);
    return rc;
}
