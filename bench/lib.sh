# Shared by the bench scripts (sourced, not run). Expects $work (a scratch directory) and
# $root (the checkout); defines how servers start and how one target is measured.
#
# Every measurement is the same: wrk on core 1 (taskset -c 1) with bench/visitors.lua (a new
# visitor per request) against a server pinned to core 0, for $seconds seconds with
# $connections connections; the server's CPU time (utime + stime of every process of it, from
# /proc/PID/stat) before and after, divided by the requests wrk completed.

server_core=${BENCH_SERVER_CORE:-0}
client_core=${BENCH_CLIENT_CORE:-1}
clk_tck=$(getconf CLK_TCK)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() {  # url [tries]: until it answers 2xx (0.1 s apart)
  local tries=${2:-300}
  for _ in $(seq 1 "$tries"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: server at $1 did not come up" >&2
  return 1
}

cpu_ticks() {  # pid... -> utime + stime of those processes, in clock ticks
  local total=0 pid
  for pid in "$@"; do
    # Fields 14 and 15 counted after the ")" that ends the command name (which may hold spaces).
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# measure NAME URL PIDS [wrk options...] [-- script args...]: prints
# "NAME cpu_us rps p99_ms requests" (the script is $BENCH_SCRIPT, bench/visitors.lua unless set).
measure() {
  local name=$1 url=$2 pids=$3
  shift 3
  local options=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  local before after
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  taskset -c "$client_core" wrk -t1 -c"$connections" -d"${seconds}s" --latency \
    -s "${BENCH_SCRIPT:-$root/bench/visitors.lua}" "${options[@]}" "$url" "${args[@]}" \
    > "$work/wrk-$name.out" 2>&1
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  python3 - "$work/wrk-$name.out" "$before" "$after" "$clk_tck" "$name" <<'PY'
import re, sys
path, before, after, tck, name = sys.argv[1:6]
text = open(path).read()
m = re.search(r"(\d+) requests in", text)
if not m:
    sys.exit("bench: wrk failed for %s:\n%s" % (name, text[-800:]))
requests = int(m.group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad:
    sys.exit("bench: %s: %s of %d responses were not 2xx/3xx" % (name, bad.group(1), requests))
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
cpu_us = (float(after) - float(before)) / float(tck) * 1e6 / max(requests, 1)
print("%s %.1f %.0f %.3f %d" % (name, cpu_us, rps, p99, requests))
if errors and int(errors.group(4)) > 0:
    print("bench: %s: %s requests timed out" % (name, errors.group(4)), file=sys.stderr)
PY
}

# record NAME URL PIDS [wrk args...]: measure, print the bench: lines, keep the figures in
# $work/results (one "name cpu_us rps p99_ms requests" line each) for the ratios.
record() {
  local line name cpu rps p99 requests
  line=$(measure "$@") || return 1
  echo "$line" >> "$work/results"
  read -r name cpu rps p99 requests <<< "$line"
  echo "bench: ${name}_cpu $cpu us/req"
  echo "bench: ${name}_rps $rps req/s"
  echo "bench: ${name}_p99 $p99 ms"
}

# The nginx config serving $1 (a directory holding index.html and index.html.gz) on port $2,
# one worker pinned like warta, access log off, the precompressed copy for gzip clients.
nginx_conf() {
  cat <<NGINX
worker_processes 1;
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
    listen 127.0.0.1:$2;
    root $1;
    gzip_static on;
    location / { index index.html; }
  }
}
NGINX
}
