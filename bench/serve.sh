#!/bin/sh
# serve.sh: the server's load benchmark, on loopback only, bounded in time.
# Figures, not pass/fail. Needs wrk (Debian package wrk); skips without it.
#   - `wrk` against /api/events?limit=50 and /api/aggregates?by=day&group=quad
#     over the demo store (examples/ ingested): requests/s, p50/p99 latency,
#     errors (non-2xx answers and socket errors);
#   - the server's resident memory before, between and after the runs,
#     so a leak shows as growth.
# SERVE_SECONDS (default 10) per run, SERVE_CONNECTIONS (default 50),
# SERVE_THREADS (wrk threads, default 2), SERVER_THREADS (default 4).
# The machine is shared: other jobs load the CPU, so figures vary.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
BIN=${DATELINE:-$ROOT/$BUILD/dateline}
SECONDS_=${SERVE_SECONDS:-10}
CONN=${SERVE_CONNECTIONS:-50}
WRK_THREADS=${SERVE_THREADS:-2}
export DATELINE_DATA="${DATELINE_DATA:-$ROOT/data}"
command -v wrk >/dev/null 2>&1 || { echo "serve: skipped, wrk is not installed (apt-get install wrk)"; exit 0; }
WORK=$(mktemp -d)
PID=""
trap '[ -n "$PID" ] && kill -TERM $PID 2>/dev/null; rm -rf "$WORK"' EXIT
"$BIN" ingest --db "$WORK/demo.db" "$ROOT/examples" >/dev/null 2>&1
"$BIN" serve --db "$WORK/demo.db" --listen 127.0.0.1:0 --threads "${SERVER_THREADS:-4}" -q 2>"$WORK/log" &
PID=$!
i=0
while ! grep -q 'listening on' "$WORK/log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
URL=$(sed -n 's/^dateline serve: listening on \(http:[^ ]*\)\/ .*/\1/p' "$WORK/log")
[ -n "$URL" ] || { echo "serve: the server did not start: $(cat "$WORK/log")"; exit 1; }
rss() { awk '/^VmRSS/ { print $2 " kB" }' /proc/$PID/status; }
echo "serve: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machine), server RSS at start $(rss)"
run() { # run NAME PATH
    wrk -t "$WRK_THREADS" -c "$CONN" -d "${SECONDS_}s" --latency --timeout 5s "$URL$2" >"$WORK/wrk" 2>&1
    rps=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk")
    p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk")
    p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk")
    total=$(awk '/requests in/ { print $1 }' "$WORK/wrk")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk")
    sockerr=$(awk '/Socket errors/ { print $0 }' "$WORK/wrk")
    echo "serve $1: ${rps} req/s, p50 ${p50}, p99 ${p99}, ${total} requests, non-2xx ${non2xx:-0}, ${sockerr:-no socket errors}; server RSS $(rss)"
}
run "events?limit=50" "/api/events?limit=50"
run "aggregates day×quad" "/api/aggregates?by=day&group=quad"
run "events?limit=50 again" "/api/events?limit=50"
kill -TERM $PID
wait $PID || true
PID=""
