#!/usr/bin/env bash
# `make package`: builds build/package/warta_VERSION_ARCH.deb with Debian's tools (debian/:
# debhelper with CMake, `debian/rules binary`), then checks it: lintian must report no error
# (warnings are printed; docs/deploy.md says why each remains) and the systemd unit must
# pass `systemd-analyze verify` and rate exposure <= 4.0 in `systemd-analyze security`.
set -euo pipefail
cd "$(dirname "$0")/.."

dpkg-checkbuilddeps || { echo "package: missing build packages: scripts/install-deps.sh package" >&2; exit 1; }
mkdir -p build/package
rm -f build/package/warta_*.deb
export DEB_BUILD_OPTIONS="parallel=${JOBS:-$(nproc)} ${DEB_BUILD_OPTIONS:-}"
echo "== package: debian/rules binary (build/deb)"
debian/rules binary
deb=$(ls build/package/warta_*.deb)
echo "== package: $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb"

echo "== package: lintian"
lintian --fail-on error --tag-display-limit 0 "$deb" || { echo "package: lintian reported errors" >&2; exit 1; }
echo "== package: systemd unit"
scripts/check-unit.sh debian/warta.service "$PWD/build/deb/warta"
echo "package: $deb is ready"
