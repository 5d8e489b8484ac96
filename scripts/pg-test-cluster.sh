#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the tests: initdb into a temporary directory, listening
# on 127.0.0.1 on a free port (and a unix socket in that directory), trust authentication for
# the one test role. Nothing is left running: `stop` ends the server and removes the directory.
#
#   pg-test-cluster.sh start STATE_DIR   starts a cluster; writes STATE_DIR/url
#                                        (postgresql://warta@127.0.0.1:PORT/warta) and
#                                        STATE_DIR/cluster_dir (what stop removes)
#   pg-test-cluster.sh stop STATE_DIR    stops it and removes everything start made
#
# ctest runs these as the fixture "pg" (tests/CMakeLists.txt). initdb refuses to run as root,
# so as root (CI) the cluster runs as the `postgres` user (Debian's postgresql package makes
# it), or as `nobody` where there is none; the temporary directory is theirs.
set -euo pipefail

PG_BIN=${WARTA_PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
state=${2:-}
if [ -z "$cmd" ] || [ -z "$state" ]; then
  echo "usage: pg-test-cluster.sh start|stop STATE_DIR" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

stop_cluster() {
  [ -f "$state/cluster_dir" ] || return 0
  local dir owner
  dir=$(cat "$state/cluster_dir")
  owner=$(stat -c %U "$dir" 2>/dev/null || echo "")
  if [ -n "$owner" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi
  # Only ever a directory this script made (its name is fixed by mktemp below).
  case "$dir" in
    "${TMPDIR:-/tmp}"/warta-pg.*) rm -rf -- "$dir" ;;
    *) echo "pg-test-cluster: not removing unexpected '$dir'" >&2 ;;
  esac
  rm -f "$state/cluster_dir" "$state/url"
}

case "$cmd" in
  stop)
    stop_cluster
    exit 0
    ;;
  start) ;;
  *)
    echo "pg-test-cluster: unknown command '$cmd' (start or stop)" >&2
    exit 2
    ;;
esac

if [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-test-cluster: $PG_BIN/initdb not found; install postgresql-15 (scripts/install-deps.sh test)" >&2
  exit 1
fi
mkdir -p "$state"
stop_cluster  # a cluster left by an interrupted run

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/warta-pg.XXXXXX")
echo "$dir" >"$state/cluster_dir"
trap 'stop_cluster' ERR
[ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
chmod 700 "$dir"

# A free port: the kernel picks one; the tiny window before PostgreSQL binds it is retried.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_owner "$PG_BIN/initdb" -D "$dir/data" -U warta --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; false; }
# Durability is not what these tests measure: fsync off makes them several times faster.
started=""
for _ in 1 2 3; do
  port=$(free_port)
  if as_owner "$PG_BIN/pg_ctl" start -D "$dir/data" -w -t 30 -l "$dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  tail -n 20 "$dir/server.log" >&2 || true
  false
fi
as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U warta warta
echo "postgresql://warta@127.0.0.1:$port/warta" >"$state/url"
echo "pg-test-cluster: PostgreSQL 15 on 127.0.0.1:$port (data in $dir)"
