#!/usr/bin/env bash
# Installs the Debian packages some tests need, if they are missing: chromium (dashboard end-to-end tests,
# driven by playwright-core; no browser download) and redis-server (the BullMQ runner's tests).
# Needs root and apt-get; elsewhere it says what is missing and leaves the rest to you.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "firesale: installing ${missing[*]} with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "firesale: the tests need ${missing[*]} (Debian packages); install them and run again." >&2
  exit 1
fi
