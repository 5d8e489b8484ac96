"""gzip on every page kind (issue 15): the same page asked for with and without
`Accept-Encoding: gzip` must say the same once inflated, byte for byte. Pages the same for
everyone (feeds, sitemaps, static files) are compressed once; pages with per-reader holes
(article, home, section, tag, search) stitch parts compressed once with the live holes
(http/gzip.h), so this checks that the stitched stream is valid gzip (Python's gzip checks the
crc32 and length trailer) and equals the plain page, for a reader with and without a session."""

import gzip
import re
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, run_warta


class CompressionTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve()
        status, _, home = self.server.get("/")
        self.assertEqual(status, 200)
        home = home.decode()
        self.article = re.search(r'href="(/artikel/\d+/[^"]+)"', home).group(1)
        self.section = re.search(r'href="(/rubrik/[^"]+)"', home).group(1)
        _, _, article = self.server.get(self.article)
        self.tag = re.search(r'href="(/tag/[^"?]+)"', article.decode()).group(1)

    def pages(self):
        return [
            "/", "/?page=2", self.section, self.tag, "/tag", self.article,
            self.article + "/komentar", "/search?q=Jepang", "/search?q=tokyo+ekonomi",
            "/search", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml",
            "/news-sitemap.xml", "/static/site.css", "/static/engage.js", "/login",
            "/tag/no-such-tag", "/artikel/999999",
        ]

    def compare(self, client, path):
        for _ in range(3):
            plain = client.request("GET", path)
            packed = client.request("GET", path, headers={"Accept-Encoding": "gzip"})
            self.assertEqual(plain.status, packed.status, path)
            self.assertIsNone(plain.header("content-encoding"), path)
            if len(plain.body) < 1024 or plain.status != 200:  # sent as they are
                self.assertIsNone(packed.header("content-encoding"), path)
                return plain.body
            self.assertEqual(packed.header("content-encoding"), "gzip", path)
            self.assertIn("Accept-Encoding", packed.header("vary") or "", path)
            self.assertIn("Accept-Encoding", plain.header("vary") or "", path)
            self.assertEqual(int(packed.header("content-length")), len(packed.body), path)
            inflated = gzip.decompress(packed.body)  # raises on a bad crc32 or length
            if inflated == plain.body:
                return inflated
            # A counter may tick between the two requests (a view flush): ask again.
        self.assertEqual(inflated.decode(), plain.body.decode(), path)
        return inflated

    def test_every_page_kind_inflates_to_the_plain_page(self):
        client = Client(self.server)
        client.request("GET", "/")  # a known visitor: the same CSRF token in both answers
        for path in self.pages():
            with self.subTest(path=path):
                self.compare(client, path)

    def test_a_logged_in_reader_gets_their_menu_in_the_stitched_page(self):
        client = Client(self.server)
        client.session()  # the CSRF token the register call sends
        self.assertEqual(client.register("ayu_pembaca", "kata sandi panjang").status, 201)
        for path in ["/", self.section, self.tag, self.article, "/search?q=Jepang"]:
            with self.subTest(path=path):
                page = self.compare(client, path).decode()
                self.assertIn("ayu_pembaca", page, path)


if __name__ == "__main__":
    unittest.main()
