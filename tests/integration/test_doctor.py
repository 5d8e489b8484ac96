"""`warta doctor` (docs/deploy.md): one line per check, a fix for every problem, exit 1 on a
problem. Each problem is made for real: a missing or newer database, a data folder that is
not a folder, a port held by another program, a proxy list that trusts everyone."""

import os
import re
import socket
import sqlite3
import unittest

from warta_harness import WartaTestCase, run_warta


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DoctorTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.port = free_port()

    def write_config(self, extra="", db=None, listen=None, base_url="https://news.example.org",
                     proxies='["127.0.0.1"]'):
        path = os.path.join(self.tmp.name, "warta.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('[site]\n')
            if base_url:
                f.write('base_url = "%s"\n' % base_url)
            f.write('[server]\nlisten = "%s"\n' % (listen or "127.0.0.1:%d" % self.port))
            if proxies is not None:
                f.write("trusted_proxies = %s\n" % proxies)
            f.write('[db]\nurl = "%s"\n' % (db or self.db))
            f.write(extra)
        return path

    def doctor(self, config):
        r = run_warta("doctor", "--config", config, timeout=120)
        lines = {}
        for line in r.stdout.splitlines():
            m = re.match(r"^(ok  |WARN|FAIL)  ([a-zA-Z ]+): (.*)$", line)
            if m:
                lines[m.group(2)] = (m.group(1).strip(), m.group(3))
        return r, lines

    def migrate(self):
        r = run_warta("migrate", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_a_healthy_installation_passes_every_check(self):
        self.migrate()
        r, lines = self.doctor(self.write_config())
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        for name in ("config", "clock", "data folder", "media folder", "free disk", "templates",
                     "database", "site", "libvips", "japanese slugs", "listen", "public URL",
                     "proxies"):
            self.assertIn(name, lines, r.stdout)
            self.assertEqual(lines[name][0], "ok", r.stdout)
        self.assertIn("this warta's", lines["database"][1])
        self.assertIn("renders a test picture", lines["libvips"][1])
        self.assertIn("is free", lines["listen"][1])
        self.assertIn("ipadic-utf8", lines["japanese slugs"][1])
        self.assertRegex(r.stdout, r"warta doctor: all \d+ checks passed")
        self.assertNotIn("fix:", r.stdout)

    def test_a_missing_japanese_dictionary_is_a_warning(self):
        self.migrate()
        config = self.write_config()
        r = run_warta("doctor", "--config", config, timeout=120,
                      env={"WARTA_MECAB_DICDIR": os.path.join(self.tmp.name, "no-dictionary")})
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"WARN  japanese slugs: no MeCab dictionary .*no-dictionary")
        self.assertIn("fix: apt-get install mecab-ipadic-utf8", r.stdout)
        # The fallback still makes a slug, from ICU: the article's path is romanized ASCII.
        for n, (dicdir, want) in enumerate(((os.path.join(self.tmp.name, "none"), "xin-gan-xian"),
                                            (None, "shinkansen-de-nimotsu-wo-hakobu"))):
            path = os.path.join(self.tmp.name, "a%d.json" % n)
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"title": "新幹線で荷物を運ぶ %d", "body_text": "x", "source": "T", '
                        '"lang": "ja"}' % n)
            env = {"WARTA_MECAB_DICDIR": dicdir} if dicdir else {}
            r = run_warta("article", "add", "--db", self.db, "--json", path, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(want, r.stdout)

    def test_a_missing_database_is_a_problem_with_its_fix(self):
        r, lines = self.doctor(self.write_config())
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["database"][0], "FAIL")
        self.assertIn("does not exist", lines["database"][1])
        self.assertRegex(r.stdout, r"fix: create it: warta migrate --config \S+warta\.toml")
        self.assertFalse(os.path.exists(self.db_path), "doctor must not create the database")
        self.assertRegex(r.stdout, r"warta doctor: 1 problem")

    def test_a_schema_newer_than_this_warta_is_a_problem(self):
        self.migrate()
        with sqlite3.connect(self.db_path) as db:
            latest = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            db.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)",
                       (latest + 1,))
        r, lines = self.doctor(self.write_config())
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["database"][0], "FAIL")
        self.assertIn("schema version %d is newer than this warta's (%d)" % (latest + 1, latest),
                      lines["database"][1])
        self.assertIn("restore the backup", r.stdout)

    def test_an_older_schema_is_a_warning_and_is_not_migrated_by_doctor(self):
        self.migrate()
        with sqlite3.connect(self.db_path) as db:
            latest = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            db.execute("DELETE FROM schema_migrations WHERE version = ?", (latest,))
        r, lines = self.doctor(self.write_config())
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(lines["database"][0], "WARN")
        self.assertIn("older than this warta's %d" % latest, lines["database"][1])
        with sqlite3.connect(self.db_path) as db:
            self.assertEqual(db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0],
                             latest - 1)

    def test_a_data_folder_that_is_not_a_folder_is_a_problem(self):
        not_a_folder = os.path.join(self.tmp.name, "file")
        open(not_a_folder, "w").close()
        r, lines = self.doctor(self.write_config(db="sqlite:%s/warta.db" % not_a_folder))
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["data folder"][0], "FAIL")
        self.assertIn("is not a folder", lines["data folder"][1])

    @unittest.skipIf(os.geteuid() == 0, "root writes to every folder")
    def test_a_read_only_data_folder_is_a_problem(self):
        self.migrate()
        os.chmod(self.tmp.name, 0o555)
        try:
            r, lines = self.doctor(self.write_config())
        finally:
            os.chmod(self.tmp.name, 0o755)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["data folder"][0], "FAIL")
        self.assertIn("chown", r.stdout)

    def test_a_port_held_by_another_program_is_a_problem(self):
        self.migrate()
        with socket.socket() as holder:
            holder.bind(("127.0.0.1", self.port))
            holder.listen(1)
            r, lines = self.doctor(self.write_config())
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["listen"][0], "FAIL")
        self.assertIn("in use by another program", lines["listen"][1])

    def test_a_port_held_by_a_running_warta_is_fine(self):
        self.migrate()
        server = self.serve()
        r, lines = self.doctor(self.write_config(listen="127.0.0.1:%d" % server.port))
        self.assertEqual(lines["listen"][0], "ok", r.stdout)
        self.assertIn("held by a running warta", lines["listen"][1])
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_settings_worth_a_warning_and_a_proxy_list_that_trusts_everyone(self):
        self.migrate()
        r, lines = self.doctor(self.write_config(base_url=None, proxies=None))
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(lines["public URL"][0], "WARN")
        self.assertEqual(lines["proxies"][0], "WARN")
        self.assertIn("trusted_proxies", r.stdout)
        self.assertRegex(r.stdout, r"warta doctor: 2 warnings")

        r, lines = self.doctor(self.write_config(proxies='["0.0.0.0/0"]'))
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["proxies"][0], "FAIL")

    def test_an_invalid_config_is_a_problem(self):
        r, lines = self.doctor(self.write_config(extra="[log]\nlevel = \"loud\"\n"))
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(lines["config"][0], "FAIL")
        self.assertIn("fix:", r.stdout)

    def test_a_bad_time_zone_fails_the_site_check(self):
        self.migrate()
        r, lines = self.doctor(self.write_config(extra=""))
        self.assertEqual(lines["site"][0], "ok", r.stdout)
        config = self.write_config()
        with open(config, encoding="utf-8") as f:
            text = f.read().replace("[site]\n", '[site]\ntime_zone = "Mars/Olympus_Mons"\n')
        with open(config, "w", encoding="utf-8") as f:
            f.write(text)
        r, lines = self.doctor(config)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(lines["site"][0], "FAIL")


if __name__ == "__main__":
    unittest.main()
