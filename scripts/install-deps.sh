#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and benchmarking warta need.
# Idempotent and quiet when everything is present. Usage: install-deps.sh [build|test|bench]
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libsqlite3-dev libicu-dev libkainjow-mustache-dev libtomlplusplus-dev
  libcli11-dev libspdlog-dev libfmt-dev nlohmann-json3-dev zlib1g-dev libsodium-dev
  # libcurl4-openssl-dev: the headers, and through its libcurl4 dependency the libcurl.so.4
  # that the fetcher dlopen()s at run time (not linked; docs/decisions/0003-ingest.md).
  libgumbo-dev libcurl4-openssl-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libpq-dev libstemmer-dev libcld2-dev
)
test_pkgs=(
  libgtest-dev libgmock-dev python3 sqlite3 curl
  python3-feedparser python3-readability python3-bleach python3-lxml
  postgresql chromium clang-format clang-tidy
  wrk nginx-light   # the benchmark's smoke run is part of the suite
)
bench_pkgs=(libbenchmark-dev valgrind)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "install-deps: unknown set '$1' (build, test or bench)" >&2; exit 2 ;;
esac

# Node.js and npm: any installation will do (some machines carry NodeSource's nodejs,
# which bundles npm and conflicts with Debian's npm package).
if [ "${1:-build}" != build ]; then
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "install-deps: missing packages (${missing[*]}); run as root or install sudo" >&2
    exit 1
  fi
else SUDO=""; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
