#!/bin/sh
# run.sh: dateline's benchmarks. Figures, not pass/fail: speed targets live
# here, never in timed unit tests. Each benchmark runs RUNS times (default 5)
# and reports the median. BENCH_MB sets the size of the generated corpus
# (default 100 MB).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
BIN=$ROOT/$BUILD/dateline
RUNS=${RUNS:-5}
MB=${BENCH_MB:-100}
CORPUS=$ROOT/$BUILD/bench/corpus-$MB
export DATELINE_DATA=$ROOT/data

# The corpus: the bundled examples repeated into 40 files, each a run of
# articles separated by blank lines (so the cleaner also splits them), plus
# one JSONL file built from the same texts.
if [ ! -f "$CORPUS/.done" ]; then
    rm -rf "$CORPUS" && mkdir -p "$CORPUS"
    src=$(ls "$ROOT"/examples/*.txt 2>/dev/null || true)
    [ -n "$src" ] || src=$(ls "$ROOT"/tests/golden/clean/*.txt)
    per_file=$((MB * 1024 * 1024 / 40))
    i=0
    while [ $i -lt 40 ]; do
        f=$CORPUS/part-$i.txt
        : >"$f"
        while [ "$(wc -c <"$f")" -lt $per_file ]; do
            for s in $src; do cat "$s"; printf '\n\n\n\n'; done >>"$f"
            # double the file instead of appending one round at a time
            if [ "$(wc -c <"$f")" -lt $((per_file / 2)) ]; then cat "$f" "$f" >"$f.tmp" && mv "$f.tmp" "$f"; fi
        done
        i=$((i + 1))
    done
    touch "$CORPUS/.done"
fi
bytes=$(cat "$CORPUS"/*.txt | wc -c)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench() { # bench NAME COMMAND...: prints the median seconds of RUNS runs
    name=$1
    shift
    t=""
    r=0
    while [ $r -lt "$RUNS" ]; do
        s=$(date +%s.%N)
        "$@" >/dev/null
        e=$(date +%s.%N)
        t="$t $(echo "$e - $s" | bc)"
        r=$((r + 1))
    done
    echo $t | tr ' ' '\n' | median
}

echo "corpus: $(echo "scale=1; $bytes / 1048576" | bc) MB in 40 files ($CORPUS)"
sec=$(bench clean "$BIN" clean "$CORPUS")
articles=$("$BIN" clean "$CORPUS" | wc -l)
echo "clean: median $sec s over $RUNS runs, $(echo "scale=1; $bytes / 1048576 / $sec" | bc) MB/s, $(echo "$articles / $sec" | bc) articles/s ($articles articles)"
# The language core (bench/parse.c): tokens/s and start-up.
"$ROOT/$BUILD/bench_parse" "$ROOT"/examples/
# The actor stage alone on the bundled examples (bench/actors.c).
"$ROOT/$BUILD/bench_actors" "$ROOT"/examples/*.txt
# Fingerprints, candidate lookup and the corpus step's share of ingest (bench/corpus.c).
"$ROOT/$BUILD/bench_corpus" 4000 "$ROOT"/examples/
BUILD=$BUILD sh "$ROOT/bench/ingest.sh"
"$ROOT/$BUILD/bench_quotes" 2>/dev/null | sed 's/^/quotes: /' || true
# HTML extraction and WARC.gz reading (bench/web.c): real pages from
# ../shared when present, generated ones otherwise.
(cd "$ROOT" && "$ROOT/$BUILD/bench_web" "$ROOT/../shared/data/readability-pages")
BUILD=$BUILD sh "$ROOT/bench/serve.sh"
# Sharding, merge, store bytes and the Redis worker (bench/scale.sh).
BUILD=$BUILD sh "$ROOT/bench/scale.sh"
