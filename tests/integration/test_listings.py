"""Listing pages at any size (docs/decisions/0012-listings-at-scale.md): on a site of a few
thousand articles, a tag's and a section's "older" links are cursors that walk the whole
listing without repeats or gaps, old ?page= links still work, counts stop at "more than
1,000", search ranks a bounded set ("more than 1,000 results"), and a kept tag page is dropped
at once when an editor publishes into that tag. SQLite: the demo generator's site;
PostgreSQL: the same shape inserted by SQL, so the listing triggers of both backends run."""

import html
import json
import re
import unittest

from warta_harness import WartaTestCase, run_warta

N = 2500
FAST = {"WARTA_RATELIMIT_ENABLED": "0"}
NEXT = re.compile(r'<a rel="next" href="([^"]+)"')
CARD = re.compile(r'<h2 class="card-title"><a href="/artikel/(\d+)/')


class ListingsTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        if self.database.pg_name:
            self.fill_postgres()
        else:
            r = run_warta("demo", "--articles", str(N), "--db", self.db, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve(env=FAST)

    def fill_postgres(self):
        r = run_warta("migrate", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.sql("INSERT INTO sections (slug, name, created_at) VALUES ('nasional', 'Nasional', 0)")
        # Same-second articles (i / 3) so the id must break ties; every 7th a draft.
        self.sql("INSERT INTO articles (title, published_at, created_at, updated_at, body_html,"
                 " slug, lang, status, section_id) SELECT 'Berita Jepang ' || i,"
                 " 1700000000 + i / 3, 0, 0, '<p>Jepang hari ini.</p>', 'berita-' || i, 'id',"
                 " CASE WHEN i %% 7 = 0 THEN 'draft' ELSE 'published' END,"
                 " (SELECT id FROM sections WHERE slug = 'nasional')"
                 " FROM generate_series(1, %d) i" % N)
        self.sql("INSERT INTO article_tags (article_id, tag) SELECT id, 'Jepang' FROM articles")
        self.sql("INSERT INTO article_tags (article_id, tag) SELECT id, 'jepang' FROM articles"
                 " WHERE id % 5 = 0")
        self.sql("INSERT INTO article_tags (article_id, tag) SELECT id, 'Ekonomi' FROM articles"
                 " WHERE id % 9 = 0")

    def tag_truth(self, names):
        marks = ", ".join("'%s'" % n.replace("'", "''") for n in names)
        return [r[0] for r in self.sql(
            "SELECT a.id FROM articles a WHERE a.status = 'published' AND a.id IN (SELECT"
            " article_id FROM article_tags WHERE tag IN (%s))"
            " ORDER BY a.published_at DESC, a.id DESC" % marks)]

    def walk(self, path, limit=400):
        """Follows rel=next from `path`: the article ids in order, and the URLs visited."""
        ids, urls = [], []
        while path and len(urls) < limit:
            status, _, body = self.server.get(path)
            self.assertEqual(status, 200, path)
            text = body.decode()
            urls.append(path)
            ids.extend(int(i) for i in CARD.findall(text))
            found = NEXT.search(text)
            path = html.unescape(found.group(1)) if found else None
        return ids, urls

    def tag_names(self, slug):
        """The stored names of a tag slug (the site's tag directory groups them by slug)."""
        rows = self.sql("SELECT DISTINCT tag FROM article_tags")
        return [r[0] for r in rows if re.sub(r"[^a-z0-9]+", "-", r[0].lower()).strip("-") == slug]

    def test_cursor_links_walk_a_tag_without_repeats_or_gaps(self):
        # A tag of a few hundred articles: every one of them, newest first, once.
        counts = self.sql("SELECT tag, count(*) FROM article_tags GROUP BY tag")
        ascii_tags = [(abs(n - 300), t) for t, n in counts if re.fullmatch(r"[A-Za-z ]+", t)]
        slug = re.sub(r"[^a-z0-9]+", "-", min(ascii_tags)[1].lower()).strip("-")
        truth = self.tag_truth(self.tag_names(slug))
        ids, urls = self.walk("/tag/" + slug)
        self.assertEqual(ids, truth)
        self.assertTrue(all("before=" in u for u in urls[1:]), urls[:3])
        # The old ?page=2 link answers the second page.
        status, _, body = self.server.get("/tag/%s?page=2" % slug)
        self.assertEqual(status, 200)
        self.assertEqual([int(i) for i in CARD.findall(body.decode())], truth[20:40])
        # Malformed cursors are refused; a cursor past the end is the tag's 404 page.
        for bad in ("?before=abc", "?before=1.", "?before=.5", "?before=1.0", "?page=0&before=1.2"):
            self.assertEqual(self.server.get("/tag/%s%s" % (slug, bad))[0], 400, bad)
        status, _, body = self.server.get("/tag/%s?before=0.1" % slug)
        self.assertEqual(status, 404)
        self.assertIn('href="/tag/%s"' % slug, body.decode())

    def test_big_tag_count_is_bounded_and_section_walks(self):
        biggest = self.sql("SELECT tag, count(*) FROM article_tags GROUP BY tag ORDER BY 2 DESC"
                           " LIMIT 1")[0]
        slug = re.sub(r"[^a-z0-9]+", "-", biggest[0].lower()).strip("-")
        truth = self.tag_truth(self.tag_names(slug))
        status, _, body = self.server.get("/tag/" + slug)
        self.assertEqual(status, 200)
        if len(truth) > 1000:
            self.assertIn("lebih dari 1.000 artikel", body.decode())
        else:
            self.assertIn(">%s artikel<" % "{:,}".format(len(truth)).replace(",", "."),
                          body.decode())
        # A section: the first pages by cursor, newest first, no repeats.
        section = self.sql("SELECT s.slug FROM sections s JOIN articles a ON a.section_id = s.id"
                           " GROUP BY s.slug ORDER BY count(*) DESC LIMIT 1")[0][0]
        ids, urls = self.walk("/rubrik/" + section, limit=6)
        self.assertEqual(len(urls), 6)
        self.assertEqual(len(ids), len(set(ids)))
        dates = {r[0]: (r[1], r[0]) for r in self.sql(
            "SELECT id, published_at FROM articles WHERE id IN (%s)" % ", ".join(map(str, ids)))}
        keys = [dates[i] for i in ids]
        self.assertEqual(keys, sorted(keys, reverse=True))

    def test_common_word_search_is_bounded(self):
        self.sqlite_only("the PostgreSQL site here is written by SQL, which does not index it")
        status, _, body = self.server.get("/api/v1/search?q=Jepang")
        self.assertEqual(status, 200)
        found = json.loads(body)
        self.assertEqual(found["total"], 1000)
        self.assertTrue(found["total_capped"])
        self.assertEqual(len(found["results"]), 20)
        status, _, body = self.server.get("/search?q=Jepang")
        self.assertEqual(status, 200)
        self.assertIn("lebih dari 1.000 hasil", body.decode())

    def test_publishing_into_a_tag_drops_its_kept_page_at_once(self):
        r = run_warta("user", "add", "redaktur", "--role", "editor", "--db", self.db,
                      stdin="rahasia sekali\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        token = run_warta("token", "create", "redaktur", "--db", self.db).stdout.strip()
        self.assertEqual(self.server.get("/tag/jepang")[0], 200)  # kept now
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
        body = json.dumps({"title": "Kabar terbaru dari Jepang", "body_markdown": "Isi.",
                           "tags": ["Jepang"], "status": "published"}).encode()
        status, _, raw = self.server.request("POST", "/api/v1/admin/articles", headers=headers,
                                             body=body)
        self.assertEqual(status, 201, raw)
        new_id = json.loads(raw)["id"]
        status, _, page = self.server.get("/tag/jepang")
        self.assertEqual(status, 200)
        self.assertEqual(int(CARD.findall(page.decode())[0]), new_id)
        status, _, _ = self.server.request("DELETE", "/api/v1/admin/articles/%d" % new_id,
                                           headers=headers)
        self.assertEqual(status, 200)
        status, _, page = self.server.get("/tag/jepang")
        self.assertNotIn(new_id, [int(i) for i in CARD.findall(page.decode())])


if __name__ == "__main__":
    unittest.main()
