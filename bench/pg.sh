#!/usr/bin/env bash
# bench/pg.sh (issue 14, Must show 4; run by bench/run.sh): the article page and a like on
# PostgreSQL next to SQLite, on the same generated site (bench/site.sh, BENCH_PG_SIZE articles,
# default 1000) copied to a private PostgreSQL 15 cluster with `warta db copy`. Measured as
# bench/lib.sh measures everything (wrk on one core, the server pinned to the other), except
# that on PostgreSQL the server's CPU is warta's plus PostgreSQL's (the postmaster and every
# backend, pinned to the same core): what one request costs the machine that serves it.
# Prints bench: lines per backend and `ratio: pg_*_vs_sqlite` lines (SQLite's CPU per request
# over PostgreSQL's, and PostgreSQL's req/s over SQLite's: below 1 means PostgreSQL costs more).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export root
export seconds=${BENCH_SECONDS:-5}
export connections=${BENCH_CONNECTIONS:-64}
size=${BENCH_PG_SIZE:-1000}
warta="${WARTA_BIN:-$root/build/release/warta}"
export WARTA_BIN="$warta"
work=$(mktemp -d /tmp/warta-bench-pg.XXXXXX)
chmod 755 "$work"
export work
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  "$root/scripts/pg-test-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
touch "$work/results"

site=$("$root/bench/site.sh" "$size")
cp "$site" "$work/site.db"  # the likes below must not move the cached site's counters
"$root/scripts/pg-test-cluster.sh" start "$work/pg" >/dev/null
pg_url=$(cat "$work/pg/url")
postmaster=$(head -1 "$(cat "$work/pg/cluster_dir")/data/postmaster.pid")
# Backends are forked from the postmaster and keep its core.
taskset -pc "$server_core" "$postmaster" >/dev/null
start=$(date +%s.%N)
WARTA_LOG_LEVEL=warn "$warta" db copy --from "sqlite:$work/site.db" --to "$pg_url" \
  >/dev/null 2> "$work/copy.log"
echo "bench: pg_copy_${size}_s $(python3 -c "print('%.1f' % ($(date +%s.%N) - $start))") s (warta db copy of the $size-article site)"

# bench_backend NAME DB_URL: the article page and likes on one backend.
bench_backend() {
  local name=$1 url=$2 port base path
  port=$(free_port)
  WARTA_SERVER_ACCESS_LOG=0 WARTA_RATELIMIT_ENABLED=0 WARTA_LOG_LEVEL=warn WARTA_INGEST_ENABLED=0 \
    WARTA_MEDIA_DIR="$work/media" \
    taskset -c "$server_core" "$warta" serve --db "$url" --listen "127.0.0.1:$port" \
    2> "$work/warta-$name.log" &
  pid=$!
  base="http://127.0.0.1:$port"
  wait_http "$base/healthz" 600
  local max_id=$((size / 2))
  path=$(curl -fsS "$base/api/v1/articles/$max_id" |
         python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')
  curl -fsS -o /dev/null "$base$path"
  # A short warm-up opens every pooled connection, so the backends measured below exist.
  seconds=1 measure "warmup_$name" "$base$path" "$pid" >/dev/null
  local pids="$pid"
  if [ "$name" = pg ]; then pids="$pid $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"; fi
  record "${name}_article" "$base$path" "$pids"
  python3 "$root/bench/like_visitors.py" "$base" "$size" "$work/visitors-$name.txt" \
    "$work/articles.txt" bench-pg-like
  local line
  line=$(BENCH_SCRIPT="$root/bench/likes.lua" measure "${name}_like" "$base/" "$pids" -- \
           "$work/visitors-$name.txt" "$work/articles.txt")
  echo "$line" >> "$work/results"
  read -r _ cpu rps p99 _ <<< "$line"
  echo "bench: ${name}_like_cpu $cpu us/req"
  echo "bench: ${name}_like_rps $rps req/s"
  echo "bench: ${name}_like_p99 $p99 ms"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

bench_backend sqlite "sqlite:$work/site.db"
bench_backend pg "$pg_url"

python3 - "$work/results" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, cpu, rps, p99, requests = line.split()
    rows[name] = (float(cpu), float(rps))
for target in ("article", "like"):
    s, p = rows.get("sqlite_" + target), rows.get("pg_" + target)
    if not s or not p:
        print("ratio: pg_%s_vs_sqlite n/a (not measured)" % target)
        continue
    print("ratio: pg_%s_vs_sqlite %.3f (SQLite's CPU per request over PostgreSQL's)"
          % (target, s[0] / max(p[0], 1e-9)))
    print("ratio: pg_%s_rps_vs_sqlite %.3f (PostgreSQL's req/s over SQLite's)"
          % (target, p[1] / max(s[1], 1e-9)))
PY
