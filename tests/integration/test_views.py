"""Views (README "Using the binary"): once per visitor per article per 30 minutes, exact under
concurrency, crawlers excluded, buffered views shown and flushed."""

import signal
import unittest

from warta_harness import WartaTestCase, parallel, run_warta

# Each user agent without a cookie is a visitor here, as a load generator's: the per-address
# cap on cookie-less visitors (test_visitor_identity.py) is off with the other limits.
NO_LIMITS = {"WARTA_RATELIMIT_ENABLED": "0"}


class ViewCountingTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Views", "source": "KYODO",
                                         "body_text": "One paragraph.", "views": 5})
        self.server = self.serve(env=NO_LIMITS)
        self.api = "/api/v1/articles/%d" % self.article["id"]

    def views(self, server=None):
        return (server or self.server).get_json(self.api)["counters"]["views"]

    def test_200_distinct_visitors_concurrently_each_twice_count_200(self):
        agents = ["Mozilla/5.0 (reader %d)" % i for i in range(200)] * 2

        def view(agent):
            status, _, _ = self.server.get(self.article["path"], {"User-Agent": agent})
            return status

        self.assertEqual(set(parallel(view, agents, threads=64)), {200})
        self.assertEqual(self.views(), 5 + 200)

    def test_cookie_visitor_counted_once_and_crawlers_not_at_all(self):
        status, headers, _ = self.server.get(self.article["path"], {"User-Agent": "Browser A"})
        self.assertEqual(status, 200)
        cookie = headers["set-cookie"].split(";")[0]
        self.assertTrue(cookie.startswith("warta_vid="))
        # Same visitor by cookie, even with another agent: not counted again.
        self.server.get(self.article["path"], {"User-Agent": "Browser B", "Cookie": cookie})
        # A forged cookie falls back to address + agent: a new visitor.
        self.server.get(self.article["path"], {"User-Agent": "Browser C",
                                               "Cookie": "warta_vid=0000000000000001.bad"})
        self.server.get(self.article["path"], {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
        self.assertEqual(self.views(), 5 + 2)

    def test_views_survive_sigterm_and_restart(self):
        agents = ["agent %d" % i for i in range(300)]
        parallel(lambda a: self.server.get(self.article["path"], {"User-Agent": a}), agents, 32)
        self.assertEqual(self.views(), 305)
        self.assertEqual(self.server.stop(signal.SIGTERM), 0)
        restarted = self.serve(env=NO_LIMITS)
        self.assertEqual(self.views(restarted), 305)


if __name__ == "__main__":
    unittest.main()
