#!/usr/bin/env python3
"""Seed corpora for the fuzz targets from the shared test corpus (../shared/corpus), written
at fuzz time under the build tree so nothing of that corpus is copied into the repository.

usage: collect_seeds.py SHARED_CORPUS_DIR OUT_DIR
Writes OUT_DIR/<target>/<n> files; targets without material there keep only fuzz/seeds/.
Inputs are cut to MAX_BYTES (the fuzzers' -max_len would cut them anyway)."""
import hashlib
import json
import pathlib
import re
import sys

MAX_BYTES = 256 * 1024
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json"}
DATE_RE = re.compile(
    rb"<(?:pubDate|published|updated|dc:date|modified|issued|created|lastBuildDate)>([^<]{1,80})<"
    rb"|\"date_(?:published|modified)\"\s*:\s*\"([^\"]{1,80})\"")
URL_RE = re.compile(rb"(?:href|src|url|xmlUrl)\s*=\s*[\"']([^\"'<>]{1,300})[\"']")


def write(out: pathlib.Path, target: str, data: bytes, written: dict) -> None:
    data = data[:MAX_BYTES]
    if not data:
        return
    name = hashlib.sha1(data).hexdigest()
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    path = d / name
    if not path.exists():
        path.write_bytes(data)
        written[target] = written.get(target, 0) + 1


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if not corpus.is_dir():
        print(f"collect_seeds: no shared corpus at {corpus}; using fuzz/seeds only", file=sys.stderr)
        return 0
    written: dict = {}
    urls = set()
    for path in sorted((corpus / "feeds").rglob("*")):
        if not path.is_file() or path.suffix not in FEED_SUFFIXES:
            continue
        data = path.read_bytes()
        write(out, "feed", data, written)
        for m in DATE_RE.finditer(data):
            write(out, "date", (m.group(1) or m.group(2)).strip(), written)
        urls.update(m.group(1) for m in URL_RE.finditer(data))
    # The sanitizer's vectors (DOMPurify's test payloads) are HTML and Markdown-ish comments.
    expect = corpus / "sanitize" / "dompurify" / "expect.json"
    if expect.is_file():
        for case in json.loads(expect.read_text(encoding="utf-8")):
            payload = case.get("payload") if isinstance(case, dict) else None
            if isinstance(payload, str):
                write(out, "sanitizer", payload.encode("utf-8", "surrogatepass"), written)
                write(out, "markdown", payload.encode("utf-8", "surrogatepass"), written)
    for path in sorted((corpus / "sanitize").rglob("*.html")):
        write(out, "sanitizer", path.read_bytes(), written)
    for path in sorted((corpus / "extract").rglob("*.html")):
        data = path.read_bytes()
        write(out, "extractor" if path.name == "source.html" else "sanitizer", data, written)
        urls.update(m.group(1) for m in URL_RE.finditer(data[:65536]))
    for url in sorted(urls)[:2000]:
        write(out, "canonical_url", url, written)
    # Titles in many languages for the search box.
    reference = corpus / "feeds" / "feedparser-reference.jsonl"
    if reference.is_file():
        titles = []
        for line in reference.read_text(encoding="utf-8").splitlines():
            feed = json.loads(line)
            titles.append(feed.get("title"))
            titles.extend(e.get("title") for e in feed.get("entries") or [])
        for title in [t for t in titles if isinstance(t, str)][:500]:
            write(out, "search", title.encode("utf-8", "surrogatepass"), written)
    print("collect_seeds: " + ", ".join(f"{t} {n}" for t, n in sorted(written.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
