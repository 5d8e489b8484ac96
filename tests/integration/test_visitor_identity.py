"""Issue 16, findings 4 and 5: a new visitor's cookie holds a random id, so readers behind
one address with one browser are two visitors; the address + user-agent hash stands only for
clients without a cookie, and what those count from one address (views, likes, shares) is
capped per hour (ratelimit.cookieless_per_hour), so rotating user agents buys at most that
(docs/security.md "Counters")."""

import http.client
import json
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parse_page

BUDGET = 10


class VisitorIdentityTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Identitas", "source": "KYODO",
                                         "body_text": "Satu paragraf.", "views": 5, "likes": 2})
        self.id = self.article["id"]
        self.api = "/api/v1/articles/%d" % self.id
        self.server = self.serve(env={"WARTA_RATELIMIT_COOKIELESS_PER_HOUR": str(BUDGET)})

    def counters(self):
        return self.server.get_json(self.api)["counters"]

    def test_rotating_user_agents_gain_at_most_the_budget_of_views(self):
        for i in range(3 * BUDGET):
            status, headers, _ = self.server.get(self.article["path"],
                                                 {"User-Agent": "Mozilla/5.0 (rotating %d)" % i})
            self.assertEqual(status, 200)
            self.assertIn("warta_vid=", headers["set-cookie"])
        self.assertEqual(self.counters()["views"], 5 + BUDGET)
        # Readers who carry their cookie are not limited by it.
        readers = [Client(self.server, agent="Mozilla/5.0 (same phone)") for _ in range(3)]
        for r in readers:
            r.session()  # the cookie first, as a browser has it after any page
            self.assertEqual(r.request("GET", self.article["path"]).status, 200)
        self.assertEqual(self.counters()["views"], 5 + BUDGET + 3)

    def test_rotating_user_agents_gain_at_most_the_budget_of_likes(self):
        statuses = []
        for i in range(2 * BUDGET):
            agent = "Mozilla/5.0 (liker %d)" % i
            conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
            conn.request("GET", "/api/v1/session", headers={"User-Agent": agent})
            token = json.loads(conn.getresponse().read())["csrf_token"]
            # No cookie sent back: the address + agent hash is the liker.
            conn.request("POST", self.api + "/like", body="{}",
                         headers={"User-Agent": agent, "X-CSRF-Token": token,
                                  "Content-Type": "application/json"})
            reply = conn.getresponse()
            reply.read()
            statuses.append(reply.status)
            conn.close()
        self.assertEqual(statuses, [200] * BUDGET + [429] * BUDGET)
        self.assertEqual(self.counters()["likes"], 2 + BUDGET)

    def test_two_cookie_jars_behind_one_address_and_browser_like_twice(self):
        jars = [Client(self.server, agent="Mozilla/5.0 (Android; same model)") for _ in range(2)]
        for jar in jars:
            page = jar.request("GET", self.article["path"])
            self.assertEqual(page.status, 200)
            # The first page's token, from before the cookie existed, is good for the like.
            jar.token = parse_page(page.body).meta["csrf-token"]
        self.assertNotEqual(jars[0].cookies["warta_vid"], jars[1].cookies["warta_vid"])
        for jar in jars:
            reply = jar.like(self.id)
            self.assertEqual(reply.status, 200, reply.body)
            self.assertTrue(reply.json()["changed"])
        self.assertEqual(self.counters()["likes"], 2 + 2)
        # Each has its own CSRF token now, and one's token is useless to the other.
        for jar in jars:
            jar.session()
        self.assertNotEqual(jars[0].token, jars[1].token)
        jars[0].token, jars[1].token = jars[1].token, jars[0].token
        self.assertEqual(jars[0].like(self.id, method="DELETE").status, 403)


if __name__ == "__main__":
    unittest.main()
