# test_web.sh: HTML pages and WARC archives end to end, with broken input.
. "$(dirname "$0")/lib.sh"
ROOT=${DATELINE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
WEB=$ROOT/tests/data/web
. "$WEB/warc-lib.sh"

cp "$WEB/harbour.html" "$TMP/harbour.html"
cp "$WEB/harbour.html" "$TMP/harbour-page"          # no extension: told by content
sed "s/@/$(printf '\351')/g" "$WEB/latin1.html.in" >"$TMP/latin1.html"
http_response "$WEB/harbour.html" "text/html; charset=utf-8" >"$TMP/resp1"
http_response "$TMP/latin1.html" "text/html; charset=iso-8859-1" >"$TMP/resp2"
printf 'GET /harbour HTTP/1.1\r\nHost: example.org\r\n\r\n' >"$TMP/req"
printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><p>Not here</p></body></html>' >"$TMP/resp404"
printf 'A plain text note about the harbour vote, kept as a resource record.\n' >"$TMP/note.txt"
{
    warc_record warcinfo "" application/warc-fields "$TMP/req"
    warc_record request http://example.org/harbour "application/http; msgtype=request" "$TMP/req"
    warc_record response http://example.org/harbour "application/http; msgtype=response" "$TMP/resp1"
    warc_record response http://example.org/missing "application/http; msgtype=response" "$TMP/resp404"
    warc_record response http://example.org/cafe "application/http; msgtype=response" "$TMP/resp2"
    warc_record resource http://example.org/note.txt text/plain "$TMP/note.txt"
} >"$TMP/a.warc"
# one gzip member per record, as Common Crawl writes them
: >"$TMP/a.warc.gz"
for spec in "request http://example.org/harbour req application/http;msgtype=request" \
            "response http://example.org/harbour resp1 application/http;msgtype=response" \
            "response http://example.org/cafe resp2 application/http;msgtype=response" \
            "resource http://example.org/note.txt note.txt text/plain"; do
    set -- $spec
    warc_record "$1" "$2" "$4" "$TMP/$3" | gzip -c >>"$TMP/a.warc.gz"
done
size=$(wc -c <"$TMP/a.warc.gz" | tr -d ' ')
head -c $((size - 40)) "$TMP/a.warc.gz" >"$TMP/truncated.warc.gz"
# a damaged member in the middle: the second member's deflate data overwritten
m1=$(warc_record request http://example.org/harbour "application/http;msgtype=request" "$TMP/req" | gzip -c | wc -c | tr -d ' ')
cp "$TMP/a.warc.gz" "$TMP/damaged.warc.gz"
printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$TMP/damaged.warc.gz" bs=1 seek=$((m1 + 20)) conv=notrunc 2>/dev/null
# a record whose Content-Length is missing, between two good ones
{
    warc_record response http://example.org/harbour "application/http; msgtype=response" "$TMP/resp1"
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/broken\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n'
    warc_record resource http://example.org/note.txt text/plain "$TMP/note.txt"
} >"$TMP/nolength.warc"

check html-file 0 "$DATELINE" clean "$TMP/harbour.html"
lines "$OUT" 1
has "$OUT" '"title":"Council approves new harbour plan"'
has "$OUT" '"byline":"Ana Ruiz"'
has "$OUT" '"language":"en"'
has "$OUT" 'rebuild the old harbour wall'
lacks "$OUT" 'Copyright Coast Herald'
lacks "$OUT" '<html'
lacks "$OUT" '"body":"Home'

check html-by-content 0 "$DATELINE" clean "$TMP/harbour-page"
has "$OUT" '"title":"Council approves new harbour plan"'

check html-stdin-forced 0 sh -c "\"$DATELINE\" clean --input html - <\"$TMP/harbour.html\""
has "$OUT" '"source":"-"'
has "$OUT" '"title":"Council approves new harbour plan"'

check html-meta-charset-latin1 0 "$DATELINE" clean "$TMP/latin1.html"
has "$OUT" '"title":"Café owners protest new rules"'
has "$OUT" 'caf\(é\)s along the river'

check html-as-text-when-forced 0 "$DATELINE" clean --input text "$TMP/harbour.html"
has "$OUT" '<html'

check bad-input-format 2 "$DATELINE" clean --input pdf "$TMP/harbour.html"
has "$ERR" 'text, jsonl, html or warc'

check warc 0 "$DATELINE" clean "$TMP/a.warc"
lines "$OUT" 3
has "$OUT" '"source":"http://example.org/harbour"'
has "$OUT" '"url":"http://example.org/harbour"'
has "$OUT" '"title":"Council approves new harbour plan"'
has "$OUT" '"title":"Café owners protest new rules"'
has "$OUT" '"date":"2024-03-05T10:20"'
has "$OUT" 'A plain text note about the harbour vote'
lacks "$OUT" 'Not here'
lacks "$OUT" 'GET /harbour'

check warc-gz 0 "$DATELINE" clean "$TMP/a.warc.gz"
lines "$OUT" 3
has "$OUT" '"title":"Council approves new harbour plan"'

check warc-gz-stdin-by-content 0 sh -c "\"$DATELINE\" clean - <\"$TMP/a.warc.gz\""
lines "$OUT" 3

check warc-gz-truncated 1 "$DATELINE" clean "$TMP/truncated.warc.gz"
lines "$OUT" 2
has "$ERR" 'truncated.warc.gz: error: record at byte [0-9]*: gzip member cut short'

check warc-gz-damaged-member-skipped 1 "$DATELINE" clean "$TMP/damaged.warc.gz"
lines "$OUT" 2
has "$ERR" "damaged.warc.gz: error: record at byte $m1: damaged gzip member"
has "$OUT" '"title":"Café owners protest new rules"'
has "$OUT" 'A plain text note'

check warc-record-without-length 1 "$DATELINE" clean "$TMP/nolength.warc"
lines "$OUT" 2
has "$ERR" 'nolength.warc: error: record at byte [0-9]*: WARC record without a valid Content-Length'
lacks "$OUT" 'lost'

check not-a-warc 1 "$DATELINE" clean --input warc "$TMP/note.txt"
has "$ERR" 'not a WARC record header'

check warc-every-command-actors 0 "$DATELINE" actors --input warc "$TMP/a.warc"
check warc-every-command-code 0 "$DATELINE" code "$TMP/a.warc.gz"
check warc-every-command-quotes 0 "$DATELINE" quotes "$TMP/a.warc"
check warc-ingest 0 "$DATELINE" ingest --db "$TMP/web.db" "$TMP/a.warc.gz"

PAGES=$ROOT/../shared/data/readability-pages
if [ -d "$PAGES" ]; then
    check eval-extract-floors 0 "$DATELINE" eval extract "$PAGES"
    floor() { # floor FIELD MIN
        v=$(sed -n "s/.*\"$1\":\([0-9.e-]*\).*/\1/p" "$OUT")
        [ -n "$v" ] && [ "$(echo "$v >= $2" | bc -l)" = 1 ] || fail "$1 = $v, below $2"
    }
    floor body_f1 0.95
    floor title_accuracy 0.90
    floor byline_accuracy 0.85
    floor date_accuracy 0.85
    check eval-extract-pages 0 "$DATELINE" eval extract --pages --format text "$PAGES"
    has "$OUT" 'bbc-1 '
    has "$OUT" 'body  *P'
    # whole-page text dumps of the same pages, made by the script
    ceiling() { # ceiling FIELD MAX
        v=$(sed -n "s/.*\"$1\":\([0-9.e-]*\).*/\1/p" "$OUT")
        [ -n "$v" ] && [ "$(echo "$v <= $2" | bc -l)" = 1 ] || fail "$1 = $v, above $2"
    }
    check make-dumps 0 python3 "$ROOT/scripts/make-dumps.py" "$PAGES" "$TMP/dumps"
    check eval-dumps-floors 0 "$DATELINE" eval dumps "$TMP/dumps"
    ceiling junk 0.11
    floor kept 0.95
    ceiling articles_per_page 1.3
else
    echo "skip eval-extract: $PAGES absent"
fi
check eval-extract-no-dir 2 "$DATELINE" eval extract
check eval-dumps-empty-dir 1 "$DATELINE" eval dumps "$TMP"
has "$ERR" 'no dumps found'

finish
