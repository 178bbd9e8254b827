#!/bin/sh
# demo.sh: the main job on the bundled examples: ingest examples/ into a
# fresh store and show what came out. Usage: scripts/demo.sh path/to/dateline
set -eu
BIN=${1:-build/dateline}
cd "$(dirname "$0")/.."
DB=build/demo.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" ingest --db "$DB" --report examples/
echo
echo "Serve it (the API and the dashboard, on this machine only; Ctrl-C stops):"
echo "  $BIN serve --db $DB"
echo "then open http://127.0.0.1:8080/"
