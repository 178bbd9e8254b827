# test_shard.sh: `ingest --shard I/N` and `merge`: the shards of a run hold
# every article exactly once between them, and merged they give the same
# sorted exports, events, quotes and search results as one unsharded run;
# merging again, re-running a shard, or merging overlapping stores adds
# nothing; bad shard specs and inputs that are not stores are refused.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
IN="$ROOT/examples"
D="$DATELINE"

# Everything a store holds, in an order that does not depend on row ids.
dump() { # dump DB NAME
    "$D" export --db "$1" --format jsonl | sort >"$TMP/$2.export"
    # An event's id is its row in the store it is in: shards number their
    # own, so the comparison leaves the id column out.
    "$D" events --db "$1" --format csv | cut -d, -f2- | sort >"$TMP/$2.events"
    "$D" quotes --db "$1" | sort >"$TMP/$2.quotes"
    "$D" search --db "$1" ceasefire talks | sort >"$TMP/$2.search"
    sqlite3 "$1" "SELECT content_key, id FROM articles ORDER BY content_key" >"$TMP/$2.keys" 2>/dev/null ||
        : >"$TMP/$2.keys"
}
same() { # same A B: every dump of A equals B's
    for k in export events quotes search keys; do
        cmp -s "$TMP/$1.$k" "$TMP/$2.$k" || fail "$k of $1 and $2 differ"
    done
}
articles() { "$D" export --db "$1" --format jsonl | wc -l | tr -d ' '; }

check "one run" 0 "$D" ingest -q --db "$TMP/all.db" "$IN"
dump "$TMP/all.db" all
total=$(articles "$TMP/all.db")
[ "$total" -gt 10 ] || fail "only $total records from examples/"
[ -s "$TMP/all.events" ] || fail "no events from examples/"

for n in 2 4; do
    i=0
    while [ $i -lt $n ]; do
        check "shard $i/$n" 0 "$D" ingest --db "$TMP/s$n-$i.db" --shard "$i/$n" "$IN"
        has "$ERR" "shard $i/$n"
        i=$((i + 1))
    done
    check "merge $n shards" 0 "$D" merge "$TMP/m$n.db" "$TMP"/s$n-*.db
    has "$ERR" "already there"
    dump "$TMP/m$n.db" "m$n"
    same all "m$n"
done

# The shards split the articles: none empty when there are enough, no
# article in two of them.
check "shards are disjoint" 0 true
sum=0
for f in "$TMP"/s4-*.db; do
    k=$(articles "$f")
    sum=$((sum + k))
done
m4=$(articles "$TMP/m4.db")
[ "$sum" = "$m4" ] || fail "4 shards hold $sum records, merged $m4"

check "merging again adds nothing" 0 "$D" merge "$TMP/m4.db" "$TMP"/s4-*.db
has "$ERR" "0 articles added"
dump "$TMP/m4.db" again
same all again

check "re-running a shard adds nothing" 0 "$D" ingest --db "$TMP/s4-1.db" --shard 1/4 "$IN"
has "$ERR" "0 articles stored"

# Overlapping stores (the whole run and a shard) merge to the whole run.
check "overlapping stores" 0 "$D" merge "$TMP/over.db" "$TMP/s2-0.db" "$TMP/all.db" "$TMP/s2-1.db"
dump "$TMP/over.db" over
same all over

# Under a Slurm job array the shard comes from the environment.
check "shard from SLURM_ARRAY_*" 0 env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 \
    "$D" ingest --db "$TMP/slurm.db" "$IN"
has "$ERR" "shard 1/2"
[ "$(articles "$TMP/slurm.db")" = "$(articles "$TMP/s2-1.db")" ] || fail "SLURM shard 1/2 differs from --shard 1/2"
check "--shard wins over SLURM_ARRAY_*" 0 env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 \
    "$D" ingest --db "$TMP/slurm0.db" --shard 0/2 "$IN"
has "$ERR" "shard 0/2"

# The job-array scripts, run as Slurm would run them (LOCAL=1: the tasks
# as processes with SLURM_ARRAY_* set), give the same store.
check "scripts/slurm in 3 tasks" 0 env LOCAL=1 DATELINE="$D" sh "$ROOT/scripts/slurm/run.sh" 3 "$IN" "$TMP/slurm3"
has "$ERR" "shard-2.db"
dump "$TMP/slurm3/merged.db" slurm3
same all slurm3

check "bad SLURM_ARRAY_TASK_ID" 2 env SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_COUNT=2 \
    "$D" ingest --db "$TMP/x.db" "$IN"
has "$ERR" "SLURM_ARRAY_TASK_ID"
for bad in 2/2 -1/2 1 a/b 1/0 0/; do
    check "bad --shard $bad" 2 "$D" ingest --db "$TMP/x.db" --shard "$bad" "$IN"
    has "$ERR" "I/N"
done

# Broken inputs: not a store, missing, too few arguments. The good input
# after a bad one still merges.
printf 'not a database at all\n' >"$TMP/junk.db"
check "merge a file that is not a store" 1 "$D" merge "$TMP/j.db" "$TMP/junk.db" "$TMP/s2-0.db"
has "$ERR" "not a dateline store"
[ "$(articles "$TMP/j.db")" = "$(articles "$TMP/s2-0.db")" ] || fail "the good input was not merged"
check "merge a missing store" 1 "$D" merge "$TMP/j2.db" "$TMP/missing.db"
check "merge a store into itself" 0 "$D" merge "$TMP/j.db" "$TMP/j.db"
has "$ERR" "is the output store"
check "merge with no input" 2 "$D" merge "$TMP/j3.db"
has "$ERR" "at least one"
cmp -s "$TMP/junk.db" - <<'X' || fail "the broken input was changed"
not a database at all
X

finish
