"""Upgrades (docs/deploy.md, "Upgrade"): a database written by the previous release (schema
8, warta at e8c80dc; tests/fixtures/upgrade/make_fixture.py says how it was made) opens with
this binary: the migrations run, and counters, comments, likes, accounts and the search index
come through intact. A schema newer than the binary is refused with a clear message."""

import json
import os
import sqlite3
import subprocess
import unittest
import urllib.parse

from warta_harness import WARTA, WartaTestCase, run_warta

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "../fixtures/upgrade/schema8-e8c80dc.sql")


class UpgradeTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        with open(FIXTURE, encoding="utf-8") as f:
            dump = f.read()
        with sqlite3.connect(self.db_path) as db:
            db.executescript(dump)
        with sqlite3.connect(self.db_path) as db:
            self.old_version = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            self.counters = {row[0]: row[1:] for row in db.execute(
                "SELECT id, views, likes, comments, shares FROM articles")}
            self.comments = db.execute(
                "SELECT id, article_id, parent_id, body_source, status FROM comments ORDER BY id"
            ).fetchall()
            self.likes = db.execute("SELECT count(*) FROM likes").fetchone()[0]
            self.users = db.execute(
                "SELECT name, role, password_hash FROM users ORDER BY id").fetchall()
            self.title = db.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0]
        # What the test stands on: an older schema with real engagement in it.
        self.assertEqual(self.old_version, 8)
        self.assertGreaterEqual(len(self.comments), 3)
        self.assertGreater(self.counters[1][0], 0)
        self.assertGreater(self.likes, 0)

    def migrate(self):
        r = run_warta("migrate", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_migrate_runs_every_newer_migration_and_keeps_the_data(self):
        out = self.migrate()
        with sqlite3.connect(self.db_path) as db:
            new_version = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            self.assertGreater(new_version, self.old_version)
            self.assertEqual(out.strip(), "migrated schema from version %d to %d"
                             % (self.old_version, new_version))
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
            counters = {row[0]: row[1:] for row in db.execute(
                "SELECT id, views, likes, comments, shares FROM articles")}
            self.assertEqual(counters, self.counters)
            comments = db.execute(
                "SELECT id, article_id, parent_id, body_source, status FROM comments ORDER BY id"
            ).fetchall()
            self.assertEqual(comments, self.comments)
            self.assertEqual(db.execute("SELECT count(*) FROM likes").fetchone()[0], self.likes)
            self.assertEqual(db.execute(
                "SELECT name, role, password_hash FROM users ORDER BY id").fetchall(), self.users)
        # A second run has nothing left to do.
        self.assertIn("schema is up to date", self.migrate())

    def test_the_upgraded_site_serves_the_old_counters_comments_and_accounts(self):
        server = self.serve()  # serve migrates at start, as the package's restart does
        for article_id, (views, likes, comments, shares) in self.counters.items():
            api = server.get_json("/api/v1/articles/%d" % article_id)
            self.assertEqual(api["counters"], {"views": views, "likes": likes,
                                               "comments": comments, "shares": shares},
                             "article %d" % article_id)
        listed = server.get_json("/api/v1/articles/1/comments")
        published = [c for c in self.comments if c[1] == 1 and c[4] == "published"]
        self.assertEqual(listed["count"], len(published))
        self.assertEqual(sorted(c["id"] for c in listed["comments"]),
                         sorted(c[0] for c in published))
        article = server.get_json("/api/v1/articles/1")
        status, _, page = server.get(article["path"], headers={"User-Agent": "Mozilla/5.0 up"})
        self.assertEqual(status, 200)
        page = page.decode("utf-8")
        for comment in published:
            self.assertIn('id="comment-%d"' % comment[0], page)
        # The old accounts log in with their old password hashes.
        agent = {"User-Agent": "Mozilla/5.0 up"}
        status, headers, body = server.get("/api/v1/session", headers=agent)
        self.assertEqual(status, 200, body)
        status, _, body = server.request(
            "POST", "/api/v1/auth/login",
            headers={"Content-Type": "application/json",
                     "X-CSRF-Token": json.loads(body)["csrf_token"],
                     "Cookie": headers["set-cookie"].split(";")[0], **agent},
            body=json.dumps({"username": "budi", "password": "kata sandi budi"}))
        self.assertEqual(status, 200, body)
        # The search index survived the rebuild of the articles table.
        word = max(self.title.split(), key=len)
        found = server.get_json("/api/v1/search?q=" + urllib.parse.quote(word))
        self.assertIn(1, [r["id"] for r in found["results"]])
        # And counting goes on from the old numbers: the page view above was a new visitor.
        self.assertEqual(server.get_json("/api/v1/articles/1")["counters"]["views"],
                         self.counters[1][0] + 1)

    def test_a_schema_newer_than_the_binary_is_refused(self):
        self.migrate()
        with sqlite3.connect(self.db_path) as db:
            newest = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            db.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)",
                       (newest + 1,))
        r = subprocess.run([WARTA, "serve",
                            "--db", self.db, "--listen", "127.0.0.1:0"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 1)
        self.assertIn("schema is version %d but this warta knows versions up to %d"
                      % (newest + 1, newest), r.stderr)
        self.assertIn("use a newer warta", r.stderr)


if __name__ == "__main__":
    unittest.main()
