# warc-lib.sh: writes WARC records for the tests (sourced).
#   warc_record TYPE URI CONTENT_TYPE FILE   one record on stdout
#   http_response FILE CONTENT_TYPE          an HTTP 200 response around FILE
warc_record() {
    len=$(wc -c <"$4" | tr -d ' ')
    printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-05T10:20:30Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
        "$1" "$2" "$len-$1" "$3" "$len"
    cat "$4"
    printf '\r\n\r\n'
}
http_response() {
    printf 'HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n' "$2"
    cat "$1"
}
