# test_eval_gum.sh: `dateline eval events --gum`: the GUM news documents as
# event gold. A hand-made CoNLL-U file and gold (tests/data/eval_gum/, the
# sentences of tests/data/eval_events/ so the figures must agree), broken
# inputs, and the real GUM files with the project's gold when ../shared is
# there (the reader must place every gold sentence; no coder floors here).
. "$(dirname "$0")/lib.sh"

DATA=tests/data/eval_gum
GOLD=tests/data/gum-news-events.jsonl

check help 0 "$DATELINE" eval events --help
has "$OUT" "--gum FILE.conllu"
check gum-without-gold 2 "$DATELINE" eval events --gum "$DATA/tiny.conllu"
has "$ERR" "go together"
check gold-without-gum 2 "$DATELINE" eval events --gold "$DATA/events.jsonl" "$DATA"
has "$ERR" "go together"
check gum-no-files 2 "$DATELINE" eval events --gum --gold "$DATA/events.jsonl"
has "$ERR" "CoNLL-U files"
check gum-missing-conllu 3 "$DATELINE" eval events --gum "$TMP/nowhere.conllu" --gold "$DATA/events.jsonl"
has "$ERR" "nowhere.conllu"
check gum-missing-gold 3 "$DATELINE" eval events --gum "$DATA/tiny.conllu" --gold "$TMP/nowhere.jsonl"
has "$ERR" "nowhere.jsonl"

# The same four events as the Wikinews-layout test folder, so the same
# figures; the how-to document the gold does not name is not run.
check tiny 0 "$DATELINE" eval events --gum "$DATA/tiny.conllu" --gold "$DATA/events.jsonl"
has "$OUT" '"articles":2,"sentences":5,'
has "$OUT" '"gold":4,"gold_asserted":3,'
has "$OUT" '"type_source_target":{"precision":1,"recall":1,'
has "$OUT" '"negated":{"asserted":0,"negated":1,'
has "$OUT" '"gold_unplaced":0,'
check tiny-wikinews-layout 0 "$DATELINE" eval events tests/data/eval_events
cp "$OUT" "$TMP/wikinews-layout.json"
check tiny-again 0 "$DATELINE" eval events --gum "$DATA/tiny.conllu" --gold "$DATA/events.jsonl"
sed 's/"sentences_per_second":[0-9.e+]*//' "$OUT" >"$TMP/a"
sed 's/"sentences_per_second":[0-9.e+]*//' "$TMP/wikinews-layout.json" >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" || fail "GUM layout and Wikinews layout score the same articles differently"

# Broken gold: an unknown sent_id, a line without "doc", a truncated line
# and a document absent from the CoNLL-U file are reported by line and
# skipped; the rest is scored.
{
    head -1 "$DATA/events.jsonl"
    echo '{"doc": "GUM_news_t2", "events": [{"sent_id": "GUM_news_t2-9", "cameo": "111"}]}'
    echo '{"article": "GUM_news_t2", "events": []}'
    echo '{"doc": "GUM_news_t2", "events": [{"sent_id": "GUM_n'
    echo '{"doc": "GUM_news_absent", "events": [{"sent_id": "GUM_news_absent-1", "cameo": "111"}]}'
} >"$TMP/broken.jsonl"
check broken-gold 0 "$DATELINE" eval events --gum "$DATA/tiny.conllu" --gold "$TMP/broken.jsonl"
has "$ERR" 'broken.jsonl:2: warning: gold lines or events skipped'
has "$OUT" '"articles":2,'
has "$OUT" '"gold":3,'
# A gold "sentence" is never taken from the gold file, only from the corpus.
sed 's/"sent_id": "GUM_news_t2-1"/"sent_id": "GUM_news_t2-2", "sentence": "Japan criticized China over the dispute."/' \
    "$DATA/events.jsonl" >"$TMP/moved.jsonl"
check sentence-from-corpus 0 "$DATELINE" eval events --gum "$DATA/tiny.conllu" --gold "$TMP/moved.jsonl"
has "$OUT" '"type_source_target":{"precision":0.75,"recall":0.6666666667,'

# Broken CoNLL-U: a sentence with no sent_id and one before any document
# are reported by line; the documents around them still score.
{ echo '# text = Nobody owns this sentence.'; echo; cat "$DATA/tiny.conllu"; } | sed 's/^# sent_id = GUM_news_t1-3$//' >"$TMP/broken.conllu"
check broken-conllu 0 "$DATELINE" eval events --gum "$TMP/broken.conllu" --gold "$DATA/events.jsonl"
has "$ERR" 'broken.conllu:1: warning: sentences skipped'
has "$OUT" '"articles":2,"sentences":4,'
has "$OUT" '"gold_unplaced":0,'
# Binary junk is read as no documents: every gold line is reported.
head -c 3000 "$DATELINE" >"$TMP/junk.conllu"
check junk-conllu 0 "$DATELINE" eval events --gum "$TMP/junk.conllu" --gold "$DATA/events.jsonl"
has "$ERR" 'events.jsonl:1: warning'
has "$OUT" '"articles":0,'

# The real GUM files and the project's gold: all 21 news documents found,
# every gold sentence placed, no line skipped.
SHARED=${DATELINE_SHARED:-../shared}
GUM=$SHARED/data/gum
if [ -f "$GUM/en_gum-train.conllu" ] && [ -f "$GUM/en_gum-dev.conllu" ]; then
    check gum-news 0 "$DATELINE" eval events --gum "$GUM/en_gum-train.conllu" "$GUM/en_gum-dev.conllu" --gold "$GOLD"
    has "$OUT" '"articles":21,'
    has "$OUT" '"gold_unplaced":0,'
    lacks "$ERR" 'warning'
    lacks "$OUT" '"gold":0,'
else
    echo "$SUITE: skipping the GUM news documents: $GUM is absent" >&2
fi

finish
