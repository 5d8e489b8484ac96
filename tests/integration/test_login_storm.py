"""Issue 16, finding 1: password hashing (argon2id, 64 MiB) runs on a lane of its own, so a
login storm from many addresses leaves pages served quickly, and logins beyond the lane's
queue get 503 with Retry-After at once instead of piling up."""

import http.client
import json
import threading
import time
import unittest

from readers_client import Client
from warta_harness import WartaTestCase


def login_from(port, address, username, password):
    """One login from a loopback source address (127.0.x.y): each its own client."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                      source_address=(address, 0))
    try:
        conn.request("GET", "/api/v1/session", headers={"User-Agent": "storm"})
        resp = conn.getresponse()
        session = json.loads(resp.read())
        cookie = resp.getheader("Set-Cookie").split(";")[0]
        body = json.dumps({"username": username, "password": password})
        conn.request("POST", "/api/v1/auth/login", body=body,
                     headers={"User-Agent": "storm", "Cookie": cookie,
                              "Content-Type": "application/json",
                              "X-CSRF-Token": session["csrf_token"]})
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheader("Retry-After")
    finally:
        conn.close()


class LoginStormTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Storm", "source": "KYODO",
                                         "body_text": "One paragraph."})
        # Several I/O threads, as on a real machine: the storm must not take any of them.
        self.server = self.serve(env={"WARTA_SERVER_THREADS": "2"})
        owner = Client(self.server)
        owner.session()
        self.assertEqual(owner.register("pemilik", "kata sandi panjang").status, 201)

    def slowest(self, path, seconds):
        """The slowest of GETs of path, one after another, for `seconds`."""
        worst = 0.0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            start = time.monotonic()
            status, _, _ = self.server.get(path, {"User-Agent": "watcher"})
            self.assertEqual(status, 200)
            worst = max(worst, time.monotonic() - start)
            time.sleep(0.02)
        return worst

    def test_storm_from_40_addresses_keeps_pages_fast(self):
        results = []
        lock = threading.Lock()

        def attacker(i):
            address = "127.0.%d.%d" % (1 + i // 200, 1 + i % 200)
            for _ in range(3):
                # A name of its own each, as a storm would: no account's limit stops it.
                status, retry = login_from(self.server.port, address, "tamu%d" % i,
                                           "salah sekali")
                with lock:
                    results.append((status, retry))

        threads = [threading.Thread(target=attacker, args=(i,)) for i in range(40)]
        for t in threads:
            t.start()
        time.sleep(0.2)  # the storm is under way
        health = self.slowest("/healthz", 1.5)
        article = self.slowest(self.article["path"], 1.5)
        for t in threads:
            t.join()
        self.assertLess(health, 0.5)
        self.assertLess(article, 0.5)
        statuses = [s for s, _ in results]
        self.assertEqual(len(statuses), 120)
        self.assertTrue(set(statuses) <= {401, 503}, statuses)
        # The lane (2 threads, 16 waiting) cannot take 40 at once: the rest are refused.
        self.assertIn(503, statuses)
        self.assertTrue(all(r == "5" for s, r in results if s == 503))
        # After the storm the owner still logs in (the lane drained).
        status, _ = login_from(self.server.port, "127.0.0.1", "pemilik", "kata sandi panjang")
        self.assertEqual(status, 200)
        metrics = self.server.get("/metrics")[2].decode()
        self.assertIn("warta_http_lane_refused_total", metrics)


if __name__ == "__main__":
    unittest.main()
