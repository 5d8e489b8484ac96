"""Ingestion end to end: `warta source add`, `warta ingest --once`, `warta opml`, the
scheduler inside `warta serve`, against a loopback HTTP server in this process serving the
fixture feeds of tests/fixtures/ingest/ and hostile responses (docs/decisions/0003-ingest.md)."""

import gzip
import http.server
import json
import os
import re
import subprocess
import tempfile
import threading
import time
import unittest

from warta_harness import WARTA, WartaTestCase, assert_memory_below, parse_page, run_warta

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ingest")

# Short limits so the hostile cases end in a second or two.
ENV = {
    "WARTA_FETCH_ALLOW_PRIVATE": "1",
    "WARTA_FETCH_MAX_BODY_BYTES": str(1024 * 1024),
    "WARTA_FETCH_TIMEOUT_SECONDS": "6",
    "WARTA_FETCH_CONNECT_TIMEOUT_SECONDS": "2",
    "WARTA_FETCH_LOW_SPEED_BYTES": "1000",
    "WARTA_FETCH_LOW_SPEED_SECONDS": "1",
    "WARTA_LOG_LEVEL": "warn",
}


# Malformed on purpose: an entity bomb in the DTD, an external entity, a bare "&", bytes
# that are not UTF-8, a date in 2099, and the document cut off in the middle of an item.
BROKEN_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;">'
    b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><title>Broken & Co</title>\n'
    b'<item><title>Tides &f; &xxe; table for the \xff\xfe week</title><guid>broken-1</guid>'
    b'<pubDate>Fri, 01 Jan 2099 00:00:00 GMT</pubDate>'
    b'<description>High tide at 6 & low tide at noon.</description></item>\n'
    b'<item><title>Second item cut off'
)

# Peak resident memory allowed for `warta ingest --once` against every hostile server at once
# (1 MB body cap in ENV): a 1 GB body or a 32 MB gzip bomb read whole would be far above it.
MAX_RSS_MB = 96

# One item embedding a video from an allowed host and a page from any other.
VIDEO_FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Video Desk</title>'
    b'<item><title>Harbour fireworks on video</title><guid>video-1</guid>'
    b'<link>https://video.example/fireworks</link>'
    b'<description><![CDATA[<p>The fireworks over the harbour lasted twenty minutes.</p>'
    b'<iframe src="https://www.youtube-nocookie.com/embed/fw2024" width="560"></iframe>'
    b'<iframe src="https://tracker.example/frame"></iframe>'
    b'<iframe src="http://www.youtube-nocookie.com/embed/plain"></iframe>]]></description>'
    b'</item></channel></rss>'
)

_BOMB = []


def bomb():
    if not _BOMB:
        _BOMB.append(gzip.compress(b"\0" * (32 << 20), 9))
    return _BOMB[0]


def fixture(name, base):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read().replace("{BASE}", base).encode("utf-8")


class FeedSite:
    """http.server on 127.0.0.1:0 in a thread; records every request's path and headers."""

    def __init__(self):
        self.requests = []
        self.flaky_fails = True
        self.stop = threading.Event()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                try:
                    site.route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path):
        return self.base + path

    def seen(self, path):
        return [headers for p, headers in self.requests if p == path]

    @staticmethod
    def send(h, status, body=b"", headers=()):
        h.send_response(status)
        for name, value in headers:
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def route(self, h):
        path = h.path
        if path == "/a.xml":  # ETag only
            etag = '"paper-a-v1"'
            if h.headers.get("If-None-Match") == etag:
                return self.send(h, 304, headers=[("ETag", etag)])
            return self.send(h, 200, fixture("paper_a.xml", self.base),
                             [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", etag)])
        if path == "/b.atom":  # Last-Modified only
            modified = "Tue, 22 Oct 2024 03:00:00 GMT"
            if h.headers.get("If-Modified-Since") == modified:
                return self.send(h, 304)
            return self.send(h, 200, fixture("paper_b.atom", self.base),
                             [("Content-Type", "application/atom+xml"), ("Last-Modified", modified)])
        if path == "/summary.xml":
            return self.send(h, 200, fixture("summary_only.xml", self.base),
                             [("Content-Type", "application/rss+xml")])
        if path == "/articles/library.html":
            return self.send(h, 200, fixture("articles/library.html", self.base),
                             [("Content-Type", "text/html; charset=utf-8")])
        if path == "/flaky.xml":
            if self.flaky_fails:
                return self.send(h, 500, b"internal error")
            return self.send(h, 200, fixture("recovered.xml", self.base),
                             [("Content-Type", "application/rss+xml")])
        if path == "/huge.xml":  # a "1 GB" body: streams until the client hangs up
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(1 << 30))
            h.end_headers()
            h.wfile.write(b"<rss><channel><title>")
            chunk = b"x" * 65536
            while not self.stop.is_set():
                h.wfile.write(chunk)
            return
        if path == "/bomb.xml":  # 32 MB of zeros in ~32 KB of gzip, 32 times the cap
            return self.send(h, 200, bomb(),
                             [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")])
        if path in ("/loop1", "/loop2"):
            target = "/loop2" if path == "/loop1" else "/loop1"
            return self.send(h, 302, headers=[("Location", self.url(target))])
        if path == "/trickle.xml":
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", "100000")
            h.end_headers()
            for _ in range(300):
                if self.stop.is_set():
                    return
                h.wfile.write(b"<")
                h.wfile.flush()
                time.sleep(0.1)
            return
        if path == "/page.xml":  # an HTML page where a feed should be
            return self.send(h, 200, b"<!DOCTYPE html><html><body><p>Welcome</p></body></html>",
                             [("Content-Type", "text/html")])
        if path == "/broken.xml":
            return self.send(h, 200, BROKEN_FEED, [("Content-Type", "text/xml")])
        if path == "/mislabelled.xml":  # a good feed sent as a web page: read it anyway
            return self.send(h, 200, fixture("recovered.xml", self.base),
                             [("Content-Type", "text/html; charset=utf-8")])
        if path in ("/video.xml", "/video-b.xml"):
            body = VIDEO_FEED if path == "/video.xml" else VIDEO_FEED.replace(
                b"video.example/fireworks", b"video.example/fireworks-b")
            return self.send(h, 200, body, [("Content-Type", "application/rss+xml")])
        if path == "/gone.xml":
            return self.send(h, 410, b"gone")
        if path == "/image.xml":
            return self.send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
                             [("Content-Type", "image/png")])
        return self.send(h, 404, b"not found")


class IngestTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.site = FeedSite()

    def tearDown(self):
        super().tearDown()
        self.site.close()

    def warta(self, *args, env=None, ok=True):
        full = dict(ENV)
        full.update(env or {})
        r = run_warta(*args, "--db", self.db, env=full, timeout=120)
        if ok:
            self.assertEqual(r.returncode, 0, (args, r.stdout, r.stderr))
        return r

    def add_source(self, path, name, *flags):
        r = self.warta("source", "add", self.site.url(path), "--name", name, *flags)
        return json.loads(r.stdout)["id"]

    def ingest(self, *flags, env=None):
        r = self.warta("ingest", "--once", *flags, env=env)
        m = re.search(r"ingest: (\d+) sources: (\d+) fetched, (\d+) not modified, (\d+) failed; "
                      r"(\d+) new articles, (\d+) duplicates", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        keys = ("sources", "fetched", "not_modified", "failed", "new", "duplicates")
        return dict(zip(keys, map(int, m.groups()))), r

    def ingest_measured(self):
        """`warta ingest --once` with its own peak RSS (os.wait4 on that one process): counts,
        stdout, stderr and the peak in MB."""
        env = dict(os.environ)
        env.update(ENV)
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen([WARTA, "ingest", "--once", "--db", self.db], stdout=out,
                                    stderr=err, env=env)
            timer = threading.Timer(120, proc.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        self.assertEqual(proc.returncode, 0, (stdout, stderr))
        m = re.search(r"ingest: (\d+) sources: (\d+) fetched, (\d+) not modified, (\d+) failed; "
                      r"(\d+) new articles, (\d+) duplicates", stdout)
        self.assertIsNotNone(m, stdout)
        keys = ("sources", "fetched", "not_modified", "failed", "new", "duplicates")
        return dict(zip(keys, map(int, m.groups()))), stdout, stderr, usage.ru_maxrss / 1024

    def sources(self):
        r = self.warta("source", "list", "--json")
        return {s["id"]: s for s in json.loads(r.stdout)["sources"]}

    def query(self, sql, *args):
        return self.sql(sql, *args)

    def test_ingest_then_conditional_requests_add_nothing(self):
        a = self.add_source("/a.xml", "Harbour Daily")
        b = self.add_source("/b.atom", "Coast Courier")
        first, _ = self.ingest()
        self.assertEqual(first["sources"], 2)
        self.assertEqual(first["fetched"], 2)
        self.assertEqual(first["new"], 5)
        self.assertEqual(self.query("SELECT COUNT(*) FROM articles")[0][0], 5)
        # Stored safely: no script from the feed, the source's name, the canonical URL.
        body, source, canonical = self.query(
            "SELECT body_html, source, canonical_url FROM articles WHERE guid = 'harbour-daily-1001'")[0]
        self.assertNotIn("<script", body)
        self.assertIn("eight weeks of repairs", body)
        self.assertEqual(source, "Harbour Daily")
        self.assertEqual(canonical, "https://127.0.0.1:%d/a/railway" % self.site.server.server_address[1])
        health = self.sources()
        self.assertEqual(health[a]["etag"], '"paper-a-v1"')
        self.assertEqual(health[b]["last_modified"], "Tue, 22 Oct 2024 03:00:00 GMT")
        self.assertEqual(health[a]["items_total"], 3)

        second, _ = self.ingest("--force")
        self.assertEqual(second["not_modified"], 2, second)
        self.assertEqual(second["new"], 0)
        self.assertEqual(self.query("SELECT COUNT(*) FROM articles")[0][0], 5)
        self.assertEqual(self.site.seen("/a.xml")[-1].get("If-None-Match"), '"paper-a-v1"')
        self.assertEqual(self.site.seen("/b.atom")[-1].get("If-Modified-Since"),
                         "Tue, 22 Oct 2024 03:00:00 GMT")
        self.assertIsNone(self.site.seen("/b.atom")[-1].get("If-None-Match"))
        self.assertIn("warta/", self.site.seen("/a.xml")[0].get("User-Agent"))
        # Not due: a plain run fetches nothing.
        third, _ = self.ingest()
        self.assertEqual(third["sources"], 0)

    def test_one_story_in_two_feeds_is_one_cluster_shown_on_the_article_page(self):
        self.add_source("/a.xml", "Harbour Daily")
        self.add_source("/b.atom", "Coast Courier")
        self.ingest()
        rows = self.query("SELECT id, source, story_id FROM articles WHERE story_id IS NOT NULL")
        self.assertEqual(len(rows), 2, rows)
        self.assertEqual(rows[0][2], rows[1][2])
        self.assertEqual({r[1] for r in rows}, {"Harbour Daily", "Coast Courier"})
        self.assertEqual(self.query("SELECT COUNT(DISTINCT story_id) FROM articles")[0][0], 1)
        daily = [r[0] for r in rows if r[1] == "Harbour Daily"][0]
        server = self.serve(env={"WARTA_INGEST_ENABLED": "0"})
        status, _, body = server.get("/artikel/%d" % daily)
        self.assertEqual(status, 200)
        text = body.decode("utf-8")
        m = re.search(r'<div class="also-reported">(.*?)</div>', text, re.S)
        self.assertIsNotNone(m, text)
        self.assertIn("Coast Courier", m.group(1))
        self.assertNotIn("Harbour Daily", m.group(1))
        page = parse_page(body)
        self.assertEqual(page.texts["source"], "Harbour Daily")

    def test_summary_only_feed_gets_its_full_text(self):
        self.add_source("/summary.xml", "Town Bulletin", "--full-text")
        counts, r = self.ingest()
        self.assertEqual(counts["new"], 1, r.stdout)
        self.assertIn("1 full text", r.stdout)
        body = self.query("SELECT body_html FROM articles")[0][0]
        self.assertIn("forty seats", body)
        self.assertIn("publish the number of evening visitors", body)
        self.assertNotIn("Most read", body)
        self.assertNotIn("All rights reserved", body)
        self.assertEqual(len(self.site.seen("/articles/library.html")), 1)
        # reextract fetches the page again and keeps the full text.
        rx = self.warta("source", "reextract", "1")
        self.assertIn("1 articles, 1 updated", rx.stdout)

    def test_failing_source_backs_off_and_recovers(self):
        flaky = self.add_source("/flaky.xml", "Flaky Times")
        good = self.add_source("/a.xml", "Harbour Daily")
        counts, r = self.ingest()
        self.assertEqual(counts["failed"], 1)
        self.assertEqual(counts["new"], 3)  # the other source is unaffected
        self.assertIn("Flaky Times: HTTP 500", r.stderr)
        waits = []
        for attempt in range(1, 4):
            s = self.sources()[flaky]
            self.assertEqual(s["consecutive_errors"], attempt)
            self.assertEqual(s["state"], "failing")
            self.assertTrue(s["enabled"])
            waits.append(s["next_fetch_at"] - s["last_fetch_at"])
            self.ingest("--force")
        self.assertLess(waits[0], waits[1])
        self.assertLess(waits[1], waits[2])
        self.assertEqual(self.sources()[good]["consecutive_errors"], 0)
        listing = self.warta("source", "list").stdout
        self.assertRegex(listing, r"Flaky Times\s+failing")
        self.assertIn("error: HTTP 500", listing)

        self.site.flaky_fails = False
        counts, _ = self.ingest("--force")
        self.assertEqual(counts["failed"], 0)
        s = self.sources()[flaky]
        self.assertEqual(s["consecutive_errors"], 0)
        self.assertEqual(s["last_error"], "")
        self.assertEqual(s["state"], "ok")
        self.assertEqual(s["items_total"], 1)

    def test_hostile_responses_are_contained(self):
        cases = {
            "/huge.xml": "larger than",
            "/bomb.xml": "larger than",
            "/loop1": "redirects",
            "/trickle.xml": "too slow",
            "/image.xml": "image/png",
        }
        bomb()  # made before the fetch, so making it does not look like a slow server
        ids = {path: self.add_source(path, "Hostile " + path) for path in cases}
        good = self.add_source("/a.xml", "Harbour Daily")
        start = time.monotonic()
        counts, _, stderr, peak_mb = self.ingest_measured()
        self.assertLess(time.monotonic() - start, 30)
        print("hostile ingest: peak RSS %.1f MB (bound %d MB)" % (peak_mb, MAX_RSS_MB))
        assert_memory_below(self, peak_mb, MAX_RSS_MB)
        self.assertEqual(counts["failed"], len(cases), stderr)
        self.assertEqual(counts["new"], 3)
        for path in cases:  # one clear line per failing source
            self.assertIn("Hostile %s: " % path, stderr)
        health = self.sources()
        for path, expected in cases.items():
            error = health[ids[path]]["last_error"]
            self.assertIn(expected, error.lower() if expected == "too slow" else error, (path, error))
            self.assertEqual(health[ids[path]]["consecutive_errors"], 1)
        self.assertEqual(health[good]["consecutive_errors"], 0)
        self.assertLessEqual(len(self.site.seen("/loop1")) + len(self.site.seen("/loop2")), 6)
        # Nothing damaged was stored.
        self.assertEqual(self.query("SELECT COUNT(*) FROM articles")[0][0], 3)
        self.assert_database_intact()

    def test_malformed_and_absurd_feeds_are_contained(self):
        page = self.add_source("/page.xml", "Not a feed")
        broken = self.add_source("/broken.xml", "Broken")
        mislabelled = self.add_source("/mislabelled.xml", "Mislabelled")
        good = self.add_source("/a.xml", "Harbour Daily")
        before = int(time.time())
        counts, _, stderr, peak_mb = self.ingest_measured()
        after = int(time.time())
        print("malformed ingest: peak RSS %.1f MB (bound %d MB)" % (peak_mb, MAX_RSS_MB))
        assert_memory_below(self, peak_mb, MAX_RSS_MB)
        self.assertEqual(counts["failed"], 1, stderr)
        health = self.sources()
        self.assertIn("feed", health[page]["last_error"].lower())
        self.assertIn("Not a feed: ", stderr)
        # A feed behind a wrong content type is still a feed; the other sources are unaffected.
        for src, items in ((mislabelled, 1), (good, 3)):
            self.assertEqual(health[src]["consecutive_errors"], 0, health[src]["last_error"])
            self.assertEqual(health[src]["items_total"], items)
        self.assertEqual(health[broken]["consecutive_errors"], 0, health[broken]["last_error"])
        rows = self.query("SELECT title, published_at, body_html FROM articles WHERE source_id = ?", broken)
        self.assertGreaterEqual(len(rows), 1)
        for title, published, body in rows:
            self.assertLessEqual(published, after)  # 2099 clamped to the fetch time
            self.assertNotIn("root:", title + body)
            self.assertLess(len(title), 1000)
        tides = [r for r in rows if r[0].startswith("Tides")]
        self.assertEqual(len(tides), 1, rows)
        self.assertGreaterEqual(tides[0][1], before - 5)
        self.assert_database_intact()

    def test_gone_disables_and_source_set_changes_the_settings(self):
        gone = self.add_source("/gone.xml", "Gone Gazette")
        self.ingest()
        s = self.sources()[gone]
        self.assertFalse(s["enabled"])
        self.assertEqual(s["state"], "disabled")
        self.assertIn("410", s["last_error"])
        self.ingest("--force")  # disabled: not fetched even when forced
        self.assertEqual(len(self.site.seen("/gone.xml")), 1)

        r = self.warta("source", "set", str(gone), "--enable", "--name", "Gazette", "--lang", "ja",
                       "--time-zone", "Asia/Tokyo", "--refresh-minutes", "30", "--full-text", "on",
                       "--category", "News/Japan")
        printed = json.loads(r.stdout)
        s = self.sources()[gone]
        self.assertEqual(printed, s)
        self.assertEqual((s["name"], s["lang"], s["time_zone"], s["refresh_minutes"],
                          s["full_text"], s["category"], s["enabled"], s["url"]),
                         ("Gazette", "ja", "Asia/Tokyo", 30, True, "News/Japan", True,
                          self.site.url("/gone.xml")))
        self.ingest("--force")
        self.assertEqual(len(self.site.seen("/gone.xml")), 2)
        # Only the options given change.
        s = json.loads(self.warta("source", "set", str(gone), "--full-text", "off").stdout)
        self.assertEqual((s["name"], s["full_text"], s["refresh_minutes"]), ("Gazette", False, 30))
        for args in (["--time-zone", "Mars/Olympus_Mons"], ["--full-text", "maybe"],
                     ["--enable", "--disable"], ["--lang", "english"]):
            r = self.warta("source", "set", str(gone), *args, ok=False)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, (args, r.stderr))
        self.assertEqual(self.sources()[gone]["time_zone"], "Asia/Tokyo")
        missing = self.warta("source", "set", "999", "--enable", ok=False)
        self.assertNotEqual(missing.returncode, 0)
        bad_zone = self.warta("source", "add", self.site.url("/a.xml"), "--time-zone", "Nowhere/Land",
                              ok=False)
        self.assertIn("unknown time zone", bad_zone.stderr)

    def test_iframes_only_from_the_configured_hosts(self):
        first = self.add_source("/video.xml", "Video Desk")
        self.ingest(env={"WARTA_INGEST_IFRAME_HOSTS": "WWW.YouTube-nocookie.com"})
        body = self.query("SELECT body_html FROM articles WHERE source_id = ?", first)[0][0]
        self.assertIn("twenty minutes", body)
        self.assertIn('<iframe src="https://www.youtube-nocookie.com/embed/fw2024"', body)
        self.assertIn("sandbox=", body)
        self.assertNotIn("tracker.example", body)
        self.assertNotIn("embed/plain", body)  # http: not https
        self.assertEqual(body.count("<iframe"), 1, body)
        # Without the setting no iframe is kept (only the new source is due).
        second = self.add_source("/video-b.xml", "Video Desk B")
        counts, _ = self.ingest()
        self.assertEqual(counts["new"], 1)
        body = self.query("SELECT body_html FROM articles WHERE source_id = ?", second)[0][0]
        self.assertIn("twenty minutes", body)
        self.assertNotIn("<iframe", body)
        bad = self.warta("ingest", "--once", env={"WARTA_INGEST_IFRAME_HOSTS": "evil.example/x"},
                         ok=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("WARTA_INGEST_IFRAME_HOSTS: not a host name", bad.stderr)

    def test_private_addresses_are_refused_without_allow_private(self):
        src = self.add_source("/a.xml", "Harbour Daily")
        counts, _ = self.ingest(env={"WARTA_FETCH_ALLOW_PRIVATE": "0"})
        self.assertEqual(counts["failed"], 1)
        self.assertEqual(self.site.seen("/a.xml"), [])
        error = self.sources()[src]["last_error"]
        self.assertIn("non-public address 127.0.0.1", error)
        self.assertIn("allow_private", error)

    def test_opml_import_keeps_categories_and_export_round_trips(self):
        path = os.path.join(self.tmp.name, "sources.opml")
        with open(path, "wb") as f:
            f.write(fixture("sources.opml", self.site.base))
        r = self.warta("opml", "import", path)
        self.assertIn("imported 3 sources", r.stdout)
        again = self.warta("opml", "import", path)
        self.assertIn("imported 0 sources (3 already present", again.stdout)
        by_name = {s["name"]: s for s in self.sources().values()}
        self.assertEqual(by_name["Harbour Daily"]["category"], "News/Coast")
        self.assertEqual(by_name["Town Bulletin"]["category"], "")
        exported = self.warta("opml", "export").stdout
        self.assertIn('<opml version="2.0"', exported)
        self.assertRegex(exported, r'<outline text="News" title="News">\s*<outline text="Coast"')
        self.assertIn('xmlUrl="%s/b.atom"' % self.site.base, exported)
        bad = run_warta("opml", "import", os.path.join(FIXTURES, "paper_a.xml"), "--db", self.db)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("not an OPML document", bad.stderr)

    def test_source_add_refuses_bad_input(self):
        for args in (["ftp://example.org/feed"], ["not a url"], ["https://x.example/", "--lang", "english"]):
            r = self.warta("source", "add", *args, ok=False)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.add_source("/a.xml", "A")
        dup = self.warta("source", "add", self.site.url("/a.xml"), ok=False)
        self.assertNotEqual(dup.returncode, 0)
        self.assertIn("already exists", dup.stderr)

    def test_serve_runs_the_scheduler_and_reports_source_health(self):
        self.add_source("/a.xml", "Harbour Daily")
        self.add_source("/flaky.xml", "Flaky Times")
        env = dict(ENV)
        env["WARTA_INGEST_INTERVAL_SECONDS"] = "1"
        server = self.serve(env=env)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.query("SELECT COUNT(*) FROM articles")[0][0] == 3:
                break
            time.sleep(0.2)
        self.assertEqual(self.query("SELECT COUNT(*) FROM articles")[0][0], 3, server.output())
        time.sleep(1.5)  # a second cycle: the health gauges are set after each run
        status, _, metrics = server.get("/metrics")
        self.assertEqual(status, 200)
        text = metrics.decode()
        self.assertRegex(text, r'warta_source_consecutive_errors\{source_id="2",source="Flaky Times"\} 1')
        self.assertRegex(text, r'warta_source_consecutive_errors\{source_id="1",source="Harbour Daily"\} 0')
        self.assertRegex(text, r'warta_ingest_articles_total 3')
        self.assertRegex(text, r'warta_sources\{state="failing"\} 1')
        status, _, home = server.get("/")
        self.assertIn("Coastal railway to reopen next month", home.decode())
        self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    unittest.main()
