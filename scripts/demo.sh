#!/bin/sh
# demo.sh: the main job on the bundled examples: clean every example file
# and show what came out. Usage: scripts/demo.sh path/to/dateline
set -eu
BIN=${1:-build/dateline}
cd "$(dirname "$0")/.."
OUT=build/demo-articles.jsonl
mkdir -p build
"$BIN" clean examples/ >"$OUT"
articles=$(wc -l <"$OUT")
removed=$(grep -o '"reason":"[a-z]*"' "$OUT" | sort | uniq -c | sort -rn |
    awk '{ sub(/"reason":/, "", $2); gsub(/"/, "", $2); printf "%s%s %s", sep, $1, $2; sep = ", " }')
echo "dateline: cleaned examples/ into $articles articles ($OUT)"
echo "lines removed: $removed"
echo "titles:"
sed -n 's/.*"title":"\([^"]*\)".*/  - \1/p' "$OUT"
echo
echo "Try next: $BIN clean --help, or $BIN clean YOUR-FILES/ > articles.jsonl"
