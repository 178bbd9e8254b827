# dateline: one plain, non-recursive GNU Makefile.
#
#   make            build/dateline (and build/libdateline.a)
#   make check      unit, golden and end-to-end tests, fuzz corpora replayed
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make fuzz       libFuzzer targets (clang), each run for FUZZ_SECONDS
#   make fuzz-long  every target for 10 minutes (FUZZ_SECONDS=600), corpora
#                   kept in build-fuzz/corpus-NAME between runs
#   make bench      benchmarks (throughput figures, not pass/fail)
#   make models     retrain data/models/ (tagger, parser) on UD English EWT
#   make deps       install the Debian packages the build and tests need
#   make demo       the main job on the bundled examples
#   make check-services  tests against Redis started on loopback (skips without it)
#   make ci         what CI runs: short fuzz runs, the ASan suite, the suite
#
# BUILD=dir puts every output under another folder, so several builds
# (plain, asan, fuzz) live side by side.

BUILD ?= build
CC ?= cc
OPT ?= -O2 -g
PKGS := sqlite3 libutf8proc libcjson zlib libmicrohttpd gumbo
# hiredis (the Redis worker) is optional: without it `dateline worker` and
# `enqueue` say so, and everything else builds as before.
HAVE_HIREDIS := $(shell pkg-config --exists hiredis 2>/dev/null && echo 1)
OPT_PKGS := $(if $(HAVE_HIREDIS),hiredis)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(OPT_PKGS) 2>/dev/null) $(if $(HAVE_HIREDIS),-DDL_HAVE_HIREDIS)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) $(OPT_PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter
# -fvisibility=hidden: only what include/dateline.h declares is exported
# from libdateline.so (the header pushes default visibility around it).
CFLAGS_ALL := -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -fPIC -fvisibility=hidden -Iinclude -Isrc $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL := $(PKG_LIBS) -lm -lpthread $(EXTRA_LDFLAGS)

LIB_SRC := $(sort $(wildcard src/*.c src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libdateline.a
SHLIB := $(BUILD)/libdateline.so
BIN := $(BUILD)/dateline
UNIT := $(BUILD)/test_unit
REPLAY := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/replay_%)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench_%)

.PHONY: all check check-services unit asan fuzz fuzz-long bench deps clean demo ci models
all: $(BIN) $(SHLIB)

# V=1 shows the full compiler command lines.
Q := $(if $(V),,@)

# The compiler and flags an object was built with: when they change (a new
# warning, -fvisibility), every object is rebuilt instead of mixing old
# and new ones.
FLAGS_STAMP := $(BUILD)/.flags
$(FLAGS_STAMP): FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(CFLAGS_ALL)' | cmp -s - $@ || echo '$(CC) $(CFLAGS_ALL)' >$@
.PHONY: FORCE
FORCE:

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC $<")
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(SHLIB): $(LIB_OBJ)
	@$(if $(V),,echo "  LD $@")
	$(Q)$(CC) -shared -o $@ $(LIB_OBJ) $(LDLIBS_ALL)

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(V),,echo "  LD $@")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS_ALL)

$(UNIT): $(UNIT_OBJ) $(LIB)
	@$(if $(V),,echo "  LD $@")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $(UNIT_OBJ) $(LIB) $(LDLIBS_ALL)

# Replay drivers: every fuzz target linked with a plain main() that runs
# the stored corpus, so a gcc build still exercises every crash input.
$(BUILD)/replay_%: fuzz/%.c fuzz/replay_main.c $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< fuzz/replay_main.c $(LIB) $(LDLIBS_ALL)

$(BUILD)/bench_%: bench/%.c $(LIB)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

unit: $(UNIT)
	$(UNIT)

check: $(BIN) $(SHLIB) $(UNIT) $(REPLAY)
	@BUILD=$(BUILD) sh tests/run_all.sh

# Tests against real services (Redis), each started on 127.0.0.1 and
# stopped by the test; skipped with a message when not installed.
check-services: $(BIN)
	@BUILD=$(BUILD) sh tests/services/run.sh

asan:
	$(MAKE) BUILD=build-asan CC=clang OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" check

FUZZ_SECONDS ?= 20
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" build-fuzz/libdateline.a
	@set -e; for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); \
	  clang $(CFLAGS_ALL) -O1 -g -fsanitize=fuzzer,address,undefined -o build-fuzz/$$n $$f build-fuzz/libdateline.a $(LDLIBS_ALL); \
	  mkdir -p build-fuzz/corpus-$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  DATELINE_DATA=$(CURDIR)/data build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build-fuzz/corpus-$$n fuzz/corpus/$$n >build-fuzz/$$n.log 2>&1 || { tail -40 build-fuzz/$$n.log; exit 1; }; \
	  tail -1 build-fuzz/$$n.log; \
	done

# The long budget of issue 20: 10 minutes per target, the pipeline one
# included; the corpora grow across runs. Run it niced on a shared machine
# (nice make fuzz-long): the budget is wall time, so give it an idle core.
fuzz-long:
	$(MAKE) fuzz FUZZ_SECONDS=600

bench: $(BIN) $(BENCH_BIN)
	@BUILD=$(BUILD) sh bench/run.sh

deps:
	sh scripts/install-deps.sh

# The language core's models, trained on the UD English Web Treebank's
# training file only (never on GUM, which is for evaluation). The same
# file and seed give the same models, byte for byte.
EWT_TRAIN ?= ../shared/data/ud-ewt-train/en_ewt-ud-train.conllu
SEED ?= 1
models: $(BIN)
	nice $(BIN) train tagger $(EWT_TRAIN) --seed $(SEED) -o data/models/tagger.dlm
	nice $(BIN) train parser $(EWT_TRAIN) --seed $(SEED) --min-count 3 -o data/models/parser.dlm

demo: $(BIN)
	@sh scripts/demo.sh $(BIN)

# The plain suite runs last so that its "total: N passed, N failed" line
# closes the log.
ci:
	$(MAKE) fuzz FUZZ_SECONDS=$(or $(CI_FUZZ_SECONDS),10)
	$(MAKE) asan
	$(MAKE) check-services
	$(MAKE) check

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
