#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (preset `fuzz`), collects seed corpora and runs
# each target for FUZZ_SECONDS (default 300). New inputs go to build/fuzz-corpus/<target>/
# (kept between runs: the next run starts from them), crashes to build/fuzz-crashes/, logs to
# build/fuzz-logs/. Exits non-zero when any target crashed, leaked, timed out or ran out of
# memory. docs/testing.md "Fuzzing".
#
# FUZZ_SECONDS=300   seconds per target
# FUZZ_TARGETS="feed http"   only these (default: every fuzz/*_fuzz.cpp)
# FUZZ_NICE=19       the fuzzers' niceness (a build or the site on the same machine goes first)
# FUZZ_BUILD=0       skip building (the binaries are there already)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-300}
nice_level=${FUZZ_NICE:-19}
bin=build/fuzz/fuzz
shared=${WARTA_SHARED:-$root/../shared}/corpus

targets=${FUZZ_TARGETS:-$(cd fuzz && ls *_fuzz.cpp | sed 's/_fuzz\.cpp$//' | tr '\n' ' ')}

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  echo "== fuzz: configure and build (preset fuzz: clang, libFuzzer, ASan + UBSan)"
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "${JOBS:-$(nproc)}"
fi

mkdir -p build/fuzz-corpus build/fuzz-crashes build/fuzz-logs build/fuzz-seeds
python3 fuzz/collect_seeds.py "$shared" build/fuzz-seeds

# Per target: the longest input (-max_len) and the dictionary. Longer inputs reach nothing new
# and make every execution slower: 10 million executions in hours need about a millisecond
# each, and the HTML parsers (gumbo, then readability's passes) grow faster than the input on
# nested markup, so the HTML targets take 8 KiB (seed pages are cut there; a page's head and
# first paragraphs hold every construct the parsers see).
max_len() {
  case $1 in
    date) echo 128 ;; search) echo 1024 ;; canonical_url) echo 2048 ;;
    markdown | http | config | sanitizer | extractor) echo 8192 ;; opml | feed) echo 16384 ;;
    media) echo 65536 ;; *) echo 4096 ;;
  esac
}
dict() {
  case $1 in
    feed | opml) echo fuzz/dict/feed.dict ;; sanitizer | extractor) echo fuzz/dict/html.dict ;;
    http) echo fuzz/dict/http.dict ;; markdown) echo fuzz/dict/markdown.dict ;;
  esac
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
failed=()
for t in $targets; do
  exe=$bin/fuzz_$t
  if [ ! -x "$exe" ]; then
    echo "fuzz: $t: no binary at $exe" >&2
    failed+=("$t")
    continue
  fi
  corpus=build/fuzz-corpus/$t
  mkdir -p "$corpus"
  seeds=()
  for d in fuzz/seeds/$t build/fuzz-seeds/$t tests/fixtures/fuzz-regressions/$t; do
    [ -d "$d" ] && seeds+=("$d")
  done
  # http waits for its server in time the process could run (fuzz/http_fuzz.cpp): up to 100 s
  # of wall-clock time when starved of CPU, so libFuzzer's own wall-clock limit is above that.
  timeout=30
  [ "$t" = http ] && timeout=120
  args=(-max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout="$timeout" -rss_limit_mb=3072
        -print_final_stats=1 -artifact_prefix="build/fuzz-crashes/$t-")
  d=$(dict "$t")
  [ -n "$d" ] && args+=(-dict="$d")
  log=build/fuzz-logs/$t.log
  echo "== fuzz: $t for ${seconds} s (log: $log)"
  set +e
  # UBSan's reports abort (the build has -fno-sanitize-recover) and carry a stack.
  # intercept_tls_get_addr=0: see scripts/sanitizer-suite.sh (LeakSanitizer's tracer).
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:intercept_tls_get_addr=0} \
    nice -n "$nice_level" "$exe" "${args[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  files=$(find "$corpus" -type f | wc -l)
  printf 'fuzz: %-14s %12s executions (%s/s), corpus %s files, exit %s\n' \
    "$t" "${execs:-?}" "${rate:-?}" "$files" "$rc"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$commit" "$t" "${execs:-0}" \
    "$seconds" "$rc" >>build/fuzz-runs.tsv
  if [ "$rc" -ne 0 ]; then
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|property failed' "$log" >&2 || true
    failed+=("$t")
  fi
done

crashes=$(find build/fuzz-crashes -type f ! -name '*slow-unit-*' | wc -l)
echo "fuzz: totals per target (every run so far) in build/fuzz-runs.tsv; crashes kept: $crashes"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build/fuzz-crashes/, logs in build/fuzz-logs/)" >&2
  exit 1
fi
