#!/bin/sh
# test_symbols.sh: libdateline.so exports exactly the functions
# include/dateline.h declares: every declared function is there, and
# nothing else (the library is built with -fvisibility=hidden; the header
# pushes default visibility around its declarations).
. "$(dirname "$0")/lib.sh"
ROOT=${DATELINE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
SO=$(dirname "$DATELINE")/libdateline.so
if ! command -v nm >/dev/null 2>&1 || [ ! -f "$SO" ]; then
    echo "skip $SUITE: nm or $SO is missing"
    echo "$SUITE: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
# Declarations: names followed by '(' outside comment lines.
grep -v '^[[:space:]]*\*\|^[[:space:]]*/\*' "$ROOT/include/dateline.h" |
    grep -o '\bdl_[a-z0-9_]*(' | tr -d '(' | sort -u >"$TMP/declared"
nm -D --defined-only "$SO" | awk '{print $3}' | sort -u >"$TMP/exported"

check exported-are-declared 0 comm -13 "$TMP/declared" "$TMP/exported"
[ -s "$OUT" ] && fail "exported but not in dateline.h: $(tr '\n' ' ' <"$OUT")"
check declared-are-exported 0 comm -23 "$TMP/declared" "$TMP/exported"
[ -s "$OUT" ] && fail "declared in dateline.h but not exported: $(tr '\n' ' ' <"$OUT")"
check some-api 0 grep -c . "$TMP/exported"
[ "$(cat "$OUT")" -ge 50 ] || fail "only $(cat "$OUT") symbols exported"
finish
