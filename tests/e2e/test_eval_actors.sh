# test_eval_actors.sh: `dateline eval actors` end to end: a hand-written
# GUM-style file (tests/data/eval_actors/), broken input, and the shared
# GUM and Wikinews sets when ../shared is there (floors, not exact figures).
. "$(dirname "$0")/lib.sh"

DATA=tests/data/eval_actors

check help 0 "$DATELINE" eval actors --help
has "$OUT" "usage: dateline eval actors"
has "$OUT" "--misses"
check no-input 2 "$DATELINE" eval actors
has "$ERR" "give GUM"
check bad-format 2 "$DATELINE" eval actors --format csv "$DATA/tiny.conllu"

# Three named gold mentions (Maria Lopez, the Acme Bank, Paris); "She" is
# not named. All three are found.
check tiny 0 "$DATELINE" eval actors "$DATA/tiny.conllu"
has "$OUT" '"task":"actors"'
has "$OUT" '"all":{"documents":1,"gold":3,'
has "$OUT" '"news":{"documents":1,"gold":3,'
has "$OUT" '"recall":1,'
check tiny-text 0 "$DATELINE" eval actors --format text "$DATA/tiny.conllu"
has "$OUT" '^GUM news (1 documents): gold 3,'

# A line that is not CoNLL-U is an error naming the file and line.
printf '# newdoc id = x\n# text = a b\n1\ta\n' >"$TMP/bad.conllu"
check broken 1 "$DATELINE" eval actors "$TMP/bad.conllu"
has "$ERR" 'bad.conllu:3: error: not a CoNLL-U word line'
check missing 1 "$DATELINE" eval actors "$TMP/nowhere.conllu"
has "$ERR" 'nowhere.conllu'

SHARED=${DATELINE_SHARED:-../shared}
if [ -f "$SHARED/data/wikinews-events-dev/events.jsonl" ]; then
    check wikinews-dev 0 "$DATELINE" eval actors --format text "$SHARED/data/wikinews-events-dev"
    awk '/^event actors/ { for (i = 1; i <= NF; i++) if ($i == "right") { v = $(i + 1); gsub("%,?", "", v); if (v + 0 < 66) exit 1; exit 0 } }' "$OUT" ||
        fail "event actors below 66% country right: $(cat "$OUT")"
else
    echo "$SUITE: skipping the Wikinews development set: absent" >&2
fi

finish
