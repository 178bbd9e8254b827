# test_dashboard.sh: the dashboard in headless chromium over the demo
# store (tests/browser/dashboard.test.mjs). Skips with a message when
# node, chromium or playwright-core (scripts/install-deps.sh installs
# them) are missing. Screenshots go to $BUILD/screenshots/.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
skip() {
    echo "skip $SUITE: $1"
    echo "$SUITE: 0 passed, 0 failed, 1 skipped"
    exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -x "$CHROMIUM" ] || skip "$CHROMIUM is not installed (apt-get install chromium)"
[ -d "$ROOT/tests/browser/node_modules/playwright-core" ] ||
    skip "playwright-core is not installed (cd tests/browser && npm ci)"
[ -f "$ROOT/web/app.js" ] || skip "web/app.js is missing"

DB=$TMP/demo.db
"$DATELINE" ingest --db "$DB" "$ROOT/examples" >/dev/null 2>"$TMP/ingest.err" || {
    case_name=ingest
    fail "ingest failed: $(head -2 "$TMP/ingest.err")"
    finish
    exit 1
}
trap 'serve_stop; rm -rf "$TMP"' EXIT
serve_start "$DB" --web "$ROOT/web" || {
    case_name=start
    fail "server did not start: $(cat "$SERVE_LOG")"
    finish
    exit 1
}
SHOTS=$ROOT/${BUILD:-build}/screenshots
timeout 180 node "$ROOT/tests/browser/dashboard.test.mjs" "$URL/" "$SHOTS"
rc=$?
serve_stop
[ $rc = 0 ] || { echo "server log (last lines):"; tail -5 "$SERVE_LOG"; }
exit $rc
