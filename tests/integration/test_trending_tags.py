"""The most popular list ("Terpopuler") on the home, article and tag pages, kept from a
time-decayed score (docs/decisions/0005-trending-and-tags.md); tag pages with pagination;
related articles on the article page."""

import datetime
import re
import time
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parse_page

FAST = {"WARTA_RATELIMIT_ENABLED": "0", "WARTA_TRENDING_REFRESH_SECONDS": "1"}


def rfc3339(seconds_ago=0):
    t = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=seconds_ago)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def popular_paths(body):
    """The article paths of the most popular list, in order ([] when there is none)."""
    m = re.search(r'<aside class="popular".*?</aside>', body.decode(), re.S)
    return re.findall(r'<li><a href="([^"]+)"', m.group(0)) if m else []


def related_paths(body):
    m = re.search(r'<section class="related".*?</section>', body.decode(), re.S)
    return re.findall(r'<li><a href="([^"]+)"', m.group(0)) if m else []


class TrendingTest(WartaTestCase):
    def wait_for(self, fetch, expected, timeout=15):
        deadline = time.time() + timeout
        got = None
        while time.time() < deadline:
            got = fetch()
            if got == expected:
                return
            time.sleep(0.2)
        self.assertEqual(got, expected)

    def home_popular(self, server):
        status, _, body = server.get("/")
        self.assertEqual(status, 200)
        return popular_paths(body)

    def test_views_likes_and_shares_lift_an_article_on_home_and_article_pages(self):
        a = self.add_article({"title": "Artikel A", "body_text": "Satu.", "views": 30,
                              "tags": ["Ekonomi"]})
        b = self.add_article({"title": "Artikel B", "body_text": "Dua.", "tags": ["Ekonomi"]})
        server = self.serve(env=FAST)
        # B has no engagement yet: only A is listed.
        self.wait_for(lambda: self.home_popular(server), [a["path"]])
        page = server.get(b["path"])[2]
        self.assertEqual(popular_paths(page), [a["path"]])
        self.assertIn("Terpopuler", page.decode())

        # B: two likes (10), one share (10) and views from fifteen readers: 35 and more; A gets
        # one more view when its page is read below (31).
        api = "/api/v1/articles/%d" % b["id"]
        for i in range(2):
            reader = Client(server, agent="reader-%d" % i)
            reader.session()
            self.assertEqual(reader.request("POST", api + "/like").status, 200)
        sharer = Client(server, agent="sharer")
        sharer.session()
        self.assertEqual(sharer.request("POST", api + "/share?network=whatsapp").status, 200)
        for i in range(15):
            status, _, _ = server.get(b["path"], headers={"User-Agent": "viewer-%d" % i})
            self.assertEqual(status, 200)
        # Views reach the score with the flush (every second), lists within a refresh.
        self.wait_for(lambda: self.home_popular(server), [b["path"], a["path"]])
        self.wait_for(lambda: popular_paths(server.get(a["path"])[2]), [b["path"], a["path"]])

    def test_an_older_event_counts_less(self):
        # A half-life of 2 s: A's 80 imported views, 6 s old, are worth 10; B's 20 fresh ones 20.
        server = self.serve(env=dict(FAST, WARTA_TRENDING_HALF_LIFE_SECONDS="2"))
        a = self.add_article({"title": "Lama", "body_text": "x", "views": 80,
                              "published": rfc3339(6)})
        b = self.add_article({"title": "Baru", "body_text": "y", "views": 20,
                              "published": rfc3339(0)})
        self.wait_for(lambda: self.home_popular(server), [b["path"], a["path"]])

    def test_without_decay_the_bigger_count_wins(self):
        # The same articles under the default half-life of a day: A stays on top.
        server = self.serve(env=FAST)
        a = self.add_article({"title": "Lama", "body_text": "x", "views": 80,
                              "published": rfc3339(6)})
        b = self.add_article({"title": "Baru", "body_text": "y", "views": 20,
                              "published": rfc3339(0)})
        self.wait_for(lambda: self.home_popular(server), [a["path"], b["path"]])


class TagPagesTest(WartaTestCase):
    def test_tag_page_paginates_and_unknown_tags_are_404(self):
        paths = []
        for i in range(25):
            paths.append(self.add_article({
                "title": "Berita ekonomi %d" % i, "body_text": "Isi %d." % i,
                "published": rfc3339(1000 - i), "tags": ["Ekonomi Jepang", "Bisnis"]})["path"])
        other = self.add_article({"title": "Resep", "body_text": "Masak.", "tags": ["Kuliner"]})
        evil = self.add_article({"title": "Evil", "body_text": "e", "tags": ["<b>x</b>"]})
        server = self.serve(env=FAST)

        status, _, body = server.get("/tag/ekonomi-jepang")
        self.assertEqual(status, 200)
        text = body.decode()
        listed = re.findall(r'<h2 class="card-title"><a href="([^"]+)"', text)
        self.assertEqual(listed, list(reversed(paths))[:20])  # newest first
        self.assertNotIn(other["path"], text)
        self.assertIn("25 artikel", text)
        # "Older" is a cursor (the last listed article); ?page=2 still works.
        self.assertRegex(text, r'href="/tag/ekonomi-jepang\?page=2&amp;before=\d+\.%s"'
                         % paths[5].split("/")[2])
        self.assertIn('href="/tag/bisnis"', text)  # tags of listed articles are links

        status, _, body = server.get("/tag/ekonomi-jepang?page=2")
        self.assertEqual(status, 200)
        listed = re.findall(r'<h2 class="card-title"><a href="([^"]+)"', body.decode())
        self.assertEqual(listed, list(reversed(paths))[20:])

        # Past the last page: 404, with the tag and a link back to its first page.
        status, _, body = server.get("/tag/ekonomi-jepang?page=3")
        self.assertEqual(status, 404)
        self.assertIn('href="/tag/ekonomi-jepang"', body.decode())
        for bad in ("?page=0", "?page=abc", "?page=-1", "?page=99999999999999999999"):
            self.assertEqual(server.get("/tag/ekonomi-jepang" + bad)[0], 400, bad)
        for unknown in ("/tag/tidak-ada", "/tag/EKONOMI-JEPANG", "/tag/%3Cscript%3E",
                        "/tag/" + "a" * 300, "/tag/ekonomi-jepang/extra"):
            self.assertEqual(server.get(unknown)[0], 404, unknown)

        # The index lists every tag with its count; markup in tag names is escaped.
        status, _, body = server.get("/tag")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertIn('<a href="/tag/ekonomi-jepang">Ekonomi Jepang</a>', text)
        self.assertIn('<a href="/tag/kuliner">Kuliner</a> <span class="tag-count">1 artikel',
                      text)
        self.assertNotIn("<b>x</b>", text)
        self.assertIn("&lt;b&gt;x&lt;/b&gt;", text)

        # The article page links its tags.
        status, _, body = server.get(evil["path"])
        self.assertEqual(status, 200)
        self.assertNotIn("<b>x</b>", body.decode())
        status, _, body = server.get(paths[0])
        self.assertIn('<a href="/tag/ekonomi-jepang">Ekonomi Jepang</a>', body.decode())

    def test_tag_page_has_its_own_popular_list(self):
        a = self.add_article({"title": "A", "body_text": "a", "tags": ["Politik"], "views": 5})
        b = self.add_article({"title": "B", "body_text": "b", "tags": ["Olahraga"], "views": 50})
        server = self.serve(env=FAST)
        status, _, body = server.get("/tag/politik")
        self.assertEqual(status, 200)
        self.assertEqual(popular_paths(body), [a["path"]])  # B is more popular, but not tagged
        deadline = time.time() + 15
        while popular_paths(server.get("/")[2]) != [b["path"], a["path"]]:
            self.assertLess(time.time(), deadline)
            time.sleep(0.2)

    def test_a_tag_added_while_serving_gets_its_page(self):
        server = self.serve(env=FAST)
        self.assertEqual(server.get("/tag/baru")[0], 404)
        self.add_article({"title": "Baru", "body_text": "x", "tags": ["Baru"]})
        deadline = time.time() + 10
        while server.get("/tag/baru")[0] != 200:
            self.assertLess(time.time(), deadline)
            time.sleep(0.3)


class RelatedTest(WartaTestCase):
    def test_same_story_first_then_shared_tags(self):
        subject = self.add_article({"title": "Gempa di Jepang utara", "body_text": "a",
                                    "tags": ["Gempa", "Jepang"]})
        story = self.add_article({"title": "Laporan lain", "body_text": "b"})
        tagged = self.add_article({"title": "Susulan", "body_text": "c",
                                   "tags": ["Gempa", "Jepang"]})
        one_tag = self.add_article({"title": "Wisata", "body_text": "d", "tags": ["Jepang"]})
        unrelated = self.add_article({"title": "Resep", "body_text": "e", "tags": ["Kuliner"]})
        # Story clusters come from ingest; here the cluster is set in the database directly.
        ((story_id,),) = self.sql("INSERT INTO stories (created_at, updated_at) VALUES (0, 0) "
                                  "RETURNING id")
        self.sql("UPDATE articles SET story_id = ? WHERE id IN (?, ?)",
                 story_id, subject["id"], story["id"])
        server = self.serve(env=FAST)
        status, _, body = server.get(subject["path"])
        self.assertEqual(status, 200)
        self.assertEqual(related_paths(body), [story["path"], tagged["path"], one_tag["path"]])
        self.assertNotIn(unrelated["path"], related_paths(body))
        self.assertIn("Artikel terkait", body.decode())
        parsed = parse_page(body)
        self.assertEqual(parsed.id_counts.get("headline"), 1)  # no id clashes on the page


if __name__ == "__main__":
    unittest.main()
