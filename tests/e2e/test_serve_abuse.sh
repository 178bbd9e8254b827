# test_serve_abuse.sh: hostile requests against `dateline serve` on
# loopback (tests/e2e/serve_abuse.py holds the cases): path traversal,
# encoded NULs, bad UTF-8, 1 MB queries and headers, garbage, slow
# clients and thousands of connections. Each gets a 4xx or is dropped;
# the server keeps answering and stops cleanly. Bounded: 120 s at most.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v python3 >/dev/null 2>&1 || {
    echo "skip $SUITE: python3 is needed"
    echo "$SUITE: 0 passed, 0 failed, 1 skipped"
    exit 0
}
trap 'serve_stop; rm -rf "$TMP"' EXIT
DB=$TMP/store.db
"$DATELINE" ingest --db "$DB" "$ROOT/examples" >/dev/null 2>&1
serve_start "$DB" --web "$ROOT/web" --timeout 1 --max-connections 500 || {
    echo "FAIL $SUITE/start: $(cat "$SERVE_LOG")"
    echo "$SUITE: 0 passed, 1 failed"
    exit 1
}
hostport=${URL#http://}
timeout 120 python3 "$(dirname "$0")/serve_abuse.py" "${hostport%:*}" "${hostport##*:}" "$SERVE_PID" "$ROOT/web"
rc=$?
serve_stop
if [ "$SERVE_STATUS" != 0 ]; then
    echo "FAIL $SUITE/stop: exit $SERVE_STATUS; log:"
    tail -5 "$SERVE_LOG"
    rc=1
fi
exit $rc
