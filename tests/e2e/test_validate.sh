# test_validate.sh: `dateline validate` end to end: a hand-written
# validation file with tiny dictionaries (tests/data/validate/), broken
# files, and PETRARCH's own unit-test records when ../shared is there.
. "$(dirname "$0")/lib.sh"

DATA=tests/data/validate
TINY=$DATA/tiny.records.xml
# The pass rate the coder reached on PETR.UnitTest.records.xml, rounded
# down: a floor that must hold, raised as the coder improves.
PETRARCH_FLOOR=86

check help 0 "$DATELINE" validate --help
has "$OUT" "usage: dateline validate"
has "$OUT" "min-pass"

check no-file 2 "$DATELINE" validate
has "$ERR" "give one validation file"
check two-files 2 "$DATELINE" validate "$TINY" "$TINY"
check stdin-refused 2 "$DATELINE" validate -
check bad-min-pass 2 "$DATELINE" validate --min-pass lots "$TINY"
has "$ERR" "min-pass"
check unknown-option 2 "$DATELINE" validate --frobnicate "$TINY"

check tiny-all-pass 0 "$DATELINE" validate "$TINY"
has "$OUT" '^validate: 3 passed, 0 failed$'
lacks "$OUT" '^FAIL'
has "$OUT" '^CRITICIZE  *1  *1  *0$'
check tiny-min-pass-100 0 "$DATELINE" validate --min-pass 100 "$TINY"
check tiny-verbose 0 "$DATELINE" validate --verbose "$TINY"
has "$OUT" '^ok   TINY-02 (ASSAULT)$'

# A wrong expectation: the record fails, the run still succeeds, and the
# failure line says what was expected and what was found.
cp "$DATA"/tiny.*.txt "$TMP/"
sed 's/sourcecode="ZEMGOV" targetcode="FLO" eventcode="111"/sourcecode="ZEMGOV" targetcode="FLO" eventcode="190"/' \
    "$TINY" >"$TMP/wrong.xml"
check wrong-expectation 0 "$DATELINE" validate "$TMP/wrong.xml"
has "$OUT" '^FAIL TINY-01 (CRITICIZE): expected ZEMGOV FLO 190; got ZEMGOV FLO 111 | The Zembla minister condemned Florin on Monday\.$'
has "$OUT" '^validate: 2 passed, 1 failed$'
has "$OUT" '^CRITICIZE  *1  *0  *1$'
check wrong-under-min-pass 1 "$DATELINE" validate --min-pass 90 "$TMP/wrong.xml"
has "$ERR" 'pass rate 66.7% is below --min-pass 90%'
has "$OUT" '^validate: 2 passed, 1 failed$'
check wrong-verbose-explains 0 "$DATELINE" validate --verbose "$TMP/wrong.xml"
has "$OUT" 'event ZEMGOV FLO 111: verb .condemned.'

# Malformed records are reported with file and line and skipped; the
# others are still run, and the exit status is 1.
{
    sed -n '1,/<Sentences>/p' "$TINY"
    printf '<Sentence date="20240311" id="BAD-01" category="X">\n'
    printf '<EventCoding sourcecode="ZEM" eventcode="111"></EventCoding>\n'
    printf '<Text>The Zembla minister condemned Florin.</Text>\n</Sentence>\n'
    printf '<Sentence date="2024-03-11" id="BAD-02" category="X">\n'
    printf '<EventCoding noevents="True"></EventCoding><Text>x</Text></Sentence>\n'
    sed -n '/<Sentences>/,$p' "$TINY" | sed 1d
    printf '<Sentence date="20240311" id="BAD-03" category="X">\n<Text>Zembla condemned'
} >"$TMP/broken.xml"
head_lines=$(sed -n '1,/<Sentences>/p' "$TINY" | wc -l)
check broken-records 1 "$DATELINE" validate "$TMP/broken.xml"
has "$ERR" "broken.xml:$((head_lines + 2)): error: record 'BAD-01': <EventCoding> has no targetcode; record skipped"
has "$ERR" "broken.xml:$((head_lines + 5)): error: record 'BAD-02': date \"2024-03-11\" is not YYYYMMDD; record skipped"
has "$ERR" "broken.xml:[0-9]*: error: record 'BAD-03': the file ends inside its <Text> (truncated?); record skipped"
has "$OUT" '^validate: 3 passed, 0 failed$'
has "$OUT" '3 malformed records skipped'

check missing-file 1 "$DATELINE" validate "$TMP/nope.xml"
has "$ERR" 'nope.xml: error: cannot read'

printf '<Validation><Sentences></Sentences></Validation>\n' >"$TMP/empty.xml"
check no-records 1 "$DATELINE" validate "$TMP/empty.xml"
has "$ERR" 'no validation records'

# A dictionary that is not there: exit 3, naming the files.
sed 's/tiny.verbs.txt/missing.verbs.txt/' "$TINY" >"$TMP/nodict.xml"
check missing-dictionary 3 "$DATELINE" validate "$TMP/nodict.xml"
has "$ERR" 'missing.verbs.txt'

# PETRARCH's unit-test records, with its own validation dictionaries.
SHARED=${DATELINE_SHARED:-../shared}
PETR=$SHARED/data/petrarch2-unit-tests/PETR.UnitTest.records.xml
if [ -f "$PETR" ]; then
    check petrarch-unit-tests 0 "$DATELINE" validate --min-pass "$PETRARCH_FLOOR" "$PETR"
    has "$OUT" '^validate: [0-9][0-9]* passed, [0-9][0-9]* failed$'
    has "$OUT" '^DEMO '
else
    echo "$SUITE: skipping PETRARCH's unit-test records: $PETR is absent" >&2
fi

finish
