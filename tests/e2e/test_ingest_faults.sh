# test_ingest_faults.sh: ingest under faults (issue 20, items 3, 4 and 6):
# a disk that fills (a small tmpfs, when this user may mount one), four
# writers at once, and a report written to a full stdout. Each case checks
# what is stored against what is printed.
. "$(dirname "$0")/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "skip $SUITE: python3 is needed"
    finish
    exit
}

# Articles with distinct bodies: gen FILE N PREFIX WORDS
cat >"$TMP/gen.py" <<'PYEOF'
import json, random, sys
out, n, prefix, nwords = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
r = random.Random(prefix)
words = ("Hamas fired rockets at Israel the army said officials met for talks on a ceasefire "
         "Egypt sent mediators to Gaza city near the border").split()
with open(out, 'w') as f:
    for i in range(n):
        body = ' '.join(r.choice(words) for _ in range(nwords))
        body += '. Hamas fired rockets at Israel, the army said. Update %s %d.' % (prefix, i)
        f.write(json.dumps({'id': '%s-%03d' % (prefix, i), 'text': body}) + '\n')
PYEOF
count() { "$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from $2').fetchone()[0])" "$1"; }

# 3. A full disk: the batch is rolled back, ingest stops with exit 3 and a
# message naming the cause and the article, the summary counts only what
# is in the store.
MNT=$TMP/small
mkdir -p "$MNT"
if mount -t tmpfs -o size=3m tmpfs "$MNT" 2>/dev/null; then
    trap 'umount "$MNT" 2>/dev/null; rm -rf "$TMP"' EXIT
    "$PY" "$TMP/gen.py" "$TMP/full.jsonl" 200 full 600
    check "disk full: rolled back, stopped, summary true" 3 "$DATELINE" ingest --db "$MNT/s.db" --batch 20 "$TMP/full.jsonl"
    has "$ERR" "disk full"
    has "$ERR" "while storing article full-[0-9]*"
    has "$ERR" "resume with the same command"
    lacks "$ERR" "no transaction is active"
    lacks "$ERR" "release:"
    stored=$(count "$MNT/s.db" articles)
    events=$(count "$MNT/s.db" events)
    has "$ERR" "ingest: $stored articles stored (0 already there), [0-9]* mentions, [0-9]* quotes, $events events"
    [ "$stored" -lt 200 ] || fail "all 200 articles fit: the disk did not fill"
    umount "$MNT"
else
    echo "skip $SUITE/disk full: cannot mount a tmpfs here"
fi

# 4. Four writers at once, one with long batches: all finish, nothing lost.
for w in 1 2 3 4; do "$PY" "$TMP/gen.py" "$TMP/w$w.jsonl" 40 "w$w" 150; done
close_case
case_name="four concurrent writers all succeed"
case_ok=1
"$DATELINE" ingest -q --db "$TMP/c.db" --batch 1000 "$TMP/w1.jsonl" 2>"$TMP/e1" & p1=$!
"$DATELINE" ingest -q --db "$TMP/c.db" --batch 5 "$TMP/w2.jsonl" 2>"$TMP/e2" & p2=$!
"$DATELINE" ingest -q --db "$TMP/c.db" --batch 5 "$TMP/w3.jsonl" 2>"$TMP/e3" & p3=$!
"$DATELINE" ingest -q --db "$TMP/c.db" --batch 1 "$TMP/w4.jsonl" 2>"$TMP/e4" & p4=$!
for p in $p1 $p2 $p3 $p4; do wait $p || fail "a writer exited $?: $(cat "$TMP"/e[1-4])"; done
n=$(count "$TMP/c.db" articles)
[ "$n" = 160 ] || fail "store holds $n articles, expected 160"

# 5. A damaged store left by an unclean close (a write-ahead log behind)
# is refused, not written on.
"$DATELINE" ingest -q --db "$TMP/k.db" "$TMP/w1.jsonl" 2>/dev/null
"$PY" - "$TMP/k.db" <<'PYEOF'
import os, random, sys
p = sys.argv[1]
size = os.path.getsize(p)
r = random.Random(7)
with open(p, 'r+b') as f:  # garbage over every page but the first
    for off in range(4096, size, 4096):
        f.seek(off)
        f.write(bytes(r.randrange(256) for _ in range(512)))
open(p + '-wal', 'wb').write(b'left behind by a killed writer' * 10)
PYEOF
before=$(cksum <"$TMP/k.db")
check "a damaged store is refused after an unclean close" 3 "$DATELINE" ingest --db "$TMP/k.db" "$TMP/w2.jsonl"
has "$ERR" "is damaged ("
[ "$(cksum <"$TMP/k.db")" = "$before" ] || fail "the damaged store was written on"

# 6. A report that cannot be written is an error (exit 3).
if [ -w /dev/full ]; then
    check "ingest --report to a full stdout exits 3" 3 sh -c '"$0" ingest -q --db "$1" --report "$2" >/dev/full' \
        "$DATELINE" "$TMP/c.db" "$TMP/w1.jsonl"
    has "$ERR" "cannot write output"
fi

finish
