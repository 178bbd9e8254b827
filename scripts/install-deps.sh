#!/bin/sh
# install-deps.sh: installs the Debian packages dateline needs to build,
# test and run, when they are missing. Needs root (or sudo) for apt-get.
# Safe to run again: it installs nothing when everything is present.
set -eu
PACKAGES="build-essential pkg-config clang libclang-rt-14-dev
libsqlite3-dev libutf8proc-dev libcjson-dev zlib1g-dev libgumbo-dev libmicrohttpd-dev libpq-dev
libhiredis-dev redis-server redis-tools sqlite3
wordnet-base iso-codes python3 bc
curl wrk chromium"
# Node.js runs the dashboard's browser test (and rebuilds web/app.js); the
# server itself never needs it. A node already installed (another
# distribution of it) is kept.
command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
else
    echo "install-deps: installing$missing"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# playwright-core (the browser test's driver for Debian's chromium), at the
# version tests/browser/package-lock.json records; it downloads no browser.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
    echo "install-deps: npm ci in tests/browser"
    (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "install-deps: done"
