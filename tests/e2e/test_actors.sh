# test_actors.sh: `dateline actors` end to end: options, dictionaries given
# on the command line, dates, bad input.
. "$(dirname "$0")/lib.sh"

printf 'Israel'"'"'s Defence Minister Yoav Gallant met US investigators. Gallant said Hamas must free the hostages.\n' >"$TMP/a.txt"
printf '{"id":"j1","date":"2019-03-01","text":"Yoav Gallant spoke."}\n{"id":"j2","text":"Trunc\n{"id":"j3","date":"2025-01-05","text":"Yoav Gallant spoke."}\n' >"$TMP/b.jsonl"
printf 'ALICE_SMITH  # @person Alice Smith\n\t[FRAGOV 20200101-20221231]  # foreign minister\n\t[FRAELI]\nFRANCE [FRA]  # @country France\n+FRENCH\n' >"$TMP/actors.txt"
printf 'OFFICIAL [~GOV]\nFOREIGN_MINISTER [~GOV] # @office foreign minister\n' >"$TMP/agents.txt"
printf 'French officials met Alice Smith. The foreign minister said Smith was pleased.\n' >"$TMP/c.txt"
: >"$TMP/empty.txt"
printf 'GIF89a\000\001\002' >"$TMP/pic.gif"

check help 0 "$DATELINE" actors --help
has "$OUT" "usage: dateline actors"
has "$OUT" "--actors FILE"
has "$OUT" "Exit status"

check defaults 0 "$DATELINE" actors --date 2023-10-28 "$TMP/a.txt"
lines "$OUT" 5
has "$OUT" '"text":"Israel'"'"'s Defence Minister Yoav Gallant","start":0,"end":38,"code":"ISRGOV","country":"ISR","role":"GOV","name":"Yoav Gallant","kind":"person","office":"defence minister"'
has "$OUT" '"text":"US investigators","start":43,"end":59,"code":"USACOP"'
has "$OUT" '"text":"Gallant",.*"via":"coreference","antecedent":0,"entity":0'
has "$OUT" '"text":"Hamas",.*"kind":"group"'
# a role word with no country of its own takes the article's
has "$OUT" '"text":"hostages",.*"code":"ISRCVL",.*"inferred":true,"evidence":"the article.s dominant country, ISR'

check stdin 0 sh -c "\"$DATELINE\" actors --date 2023-10-28 - <\"$TMP/a.txt\""
lines "$OUT" 5

check jsonl-dates-and-bad-record 1 "$DATELINE" actors "$TMP/b.jsonl"
lines "$OUT" 2
has "$OUT" '"article":"j1".*"office":"cabinet minister"'
has "$OUT" '"article":"j3".*"code":"ISRELI"'
has "$ERR" 'b.jsonl:2: error: truncated JSON record'

check own-dictionaries 0 "$DATELINE" actors --actors "$TMP/actors.txt" --agents "$TMP/agents.txt" --date 2021-06-01 "$TMP/c.txt"
lines "$OUT" 4
has "$OUT" '"text":"French officials",.*"code":"FRAGOV"'
has "$OUT" '"text":"foreign minister",.*"name":"Alice Smith",.*"via":"coreference","antecedent":1'
has "$OUT" '"text":"Smith",.*"via":"coreference","antecedent":2'
lacks "$OUT" 'Israel'

check own-dictionaries-replace-defaults 0 "$DATELINE" actors --actors "$TMP/actors.txt" --agents "$TMP/agents.txt" "$TMP/a.txt"
lacks "$OUT" 'ISRGOV'
has "$OUT" '"text":"Defence Minister Yoav Gallant",.*"kind":"person"'

check missing-dictionary 3 "$DATELINE" actors --actors "$TMP/nope.txt" "$TMP/a.txt"
has "$ERR" 'nope.txt'
lines "$OUT" 0

check empty-and-binary 1 "$DATELINE" actors "$TMP/empty.txt" "$TMP/pic.gif" "$TMP/a.txt"
has "$ERR" 'pic.gif: error: binary data'
lines "$OUT" 5
# no date given and Gallant's code depends on it: a warning naming the article
has "$ERR" 'warning: article [0-9a-f]* has no date'

# titles on unknown names, role words coded by the place of their sentence,
# an ethnic minority by the country it lives in
printf 'Sen. Maria Lopez met Capt. John Ruiz in Baghdad. Police in Mosul arrested three protesters. The Albanian ethnic minority in Macedonia protested.\n' >"$TMP/d.txt"
check inferred 0 "$DATELINE" actors --date 2004-06-01 "$TMP/d.txt"
has "$OUT" '"text":"Sen. Maria Lopez",.*"role":"LEG",.*"kind":"person",.*"inferred":true,"evidence":"title \\"Sen.\\"'
has "$OUT" '"text":"Capt. John Ruiz",.*"code":"IRQMIL"'
has "$OUT" '"text":"Police",.*"code":"IRQCOP",.*"evidence":"the place of its sentence, \\"Mosul\\""'
has "$OUT" '"text":"Albanian ethnic minority",.*"code":"MKDCVL",.*"evidence":"ethnic group living in'

# a bare family name after a full Chinese name; a surname after someone
# else's first name is someone else
printf 'Xi Jinping met Joe Biden. Xi said Hunter Biden was not invited.\n' >"$TMP/e.txt"
check family-names 0 "$DATELINE" actors --date 2023-06-01 "$TMP/e.txt"
has "$OUT" '"text":"Xi",.*"code":"CHNGOV",.*"name":"Xi Jinping"'
has "$OUT" '"text":"Hunter Biden",.*"name":"Hunter Biden"'
lacks "$OUT" '"text":"Hunter Biden",.*"name":"Joe Biden"'

check bad-format 2 "$DATELINE" actors --format csv "$TMP/a.txt"
check unknown-option 2 "$DATELINE" actors --frobnicate

finish
