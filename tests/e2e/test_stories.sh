# test_stories.sh: near-duplicates, stories and event counts from the
# command line: `ingest` links copies and builds stories, `stories` lists
# and shows them, `events --dedup` and the GDELT export count each event
# once, articles added later join their stories, and `eval stories` holds
# the floors on the development set (tests/data/stories/dev.jsonl).
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/tests/data/stories/dev.jsonl"
DB="$TMP/s.db"
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || PY=

# The first half of the set, then the rest: later articles join stories.
head -n 20 "$DEV" >"$TMP/first.jsonl"
tail -n +21 "$DEV" >"$TMP/rest.jsonl"
check ingest-first 0 "$DATELINE" ingest -q --db "$DB" "$TMP/first.jsonl"
check stories-first 0 "$DATELINE" stories --db "$DB"
n_first=$(wc -l <"$OUT")
check ingest-rest 0 "$DATELINE" ingest -q --db "$DB" "$TMP/rest.jsonl"
check ingest-again-adds-nothing 0 "$DATELINE" ingest --db "$DB" "$DEV"
has "$ERR" "0 articles stored (43 already there"

check stories-list 0 "$DATELINE" stories --db "$DB"
lines "$OUT" 14
has "$OUT" '"title":"Israeli air strike on Khan Younis kills at least 12"'
has "$OUT" '"articles":4'
[ "$n_first" -lt 14 ] || fail "the first half already had every story"

# The Gaza story: four outlets, one strike counted once.
gaza=$(grep 'Khan Younis kills' "$OUT" | sed 's/.*"id":\([0-9]*\).*/\1/')
check stories-show 0 "$DATELINE" stories --db "$DB" "$gaza"
has "$OUT" '"id":"gaza-strike-d"'
has "$OUT" '"outlet":"mideastbrief.example"'
lacks "$OUT" 'odesa'
check stories-show-text 0 "$DATELINE" stories --db "$DB" --format text "$gaza"
has "$OUT" "story $gaza"

# A teaser and a re-publication of an example are linked to the original.
check stories-copies 0 sh -c "\"$DATELINE\" stories --db \"$DB\" | grep -o '\"id\":[0-9]*' | cut -d: -f2 |
    while read id; do \"$DATELINE\" stories --db \"$DB\" \$id; done"
has "$OUT" '"id":"03-washington-katz-call-teaser".*"duplicate_of":"03-washington-katz-call","duplicate":"contained"'
has "$OUT" '"id":"01-kyiv-drone-attack-edited".*"duplicate_of":"01-kyiv-drone-attack","duplicate":"near"'

# Events: raw mentions vs events counted once.
check events-raw 0 "$DATELINE" events --db "$DB" --raw
n_raw=$(wc -l <"$OUT")
check events-dedup 0 "$DATELINE" events --db "$DB" --dedup
n_dedup=$(wc -l <"$OUT")
has "$OUT" '"num_mentions":'
has "$OUT" '"num_sources":'
[ "$n_dedup" -lt "$n_raw" ] || fail "--dedup printed $n_dedup of $n_raw events"
grep '"num_articles":[2-9]' "$OUT" >/dev/null || fail "no event was reported by two articles"
check events-dedup-csv 0 "$DATELINE" events --db "$DB" --dedup --format csv
head -1 "$OUT" | grep -q 'num_mentions,num_articles,num_sources' || fail "csv header lacks the counts"
check export-gdelt 0 "$DATELINE" export --db "$DB" --format gdelt
[ "$(cut -f32 "$OUT" | sort -n | tail -1)" -ge 2 ] || fail "no GDELT row has NumMentions of 2 or more"
[ -z "$(awk -F'\t' '$33 > $34 || $34 > $32' "$OUT")" ] || fail "NumSources > NumArticles or NumArticles > NumMentions"

# The same store built in one go holds the same stories.
check ingest-one-go 0 "$DATELINE" ingest -q --db "$TMP/one.db" "$DEV"
"$DATELINE" stories --db "$TMP/one.db" | sed 's/"id":[0-9]*,//' | sort >"$TMP/one.txt"
"$DATELINE" stories --db "$DB" | sed 's/"id":[0-9]*,//' | sort >"$TMP/two.txt"
cmp -s "$TMP/one.txt" "$TMP/two.txt" || fail "stories differ between one ingest and two"

# With stories off, nothing is grouped.
check ingest-no-stories 0 "$DATELINE" ingest -q --no-stories --db "$TMP/off.db" "$DEV"
check stories-none 0 "$DATELINE" stories --db "$TMP/off.db"
lines "$OUT" 0

# The floors on the development set.
check eval-stories 0 "$DATELINE" eval stories "$DEV"
if [ -n "$PY" ]; then
    "$PY" - "$OUT" <<'PYEOF' || fail "below the floors: $(cat "$OUT")"
import json, sys
r = json.load(open(sys.argv[1]))
d, s = r["duplicates"], r["stories"]
assert r["articles"] == 43 and r["missing"] == 0, r
assert d["pairwise_precision"] >= 0.99 and d["pairwise_recall"] >= 0.95, d
assert s["bcubed_f1"] >= 0.90, s
PYEOF
fi
check eval-stories-text 0 "$DATELINE" eval stories --format text "$DEV"
has "$OUT" "B-cubed"

# Unrelated news stays apart: the 25 Wikinews articles of ../shared (one
# week of 2004, many about the same countries) are 25 happenings.
WN="$ROOT/../shared/data/wikinews-events-dev/articles.jsonl"
if [ -r "$WN" ]; then
    check wikinews-apart 0 "$DATELINE" ingest -q --db "$TMP/wn.db" "$WN"
    check wikinews-stories 0 "$DATELINE" stories --db "$TMP/wn.db"
    [ "$(wc -l <"$OUT")" -ge 24 ] || fail "$(wc -l <"$OUT") stories for 25 unrelated articles"
else
    echo "skip wikinews-apart: ../shared is absent"
fi

# Broken input and bad usage.
printf '{"id":"x","story":"s","text":"Some words here for the body of this article."}\nnot json\n{"id":"y","text":"no story"}\n' >"$TMP/bad.jsonl"
check eval-broken-gold 1 "$DATELINE" eval stories "$TMP/bad.jsonl"
has "$ERR" "bad.jsonl:2"
has "$ERR" 'needs an "id" and a "story"'
check eval-missing-gold 3 "$DATELINE" eval stories "$TMP/nope.jsonl"
check eval-no-gold 2 "$DATELINE" eval stories
check stories-no-such 3 "$DATELINE" stories --db "$DB" 999
has "$ERR" "no story 999"
check stories-bad-id 2 "$DATELINE" stories --db "$DB" abc
check stories-bad-format 2 "$DATELINE" stories --db "$DB" --format xml
check stories-missing-store 3 "$DATELINE" stories --db "$TMP/none.db"
check stories-help 0 "$DATELINE" stories --help
has "$OUT" "usage: dateline stories"

finish
