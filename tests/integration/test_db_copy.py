"""`warta db copy` (issue 14, Must show 3): the demo site plus generated articles (likes,
comments, tags, bylines, pictures) and an account move from SQLite to PostgreSQL; a copy
killed midway resumes to the same result; both stores are then compared row by row, table by
table; ids go on after the copied ones; a target with content is refused.

PostgreSQL only (ctest integration_pg.test_db_copy, fixture pg): on SQLite it is skipped.
WARTA_COPY_TEST_ARTICLES sets the number of generated articles (default 10,000)."""

import os
import signal
import sqlite3
import subprocess
import time
import unittest

from warta_harness import PSQL, WARTA, WartaTestCase, run_warta

ARTICLES = int(os.environ.get("WARTA_COPY_TEST_ARTICLES", "10000"))
PASSWORD = "kata sandi panjang"


NULL = "<NULL>"


def normalized(value):
    """One SQLite cell as PostgreSQL prints it in text (value::text; NULL as NULL)."""
    if value is None:
        return NULL
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class DbCopyTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        if not self.database.pg_name:
            self.skipTest("PostgreSQL only: the copy's target")
        self.source_path = os.path.join(self.tmp.name, "source.db")
        self.source = "sqlite:" + self.source_path
        r = run_warta("demo", "--articles", str(ARTICLES), "--db", self.source, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run_warta("user", "add", "redaktur", "--role", "editor", "--db", self.source,
                      stdin=PASSWORD + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)

    def copy(self, *flags, ok=True):
        r = run_warta("db", "copy", "--from", self.source, "--to", self.db, *flags, timeout=600)
        if ok:
            self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def source_rows(self, table, columns):
        con = sqlite3.connect(self.source_path)
        try:
            cols = ", ".join('"%s"' % c for c in columns)
            rows = con.execute("SELECT %s FROM \"%s\"" % (cols, table)).fetchall()
        finally:
            con.close()
        return sorted(tuple(normalized(v) for v in row) for row in rows)

    def target_rows(self, table, columns):
        """The rows as psql prints them, every value as text (the harness's sql() would read
        '010' as the number 10)."""
        cols = ", ".join('"%s"::text' % c for c in columns)
        r = subprocess.run([PSQL, "-X", "-q", "-A", "-t", "-F", "\x1f", "-R", "\x1e",
                            "-P", "null=" + NULL, "-v", "ON_ERROR_STOP=1", "-d", self.db,
                            "-c", "SELECT %s FROM \"%s\"" % (cols, table)],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout[:-1] if r.stdout.endswith("\n") else r.stdout
        return sorted(tuple(record.split("\x1f")) for record in out.split("\x1e") if out)

    def compared_tables(self):
        """Every PostgreSQL table with the columns SQLite has too (search_vector and the FTS
        tables are each backend's own)."""
        con = sqlite3.connect(self.source_path)
        try:
            # Not the FTS5 tables: reading them needs warta's tokenizer.
            sqlite_tables = {
                name: {c[1] for c in con.execute("PRAGMA table_info(\"%s\")" % name)}
                for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")}
        finally:
            con.close()
        columns = {}
        for table, column in self.sql(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"):
            if table in sqlite_tables and column in sqlite_tables[table]:
                columns.setdefault(table, []).append(column)
        columns.pop("schema_migrations", None)
        return columns

    def test_copy_killed_midway_resumes_and_matches_row_by_row(self):
        # The first copy is killed once some thousands of rows are in.
        proc = subprocess.Popen([WARTA, "db", "copy", "--from", self.source, "--to", self.db,
                                 "--batch", "500"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 300
        copied = 0
        while time.time() < deadline and proc.poll() is None:
            try:
                copied = self.sql("SELECT coalesce(sum(rows_done), 0) FROM warta_copy_progress")[0][0]
            except RuntimeError:
                copied = 0  # the progress table is not made yet
            if copied >= 5000:
                break
            time.sleep(0.05)
        self.assertIsNone(proc.poll(), "the copy ended before it could be killed")
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        self.assertGreaterEqual(copied, 5000)

        resumed = self.copy()
        self.assertIn('"resumed":true', resumed.stdout)
        con = sqlite3.connect(self.source_path)
        articles, max_id = con.execute("SELECT count(*), max(id) FROM articles").fetchone()
        con.close()
        self.assertGreaterEqual(articles, ARTICLES)
        self.assertIn('"articles_indexed":%d' % articles, resumed.stdout)

        tables = self.compared_tables()
        for must in ("articles", "article_revisions", "likes", "comments", "users", "settings",
                     "sources", "sections", "authors", "media", "audit_log", "article_tags"):
            self.assertIn(must, tables)
        total = 0
        for table, columns in sorted(tables.items()):
            want = self.source_rows(table, columns)
            got = self.target_rows(table, columns)
            self.assertEqual(len(got), len(want), table)
            if got != want:
                diff = [(w, g) for w, g in zip(want, got) if w != g][:3]
                self.fail("%s differs (columns %s): %s" % (table, columns, diff))
            total += len(want)
        self.assertGreater(self.sql("SELECT count(*) FROM likes")[0][0], 0)
        self.assertGreater(self.sql("SELECT count(*) FROM comments")[0][0], 0)
        print("db copy: %d rows in %d tables equal on both backends" % (total, len(tables)))
        self.assertEqual(self.sql("SELECT to_regclass('warta_copy_progress') IS NULL")[0][0], "t")

        # New rows get ids after the copied ones.
        added = self.add_article({"title": "Setelah salinan", "source": "KYODO",
                                  "body_text": "Paragraf."})
        self.assertGreater(added["id"], max_id)
        # A second copy into the now full target is refused.
        again = self.copy(ok=False)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("already holds", again.stderr)


if __name__ == "__main__":
    unittest.main()
