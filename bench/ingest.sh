#!/bin/sh
# ingest.sh: the store's benchmark. Figures, not pass/fail, one per line as
# "name: value unit":
#   - `dateline ingest` throughput (articles/s, MB/s), median of 3 runs,
#     each into a fresh store;
#   - query latency of `events` (several filters), `search` (several
#     queries) and `export`: median and p99 over QUERY_RUNS (default 100)
#     runs each, in ms, each run a whole `dateline` process as a user
#     would start it;
#   - the whole pipeline without the store (`dateline code`): sentences/s
#     and articles/s, median of 3;
#   - peak memory (resident set) of ingest and code at a quarter of the
#     corpus and at all of it: flat figures mean memory does not grow with
#     the input.
# The corpus (BENCH_ARTICLES, default 10000 articles) is made from
# examples/: paragraphs shuffled and a numbered sentence added, so every
# body is distinct; half JSONL records, half text files holding 25
# articles each, each headline repeated as scraped pages have it. It is kept in
# $BUILD/bench/ingest-N/ for the next run. DATELINE names another binary.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
BIN=${DATELINE:-$ROOT/$BUILD/dateline}
N=${BENCH_ARTICLES:-10000}
QUERY_RUNS=${QUERY_RUNS:-100}
WORK=$ROOT/$BUILD/bench/ingest-$N
export DATELINE_DATA="${DATELINE_DATA:-$ROOT/data}"

if ! "$BIN" ingest --help >/dev/null 2>&1; then
    echo "ingest: skipped, $BIN has no ingest command"
    exit 0
fi
command -v python3 >/dev/null || { echo "ingest: skipped, python3 is needed"; exit 0; }
mkdir -p "$WORK"
DRIVER=$WORK/driver.py

cat >"$DRIVER" <<'EOF'
import json, os, random, resource, sqlite3, statistics, subprocess, sys, time

BIN, WORK, N, QUERY_RUNS, EXAMPLES = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
QUARTER, REST = os.path.join(WORK, 'quarter'), os.path.join(WORK, 'rest')

def out(name, value, unit):
    print('%s: %s %s' % (name, value, unit), flush=True)

def generate():
    """N distinct articles from the examples, a quarter of them in QUARTER."""
    clean = subprocess.run([BIN, 'clean', EXAMPLES],
                           capture_output=True, text=True)
    arts = [json.loads(l) for l in clean.stdout.splitlines()]
    if not arts:
        sys.exit('ingest: no articles in examples/')
    rnd = random.Random(10000)
    for d in (QUARTER, REST):
        os.makedirs(d, exist_ok=True)
    per_file = 25
    i = 0
    while i < N:
        d = QUARTER if i < N // 4 else REST
        if (i // per_file) % 2 == 0:
            path, jsonl = os.path.join(d, 'part-%05d.jsonl' % (i // per_file)), True
        else:
            path, jsonl = os.path.join(d, 'part-%05d.txt' % (i // per_file)), False
        with open(path, 'w', encoding='utf-8') as f:
            for _ in range(per_file):
                if i >= N or (d == QUARTER and i >= N // 4):
                    break
                a = arts[i % len(arts)]
                paras = [p for p in a['body'].split('\n\n') if p.strip()]
                rnd.shuffle(paras)
                paras.insert(rnd.randrange(len(paras) + 1),
                             'Officials said %d people had gathered near checkpoint %d by evening.' % (i * 7 + 3, i))
                title = a.get('title') or 'Report'
                date = a.get('date') or '2025-%02d-%02d' % (i % 12 + 1, i % 28 + 1)
                if jsonl:
                    f.write(json.dumps({'id': 'bench-%06d' % i, 'title': title, 'date': date,
                                        'text': '\n\n'.join(paras)}, ensure_ascii=False) + '\n')
                else:
                    # The headline twice, as scraped pages have it: that is
                    # what tells the cleaner a new story starts.
                    f.write('%s\n\n%s\n\n%s\n\n%s\n\n\n\n' % (title, title, date[:10], '\n\n'.join(paras)))
                i += 1
    open(os.path.join(WORK, '.done'), 'w').close()

def corpus_bytes(dirs):
    return sum(os.path.getsize(os.path.join(d, f)) for d in dirs for f in os.listdir(d))

def run(cmd):
    """Seconds a command takes; its peak RSS comes from rss_of()."""
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    el = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit('ingest: %s failed (%d): %s' % (' '.join(cmd), r.returncode, r.stderr[-300:].decode()))
    return el

def rss_of(cmd):
    """Peak resident set of one run of cmd, in MB: a fresh interpreter, so
    RUSAGE_CHILDREN holds that child alone."""
    code = ('import resource,subprocess,sys;'
            'subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);'
            'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)')
    kb = int(subprocess.run([sys.executable, '-c', code] + cmd, capture_output=True, text=True).stdout)
    return kb / 1024.0

def count(db, table='articles'):
    return sqlite3.connect(db).execute('SELECT count(*) FROM ' + table).fetchone()[0]

def fresh(db):
    for s in ('', '-wal', '-shm'):
        if os.path.exists(db + s):
            os.remove(db + s)

def main():
    if not os.path.exists(os.path.join(WORK, '.done')):
        generate()
    dirs = [QUARTER, REST]
    mb = corpus_bytes(dirs) / 1048576.0
    db = os.path.join(WORK, 'bench.db')
    out('ingest_corpus', '%.1f' % mb, 'MB')

    # Ingest: median of 3, each into a fresh store.
    times = []
    for _ in range(3):
        fresh(db)
        times.append(run([BIN, 'ingest', '-q', '--db', db] + dirs))
    t = statistics.median(times)
    n = count(db)
    out('ingest_articles', n, 'articles')
    out('ingest_events', count(db, 'events'), 'events')
    out('ingest_time', '%.2f' % t, 's')
    out('ingest_rate', '%.0f' % (n / t), 'articles/s')
    out('ingest_throughput', '%.2f' % (mb / t), 'MB/s')
    out('store_size', '%.1f' % (os.path.getsize(db) / 1048576.0), 'MB')
    # A second pass over stored input: the idempotency check alone.
    out('ingest_again_time', '%.2f' % run([BIN, 'ingest', '-q', '--db', db] + dirs), 's')

    # Query latency, whole processes.
    queries = [
        ('events_all_limit100', ['events', '--limit', '100']),
        ('events_actor', ['events', '--actor', 'ISR', '--limit', '100']),
        ('events_actor_name', ['events', '--actor', 'Zelensky', '--limit', '100']),
        ('events_source_target', ['events', '--source', 'RUS', '--target', 'UKR']),
        ('events_cameo', ['events', '--cameo', '19', '--limit', '100']),
        ('events_plover_csv', ['events', '--plover', 'ASSAULT', '--format', 'csv', '--limit', '100']),
        ('events_country_dates', ['events', '--country', 'UKR', '--since', '2025-01-01',
                                  '--until', '2025-12-31', '--limit', '100']),
        ('quotes_speaker', ['quotes', '--speaker', 'Rubio', '--limit', '100']),
        ('search_word', ['search', '--limit', '20', 'ceasefire']),
        ('search_phrase', ['search', '--limit', '20', '"air strikes"']),
        ('search_prefix', ['search', '--limit', '20', 'sanction*']),
        ('search_near', ['search', '--limit', '20', 'NEAR(foreign minister, 3)']),
        ('search_and_dates', ['search', '--limit', '20', '--since', '2025-01-01', 'Hamas AND Israel']),
        ('search_hostile', ['search', '--limit', '20', 'US-Israel "unbalanced (((']),
        ('export_events_gdelt', ['export', '--format', 'gdelt']),
        ('export_events_jsonl', ['export', '--what', 'events']),
        ('export_articles_csv_limit1000', ['export', '--what', 'articles', '--format', 'csv', '--limit', '1000']),
    ]
    for name, args in queries:
        cmd = [BIN] + args[:1] + ['--db', db] + args[1:]
        ts = sorted(run(cmd) * 1000 for _ in range(QUERY_RUNS))
        p99 = ts[min(len(ts) - 1, int(0.99 * len(ts) + 0.5) - 1)]
        out('latency_%s_median' % name, '%.1f' % statistics.median(ts), 'ms')
        out('latency_%s_p99' % name, '%.1f' % p99, 'ms')

    # The whole pipeline without the store.
    if subprocess.run([BIN, 'code', '--help'], capture_output=True).returncode == 0:
        sentences = sum(1 for _ in subprocess.run([BIN, 'parse'] + dirs, capture_output=True).stdout.splitlines())
        articles = sum(1 for _ in subprocess.run([BIN, 'clean'] + dirs, capture_output=True).stdout.splitlines())
        t = statistics.median(run([BIN, 'code', '-q'] + dirs) for _ in range(3))
        out('code_time', '%.2f' % t, 's')
        out('code_rate_sentences', '%.0f' % (sentences / t), 'sentences/s')
        out('code_rate_articles', '%.0f' % (articles / t), 'articles/s')
        out('code_peak_rss_quarter', '%.1f' % rss_of([BIN, 'code', '-q', QUARTER]), 'MB')
        out('code_peak_rss_all', '%.1f' % rss_of([BIN, 'code', '-q'] + dirs), 'MB')
    else:
        print('code: skipped, no code command')

    # Peak memory of ingest at two sizes.
    small = os.path.join(WORK, 'rss.db')
    fresh(small)
    out('ingest_peak_rss_quarter', '%.1f' % rss_of([BIN, 'ingest', '-q', '--db', small, QUARTER]), 'MB')
    out('ingest_articles_quarter', count(small), 'articles')
    fresh(small)
    out('ingest_peak_rss_all', '%.1f' % rss_of([BIN, 'ingest', '-q', '--db', small] + dirs), 'MB')
    # The stores are a quarter of a gigabyte: keep only the corpus.
    fresh(small)
    fresh(db)

main()
EOF

echo "ingest: $N articles, $QUERY_RUNS runs per query ($WORK)"
python3 "$DRIVER" "$BIN" "$WORK" "$N" "$QUERY_RUNS" "$ROOT/examples"
