#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and benchmarking warta need.
# Idempotent and quiet when everything is present.
# Usage: install-deps.sh [build|test|bench|package|fuzz]
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libsqlite3-dev libicu-dev libkainjow-mustache-dev libtomlplusplus-dev
  libcli11-dev libspdlog-dev libfmt-dev nlohmann-json3-dev zlib1g-dev libsodium-dev
  # libcurl4-openssl-dev: the headers, and through its libcurl4 dependency the libcurl.so.4
  # that the fetcher dlopen()s at run time (not linked; docs/decisions/0003-ingest.md).
  libgumbo-dev libcurl4-openssl-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libpq-dev libstemmer-dev libcld2-dev
  # libvips-dev: the headers, and through its libvips42 dependency the libvips.so.42 that the
  # media module dlopen()s on the first picture (not linked; docs/decisions/0010-pictures.md).
  # The media tests link it to make their pictures; `make run` needs nothing more.
  libvips-dev
  # MeCab and its UTF-8 IPA dictionary: Japanese titles read as Japanese for romaji slugs
  # (docs/decisions/0011-romaji-slugs.md).
  libmecab-dev mecab-ipadic-utf8
)
test_pkgs=(
  libgtest-dev libgmock-dev python3 sqlite3 curl
  python3-feedparser python3-readability python3-bleach python3-lxml
  # python3-pil: test_media_formats draws the pictures it uploads (JPEG with EXIF GPS, WebP,
  # animated GIF) and decodes the renditions for a perceptual comparison.
  python3-pil
  # postgresql-15: the private test cluster of the PostgreSQL backend's tests
  # (scripts/pg-test-cluster.sh; pg_trgm ships in it).
  postgresql-15 chromium clang-format clang-tidy
  wrk nginx-light   # the benchmark's smoke run is part of the suite
  # TLS in front (test_tls_proxy: a self-signed certificate) and the unit's checks
  # (test_systemd_unit: systemd-analyze).
  openssl systemd
)
bench_pkgs=(libbenchmark-dev valgrind)
# make fuzz: clang 14 with libFuzzer and the sanitizer runtimes (libclang-rt-14-dev). `clang`
# is what installs the plain `clang++` the preset `fuzz` names (clang-14 has clang++-14 only).
fuzz_pkgs=(clang clang-14 libclang-rt-14-dev python3)
# make package: Debian's packaging tools and the checks it runs on the result.
package_pkgs=(debhelper dpkg-dev lintian systemd)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  package) want+=("${package_pkgs[@]}") ;;
  fuzz) want+=("${fuzz_pkgs[@]}") ;;
  *) echo "install-deps: unknown set '$1' (build, test, bench, package or fuzz)" >&2; exit 2 ;;
esac

# Node.js and npm: any installation will do (some machines carry NodeSource's nodejs,
# which bundles npm and conflicts with Debian's npm package).
if [ "${1:-build}" != build ] && [ "${1:-build}" != package ] && [ "${1:-build}" != fuzz ]; then
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
fi

# The browser tests' npm packages (pinned in tests/browser/package-lock.json; no browser
# download: they drive Debian's chromium). Done here, with a message, rather than silently
# inside the first browser test.
install_npm_packages() {
  local dir=tests/browser
  if [ -d "$dir/node_modules/playwright-core" ] && [ -d "$dir/node_modules/lighthouse" ] &&
     [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  echo "install-deps: npm ci in $dir (playwright-core, axe-core, lighthouse; about 100 s on a fresh machine)"
  local start=$SECONDS
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "install-deps: npm packages installed in $((SECONDS - start)) s"
}

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  case "${1:-build}" in build | package | fuzz) ;; *) install_npm_packages ;; esac
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "install-deps: missing packages (${missing[*]}); run as root or install sudo" >&2
    exit 1
  fi
else SUDO=""; fi

# apt-get's own output goes to a log; the terminal gets one line per tenth of the download
# and of the installation (apt's machine-readable status on fd 3), so a newcomer on a slow
# machine sees it working without pages of "Setting up …".
log=$(mktemp /tmp/warta-install-deps.XXXXXX.log)
progress() {
  awk -F: '
    $1 == "dlstatus" { p = int($3); if (p >= dl + 10) { printf "install-deps:   downloaded %d%%\n", p; dl = p; fflush() } }
    $1 == "pmstatus" { p = int($3); if (p >= pm + 10) { printf "install-deps:   installed %d%% (%s)\n", p, $2; pm = p; fflush() } }'
}
fail() {
  tail -n 30 "$log" >&2
  echo "install-deps: apt-get failed (the whole log: $log)" >&2
  exit 1
}
start=$SECONDS
echo "install-deps: ${#missing[@]} Debian packages missing, installing them with their dependencies: ${missing[*]}"
echo "install-deps: apt-get update"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >>"$log" 2>&1 || fail
set -o pipefail
$SUDO apt-get install -y -q --no-install-recommends -o APT::Status-Fd=3 "${missing[@]}" \
  3>&1 >>"$log" 2>&1 | progress || fail
echo "install-deps: Debian packages installed in $((SECONDS - start)) s"
rm -f "$log"
case "${1:-build}" in build | package | fuzz) ;; *) install_npm_packages ;; esac
