# test_quotes.sh: `dateline quotes` end to end: extraction from text and
# stdin, names in quotation marks, bad input, and --db reading a store.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.txt" <<'EOF'
Hackers Hit Court Systems

"We reject outright the call for a ceasefire," the foreign minister said. "The operation goes on."

Investigators have dubbed the group "Salt Typhoon.” A second group, nicknamed "Flax Typhoon," was disrupted earlier.

According to the US Department of Defense, the secretary stressed "the importance of protecting civilians."
EOF
: >"$TMP/empty.txt"
printf 'GIF89a\000\001\002' >"$TMP/pic.gif"

check help 0 "$DATELINE" quotes --help
has "$OUT" "usage: dateline quotes"
has "$OUT" "--db"

check text-file 0 "$DATELINE" quotes "$TMP/a.txt"
has "$OUT" '"speaker":"the foreign minister"'
has "$OUT" '"text":"We reject outright the call for a ceasefire"'
has "$OUT" '"text":"The operation goes on."'
has "$OUT" '"cue":"According to"'
has "$OUT" '"text":"the importance of protecting civilians."'
has "$OUT" '"direct":true'
lacks "$OUT" 'Typhoon'

check stdin 0 sh -c "\"$DATELINE\" quotes - <\"$TMP/a.txt\""
has "$OUT" '"speaker":"the foreign minister"'

check empty-file 0 "$DATELINE" quotes -q "$TMP/empty.txt"
lines "$OUT" 0

check binary-skipped-rest-processed 1 "$DATELINE" quotes "$TMP/pic.gif" "$TMP/a.txt"
has "$ERR" 'pic.gif: error'
has "$OUT" '"speaker":"the foreign minister"'

check bad-format 2 "$DATELINE" quotes --format xml "$TMP/a.txt"
check unknown-option 2 "$DATELINE" quotes --frobnicate

# --db reads a store instead of text: its own options, its own errors.
check db-bad-limit 2 "$DATELINE" quotes --db "$TMP/none.db" --limit x
check db-unexpected-argument 2 "$DATELINE" quotes --db "$TMP/none.db" "$TMP/a.txt"

# With a store made by `dateline ingest` (when that command exists).
if "$DATELINE" ingest --help >/dev/null 2>&1; then
    check ingest 0 "$DATELINE" ingest -q --db "$TMP/q.db" "$TMP/a.txt"
    check db-speaker 0 "$DATELINE" quotes --db "$TMP/q.db" --speaker minister
    has "$OUT" 'We reject outright'
    lacks "$OUT" 'Typhoon'
    # Words, not substrings: "inist" is inside "minister" but no word.
    check db-speaker-part 0 "$DATELINE" quotes --db "$TMP/q.db" --speaker inist
    lacks "$OUT" 'We reject outright'
fi

finish
