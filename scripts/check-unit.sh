#!/usr/bin/env bash
# Checks a systemd unit as `make package` and tests/integration/test_systemd_unit.py do:
# `systemd-analyze verify` accepts it and `systemd-analyze security` rates its exposure at
# most 4.0 ("OK"). Usage: check-unit.sh UNIT [BINARY]; BINARY stands in for /usr/bin/warta,
# which verify requires to exist (default: build/release/warta, else /usr/bin/warta).
set -euo pipefail
unit=$1
binary=${2:-}
if [ -z "$binary" ]; then
  for b in build/release/warta /usr/bin/warta; do [ -x "$b" ] && { binary=$(realpath "$b"); break; }; done
fi
[ -n "$binary" ] || { echo "check-unit: no warta binary to verify the unit with" >&2; exit 1; }
command -v systemd-analyze >/dev/null || { echo "check-unit: systemd-analyze is missing" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$unit")
sed "s#/usr/bin/warta#$binary#g" "$unit" > "$work/$name"
# verify prints nothing when the unit is clean; any line is a finding.
findings=$(systemd-analyze verify "$work/$name" 2>&1) || true
if [ -n "$findings" ]; then
  echo "$findings" >&2
  echo "check-unit: systemd-analyze verify reported the lines above" >&2
  exit 1
fi
echo "check-unit: systemd-analyze verify: clean"
report=$(systemd-analyze security --offline=true "$work/$name" 2>&1)
exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$report")
[ -n "$exposure" ] || { echo "$report" >&2; echo "check-unit: no exposure level" >&2; exit 1; }
echo "check-unit: systemd-analyze security: exposure $exposure"
if ! awk -v e="$exposure" 'BEGIN { exit !(e <= 4.0) }'; then
  grep '✗' <<<"$report" >&2 || true
  echo "check-unit: exposure $exposure is above 4.0" >&2
  exit 1
fi
