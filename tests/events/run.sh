#!/bin/sh
# run.sh: one regression case per rule of the event coder. RULE.txt is a
# news sentence (written for this project); RULE.expected lists the events
# `dateline code` must find in it, one a line: CAMEO SOURCE TARGET
# FACTUALITY (TARGET "-" when there is none), in output order, and nothing
# else. The rule ids are those of explain.rules (src/events/). Adding a
# case is adding two files; `sh tests/events/run.sh --update` rewrites the
# expected files (review the diff before committing).
set -u
: "${DATELINE:?set DATELINE to the dateline binary}"
cd "$(dirname "$0")"
update=0
[ "${1:-}" = "--update" ] && update=1
passed=0 failed=0
for input in *.txt; do
    [ -f "$input" ] || continue
    rule=${input%.txt}
    actual=$("$DATELINE" code --date 2025-03-14 --format tsv "$input" 2>/dev/null |
        awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            { print $c["cameo"], $c["source_code"], ($c["target_code"] == "" ? "-" : $c["target_code"]), $c["factuality"] }')
    if [ $update = 1 ]; then
        printf '%s\n' "$actual" >"$rule.expected"
        continue
    fi
    if [ -f "$rule.expected" ] && [ "$actual" = "$(cat "$rule.expected")" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL events $rule: $(cat "$input")" >&2
        [ -f "$rule.expected" ] && printf '%s\n' "$actual" | diff "$rule.expected" - | sed 's/^/  /' >&2
    fi
done
echo "events: $passed passed, $failed failed"
[ $failed = 0 ]
