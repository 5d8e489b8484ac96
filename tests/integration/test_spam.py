"""`warta spam train` and `warta spam check`: the local spam classifier from the command line,
on a real SQLite file."""

import json
import os
import unittest

from warta_harness import WartaTestCase, run_warta

# Written for this test; one message per line.
SPAM_LINES = """\
Slot gacor hari ini, deposit 10rb langsung maxwin https://gacor.example
Bonus new member 100% slot online, daftar https://slot88.example
Pinjaman online cair 5 menit, hubungi WA 081234567890
Jual followers murah, order di https://followers.example
Cheap pills online, no prescription, buy at https://pills.example
今すぐ登録で簡単に稼げる！ https://kasegu.example
"""

# One message per blank-line-separated block (the second spans two lines).
HAM_BLOCKS = """\
Semoga korban gempa cepat mendapat bantuan.

Terima kasih beritanya.
Kereta di Jepang memang sering terlambat saat salju.

Harga beras di Jepang naik lagi, kasihan warga.

I lived in Osaka for a year, the article matches what I saw.

地震の被害に遭われた方々が早く普段の生活に戻れますように。

Apakah aturan visa baru juga berlaku untuk pelajar?
"""


class SpamCliTest(WartaTestCase):
    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def check(self, text):
        r = run_warta("spam", "check", "--db", self.db, stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        return float(r.stdout.strip()), r.stderr

    def train(self):
        r = run_warta("spam", "train", "--db", self.db,
                      "--spam", self.write("spam.txt", SPAM_LINES),
                      "--ham", self.write("ham.txt", HAM_BLOCKS))
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_untrained_prints_one_half_and_says_so(self):
        p, err = self.check("Slot gacor deposit 10rb https://gacor.example")
        self.assertEqual(p, 0.5)
        self.assertIn("not trained", err)

    def test_train_then_check_unseen_texts(self):
        out = self.train()
        self.assertEqual(out["learned"], {"spam": 6, "ham": 6})
        self.assertEqual(out["totals"], {"spam": 6, "ham": 6})
        spam, err = self.check("Deposit slot gacor 50rb, maxwin, daftar https://gacor.example")
        self.assertGreater(spam, 0.9)
        self.assertEqual(err, "")
        ham, _ = self.check("Semoga bantuan untuk korban gempa segera datang, terima kasih.")
        self.assertLess(ham, 0.1)
        # Training is additive: again doubles the totals.
        self.assertEqual(self.train()["totals"], {"spam": 12, "ham": 12})

    def test_only_counts_are_stored(self):
        self.train()
        tokens = {row[0] for row in self.sql("SELECT token FROM spam_tokens")}
        totals = self.sql("SELECT spam_messages, ham_messages FROM spam_totals")
        ((version,),) = self.sql("SELECT max(version) FROM schema_migrations")
        self.assertEqual(totals, [(6, 6)])
        self.assertGreaterEqual(version, 5)
        self.assertIn("host:gacor.example", tokens)
        self.assertIn("gempa", tokens)
        self.assertNotIn(SPAM_LINES.splitlines()[0], tokens)  # no whole messages

    def test_demo_site_has_a_useful_classifier(self):
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        spam, _ = self.check("Slot online gacor, bonus deposit! Daftar https://slot-baru.example")
        ham, _ = self.check("Terima kasih atas beritanya, semoga cepat pulih.")
        self.assertGreater(spam, 0.9)
        self.assertLess(ham, 0.1)

    def test_bad_input_fails_with_one_line_and_stores_nothing(self):
        for args in (["spam", "train", "--db", self.db],
                     ["spam", "train", "--db", self.db, "--spam", "/nonexistent/spam.txt"],
                     ["spam"]):
            r = run_warta(*args)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, (args, r.stderr))
        p, _ = self.check("anything at all")
        self.assertEqual(p, 0.5)

    def test_help(self):
        for args in (["spam"], ["spam", "train"], ["spam", "check"]):
            r = run_warta(*args, "--help")
            self.assertEqual(r.returncode, 0, (args, r.stderr))
            self.assertIn("Usage", r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()
