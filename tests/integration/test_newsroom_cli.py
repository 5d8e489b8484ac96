"""The newsroom's commands: `warta token create` (CONTRACT §2) and `warta backup` while
`warta serve` runs under writes (docs/cli.md)."""

import hashlib
import json
import os
import re
import sqlite3
import threading
import time
import unittest

from warta_harness import WartaTestCase, run_warta

PASSWORD = "rahasia sekali\n"


class TokenCreateTest(WartaTestCase):
    def add_user(self, name, role):
        r = run_warta("user", "add", name, "--role", role, "--db", self.db, stdin=PASSWORD)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_an_editor_gets_a_token_printed_alone_and_only_its_hash_is_stored(self):
        self.add_user("redaktur", "editor")
        r = run_warta("token", "create", "redaktur", "--label", "impor harian", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 1, r.stdout)
        token = lines[0]
        self.assertRegex(token, r"^wt_[A-Za-z0-9_-]{43}$")
        rows = self.sql("SELECT token_hash, label FROM api_tokens")
        audit = self.sql("SELECT action FROM audit_log")
        self.assertEqual(rows, [(hashlib.sha256(token.encode()).hexdigest(), "impor harian")])
        self.assertEqual(audit, [("token.create",)])
        if not self.database.pg_name:
            with open(self.db_path, "rb") as f:
                self.assertNotIn(token.encode(), f.read())
        second = run_warta("token", "create", "redaktur", "--db", self.db)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertNotEqual(second.stdout.strip(), token)

    def test_authors_may_have_one_and_readers_may_not(self):
        self.add_user("penulis", "author")
        self.assertEqual(run_warta("token", "create", "penulis", "--db", self.db).returncode, 0)
        self.add_user("pembaca", "reader")
        r = run_warta("token", "create", "pembaca", "--db", self.db)
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn("author", r.stderr)
        missing = run_warta("token", "create", "nobody", "--db", self.db)
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("no account", missing.stderr)
        self.assertEqual(self.sql("SELECT count(*) FROM api_tokens"), [(1,)])


class BackupTest(WartaTestCase):
    def test_backup_while_serving_under_writes(self):
        self.sqlite_only("warta backup copies the SQLite file (PostgreSQL has pg_dump)")
        self.assertEqual(run_warta("demo", "--db", self.db).returncode, 0)
        r = run_warta("user", "add", "redaktur", "--role", "editor", "--db", self.db, stdin=PASSWORD)
        self.assertEqual(r.returncode, 0, r.stderr)
        server = self.serve()
        home = server.get("/")[2].decode()
        paths = sorted(set(re.findall(r'href="(/artikel/\d+/[^"#?]*)"', home)))
        self.assertTrue(paths)
        before = self.count("SELECT count(*) FROM articles")

        stop = threading.Event()
        written = []

        def write():
            # Articles added by another process and views counted by the server, all along.
            n = 0
            while not stop.is_set():
                n += 1
                written.append(self.add_article({"title": "Saat backup %d" % n,
                                                 "body_text": "Ditulis selama backup."}))
                for path in paths[:5]:
                    server.get(path, headers={"User-Agent": "reader-%d" % n})

        writer = threading.Thread(target=write)
        writer.start()
        try:
            time.sleep(0.5)
            copy = os.path.join(self.tmp.name, "backup.db")
            r = run_warta("backup", copy, "--db", self.db)
            time.sleep(0.3)
        finally:
            stop.set()
            writer.join()
        self.assertEqual(r.returncode, 0, r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual(report["integrity"], "ok")
        self.assertGreater(report["pages"], 0)
        self.assertGreater(len(written), 0)

        con = sqlite3.connect(copy)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        users = con.execute("SELECT name FROM users").fetchall()
        journal = con.execute("PRAGMA journal_mode").fetchone()[0]
        con.close()
        self.assertGreaterEqual(articles, before)
        self.assertLessEqual(articles, before + len(written))
        self.assertEqual(users, [("redaktur",)])
        self.assertEqual(journal, "delete")  # one self-contained file
        for leftover in (copy + ".partial", copy + "-wal", copy + "-shm"):
            self.assertFalse(os.path.exists(leftover), leftover)

        # The copy is a working site: warta migrates and serves it.
        self.assertEqual(run_warta("migrate", "--db", "sqlite:" + copy).returncode, 0)

        # An existing file is kept unless --force.
        size = os.path.getsize(copy)
        again = run_warta("backup", copy, "--db", self.db)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("exists", again.stderr)
        self.assertEqual(len(again.stderr.strip().splitlines()), 1, again.stderr)
        self.assertEqual(os.path.getsize(copy), size)
        forced = run_warta("backup", copy, "--force", "--db", self.db)
        self.assertEqual(forced.returncode, 0, forced.stderr)
        self.assertEqual(server.stop(), 0)

    def count(self, sql):
        return self.sql(sql)[0][0]


if __name__ == "__main__":
    unittest.main()
