"""Issue 16, finding 8: control characters never reach a page or a feed. A comment's C0
controls (other than tab and line breaks), DEL, C1 controls and U+FFFE/U+FFFF are dropped as
it comes in (docs/security.md "Control characters"); the comments feed is written with the
XML writer's cleaning as a last line, so it stays well-formed XML."""

import unittest
import xml.etree.ElementTree as ET

from readers_client import Client
from warta_harness import WartaTestCase

PASSWORD = "kata sandi panjang"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTROLS = "\x0c\x01\x1b\x7f\u0085\u009f\ufffe\uffff"


class ControlCharactersTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Kontrol", "source": "KYODO",
                                         "body_text": "Satu paragraf."})
        self.server = self.serve(env={"WARTA_RATELIMIT_ENABLED": "0",
                                      "WARTA_COMMENTS_MODERATE_FIRST": "0"})
        self.reader = Client(self.server)
        self.reader.session()
        self.assertEqual(self.reader.register("penulis", PASSWORD).status, 201)
        self.comments = "/api/v1/articles/%d/comments" % self.article["id"]

    def feed(self):
        reply = Client(self.server).request("GET", self.article["path"] + "/comments.xml")
        self.assertEqual(reply.status, 200)
        return ET.fromstring(reply.body)  # raises on ill-formed XML

    def test_form_feed_comment_keeps_comments_xml_well_formed(self):
        reply = self.reader.post_json(self.comments, {"body": "halaman\x0csatu"})
        self.assertEqual(reply.status, 201, reply.body)
        entries = self.feed().findall(ATOM + "entry")
        self.assertEqual(len(entries), 1)
        self.assertIn("halamansatu", entries[0].find(ATOM + "content").text)
        self.assertEqual(self.sql("SELECT body_source FROM comments"), [("halamansatu",)])

    def test_every_kind_of_control_is_dropped_tabs_and_lines_kept(self):
        body = "a" + CONTROLS + "b\tc\nd"
        reply = self.reader.post_json(self.comments, {"body": body})
        self.assertEqual(reply.status, 201, reply.body)
        comment_id = reply.json()["id"]
        self.assertEqual(self.sql("SELECT body_source FROM comments"), [("ab\tc\nd",)])
        # An edit is cleaned the same way.
        edit = self.reader.request("PUT", "/api/v1/comments/%d" % comment_id,
                                   json_body={"body": "diubah\x0b" + CONTROLS})
        self.assertEqual(edit.status, 200, edit.body)
        self.assertEqual(self.sql("SELECT body_source FROM comments"), [("diubah",)])
        self.feed()
        page = self.reader.request("GET", self.article["path"]).body.decode()
        self.assertFalse(set(page) & set(CONTROLS + "\x0b"))
        # Nothing but controls is an empty comment, refused as one.
        empty = self.reader.post_json(self.comments, {"body": CONTROLS})
        self.assertEqual(empty.status, 400, empty.body)


if __name__ == "__main__":
    unittest.main()
