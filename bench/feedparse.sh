#!/usr/bin/env bash
# README "Benchmark": `warta feed parse` over the whole feed corpus against Debian's
# python3-feedparser parsing the same files, in the same run. Each side is one process for
# all files (interpreter start and `import feedparser` count for feedparser as the process
# start counts for warta), run BENCH_FEED_RUNS times (default 3); the best run counts.
# Like for like, twice:
#   feedparse:           `warta feed parse` (the feed's HTML, as the ingest pipeline parses)
#                        vs feedparser.parse(sanitize_html=False, resolve_relative_uris=False);
#   feedparse_sanitized: `warta feed parse --sanitize` vs feedparser.parse() with its defaults
#                        (both clean the HTML and make its URLs absolute).
# Seconds are CPU seconds (user + sys) of that process: both sides are single-threaded, and
# CPU time does not drift with whatever else the machine is doing; wall seconds are printed
# too. Prints `bench: feedparse_warta_seconds X s`, `bench: feedparse_feedparser_seconds Y s`
# and `ratio: feedparse_vs_feedparser Y/X` (and the same for the sanitized pair).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
warta="${WARTA_BIN:-$root/build/release/warta}"
shared="${WARTA_SHARED:-$root/../shared}"
feeds="$shared/corpus/feeds"
runs=${BENCH_FEED_RUNS:-3}
# The corpus is small (warta parses it in a fraction of a second, where process start would
# weigh): each side parses it this many times over in one process, so a run takes seconds.
repeat=${BENCH_FEED_REPEAT:-20}

/usr/bin/python3 - "$warta" "$feeds" "$runs" "$repeat" <<'PY'
import json, os, resource, subprocess, sys, time

warta, feeds, runs, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(os.path.join(feeds, "feedparser-reference.jsonl"), encoding="utf-8") as f:
    files = [json.loads(line)["file"] for line in f if line.strip()] * repeat

FEEDPARSER = """
import sys
import feedparser
options = %s
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        feedparser.parse(f.read(), **options)
"""
FEEDPARSER_PARSE_ONLY = FEEDPARSER % "dict(sanitize_html=False, resolve_relative_uris=False)"
FEEDPARSER_DEFAULTS = FEEDPARSER % "{}"

def measure(argv):
    """(cpu seconds, wall seconds) of one run of argv in feeds/, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=feeds, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):  # 1: some corpus files are not feeds at all
        sys.exit("bench: %s failed: %s" % (argv[0], proc.stderr.decode()[-500:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall

def best(runs_of):
    return min(c for c, _ in runs_of), min(w for _, w in runs_of)

sides = {
    "warta": [warta, "feed", "parse", *files],
    "feedparser": ["/usr/bin/python3", "-c", FEEDPARSER_PARSE_ONLY, *files],
    "warta_sanitized": [warta, "feed", "parse", "--sanitize", *files],
    "feedparser_sanitized": ["/usr/bin/python3", "-c", FEEDPARSER_DEFAULTS, *files],
}
results = {name: [] for name in sides}
for _ in range(runs):  # interleaved, so every side sees the same machine
    for name, argv in sides.items():
        results[name].append(measure(argv))
cpu = {name: best(r)[0] for name, r in results.items()}
wall = {name: best(r)[1] for name, r in results.items()}
print("bench: feedparse_files %d files (the corpus %d times)" % (len(files), repeat))
print("bench: feedparse_warta_seconds %.3f s" % cpu["warta"])
print("bench: feedparse_feedparser_seconds %.3f s" % cpu["feedparser"])
print("bench: feedparse_warta_wall_seconds %.3f s" % wall["warta"])
print("bench: feedparse_feedparser_wall_seconds %.3f s" % wall["feedparser"])
print("bench: feedparse_sanitized_warta_seconds %.3f s" % cpu["warta_sanitized"])
print("bench: feedparse_sanitized_feedparser_seconds %.3f s" % cpu["feedparser_sanitized"])
print("ratio: feedparse_vs_feedparser %.1f" % (cpu["feedparser"] / cpu["warta"]))
print("ratio: feedparse_sanitized_vs_feedparser %.1f"
      % (cpu["feedparser_sanitized"] / cpu["warta_sanitized"]))
PY
