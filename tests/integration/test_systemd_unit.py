"""The package's systemd unit (debian/warta.service): `systemd-analyze verify` accepts it and
`systemd-analyze security` rates its exposure at most 4.0, through scripts/check-unit.sh, the
check `make package` runs. The same check must refuse a unit with a typo and one without
its sandbox, or it proves nothing."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from warta_harness import WARTA

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
UNIT = os.path.join(ROOT, "debian/warta.service")
CHECK = os.path.join(ROOT, "scripts/check-unit.sh")


@unittest.skipIf(shutil.which("systemd-analyze") is None, "systemd-analyze is not installed")
class SystemdUnitTest(unittest.TestCase):
    def check(self, unit_text):
        with tempfile.TemporaryDirectory(prefix="warta-unit-") as tmp:
            path = os.path.join(tmp, "warta.service")
            with open(path, "w", encoding="utf-8") as f:
                f.write(unit_text)
            return subprocess.run([CHECK, path, os.path.abspath(WARTA)], capture_output=True,
                                  text=True, timeout=120)

    def unit(self):
        with open(UNIT, encoding="utf-8") as f:
            return f.read()

    def test_the_unit_verifies_and_rates_ok(self):
        r = self.check(self.unit())
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("verify: clean", r.stdout)
        exposure = float(re.search(r"exposure ([0-9.]+)", r.stdout).group(1))
        self.assertLessEqual(exposure, 4.0)

    def test_the_unit_runs_warta_as_its_user_with_the_packaged_config(self):
        text = self.unit()
        for line in ("User=warta", "ExecStart=/usr/bin/warta serve --config /etc/warta/warta.toml",
                     "ReadWritePaths=/var/lib/warta", "ProtectSystem=strict", "Restart=on-failure",
                     "KillSignal=SIGTERM", "CapabilityBoundingSet=\n", "NoNewPrivileges=yes",
                     "MemoryDenyWriteExecute=yes", "SystemCallFilter=@system-service"):
            self.assertIn(line, text)

    def test_a_typo_fails_verify(self):
        r = self.check(self.unit().replace("ProtectHome=yes", "ProtectHome=yes\nProtectHom=yes"))
        self.assertNotEqual(r.returncode, 0, r.stdout)
        self.assertIn("ProtectHom", r.stderr)

    def test_a_unit_without_its_sandbox_rates_too_exposed(self):
        service, install = self.unit().split("[Install]")
        bare = "\n".join(l for l in service.splitlines()
                         if not re.match(r"(Protect|Private|Restrict|SystemCall|Capability|"
                                         r"NoNewPrivileges|MemoryDeny|LockPersonality|"
                                         r"DevicePolicy|ProcSubset|RemoveIPC|UMask)", l))
        r = self.check(bare + "\n[Install]" + install)
        self.assertNotEqual(r.returncode, 0, r.stdout)
        self.assertIn("above 4.0", r.stderr)


if __name__ == "__main__":
    unittest.main()
