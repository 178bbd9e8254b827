#!/bin/sh
# run.sh: golden tests. tests/golden/<command>/<case>.{txt,jsonl} is an
# input; <case>.expected.jsonl beside it is what `dateline <command> <case>.*`
# must print, byte for byte. Adding a case is adding those two files;
# `sh tests/golden/run.sh --update` rewrites the expected files (review the
# diff before committing).
set -u
: "${DATELINE:?set DATELINE to the dateline binary}"
cd "$(dirname "$0")"
update=0
[ "${1:-}" = "--update" ] && update=1
passed=0 failed=0
for dir in */; do
    cmd=${dir%/}
    for input in "$dir"*.txt "$dir"*.jsonl; do
        [ -f "$input" ] || continue
        case $input in *.expected.jsonl) continue ;; esac
        base=${input%.*}
        expected=$base.expected.jsonl
        actual=$(cd "$dir" && "$DATELINE" "$cmd" "$(basename "$input")" 2>/dev/null)
        if [ $update = 1 ]; then
            printf '%s\n' "$actual" >"$expected"
            continue
        fi
        if [ -f "$expected" ] && [ "$actual" = "$(cat "$expected")" ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL golden $input" >&2
            [ -f "$expected" ] && printf '%s\n' "$actual" | diff "$expected" - | head -20 >&2
        fi
    done
done
echo "golden: $passed passed, $failed failed"
[ $failed = 0 ]
