"""Issue 16, finding 3: strangers' wrong guesses cannot lock the owner out. Limits are per
address, per (account, address) pair, and per account from everywhere; the last one is
lifted for the owner's proof of presence: an address they logged in from, or a browser
carrying the known-device cookie set at their last login (docs/security.md "Logins")."""

import unittest

from readers_client import Client
from warta_harness import WartaTestCase

PASSWORD = "kata sandi panjang"


class LoginLimitsTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.add_article({"title": "x", "source": "KYODO", "body_text": "y"})
        self.server = self.serve()

    def client(self, source):
        c = Client(self.server, source=source)
        c.session()
        return c

    def test_strangers_guesses_do_not_lock_the_owner_out(self):
        home = self.client("127.0.0.1")
        self.assertEqual(home.register("pemilik", PASSWORD).status, 201)
        home.request("POST", "/api/v1/auth/logout", json_body={})
        home.session()
        first = home.login("pemilik", PASSWORD)
        self.assertEqual(first.status, 200, first.body)
        self.assertTrue(any(v.startswith("warta_device=") and "HttpOnly" in v
                            for v in first.cookies()))
        device = home.cookies["warta_device"]

        # A stranger guesses from 30 addresses, one guess each (no address or pair limit
        # is reached): the account-wide limit (20) stops them...
        statuses = [self.client("127.0.3.%d" % i).login("pemilik", "tebakan salah").status
                    for i in range(1, 31)]
        self.assertEqual(statuses[:20], [401] * 20)
        self.assertEqual(set(statuses[20:]), {429})
        # ...even with the right password, from an address the owner never used.
        stranger = self.client("127.0.4.1").login("pemilik", PASSWORD)
        self.assertEqual(stranger.status, 429)
        self.assertTrue(stranger.header("retry-after"))

        # The owner: from home (an address they logged in from)...
        again = self.client("127.0.0.1")
        self.assertEqual(again.login("pemilik", PASSWORD).status, 200)
        # ...and from a new address with their browser's known-device cookie.
        travelling = self.client("127.0.5.1")
        travelling.cookies["warta_device"] = device
        self.assertEqual(travelling.login("pemilik", PASSWORD).status, 200)
        # A forged device cookie proves nothing.
        forged = self.client("127.0.5.2")
        forged.cookies["warta_device"] = device.split(".")[0] + "." + "0" * 32
        self.assertEqual(forged.login("pemilik", PASSWORD).status, 429)

    def test_one_address_guessing_one_account_is_throttled_by_the_pair(self):
        owner = self.client("127.0.0.1")
        self.assertEqual(owner.register("kedua", PASSWORD).status, 201)
        guesser = self.client("127.0.6.1")
        statuses = [guesser.login("kedua", "tebakan salah").status for _ in range(6)]
        self.assertEqual(statuses, [401] * 5 + [429])
        # The pair, not the account: another address is not affected.
        self.assertEqual(self.client("127.0.6.2").login("kedua", PASSWORD).status, 200)


if __name__ == "__main__":
    unittest.main()
