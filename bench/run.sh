#!/usr/bin/env bash
# `make bench` (README "Benchmark", CONTRACT §5): warta on generated sites of BENCH_SIZES
# articles (default "1000 100000 1000000"; bench/site.sh generates each once and caches it)
# against nginx serving saved copies of warta's pages (each with its precompressed .gz for
# gzip_static), every server pinned to one core and wrk to the other (bench/lib.sh), reporting
# server CPU per request next to req/s and p99; then the feed parser against python3-feedparser
# (bench/feedparse.sh), and bench/pg.sh and bench/admin.sh when present.
# Prints `bench: NAME value unit` and `ratio: NAME value` (higher is better for warta).
# BENCH_SECONDS (default 5) per target, BENCH_CONNECTIONS (default 64); the ctest smoke run
# uses BENCH_SECONDS=1 BENCH_SIZES=1000.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export root
export seconds=${BENCH_SECONDS:-5}
export connections=${BENCH_CONNECTIONS:-64}
sizes=${BENCH_SIZES:-1000 100000 1000000}
warta="${WARTA_BIN:-$root/build/release/warta}"
export WARTA_BIN="$warta"

work=$(mktemp -d /tmp/warta-bench.XXXXXX)
chmod 755 "$work"
export work
nginx_pid=
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
touch "$work/results" "$work/extra"

echo "bench: machine $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "bench: settings ${seconds} s per target, $connections connections, server on core" \
     "$server_core, wrk on core $client_core, sizes: $sizes"
echo "bench: load_before $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average)"

# The site the comparisons with nginx are made on (bench/ratios.py): 100,000 articles, or the
# largest size run. Its pages are saved for nginx as the article page is.
main_size=$(python3 -c 'import sys; s=[int(x) for x in sys.argv[1:]]; print(100000 if 100000 in s else max(s))' $sizes)
export BENCH_MAIN_SIZE=$main_size
for size in $sizes; do
  db=$("$root/bench/site.sh" "$size")
  key_dir=$(dirname "$db")
  echo "bench: generate_${size}_s $(cat "$key_dir/site-$size.seconds") s"
  echo "generate_$size $(cat "$key_dir/site-$size.seconds")" >> "$work/extra"
  if [ -f "$key_dir/site-$size.cpu_seconds" ]; then
    echo "bench: generate_${size}_cpu_s $(cat "$key_dir/site-$size.cpu_seconds") s (user + system)"
    echo "generate_cpu_$size $(cat "$key_dir/site-$size.cpu_seconds")" >> "$work/extra"
  fi
  echo "bench: site_${size}_db_mb $(( $(stat -c %s "$db") / 1048576 )) MB"
  "$root/bench/targets.sh" "$size" "$db"
done

# nginx: the saved article page, plain and precompressed, pinned like warta.
nginx_port=$(free_port)
nginx_conf "$work/html" "$nginx_port" > "$work/nginx.conf"
taskset -c "$server_core" nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
wait_http "http://127.0.0.1:$nginx_port/"
nginx_pids="$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"
record nginx "http://127.0.0.1:$nginx_port/" "$nginx_pids"
record nginx_gzip "http://127.0.0.1:$nginx_port/" "$nginx_pids" -H "Accept-Encoding: gzip"
gz_type=$(curl -fsS -o /dev/null -w '%{size_download}' -H "Accept-Encoding: gzip" \
  "http://127.0.0.1:$nginx_port/")
echo "bench: nginx_gzip_bytes $gz_type bytes"
# The same for every other page of the main site, each a static file as nginx serves best
# (sendfile, gzip_static): "against nginx serving the same page as a static file".
for page_dir in "$work"/html/*/; do
  page=$(basename "$page_dir")
  record "nginx_$page" "http://127.0.0.1:$nginx_port/$page/" "$nginx_pids"
  record "nginx_${page}_gzip" "http://127.0.0.1:$nginx_port/$page/" "$nginx_pids" \
    -H "Accept-Encoding: gzip"
done
kill "$nginx_pid" 2>/dev/null || true
wait "$nginx_pid" 2>/dev/null || true
nginx_pid=

# Ratios: CPU per request, nginx (or the smaller site) over warta (or the bigger site).
echo "bench: load_after $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average)"
python3 "$root/bench/ratios.py" "$work/results" "$work/extra" $sizes

# The feed parser against python3-feedparser, in the same run.
if [ "$seconds" -le 1 ]; then export BENCH_FEED_RUNS=${BENCH_FEED_RUNS:-1} BENCH_FEED_REPEAT=${BENCH_FEED_REPEAT:-1}; fi
"$root/bench/feedparse.sh"

# Other helpers' benchmarks: PostgreSQL, and the admin at a million articles.
# The admin at a million articles (20,000 in the smoke run: bench/admin.sh).
export BENCH_ADMIN_ARTICLES=${BENCH_ADMIN_ARTICLES:-$([ "$seconds" -le 1 ] && echo 20000 || echo 1000000)}
for extra in pg admin; do
  if [ -x "$root/bench/$extra.sh" ]; then "$root/bench/$extra.sh"; fi
done
