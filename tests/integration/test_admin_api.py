"""The Admin API over a real server (CONTRACT §6, docs/api.md "Admin API"): Bearer tokens
from `warta token create`, sessions with the CSRF token, the conflict of two editors saving
from one version, bad input refused with nothing stored, and the upload by token."""

import json
import sqlite3
import unittest

from readers_client import Client
from test_media import multipart, png
from warta_harness import WartaTestCase, run_warta

PASSWORD = "rahasia sekali"
ARTICLES = "/api/v1/admin/articles"


class AdminApiTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        for name, role in (("redaktur1", "editor"), ("redaktur2", "editor"),
                           ("penulis", "author"), ("pembaca", "reader")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db,
                          stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve()

    def token(self, name):
        r = run_warta("token", "create", name, "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.strip()

    def call(self, method, path, token, body=None, content_type="application/json"):
        headers = {"Authorization": "Bearer " + token}
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        status, _, raw = self.server.request(method, path, headers=headers, body=data)
        return status, json.loads(raw) if raw.strip() else None

    def session(self, name):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def patch(self, client, article_id, body, csrf=True):
        headers = {"X-CSRF-Token": client.token} if csrf else {}
        return client.request("PATCH", "%s/%d" % (ARTICLES, article_id), json_body=body,
                              headers=headers, csrf=False)

    def count_articles(self):
        con = sqlite3.connect(self.db_path)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()

    def test_two_sessions_saving_from_one_version_the_second_gets_409(self):
        token = self.token("redaktur1")
        status, created = self.call("POST", ARTICLES, token,
                                    {"title": "Konflik", "body_markdown": "Awal."})
        self.assertEqual(status, 201, created)
        self.assertEqual(set(created), {"id", "path", "status", "version"})
        article_id, version = created["id"], created["version"]
        first, second = self.session("redaktur1"), self.session("redaktur2")
        r1 = self.patch(first, article_id, {"version": version, "body_markdown": "Teks pertama."})
        self.assertEqual(r1.status, 200, r1.body)
        self.assertEqual(r1.json()["version"], version + 1)
        r2 = self.patch(second, article_id, {"version": version, "body_markdown": "Teks kedua."})
        self.assertEqual(r2.status, 409, r2.body)
        self.assertIn("error", r2.json())
        self.assertEqual(r2.json()["version"], version + 1)
        status, now = self.call("GET", "%s/%d" % (ARTICLES, article_id), token)
        self.assertEqual(status, 200)
        self.assertEqual(now["body_markdown"], "Teks pertama.")
        self.assertEqual(now["revisions"], 2)
        # PATCH from a session needs the CSRF token like every other change.
        r3 = self.patch(second, article_id, {"version": version + 1, "title": "x"}, csrf=False)
        self.assertEqual(r3.status, 403, r3.body)

    def test_a_token_writes_publishes_and_unpublishes(self):
        token = self.token("redaktur1")
        status, created = self.call("POST", ARTICLES, token, {
            "title": "Lewat API", "body_markdown": "Isi **tebal**.", "author": "Sari Dewi",
            "section": "jepang", "tags": ["api"], "status": "published"})
        self.assertEqual(status, 201, created)
        status, _, page = self.server.get(created["path"])
        self.assertEqual(status, 200)
        self.assertIn("Lewat API", page.decode())
        status, got = self.call("GET", "%s/%d" % (ARTICLES, created["id"]), token)
        for field in ("title", "body_markdown", "dek", "lang", "source", "author", "section",
                      "tags", "lead_image", "status", "publish_at", "featured", "version",
                      "created", "updated", "revisions"):
            self.assertIn(field, got)
        status, body = self.call("DELETE", "%s/%d" % (ARTICLES, created["id"]), token)
        self.assertEqual(status, 200, body)
        status, _, _ = self.server.get(created["path"])
        self.assertIn(status, (404, 410))
        status, got = self.call("GET", "%s/%d" % (ARTICLES, created["id"]), token)
        self.assertEqual(got["status"], "unpublished")

    def test_bad_input_and_low_roles_are_refused_and_nothing_is_stored(self):
        editor, author = self.token("redaktur1"), self.token("penulis")
        before = self.count_articles()
        cases = [
            ("a title of 10,000 characters", editor, {"title": "a" * 10000}),
            ("published in 1900", editor, {"title": "t", "status": "scheduled",
                                           "publish_at": "1900-01-01T00:00:00Z"}),
            ("scheduled for 2999", editor, {"title": "t", "status": "scheduled",
                                            "publish_at": "2999-01-01T00:00:00Z"}),
            ("an unknown media id", editor, {"title": "t", "lead_image": 424242}),
            ("an author publishing", author, {"title": "t", "status": "published"}),
            ("a forged token", "wt_" + "A" * 43, {"title": "t"}),
        ]
        for what, token, body in cases:
            with self.subTest(what=what):
                status, reply = self.call("POST", ARTICLES, token, body)
                self.assertTrue(400 <= status < 500, (status, reply))
                self.assertIsInstance(reply["error"], str)
        self.assertEqual(self.count_articles(), before)
        # An author's own draft is fine; the reader has no token at all (the CLI refuses).
        status, reply = self.call("POST", ARTICLES, author, {"title": "Draf penulis"})
        self.assertEqual((status, reply["status"]), (201, "draft"))
        self.assertNotEqual(run_warta("token", "create", "pembaca", "--db", self.db).returncode, 0)
        reader = self.session("pembaca")
        self.assertEqual(reader.request("GET", ARTICLES).status, 403)
        self.assertEqual(Client(self.server).request("GET", ARTICLES).status, 401)

    def test_an_editor_uploads_a_picture_by_token_and_uses_it_as_lead_image(self):
        token = self.token("redaktur1")
        body, content_type = multipart([("alt", None, None, b"Gunung Fuji"),
                                        ("file", "fuji.png", "image/png", png(640, 480))])
        status, media = self.call("POST", "/api/v1/admin/media", token, body, content_type)
        self.assertEqual(status, 201, media)
        self.assertTrue(media["url"].startswith("/media/"), media)
        status, created = self.call("POST", ARTICLES, token,
                                    {"title": "Bergambar", "lead_image": media["id"]})
        self.assertEqual(status, 201, created)
        status, got = self.call("GET", "%s/%d" % (ARTICLES, created["id"]), token)
        self.assertEqual(got["lead_image"], media["id"])
        status, listed = self.call("GET", "/api/v1/admin/media", token)
        self.assertEqual([m["id"] for m in listed["media"]], [media["id"]])


if __name__ == "__main__":
    unittest.main()
