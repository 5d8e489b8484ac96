#!/usr/bin/env bash
# The admin at a million articles (issue 12: "lists and search in the admin answer in under
# 100 ms on a site of 1,000,000 articles"): GET /api/v1/admin/articles (the list's first page,
# a page deep in it by cursor, the published filter) and ?q= (a title search for a common
# word, for a rare one, for one in no title) over real HTTP with a Bearer token, each the
# median of BENCH_ADMIN_RUNS requests after a warm-up. Prints `bench:` lines (README
# "Benchmark"); at a million articles, exits 1 when a median is over 100 ms.
#
# The site: `warta demo --articles N` when this warta has it (bench/run.sh's generator), else
# N articles written straight into the SQLite file by one INSERT … SELECT (titles of words from
# a fixed list, a mix of statuses, ten years of dates), with the public search trigger lifted
# for the load (the admin reads the titles' trigram index, kept by its own trigger) and put
# back. BENCH_ADMIN_ARTICLES (default 1000000), BENCH_ADMIN_RUNS (default 21);
# BENCH_ADMIN_KEEP=1 keeps the site's folder (printed) for a look at the queries.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
warta="$root/build/release/warta"
articles=${BENCH_ADMIN_ARTICLES:-1000000}
runs=${BENCH_ADMIN_RUNS:-21}
label=$([ "$articles" -eq 1000000 ] && echo 1m || echo "$articles")

work=$(mktemp -d /tmp/warta-bench-admin.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${BENCH_ADMIN_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

db="$work/warta.db"
start=$SECONDS
if "$warta" demo --help 2>/dev/null | grep -q -- '--articles'; then
  # bench/run.sh's own site of that size (bench/site.sh generates it once and caches it),
  # copied: the benchmark adds an account to it. Generating a second million-article site
  # here cost `make bench` as many minutes again.
  cached=$(WARTA_BIN="$warta" "$root/bench/site.sh" "$articles")
  for part in "" -wal; do
    if [ -f "$cached$part" ]; then cp "$cached$part" "$db$part"; fi
  done
else
  "$warta" migrate --db "sqlite:$db" > /dev/null
  # The public search trigger calls warta's own SQL functions, which the sqlite3 shell has
  # not: kept aside as the migration wrote it, dropped for the load, put back after.
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE name = 'search_articles_insert'" \
    > "$work/trigger.sql"
  sqlite3 "$db" > /dev/null <<SQL
.bail on
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
DROP TRIGGER search_articles_insert;
CREATE TEMP TABLE words (n INTEGER PRIMARY KEY, w TEXT);
INSERT INTO words (w) VALUES ('Jepang'), ('Tokyo'), ('kereta'), ('gempa'), ('ekonomi'),
  ('Osaka'), ('festival'), ('musim'), ('salju'), ('pemilu'), ('yen'), ('teknologi'),
  ('robot'), ('anime'), ('Kyoto'), ('Hokkaido'), ('pariwisata'), ('sekolah'), ('bank'),
  ('pelabuhan'), ('kuil'), ('sakura'), ('topan'), ('ekspor'), ('mobil'), ('listrik'),
  ('nelayan'), ('beras'), ('menteri'), ('parlemen'), ('olahraga'), ('bisbol');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $articles)
INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, body_html,
                      slug, status, revision)
SELECT title, 'Bench', '', t, t, t + (i % 7) * 3600, 'id', '<p>' || title || '</p>', 'b-' || i,
       CASE WHEN i % 50 = 0 THEN 'draft' WHEN i % 97 = 0 THEN 'unpublished'
            ELSE 'published' END, 1
FROM (SELECT i, 1420070400 + i * 315 AS t,
        (SELECT w FROM words WHERE n = 1 + i % 32) || ' ' ||
        (SELECT w FROM words WHERE n = 1 + (i / 32) % 32) || ' ' ||
        (SELECT w FROM words WHERE n = 1 + (i / 1024) % 32) ||
        -- one title in 100,000 holds a rare word: the search that must not scan the list
        CASE WHEN i % 100000 = 7 THEN ' zebrakuda' ELSE '' END || ' ' || i AS title
      FROM n);
SQL
  sqlite3 "$db" < "$work/trigger.sql"
fi
[ -n "${BENCH_ADMIN_KEEP:-}" ] && echo "bench: the site is kept in $work"
echo "bench: admin_site_build_s $((SECONDS - start)) s ($articles articles; a copy of bench/site.sh's when cached)"

"$warta" user add bench-editor --role editor --db "sqlite:$db" <<< "bench password long" > /dev/null
token=$("$warta" token create bench-editor --db "sqlite:$db")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WARTA_SERVER_ACCESS_LOG=0 WARTA_RATELIMIT_ENABLED=0 WARTA_INGEST_ENABLED=0 WARTA_LOG_LEVEL=warn \
  "$warta" serve --db "sqlite:$db" --listen "127.0.0.1:$port" 2> "$work/serve.log" &
pid=$!
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  sleep 0.1
done

# Median wall time of one request, in ms (curl's time_total: connect + answer + body).
median_ms() {
  local url="http://127.0.0.1:$port$1"
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$url"  # warm-up, and a check
  for _ in $(seq 1 "$runs"); do
    curl -sS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] * 1000 }'
}

cursor=$(curl -fsS -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/admin/articles?limit=200" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
list=$(median_ms "/api/v1/admin/articles?limit=50")
deep=$(median_ms "/api/v1/admin/articles?limit=50&cursor=$cursor")
published=$(median_ms "/api/v1/admin/articles?limit=50&status=published")
drafts=$(median_ms "/api/v1/admin/articles?limit=50&status=draft")
common=$(median_ms "/api/v1/admin/articles?limit=50&q=kereta")
rare=$(median_ms "/api/v1/admin/articles?limit=50&q=zebrakuda")
none=$(median_ms "/api/v1/admin/articles?limit=50&q=tidakada")
found=$(curl -fsS -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/admin/articles?limit=50&q=zebrakuda" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')

worst_list=$(printf '%s\n' "$list" "$deep" "$published" "$drafts" | sort -n | tail -1)
worst_search=$(printf '%s\n' "$common" "$rare" "$none" | sort -n | tail -1)
echo "bench: admin_list_${label}_ms $worst_list ms (first page $list, deep page $deep, published $published, drafts $drafts)"
echo "bench: admin_search_${label}_ms $worst_search ms (common word $common, rare word $rare ($found found), no match $none)"
# The promise is for a million; the smoke run's small site only checks the script still works.
[ "$articles" -lt 1000000 ] && exit 0
awk -v a="$worst_list" -v b="$worst_search" 'BEGIN { exit !(a < 100 && b < 100) }' || {
  echo "bench: the admin is over 100 ms at $articles articles" >&2
  exit 1
}
