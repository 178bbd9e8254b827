#!/bin/sh
# install-deps.sh: installs the Debian packages dateline needs to build,
# test and run, when they are missing. Needs root (or sudo) for apt-get.
# Safe to run again: it installs nothing when everything is present.
set -eu
PACKAGES="build-essential pkg-config clang libclang-rt-14-dev
libsqlite3-dev libutf8proc-dev libcjson-dev zlib1g-dev libmicrohttpd-dev libpq-dev
wordnet-base iso-codes python3 bc"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
echo "install-deps: installing$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
