"""The server over real HTTP: pages, API, errors, caching, compression, limits."""

import gzip
import json
import re
import socket
import unittest

from warta_harness import WartaTestCase, parse_page, run_warta


def raw_request(port, data, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except socket.timeout:
            pass
        return b"".join(chunks)


class DemoSiteTest(WartaTestCase):
    @classmethod
    def setUpClass(cls):
        pass

    def setUp(self):
        super().setUp()
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve()

    def test_home_lists_newest_first_with_source_date_and_counters(self):
        status, headers, body = self.server.get("/")
        self.assertEqual(status, 200)
        page = parse_page(body)
        self.assertEqual(page.html_lang, "id")
        self.assertIn("Media Jepang", page.texts["site-name"])
        html = body.decode()
        # The newest articles' block (the lead story above it is chosen, not the newest).
        latest = html[html.index('id="latest-heading"'):]
        dates = re.findall(r'<time[^>]*datetime="([^"]+)"', latest[:latest.index("</section>")])
        self.assertGreaterEqual(len(dates), 10)
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertRegex(html, r"(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20\d\d")
        # Page 2 exists for 20+ articles (the front links to it, the last page links nowhere
        # further), page 999 does not, page=abc is a bad request.
        self.assertIn('href="/?page=2"', html)
        status, _, last = self.server.get("/?page=2")
        self.assertEqual(status, 200)
        self.assertIn('href="/"', last.decode())
        self.assertNotIn('href="/?page=3"', last.decode())
        self.assertEqual(self.server.get("/?page=999")[0], 404)
        self.assertEqual(self.server.get("/?page=abc")[0], 400)
        self.assertEqual(self.server.get("/?page=99999999999999999999999")[0], 400)

    def test_every_home_link_serves_an_article_with_api_counters(self):
        _, _, body = self.server.get("/")
        paths = sorted(set(re.findall(r'href="(/artikel/\d+[^"]*)"', body.decode())))
        self.assertGreaterEqual(len(paths), 10)
        for path in paths[:5]:
            status, _, _ = self.server.get(path)
            self.assertEqual(status, 200, path)
            article_id = int(path.split("/")[2])
            api = self.server.get_json("/api/v1/articles/%d" % article_id)
            self.assertEqual(api["id"], article_id)
            self.assertEqual(api["path"], path)
            self.assertEqual(set(api["counters"]), {"views", "likes", "comments", "shares"})

    def test_wrong_slug_redirects_to_the_canonical_path(self):
        status, headers, _ = self.server.get("/artikel/1/not-the-slug")
        self.assertEqual(status, 301)
        self.assertRegex(headers["location"], r"^/artikel/1/[a-z0-9-]+$")

    def test_unknown_routes_and_bad_ids(self):
        for path in ("/nope", "/artikel/0", "/artikel/abc", "/artikel/-1",
                     "/artikel/99999999999999999999999999", "/artikel/123456"):
            status, headers, body = self.server.get(path)
            self.assertEqual(status, 404, path)
            self.assertIn("text/html", headers["content-type"])
            self.assertEqual(parse_page(body).html_lang, "id")
        for path in ("/api/v1/articles/abc", "/api/v1/articles/999999", "/api/v1/nope"):
            status, headers, body = self.server.get(path)
            self.assertEqual(status, 404, path)
            self.assertIn("error", json.loads(body))

    def test_static_files_and_path_traversal(self):
        status, headers, body = self.server.get("/static/site.css")
        self.assertEqual(status, 200)
        self.assertIn("text/css", headers["content-type"])
        self.assertIn("etag", headers)
        for path in ("/static/../CMakeLists.txt", "/static/%2e%2e/%2e%2e/etc/passwd",
                     "/static//etc/passwd", "/static/nope.css"):
            self.assertEqual(self.server.get(path)[0], 404, path)

    def test_health_and_metrics(self):
        status, _, body = self.server.get("/healthz")
        self.assertEqual((status, body.strip()), (200, b"ok"))
        self.server.get("/")
        status, headers, body = self.server.get("/metrics")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertRegex(text, r'warta_http_requests_total\{[^}]*route="home"[^}]*\} [1-9]')
        self.assertIn("warta_http_request_duration_seconds_bucket", text)
        self.assertIn("warta_views_buffered", text)
        self.assertIn("warta_views_flushed_total", text)

    def test_gzip_etag_and_head(self):
        status, headers, body = self.server.get("/", {"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("content-encoding"), "gzip")
        self.assertIn(b"Media Jepang", gzip.decompress(body))
        status, headers, body = self.server.get("/static/site.css")
        etag = headers["etag"]
        status, _, body = self.server.get("/static/site.css", {"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        status, headers, body = self.server.request("HEAD", "/healthz")
        self.assertEqual((status, body), (200, b""))
        self.assertEqual(self.server.request("POST", "/healthz")[0], 405)

    def test_malformed_and_oversized_requests_do_not_stop_the_server(self):
        reply = raw_request(self.server.port, b"THIS IS NOT HTTP\r\n\r\n")
        self.assertRegex(reply, rb"^HTTP/1\.1 400")
        huge = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100000 + b"\r\n\r\n"
        self.assertRegex(raw_request(self.server.port, huge), rb"^HTTP/1\.1 431")
        body = b"x" * (2 * 1024 * 1024)
        big_post = (b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body))
        self.assertRegex(raw_request(self.server.port, big_post + body), rb"^HTTP/1\.1 413")
        self.assertEqual(self.server.get("/healthz")[0], 200)


if __name__ == "__main__":
    unittest.main()
