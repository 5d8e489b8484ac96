#!/usr/bin/env bash
# `make bench`: the article page served by warta (views counted for distinct visitors)
# against nginx serving the same page as a static file, both under wrk on this machine; then
# the feed parser against python3-feedparser over the feed corpus (bench/feedparse.sh).
# Prints `bench: NAME value unit` and `ratio: NAME value` lines (README "Benchmark").
# BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 64) tune the runs; with
# BENCH_SECONDS=1 (the smoke run in ctest) the feed parsers run once instead of three times.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
warta="$root/build/release/warta"
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}
seed="$root/../shared/seeds/000_21fe03785c536a48.txt"

work=$(mktemp -d /tmp/warta-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: server at $1 did not come up" >&2; return 1
}

# The seed article, as `warta article add` takes it.
python3 - "$seed" > "$work/seed.json" <<'PY'
import json, sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
body = []
for l in lines[6:]:
    if l.strip().lower() == "komentar":
        break
    if l.strip():
        body.append(l.strip())
print(json.dumps({"title": lines[1], "source": lines[2], "lang": "en",
                  "published": "2024-11-01T12:00:00+09:00", "body_text": "\n\n".join(body),
                  "views": 27}))
PY
db="sqlite:$work/warta.db"
# The demo site first: its front page has pictures (drawn at demo time) for the home page's run.
"$warta" demo --db "$db" > /dev/null
path=$("$warta" article add --db "$db" --json "$work/seed.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')

warta_port=$(free_port)
WARTA_SERVER_ACCESS_LOG=0 WARTA_RATELIMIT_ENABLED=0 WARTA_LOG_LEVEL=warn \
  "$warta" serve --db "$db" --listen "127.0.0.1:$warta_port" 2>"$work/warta.log" &
pids+=($!)
warta_pid=$!
wait_http "http://127.0.0.1:$warta_port/healthz"

# nginx serves a saved copy of the same page.
mkdir -p "$work/html"
curl -fsS -A "bench-save" "http://127.0.0.1:$warta_port$path" -o "$work/html/article.html"
nginx_port=$(free_port)
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port reuseport;
    root $work/html;
    location / { try_files /article.html =404; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
wait_http "http://127.0.0.1:$nginx_port/"

run_wrk() {  # url -> "rps p99_ms"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/bench/visitors.lua" "$1" > "$work/wrk.out"
  python3 - "$work/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors:
    sys.exit("bench: non-2xx responses during the run: " + errors.group(1))
print(rps, p99)
PY
}

article_id=$(echo "$path" | cut -d/ -f3)
views_before=$(curl -fsS "http://127.0.0.1:$warta_port/api/v1/articles/$article_id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counters"]["views"])')
read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/")
read -r warta_rps warta_p99 < <(run_wrk "http://127.0.0.1:$warta_port$path")
views_after=$(curl -fsS "http://127.0.0.1:$warta_port/api/v1/articles/$article_id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counters"]["views"])')

size=$(stat -c %s "$work/html/article.html")
echo "bench: page_bytes $size bytes"
echo "bench: nginx_static_rps $nginx_rps req/s"
echo "bench: nginx_static_p99 $nginx_p99 ms"
echo "bench: warta_article_rps $warta_rps req/s"
echo "bench: warta_article_p99 $warta_p99 ms"
echo "bench: warta_views_counted $((views_after - views_before)) views"
python3 -c "print('ratio: article_vs_nginx %.3f' % ($warta_rps / $nginx_rps))"

# CPU per request of warta's process (user + system, from /proc) for the article page and the
# front page with pictures: the front page is kept rendered (web/cache/rendered_pages.h) and
# its pictures are static files, so it must cost at most twice the article page.
cpu_per_request() {  # url -> microseconds of CPU per request
  local before after
  before=$(awk '{print $14 + $15}' "/proc/$warta_pid/stat")
  wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/visitors.lua" "$1" > "$work/wrk-cpu.out"
  after=$(awk '{print $14 + $15}' "/proc/$warta_pid/stat")
  python3 - "$work/wrk-cpu.out" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
requests = int(re.search(r"(\d+) requests in", text).group(1))
if re.search(r"Non-2xx or 3xx responses", text):
    sys.exit("bench: non-2xx responses during the CPU run")
ticks = float(sys.argv[3]) - float(sys.argv[2])
print("%.1f" % (ticks / float(sys.argv[4]) * 1e6 / max(requests, 1)))
PY
}
article_cpu=$(cpu_per_request "http://127.0.0.1:$warta_port$path")
home_cpu=$(cpu_per_request "http://127.0.0.1:$warta_port/")
home_pictures=$(curl -fsS "http://127.0.0.1:$warta_port/" | grep -c '<picture>' || true)
echo "bench: home_pictures $home_pictures pictures"
echo "bench: warta_article_cpu $article_cpu us/req"
echo "bench: warta_home_cpu $home_cpu us/req"
# Higher is better: 1.0 means the front page costs what the article page does; >= 0.5 is the
# aim (within 2x).
python3 -c "print('ratio: article_cpu_vs_home_cpu %.3f' % ($article_cpu / $home_cpu))"

# The feed parser against python3-feedparser, in the same run (README "Benchmark").
if [ -z "${BENCH_FEED_RUNS:-}" ] && [ "$seconds" -le 1 ]; then export BENCH_FEED_RUNS=1; fi
WARTA_BIN="$warta" "$root/bench/feedparse.sh"
# The admin's list and title search at a million articles (bench/admin.sh; 20,000 in the smoke run).
BENCH_ADMIN_ARTICLES=${BENCH_ADMIN_ARTICLES:-$([ "$seconds" -le 1 ] && echo 20000 || echo 1000000)} "$root/bench/admin.sh"
