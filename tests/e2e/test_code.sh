# test_code.sh: `dateline code` end to end: the events the seeds must give,
# formats, explain, options and bad input.
. "$(dirname "$0")/lib.sh"

SEEDS=${DATELINE_SHARED:-$DATELINE_ROOT/../shared}/seeds
# has_event FILE SOURCE CAMEO-PREFIX TARGET: an event with these codes
# (TARGET "-" for none) that is not negated.
has_event() {
    python3 - "$1" "$2" "$3" "$4" <<'PY' || fail "no event $2 --$3--> $4"
import json, sys
path, src, cameo, tgt = sys.argv[1:]
for line in open(path):
    e = json.loads(line)
    t = (e["target"] or {}).get("code") or "-"
    if e["source"]["code"].startswith(src) and e["cameo"].startswith(cameo) and t.startswith(tgt) and not e["negated"]:
        sys.exit(0)
sys.exit(1)
PY
}

check help 0 "$DATELINE" code --help
has "$OUT" "usage: dateline code"

if [ -d "$SEEDS" ]; then
    check seeds 0 "$DATELINE" code "$SEEDS"
    cp "$OUT" "$TMP/seeds.jsonl"
    has_event "$TMP/seeds.jsonl" ISRMIL 195 -            # the Israeli Air Force's air strikes
    has_event "$TMP/seeds.jsonl" PSEREBHMS 19 ISRMIL      # the Qassam Brigades' clashes with Israeli forces
    has_event "$TMP/seeds.jsonl" USAGOV 04 ISRGOV         # the Austin-Gallant call
    has_event "$TMP/seeds.jsonl" IGOUNO 02 PSE            # the General Assembly's call for a truce
    has_event "$TMP/seeds.jsonl" ISRGOV 12 IGOUNO         # Israel's rejection of it
    has_event "$TMP/seeds.jsonl" USA 104 ISR              # US pressure on Israel to delay the invasion
    has_event "$TMP/seeds.jsonl" USAGOV 041 ISRGOV        # the Biden-Netanyahu conversation
    has_event "$TMP/seeds.jsonl" CHNSPY 176 USABUS        # Chinese hackers' breach of US telecoms
    has_event "$TMP/seeds.jsonl" CHNGOV 016 USAGOV        # Beijing's denial
    has_event "$TMP/seeds.jsonl" USACOP 17 CHNSPY         # US law enforcement's disruption
    has "$OUT" '"plover":"COERCE","plover_mode":"cyber"'
    lacks "$OUT" '"cameo":"010"'                          # statements are the quotes stage's
    n=$(wc -l <"$TMP/seeds.jsonl")
    [ "$n" -le 30 ] || fail "$n events from the seeds: a spray"
    check seeds-csv 0 "$DATELINE" code --format csv "$SEEDS"
    has "$OUT" "^article,sentence,date,source_text"
else
    echo "skip e2e-code seeds: $SEEDS is absent" >&2
fi

printf 'Gondor Talks\n\nRussian troops attacked Ukrainian positions near Bakhmut on Monday.\n' >"$TMP/a.txt"
check text 0 "$DATELINE" code --date 2023-05-01 "$TMP/a.txt"
has "$OUT" '"cameo":"19'
has "$OUT" '"explain":{"verb":"attacked"'
has "$OUT" '"location":{"text":"Bakhmut","name":"Bakhmut","country":"UKR","admin1":null,"lat":48.6,"lon":38,"precision":"city"}'
has "$OUT" '"date":"2023-05-01","date_precision":"day","date_basis":"sentence"'

check tsv 0 "$DATELINE" code --format tsv "$TMP/a.txt"
has "$OUT" "source_code"

printf -- '--- ATTACK [190] ---\nATTACK\n' >"$TMP/verbs.txt"
printf 'ZEMBLA [ZMB]\nFLORIN [FLO]\n' >"$TMP/actors.txt"
printf 'Zembla attacked Florin.\n' >"$TMP/b.txt"
check own-dictionaries 0 "$DATELINE" code --verbs "$TMP/verbs.txt" --actors "$TMP/actors.txt" "$TMP/b.txt"
has "$OUT" '"code":"ZMB'
has "$OUT" '"code":"FLO'

# TABARI conventions: [A:B] codes both directions, roles attached by
# "from"/"in", and lists of roles and places distributed.
printf -- '--- VISIT [042:043] ---\nVISIT\n--- ATTACK [190] ---\nATTACK\n' >"$TMP/v2.txt"
printf 'SOLDIER [~MIL]\nOFFICIAL [~GOV]\nLAWMAKER [~LEG]\n' >"$TMP/g2.txt"
printf 'Zembla visited Florin on Monday.\n\nSoldiers from Zembla attacked Florin.\n\nLawmakers and officials in Zembla attacked Florin.\n' >"$TMP/c.txt"
check conventions 0 "$DATELINE" code --verbs "$TMP/v2.txt" --actors "$TMP/actors.txt" --agents "$TMP/g2.txt" "$TMP/c.txt"
cp "$OUT" "$TMP/conv.jsonl"
has_event "$TMP/conv.jsonl" ZMB 042 FLO
has_event "$TMP/conv.jsonl" FLO 043 ZMB
has_event "$TMP/conv.jsonl" ZMBMIL 190 FLO
has_event "$TMP/conv.jsonl" ZMBLEG 190 FLO
has_event "$TMP/conv.jsonl" ZMBGOV 190 FLO

check bad-format 2 "$DATELINE" code --format xml "$TMP/a.txt"
check missing-dictionary 3 "$DATELINE" code --verbs "$TMP/nope.txt" "$TMP/a.txt"
check bad-input-rest-kept 1 "$DATELINE" code "$TMP/nope.txt" "$TMP/a.txt"
has "$OUT" '"cameo":"19'

finish
