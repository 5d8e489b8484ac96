#!/usr/bin/env bash
# The package in a pristine Debian 12 (issue 17, "Must show" 2): apt-get installs it with its
# dependencies, warta runs as the warta user against /var/lib/warta, remove keeps the data,
# purge deletes it. Meant for ../shared/tools/fresh/run-in-fresh.sh, from the project root,
# with the .deb made once by `make package` on the host in a folder passed as SHARED_DIR:
#
#   mkdir -p /tmp/warta-deb && cp build/package/warta_*_amd64.deb /tmp/warta-deb/
#   FRESH_TIMEOUT=90m ../shared/tools/fresh/run-in-fresh.sh "$PWD" /tmp/warta-deb \
#       'bash scripts/check-package-fresh.sh /root/shared/warta_*_amd64.deb'
#
# systemd does not run in that root, so warta is started as the unit would start it: as the
# warta user, in /var/lib/warta, with the unit's ExecStart and environment (setpriv, which
# execs in place as systemd does, without a PAM session).
# With a second .deb of a later version (NEWER_DEB), it also upgrades to it before removing:
# preinst backs the database up with the old binary, the configuration edit survives, the
# new binary serves the old data.
# Prints `check: ...` lines and ends with `check-package-fresh: passed`; exits 1 at the first
# check that fails.
set -euo pipefail
deb=$(realpath "$1")
newer=${2:+$(realpath "$2")}
export DEBIAN_FRONTEND=noninteractive
fail() { echo "check-package-fresh: FAILED: $*" >&2; exit 1; }
check() { echo "check: $*"; }

# The answer of 127.0.0.1:8080 to GET PATH, in /tmp/reply (bash's /dev/tcp: a fresh root
# has no curl).
http_get() {
  exec 3<>/dev/tcp/127.0.0.1/8080 || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 fresh-check\r\n\r\n' "$1" >&3
  cat <&3 > /tmp/reply
  exec 3<&-
}

before=$(dpkg-query -W -f='${binary:Package}\n' | wc -l)
apt-get update -q >/dev/null
apt-get install -y -q "$deb" > /tmp/apt-install.log 2>&1 || { tail -30 /tmp/apt-install.log; fail "apt-get install"; }
after=$(dpkg-query -W -f='${binary:Package}\n' | wc -l)
check "apt-get install $(basename "$deb"): installed, with $((after - before - 1)) dependencies"
dpkg-query -W -f='${Status} ${Version}\n' warta | grep -q "install ok installed" || fail "warta not installed"

getent passwd warta | grep -q ':/var/lib/warta:/usr/sbin/nologin$' || fail "user: $(getent passwd warta)"
check "system user: $(getent passwd warta)"
[ "$(stat -c '%U:%G %a' /var/lib/warta)" = "warta:warta 750" ] || fail "/var/lib/warta: $(stat -c '%U:%G %a' /var/lib/warta)"
check "/var/lib/warta: $(stat -c '%U:%G %a' /var/lib/warta)"
[ "$(stat -c '%U:%G %a' /etc/warta/warta.toml)" = "root:warta 640" ] || fail "config: $(stat -c '%U:%G %a' /etc/warta/warta.toml)"
check "/etc/warta/warta.toml: $(stat -c '%U:%G %a' /etc/warta/warta.toml), conffile: $(dpkg-query -W -f='${Conffiles}' warta | tr -s ' ' | cut -d' ' -f2)"
[ -f /lib/systemd/system/warta.service ] || fail "no unit"

# As the unit starts it (ExecStart, User, WorkingDirectory, Environment).
exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/warta.service)
cd /var/lib/warta
setpriv --reuid=warta --regid=warta --init-groups env VIPS_NOVECTOR=1 $exec_start \
  > /tmp/warta-serve.log 2>&1 &
pid=$!
for _ in $(seq 300); do
  grep -q "serving" /tmp/warta-serve.log && break
  kill -0 $pid 2>/dev/null || { cat /tmp/warta-serve.log; fail "warta exited"; }
  sleep 0.1
done
check "serve: $(grep serving /tmp/warta-serve.log)"
user=$(stat -c %U /proc/$pid)
[ "$user" = warta ] || fail "warta runs as '$user'"
check "process $pid runs as $user"
http_get /healthz && [ "$(tail -1 /tmp/reply)" = ok ] || fail "/healthz: $(cat /tmp/reply)"
check "GET /healthz: ok"
http_get / && grep -q "^HTTP/1.[01] 200" /tmp/reply || fail "GET /: $(head -1 /tmp/reply)"
check "GET /: $(head -1 /tmp/reply | tr -d '\r'), $(wc -c < /tmp/reply) bytes"
[ "$(stat -c '%U' /var/lib/warta/warta.db)" = warta ] || fail "database owner"
check "database: $(stat -c '%U:%G %s bytes' /var/lib/warta/warta.db) at /var/lib/warta/warta.db"
printf 'kata sandi admin yang panjang\n' |
  runuser -u warta -- warta user add chief --role admin --config /etc/warta/warta.toml >/dev/null
check "warta user add chief --role admin (as warta)"
runuser -u warta -- warta doctor --config /etc/warta/warta.toml | sed 's/^/doctor: /'
runuser -u warta -- warta backup /var/lib/warta/backup-check.db --config /etc/warta/warta.toml >/dev/null
check "warta backup: $(stat -c '%U %s bytes' /var/lib/warta/backup-check.db)"
kill -TERM $pid
wait $pid || fail "warta did not exit 0 on SIGTERM"
check "SIGTERM: exit 0, $(grep -c 'stopped cleanly' /tmp/warta-serve.log) 'stopped cleanly'"
cd /

if [ -n "$newer" ]; then
  echo '# an operator edit, kept by the upgrade' >> /etc/warta/warta.toml
  apt-get install -y -q "$newer" > /tmp/apt-upgrade.log 2>&1 || { tail -30 /tmp/apt-upgrade.log; fail "upgrade"; }
  grep -q "backing up /var/lib/warta/warta.db" /tmp/apt-upgrade.log || fail "no backup before the upgrade"
  backup=$(ls /var/lib/warta/backups/warta-*.db)
  check "upgrade to $(dpkg-query -W -f='${Version}' warta): preinst backed up to $backup ($(stat -c '%U %s bytes' "$backup"))"
  grep -q '^# an operator edit' /etc/warta/warta.toml || fail "the configuration edit was lost"
  check "upgrade kept the edited /etc/warta/warta.toml"
  runuser -u warta -- warta doctor --config /etc/warta/warta.toml > /tmp/doctor.txt || { cat /tmp/doctor.txt; fail "doctor after upgrade"; }
  grep -q "ok    database" /tmp/doctor.txt || fail "database after upgrade"
  printf 'kata sandi admin yang panjang\n' | runuser -u warta -- warta user add chief --role admin --config /etc/warta/warta.toml \
    > /tmp/user-again.txt 2>&1 && fail "the account made before the upgrade is gone"
  check "after the upgrade the database still has the account made before it: $(cat /tmp/user-again.txt)"
fi

apt-get remove -y -q warta > /tmp/apt-remove.log 2>&1 || fail "apt-get remove"
[ ! -e /usr/bin/warta ] || fail "remove left /usr/bin/warta"
[ -f /var/lib/warta/warta.db ] && [ -f /etc/warta/warta.toml ] && getent passwd warta >/dev/null ||
  fail "remove lost data, configuration or user"
check "apt-get remove: binary gone; /var/lib/warta/warta.db, /etc/warta/warta.toml and the user kept"

apt-get purge -y -q warta > /tmp/apt-purge.log 2>&1 || fail "apt-get purge"
[ ! -e /var/lib/warta ] || fail "purge left /var/lib/warta: $(ls -la /var/lib/warta)"
[ ! -e /etc/warta ] || fail "purge left /etc/warta"
check "apt-get purge: /var/lib/warta and /etc/warta gone"
echo "check-package-fresh: passed"
