# test_train.sh: `dateline train`, the model files it writes (the same
# input and seed give the same bytes), a broken or foreign model refused
# with a clear message, `parse --format conllu`, and `eval parse` with
# trees, on a small hand-written treebank (tests/data/train/tiny.conllu).
. "$(dirname "$0")/lib.sh"

TINY=tests/data/train/tiny.conllu
D=$TMP/data
mkdir -p "$D"
cp -r "$DATELINE_DATA"/. "$D"/

check usage-nothing 2 "$DATELINE" train
has "$ERR" "train what"
check usage-no-output 2 "$DATELINE" train tagger "$TINY"
has "$ERR" "no output"
check usage-bad-kind 2 "$DATELINE" train lemmas "$TINY" -o "$TMP/x"
check usage-bad-option 2 "$DATELINE" train tagger --frobnicate "$TINY" -o "$TMP/x"
check help 0 "$DATELINE" train --help
has "$OUT" "usage: dateline train"
check missing-file 3 "$DATELINE" train tagger "$TMP/none.conllu" -o "$TMP/x"
has "$ERR" "cannot read"
printf '1\tHi\n\n' >"$TMP/broken.conllu"
check broken-conllu 3 "$DATELINE" train tagger "$TMP/broken.conllu" -o "$TMP/x"
has "$ERR" "broken.conllu:1"

check tagger 0 "$DATELINE" train tagger "$TINY" --seed 7 -o "$TMP/t1.dlm"
has "$ERR" "pass 8:"
check tagger-again 0 "$DATELINE" train -q tagger "$TINY" --seed 7 -o "$TMP/t2.dlm"
cmp -s "$TMP/t1.dlm" "$TMP/t2.dlm" || fail "the same seed gave another tagger"
check parser 0 "$DATELINE" train -q parser "$TINY" --folds 2 --iterations 5 -o "$TMP/p1.dlm"
check parser-again 0 "$DATELINE" train -q parser "$TINY" --folds 2 --iterations 5 -o "$TMP/p2.dlm"
cmp -s "$TMP/p1.dlm" "$TMP/p2.dlm" || fail "the same seed gave another parser"
check parser-given-tagger 0 "$DATELINE" train -q parser "$TINY" --folds 0 --tagger "$TMP/t1.dlm" --iterations 3 -o "$TMP/p3.dlm"

# The tiny models run the whole language core.
cp "$TMP/t1.dlm" "$D/models/tagger.dlm"
cp "$TMP/p1.dlm" "$D/models/parser.dlm"
printf 'The army said it struck targets.\n' >"$TMP/one.txt"
check conllu 0 "$DATELINE" parse --data "$D" --format conllu "$TMP/one.txt"
has "$OUT" "^# sent_id = .*-1$"
has "$OUT" "^# text = The army said it struck targets.$"
has "$OUT" "$(printf '^7\t.\t.\tPUNCT\t.\t_\t[0-9]\t[a-z:]*\t_\t_$')"
[ "$(grep -c "$(printf '\t0\troot\t')" "$OUT")" = 1 ] || fail "not one root"
[ "$(awk -F'\t' 'NF == 10' "$OUT" | wc -l)" = 7 ] || fail "not seven ten-column lines"
cp "$OUT" "$TMP/one.conllu"
check conllu-reads-back 0 "$DATELINE" eval parse --data "$D" "$TMP/one.conllu"
has "$OUT" '"uas":1.0000'
check json-tree 0 "$DATELINE" parse --data "$D" "$TMP/one.txt"
has "$OUT" '"deprel":"root"'
has "$OUT" '"head":-1'
has "$OUT" '"upos":"NOUN"'
check bad-format 2 "$DATELINE" parse --format xml "$TMP/one.txt"
check eval-tiny 0 "$DATELINE" eval parse --data "$D" "$TINY"
has "$OUT" '"uas":'
has "$OUT" '"las":'
check eval-text 0 "$DATELINE" eval parse --data "$D" --format text --subset tiny- "$TINY"
has "$OUT" "UAS"
has "$OUT" "documents whose id starts with tiny-"

# Broken and foreign model files are refused, and the message says why.
head -c 100 "$TMP/t1.dlm" >"$D/models/tagger.dlm"
check truncated-tagger 3 "$DATELINE" parse --data "$D" "$TMP/one.txt"
has "$ERR" "tagger.dlm: truncated"
cp "$TMP/p1.dlm" "$D/models/tagger.dlm"
check parser-as-tagger 3 "$DATELINE" parse --data "$D" "$TMP/one.txt"
has "$ERR" "a parser model where a tagger model was expected"
printf 'hello' >"$D/models/tagger.dlm"
check not-a-model 3 "$DATELINE" parse --data "$D" "$TMP/one.txt"
has "$ERR" "not a dateline model"
cp "$TMP/t1.dlm" "$D/models/tagger.dlm"
rm "$D/models/parser.dlm"
check missing-parser 3 "$DATELINE" code --data "$D" "$TMP/one.txt"
has "$ERR" "parser.dlm: cannot open"

# The shipped models: one tree per sentence on the examples.
check examples-conllu 0 "$DATELINE" parse --format conllu examples/
[ "$(grep -c '^# text' "$OUT")" = "$(grep -c "$(printf '\t0\troot\t')" "$OUT")" ] || fail "a sentence without exactly one root"
finish
