# test_eval_events.sh: `dateline eval events` end to end: a hand-written
# gold folder (tests/data/eval_events/), broken gold, and the Wikinews
# development set when ../shared is there (floors, not exact figures).
. "$(dirname "$0")/lib.sh"

DATA=tests/data/eval_events
# Figures the coder reached on ../shared/data/wikinews-events-dev, rounded
# down: floors that must hold, raised as the coder improves (percent).
TST_PRECISION_FLOOR=10
TST_RECALL_FLOOR=1
FACTUALITY_FLOOR=70

check help 0 "$DATELINE" eval events --help
has "$OUT" "usage: dateline eval events"
has "$OUT" "errors"
check no-dir 2 "$DATELINE" eval events
has "$ERR" "give one folder"
check missing-dir 3 "$DATELINE" eval events "$TMP/nowhere"
has "$ERR" "events.jsonl"
check bad-format 2 "$DATELINE" eval events --format csv "$DATA"

# Four gold events, three asserted; the negated one is matched only by an
# event marked negated, and the counts come from the gold alone. "Police"
# and "protesters" are coded with the country of their sentence's place.
check tiny 0 "$DATELINE" eval events "$DATA"
has "$OUT" '"task":"events"'
has "$OUT" '"articles":2,'
has "$OUT" '"gold":4,"gold_asserted":3,'
has "$OUT" '"type":{"precision":1,"recall":1,'
has "$OUT" '"type_source_target":{"precision":1,"recall":1,'
has "$OUT" '"negated":{"asserted":0,"negated":1,'
check tiny-text 0 "$DATELINE" eval events --format text "$DATA"
has "$OUT" '^type_source_target  *P 100.0%  R 100.0%'
has "$OUT" '^factuality right  *100.0% of 4 matched'

# A gold event the coder does not find is a miss, listed with --errors.
mkdir -p "$TMP/miss"
cp "$DATA/articles.jsonl" "$TMP/miss/"
sed 's/"cameo": "111", "plover": "ACCUSE"/"cameo": "173", "plover": "COERCE"/' "$DATA/events.jsonl" >"$TMP/miss/events.jsonl"
check miss 0 "$DATELINE" eval events --errors "$TMP/miss"
has "$OUT" '"type":{"precision":0.75,"recall":0.6666666667,'
has "$ERR" '"kind":"miss","article":"t2","event":"173 COERCE JPNGOV -> CHN asserted"'
has "$ERR" '"kind":"false_positive","article":"t2","event":"111 ACCUSE JPNGOV -> CHN asserted"'

# Broken gold: a truncated line and an event without a code are reported
# with the line and skipped; the rest is scored.
mkdir -p "$TMP/broken"
cp "$DATA/articles.jsonl" "$TMP/broken/"
{ head -1 "$DATA/events.jsonl"; echo '{"article": "t2", "events": [{"sentence": "Japan crit'; echo '{"article": "t3", "events": [{"sentence": "x"}]}'; } >"$TMP/broken/events.jsonl"
check broken-gold 0 "$DATELINE" eval events "$TMP/broken"
has "$ERR" 'events.jsonl:2: warning: gold lines or events skipped'
has "$OUT" '"gold":3,'
# A broken article line is an error (exit 1) and the rest is scored.
mkdir -p "$TMP/broken-articles"
cp "$DATA/events.jsonl" "$TMP/broken-articles/"
{ head -1 "$DATA/articles.jsonl"; echo '{"id": "t2", "text": "Japan crit'; } >"$TMP/broken-articles/articles.jsonl"
check broken-articles 1 "$DATELINE" eval events "$TMP/broken-articles"
has "$ERR" 'articles.jsonl:2'
has "$OUT" '"articles":1,'

# The development set: floors on type+source+target and factuality.
SHARED=${DATELINE_SHARED:-../shared}
DEV=$SHARED/data/wikinews-events-dev
if [ -f "$DEV/events.jsonl" ]; then
    check wikinews-dev 0 "$DATELINE" eval events --format text "$DEV"
    awk -v p="$TST_PRECISION_FLOOR" -v r="$TST_RECALL_FLOOR" '
        $1 == "type_source_target" { gsub("%", ""); if ($3 < p || $5 < r) { print "below floor: " $0; exit 1 } }' "$OUT" ||
        fail "type+source+target below P $TST_PRECISION_FLOOR% R $TST_RECALL_FLOOR%: $(grep '^type_source_target ' "$OUT")"
    awk -v f="$FACTUALITY_FLOOR" '
        $1 == "factuality" { gsub("%", ""); if ($3 < f) exit 1 }' "$OUT" ||
        fail "factuality below $FACTUALITY_FLOOR%: $(grep '^factuality' "$OUT")"
else
    echo "$SUITE: skipping the Wikinews development set: $DEV is absent" >&2
fi

finish
