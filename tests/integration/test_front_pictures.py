"""Feed pictures end to end (docs/decisions/0010-pictures.md, "Ingest"): real feeds of
/work/shared/corpus carrying media:thumbnail, media:content and enclosure, and an article page
carrying og:image, are ingested from a loopback HTTP server that also serves the pictures
(drawn here as PNGs); the pictures are taken in once each and become the articles' lead
pictures, served from /media/ only; a picture that fails never holds its article back. Then
the front page, a section page and the article page show them, naming no other host."""

import json
import os
import re
import struct
import threading
import zlib

import http.server

from warta_harness import SHARED, WartaTestCase, run_warta

CORPUS = os.path.join(SHARED, "corpus", "feeds")
ENV = {"WARTA_FETCH_ALLOW_PRIVATE": "1", "WARTA_LOG_LEVEL": "warn"}


def png(seed, width=800, height=500):
    """A gradient picture whose colours follow `seed`: different seeds, different bytes."""
    r0, g0, b0 = (seed * 67) % 256, (seed * 131) % 256, (seed * 29) % 256
    rows = []
    for y in range(height):
        row = bytearray(b"\0")
        for x in range(width):
            row += bytes(((r0 + x // 4) % 256, (g0 + y // 3) % 256, (b0 + (x + y) // 8) % 256))
        rows.append(bytes(row))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def corpus_feed(relative, base, items=None):
    """A corpus feed with its picture hosts pointed at the loopback server (/img/...) and,
    for feeds without them, titles and links so each item is an article."""
    with open(os.path.join(CORPUS, relative), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'https?://(c\.files\.bbci\.co\.uk|example\.com|example\.org)/',
                  base + "/img/", text)
    return text.encode("utf-8")


ENCLOSURE_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Ferry timetable changes for the winter</title><guid>enc-1</guid>
<link>{BASE}/stories/ferry</link>
<description>The ferry runs every forty minutes from December on.</description>
<enclosure url="{BASE}/img/podcast.mp3" length="1234" type="audio/mpeg"/>
<enclosure url="{BASE}/img/ferry.png" length="5678" type="image/png"/></item>
<item><title>Lighthouse reopens after repairs</title><guid>enc-2</guid>
<link>{BASE}/stories/lighthouse</link>
<description>Visitors may climb the tower again from Saturday.</description>
<enclosure url="{BASE}/img/missing.jpg" length="10" type="image/jpeg"/></item>
<item><title>Market hall sells the same picture twice</title><guid>enc-3</guid>
<link>{BASE}/stories/market</link>
<description>A second item naming another URL with the same bytes.</description>
<enclosure url="{BASE}/img/ferry-copy.png" length="5678" type="image/png"/></item>
<item><title>Not a picture behind a picture's name</title><guid>enc-4</guid>
<link>{BASE}/stories/fake</link>
<description>The enclosure is an HTML page named .png.</description>
<enclosure url="{BASE}/img/fake.png" length="10" type="image/png"/></item>
</channel></rss>"""

PAGE_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Garden Weekly</title>
<item><title>Autumn roses in the old botanical garden</title><guid>og-1</guid>
<link>{BASE}/stories/roses.html</link>
<description>Roses bloom late this year.</description></item></channel></rss>"""

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Autumn roses in the old botanical garden</title>
<meta property="og:image" content="{BASE}/img/roses.png"></head><body><article>
<h1>Autumn roses in the old botanical garden</h1>
""" + "".join("<p>The roses of the old botanical garden bloom late this year: paragraph %d "
              "tells of gardeners, visitors and the weather of a long and mild autumn.</p>" % i
              for i in range(12)) + """
<p><img src="https://tracker.example/pixel.gif" alt=""></p></article></body></html>"""


class PictureSite:
    """Feeds, one article page and pictures on 127.0.0.1:0; records every path asked for."""

    def __init__(self):
        self.paths = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.paths.append(self.path)
                status, kind, body = site.route(self.path)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.pictures = {}
        self.lock = threading.Lock()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return self.base + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def picture(self, name):
        # Requests arrive on several threads: the seed follows the name, not the order.
        with self.lock:
            if name not in self.pictures:
                self.pictures[name] = png(zlib.crc32(name.encode()) % 997 + 1)
            return self.pictures[name]

    def route(self, path):
        fill = lambda text: text.replace("{BASE}", self.base).encode("utf-8")
        if path == "/bbc.xml":
            return 200, "application/rss+xml", corpus_feed("miniflux/parser/urdu_UTF8.xml", self.base)
        if path == "/media.xml":
            body = corpus_feed("gofeed/extensions/media/feed_item_image_-_rss_channel_item_media.xml",
                               self.base)
            return 200, "application/rss+xml", body
        if path == "/enclosure.xml":
            return 200, "application/rss+xml", fill(ENCLOSURE_FEED)
        if path == "/garden.xml":
            return 200, "application/rss+xml", fill(PAGE_FEED)
        if path == "/stories/roses.html":
            return 200, "text/html; charset=utf-8", fill(PAGE)
        if path == "/img/fake.png":
            return 200, "image/png", b"<!DOCTYPE html><html><body>not a picture</body></html>"
        if path == "/img/ferry-copy.png":
            return 200, "image/png", self.picture("/img/ferry.png")
        if path.startswith("/img/") and not path.endswith((".mp3", "missing.jpg")):
            return 200, "image/png", self.picture(path)
        return 404, "text/plain", b"not found"


class FrontPicturesTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.site = PictureSite()

    def tearDown(self):
        super().tearDown()
        self.site.close()

    def warta(self, *args):
        r = run_warta(*args, "--db", self.db, env=ENV, timeout=300)
        self.assertEqual(r.returncode, 0, (args, r.stdout, r.stderr))
        return r

    def query(self, sql):
        import sqlite3
        con = sqlite3.connect(self.db_path)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def test_feed_pictures_become_lead_pictures_served_from_media_only(self):
        self.warta("migrate")
        for path, name in (("/bbc.xml", "BBC Urdu"), ("/media.xml", "Blog"),
                           ("/enclosure.xml", "Harbour Post")):
            self.warta("source", "add", self.site.url(path), "--name", name)
        self.warta("source", "add", self.site.url("/garden.xml"), "--name", "Garden Weekly",
                   "--full-text")
        r = self.warta("ingest", "--once")
        self.assertIn(" 0 failed", r.stdout)

        by_title = {t: m for t, m in self.query("SELECT title, lead_media_id FROM articles")}
        # Every article was stored, the ones whose picture failed too.
        self.assertIn("Lighthouse reopens after repairs", by_title)
        self.assertEqual(by_title["Lighthouse reopens after repairs"], 0)  # 404
        self.assertEqual(by_title["Not a picture behind a picture's name"], 0)  # HTML as .png
        # enclosure (the image one of two), media:content, og:image of the page.
        self.assertGreater(by_title["Ferry timetable changes for the winter"], 0)
        self.assertGreater(by_title["rss item image from media content"], 0)
        self.assertGreater(by_title["Autumn roses in the old botanical garden"], 0)
        # The same bytes under two URLs are one picture.
        self.assertEqual(by_title["Market hall sells the same picture twice"],
                         by_title["Ferry timetable changes for the winter"])
        # media:thumbnail of the BBC feed: every item with one got its picture.
        bbc = self.query("SELECT count(*), sum(lead_media_id > 0) FROM articles a JOIN sources s "
                         "ON s.id = a.source_id WHERE s.name = 'BBC Urdu'")[0]
        self.assertGreater(bbc[0], 10)
        self.assertEqual(bbc[0], bbc[1])
        asked = [p for p in self.site.paths if p.startswith("/img/")]
        self.assertNotIn("/img/podcast.mp3", asked)  # not an image enclosure
        media_rows = self.query("SELECT count(*), count(DISTINCT sha256) FROM media")[0]
        self.assertEqual(media_rows[0], media_rows[1])
        self.assertEqual(media_rows[0], len(set(self.site.pictures.values())))
        origins = {o for (o,) in self.query("SELECT origin_url FROM media")}
        self.assertIn(self.site.url("/img/roses.png"), origins)

        server = self.serve(env=ENV)
        pages = ["/"]
        for (aid,) in self.query("SELECT id FROM articles WHERE lead_media_id > 0 LIMIT 3"):
            pages.append("/artikel/%d" % aid)
        roses = self.query("SELECT id FROM articles WHERE title LIKE 'Autumn roses%'")[0][0]
        pages.append("/artikel/%d" % roses)
        for path in pages:
            status, _, body = server.get(path)
            text = body.decode("utf-8")
            self.assertEqual(status, 200, path)
            urls = re.findall(r'(?:src|srcset)="([^"]+)"', text)
            self.assertTrue(urls, path)
            for attr in urls:
                for url in re.split(r",\s*", attr):
                    self.assertTrue(url.startswith("/"), (path, url))
            # What a browser loads by itself: stylesheets, icons, scripts, pictures. (Links to
            # the original article, in <a> and JSON-LD, are not requests.)
            loads = re.findall(r'<link rel="(?:stylesheet|icon|preload)"[^>]*href="([^"]+)"', text)
            loads += re.findall(r'<script[^>]+src="([^"]+)"', text)
            for url in loads:
                self.assertTrue(url.startswith("/"), (path, url))
            self.assertNotIn("tracker.example", text, path)
        status, _, body = server.get("/artikel/%d" % roses)
        lead = re.search(r'<img id="lead-image" src="(/media/[^"]+\.jpg)"[^>]*>', body.decode())
        self.assertIsNotNone(lead)
        self.assertIn('width="', lead.group(0))
        self.assertNotIn('loading="lazy"', lead.group(0))
        status, headers, picture = server.get(lead.group(1))
        self.assertEqual(status, 200)
        self.assertEqual(picture[:3], b"\xff\xd8\xff")
        status, _, body = server.get("/")
        home = body.decode("utf-8")
        self.assertGreaterEqual(home.count("<picture>"), 5)
        self.assertIn('loading="lazy"', home)  # cards below the lead
        self.assertIn('fetchpriority="high"', home)  # the lead story's picture


if __name__ == "__main__":
    import unittest
    unittest.main()
