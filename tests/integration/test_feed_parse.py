"""`warta feed parse` (docs/cli.md) over the feed corpus, scored against python3-feedparser's
results (docs/feed-parser-differences.md), and its command-line behaviour on bad input."""

import json
import os
import re
import subprocess
import tempfile
import unittest

from warta_harness import SHARED, WARTA, run_warta

FEEDS = os.path.join(SHARED, "corpus", "feeds")
REFERENCE = os.path.join(FEEDS, "feedparser-reference.jsonl")
COMPARE = os.path.join(SHARED, "corpus", "tools", "compare_feeds.py")
# Debian's python3: the corpus tools are written for it (the corpus README).
PYTHON = "/usr/bin/python3"
MIN_AGREEMENT = 0.97


def load_reference():
    with open(REFERENCE, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class FeedParseAgreementTest(unittest.TestCase):
    def test_agrees_with_feedparser_on_the_corpus(self):
        reference = load_reference()
        files = [r["file"] for r in reference]
        # One process for the whole corpus, paths relative to feeds/ as the reference has them.
        proc = subprocess.run([WARTA, "feed", "parse", *files], cwd=FEEDS, capture_output=True,
                              text=True, timeout=300)
        lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        self.assertEqual([line["file"] for line in lines], files, "one line per file, in order")

        # Only files that are not feeds at all may fail, and only those where feedparser
        # found no feed either; then the exit code says so.
        by_file = {r["file"]: r for r in reference}
        errors = [line for line in lines if "error" in line]
        for line in errors:
            ref = by_file[line["file"]]
            self.assertIsNone(ref["version"], line)
            self.assertEqual(ref["entry_count"], 0, line)
        self.assertEqual(proc.returncode, 1 if errors else 0, proc.stderr[-2000:])
        self.assertEqual(len(proc.stderr.strip().splitlines()), len(errors), proc.stderr[-2000:])

        for line in lines:
            for entry in line.get("entries", []):
                for key in ("published", "updated"):
                    if entry[key] is not None:
                        self.assertRegex(entry[key], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as out:
            for line in lines:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        try:
            result = subprocess.run([PYTHON, COMPARE, REFERENCE, out.name], capture_output=True,
                                    text=True, timeout=120)
        finally:
            os.unlink(out.name)
        print("\n" + result.stdout)
        self.assertEqual(result.returncode, 0, result.stderr)
        match = re.search(r"^agreement: ([0-9.]+)$", result.stdout, re.M)
        self.assertIsNotNone(match, result.stdout)
        agreement = float(match.group(1))
        print("feed parse agreement with feedparser: %.3f (minimum %.2f)" %
              (agreement, MIN_AGREEMENT))
        self.assertGreaterEqual(agreement, MIN_AGREEMENT)


class FeedParseCommandTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def test_one_file_prints_the_contract_shape(self):
        path = self.write("a.xml", """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kyodo &amp; Co</title><link>https://example.org/</link>
<language>ja</language>
<item><title>A &lt;b&gt;bold&lt;/b&gt; title</title><link>/news/1</link><guid>n1</guid>
<pubDate>Fri, 01 Nov 2024 12:00:00 JST</pubDate>
<description>&lt;p&gt;Hi&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description></item>
</channel></rss>""")
        r = run_warta("feed", "parse", "--base-url", "https://example.org/feed.xml", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 1)
        feed = json.loads(lines[0])
        self.assertEqual(list(feed), ["bozo", "title", "link", "language", "entries"])
        self.assertEqual(feed["title"], "Kyodo & Co")
        entry = feed["entries"][0]
        self.assertEqual(list(entry), ["id", "title", "link", "published", "updated", "author",
                                       "summary", "content"])
        self.assertEqual(entry["title"], "A bold title")
        self.assertEqual(entry["link"], "https://example.org/news/1")
        self.assertEqual(entry["published"], "2024-11-01T03:00:00Z")
        self.assertIsNone(entry["updated"])
        self.assertEqual(entry["summary"], "<p>Hi<script>x()</script></p>")  # the feed's HTML

        r = run_warta("feed", "parse", "--sanitize", "--base-url", "https://example.org/feed.xml",
                      path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["entries"][0]["summary"], "<p>Hi</p>")

    def test_bozo_feed_exits_zero(self):
        path = self.write("bozo.xml", "<rss version='2.0'><channel><title>Fish & Chips&nbsp;"
                                      "</title><item><title>cut off")
        r = run_warta("feed", "parse", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        feed = json.loads(r.stdout)
        self.assertTrue(feed["bozo"])
        self.assertEqual(feed["title"], "Fish & Chips")
        self.assertEqual(feed["entries"][0]["title"], "cut off")

    def test_missing_file_and_non_feed_fail_with_one_line(self):
        missing = os.path.join(self.dir.name, "missing.xml")
        page = self.write("page.html", "<!DOCTYPE html><html><body><p>hello</p></body></html>")
        for path in (missing, page):
            r = run_warta("feed", "parse", path)
            self.assertNotEqual(r.returncode, 0)
            self.assertEqual(r.stdout, "")
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn(os.path.basename(path), r.stderr)

    def test_several_files_each_get_a_line(self):
        good = self.write("good.json", json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": "J",
            "home_page_url": "https://j.example/",
            "items": [{"id": "1", "url": "https://j.example/1", "title": "One",
                       "date_published": "2024-11-01T12:00:00+09:00"}]}))
        bad = self.write("bad.txt", "just text")
        r = run_warta("feed", "parse", good, bad)
        self.assertEqual(r.returncode, 1)
        lines = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual([line["file"] for line in lines], [good, bad])
        self.assertEqual(lines[0]["entries"][0]["published"], "2024-11-01T03:00:00Z")
        self.assertIn("error", lines[1])

    def test_time_zone_option_applies_to_dates_without_zone(self):
        path = self.write("tz.xml", "<rss version='2.0'><channel><item><title>t</title>"
                                    "<pubDate>2024-11-01 12:00</pubDate></item></channel></rss>")
        r = run_warta("feed", "parse", "--time-zone", "Asia/Jakarta", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["entries"][0]["published"], "2024-11-01T05:00:00Z")


if __name__ == "__main__":
    unittest.main()
