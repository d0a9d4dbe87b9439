#!/usr/bin/env bash
# Sets up a fresh clone: the pinned Node.js LTS and pnpm from the npm registry (tools/package-lock.json),
# the workspace's packages (pnpm-lock.yaml), then a build of every package.
# Needs only the machine's npm; safe to run again (it skips what is already in place).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$root/tools/node_modules/.bin"
want_node=$(sed -n 's/.*"node": "\([0-9.]*\)".*/\1/p' "$root/tools/package.json")
have_node=$("$bin/node" --version 2>/dev/null || true)
if [ "$have_node" != "v$want_node" ] || [ ! -x "$bin/pnpm" ]; then
  echo "firesale setup: installing Node.js $want_node and pnpm into tools/ ..."
  npm ci --prefix "$root/tools" --no-audit --no-fund --loglevel=error
fi
export PATH="$bin:$PATH"
cd "$root"
echo "firesale setup: node $(node --version), pnpm $(pnpm --version); installing packages ..."
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
echo "firesale setup: building packages ..."
pnpm run --silent build >/dev/null
echo "firesale setup: done. Run commands with scripts/pnpm (e.g. scripts/pnpm firesale --help)."
