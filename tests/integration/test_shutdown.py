"""SIGTERM under load: the server drains, flushes every counted view and exits 0."""

import http.client
import itertools
import signal
import threading
import time
import unittest

from warta_harness import WartaTestCase


class ShutdownUnderLoadTest(WartaTestCase):
    def test_sigterm_under_load_exits_0_and_keeps_every_counted_view(self):
        article = self.add_article({"title": "Load", "source": "JIJI", "body_text": "Text."})
        # A new user agent per request, as a load generator: the per-address cap on cookie-less
        # visitors is off with the other limits (docs/security.md "Counters").
        server = self.serve(env={"WARTA_RATELIMIT_ENABLED": "0"})
        served = 0
        lock = threading.Lock()
        counter = itertools.count()
        stop = threading.Event()

        def client():
            nonlocal served
            while not stop.is_set():
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                    # Several requests per connection (keep-alive), each a new visitor.
                    for _ in range(20):
                        conn.request("GET", article["path"],
                                     headers={"User-Agent": "load-%d" % next(counter)})
                        resp = conn.getresponse()
                        resp.read()
                        if resp.status == 200:
                            with lock:
                                served += 1
                    conn.close()
                except (ConnectionError, http.client.HTTPException, OSError):
                    if server.proc.poll() is not None:
                        return
                    time.sleep(0.01)

        threads = [threading.Thread(target=client) for _ in range(16)]
        for t in threads:
            t.start()
        time.sleep(2.0)
        server.proc.send_signal(signal.SIGTERM)
        code = server.proc.wait(timeout=30)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        self.assertEqual(code, 0, server.output())
        self.assertGreater(served, 100)

        restarted = self.serve(env={"WARTA_RATELIMIT_ENABLED": "0"})
        views = restarted.get_json("/api/v1/articles/%d" % article["id"])["counters"]["views"]
        # Every response the clients got was a counted view; none may be lost.
        self.assertEqual(views, served, server.output()[-2000:])


if __name__ == "__main__":
    unittest.main()
