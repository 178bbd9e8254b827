#!/bin/sh
# run.sh: the service tests (`make check-services`): each starts what it
# needs on 127.0.0.1 (a free port, a temporary folder), stops it at the
# end, and skips with a message when the service is not installed. Ends
# with the same "total: N passed, N failed, N skipped" line as
# tests/run_all.sh.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
export DATELINE_ROOT="$ROOT" DATELINE_DATA="$ROOT/data" DATELINE="$ROOT/$BUILD/dateline"
LOG=$(mktemp)
trap 'rm -f "$LOG" "$LOG.out"' EXIT
status=0
cd "$ROOT"
for t in tests/services/test_*.sh; do
    sh "$t" >"$LOG.out" 2>&1 || status=1
    cat "$LOG.out"
    grep -E '^[a-z0-9_-]+: [0-9]+ passed, [0-9]+ failed' "$LOG.out" | tail -1 >>"$LOG" ||
        { echo "$t: 0 passed, 1 failed (no summary line)" >>"$LOG"; status=1; }
done
awk -F'[:,] *' '{ for (i = 2; i <= NF; i++) { split($i, a, " "); t[a[2]] += a[1] } }
    END { printf "total: %d passed, %d failed, %d skipped\n", t["passed"], t["failed"], t["skipped"]; exit (t["failed"] > 0) }' "$LOG" || status=1
exit $status
