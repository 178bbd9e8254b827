#!/bin/sh
# test_check_data.sh: `dateline check-data` passes the shipped data and
# names the file and line of each kind of problem in a broken copy.
. "$(dirname "$0")/lib.sh"
DATA=${DATELINE_DATA:?set DATELINE_DATA to the data folder}

check shipped-data-is-clean 0 "$DATELINE" check-data "$DATA"
has "$OUT" "check-data: 0 errors, 0 warnings"

cp -r "$DATA" "$TMP/bad"
printf -- '--- FOO  [999] ---\nFOO\n- * + [1299]\n' >>"$TMP/bad/verbs.txt"
printf 'CHECK_DATA_TEST_ENTRY [ISRGOV 20200101-20100101]\nCHECK_DATA_TEST_ENTRY [ISR]\n' >>"$TMP/bad/actors/countries.txt"
printf '042 but no tab\n' >>"$TMP/bad/nominal.txt"
printf '042\tdup\t1.0\t1\tCONSULT\t\n' >"$TMP/dup.tsv"
sed -i "/^\[cyber\]/e cat $TMP/dup.tsv" "$TMP/bad/cameo.tsv"
check broken-data-reported 1 "$DATELINE" check-data "$TMP/bad"
has "$ERR" "verbs.txt:[0-9]*: warning: the verb block uses CAMEO code 999"
has "$ERR" "verbs.txt:[0-9]*: warning: the pattern uses CAMEO code 1299"
has "$ERR" "countries.txt:[0-9]*: warning: CHECK DATA TEST ENTRY: a dated code runs backwards"
has "$ERR" "countries.txt:[0-9]*: warning: entry CHECK DATA TEST ENTRY is defined again"
has "$ERR" "nominal.txt:[0-9]*: warning: a frame line is CODE<TAB>frame"
has "$ERR" "cameo.tsv:[0-9]*: warning: CAMEO code 042 listed twice"
has "$OUT" "check-data: 0 errors, [1-9][0-9]* warnings"

check missing-folder 1 "$DATELINE" check-data "$TMP/no-such-folder"
has "$ERR" "error"

check two-folders-is-usage 2 "$DATELINE" check-data "$DATA" "$DATA"
finish
