#!/bin/sh
# run.sh: submits the sharded ingest of INPUT in N shards and the merge
# after it, and prints the job ids.
#
#   sh scripts/slurm/run.sh 4 /data/archive /scratch/run1
#
# Without Slurm (to try it on one machine), LOCAL=1 runs the same tasks as
# background processes with the same environment Slurm would give them.
set -eu
[ $# -ge 3 ] || { echo "usage: run.sh N INPUT OUT" >&2; exit 2; }
N=$1 INPUT=$2 OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
export INPUT OUT
if [ "${LOCAL:-0}" = 1 ]; then
    i=0
    while [ "$i" -lt "$N" ]; do
        SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=$N sh "$HERE/ingest-array.sbatch" &
        i=$((i + 1))
    done
    wait
    sh "$HERE/merge.sbatch"
    exit
fi
jid=$(sbatch --parsable --array=0-$((N - 1)) --export=ALL "$HERE/ingest-array.sbatch")
mid=$(sbatch --parsable --dependency=afterok:"$jid" --export=ALL "$HERE/merge.sbatch")
echo "ingest array $jid, merge $mid: the merged store will be $OUT/merged.db"
