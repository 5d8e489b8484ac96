"""The article page (README "Using the binary"): the seed article, added with `warta article add`,
shows every element of the seed page in the served article page."""

import re
import unittest

from warta_harness import WartaTestCase, parse_page, read_seed

CONTRACT_IDS = ["site-name", "headline", "source", "published", "views", "likes",
                "comments-count", "shares", "body", "comments", "like-button"]


class SeedPageTest(WartaTestCase):
    def test_seed_article_has_every_element(self):
        headline, source, paragraphs = read_seed()
        added = self.add_article({
            "title": headline, "source": source, "lang": "en",
            "published": "2024-11-01T12:00:00+09:00",
            "body_text": "\n\n".join(paragraphs), "views": 27,
        })
        self.assertRegex(added["path"], r"^/")
        server = self.serve()
        status, headers, body = server.get(added["path"], {"User-Agent": "seed-check/1.0"})
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["content-type"])
        page = parse_page(body)

        for ident in CONTRACT_IDS:
            self.assertEqual(page.id_counts.get(ident), 1, "id %r must appear once" % ident)
        self.assertEqual(page.html_lang, "id")
        self.assertIn("Media Jepang", page.texts["site-name"])
        self.assertEqual(page.texts["headline"], headline)
        self.assertIn("MAINICHI", page.texts["source"])
        self.assertIn("1 November 2024", page.texts["published"])
        self.assertRegex(page.texts["views"], r"(^|\D)27(\D|$)")
        for ident in ("likes", "comments-count", "shares"):
            self.assertRegex(page.texts[ident], r"(^|\D)0(\D|$)", ident)
            self.assertNotRegex(page.texts[ident], r"[1-9]", ident)
        for paragraph in paragraphs:
            self.assertIn(paragraph, page.texts["body"])
        self.assertIn("Komentar", page.texts["comments"])
        comments_html = body.decode()[body.decode().index('id="comments"'):]
        self.assertRegex(comments_html, r"<form[^>]*method=\"post\"")
        self.assertIn("<textarea", comments_html)
        self.assertIn("Jadilah yang pertama menyukai ini", page.texts["like-button"])
        self.assertIn("csrf-token", page.meta)

        # The count shown is the one before this reader's view; the API counts it.
        api = server.get_json("/api/v1/articles/%d" % added["id"])
        self.assertEqual(api["counters"], {"views": 28, "likes": 0, "comments": 0, "shares": 0})
        self.assertEqual(api["source"], "MAINICHI")
        self.assertEqual(api["title"], headline)
        self.assertEqual(api["published"], "2024-11-01T03:00:00Z")

    def test_body_html_is_sanitized_before_it_is_stored(self):
        added = self.add_article({
            "title": "Sanitized <b>title</b>", "source": "KYODO",
            "body_html": "<p onclick=\"alert(1)\">Safe text</p><script>alert(2)</script>"
                         "<a href=\"javascript:alert(3)\">link</a>",
        })
        server = self.serve()
        status, _, body = server.get(added["path"])
        self.assertEqual(status, 200)
        html = body.decode()
        self.assertIn("Safe text", html)
        self.assertNotIn("alert(", html)
        self.assertNotIn("<b>title</b>", html)  # titles are text, escaped
        self.assertIn("Sanitized &lt;b&gt;title&lt;/b&gt;", html)


if __name__ == "__main__":
    unittest.main()
