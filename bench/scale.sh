#!/bin/sh
# scale.sh: the figures docs/scaling.md rests on. Figures, not pass/fail,
# one per line as "name: value unit":
#   - `dateline ingest` into SQLite: articles/s (one process);
#   - the same input as 2 shards run side by side (`--shard 0/2`, `1/2`),
#     their wall time, and the `dateline merge` time;
#   - the store's bytes per article and per event, table by table (SQLite's
#     dbstat), and the cost of `events --actor ISR --since 2024-01-01`;
#   - with redis-server and a hiredis build: the worker's throughput
#     (enqueue, then one worker drains the stream) and its recovery time
#     (a worker killed at a third, a second one taking over with
#     --claim-idle 1000: time from the kill to the last article stored).
# The corpus (SCALE_ARTICLES, default 2000) is made from examples/ with
# paragraphs shuffled and a numbered sentence added, so every body is
# distinct; it is kept in $BUILD/bench/scale-N/. Run it under `nice`.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
BIN=${DATELINE:-$ROOT/$BUILD/dateline}
N=${SCALE_ARTICLES:-2000}
WORK=$ROOT/$BUILD/bench/scale-$N
export DATELINE_DATA="${DATELINE_DATA:-$ROOT/data}"
command -v python3 >/dev/null || { echo "scale: skipped, python3 is needed"; exit 0; }
mkdir -p "$WORK"
exec python3 - "$BIN" "$WORK" "$N" "$ROOT/examples" <<'PYEOF'
import json, os, random, signal, socket, sqlite3, statistics, subprocess, sys, time, shutil
BIN, WORK, N, EXAMPLES = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
CORPUS = os.path.join(WORK, 'corpus.jsonl')

def out(name, value, unit):
    print('%s: %s %s' % (name, value, unit), flush=True)

def generate():
    arts = [json.loads(l) for l in subprocess.run([BIN, 'clean', EXAMPLES], capture_output=True,
                                                  text=True).stdout.splitlines()]
    rnd = random.Random(19)
    with open(CORPUS + '.tmp', 'w', encoding='utf-8') as f:
        for i in range(N):
            a = arts[i % len(arts)]
            paras = [p for p in a['body'].split('\n\n') if p.strip()]
            rnd.shuffle(paras)
            paras.insert(rnd.randrange(len(paras) + 1),
                         'Officials said %d people had gathered near checkpoint %d by evening.' % (i * 7 + 3, i))
            f.write(json.dumps({'id': 'scale-%06d' % i, 'title': a.get('title') or 'Report',
                                'date': '%d-%02d-%02d' % (2023 + i % 3, i % 12 + 1, i % 28 + 1),
                                'text': '\n\n'.join(paras)}, ensure_ascii=False) + '\n')
    os.rename(CORPUS + '.tmp', CORPUS)

def fresh(db):
    for s in ('', '-wal', '-shm'):
        if os.path.exists(db + s):
            os.remove(db + s)

def timed(cmds):
    """Runs the commands side by side; the wall time until all ended."""
    t = time.perf_counter()
    ps = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    for p, c in zip(ps, cmds):
        err = p.communicate()[1]
        if p.returncode not in (0, 1):
            sys.exit('scale: %s failed: %s' % (' '.join(c), err[-300:].decode()))
    return time.perf_counter() - t

def count(db, table='articles'):
    c = sqlite3.connect(db)
    try:
        return c.execute('SELECT count(*) FROM ' + table).fetchone()[0]
    finally:
        c.close()

def main():
    if not os.path.exists(CORPUS):
        generate()
    one = os.path.join(WORK, 'one.db')
    fresh(one)
    t1 = timed([[BIN, 'ingest', '-q', '--db', one, CORPUS]])
    n = count(one)
    out('scale_articles', n, 'articles')
    out('ingest_1_process', '%.1f' % t1, 's')
    out('ingest_1_rate', '%.0f' % (n / t1), 'articles/s')
    shards = [os.path.join(WORK, 'shard-%d.db' % i) for i in range(2)]
    for s in shards:
        fresh(s)
    t2 = timed([[BIN, 'ingest', '-q', '--db', s, '--shard', '%d/2' % i, CORPUS] for i, s in enumerate(shards)])
    out('ingest_2_shards_wall', '%.1f' % t2, 's')
    out('ingest_2_shards_split', '%d+%d' % tuple(count(s) for s in shards), 'articles')
    merged = os.path.join(WORK, 'merged.db')
    fresh(merged)
    tm = timed([[BIN, 'merge', '-q', merged] + shards])
    out('merge_2_shards', '%.2f' % tm, 's')
    out('ingest_2_shards_plus_merge', '%.1f' % (t2 + tm), 's')
    out('speedup_2_shards', '%.2f' % (t1 / (t2 + tm)), 'x')
    tm2 = timed([[BIN, 'merge', '-q', merged] + shards])
    out('merge_again_noop', '%.2f' % tm2, 's')

    # Bytes per article and per event, by table (indexes counted with the
    # table they index).
    c = sqlite3.connect(one)
    c.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    events, mentions, quotes = (c.execute('SELECT count(*) FROM ' + t).fetchone()[0]
                                for t in ('events', 'mentions', 'quotes'))
    out('events_per_article', '%.2f' % (events / n), '')
    out('mentions_per_article', '%.2f' % (mentions / n), '')
    try:
        rows = c.execute("SELECT s.name, coalesce(m.tbl_name, s.name), sum(s.pgsize) FROM dbstat s"
                         " LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY s.name").fetchall()
        by = {}
        for name, tbl, size in rows:
            owner = 'articles' if tbl.startswith('articles') else tbl
            by[owner] = by.get(owner, 0) + size
        for t in sorted(by):
            out('bytes_%s' % t, by[t], 'B')
        out('bytes_per_article_articles_fts', '%.0f' % (by.get('articles', 0) / n), 'B')
        out('bytes_per_article_mentions', '%.0f' % (by.get('mentions', 0) / n), 'B')
        out('bytes_per_article_quotes', '%.0f' % (by.get('quotes', 0) / n), 'B')
        out('bytes_per_event', '%.0f' % (by.get('events', 0) / max(events, 1)), 'B')
    except sqlite3.Error as e:
        out('bytes_by_table', 'unavailable (%s)' % e, '')
    c.close()
    size = os.path.getsize(one)
    out('store_bytes', size, 'B')
    out('store_bytes_per_article', '%.0f' % (size / n), 'B')

    # The query docs/scaling.md costs out: a whole process, median of 5.
    q = [BIN, 'events', '--db', one, '--actor', 'ISR', '--since', '2024-01-01', '--format', 'csv']
    rows = len(subprocess.run(q, capture_output=True).stdout.splitlines())
    ts = sorted(timed([q]) for _ in range(5))
    out('events_actor_ISR_since_2024_rows', rows, 'lines')
    out('events_actor_ISR_since_2024', '%.1f' % (1000 * ts[2]), 'ms')

    worker_bench()

def worker_bench():
    if not shutil.which('redis-server') or not shutil.which('redis-cli'):
        out('worker', 'skipped (redis-server not installed)', '')
        return
    s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
    rdir = os.path.join(WORK, 'redis')
    os.makedirs(rdir, exist_ok=True)
    srv = subprocess.Popen(['redis-server', '--port', str(port), '--bind', '127.0.0.1', '--save', '',
                            '--appendonly', 'no', '--dir', rdir], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if subprocess.run(['redis-cli', '-p', str(port), 'ping'], capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        url = 'redis://127.0.0.1:%d' % port
        r = subprocess.run([BIN, 'enqueue', '--redis', url, '--stream', 'a', CORPUS], capture_output=True)
        if b'without hiredis' in r.stderr:
            out('worker', 'skipped (built without hiredis)', '')
            return
        t = time.perf_counter()
        subprocess.run([BIN, 'enqueue', '--redis', url, '--stream', 'b', CORPUS], capture_output=True)
        out('enqueue_rate', '%.0f' % (N / (time.perf_counter() - t)), 'messages/s')
        db = os.path.join(WORK, 'worker.db')
        fresh(db)
        tw = timed([[BIN, 'worker', '--redis', url, '--stream', 'a', '--group', 'g', '--db', db, '--drain',
                     '--block', '100']])
        out('worker_1_rate', '%.0f' % (count(db) / tw), 'articles/s')
        # Recovery: kill at a third, a second worker takes over.
        db = os.path.join(WORK, 'worker-kill.db')
        fresh(db)
        p = subprocess.Popen([BIN, 'worker', '--redis', url, '--stream', 'b', '--group', 'g', '--db', db,
                              '--batch', '50', '--block', '100'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while p.poll() is None:
            try:
                if os.path.exists(db) and count(db) >= N // 3:
                    break
            except sqlite3.Error:
                pass
            time.sleep(0.01)
        p.send_signal(signal.SIGKILL); p.wait()
        killed = time.perf_counter()
        at = count(db)
        tr = timed([[BIN, 'worker', '--redis', url, '--stream', 'b', '--group', 'g', '--db', db, '--drain',
                     '--block', '100', '--claim-idle', '1000']])
        out('worker_killed_at', at, 'articles')
        out('worker_recovery_total', '%.1f' % (time.perf_counter() - killed), 's')
        out('worker_recovery_stored', count(db), 'articles')
        out('worker_rescuer_rate', '%.0f' % ((count(db) - at) / tr), 'articles/s')
    finally:
        srv.terminate(); srv.wait()

main()
PYEOF
