# test_long_inputs.sh: bounded cost on huge inputs (issue 20, item 1).
#
# The documented bound: an article of up to --max-article-bytes (1 MiB by
# default) is analysed in time linear in its length and in at most 200 MB;
# a longer article, a JSONL line longer than 8 times that or a text file
# as long is reported and skipped, read through without being held in
# memory, and the input after it is processed. The cases:
#   - the issue's reproducer at 16,000 paragraphs (0.96 MB, under the
#     default limit) in one article: under 60 s and under 200 MB;
#   - a JSONL record of 50 MB and a line of 200 MB, each followed by a
#     small record: both reported, the small ones coded, under 200 MB.
# Under ASan (build-asan) memory and time are not comparable, so only the
# 50 MB record is fed there, with no memory bound.
. "$(dirname "$0")/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "skip $SUITE: python3 is needed"
    finish
    exit
}
ASAN=0
case "$DATELINE" in *build-asan*) ASAN=1 ;; esac

# run_bounded MAX_SECONDS MAX_MB ARGS...: runs dateline, keeps $OUT/$ERR,
# writes "rc seconds peak_mb" to $TMP/usage
cat >"$TMP/run.py" <<'PYEOF'
import resource, subprocess, sys, time
limit_s = float(sys.argv[1]); out, err = sys.argv[2], sys.argv[3]; cmd = sys.argv[4:]
t = time.time()
try:
    rc = subprocess.run(cmd, stdout=open(out, 'w'), stderr=open(err, 'w'), stdin=subprocess.DEVNULL,
                        timeout=limit_s * 3).returncode
except subprocess.TimeoutExpired:
    rc = 124
el = time.time() - t
mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(rc, '%.1f' % el, '%.0f' % mb)
PYEOF
bounded() { # NAME WANT_RC MAX_S MAX_MB ARGS...
    close_case
    case_name=$1 want=$2 max_s=$3 max_mb=$4
    shift 4
    case_ok=1
    set -- $("$PY" "$TMP/run.py" "$max_s" "$OUT" "$ERR" "$DATELINE" "$@")
    echo "  $case_name: exit $1, $2 s, $3 MB"
    [ "$1" = "$want" ] || { fail "exit $1, expected $want"; head -3 "$ERR" >&2; }
    awk -v t="$2" -v m="$max_s" 'BEGIN { exit !(t <= m) }' || fail "took $2 s, bound $max_s s"
    [ "$max_mb" = 0 ] || awk -v u="$3" -v m="$max_mb" 'BEGIN { exit !(u <= m) }' || fail "peak $3 MB, bound $max_mb MB"
}

"$PY" - "$TMP" "$ASAN" <<'PYEOF'
import json, sys
d, asan = sys.argv[1], sys.argv[2] == '1'
para = lambda i: 'Hamas fired rockets at Israel, the army said. Update %d.' % i
small = json.dumps({'id': 'after', 'text': 'Hamas fired rockets at Israel, the army said.'})
with open(d + '/long.txt', 'w') as f:
    f.write('T\n\n' + '\n\n'.join(para(i) for i in range(16000 if not asan else 4000)) + '\n')
body = '\n\n'.join(para(i) for i in range(900000))[:50 << 20]
with open(d + '/rec50.jsonl', 'w') as f:
    f.write(json.dumps({'id': 'big', 'text': body}) + '\n' + small + '\n')
if not asan:
    with open(d + '/line200.jsonl', 'w') as f:
        f.write('{"id":"huge","text":"')
        chunk = 'word ' * (1 << 20)
        for _ in range(40):
            f.write(chunk)
        f.write('"}\n' + small + '\n')
PYEOF

if [ $ASAN = 0 ]; then
    bounded "0.96 MB article (16,000 paragraphs) codes in linear time" 0 60 200 code "$TMP/long.txt"
    has "$OUT" '"article":'
    bounded "50 MB JSONL record skipped, the rest coded" 1 60 200 code "$TMP/rec50.jsonl"
    has "$ERR" 'rec50.jsonl:1: error: record of [0-9]* bytes is longer than the limit'
    has "$OUT" '"article":"after"'
    bounded "200 MB line skipped unread, the rest coded" 1 60 200 code "$TMP/line200.jsonl"
    has "$ERR" 'line200.jsonl:1: error: record of 209715[0-9]* bytes is longer than the limit'
    has "$OUT" '"article":"after"'
    bounded "an article over --max-article-bytes is named and skipped" 1 60 200 code --max-article-bytes 300000 "$TMP/long.txt"
    has "$ERR" 'long.txt:1: error: article [0-9a-f]* is [0-9]* bytes, over the limit of 300000'
else
    bounded "4,000 paragraphs under ASan" 0 300 0 code "$TMP/long.txt"
    bounded "50 MB JSONL record skipped under ASan" 1 300 0 code "$TMP/rec50.jsonl"
    has "$OUT" '"article":"after"'
fi
check "--max-article-bytes needs a number" 2 "$DATELINE" code --max-article-bytes lots "$TMP/long.txt"
has "$ERR" "--max-article-bytes takes a number"

finish
