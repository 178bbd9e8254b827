# lib.sh: a small harness for end-to-end tests of the dateline command.
# A test file sources it, calls `check` for each case, then `finish`.
#   check NAME EXPECTED_EXIT COMMAND...    runs COMMAND, keeps stdout in
#       $OUT and stderr in $ERR, and fails the case on another exit status
#   has FILE TEXT / lacks FILE TEXT        grep-based assertions on the
#       last case's files ($OUT, $ERR); a failed assertion fails the case
set -u
: "${DATELINE:?set DATELINE to the dateline binary}"
SUITE=$(basename "$0" .sh | sed 's/^test_/e2e-/')
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/out ERR=$TMP/err
passed=0 failed=0 case_ok=1 case_name=""

close_case() {
    [ -n "$case_name" ] || return 0
    if [ $case_ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    case_name=""
}

fail() {
    echo "FAIL $SUITE/$case_name: $*" >&2
    case_ok=0
}

check() {
    close_case
    case_name=$1 want=$2
    shift 2
    case_ok=1
    "$@" >"$OUT" 2>"$ERR" </dev/null
    got=$?
    [ "$got" = "$want" ] || { fail "exit $got, expected $want"; sed 's/^/  stderr: /' "$ERR" | head -5 >&2; }
}

has() { grep -q -- "$2" "$1" || fail "$(basename "$1") lacks: $2"; }
lacks() { ! grep -q -- "$2" "$1" || fail "$(basename "$1") has: $2"; }
lines() { n=$(wc -l <"$1"); [ "$n" -eq "$2" ] || fail "$(basename "$1") has $n lines, expected $2"; }

finish() {
    close_case
    echo "$SUITE: $passed passed, $failed failed"
    [ $failed = 0 ]
}
