"""`warta demo --articles N` (app/demo_generator.h): a generated site of 2,000 articles in a real
SQLite file, checked for counts, the shape of its distributions, consistent counters and keys,
and a search index that finds the generated words through a real server."""

import collections
import json
import re
import signal
import statistics
import tempfile
import time
import unittest
import urllib.parse

from warta_harness import Server, TestDatabase, run_warta

N = 2000
GENERATED = "url LIKE 'https://arsip.demo.warta.invalid/%'"
FIVE_YEARS = 5 * 365 * 86400


class DemoGenerateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="warta-generate-")
        cls.database = TestDatabase(cls.tmp.name)
        if cls.database.pg_name:
            raise unittest.SkipTest("the generator writes SQLite only")
        cls.started = time.time()
        cls.generated = run_warta("demo", "--articles", str(N), "--db", cls.database.url, timeout=300)
        cls.server = None

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.stop(sig=signal.SIGKILL)
        cls.database.drop()
        cls.tmp.cleanup()

    def sql(self, statement, *params):
        return self.database.sql(statement, *params)

    def scalar(self, statement, *params):
        return self.sql(statement, *params)[0][0]

    def serve(self):
        if DemoGenerateTest.server is None:
            DemoGenerateTest.server = Server(self.database.url)
        return DemoGenerateTest.server

    def test_reports_what_it_generated(self):
        self.assertEqual(self.generated.returncode, 0, self.generated.stderr)
        self.assertRegex(self.generated.stdout, r"generated %d articles \(\d+ tags" % N)
        self.assertEqual(self.scalar("SELECT count(*) FROM articles WHERE " + GENERATED), N)
        self.assertEqual(self.scalar("SELECT value FROM settings WHERE key = 'demo.generated'"),
                         str(N))

    def test_database_is_consistent(self):
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])
        # Counters equal their rows, as the like and comment writers keep them.
        self.assertEqual(self.scalar("SELECT count(*) FROM likes"),
                         self.scalar("SELECT sum(likes) FROM articles WHERE " + GENERATED) +
                         self.scalar("SELECT count(*) FROM likes l JOIN articles a "
                                     "ON a.id = l.article_id WHERE NOT a." + GENERATED))
        mismatched = self.scalar(
            "SELECT count(*) FROM articles a WHERE " + GENERATED + " AND a.comments <> "
            "(SELECT count(*) FROM comments c WHERE c.article_id = a.id "
            "AND c.status = 'published')")
        self.assertEqual(mismatched, 0)
        # Every published article is in the search index, and nothing else is (counted in
        # FTS5's docsize tables: reading the index itself needs warta's tokenizer).
        self.assertEqual(
            self.sql("SELECT id FROM search_index_docsize ORDER BY id"),
            self.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY id"))
        self.assertEqual(self.scalar("SELECT count(*) FROM article_titles_docsize"),
                         self.scalar("SELECT count(*) FROM articles"))

    def test_bodies_languages_and_dates(self):
        sizes = [r[0] for r in self.sql("SELECT length(CAST(body_html AS BLOB)) FROM articles "
                                        "WHERE " + GENERATED)]
        self.assertGreaterEqual(min(sizes), 3000)
        self.assertLessEqual(max(sizes), 8600)
        self.assertGreater(statistics.pstdev(sizes), 800)  # spread over 3-8 KB, not one size
        langs = dict(self.sql("SELECT lang, count(*) FROM articles WHERE " + GENERATED +
                              " GROUP BY lang"))
        self.assertEqual(set(langs), {"id", "en", "ja"})
        self.assertGreater(langs["id"], langs["en"])
        self.assertGreater(langs["en"], langs["ja"])
        self.assertGreater(langs["ja"], N // 20)
        first, last = self.sql("SELECT min(published_at), max(published_at) FROM articles "
                               "WHERE " + GENERATED)[0]
        self.assertGreater(last - first, 4 * 365 * 86400)
        self.assertLessEqual(last, int(time.time()))
        self.assertGreater(first, self.started - FIVE_YEARS - 86400)

    def test_tags_follow_zipf(self):
        per_article = self.sql("SELECT count(*) FROM article_tags t JOIN articles a "
                               "ON a.id = t.article_id WHERE a." + GENERATED +
                               " GROUP BY t.article_id")
        self.assertEqual(len(per_article), N)
        self.assertEqual({r[0] for r in per_article}, {3})
        uses = [r[0] for r in self.sql("SELECT count(*) AS n FROM article_tags t JOIN articles a "
                                       "ON a.id = t.article_id WHERE a." + GENERATED +
                                       " GROUP BY tag ORDER BY n DESC")]
        self.assertGreater(len(uses), 300)  # a long tail of small tags
        self.assertGreater(uses[0], N // 10)  # and a few huge ones
        self.assertGreater(uses[0], 20 * statistics.median(uses))

    def test_sections_authors_sources_pictures(self):
        sections = self.sql("SELECT s.slug, count(a.id) FROM sections s LEFT JOIN articles a "
                            "ON a.section_id = s.id AND a." + GENERATED + " GROUP BY s.id")
        self.assertEqual(len(sections), 8)
        counts = sorted(c for _, c in sections)
        self.assertGreater(counts[0], 0)
        self.assertGreater(counts[-1], 2 * counts[0])
        self.assertEqual(self.scalar("SELECT count(*) FROM articles WHERE " + GENERATED +
                                     " AND section_id IS NULL"), 0)
        self.assertGreaterEqual(self.scalar("SELECT count(*) FROM authors"), 40)
        bylined = self.scalar("SELECT count(DISTINCT article_id) FROM article_authors aa JOIN "
                              "articles a ON a.id = aa.article_id WHERE a." + GENERATED)
        self.assertTrue(N * 0.2 < bylined < N * 0.4, bylined)
        self.assertEqual(self.scalar("SELECT count(DISTINCT source) FROM articles WHERE " +
                                     GENERATED), 20)
        self.assertEqual(self.scalar("SELECT count(*) FROM sources WHERE enabled = 0 AND url "
                                     "LIKE '%.demo.warta.invalid/feed.xml'"), 20)
        if self.scalar("SELECT count(*) FROM media") > 0:  # pictures need libvips
            pictured = self.scalar("SELECT count(*) FROM articles a JOIN media m "
                                   "ON m.id = a.lead_media_id WHERE a." + GENERATED)
            self.assertTrue(N * 0.3 < pictured < N * 0.5, pictured)

    def test_engagement_is_heavy_tailed(self):
        views = sorted(r[0] for r in self.sql("SELECT views FROM articles WHERE " + GENERATED))
        self.assertGreater(views[-1], 50 * max(statistics.median(views), 1))
        liked = self.scalar("SELECT count(*) FROM articles WHERE likes > 0 AND " + GENERATED)
        commented = self.scalar("SELECT count(*) FROM articles WHERE comments > 0 AND " +
                                GENERATED)
        self.assertTrue(N * 0.15 < liked < N * 0.35, liked)
        self.assertTrue(N * 0.05 < commented < N * 0.15, commented)

    def test_search_finds_generated_words(self):
        server = self.serve()
        for word, lang in (("Kementerian", "id"), ("semiconductor", "en"), ("補正予算", "ja")):
            body = server.get_json("/api/v1/search?" + urllib.parse.urlencode({"q": word}))
            self.assertGreater(len(body["results"]), 0, word)
            first = body["results"][0]["id"]
            self.assertEqual(self.scalar("SELECT lang FROM articles WHERE id = ?", first), lang)
        # A rare word: the index finds every article whose body has it, and no other.
        bodies = self.sql("SELECT id, body_html FROM articles WHERE " + GENERATED)
        rare = collections.Counter(w for _, b in bodies
                                   for w in set(re.findall(r"(?:dekat|near) ([A-Z][a-z]+wa)\b", b)))
        word, count = min(rare.items(), key=lambda kv: (kv[1], kv[0]))
        self.assertLess(count, 20)  # the page size: every match on the first page
        expected = {i for i, b in bodies if re.search(r"\b%s\b" % word, b)}
        body = server.get_json("/api/v1/search?" + urllib.parse.urlencode({"q": word}))
        self.assertEqual({r["id"] for r in body["results"]}, expected)
        # The pages of a generated site answer.
        for path in ("/", "/rubrik/olahraga", "/tag/jepang", "/feed.xml"):
            status, _, _ = server.get(path)
            self.assertEqual(status, 200, path)

    def test_runs_once_and_refuses_postgresql(self):
        again = run_warta("demo", "--articles", "5", "--db", self.database.url)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("already loaded", again.stdout)
        self.assertEqual(self.scalar("SELECT count(*) FROM articles WHERE " + GENERATED), N)
        pg = run_warta("demo", "--articles", "5", "--db", "postgresql://nobody@127.0.0.1:1/none")
        self.assertNotEqual(pg.returncode, 0)
        self.assertIn("SQLite only", pg.stderr)
        for bad in ("0", "99999999"):
            r = run_warta("demo", "--articles", bad, "--db", self.database.url)
            self.assertNotEqual(r.returncode, 0, bad)
            self.assertIn("--articles must be between 1 and", r.stderr)


if __name__ == "__main__":
    unittest.main()
