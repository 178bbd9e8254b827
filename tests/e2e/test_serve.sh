# test_serve.sh: `dateline serve` end to end, on 127.0.0.1 with a port the
# kernel picks: every endpoint and every filter, each checked against what
# the CLI prints for the same store and the same filters (the API must give
# the same records); errors, ETags, downloads, the access log, the
# dashboard's files, a read-only store, and a clean stop on SIGTERM.
# Bounded in time: every request has a 10-second cap.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "skip $SUITE: python3 is needed"
    echo "$SUITE: 0 passed, 0 failed, 1 skipped"
    exit 0
}
command -v curl >/dev/null 2>&1 || {
    echo "skip $SUITE: curl is needed"
    echo "$SUITE: 0 passed, 0 failed, 1 skipped"
    exit 0
}
trap 'serve_stop; rm -rf "$TMP"' EXIT
DB=$TMP/store.db
"$DATELINE" ingest --db "$DB" "$ROOT/examples" >/dev/null 2>"$TMP/ingest.err" || {
    case_name=ingest
    fail "ingest failed: $(head -2 "$TMP/ingest.err")"
    finish
    exit 1
}
before=$(cksum <"$DB")

check start 0 serve_start "$DB" --web "$ROOT/web"
[ -n "$URL" ] || { fail "no URL: $(cat "$SERVE_LOG")"; finish; exit 1; }
case $URL in http://127.0.0.1:*) ;; *) fail "not on loopback: $URL" ;; esac

# get PATH: the body in $OUT, the status in $TMP/status, headers in $TMP/headers
get() {
    curl -sS -m 10 -o "$OUT" -D "$TMP/headers" -w '%{http_code}' "$@" >"$TMP/status" 2>"$ERR"
}
status() { s=$(cat "$TMP/status"); [ "$s" = "$1" ] || fail "status $s, expected $1: $(head -c 200 "$OUT")"; }

cat >"$TMP/cmp.py" <<'PYEOF'
import csv, io, json, sys, collections

def lines(path):
    return [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]

def page_vs_cli(api_path, cli_path, key):
    """An API page holds the CLI's records, in order, with an id added."""
    page = json.load(open(api_path, encoding='utf-8'))
    want = lines(cli_path)
    got = page[key]
    for r in got:
        r.pop('id', None)
    if got != want:
        raise SystemExit('%d records, CLI %d; first difference: %s' % (len(got), len(want),
            next(((a, b) for a, b in zip(got, want) if a != b), None)))
    if page['count'] != len(got):
        raise SystemExit('count %d for %d records' % (page['count'], len(got)))
    print(len(got))

def events_csv(path):
    return list(csv.DictReader(open(path, newline='', encoding='utf-8')))

def agg_vs_cli(api_path, cli_csv, by, group):
    """Aggregates recomputed here from the CLI's CSV of the same filters."""
    import datetime
    rows = events_csv(cli_csv)
    want = collections.Counter()
    for r in rows:
        if by in ('day', 'week', 'month'):
            d = r['date'][:10]
            if len(d) < 10: continue
            if by == 'week':
                day = datetime.date.fromisoformat(d)
                d = (day - datetime.timedelta(days=day.weekday())).isoformat()
            elif by == 'month':
                d = d[:7] + '-01'
            k = {'quad': r['quad_class'], 'plover': r['plover'] or None, 'root': r['cameo_root'], 'none': None}[group]
            want[(d, None if k in (None, '') else str(k))] += 1
        elif by == 'dyad':
            if r['source_code'] and r['target_code']:
                want[(r['source_code'], r['target_code'])] += 1
        elif by == 'country':
            c = r['location_country'] or r['target_country'] or r['source_country']
            if c: want[(c,)] += 1
        elif by == 'actor':
            codes = {r['source_code'], r['target_code']} - {''}
            for c in codes: want[(c,)] += 1
    got = collections.Counter()
    for r in json.load(open(api_path, encoding='utf-8'))['rows']:
        if by in ('day', 'week', 'month'):
            k = (r['period'], None if r['key'] is None else str(r['key']))
        elif by == 'dyad':
            k = (r['source'], r['target'])
        elif by == 'country':
            k = (r['country'],)
        else:
            k = (r['actor'],)
        if r['cooperation'] + r['conflict'] > r['events']:
            raise SystemExit('cooperation + conflict > events in %s' % r)
        got[k] += r['events']
    if got != want:
        raise SystemExit('differs from the CLI: API-only %s, CLI-only %s' % (
            dict(list((got - want).items())[:3]), dict(list((want - got).items())[:3])))
    print(sum(got.values()))

def actors_vs_cli(api_path, cli_jsonl):
    """Mention counts per (code, name) from the CLI's stored mentions."""
    want = collections.Counter()
    for m in lines(cli_jsonl):
        if m.get('code') and m.get('kind') != 'media':
            want[(m['code'], m.get('name') or m['text'])] += 1
    got = {(a['code'], a['actor']): a['mentions'] for a in json.load(open(api_path))['actors']}
    top = dict(want.most_common(len(got)))
    bad = [k for k in got if got[k] != want.get(k)]
    if bad or len(got) != min(len(want), 100):
        raise SystemExit('mentions differ for %s (%d rows, CLI %d)' % (bad[:3], len(got), len(want)))
    print(len(got))

def search_vs_cli(api_path, cli_path):
    got = json.load(open(api_path))['results']
    want = lines(cli_path)
    for g in got: g['score'] = round(g['score'], 4)
    for w in want: w['score'] = round(w['score'], 4)
    if got != want:
        raise SystemExit('%d results, CLI %d' % (len(got), len(want)))
    print(len(got))

def pick(cli_csv):
    """Filter values that occur in the data (the commonest of each)."""
    import shlex
    rows = events_csv(cli_csv)
    def common(col, cut=0):
        c = collections.Counter((r[col][:cut] if cut else r[col]) for r in rows if r[col])
        return c.most_common(1)[0][0] if c else ''
    dates = sorted(r['date'][:10] for r in rows if r['date'])
    vals = {'actor': common('source_code', 3), 'source': common('source_code'), 'target': common('target_code', 3),
            'cameo': common('cameo_root'), 'plover': common('plover').lower(), 'country': common('source_country'),
            'since': dates[len(dates) // 3], 'until': dates[2 * len(dates) // 3],
            'name': common('source_name').split()[-1] if common('source_name') else ''}
    for k, v in vals.items(): print('v_%s=%s' % (k, shlex.quote(v)))

def walk(base, limit, out):
    """Every page through next_cursor, concatenated as JSONL."""
    import urllib.request
    cursor, pages, n = None, 0, 0
    with open(out, 'w', encoding='utf-8') as f:
        while True:
            u = base + '&limit=%s' % limit + ('&cursor=' + cursor if cursor else '')
            page = json.load(urllib.request.urlopen(u, timeout=10))
            pages += 1
            for r in page['events']:
                r.pop('id'); f.write(json.dumps(r, ensure_ascii=False) + '\n'); n += 1
            cursor = page['next_cursor']
            if not cursor: break
            if pages > 1000: raise SystemExit('no end to the pages')
    print(pages)

def event_detail(api_path, cli_jsonl, quotes_jsonl):
    d = json.load(open(api_path))
    e = d['event']
    eid = e.pop('id')
    if e not in lines(cli_jsonl): raise SystemExit('event %s is not a CLI record' % eid)
    want = [q for q in lines(quotes_jsonl) if q['article'] == e['article'] and q.get('sentence', -1) == e['sentence']]
    if d['quotes'] != want and not all(q in lines(quotes_jsonl) for q in d['quotes']):
        raise SystemExit('quotes differ')
    if not e.get('explain', {}).get('pattern'): raise SystemExit('no explanation')
    print(eid)

getattr(sys.modules[__name__], sys.argv[1])(*sys.argv[2:])
PYEOF
py() { "$PY" "$TMP/cmp.py" "$@" >"$TMP/py.out" 2>&1 || fail "$(tail -2 "$TMP/py.out" | tr '\n' ' ')"; }

"$DATELINE" events --db "$DB" --format csv >"$TMP/all.csv"
eval "$("$PY" "$TMP/cmp.py" pick "$TMP/all.csv")"

# --- /api/events: every filter, alone and combined, against `dateline events`
for f in "actor=$v_actor" "actor=$v_name" "source=$v_source" "target=$v_target" "cameo=$v_cameo" \
         "plover=$v_plover" "country=$v_country" "since=$v_since" "until=$v_until" \
         "since=$v_since&until=$v_until&cameo=$v_cameo" "actor=$v_actor&country=$v_country" "limit=3"; do
    args=$(echo "$f" | sed 's/^/--/; s/&/ --/g; s/=/ /g')
    check "events-$f" 0 get "$URL/api/events?$f"
    status 200
    # shellcheck disable=SC2086
    "$DATELINE" events --db "$DB" $args >"$TMP/cli.jsonl"
    lim=$(echo "$f" | grep -q limit || echo "&limit=1000")
    get "$URL/api/events?$f$lim"
    py page_vs_cli "$OUT" "$TMP/cli.jsonl" events
done

check events-pages-walk-everything 0 "$PY" "$TMP/cmp.py" walk "$URL/api/events?since=1900-01-01" 7 "$TMP/walk.jsonl"
"$DATELINE" events --db "$DB" --since 1900-01-01 >"$TMP/cli.jsonl"
"$PY" -c "
import json,sys
a=[json.loads(l) for l in open('$TMP/walk.jsonl')]; b=[json.loads(l) for l in open('$TMP/cli.jsonl')]
sys.exit(0 if a==b else 1)" || fail "pages of 7 differ from the CLI's list"
check events-pages-with-filter 0 "$PY" "$TMP/cmp.py" walk "$URL/api/events?actor=$v_actor" 2 "$TMP/walk.jsonl"
"$DATELINE" events --db "$DB" --actor "$v_actor" >"$TMP/cli.jsonl"
"$PY" -c "
import json,sys
a=[json.loads(l) for l in open('$TMP/walk.jsonl')]; b=[json.loads(l) for l in open('$TMP/cli.jsonl')]
sys.exit(0 if a==b and len(a)>2 else 1)" || fail "filtered pages differ from the CLI's list"

# --- downloads: byte for byte what the CLI writes
for fmt in jsonl csv tsv gdelt; do
    check "download-$fmt" 0 get "$URL/api/events?format=$fmt&cameo=$v_cameo"
    status 200
    "$DATELINE" events --db "$DB" --cameo "$v_cameo" --format "$fmt" >"$TMP/cli.out"
    cmp -s "$OUT" "$TMP/cli.out" || fail "differs from dateline events --format $fmt"
    grep -qi '^content-disposition: attachment' "$TMP/headers" || fail "no attachment header"
done
check download-all-csv 0 get "$URL/api/events?format=csv"
cmp -s "$OUT" "$TMP/all.csv" || fail "differs from dateline events --format csv"

# --- /api/events/ID
get "$URL/api/events?limit=1&cameo=$v_cameo"
id=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['events'][0]['id'])" "$OUT")
"$DATELINE" events --db "$DB" >"$TMP/cli.jsonl"
"$DATELINE" quotes --db "$DB" >"$TMP/quotes.jsonl"
check event-by-id 0 get "$URL/api/events/$id"
status 200
py event_detail "$OUT" "$TMP/cli.jsonl" "$TMP/quotes.jsonl"
has "$OUT" '"sentence_text"'
has "$OUT" '"explain"'

# --- /api/quotes against `dateline quotes --db`
speaker=$("$PY" -c "
import json,collections
c=collections.Counter((json.loads(l).get('speaker_name') or '').split(' ')[-1] for l in open('$TMP/quotes.jsonl'))
c.pop('',None); print(c.most_common(1)[0][0])")
check quotes-speaker 0 get "$URL/api/quotes?speaker=$speaker&limit=1000"
status 200
"$DATELINE" quotes --db "$DB" --speaker "$speaker" >"$TMP/cli.jsonl"
py page_vs_cli "$OUT" "$TMP/cli.jsonl" quotes
check quotes-dates 0 get "$URL/api/quotes?since=$v_since&until=$v_until&limit=1000"
"$DATELINE" quotes --db "$DB" --since "$v_since" --until "$v_until" >"$TMP/cli.jsonl"
py page_vs_cli "$OUT" "$TMP/cli.jsonl" quotes

# --- /api/actors against the stored mentions
"$DATELINE" export --db "$DB" --what actors >"$TMP/mentions.jsonl"
check actors 0 get "$URL/api/actors"
status 200
py actors_vs_cli "$OUT" "$TMP/mentions.jsonl"
check actors-filter 0 get "$URL/api/actors?actor=$v_actor&limit=5"
"$PY" -c "
import json,sys
a=json.load(open('$OUT'))['actors']
sys.exit(0 if 0 < len(a) <= 5 and all(x['code'].startswith('$v_actor') or '$v_actor'.lower() in (x['actor'] or '').lower() for x in a) else 1)" ||
    fail "actor filter not applied"

# --- /api/search against `dateline search`
for q in ceasefire '"air strike"' 'drone*' 'Gaza-City (hostile) AND'; do
    enc=$("$PY" -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
    check "search-$q" 0 get "$URL/api/search?q=$enc&limit=20"
    status 200
    "$DATELINE" search --db "$DB" --limit 20 -- "$q" >"$TMP/cli.jsonl"
    py search_vs_cli "$OUT" "$TMP/cli.jsonl"
done

# --- /api/articles/ID against `dateline export --what articles`
aid=$(head -1 "$TMP/quotes.jsonl" | "$PY" -c "import json,sys; print(json.loads(sys.stdin.readline())['article'])")
check article-by-id 0 get "$URL/api/articles/$aid"
status 200
"$DATELINE" export --db "$DB" --what articles >"$TMP/articles.jsonl"
"$PY" -c "
import json,sys
a=json.load(open('$OUT'))['article']
sys.exit(0 if a in [json.loads(l) for l in open('$TMP/articles.jsonl')] and a['id']=='$aid' else 1)" ||
    fail "not the stored article"

# --- /api/aggregates: recomputed from the CLI's CSV, with and without filters
for spec in day:quad day:plover day:root day:none week:quad month:plover dyad:none country:none actor:none; do
    by=${spec%:*} group=${spec#*:}
    g=""
    case $by in day | week | month) g="&group=$group" ;; esac
    for f in "" "actor=$v_actor" "since=$v_since&until=$v_until" "plover=$v_plover" "country=$v_country"; do
        check "aggregates-$by-$group-${f:-all}" 0 get "$URL/api/aggregates?by=$by$g${f:+&$f}"
        status 200
        args=$(echo "$f" | sed 's/^/--/; s/&/ --/g; s/=/ /g')
        # shellcheck disable=SC2086
        "$DATELINE" events --db "$DB" --format csv ${f:+$args} >"$TMP/f.csv"
        py agg_vs_cli "$OUT" "$TMP/f.csv" "$by" "$group"
    done
done

# --- stats
check stats 0 get "$URL/api/stats"
"$PY" -c "
import json,sqlite3,sys
s=json.load(open('$OUT')); c=sqlite3.connect('file:$DB?mode=ro',uri=True)
sys.exit(0 if all(s[t]==c.execute('select count(*) from '+t).fetchone()[0] for t in ('articles','mentions','quotes','events')) else 1)" ||
    fail "counts differ from the store"

# --- errors: JSON, with the status, naming the parameter
for spec in "events?since=2024-99-01 400 since" "events?limit=0 400 limit" "events?limit=abc 400 limit" \
            "events?colour=red 400 colour" "events?cursor=-1 400 cursor" "events?format=xlsx 400 format" \
            "events?actor=%FF 400 actor" "events?actor=%00 400 actor" "events?a=1&a=2 400 a" \
            "aggregates?by=decade 400 by" "aggregates?group=colour 400 group" "aggregates?by=dyad&group=quad 400 group" \
            "search?limit=5 400 q" "events/abc 400 id" "events/99999999 404 id" "articles/no-such 404 id" \
            "quotes?cameo=19 400 cameo" "actors?plover=X 400 plover" "nothing 404 -"; do
    set -- $spec
    check "error-$1" 0 get "$URL/api/$1"
    status "$2"
    has "$OUT" "\"status\":$2"
    [ "$3" = - ] || has "$OUT" "\"parameter\":\"$3\""
    grep -qi '^content-type: application/json' "$TMP/headers" || fail "error is not JSON"
done
check method-not-allowed 0 get -X POST -d x=1 "$URL/api/events"
status 405
grep -qi '^allow: GET, HEAD' "$TMP/headers" || fail "no Allow header"
check method-delete 0 get -X DELETE "$URL/api/events/1"
status 405

# --- ETag / If-None-Match
check etag 0 get "$URL/api/aggregates?by=country"
status 200
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(".*"\).*/\1/p' "$TMP/headers" | tr -d '\r')
[ -n "$etag" ] || fail "no ETag"
check etag-304 0 get -H "If-None-Match: $etag" "$URL/api/aggregates?by=country"
status 304
[ ! -s "$OUT" ] || fail "a 304 with a body"
check etag-list-and-weak 0 get -H "If-None-Match: \"zzz\", W/$etag" "$URL/api/aggregates?by=country"
status 304
check etag-changes-with-the-answer 0 get -H "If-None-Match: $etag" "$URL/api/aggregates?by=country&cameo=$v_cameo"
status 200
check etag-static 0 get "$URL/app.js"
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(".*"\).*/\1/p' "$TMP/headers" | tr -d '\r')
get -H "If-None-Match: $etag" "$URL/app.js"
status 304
check head 0 curl -sS -m 10 -I "$URL/api/events?limit=1"
has "$OUT" "200"

# --- the dashboard's files, and nothing else
check dashboard-index 0 get "$URL/"
status 200
has "$OUT" '<script src="app.js">'
grep -qi '^content-security-policy:' "$TMP/headers" || fail "no CSP on the page"
for f in app.js style.css atlas.json; do
    check "dashboard-$f" 0 get "$URL/$f"
    status 200
    cmp -s "$OUT" "$ROOT/web/$f" || fail "not web/$f"
done
check dashboard-missing 0 get "$URL/nope.html"
status 404

# --- the access log: one line per request, with status and time
n=$(grep -c '"GET /api/' "$SERVE_LOG")
check access-log 0 test "$n" -gt 100
grep -q '"GET /api/events/abc" 400 ' "$SERVE_LOG" || fail "no line for a 400"
grep -q '"POST /api/events" 405 ' "$SERVE_LOG" || fail "no line for the POST"
grep -Eq '"GET /api/stats" 200 [0-9]+ [0-9.]+ms$' "$SERVE_LOG" || fail "line without status, size, time"

# --- a clean stop, and the store untouched
serve_stop
check stop-on-sigterm 0 test "$SERVE_STATUS" = 0
has "$SERVE_LOG" "stopping"
[ "$(cksum <"$DB")" = "$before" ] || fail "the store changed while served"

# --- refusals at start
check no-store 3 "$DATELINE" serve --db "$TMP/none.db" --listen 127.0.0.1:0
has "$ERR" "no such store"
check bad-listen 2 "$DATELINE" serve --db "$DB" --listen "example.com:80"
has "$ERR" "--listen"
check bad-web 3 "$DATELINE" serve --db "$DB" --listen 127.0.0.1:0 --web "$TMP/nowhere"
echo "not a store" >"$TMP/bad.db"
check not-a-store 3 "$DATELINE" serve --db "$TMP/bad.db" --listen 127.0.0.1:0
check help 0 "$DATELINE" serve --help
has "$OUT" "127.0.0.1:8080"

# --- SIGINT also stops it; API-only without a web folder
check sigint 0 serve_start "$DB" --web ""
get "$URL/"
status 404
has "$OUT" "no dashboard"
# The cache follows the store: an ingest into the served file shows at once.
get "$URL/api/stats"
n0=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['articles'])" "$OUT")
cp "$ROOT/examples/01-kyiv-drone-attack.txt" "$TMP/new.txt"
echo "A new closing paragraph makes this a new article, $(date +%s%N)." >>"$TMP/new.txt"
"$DATELINE" ingest --db "$DB" "$TMP/new.txt" >/dev/null 2>&1
check cache-follows-the-store 0 get "$URL/api/stats"
n1=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['articles'])" "$OUT")
[ "$n1" -gt "$n0" ] || fail "articles $n0 before an ingest, $n1 after"
kill -INT "$SERVE_PID"
i=0
while kill -0 "$SERVE_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
wait "$SERVE_PID"
rc=$?
SERVE_PID=""
[ $rc = 0 ] || fail "exit $rc after SIGINT"
has "$SERVE_LOG" "interrupted"
finish
