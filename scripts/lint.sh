#!/usr/bin/env bash
# clang-format check and clang-tidy over the project's own sources (not generated files).
# Usage: scripts/lint.sh [format|tidy|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'fuzz/*.cpp' 'fuzz/*.h')
status=0
if [ "$what" = format ] || [ "$what" = all ]; then
  if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/warta-format.log; then
    echo "lint: clang-format would change these files:"
    grep -oE '^[^: ]+\.(cpp|h):' /tmp/warta-format.log | tr -d : | sort -u
    status=1
  fi
fi
if [ "$what" = tidy ] || [ "$what" = all ]; then
  db=build/release/compile_commands.json
  [ -f "$db" ] || { echo "lint: build first (make build)"; exit 1; }
  mapfile -t sources < <(git ls-files 'src/*.cpp' | grep -v '_test\.cpp$')
  # The GCC-only -Wno-* options of the build are unknown to clang: not a finding.
  if ! clang-tidy -p build/release --quiet --extra-arg=-Wno-unknown-warning-option "${sources[@]}" > /tmp/warta-tidy.log 2>&1; then
    grep -E 'warning:|error:' /tmp/warta-tidy.log | head -50
    status=1
  fi
fi
exit $status
