#!/usr/bin/env bash
# bench/site.sh SIZE: prints the path of a generated site of SIZE articles (`warta demo
# --articles SIZE`), generating it on first use into build/bench-cache/KEY/, KEY being a hash
# of the generator's and the schema's sources: a changed generator makes new sites, an
# unchanged one reuses them (the million-article site costs minutes). The generation's wall
# seconds are kept beside the file (site-SIZE.seconds) for `bench: generate_*_s`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
size=$1
warta="${WARTA_BIN:-$root/build/release/warta}"
key=$(cat src/app/demo_generator.* src/app/demo_words.* src/app/cmd_demo_generate.cpp \
          src/app/demo_content.cpp src/app/demo_newsroom.cpp \
          src/storage/sqlite/sqlite_bulk_load.cpp src/storage/migrations/sqlite_migrations.cpp |
      sha256sum | cut -c1-16)
cache="${BENCH_CACHE:-$root/build/bench-cache}/$key"
db="$cache/site-$size.db"
if [ ! -f "$cache/site-$size.seconds" ]; then
  mkdir -p "$cache"
  rm -f "$db" "$db-wal" "$db-shm"
  echo "bench: generating a site of $size articles into $db" >&2
  start=$(date +%s.%N)
  WARTA_LOG_LEVEL=warn "$warta" demo --articles "$size" --db "sqlite:$db" >&2
  end=$(date +%s.%N)
  python3 -c "print('%.1f' % ($end - $start))" > "$cache/site-$size.seconds.tmp"
  mv "$cache/site-$size.seconds.tmp" "$cache/site-$size.seconds"
fi
echo "$db"
