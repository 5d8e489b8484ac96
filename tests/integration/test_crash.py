"""Issue 16, Must show 4, the short run (crash_load.py has the whole story): SIGKILL at
random moments under likes, comments and views; acknowledged writes survive, counters never
exceed their truth, the SQLite file passes integrity_check. `make soak` runs it long."""

import os
import unittest

import crash_load
from warta_harness import WartaTestCase


class CrashTest(WartaTestCase):
    def test_kill_9_under_write_load(self):
        self.sqlite_only("integrity_check and the raw file")
        crash_load.run(self, float(os.environ.get("CRASH_SECONDS", "12")), kills_at_least=4)


if __name__ == "__main__":
    unittest.main()
