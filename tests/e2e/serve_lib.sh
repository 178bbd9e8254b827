# serve_lib.sh: starting and stopping `dateline serve` for a test, on
# 127.0.0.1 with a port the kernel picks, always stopped on exit.
#   serve_start DB [OPTIONS...]   sets URL and SERVE_PID, SERVE_LOG
#   serve_stop                    SIGTERM, then waits (at most 10 s)
SERVE_PID=""
serve_start() {
    db=$1
    shift
    # A fresh log each time: reading an old one would give an old URL.
    SERVE_N=$((${SERVE_N:-0} + 1))
    SERVE_LOG=$TMP/serve-$SERVE_N.log
    : >"$SERVE_LOG"
    "$DATELINE" serve --db "$db" --listen 127.0.0.1:0 "$@" 2>"$SERVE_LOG" &
    SERVE_PID=$!
    i=0
    URL=""
    while [ $i -lt 100 ]; do
        URL=$(sed -n 's/^dateline serve: listening on \(http:[^ ]*\).*/\1/p' "$SERVE_LOG" | head -1)
        [ -n "$URL" ] && break
        kill -0 "$SERVE_PID" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    URL=${URL%/}
    [ -n "$URL" ]
}
serve_stop() {
    [ -n "$SERVE_PID" ] || return 0
    kill -TERM "$SERVE_PID" 2>/dev/null
    i=0
    while kill -0 "$SERVE_PID" 2>/dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    kill -KILL "$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID" 2>/dev/null
    SERVE_STATUS=$?
    SERVE_PID=""
}
