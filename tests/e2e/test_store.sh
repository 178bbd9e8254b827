# test_store.sh: the store end to end: `dateline ingest`, then `events`,
# `quotes --db`, `search` and `export` reading what it stored.
#
# Expected results are not written down here, because they depend on what
# the pipeline finds in examples/. Instead each filtered query is checked
# against the unfiltered table, filtered again by a small Python oracle
# (written out below, with the meaning of each filter as --help states it).
# Filter values are picked from the stored data, so every filter is tested
# on values that do occur.
#
# Cases that need `dateline ingest` print a "skip" line while the binary has
# no ingest command; they are not counted.
. "$(dirname "$0")/lib.sh"

# The interpreter itself, not a version manager's shim (which can cost a
# third of a second per call).
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "skip $SUITE: python3 is needed"
    finish
    exit
}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EX=$ROOT/examples
DB=$TMP/store.db
skipped=0

skip() { # skip NAME REASON
    echo "skip $SUITE/$1: $2"
    skipped=$((skipped + 1))
}

# py ARGS...: the oracle; its failures become the current case's failure.
py() {
    "$PY" "$TMP/oracle.py" "$@" >"$TMP/py.out" 2>&1 || fail "$(head -3 "$TMP/py.out" | tr '\n' ' ')"
}

cat >"$TMP/oracle.py" <<'EOF'
import csv, json, re, sqlite3, sys

def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))

def like_prefix(v, x): return v.lower().startswith(x.lower())
def like_part(v, x): return x.lower() in v.lower()

def keep(r, k, x):
    """The meaning of each filter of `dateline events`, as --help states it."""
    if k == 'actor':
        return (like_prefix(r['source_code'], x) or like_prefix(r['target_code'], x) or
                like_part(r['source_name'], x) or like_part(r['target_name'], x))
    if k in ('source', 'target'):
        return like_prefix(r[k + '_code'], x) or like_part(r[k + '_name'], x)
    if k == 'cameo': return like_prefix(r['cameo'], x)
    if k == 'plover': return r['plover'] == x.upper()
    if k == 'country':
        return x.upper() in (r['source_country'], r['target_country'], r['location_country'])
    if k == 'since': return r['date'] != '' and r['date'] >= x
    if k == 'until': return r['date'] != '' and r['date'][:10] <= x
    if k == 'speaker':
        return (like_part(r['speaker_name'], x) or like_part(r['speaker'], x) or
                like_prefix(r['speaker_code'], x))
    raise SystemExit('unknown filter ' + k)

def cmd_filter(all_csv, got_csv, *filters):
    """The filtered output equals the full table filtered here, in order."""
    want = rows(all_csv)
    limit = 0
    for f in filters:
        k, x = f.split('=', 1)
        if k == 'limit': limit = int(x); continue
        want = [r for r in want if keep(r, k, x)]
    if limit: want = want[:limit]
    got = rows(got_csv)
    if got != want:
        raise SystemExit('expected %d rows, got %d; first difference: %s' % (
            len(want), len(got), next(((a, b) for a, b in zip(want, got) if a != b), None)))
    if not filters or not got and not limit:
        # a filter that keeps nothing tests little: say so
        print('note: %d rows' % len(got))

def cmd_pick(all_csv, what):
    """A filter value that occurs in the data: the commonest, else ''."""
    from collections import Counter
    rs = rows(all_csv)
    col, cut = {'actor': ('source_code', 3), 'source': ('source_code', 0), 'target': ('target_code', 3),
                'name': ('source_name', -1), 'cameo': ('cameo_root', 0), 'plover': ('plover', 0),
                'country': ('source_country', 0), 'date': ('date', 10), 'speaker': ('speaker_name', -1)}[what]
    vals = []
    for r in rs:
        v = r[col]
        if not v: continue
        v = v.split()[-1] if cut == -1 else v[:cut] if cut else v
        vals.append(v)
    if not vals: return
    if what == 'date':
        vals.sort(); print(vals[len(vals) // 2]); return
    v = Counter(vals).most_common(1)[0][0]
    print(v.lower() if what in ('plover', 'country') else v)

def cmd_pick_all(all_csv, *whats):
    """Shell assignments v_WHAT=VALUE for each, in one call."""
    import io, shlex
    from contextlib import redirect_stdout
    for w in whats:
        buf = io.StringIO()
        with redirect_stdout(buf):
            cmd_pick(all_csv, w)
        print('v_%s=%s' % (w, shlex.quote(buf.getvalue().strip())))

def cmd_counts(db):
    c = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    print(' '.join(str(c.execute('SELECT count(*) FROM ' + t).fetchone()[0])
                   for t in ('articles', 'mentions', 'quotes', 'events')))

def cmd_set_version(db, v):
    c = sqlite3.connect(db)
    c.execute('CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)')
    c.execute("INSERT OR REPLACE INTO meta VALUES('schema_version', ?)", (v,))
    c.commit()

def cmd_version(db):
    c = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    print(c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

def cmd_foreign(db):
    c = sqlite3.connect(db)
    c.execute('CREATE TABLE recipes(name TEXT)')
    c.commit()

def cmd_jsonl(path, n, *fields):
    """n lines, each a JSON object with these fields."""
    lines = open(path, encoding='utf-8').read().splitlines()
    if len(lines) != int(n): raise SystemExit('%d lines, expected %s' % (len(lines), n))
    for i, l in enumerate(lines, 1):
        o = json.loads(l)
        miss = [f for f in fields if f not in o]
        if miss: raise SystemExit('line %d lacks %s' % (i, miss))

def cmd_columns(path, sep, n):
    """Every line has n fields (n = 'header': as many as the first line)."""
    sep = '\t' if sep == 'tab' else sep
    lines = open(path, encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '': lines.pop()
    want = len(lines[0].split(sep)) if n == 'header' and lines else int(n) if n != 'header' else 0
    for i, l in enumerate(lines, 1):
        if len(l.split(sep)) != want:
            raise SystemExit('line %d has %d fields, expected %d' % (i, len(l.split(sep)), want))
    print(len(lines))

def cmd_csv_rows(path):
    """RFC 4180: every row as wide as the header; prints the row count."""
    with open(path, newline='', encoding='utf-8') as f:
        rs = list(csv.reader(f))
    for i, r in enumerate(rs[1:], 2):
        if len(r) != len(rs[0]): raise SystemExit('row %d has %d fields, header %d' % (i, len(r), len(rs[0])))
    print(len(rs) - 1)

def cmd_search(results, articles, pattern, since='', until='', limit='0'):
    """Results are exactly the articles whose title or body matches the
    pattern (a regex standing for the FTS query), within the dates."""
    arts = [json.loads(l) for l in open(articles, encoding='utf-8')]
    rx = re.compile(pattern, re.I | re.S)
    def dated(a):
        d = a.get('date') or ''
        return (not since or (d and d >= since)) and (not until or (d and d[:10] <= until))
    # FTS5 matches terms in either column: search title and body as one text.
    want = sorted(a['id'] for a in arts if dated(a) and rx.search((a.get('title') or '') + '\n\n' + a['body']))
    got = [json.loads(l) for l in open(results, encoding='utf-8')]
    for g in got:
        for f in ('id', 'title', 'date', 'source', 'score', 'snippet'):
            if f not in g: raise SystemExit('result lacks ' + f)
    ids = sorted(g['id'] for g in got)
    if int(limit):
        if len(ids) != min(int(limit), len(want)) or not set(ids) <= set(want):
            raise SystemExit('limit %s: got %s of %s' % (limit, ids, want))
    elif ids != want:
        raise SystemExit('expected %s, got %s' % (want, ids))
    scores = [g['score'] for g in got]
    if scores != sorted(scores, reverse=True): raise SystemExit('not ranked best first: %s' % scores)
    if not want: print('note: no article matches ' + pattern)

def cmd_offsets(actors, articles):
    """Every stored mention's offsets point at its text in the stored body."""
    body = {}
    for l in open(articles, encoding='utf-8'):
        a = json.loads(l); body[a['id']] = a['body'].encode('utf-8')
    for i, l in enumerate(open(actors, encoding='utf-8'), 1):
        m = json.loads(l)
        b = body[m['article']]
        if b[m['start']:m['end']].decode('utf-8', 'replace') != m['text']:
            raise SystemExit('mention %d: body[%d:%d] is %r, text %r' % (
                i, m['start'], m['end'], b[m['start']:m['end']], m['text']))

def cmd_distinct_bodies(clean_out):
    print(len({json.loads(l)['body'] for l in open(clean_out, encoding='utf-8')}))

def cmd_sorted_equal(a, b):
    x = sorted(open(a, encoding='utf-8').read().splitlines())
    y = sorted(open(b, encoding='utf-8').read().splitlines())
    if x != y:
        raise SystemExit('%d vs %d lines; first only in one: %s' % (
            len(x), len(y), (sorted(set(x) ^ set(y)) or ['(same set, other multiplicity)'])[0][:200]))

globals()['cmd_' + sys.argv[1]](*sys.argv[2:])
EOF

# --- without a store ---------------------------------------------------------

for c in events search export; do
    check "$c-help" 0 "$DATELINE" $c --help
    has "$OUT" "usage: dateline $c"
    has "$OUT" "Exit status"
done

check missing-store-events 3 "$DATELINE" events --db "$TMP/nope.db"
has "$ERR" "nope.db: no such store"
[ ! -e "$TMP/nope.db" ] || fail "a missing store was created by a query"
check missing-store-search 3 "$DATELINE" search --db "$TMP/nope.db" ceasefire
has "$ERR" "no such store"
check missing-store-export 3 "$DATELINE" export --db "$TMP/nope.db"
has "$ERR" "no such store"
check missing-store-quotes 3 "$DATELINE" quotes --db "$TMP/nope.db"
has "$ERR" "no such store"
mkdir -p "$TMP/cwd"
check missing-default-store 3 sh -c "cd \"$TMP/cwd\" && unset DATELINE_DB && exec \"$DATELINE\" events"
has "$ERR" "dateline.db: no such store"
check missing-env-store 3 env DATELINE_DB="$TMP/env.db" "$DATELINE" events
has "$ERR" "env.db: no such store"

"$PY" "$TMP/oracle.py" set_version "$TMP/newer.db" 99
check newer-store-refused 3 "$DATELINE" events --db "$TMP/newer.db"
has "$ERR" "schema version 99, newer than this dateline reads"
check newer-store-refused-by-search 3 "$DATELINE" search --db "$TMP/newer.db" talks
has "$ERR" "newer"
check newer-store-untouched 0 "$PY" "$TMP/oracle.py" version "$TMP/newer.db"
has "$OUT" "^99$"

"$PY" "$TMP/oracle.py" foreign "$TMP/foreign.db"
check foreign-database-refused 3 "$DATELINE" events --db "$TMP/foreign.db"
has "$ERR" "not a dateline store"
printf 'just some text, not a database at all, long enough to have a header........\n' >"$TMP/text.db"
check text-file-refused 3 "$DATELINE" events --db "$TMP/text.db"
has "$ERR" "not a dateline store"

# An empty file is an empty store: every query answers, with nothing.
: >"$TMP/empty.db"
check empty-store-events 0 "$DATELINE" events --db "$TMP/empty.db"
lines "$OUT" 0
check empty-store-search 0 "$DATELINE" search --db "$TMP/empty.db" ceasefire
lines "$OUT" 0
check empty-store-gdelt 0 "$DATELINE" export --db "$TMP/empty.db" --format gdelt
lines "$OUT" 0

check bad-limit 2 "$DATELINE" events --db "$TMP/empty.db" --limit ten
has "$ERR" "whole number"
check negative-limit 2 "$DATELINE" events --db "$TMP/empty.db" --limit -1
check unknown-option 2 "$DATELINE" events --db "$TMP/empty.db" --frobnicate
has "$ERR" "unknown"
check stray-argument 2 "$DATELINE" events --db "$TMP/empty.db" extra
check search-without-words 2 "$DATELINE" search --db "$TMP/empty.db"
check bad-what 2 "$DATELINE" export --db "$TMP/empty.db" --what people
has "$ERR" "--what takes"
check gdelt-only-for-events 2 "$DATELINE" export --db "$TMP/empty.db" --what articles --format gdelt
check bad-format 2 "$DATELINE" events --db "$TMP/empty.db" --format xml

# --- ingest ------------------------------------------------------------------

if ! "$DATELINE" ingest --help >/dev/null 2>&1; then
    for c in ingest idempotent report events quotes-db export search bad-input ingest-refuses; do
        skip "$c-*" "this dateline has no ingest command yet"
    done
    S=$TMP/empty.db
    HAVE_STORE=0
else
    HAVE_STORE=1
    S=$DB
fi

if [ $HAVE_STORE = 1 ]; then
    check ingest-help 0 "$DATELINE" ingest --help
    has "$OUT" "usage: dateline ingest"

    check ingest 0 "$DATELINE" ingest --db "$DB" "$EX"
    has "$ERR" "articles stored (0 already there"
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/counts1"
    read -r n_art n_men n_quo n_evt <"$TMP/counts1"
    "$DATELINE" clean "$EX" >"$TMP/clean.jsonl" 2>/dev/null
    want=$("$PY" "$TMP/oracle.py" distinct_bodies "$TMP/clean.jsonl")
    [ "$n_art" = "$want" ] || fail "$n_art articles stored, $want distinct clean articles in examples/"
    [ "$n_men" -gt 0 ] || fail "no actor mentions stored"
    [ "$n_quo" -gt 0 ] || fail "no quotes stored"
    [ "$n_evt" -gt 0 ] || fail "no events stored"
    has "$ERR" "$n_art articles stored"

    check idempotent-second-ingest 0 "$DATELINE" ingest --db "$DB" "$EX"
    has "$ERR" " 0 articles stored ($n_art already there"
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/counts2"
    cmp -s "$TMP/counts1" "$TMP/counts2" || fail "counts changed: $(cat "$TMP/counts1") -> $(cat "$TMP/counts2")"

    check idempotent-same-files-other-order 0 sh -c "\"$DATELINE\" ingest --db \"$DB\" \"$EX\"/0*.txt \"$EX\"/feed.jsonl"
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/counts2"
    cmp -s "$TMP/counts1" "$TMP/counts2" || fail "counts changed: $(cat "$TMP/counts1") -> $(cat "$TMP/counts2")"

    check idempotent-from-stdin 0 sh -c "cat \"$EX\"/feed.jsonl | \"$DATELINE\" ingest --db \"$DB\" --input jsonl -"
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/counts2"
    cmp -s "$TMP/counts1" "$TMP/counts2" || fail "counts changed: $(cat "$TMP/counts1") -> $(cat "$TMP/counts2")"

    check report 0 "$DATELINE" ingest --db "$DB" --report "$EX"
    has "$OUT" "now holds $n_art articles, $n_men actor mentions, $n_quo quotes and $n_evt events"
    has "$OUT" "Most mentioned actors"

    check env-store 0 env DATELINE_DB="$DB" "$DATELINE" events
    lines "$OUT" "$n_evt"

    # --- events ---------------------------------------------------------------
    "$DATELINE" events --db "$DB" --format csv >"$TMP/events.csv"

    check events-all-jsonl 0 "$DATELINE" events --db "$DB"
    py jsonl "$OUT" "$n_evt" article sentence sentence_text date source target cameo cameo_root \
        quad_class goldstein plover plover_mode location negated explain

    check events-csv 0 "$DATELINE" events --db "$DB" --format csv
    has "$OUT" "^event_id,article,sentence,date,source_text,source_code"
    py csv_rows "$OUT"
    [ "$(cat "$TMP/py.out")" = "$n_evt" ] || fail "csv has $(cat "$TMP/py.out") rows, store $n_evt events"

    check events-tsv 0 "$DATELINE" events --db "$DB" --format tsv
    py columns "$OUT" tab header
    [ "$(cat "$TMP/py.out")" = $((n_evt + 1)) ] || fail "tsv has $(cat "$TMP/py.out") lines"

    check events-gdelt 0 "$DATELINE" events --db "$DB" --format gdelt
    py columns "$OUT" tab 61
    n_neg=$("$PY" -c "import sqlite3;print(sqlite3.connect('$DB').execute('SELECT count(*) FROM events WHERE negated').fetchone()[0])")
    lines "$OUT" $((n_evt - n_neg))
    n_ids=$(cut -f1 "$OUT" | sort -u | wc -l)
    [ "$n_ids" -eq $((n_evt - n_neg)) ] || fail "GLOBALEVENTID not unique ($n_ids distinct)"
    [ -z "$(cut -f27 "$OUT" | grep -vx '[0-9]\{2,4\}')" ] || fail "a row's EventCode is not a CAMEO code"

    # each filter, with a value picked from the data
    eval "$("$PY" "$TMP/oracle.py" pick_all "$TMP/events.csv" actor source target name cameo plover country date)"
    efilter() { # efilter NAME FILTER=VALUE...: events with those filters vs the oracle
        name=$1
        shift
        for kv in "$@"; do
            k=${kv%%=*} v=${kv#*=}
            [ -n "$v" ] || { skip "events-$name" "no event has a $k to filter on"; return; }
        done
        check "events-$name" 0 sh -c 'db=$1; shift; d=$1; shift; for kv; do set -- "$@" "--${kv%%=*}" "${kv#*=}"; shift; done; exec "$d" events --db "$db" --format csv "$@"' _ "$DB" "$DATELINE" "$@"
        py filter "$TMP/events.csv" "$OUT" "$@"
    }
    efilter actor-code-prefix "actor=$v_actor"
    efilter actor-lower-case "actor=$(echo "$v_actor" | tr 'A-Z' 'a-z')"
    efilter actor-name-part "actor=$v_name"
    efilter source "source=$v_source"
    efilter target "target=$v_target"
    efilter cameo-root "cameo=$v_cameo"
    efilter cameo-none "cameo=99"
    efilter plover-any-case "plover=$v_plover"
    efilter country-any-case "country=$v_country"
    efilter since "since=$v_date"
    efilter until "until=$v_date"
    efilter since-until-one-day "since=$v_date" "until=$v_date"
    efilter limit "limit=2"
    efilter combined "actor=$v_actor" "since=2000-01-01" "limit=3"
    efilter like-wildcards-are-literal "actor=%"
    efilter like-underscore-literal "source=___"
    efilter sql-quote "actor=ISR' OR '1'='1"

    check events-limit-short-option 0 "$DATELINE" events --db "$DB" -n 1
    lines "$OUT" 1
    check events-limit-zero-is-all 0 "$DATELINE" events --db "$DB" --limit 0
    lines "$OUT" "$n_evt"

    # --- quotes --db -------------------------------------------------------------
    check quotes-db 0 "$DATELINE" quotes --db "$DB"
    py jsonl "$OUT" "$n_quo" article speaker speaker_name speaker_code cue text direct start end
    check quotes-db-csv 0 "$DATELINE" quotes --db "$DB" --format csv
    cp "$OUT" "$TMP/quotes.csv"
    py csv_rows "$OUT"
    [ "$(cat "$TMP/py.out")" = "$n_quo" ] || fail "csv has $(cat "$TMP/py.out") rows"
    v_speaker=$("$PY" "$TMP/oracle.py" pick "$TMP/quotes.csv" speaker)
    if [ -n "$v_speaker" ]; then
        check quotes-db-speaker 0 "$DATELINE" quotes --db "$DB" --format csv --speaker "$v_speaker"
        py filter "$TMP/quotes.csv" "$OUT" "speaker=$v_speaker"
    else
        skip quotes-db-speaker "no quote has a resolved speaker"
    fi
    check quotes-db-since 0 "$DATELINE" quotes --db "$DB" --format csv --since "$v_date"
    py filter "$TMP/quotes.csv" "$OUT" "since=$v_date"

    # --- export -------------------------------------------------------------------
    check export-default-is-events 0 "$DATELINE" export --db "$DB"
    lines "$OUT" "$n_evt"
    check export-articles-jsonl 0 "$DATELINE" export --db "$DB" --what articles --format jsonl
    cp "$OUT" "$TMP/articles.jsonl"
    py jsonl "$OUT" "$n_art" id source title dateline byline date body removed
    check export-actors-jsonl 0 "$DATELINE" export --db "$DB" --what actors --format jsonl
    cp "$OUT" "$TMP/actors.jsonl"
    py jsonl "$OUT" "$n_men" text start end code country role name kind
    check export-quotes-jsonl 0 "$DATELINE" export --db "$DB" --what quotes --format jsonl
    py jsonl "$OUT" "$n_quo" article speaker cue text direct
    check export-events-jsonl 0 "$DATELINE" export --db "$DB" --what events --format jsonl
    lines "$OUT" "$n_evt"
    for w in articles actors quotes events; do
        case $w in articles) n=$n_art ;; actors) n=$n_men ;; quotes) n=$n_quo ;; events) n=$n_evt ;; esac
        check "export-$w-csv" 0 "$DATELINE" export --db "$DB" --what $w --format csv
        py csv_rows "$OUT"
        [ "$(cat "$TMP/py.out")" = "$n" ] || fail "csv has $(cat "$TMP/py.out") rows, store has $n"
        check "export-$w-tsv" 0 "$DATELINE" export --db "$DB" --what $w --format tsv
        py columns "$OUT" tab header
    done
    check export-events-gdelt 0 "$DATELINE" export --db "$DB" --what events --format gdelt
    py columns "$OUT" tab 61
    check export-gdelt-filtered 0 "$DATELINE" export --db "$DB" --format gdelt --cameo "$v_cameo"
    py columns "$OUT" tab 61
    [ -z "$(cut -f27 "$OUT" | grep -v "^$v_cameo")" ] || fail "--cameo $v_cameo let other codes through"

    check export-mention-offsets 0 true
    py offsets "$TMP/actors.jsonl" "$TMP/articles.jsonl"

    # The store keeps each record as the pipeline printed it.
    if "$DATELINE" code --help >/dev/null 2>&1; then
        check export-events-equal-code-output 0 "$DATELINE" export --db "$DB" --what events
        "$DATELINE" code "$EX" >"$TMP/code.jsonl" 2>/dev/null
        [ "$(wc -l <"$TMP/clean.jsonl")" = "$n_art" ] && py sorted_equal "$OUT" "$TMP/code.jsonl"
    else
        skip export-events-equal-code-output "this dateline has no code command yet"
    fi

    # --- search -------------------------------------------------------------------
    # The regex beside each query says which articles it should find.
    scase() { # scase NAME REGEX [--since D] [--until D] [--limit N] QUERY...
        name=$1 rx=$2 since="" until="" lim=0
        shift 2
        while :; do
            case $1 in
            --since) since=$2; shift 2 ;;
            --until) until=$2; shift 2 ;;
            --limit) lim=$2; shift 2 ;;
            *) break ;;
            esac
        done
        check "search-$name" 0 "$DATELINE" search --db "$DB" ${since:+--since "$since"} \
            ${until:+--until "$until"} --limit "$lim" "$@"
        py search "$OUT" "$TMP/articles.jsonl" "$rx" "$since" "$until" "$lim"
    }
    scase word '\bceasefire\b' ceasefire
    scase two-words-all-needed '(?=.*\bceasefire\b)(?=.*\bhostages\b)' ceasefire hostages
    scase phrase '\bair\W+strikes\b' '"air strikes"'
    scase prefix '\bsanction\w*' 'sanction*'
    scase and '(?=.*\bhamas\b)(?=.*\bisrael\b)' Hamas AND Israel
    scase or '\b(drones?|protesters)\b' 'drone OR drones OR protesters'
    scase not '(?=^(?!.*\bhamas\b))(?=.*\bceasefire\b)' ceasefire NOT hamas
    scase near '\bforeign\W+(\w+\W+){0,3}minister\b|\bminister\W+(\w+\W+){0,3}foreign\b' 'NEAR(foreign minister, 3)'
    scase since '\bsaid\b' --since "$v_date" said
    scase until '\bsaid\b' --until "$v_date" said
    scase limit '\bsaid\b' --limit 2 said
    scase hyphenated 'US\W+Israel' US-Israel
    scase case-and-accents '\bjos[eé]\b' JOSE
    scase nothing-found 'zzqqxx' zzqqxx
    check search-snippet-marks-match 0 "$DATELINE" search --db "$DB" ceasefire
    has "$OUT" '\[ceasefire\]'
    check search-csv 0 "$DATELINE" search --db "$DB" --format csv ceasefire
    has "$OUT" '^id,title,date,source,score,snippet'
fi

# Text no query language expects: never an error, whatever the store holds.
i=0
for q in '"unbalanced' 'AND' 'OR' 'NOT' 'US-Israel' 'a:b' '(((' ')))' 'NEAR(' 'NEAR(a b' '*' '**' \
    '"' "'" '-' '+' '^' '^Gaza' 'title:' 'title:Gaza' 'body:"air strikes' '{title body}:x' \
    'col:x OR' 'a AND AND b' 'NOT NOT' '" OR "' '%' '_' '\' 'DROP TABLE articles; --' \
    'كييف' '基辅' 'Zelenskyy’s “peace”' 'e-mail' '12:30' 'a*b' '*a' 'x NEAR y' 'NEAR/3' \
    "$(printf 'tab\there')" "$(printf 'new\nline')"; do
    i=$((i + 1))
    check "search-hostile-$i" 0 "$DATELINE" search --db "$S" "$q"
    if [ -s "$OUT" ]; then "$PY" -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$OUT" || fail "not JSON lines for query: $q"; fi
done
# Queries that begin with a dash follow "--", as with any command.
for q in '-Gaza' '-title:Gaza' '- x' '--' '-'; do
    i=$((i + 1))
    check "search-hostile-$i" 0 "$DATELINE" search --db "$S" -- "$q"
done
long=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "(word%d OR \"", i }')
check search-hostile-long 0 "$DATELINE" search --db "$S" "$long"

# --- bad input, and stores ingest must refuse ---------------------------------
if [ $HAVE_STORE = 1 ]; then
    mkdir -p "$TMP/bad"
    printf 'Talks Resume In Cairo\n\nCAIRO: Negotiators from Israel and Hamas met on Monday, officials said.\n' >"$TMP/bad/a.txt"
    printf '{"id":"j1","text":"Russia launched drones at Kyiv on Tuesday, officials said."}\n{"id":"j2","text":"Trunc\n[1]\n{"id":"j3","text":"Sudan said the aid convoy reached Darfur."}\n' >"$TMP/bad/b.jsonl"
    printf 'GIF89a\000\001\002\003' >"$TMP/bad/pic.gif"
    : >"$TMP/bad/empty.txt"
    printf 'Caf\303\251 \377 talks went on in Paris, the minister said.\n' >"$TMP/bad/badutf8.txt"
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/before"
    check bad-input-skipped-rest-stored 1 "$DATELINE" ingest --db "$DB" "$TMP/bad"
    has "$ERR" 'pic.gif: error: binary data'
    has "$ERR" 'b.jsonl:2: error: truncated JSON record'
    has "$ERR" 'b.jsonl:3: error: not a JSON object'
    has "$ERR" '4 articles stored'
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/after"
    read -r b_art _ <"$TMP/before"
    read -r a_art _ <"$TMP/after"
    [ "$a_art" -eq $((b_art + 4)) ] || fail "$b_art articles before, $a_art after (4 expected added)"
    check bad-input-good-articles-searchable 0 "$DATELINE" search --db "$DB" Darfur
    has "$OUT" '"id":"j3"'
    check bad-input-again-adds-nothing 1 "$DATELINE" ingest --db "$DB" "$TMP/bad"
    has "$ERR" ' 0 articles stored (4 already there'
    "$PY" "$TMP/oracle.py" counts "$DB" >"$TMP/again"
    cmp -s "$TMP/after" "$TMP/again" || fail "counts changed: $(cat "$TMP/after") -> $(cat "$TMP/again")"

    check ingest-refuses-newer-store 3 "$DATELINE" ingest --db "$TMP/newer.db" "$EX"
    has "$ERR" "newer than this dateline reads"
    check ingest-leaves-newer-store-alone 0 "$PY" -c "import sqlite3,sys
c = sqlite3.connect('file:$TMP/newer.db?mode=ro', uri=True)
assert c.execute(\"SELECT value FROM meta WHERE key='schema_version'\").fetchone()[0] == '99'
assert c.execute(\"SELECT count(*) FROM sqlite_master WHERE name='articles'\").fetchone()[0] == 0"
    check ingest-refuses-foreign-database 3 "$DATELINE" ingest --db "$TMP/foreign.db" "$EX"
    has "$ERR" "not a dateline store"
    check ingest-store-in-missing-folder 3 "$DATELINE" ingest --db "$TMP/no/such/dir/s.db" "$EX"
    has "$ERR" "cannot open"
    check ingest-bad-batch 2 "$DATELINE" ingest --db "$TMP/x.db" --batch 0 "$EX"
    has "$ERR" "--batch"

    # After all of the above the store is sound, at schema version 2, and
    # no event points at a missing article.
    check store-integrity 0 "$PY" -c "import sqlite3
c = sqlite3.connect('file:$DB?mode=ro', uri=True)
assert c.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
assert c.execute(\"SELECT value FROM meta WHERE key='schema_version'\").fetchone()[0] == '2'
assert c.execute('SELECT count(*) FROM events e LEFT JOIN articles a ON a.rowid=e.article WHERE a.rowid IS NULL').fetchone()[0] == 0"
fi

[ $skipped = 0 ] || echo "$SUITE: $skipped cases skipped (not counted)"
finish
