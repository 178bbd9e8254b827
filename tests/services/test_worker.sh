# test_worker.sh: `dateline enqueue` and `dateline worker` against a real
# redis-server started here on 127.0.0.1 on a free port (skipped with a
# message when redis-server, redis-cli or python3 is missing, or dateline
# was built without hiredis). Checks: the worker stores exactly what
# `ingest` stores from the same files; a worker killed with SIGKILL
# mid-batch loses nothing (a second worker takes its pending messages over
# with XAUTOCLAIM) and doubles nothing; a message without text goes to the
# dead-letter stream; bad options and an unreachable server are refused.
. "$(dirname "$0")/../e2e/lib.sh"

skip() { echo "skip $SUITE: $1"; echo "$SUITE: 0 passed, 0 failed, 1 skipped"; exit 0; }
command -v redis-server >/dev/null 2>&1 || skip "redis-server is not installed (Debian: redis-server)"
command -v redis-cli >/dev/null 2>&1 || skip "redis-cli is not installed (Debian: redis-tools)"
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || skip "python3 is needed"
"$DATELINE" enqueue --redis redis://127.0.0.1:1 --stream s /dev/null 2>&1 | grep -q "without hiredis" &&
    skip "dateline was built without hiredis (Debian: libhiredis-dev)"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D="$DATELINE"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$TMP/redis.pid" --dir "$TMP" --logfile "$TMP/redis.log" >/dev/null ||
    skip "redis-server would not start"
trap 'kill "$(cat "$TMP/redis.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 100 ] || skip "redis-server did not answer"
    sleep 0.05
done
U=redis://127.0.0.1:$PORT
R() { redis-cli -p "$PORT" "$@"; }
export_sorted() { "$D" export --db "$1" --format jsonl | sort; }

# The bundled examples through the queue: the same store as ingest.
check "enqueue examples" 0 "$D" enqueue --redis "$U" --stream ex "$ROOT/examples"
docs=$(cat "$OUT")
[ "$docs" -gt 5 ] || fail "enqueued $docs documents"
[ "$(R XLEN ex)" = "$docs" ] || fail "the stream holds $(R XLEN ex), not $docs"
check "worker drains them" 0 "$D" worker --redis "$U" --stream ex --group g --db "$TMP/ex.db" --drain --block 100
has "$ERR" "$docs messages"
"$D" ingest -q --db "$TMP/direct.db" "$ROOT/examples"
export_sorted "$TMP/ex.db" >"$TMP/ex.out"
export_sorted "$TMP/direct.db" >"$TMP/direct.out"
check "worker store = ingest store" 0 cmp "$TMP/ex.out" "$TMP/direct.out"
[ "$(R XPENDING ex g | head -1)" = 0 ] || fail "messages left pending"

# Delivered twice (the group re-read from the start): nothing doubled.
R XGROUP SETID ex g 0 >/dev/null
check "redelivery adds nothing" 0 "$D" worker --redis "$U" --stream ex --group g --db "$TMP/ex.db" --drain --block 100
has "$ERR" "0 articles stored"
export_sorted "$TMP/ex.db" >"$TMP/ex2.out"
cmp -s "$TMP/ex2.out" "$TMP/direct.out" || fail "the store changed on redelivery"

# A consumer killed mid-batch. 240 distinct articles in JSONL.
cat >"$TMP/gen.py" <<'PYEOF'
import json, sys
words = ['talks', 'troops', 'ministers', 'border', 'aid', 'sanctions', 'protest', 'vote']
with open(sys.argv[1], 'w') as f:
    for i in range(int(sys.argv[2])):
        w = words[i % len(words)]
        text = ('Israeli and Egyptian ministers met in Cairo on Monday to discuss %s, officials said. '
                'The meeting, number %d this year, ended without an agreement on the %s question.\n\n'
                'Jordan\'s foreign minister said %d delegates would return next week.') % (w, i, w, i + 3)
        f.write(json.dumps({'id': 'w-%04d' % i, 'title': 'Talks round %d' % i, 'date': '2024-03-%02d' % (i % 28 + 1),
                            'text': text}) + '\n')
PYEOF
cat >"$TMP/kill.py" <<'PYEOF'
import os, signal, sqlite3, subprocess, sys, time
db, least, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
p = subprocess.Popen(sys.argv[4:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
start = time.monotonic()
def count():
    try:
        c = sqlite3.connect('file:%s?mode=ro' % db, uri=True, timeout=1)
        try:
            return c.execute('SELECT count(*) FROM articles').fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0
while p.poll() is None and time.monotonic() - start < 60:
    if os.path.exists(db) and least <= count() < total:
        p.send_signal(signal.SIGKILL); p.wait(); print(count()); sys.exit(0)
    time.sleep(0.01)
p.kill(); p.wait(); print('not killed'); sys.exit(1)
PYEOF
N=240
"$PY" "$TMP/gen.py" "$TMP/many.jsonl" $N
check "enqueue $N records" 0 "$D" enqueue --redis "$U" --stream many "$TMP/many.jsonl"
has "$OUT" "^$N\$"
check "kill a worker mid-run" 0 "$PY" "$TMP/kill.py" "$TMP/many.db" 20 $N \
    "$D" worker --redis "$U" --stream many --group g --consumer doomed --db "$TMP/many.db" --batch 10 --block 100
killed_at=$(cat "$OUT")
held=$(R XPENDING many g | head -1)
[ "$held" -gt 0 ] || fail "the killed consumer held no pending messages (killed at $killed_at articles)"
check "a second worker takes over" 0 "$D" worker --redis "$U" --stream many --group g --consumer rescuer \
    --db "$TMP/many.db" --batch 10 --block 100 --claim-idle 200 --drain
has "$ERR" "taken over"
lacks "$ERR" " 0 taken over"
[ "$(R XPENDING many g | head -1)" = 0 ] || fail "messages left pending"
"$D" ingest -q --db "$TMP/many-direct.db" "$TMP/many.jsonl"
export_sorted "$TMP/many.db" >"$TMP/many.out"
export_sorted "$TMP/many-direct.db" >"$TMP/many-direct.out"
check "every article stored exactly once" 0 cmp "$TMP/many.out" "$TMP/many-direct.out"
n=$(sqlite3 "$TMP/many.db" 'SELECT count(*) FROM articles' 2>/dev/null || wc -l <"$TMP/many.out")
[ "$n" = $N ] || fail "$n articles stored, expected $N"

# A message that can never be stored goes to the dead-letter stream.
R XADD bad '*' title "no text here" >/dev/null
check "a message without text is dead-lettered" 1 "$D" worker --redis "$U" --stream bad --group g \
    --db "$TMP/bad.db" --drain --block 100
has "$ERR" "dead-letter"
[ "$(R XLEN bad:dead)" = 1 ] || fail "bad:dead holds $(R XLEN bad:dead) messages"
R XRANGE bad:dead - + >"$TMP/dead.txt"
has "$TMP/dead.txt" "no text field"
[ "$(R XPENDING bad g | head -1)" = 0 ] || fail "the dead message is still pending"

check "worker without --group" 2 "$D" worker --redis "$U" --stream s --db "$TMP/x.db"
has "$ERR" "required"
check "worker --batch 0" 2 "$D" worker --redis "$U" --stream s --group g --batch 0
check "enqueue without --stream" 2 "$D" enqueue --redis "$U" "$ROOT/examples"
check "unreachable server" 3 "$D" worker --redis redis://127.0.0.1:1 --stream s --group g --db "$TMP/x.db" --drain
has "$ERR" "cannot connect"
check "not a redis URL" 3 "$D" enqueue --redis http://127.0.0.1/ --stream s "$ROOT/examples"
has "$ERR" "redis://"

finish
