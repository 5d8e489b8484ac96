"""Feeds out, sitemaps, robots.txt and the pages' head tags
(docs/decisions/0006-feeds-out-and-seo.md), against the real binary: every RSS and Atom feed
parses with feedparser without bozo (JSON Feeds with json), links are absolute, ids survive an
edit, sitemaps are well-formed with their namespaces, JSON-LD parses with the NewsArticle
fields, and sitemap.xml becomes an index past 50,000 URLs."""

import json
import re
import sqlite3
import time
import unittest
import xml.etree.ElementTree as ET

import feedparser

from warta_harness import WartaTestCase, run_warta

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
TITLE = "Yen & saham <Tokyo> > 日本経済の見通し"
ORIGINAL = "https://mainichi.example/articles/20241101/a?x=1&y=2"


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


def meta(html, attr, name):
    m = re.search(r'<meta %s="%s" content="([^"]*)"' % (attr, re.escape(name)), html)
    return m.group(1) if m else None



def direct_db(path):
    """A plain sqlite3 connection for writing fixture rows straight into the database. The
    search index's triggers call warta's own tokenizer, which only the warta binary registers,
    so they are dropped here: these fixtures test feeds and sitemaps, not search."""
    db = sqlite3.connect(path)
    for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"):
        db.execute('DROP TRIGGER "%s"' % name)
    return db

class FeedsOutTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        now = int(time.time())
        self.added = self.add_article({
            "title": TITLE, "source": "MAINICHI", "url": ORIGINAL, "lang": "ja",
            "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 3600)),
            "body_text": "Paragraf pertama tentang ekonomi.\n\nParagraf kedua.",
            "tags": ["ekonomi", "pasar saham"]})
        self.server = self.serve(env={"WARTA_FEEDS_CACHE_SECONDS": "1"})
        self.base = "http://127.0.0.1:%d" % self.server.port

    def fetch(self, path, headers=None):
        status, head, body = self.server.get(path, headers=headers)
        self.assertEqual(status, 200, (path, body[:300]))
        return head, body

    def parse_feed(self, path, content_type):
        """RSS and Atom through feedparser (bozo must be false); JSON Feed, which Debian 12's
        feedparser 6.0 does not read, through json with the version 1.1 required members.
        Returns feedparser-shaped results either way."""
        head, body = self.fetch(path)
        self.assertTrue(head["content-type"].startswith(content_type), head["content-type"])
        if path.endswith(".json"):
            feed = self.parse_json_feed(body)
        else:
            feed = feedparser.parse(body)
            self.assertFalse(feed.bozo, (path, feed.get("bozo_exception")))
        self.assertTrue(feed.entries, path)
        for entry in feed.entries:
            self.assertTrue(entry.link.startswith(self.base + "/artikel/"), entry.link)
            self.assertTrue(entry.id.startswith(self.base + "/artikel/"), entry.id)
        return feed

    def parse_json_feed(self, body):
        doc = json.loads(body)
        self.assertEqual(doc["version"], "https://jsonfeed.org/version/1.1")
        self.assertTrue(doc["title"])
        self.assertTrue(doc["feed_url"].startswith(self.base + "/"))
        entries = []
        for item in doc["items"]:
            self.assertIsInstance(item["id"], str)
            self.assertTrue(item.get("content_html") or item.get("content_text"))
            time.strptime(item["date_published"], "%Y-%m-%dT%H:%M:%SZ")
            entry = feedparser.FeedParserDict(
                id=item["id"], link=item["url"], title=item["title"],
                summary=item["content_html"], tags=[feedparser.FeedParserDict(term=t)
                                                    for t in item.get("tags", [])])
            if "_warta" in item:
                source = item["_warta"]["source"]
                entry["source"] = feedparser.FeedParserDict(title=source["name"],
                                                            href=source.get("url"))
            entries.append(entry)
        return feedparser.FeedParserDict(feed=feedparser.FeedParserDict(title=doc["title"]),
                                         entries=entries, bozo=False)

    def ours(self, feed):
        found = [e for e in feed.entries if e.title == TITLE]
        self.assertEqual(len(found), 1, [e.title for e in feed.entries])
        return found[0]

    def test_site_feeds_parse_and_attribute(self):
        for path, ctype in (("/feed.xml", "application/rss+xml"),
                            ("/atom.xml", "application/atom+xml"),
                            ("/feed.json", "application/feed+json")):
            feed = self.parse_feed(path, ctype)
            self.assertEqual(feed.feed.title, "Media Jepang")
            entry = self.ours(feed)
            self.assertEqual(entry.id, "%s/artikel/%d" % (self.base, self.added["id"]))
            self.assertEqual(entry.link, self.base + self.added["path"])
            self.assertIn("Paragraf kedua.", entry.content[0].value if "content" in entry
                          else entry.summary)
            if path in ("/feed.xml", "/feed.json"):
                self.assertEqual(entry.source.title, "MAINICHI")
                self.assertEqual(entry.source.href, ORIGINAL)
                self.assertIn("pasar saham", [t.term for t in entry.tags])
            if path == "/atom.xml":
                self.assertIn(ORIGINAL, [l.href for l in entry.links if l.rel == "via"])
                self.assertEqual(entry.author, "MAINICHI")

    def test_source_and_tag_feeds(self):
        for path in ("/sumber/mainichi/feed.xml", "/sumber/mainichi/atom.xml",
                     "/sumber/mainichi/feed.json"):
            feed = self.parse_feed(path, "application/")
            self.ours(feed)
            self.assertTrue(feed.feed.title.endswith("MAINICHI"), feed.feed.title)
        rss = feedparser.parse(self.fetch("/sumber/the-japan-news/feed.xml")[1])
        self.assertTrue(rss.entries)
        self.assertTrue(all(e.source.title == "THE JAPAN NEWS" for e in rss.entries))
        for path in ("/tag/ekonomi/feed.xml", "/tag/pasar-saham/atom.xml",
                     "/tag/ekonomi/feed.json"):
            feed = self.parse_feed(path, "application/")
            self.ours(feed)
        for entry in self.parse_feed("/tag/ekonomi/feed.xml", "application/rss+xml").entries:
            self.assertIn("ekonomi", [t.term for t in entry.tags])
        for path in ("/sumber/no-such-outlet/feed.xml", "/tag/no-such-tag/feed.json"):
            self.assertEqual(self.server.get(path)[0], 404, path)

    def test_ids_stay_when_an_article_is_edited_and_validators_work(self):
        before = self.ours(self.parse_feed("/feed.xml", "application/rss+xml"))
        head, _ = self.fetch("/atom.xml")
        status, _, _ = self.server.get("/atom.xml", headers={"If-None-Match": head["etag"]})
        self.assertEqual(status, 304)
        self.assertIn("last-modified", head)
        # An editor's change: new title (so a new slug), new body, new version.
        with direct_db(self.db_path) as db:
            db.execute("UPDATE articles SET title = ?, slug = ?, body_html = ?, "
                       "version = version + 1, updated_at = ? WHERE id = ?",
                       ("Judul baru & diperbarui", "judul-baru", "<p>Isi baru.</p>",
                        int(time.time()), self.added["id"]))
        time.sleep(1.2)  # feeds.cache_seconds = 1
        for path in ("/feed.xml", "/atom.xml", "/feed.json"):
            feed = self.parse_feed(path, "application/")
            edited = [e for e in feed.entries if e.title == "Judul baru & diperbarui"]
            self.assertEqual(len(edited), 1, path)
            self.assertEqual(edited[0].id, before.id)
            self.assertTrue(edited[0].link.endswith("/judul-baru"), edited[0].link)

    def test_sitemaps_and_robots(self):
        _, body = self.fetch("/sitemap.xml")
        root = ET.fromstring(body)
        self.assertEqual(root.tag, SM + "urlset")
        locs = [u.find(SM + "loc").text for u in root.findall(SM + "url")]
        self.assertIn(self.base + "/", locs)
        self.assertIn(self.base + self.added["path"], locs)
        self.assertTrue(all(l.startswith(self.base + "/") for l in locs))
        self.assertTrue(all(u.find(SM + "lastmod") is not None for u in root.findall(SM + "url")))

        _, body = self.fetch("/news-sitemap.xml")
        self.assertIn(b"&amp;", body)
        root = ET.fromstring(body)
        self.assertEqual(root.tag, SM + "urlset")
        urls = root.findall(SM + "url")
        self.assertTrue(0 < len(urls) <= 1000)
        ours = [u for u in urls if u.find(SM + "loc").text == self.base + self.added["path"]]
        self.assertEqual(len(ours), 1)
        news = ours[0].find(NEWS + "news")
        self.assertEqual(news.find(NEWS + "title").text, TITLE)
        self.assertEqual(news.find(NEWS + "publication/" + NEWS + "name").text, "Media Jepang")
        self.assertEqual(news.find(NEWS + "publication/" + NEWS + "language").text, "ja")
        cutoff = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 48 * 3600 - 60))
        for url in urls:
            self.assertGreaterEqual(url.find(NEWS + "news/" + NEWS + "publication_date").text,
                                    cutoff)

        head, body = self.fetch("/robots.txt")
        text = body.decode()
        self.assertTrue(head["content-type"].startswith("text/plain"))
        self.assertIn("Disallow: /api/\n", text)
        self.assertIn("Sitemap: %s/sitemap.xml\n" % self.base, text)
        self.assertIn("Sitemap: %s/news-sitemap.xml\n" % self.base, text)

    def test_article_head_has_canonical_og_and_news_article(self):
        _, body = self.fetch(self.added["path"])
        html = body.decode()
        canonical = self.base + self.added["path"]
        self.assertIn('<link rel="canonical" href="%s">' % canonical, html)
        self.assertEqual(meta(html, "property", "og:url"), canonical)
        self.assertEqual(meta(html, "property", "og:type"), "article")
        self.assertTrue(meta(html, "property", "og:image").startswith(self.base + "/static/"))
        self.assertEqual(meta(html, "name", "twitter:card"), "summary_large_image")
        self.assertIn("max-image-preview:large", meta(html, "name", "robots"))
        self.assertTrue(meta(html, "name", "description"))
        docs = json_ld(html)
        self.assertEqual(len(docs), 1)
        ld = docs[0]
        self.assertEqual(ld["@type"], "NewsArticle")
        self.assertEqual(ld["headline"], TITLE)
        for key in ("image", "datePublished", "dateModified", "author", "publisher"):
            self.assertTrue(ld.get(key), key)
        self.assertEqual(ld["isBasedOn"], ORIGINAL)
        self.assertEqual(ld["sourceOrganization"]["name"], "MAINICHI")
        self.assertEqual(ld["author"][0]["name"], "MAINICHI")
        self.assertEqual(ld["publisher"]["name"], "Media Jepang")
        self.assertTrue(ld["publisher"]["logo"]["url"].startswith(self.base + "/static/"))
        self.assertNotIn("</", re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
        status, head, _ = self.server.get("/static/logo.png")
        self.assertEqual((status, head["content-type"]), (200, "image/png"))

    def test_source_canonical_policy_original_defers_to_the_outlet(self):
        r = run_warta("source", "add", "http://127.0.0.1:9/mainichi.xml", "--name", "MAINICHI",
                      "--disabled", "--canonical", "original", "--db", self.db,
                      env={"WARTA_FETCH_ALLOW_PRIVATE": "1"})  # a loopback URL (issue 16)
        self.assertEqual(r.returncode, 0, r.stderr)
        source_id = json.loads(r.stdout)["id"]
        r = run_warta("source", "list", "--json", "--db", self.db)
        self.assertEqual(json.loads(r.stdout)["sources"][0]["canonical"], "original")
        db = direct_db(self.db_path)
        # What ingest would have stored: the article came from that source. The new version
        # lets the running server's page cache see it.
        db.execute("UPDATE articles SET source_id = ?, version = version + 1 WHERE id = ?",
                   (source_id, self.added["id"]))
        db.commit()
        db.close()
        ours = self.base + self.added["path"]
        escaped = ORIGINAL.replace("&", "&amp;")

        def head_until(expected_canonical):
            deadline = time.time() + 15  # the page cache re-reads an article every 5 s
            while True:
                html = self.fetch(self.added["path"])[1].decode()
                if '<link rel="canonical" href="%s">' % expected_canonical in html:
                    return html
                self.assertLess(time.time(), deadline, "canonical never became " +
                                expected_canonical)
                time.sleep(0.5)

        html = head_until(escaped)
        self.assertEqual(meta(html, "property", "og:url"), ours)  # shares still come here
        time.sleep(1.1)  # feeds.cache_seconds
        sitemap = self.fetch("/sitemap.xml")[1].decode()
        self.assertNotIn(ours, sitemap)
        self.assertIn(self.base + "/", sitemap)
        self.assertNotIn(ours, self.fetch("/news-sitemap.xml")[1].decode())

        # Back to the default: `source set` bumps the source's articles, pages follow.
        r = run_warta("source", "set", str(source_id), "--canonical", "self", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["canonical"], "self")
        head_until(ours)
        time.sleep(1.1)
        self.assertIn(ours, self.fetch("/sitemap.xml")[1].decode())
        bad = run_warta("source", "set", str(source_id), "--canonical", "elsewhere",
                        "--db", self.db)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("canonical", bad.stderr)

    def test_home_head_has_website_and_feed_links(self):
        _, body = self.fetch("/")
        html = body.decode()
        self.assertIn('<link rel="canonical" href="%s/">' % self.base, html)
        self.assertEqual(meta(html, "property", "og:type"), "website")
        self.assertEqual(json_ld(html)[0]["@type"], "WebSite")
        for t in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
            self.assertIn('rel="alternate" type="%s"' % t, html)


class SitemapIndexTest(WartaTestCase):
    """50,001 articles (written straight into the database: the CLI would take minutes) make
    50,002 URLs with the home page: an index of two sitemap pages."""

    def test_index_beyond_50000_urls(self):
        r = run_warta("migrate", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        now = int(time.time())
        with direct_db(self.db_path) as db:
            db.executemany(
                "INSERT INTO articles (title, published_at, created_at, updated_at, body_html, "
                "slug) VALUES (?, ?, ?, ?, '<p>x</p>', ?)",
                (("Artikel %d" % i, now - i, now, now, "artikel-%d" % i) for i in range(50001)))
        server = self.serve()
        base = "http://127.0.0.1:%d" % server.port
        status, _, body = server.get("/sitemap.xml")
        self.assertEqual(status, 200)
        root = ET.fromstring(body)
        self.assertEqual(root.tag, SM + "sitemapindex")
        locs = [s.find(SM + "loc").text for s in root.findall(SM + "sitemap")]
        self.assertEqual(locs, [base + "/sitemap-1.xml", base + "/sitemap-2.xml"])
        seen = []
        for loc, expected in zip(locs, (50000, 2)):
            status, _, body = server.get(loc[len(base):])
            self.assertEqual(status, 200)
            page = ET.fromstring(body)
            self.assertEqual(page.tag, SM + "urlset")
            urls = [u.find(SM + "loc").text for u in page.findall(SM + "url")]
            self.assertEqual(len(urls), expected)
            seen += urls
        self.assertEqual(len(set(seen)), 50002)
        self.assertEqual(seen[0], base + "/")
        self.assertEqual(server.get("/sitemap-3.xml")[0], 404)
        self.assertEqual(server.get("/sitemap-x.xml")[0], 404)


if __name__ == "__main__":
    unittest.main()
