#!/usr/bin/env bash
# Runs the browser tests: installs the pinned npm packages (playwright-core, axe-core; no
# browser download) when missing, then node's test runner over *.test.mjs.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
exec node --test --test-concurrency=1 ./*.test.mjs
