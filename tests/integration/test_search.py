"""Full-text search end to end (docs/api.md#search): the seed article, Indonesian and Japanese
articles written here, filters, pagination and hostile input, through GET /search and GET
/api/v1/search on a real server over a real SQLite file."""

import gzip
import json
import os
import signal
import tempfile
import time
import unittest
import urllib.parse

from warta_harness import Server, TestDatabase, parse_page, read_seed, run_warta

INDONESIAN = {
    "title": "Jepang dan Uni Eropa perkuat kemitraan keamanan",
    "source": "ANTARA", "lang": "id", "published": "2024-11-02T10:00:00+07:00",
    "tags": ["pertahanan", "Eropa"],
    "body_text": "Tokyo dan Brussel menandatangani kemitraan keamanan dan pertahanan baru.\n\n"
                 "Kedua pihak sepakat bertukar informasi tentang ancaman siber.",
}
JAPANESE = {
    "title": "日欧、安全保障で新たな枠組み",
    "source": "NHK", "lang": "ja", "published": "2024-11-03T09:00:00+09:00",
    "tags": ["外交"],
    "body_text": "日本と欧州連合は防衛分野での協力を強化する。\n\n両者は定期的な協議を続ける。",
}
PAGED_COUNT = 23  # more than one HTML page (20 results)


def q(text, **params):
    params["q"] = text
    return urllib.parse.urlencode(params)


class SearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="warta-search-")
        cls.database = TestDatabase(cls.tmp.name)
        cls.db = cls.database.url
        headline, source, paragraphs = read_seed()
        cls.seed_title = headline
        cls.seed = cls.add({"title": headline, "source": source, "lang": "en",
                            "published": "2024-11-01T12:00:00+09:00",
                            "body_text": "\n\n".join(paragraphs), "views": 27})
        cls.indonesian = cls.add(INDONESIAN)
        cls.japanese = cls.add(JAPANESE)
        cls.paged = [cls.add({"title": "Topan %d mendekati Okinawa" % i, "source": "KYODO",
                              "lang": "id", "published": "2024-10-%02dT08:00:00Z" % (i + 1),
                              "body_text": "Badai topan bergerak ke utara."})
                     for i in range(PAGED_COUNT)]
        cls.server = Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop(sig=signal.SIGKILL)
        cls.database.drop()
        cls.tmp.cleanup()

    @classmethod
    def add(cls, article):
        path = os.path.join(cls.tmp.name, "article-%d.json" % time.monotonic_ns())
        with open(path, "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)
        r = run_warta("article", "add", "--db", cls.db, "--json", path)
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    def api(self, query_string, status=200):
        got, headers, body = self.server.get("/api/v1/search?" + query_string)
        self.assertEqual(got, status, body[:300])
        self.assertIn("application/json", headers["content-type"])
        return json.loads(body)

    def ids(self, text, **params):
        return [r["id"] for r in self.api(q(text, **params))["results"]]

    def hit(self, found, article):
        return next(r for r in found["results"] if r["id"] == article["id"])

    # --- What README "Search" promises ---

    def test_seed_article_is_found_by_a_name_and_by_a_stemmed_form(self):
        for word in ("Borrell", "agreeing"):
            found = self.api(q(word))
            self.assertEqual(self.ids(word), [self.seed["id"]], word)
            hit = self.hit(found, self.seed)
            self.assertEqual(hit["title"], self.seed_title)
            self.assertEqual(hit["path"], self.seed["path"])
            self.assertEqual(hit["source"], "MAINICHI")
            self.assertEqual(hit["published"], "2024-11-01T03:00:00Z")
            self.assertIn("<mark>", hit["snippet"], word)
            self.assertEqual(found["total"], 1)
            self.assertEqual(found["page"], 1)
        self.assertIn("<mark>Borrell</mark>", self.hit(self.api(q("Borrell")), self.seed)["snippet"])
        # "agreeing" meets "agree" in the title and "agreed" in the body.
        agreeing = self.hit(self.api(q("agreeing")), self.seed)
        self.assertIn("<mark>agree</mark>", agreeing["title_html"])

    def test_indonesian_article_is_found_by_another_affixed_form(self):
        found = self.api(q("bermitra"))
        self.assertEqual([r["id"] for r in found["results"]], [self.indonesian["id"]])
        self.assertIn("<mark>kemitraan</mark>", found["results"][0]["snippet"])
        status, _, body = self.server.get(found["results"][0]["path"])
        self.assertEqual(status, 200)
        self.assertIn("kemitraan keamanan", parse_page(body).texts["body"])
        # The phrase, and its words in another order (no longer a phrase, still both words).
        self.assertEqual(self.ids('"kemitraan keamanan"'), [self.indonesian["id"]])
        self.assertEqual(self.ids('"keamanan kemitraan"'), [])
        self.assertEqual(self.ids("keamanan kemitraan"), [self.indonesian["id"]])

    def test_japanese_article_is_found_by_a_word_inside_a_sentence(self):
        found = self.api(q("防衛"))
        self.assertEqual([r["id"] for r in found["results"]], [self.japanese["id"]])
        self.assertIn("日本と欧州連合は<mark>防衛</mark>分野での協力を強化する",
                      found["results"][0]["snippet"])
        self.assertEqual(found["results"][0]["lang"], "ja")
        # Two words without a space between them are a phrase.
        self.assertEqual(self.ids("防衛分野"), [self.japanese["id"]])
        self.assertEqual(self.ids("分野防衛"), [])
        # Full-width Latin letters fold to ASCII (NFKC): "ＢＯＲＲＥＬＬ" is "borrell".
        self.assertEqual(self.ids("ＢＯＲＲＥＬＬ"), [self.seed["id"]])

    # --- the HTML page ---

    def test_html_page_shows_highlighted_results_and_the_form(self):
        status, headers, body = self.server.get("/search?" + q("Borrell"))
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["content-type"])
        html = body.decode()
        self.assertIn('href="%s"' % self.seed["path"], html)
        self.assertIn("<mark>Borrell</mark>", html)
        self.assertIn('id="search-q" type="search" name="q" value="Borrell"', html)
        self.assertIn('<label for="search-q">', html)
        self.assertIn("1 hasil", html)  # the site's locale is id
        self.assertIn('<meta name="robots" content="noindex">', html)
        # One search box on the search page (its own, with the filters); the header's box is
        # on every other page.
        self.assertEqual(html.count('type="search" name="q"'), 1)
        self.assertNotIn('<form class="search-form"', html)
        status, _, home = self.server.get("/")
        self.assertIn('<form class="search-form" role="search" method="get" action="/search">',
                      home.decode())

    def test_html_page_empty_states(self):
        status, _, body = self.server.get("/search")
        self.assertEqual(status, 200)
        html = body.decode()
        self.assertIn('role="search"', html)
        self.assertNotIn('class="result-count"', html)
        status, _, body = self.server.get("/search?" + q("zzzqqqxxx"))
        self.assertEqual(status, 200)
        self.assertIn("Tidak ada berita yang cocok.", body.decode())

    def test_html_page_paginates_with_filters_in_the_links(self):
        status, _, body = self.server.get("/search?" + q("topan", source="KYODO"))
        self.assertEqual(status, 200)
        html = body.decode()
        self.assertEqual(html.count('<article class="card">'), 20)
        self.assertIn('rel="next" href="/search?q=topan&amp;source=KYODO&amp;page=2"', html)
        status, _, body = self.server.get("/search?" + q("topan", source="KYODO", page=2))
        html = body.decode()
        self.assertEqual(html.count('<article class="card">'), PAGED_COUNT - 20)
        self.assertIn('rel="prev"', html)
        self.assertNotIn('rel="next"', html)
        # Past the last page: a message and a way back, not an error.
        status, _, body = self.server.get("/search?" + q("topan", page=7))
        self.assertEqual(status, 200)
        self.assertIn("Tidak ada hasil di halaman ini.", body.decode())

    def test_markup_in_queries_is_escaped(self):
        status, _, body = self.server.get("/search?" + q('<script>alert(1)</script> "><b>x'))
        self.assertEqual(status, 200)
        html = body.decode()
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn('"><b>x', html)
        self.assertIn("&lt;script&gt;", html)

    # --- filters and pagination (API) ---

    def test_filters(self):
        self.assertEqual(self.ids("Borrell", source="mainichi"), [self.seed["id"]])
        self.assertEqual(self.ids("Borrell", source="KYODO"), [])
        self.assertEqual(self.ids("kemitraan", tag="pertahanan"), [self.indonesian["id"]])
        self.assertEqual(self.ids("kemitraan", tag="olahraga"), [])
        self.assertEqual(self.ids("Borrell", lang="ja"), [])
        self.assertEqual(self.ids("bermitra", lang="id"), [self.indonesian["id"]])
        self.assertEqual(self.ids("Borrell", **{"from": "2024-11-01", "to": "2024-11-01"}),
                         [self.seed["id"]])
        self.assertEqual(self.ids("Borrell", **{"from": "2024-11-02"}), [])
        self.assertEqual(self.ids("topan", **{"from": "2024-10-05", "to": "2024-10-07"}),
                         [a["id"] for a in reversed(self.paged[4:7])])
        # Tags and sources are searched too.
        self.assertEqual(self.ids("pertahanan"), [self.indonesian["id"]])
        self.assertEqual(self.ids("antara"), [self.indonesian["id"]])
        self.assertEqual(self.ids("外交"), [self.japanese["id"]])
        # An unknown language is no error, just nothing in that language.
        self.assertEqual(self.api(q("topan", lang="xx"))["total"], 0)

    def test_pagination(self):
        seen = []
        for page in range(1, 6):
            found = self.api(q("topan", limit=5, page=page))
            self.assertEqual(found["total"], PAGED_COUNT)
            self.assertEqual(found["page"], page)
            self.assertEqual(found["has_more"], page < 5)
            seen += [r["id"] for r in found["results"]]
        # Equal relevance: the newest first (recency), every article exactly once.
        self.assertEqual(seen, [a["id"] for a in reversed(self.paged)])
        beyond = self.api(q("topan", page=100))
        self.assertEqual(beyond["results"], [])
        self.assertEqual(beyond["total"], PAGED_COUNT)

    def test_misspelled_queries_get_a_suggestion(self):
        found = self.api(q("Borell"))
        self.assertEqual(found["results"], [])
        self.assertEqual(found["suggestion"], "borrell")
        self.assertIsNone(self.api(q("Borrell"))["suggestion"])
        status, _, body = self.server.get("/search?" + q("Borell", lang="en"))
        self.assertEqual(status, 200)
        self.assertIn('<a href="/search?q=borrell&amp;lang=en">borrell</a>', body.decode())

    def test_every_term_first_then_any(self):
        both = self.api(q("Borrell agreeing"))
        self.assertEqual(both["matched"], "all")
        self.assertEqual([r["id"] for r in both["results"]], [self.seed["id"]])
        either = self.api(q("Borrell bermitra"))
        self.assertEqual(either["matched"], "any")
        self.assertEqual(sorted(r["id"] for r in either["results"]),
                         sorted([self.seed["id"], self.indonesian["id"]]))

    # --- bad input: sensible results or a clear error, never a 500 ---

    def test_hostile_queries_never_fail(self):
        hostile = [
            '"', '""', '"kemitraan keamanan', 'Borrell"', 'a" OR "b', "NEAR(a b)", "*", "^x",
            "title:Borrell", "{title body}:x", "- + : ( ) [ ] { }", "AND", "OR NOT",
            "'; DROP TABLE articles; --", "\x00", "\x1f\x02\x03", "x" * 10_240,
            "防" * 1500, "Borrell " * 1200, "🙂🙂🙂", "\u202e\u200b", "e-mail", "C++", "a" * 101,
            "Borrell*", "borrell AND NOT agreeing",
        ]
        for text in hostile:
            for path in ("/api/v1/search?", "/search?"):
                status, _, body = self.server.get(path + q(text))
                self.assertEqual(status, 200, (text[:40], path, body[:200]))
        # FTS syntax is text: the operators do not act, the words are still searched.
        self.assertEqual(self.ids("Borrell*"), [self.seed["id"]])
        # A column filter is no filter: its words are a phrase, like "e-mail".
        self.assertEqual(self.api(q("title:Borrell"))["terms"], ["title borrell"])
        self.assertEqual(self.api(q("NEAR(Borrell agreeing)"))["terms"],
                         ["near borrell", "agreeing"])
        self.assertEqual(self.ids('"Borrell'), [self.seed["id"]])
        # A 10 KB query is cut (at 512 bytes), not refused, and still finds the article.
        long = self.api(q("Borrell " * 1300))
        self.assertTrue(long["truncated"])
        self.assertLessEqual(len(long["query"].encode()), 512)
        self.assertEqual([r["id"] for r in long["results"]], [self.seed["id"]])
        status, _, body = self.server.get("/search?" + q("Borrell " * 1300))
        self.assertIn("hanya bagian awalnya yang dipakai", body.decode())
        # Beyond the server's header limit the HTTP layer refuses the request itself.
        status, _, _ = self.server.get("/api/v1/search?" + q("防" * 6000))
        self.assertIn(status, (400, 414, 431))

    def test_unknown_locales_are_no_error(self):
        for header in ("xx-YY", "zz;q=abc, *;q=0", "ja-JP-u-ca-japanese", "\u00e9" * 50):
            for path in ("/search?" + q("Borrell"), "/api/v1/search?" + q("Borrell")):
                status, _, body = self.server.get(path, {"Accept-Language": header.encode()})
                self.assertEqual(status, 200, (header, path, body[:200]))
        # A well-formed language tag nobody writes in: no results, no error.
        self.assertEqual(self.api(q("Borrell", lang="tlh"))["results"], [])
        status, _, body = self.server.get("/search?" + q("Borrell", lang="tlh"))
        self.assertEqual(status, 200)
        self.assertIn('<option value="tlh" lang="tlh" selected>tlh</option>', body.decode())

    def test_invalid_utf8_is_repaired(self):
        for raw in ("q=%FF%FEBorrell", "q=Borr%C3ell", "q=%C0%AF", "q=%ED%A0%80",
                    "q=Borrell%80"):
            for path in ("/api/v1/search?", "/search?"):
                status, _, body = self.server.get(path + raw)
                self.assertEqual(status, 200, (raw, path, body[:200]))
                body.decode("utf-8")  # the answer itself is valid UTF-8
        self.assertEqual(self.api("q=%FF%FEBorrell")["results"][0]["id"], self.seed["id"])

    def test_bad_parameters_get_a_clear_400(self):
        cases = [q("Borrell", page="0"), q("Borrell", page="-1"), q("Borrell", page="abc"),
                 q("Borrell", page="9" * 30), q("Borrell", page="101"),
                 q("Borrell", lang="e n"), q("Borrell", lang="<script>"),
                 q("Borrell", **{"from": "yesterday"}), q("Borrell", to="2024-13-45"),
                 q("Borrell", tag="x" * 500), "q=Borrell&source=%FF"]
        for case in cases:
            error = self.api(case, status=400)["error"]
            self.assertTrue(error, case)
            status, _, body = self.server.get("/search?" + case)
            self.assertEqual(status, 400, case)
            self.assertIn('role="alert"', body.decode(), case)
            self.assertIn('role="search"', body.decode(), case)  # the form to fix it
        self.assertIn("page", self.api(q("Borrell", page="101"), status=400)["error"])
        self.assertIn("1 sampai 100",
                      self.server.get("/search?" + q("x", page="101"))[2].decode())
        self.assertIn("limit", self.api(q("Borrell", limit="1000"), status=400)["error"])
        self.assertIn("query", self.api(q(""), status=400)["error"])
        self.assertIn("query", self.api("", status=400)["error"])

    def test_results_gzipped_are_the_plain_results(self):
        # The API's answer is kept and spliced like a page (web/api/search.cpp): the gzip
        # member is stitched from its compressed part, and must inflate to the plain JSON.
        plain = self.server.get("/api/v1/search?" + q("topan"))
        packed = self.server.get("/api/v1/search?" + q("topan"),
                                 headers={"Accept-Encoding": "gzip"})
        self.assertEqual(plain[0], 200)
        self.assertGreater(len(plain[2]), 2048)  # big enough to be compressed
        self.assertEqual(packed[0], 200)
        self.assertEqual(packed[1].get("content-encoding"), "gzip")
        self.assertEqual(gzip.decompress(packed[2]), plain[2])
        self.assertTrue(json.loads(plain[2])["results"])

    def test_articles_added_while_serving_are_searchable(self):
        added = self.add({"title": "Zyxwvut unik", "lang": "id",
                          "body_text": "Kata yang jarang sekali."})
        self.assertEqual(self.ids("zyxwvut"), [added["id"]])


if __name__ == "__main__":
    unittest.main()
