"""serve_abuse.py: hostile requests against a running `dateline serve`
(tests/e2e/test_serve_abuse.sh starts it). Every case must get a 4xx or be
dropped, never a file from outside web/, and the server must answer a
normal request afterwards. Usage: serve_abuse.py HOST PORT PID WEB_DIR.
Prints one line per case and "e2e-serve_abuse: N passed, M failed"."""
import os, resource, socket, sys, time

host, port, pid, web = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
passed = failed = 0
SECRET = b'root:'  # /etc/passwd's first line


def check(name, ok, detail=''):
    global passed, failed
    passed += bool(ok)
    failed += not ok
    print('%s serve_abuse/%s%s' % ('ok' if ok else 'FAIL', name, ': ' + detail if detail else ''), flush=True)


def raw(request, timeout=5.0):
    """Sends bytes, returns (status or None when dropped, body bytes)."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        s.sendall(request)
        data = b''
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
    except (BrokenPipeError, ConnectionResetError):
        data = b''
    finally:
        s.close()
    if not data.startswith(b'HTTP/1.'):
        return None, data
    return int(data.split(b' ', 2)[1]), data.split(b'\r\n\r\n', 1)[-1]


def get(target):
    t = target if isinstance(target, bytes) else target.encode()
    return raw(b'GET ' + t + b' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')


def alive():
    st, body = get('/api/stats')
    return st == 200 and b'"events"' in body


def refused(st):
    return st is None or 400 <= st < 500


# Paths that try to leave web/: sent raw, as no client would normalise them.
for target in ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd',
               '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/..\\..\\etc\\passwd', '//etc/passwd', '/api/../../etc/passwd',
               '/./../etc/passwd', '/.git/config', '/node_modules/d3-array/package.json', '/index.html%00.txt',
               '/%00', '/build.mjs', '/web/../../etc/passwd', '/%252e%252e/etc/passwd', '/..;/etc/passwd',
               '/' + '../' * 40 + 'etc/passwd', 'http://evil.example/../../etc/passwd', '*']:
    st, body = get(target)
    check('traversal ' + target[:40], refused(st) and SECRET not in body, 'status %s' % st)

# Percent-encoded NULs and bad UTF-8, in the path, the query and raw.
for target in ['/api/events?actor=%00', '/api/events?actor=ISR%00DROP', '/api/search?q=%00', '/api/events%00',
               '/api/events?actor=%ff%fe', '/api/search?q=%C0%80', '/api/events?actor=%ED%A0%80']:
    st, body = get(target)
    check('encoded ' + target, st == 400 and b'"parameter"' in body, 'status %s' % st)
for target in [b'/api/events?actor=\xff\xfe', b'/api/search?q=\xc3', b'/\x80\x81', b'/api/events?actor=a\x01b']:
    st, body = get(target)
    check('raw bytes %r' % target[:24], refused(st), 'status %s' % st)

# A 1 MB query string, and a 1 MB header.
st, body = get('/api/events?actor=' + 'A' * (1 << 20))
check('1MB query', refused(st), 'status %s' % st)
st, body = get('/api/search?q=' + 'a%20' * 3000)
check('12KB query', refused(st), 'status %s' % st)
st, body = raw(b'GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'b' * (1 << 20) + b'\r\n\r\n')
check('1MB header', refused(st), 'status %s' % st)
check('alive after big requests', alive())

# Garbage instead of HTTP.
for junk in [b'BLAH\r\n\r\n', bytes(range(256)) * 4, b'GET\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n',
             b'\r\n' * 1000, b'GET /api/stats HTTP/1.1\r\n' + b'X: y\r\n' * 5000 + b'\r\n']:
    st, body = raw(junk)
    check('garbage %r' % junk[:16], refused(st) or st == 505, 'status %s' % st)
check('alive after garbage', alive())

# A body where none belongs, other methods.
st, body = raw(b'POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n' + b'x' * 100000)
check('POST with a body', st == 405, 'status %s' % st)
st, body = raw(b'TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
check('TRACE', st == 405, 'status %s' % st)

# Slow clients: half a request, then silence. The server (--timeout 1)
# closes them, and answers others meanwhile.
slow = []
for i in range(50):
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(b'GET /api/stats HTTP/1.1\r\nHost: x\r\n')
    slow.append(s)
t0 = time.time()
check('answers while 50 clients stall', alive(), '%.2fs' % (time.time() - t0))
closed = 0
deadline = time.time() + 8
for s in slow:
    s.settimeout(max(0.1, deadline - time.time()))
    try:
        closed += s.recv(100) == b'' or True
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed += 1
    s.close()
check('stalled clients are closed', closed == len(slow), '%d of %d within %.1fs' % (closed, len(slow), time.time() - t0))

# A client that trickles a byte at a time still gets cut off by the timeout
# only when it goes silent; here it finishes in time and is answered.
s = socket.create_connection((host, port), timeout=10)
for b in b'GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n':
    s.send(bytes([b]))
    time.sleep(0.005)
data = s.recv(65536)
s.close()
check('byte-at-a-time client', data.startswith(b'HTTP/1.1 200'))

# Thousands of connections at once (more than --max-connections 500).
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
want = 3000
if soft < want + 100:
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, want + 200), hard))
    except (ValueError, OSError):
        pass
soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
n = min(want, soft - 100)
socks, errors = [], 0
for i in range(n):
    try:
        socks.append(socket.create_connection((host, port), timeout=5))
    except OSError:
        errors += 1
# The server may shed the idle ones, but a real request must get through
# while they are all still open (retried for up to 3 s).
ok_while, t0 = False, time.time()
while not ok_while and time.time() - t0 < 3:
    try:
        ok_while = alive()
    except OSError:
        time.sleep(0.1)
for s in socks:
    s.close()
time.sleep(0.5)
check('%d connections at once' % n, ok_while, '%d open, %d refused; alive meanwhile: %s' % (len(socks), errors, ok_while))
check('alive after the flood', alive())

# Still running, never crashed.
try:
    os.kill(pid, 0)
    running = True
except OSError:
    running = False
check('server still running', running)
print('e2e-serve_abuse: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
