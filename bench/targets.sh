#!/usr/bin/env bash
# bench/targets.sh SIZE DB: every warta target on one generated site (bench/site.sh), plain and
# with `Accept-Encoding: gzip`: the article page (a view counted per request), home, section,
# tag, search for a common and a rare word, feed.xml, and like (POST with the visitor's CSRF
# token, a new visitor/article pair per request, every like durable: counted in the database
# afterwards). Appends "NAME_SIZE cpu_us rps p99_ms requests" lines to $work/results, prints
# the bench: lines, and leaves warta's saved article page in $work/html for nginx (and, on the
# BENCH_MAIN_SIZE site, every other page in $work/html/NAME/).
# Run by bench/run.sh, which exports work, seconds, connections and root.
set -euo pipefail
size=$1
db=$2
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
warta="${WARTA_BIN:-$root/build/release/warta}"

port=$(free_port)
WARTA_SERVER_ACCESS_LOG=0 WARTA_RATELIMIT_ENABLED=0 WARTA_LOG_LEVEL=warn \
  taskset -c "$server_core" "$warta" serve --db "sqlite:$db" --listen "127.0.0.1:$port" \
  2> "$work/warta-$size.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
wait_http "$base/healthz" 1200

# An article from the middle of the archive, a rare word the generator wrote (RareWord(0) of
# app/demo_generator.h, kept in sync by test_demo_generate), the biggest section and tag.
max_id=$(sqlite3 "file:$db?mode=ro" "SELECT max(id) FROM articles")
article_id=$((max_id / 2))
path=$(curl -fsS "$base/api/v1/articles/$article_id" |
       python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')
main_size=${BENCH_MAIN_SIZE:-$size}
common_word=${BENCH_COMMON_WORD:-Jepang}
rare_word=${BENCH_RARE_WORD:-Hekukawa}

if [ ! -f "$work/html/index.html" ]; then
  mkdir -p "$work/html"
  curl -fsS -A "bench-save" "$base$path" -o "$work/html/index.html"
  gzip -9 -k "$work/html/index.html"
fi

declare -A urls=(
  [article]="$path" [home]="/" [section]="/rubrik/nasional" [tag]="/tag/jepang"
  [search_common]="/search?q=$common_word" [search_rare]="/search?q=$rare_word"
  [feed]="/feed.xml"
)
for name in article home section tag search_common search_rare feed; do
  url="$base${urls[$name]}"
  curl -fsS -o /dev/null "$url"  # fills whatever the page caches, as the first reader would
  if [ "$size" = "$main_size" ] && [ "$name" != article ]; then
    # nginx's copy of the same page (bench/run.sh): the ratios compare like with like.
    mkdir -p "$work/html/$name"
    curl -fsS -A "bench-save" "$url" -o "$work/html/$name/index.html"
    gzip -9 -k "$work/html/$name/index.html"
  fi
  record "${name}_$size" "$url" "$pid"
  curl -fsS -o /dev/null -H "Accept-Encoding: gzip" "$url"
  record "${name}_gzip_$size" "$url" "$pid" -H "Accept-Encoding: gzip"
done
echo "bench: article_bytes_$size $(curl -fsS "$base$path" | wc -c) bytes"
echo "bench: search_common_results_$size $(curl -fsS "$base/api/v1/search?q=$common_word" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))') results (first page)"
echo "bench: search_rare_results_$size $(curl -fsS "$base/api/v1/search?q=$rare_word" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))') results (first page)"

# Likes: visitors with their cookie and CSRF token (GET /api/v1/session), and article ids.
python3 "$root/bench/like_visitors.py" "$base" "$max_id" "$work/like-visitors.txt" \
  "$work/like-articles.txt" bench-like
likes_before=$(sqlite3 "file:$db?mode=ro" "SELECT count(*) FROM likes")
line=$(BENCH_SCRIPT="$root/bench/likes.lua" measure "like_$size" "$base/" "$pid" -- \
         "$work/like-visitors.txt" "$work/like-articles.txt")
echo "$line" >> "$work/results"
read -r _ cpu rps p99 requests <<< "$line"
echo "bench: like_${size}_cpu $cpu us/req"
echo "bench: like_${size}_rps $rps req/s"
echo "bench: like_${size}_p99 $p99 ms"
likes_after=$(sqlite3 "file:$db?mode=ro" "SELECT count(*) FROM likes")
echo "bench: like_${size}_durable $((likes_after - likes_before)) likes in the database for $requests completed requests (in-flight ones at the end land too)"

rss=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
echo "bench: rss_${size}_mb $rss MB (VmHWM of warta serve after every target)"
echo "rss_$size $rss" >> "$work/extra"
