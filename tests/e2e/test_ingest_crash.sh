# test_ingest_crash.sh: an ingest killed with SIGKILL halfway leaves a
# consistent store (whole batches of whole articles), and running the same
# command again finishes the job with exactly the store one uninterrupted
# run makes.
#
# The corpus is generated from examples/: 300 articles (900 on the retry)
# whose paragraphs are shuffled and given a numbered sentence, so every
# body is distinct. A Python driver starts `dateline ingest --batch 20`,
# polls the store's article count and kills the process once a third of
# the batches, but not all, are committed. If the run ends before it can be killed, the
# corpus is tripled and the test retried once, then skipped.
. "$(dirname "$0")/lib.sh"

# The interpreter itself, not a version manager's shim (which can cost a
# third of a second per call).
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "skip $SUITE: python3 is needed"
    finish
    exit
}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BATCH=20
LIMIT=50 # seconds any one dateline run may take

cat >"$TMP/crash.py" <<'EOF'
import json, os, random, signal, sqlite3, subprocess, sys, time

def gen(clean_jsonl, n, out):
    """n articles with distinct bodies, from the paragraphs of examples/."""
    arts = [json.loads(l) for l in open(clean_jsonl, encoding='utf-8')]
    rnd = random.Random(20251123)
    with open(out, 'w', encoding='utf-8') as f:
        for i in range(int(n)):
            a = arts[i % len(arts)]
            paras = [p for p in a['body'].split('\n\n') if p.strip()]
            rnd.shuffle(paras)
            paras.insert(rnd.randrange(len(paras) + 1),
                         'Officials said %d people had been counted at checkpoint %d by evening.' % (i * 7 + 3, i))
            rec = {'id': 'crash-%04d' % i, 'title': a.get('title') or 'Untitled %d' % i,
                   'date': a.get('date') or '2025-01-%02d' % (i % 28 + 1), 'text': '\n\n'.join(paras)}
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')

def count(db):
    try:
        c = sqlite3.connect('file:%s?mode=ro' % db, uri=True, timeout=1)
        try:
            return c.execute('SELECT count(*) FROM articles').fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0

def killrun(db, total, limit, *cmd):
    """Runs cmd, kills it with SIGKILL once a third of the articles (at
    least one batch) are stored, but not all. Exit 0: killed (prints the
    count then); 10: it finished first; 1: error."""
    total, limit = int(total), float(limit)
    least = max(1, total // 3)
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while p.poll() is None:
        if time.monotonic() - start > limit:
            p.kill(); p.wait()
            print('still running after %gs' % limit); return 1
        if os.path.exists(db):
            n = count(db)
            if least <= n < total:
                p.send_signal(signal.SIGKILL)
                p.wait()
                print(count(db)); return 0
        time.sleep(0.002)
    print('finished (exit %d) before it could be killed' % p.returncode)
    return 10

def rows(db, sql):
    c = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    return c.execute(sql).fetchall()

PER_ARTICLE = ('SELECT a.content_key, (SELECT count(*) FROM mentions m WHERE m.article=a.rowid),'
               ' (SELECT count(*) FROM quotes q WHERE q.article=a.rowid),'
               ' (SELECT count(*) FROM events e WHERE e.article=a.rowid) FROM articles a')

def whole(db, ref, batch):
    """After the kill: the store is sound, holds whole batches, and every
    article in it has all its rows (as many as the reference store has)."""
    if rows(db, 'PRAGMA integrity_check')[0][0] != 'ok':
        sys.exit('integrity_check failed')
    n = rows(db, 'SELECT count(*) FROM articles')[0][0]
    if n % int(batch):
        sys.exit('%d articles: not whole batches of %s' % (n, batch))
    want = dict((r[0], r[1:]) for r in rows(ref, PER_ARTICLE))
    for r in rows(db, PER_ARTICLE):
        if want.get(r[0]) != r[1:]:
            sys.exit('article %s has %s rows, the reference %s' % (r[0], r[1:], want.get(r[0])))
    # The corpus step lands with its article: a fingerprint and a story for
    # every article, an event group for every event, nothing dangling.
    for what, sql in (('articles without a fingerprint',
                       'SELECT count(*) FROM articles a LEFT JOIN corpus_articles c ON c.article = a.rowid'
                       ' WHERE c.article IS NULL OR c.story IS NULL'),
                      ('fingerprints without an article',
                       'SELECT count(*) FROM corpus_articles c LEFT JOIN articles a ON a.rowid = c.article'
                       ' WHERE a.rowid IS NULL'),
                      ('events without a group',
                       'SELECT count(*) FROM events e LEFT JOIN event_links l ON l.event = e.rowid'
                       ' WHERE l.event IS NULL'),
                      ('stories miscounted',
                       'SELECT count(*) FROM stories s WHERE s.n_articles <>'
                       ' (SELECT count(*) FROM corpus_articles c WHERE c.story = s.id)')):
        bad = rows(db, sql)[0][0]
        if bad:
            sys.exit('%d %s' % (bad, what))
    fts = rows(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'officials'")[0][0]
    raw = rows(db, "SELECT count(*) FROM articles WHERE body LIKE '%officials%' OR title LIKE '%officials%'")[0][0]
    if fts > raw:
        sys.exit('the full-text index has %d matches for %d articles' % (fts, raw))

def same(a, b):
    """Same articles (ids and content) and the same number of every row."""
    q = 'SELECT id, content_key, source, title, dateline, byline, date, body, json FROM articles'
    x, y = sorted(rows(a, q)), sorted(rows(b, q))
    if x != y:
        sys.exit('articles differ: %d vs %d; first: %s' % (len(x), len(y), (sorted(set(x) ^ set(y)) or [None])[0]))
    for t in ('mentions', 'quotes', 'events', 'articles_fts'):
        n, m = rows(a, 'SELECT count(*) FROM ' + t)[0][0], rows(b, 'SELECT count(*) FROM ' + t)[0][0]
        if n != m:
            sys.exit('%s: %d vs %d' % (t, n, m))
    if rows(a, 'PRAGMA integrity_check')[0][0] != 'ok':
        sys.exit('integrity_check failed')
    # The same duplicates, stories and event counts as one uninterrupted run.
    for sql in ('SELECT a.content_key, d.content_key, c.dup_kind, s.title, s.first_date, s.last_date, s.n_articles'
                ' FROM corpus_articles c JOIN articles a ON a.rowid = c.article'
                ' LEFT JOIN articles d ON d.rowid = c.dup_of JOIN stories s ON s.id = c.story',
                'SELECT a.content_key, e.sentence, e.cameo, g.num_mentions, g.num_articles, g.num_sources'
                ' FROM events e JOIN articles a ON a.rowid = e.article JOIN event_links l ON l.event = e.rowid'
                ' JOIN event_groups g ON g.id = l.grp',
                'SELECT count(*) FROM stories'):
        x, y = sorted(rows(a, sql), key=repr), sorted(rows(b, sql), key=repr)
        if x != y:
            sys.exit('corpus tables differ: %s' % (sorted(set(x) ^ set(y), key=repr)[:2],))

cmd = sys.argv[1]
r = globals()[cmd](*sys.argv[2:])
sys.exit(r or 0)
EOF

if ! "$DATELINE" ingest --help >/dev/null 2>&1; then
    echo "skip $SUITE: this dateline has no ingest command yet"
    finish
    exit
fi

"$DATELINE" clean "$ROOT/examples" >"$TMP/clean.jsonl" 2>/dev/null

attempt() { # attempt N: 0 when the run was killed halfway, 10 when too fast
    n=$1
    rm -f "$TMP"/*.db "$TMP"/*.db-*
    "$PY" "$TMP/crash.py" gen "$TMP/clean.jsonl" "$n" "$TMP/corpus.jsonl"
    check "reference-run-$n" 0 timeout $LIMIT "$DATELINE" ingest -q --db "$TMP/ref.db" --batch $BATCH "$TMP/corpus.jsonl"
    total=$("$PY" -c "import sqlite3; print(sqlite3.connect('$TMP/ref.db').execute('SELECT count(*) FROM articles').fetchone()[0])")
    [ "$total" = "$n" ] || fail "$total articles stored from $n distinct ones"
    "$PY" "$TMP/crash.py" killrun "$TMP/crash.db" "$total" $LIMIT \
        "$DATELINE" ingest -q --db "$TMP/crash.db" --batch $BATCH "$TMP/corpus.jsonl" >"$TMP/kill.out"
}

attempt 300
rc=$?
if [ $rc = 10 ]; then
    echo "note: $(cat "$TMP/kill.out"); retrying with a larger corpus" >&2
    attempt 900
    rc=$?
fi
if [ $rc = 10 ]; then
    echo "skip $SUITE/killed-halfway: ingest ran too fast to be killed halfway ($(cat "$TMP/kill.out"))"
    finish
    exit
fi

check killed-halfway 0 test $rc = 0
[ $rc = 0 ] || fail "$(cat "$TMP/kill.out")"
killed_at=$(cat "$TMP/kill.out")
echo "killed with $killed_at of $total articles stored" >&2

check killed-store-whole-batches-whole-articles 0 "$PY" "$TMP/crash.py" whole "$TMP/crash.db" "$TMP/ref.db" $BATCH

check killed-store-readable 0 "$DATELINE" events --db "$TMP/crash.db" --limit 1

check resumed-run 0 timeout $LIMIT "$DATELINE" ingest --db "$TMP/crash.db" --batch $BATCH "$TMP/corpus.jsonl"
has "$ERR" "$((total - killed_at)) articles stored ($killed_at already there"

check resumed-equals-uninterrupted 0 "$PY" "$TMP/crash.py" same "$TMP/crash.db" "$TMP/ref.db"

for w in events actors quotes articles; do
    "$DATELINE" export --db "$TMP/ref.db" --what $w | sort >"$TMP/ref.$w"
    check "resumed-export-$w-equal" 0 sh -c "\"$DATELINE\" export --db \"$TMP/crash.db\" --what $w | sort | cmp - \"$TMP/ref.$w\""
    [ -s "$TMP/ref.$w" ] || [ $w = quotes ] || fail "the reference store exports no $w"
done
"$DATELINE" export --db "$TMP/ref.db" --format gdelt | cut -f2- | sort >"$TMP/ref.gdelt"
check resumed-export-gdelt-equal 0 sh -c "\"$DATELINE\" export --db \"$TMP/crash.db\" --format gdelt | cut -f2- | sort | cmp - \"$TMP/ref.gdelt\""

check third-run-adds-nothing 0 "$DATELINE" ingest --db "$TMP/crash.db" --batch $BATCH "$TMP/corpus.jsonl"
has "$ERR" " 0 articles stored ($total already there"

finish
