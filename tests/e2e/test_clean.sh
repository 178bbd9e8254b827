# test_clean.sh: `dateline clean` end to end, with broken input.
. "$(dirname "$0")/lib.sh"

printf 'Talks Resume In Cairo\n\nCAIRO: Negotiators met on Monday.\n' >"$TMP/a.txt"
printf '{"id":"j1","text":"One sentence only"}\n{"id":"j2","text":"Trunc\n[1]\n{"id":"j3","text":"Third record."}\n' >"$TMP/b.jsonl"
: >"$TMP/empty.txt"
printf 'GIF89a\000\001\002' >"$TMP/pic.gif"
printf 'caf\351 au lait.\n' >"$TMP/latin1.txt"
printf 'Caf\303\251 \377 here.\n' >"$TMP/badutf8.txt"
mkdir -p "$TMP/dir/sub" && cp "$TMP/a.txt" "$TMP/dir/sub/x.txt" && cp "$TMP/b.jsonl" "$TMP/dir/y.jsonl"

check help 0 "$DATELINE" clean --help
has "$OUT" "usage: dateline clean"
has "$OUT" "Exit status"

check text-file 0 "$DATELINE" clean "$TMP/a.txt"
lines "$OUT" 1
has "$OUT" '"title":"Talks Resume In Cairo"'
has "$OUT" '"dateline":"CAIRO"'
has "$OUT" '"body":"Negotiators met on Monday."'

check stdin 0 sh -c "\"$DATELINE\" clean - <\"$TMP/a.txt\""
has "$OUT" '"source":"-"'

check jsonl-bad-records-reported-rest-kept 1 "$DATELINE" clean "$TMP/b.jsonl"
lines "$OUT" 2
has "$OUT" '"id":"j1"'
has "$OUT" '"body":"One sentence only"'
has "$OUT" '"id":"j3"'
has "$ERR" 'b.jsonl:2: error: truncated JSON record'
has "$ERR" 'b.jsonl:3: error: not a JSON object'

check empty-file-warns 0 "$DATELINE" clean "$TMP/empty.txt"
has "$ERR" 'empty.txt: warning: empty file'
check empty-file-quiet 0 "$DATELINE" clean -q "$TMP/empty.txt"
lacks "$ERR" 'warning'

check binary-file-skipped-rest-processed 1 "$DATELINE" clean "$TMP/pic.gif" "$TMP/a.txt"
has "$ERR" 'pic.gif: error: binary data'
lines "$OUT" 1

check missing-path 1 "$DATELINE" clean "$TMP/nope.txt" "$TMP/a.txt"
has "$ERR" 'nope.txt: error: cannot open'
lines "$OUT" 1

check latin1-read-as-cp1252 0 "$DATELINE" clean "$TMP/latin1.txt"
has "$OUT" 'café au lait'
has "$ERR" 'read as Windows-1252'

check invalid-utf8-repaired 0 "$DATELINE" clean "$TMP/badutf8.txt"
has "$ERR" 'invalid UTF-8 at byte 6'

check directory-recursive 1 "$DATELINE" clean "$TMP/dir"
lines "$OUT" 3

check unknown-option 2 "$DATELINE" clean --frobnicate
has "$ERR" 'unknown'

check bad-format 2 "$DATELINE" clean --format xml "$TMP/a.txt"

check date-option 0 "$DATELINE" clean --date 2024-02-03 "$TMP/a.txt"
has "$OUT" '"date":"2024-02-03"'

# 50 MB on one line: over the default article limit, reported and
# skipped; with the limit raised, processed in bounded time.
awk 'BEGIN { s = "The minister said the talks would continue. "; for (i = 0; i < 1150000; i++) printf "%s", s }' >"$TMP/huge.txt"
check huge-single-line-refused 1 "$DATELINE" clean "$TMP/huge.txt"
has "$ERR" "huge.txt: error: file larger than 8388608 bytes (--max-article-bytes); skipped"
check huge-single-line 0 "$DATELINE" clean --max-article-bytes 60000000 "$TMP/huge.txt"
lines "$OUT" 1

check unknown-command 2 "$DATELINE" frobnicate
has "$ERR" "unknown command"

finish
