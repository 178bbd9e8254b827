# test_reliability.sh: inputs that used to be lost, changed, looped on or
# slow (issue 20): each case names the item of the issue it covers.
. "$(dirname "$0")/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PY=""

# 2. Symbolic link loops: each directory and file is read once.
mkdir -p "$TMP/d/sub"
printf 'Hamas fired rockets at Israel, the army said.\n' >"$TMP/d/a.txt"
ln -s .. "$TMP/d/sub/up"
ln -s . "$TMP/d/self"
ln -s a.txt "$TMP/d/b.txt"
check "symlink loops end, each file read once" 0 timeout 20 "$DATELINE" clean "$TMP/d"
lines "$OUT" 1
has "$ERR" "d/self: warning: directory already read"
has "$ERR" "d/sub/up: warning: directory already read"
has "$ERR" "d/b.txt: warning: same file as one already read"

# 5. Nothing lost or changed in silence.
printf '{"id":"1","text":"Before\\u0000after the NUL escape."}\n' >"$TMP/nul.jsonl"
check "\\u0000 in JSON becomes U+FFFD, text kept" 0 "$DATELINE" clean "$TMP/nul.jsonl"
has "$OUT" 'Before.after the NUL escape'
has "$ERR" 'nul.jsonl:1: warning: 1 \\u0000 or lone surrogate escape replaced with U+FFFD'

printf '{"id":"2","text":"A lone \\ud800 surrogate."}\n{"id":"3","text":"A pair \\ud83d\\ude00 and \\\\u0000 kept."}\n' >"$TMP/sur.jsonl"
check "lone surrogate repaired, record kept; a real pair and an escaped backslash untouched" 0 \
    "$DATELINE" clean "$TMP/sur.jsonl"
lines "$OUT" 2
has "$OUT" 'A lone . surrogate'
has "$OUT" '\\\\u0000 kept'
has "$ERR" 'sur.jsonl:1: warning'
lacks "$ERR" 'sur.jsonl:2:'

printf 'The first line.\000 The army said the second line is here.\n' >"$TMP/nulbyte.txt"
check "a NUL byte in a text file is repaired, not the whole file dropped" 0 "$DATELINE" clean "$TMP/nulbyte.txt"
lines "$OUT" 1
has "$OUT" 'second line is here'
has "$ERR" '1 NUL byte (first at byte 15) replaced with U+FFFD'

head -c 4000 /dev/zero >"$TMP/zeros.bin"
check "a file of zeros is still binary" 1 "$DATELINE" clean "$TMP/zeros.bin"
has "$ERR" 'binary data'

printf '{"id":"x","text":"One."}\n{"id":"x","text":"Two."}\n{"id":"y","text":""}\n' >"$TMP/dup.jsonl"
check "duplicate ids and empty texts are reported" 1 "$DATELINE" clean "$TMP/dup.jsonl"
lines "$OUT" 2
has "$ERR" 'dup.jsonl:2: warning: duplicate id "x" (first at .*dup.jsonl:1)'
has "$ERR" 'dup.jsonl:3: error: record has an empty "text"; skipped'

# 7. UTF-16 without a byte-order mark.
if [ -n "$PY" ]; then
    "$PY" -c "import sys; open(sys.argv[1],'wb').write('Hamas fired rockets at Israel.\n'.encode('utf-16-le'))" "$TMP/u16.txt"
    check "UTF-16LE without a BOM is read" 0 "$DATELINE" clean "$TMP/u16.txt"
    has "$OUT" 'Hamas fired rockets at Israel.'
    has "$ERR" 'UTF-16LE without a byte-order mark'
    lacks "$ERR" 'binary'
fi

# 6. Values that mean nothing are refused, naming the flag (exit 2).
check "--date tomorrow refused" 2 "$DATELINE" clean --date tomorrow "$TMP/d/a.txt"
has "$ERR" "--date takes an ISO 8601 date"
check "--date 2024-02-30 refused" 2 "$DATELINE" clean --date 2024-02-30 "$TMP/d/a.txt"
check "--date 2024-03 taken" 0 "$DATELINE" clean --date 2024-03 "$TMP/d/a.txt"
has "$OUT" '"date":"2024-03"'
check "a missing value names the option, no stray byte" 2 "$DATELINE" clean --date
has "$ERR" "option --date needs a value"
lacks "$ERR" "option -[^-]"
check "a missing value in a store command names it" 2 "$DATELINE" events --db
has "$ERR" "option --db needs a value"
check "--since 2024-13-45 refused" 2 "$DATELINE" events --db "$TMP/none.db" --since 2024-13-45
has "$ERR" "--since takes an ISO 8601 date"
check "search --since xyz refused" 2 "$DATELINE" search --db "$TMP/none.db" --since xyz word
has "$ERR" "--since takes"
check "--until 2024 (year precision) taken" 3 "$DATELINE" events --db "$TMP/none.db" --until 2024
has "$ERR" "no such store"
for f in actor=ISR cameo=19 plover=ASSAULT; do
    v=${f#*=} f=${f%%=*}
    check "quotes --db --$f refused, not ignored" 2 "$DATELINE" quotes --db "$TMP/none.db" --$f "$v"
    has "$ERR" "--$f does not apply to quotes"
done

finish
