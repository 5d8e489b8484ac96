#!/usr/bin/env bash
# Runs the browser tests: installs the pinned npm packages (playwright-core, axe-core; no
# browser download) when missing, then node's test runner over *.test.mjs, or the one script
# given as argument (lighthouse.mjs).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/lighthouse ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ $# -gt 0 ]; then exec node "$@"; fi
exec node --test --test-concurrency=1 ./*.test.mjs
