#!/usr/bin/env bash
# System packages the full test suite uses: PostgreSQL 15 (store tests against a throwaway cluster) and
# Chromium (the browser test of the web page). `make test` runs this first. As root it installs what is
# missing from Debian's packages; otherwise it says what to install, and the tests that need a missing
# package are skipped with the same message. WIREWATCH_TEST_POSTGRES=0 / WIREWATCH_TEST_BROWSER=0 skip
# those tests on purpose (and skip installing their packages).
set -euo pipefail

missing=()
if [ "${WIREWATCH_TEST_POSTGRES:-1}" != 0 ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    missing+=(postgresql)   # Debian's current major version (15 on bookworm, 17 on trixie); the tests need 15+
fi
if [ "${WIREWATCH_TEST_BROWSER:-1}" != 0 ] && ! command -v chromium >/dev/null 2>&1; then
    missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} from Debian's packages (for the PostgreSQL and browser tests)"
    # A failed install (no network, another package manager running) must not stop the suite: the
    # tests that need the package skip, saying what is missing.
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null; } || echo "note: could not install ${missing[*]}; the tests that need them will be skipped"
else
    echo "note: ${missing[*]} not installed; the tests that need them will be skipped."
    echo "      install with: sudo apt-get install ${missing[*]}"
    echo "      or skip them on purpose: WIREWATCH_TEST_POSTGRES=0 WIREWATCH_TEST_BROWSER=0 make test"
fi
