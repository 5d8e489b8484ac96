"""The command line: help everywhere, clear one-line errors, nothing stored damaged."""

import json
import os
import unittest

from warta_harness import Server, WartaTestCase, run_warta


class CliTest(WartaTestCase):
    def test_help_on_every_command(self):
        for args in ([], ["serve"], ["migrate"], ["demo"], ["article"], ["article", "add"]):
            r = run_warta(*args, "--help")
            self.assertEqual(r.returncode, 0, (args, r.stderr))
            self.assertIn("Usage", r.stdout + r.stderr, args)

    def test_unknown_flags_and_commands_fail_with_one_line(self):
        for args in (["serve", "--bogus"], ["frobnicate"], ["article", "add"], []):
            r = run_warta(*args)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertTrue(r.stderr.strip(), args)

    def test_migrate_is_idempotent(self):
        first = run_warta("migrate", "--db", self.db)
        self.assertEqual(first.returncode, 0, first.stderr)
        second = run_warta("migrate", "--db", self.db)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("up to date", second.stdout)

    def test_demo_is_idempotent_and_has_20_plus_articles_in_several_languages(self):
        self.assertEqual(run_warta("demo", "--db", self.db).returncode, 0)
        self.assertEqual(run_warta("demo", "--db", self.db).returncode, 0)
        ((count, langs, sources),) = self.sql(
            "SELECT COUNT(*), COUNT(DISTINCT lang), COUNT(DISTINCT source) FROM articles")
        self.assertGreaterEqual(count, 20)
        self.assertGreaterEqual(langs, 3)
        self.assertGreaterEqual(sources, 3)

    def test_bad_article_json_is_refused_and_stores_nothing(self):
        good = self.add_article({"title": "Kept", "body_text": "Body."})
        cases = {
            "malformed": "{\"title\": ",
            "not an object": "[1, 2]",
            "no title": json.dumps({"body_text": "x"}),
            "no body": json.dumps({"title": "x"}),
            "bad date": json.dumps({"title": "x", "body_text": "y", "published": "yesterday"}),
            "negative views": json.dumps({"title": "x", "body_text": "y", "views": -1}),
            "bad url": json.dumps({"title": "x", "body_text": "y", "url": "javascript:alert(1)"}),
            "huge title": json.dumps({"title": "x" * 5000, "body_text": "y"}),
        }
        for name, text in cases.items():
            path = os.path.join(self.tmp.name, "bad.json")
            with open(path, "w") as f:
                f.write(text)
            r = run_warta("article", "add", "--db", self.db, "--json", path)
            self.assertNotEqual(r.returncode, 0, name)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, (name, r.stderr))
            self.assertEqual(r.stdout, "", name)
        r = run_warta("article", "add", "--db", self.db, "--json", "/nonexistent.json")
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM articles"), [(1,)])
        self.assertGreater(good["id"], 0)
        self.sqlite_only("PRAGMA integrity_check")
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])

    def test_unwritable_db_path_gives_a_clear_error(self):
        for db in ("sqlite:/nonexistent-dir/x/warta.db", "sqlite:/etc/hostname/warta.db"):
            r = run_warta("migrate", "--db", db)
            self.assertNotEqual(r.returncode, 0, db)
            self.assertIn("warta:", r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        r = run_warta("migrate", "--db", "mysql://x")
        self.assertNotEqual(r.returncode, 0)

    def test_port_in_use_is_a_clear_error(self):
        server = self.serve()
        r = run_warta("serve", "--db", self.db, "--listen", "127.0.0.1:%d" % server.port,
                      timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("in use", r.stderr)
        self.assertEqual(server.get("/healthz")[0], 200)

    def test_config_from_environment(self):
        self.add_article({"title": "Env", "body_text": "Body."})
        server = self.serve(env={"WARTA_SITE_NAME": "Situs Uji"})
        status, _, body = server.get("/")
        self.assertEqual(status, 200)
        self.assertIn("Situs Uji", body.decode())
        bad = run_warta("serve", "--db", self.db, env={"WARTA_SERVER_THREADS": "lots"})
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("WARTA_SERVER_THREADS", bad.stderr)


if __name__ == "__main__":
    unittest.main()
