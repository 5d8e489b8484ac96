#!/usr/bin/env bash
# bench/site.sh SIZE: prints the path of a generated site of SIZE articles (`warta demo
# --articles SIZE`), generating it on first use into build/bench-cache/KEY/, KEY naming the
# generator's version (kGeneratorVersion in src/app/demo_generator.h, bumped whenever what it
# writes changes) and the schema's: the million-article site costs minutes, so it is made once
# and reused. The generation's wall seconds are kept beside the file (site-SIZE.seconds) for
# `bench: generate_*_s`. Counters move as the benchmark likes and views the cached sites.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
size=$1
warta="${WARTA_BIN:-$root/build/release/warta}"
generator=$(sed -n 's/.*kGeneratorVersion = \([0-9]*\);.*/\1/p' src/app/demo_generator.h)
schema=$(grep -c '^    {[0-9]*, "' src/storage/migrations/sqlite_migrations.cpp)
key="g${generator}-s${schema}"
cache="${BENCH_CACHE:-$root/build/bench-cache}/$key"
db="$cache/site-$size.db"
if [ ! -f "$cache/site-$size.seconds" ]; then
  mkdir -p "$cache"
  rm -f "$db" "$db-wal" "$db-shm"
  echo "bench: generating a site of $size articles into $db" >&2
  # CPU seconds too: on a shared machine they say what the generation costs, wall seconds
  # what it took.
  start=$(date +%s.%N)
  WARTA_LOG_LEVEL=warn /usr/bin/time -f "%U %S" -o "$cache/site-$size.cpu" \
    "$warta" demo --articles "$size" --db "sqlite:$db" >&2
  end=$(date +%s.%N)
  python3 -c "print('%.1f' % ($end - $start))" > "$cache/site-$size.seconds.tmp"
  awk '{printf "%.1f\n", $1 + $2}' "$cache/site-$size.cpu" > "$cache/site-$size.cpu_seconds"
  mv "$cache/site-$size.seconds.tmp" "$cache/site-$size.seconds"
fi
echo "$db"
