#!/bin/sh
# run_all.sh: every test suite, then one closing line "total: N passed, N
# failed, N skipped" that CI reads. Each suite prints its own line of the
# same form; this script adds them up and fails if any suite failed or
# crashed.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
export DATELINE_ROOT="$ROOT" DATELINE_DATA="$ROOT/data" DATELINE="$ROOT/$BUILD/dateline"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
status=0

run() { # run NAME COMMAND...: run a suite, keep its summary line
    name=$1
    shift
    "$@" >"$LOG.out" 2>&1
    rc=$?
    if [ $rc != 0 ]; then
        status=1
        echo "suite $name exited with status $rc" >&2
    fi
    cat "$LOG.out"
    grep -E '^[a-z0-9_-]+: [0-9]+ passed, [0-9]+ failed' "$LOG.out" | tail -1 >>"$LOG" ||
        { echo "$name: 0 passed, 1 failed (no summary line)" >>"$LOG"; status=1; }
}

cd "$ROOT"
run unit "$ROOT/$BUILD/test_unit"
for t in tests/e2e/test_*.sh; do
    run "$(basename "$t" .sh)" sh "$t"
done
run golden sh tests/golden/run.sh
run events sh tests/events/run.sh
for r in "$ROOT/$BUILD"/replay_fuzz_*; do
    [ -x "$r" ] || continue
    n=$(basename "$r" | sed 's/^replay_//')
    run "replay-$n" "$r" "fuzz/corpus/$n"
done
rm -f "$LOG.out"
awk -F'[:,] *' '{ for (i = 2; i <= NF; i++) { split($i, a, " "); t[a[2]] += a[1] } }
    END { printf "total: %d passed, %d failed, %d skipped\n", t["passed"], t["failed"], t["skipped"]; exit (t["failed"] > 0) }' "$LOG" || status=1
exit $status
