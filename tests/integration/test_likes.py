"""Likes and shares (docs/api.md): idempotent and exact under concurrency, durable once
acknowledged (kill -9), per-reader like state on the page, plain HTML form posts, bad ids,
shares per network, rate limits."""

import signal
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parallel, parse_page

NO_LIMITS = {"WARTA_RATELIMIT_ENABLED": "0"}


class LikesTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Likes", "source": "KYODO",
                                         "body_text": "One paragraph.", "likes": 2})
        self.id = self.article["id"]
        self.api = "/api/v1/articles/%d" % self.id
        self.server = self.serve(env=NO_LIMITS)

    def counters(self, server=None):
        return (server or self.server).get_json(self.api)["counters"]

    def like_state(self, client):
        page = client.request("GET", self.article["path"])
        self.assertEqual(page.status, 200)
        text = page.body.decode()
        parsed = parse_page(page.body)
        return text, parsed

    def test_like_unlike_idempotent_with_counters_and_page_state(self):
        c = Client(self.server)
        c.session()
        text, parsed = self.like_state(c)
        self.assertIn('name="action" value="like"', text)
        self.assertIn('data-liked="false"', text)
        first = c.like(self.id)
        self.assertEqual(first.status, 200, first.body)
        data = first.json()
        self.assertEqual((data["id"], data["liked"], data["changed"]), (self.id, True, True))
        self.assertEqual(data["counters"]["likes"], 3)
        self.assertEqual(set(data["counters"]), {"views", "likes", "comments", "shares"})
        # The texts the page shows, for scripts (static/engage.js) to put in place.
        self.assertEqual((data["texts"]["likes"], data["texts"]["like_prompt"],
                          data["texts"]["button"]), ("3", "3 orang menyukai ini", "Batal suka"))
        self.assertEqual(data["texts"]["likes_label"], "3 suka")
        again = c.like(self.id).json()
        self.assertEqual((again["changed"], again["counters"]["likes"]), (False, 3))
        self.assertEqual(self.counters()["likes"], 3)
        # The page knows this reader likes it (and shows it at once, from the cache).
        text, parsed = self.like_state(c)
        self.assertIn('name="action" value="unlike"', text)
        self.assertIn('data-liked="true"', text)
        self.assertIn("Batal suka", parsed.texts["like-button"])
        self.assertIn("3 orang menyukai ini", parsed.texts["like-button"])
        self.assertRegex(parsed.texts["likes"], r"\b3\b")
        # Someone else sees the count but not as theirs.
        other = Client(self.server, agent="another reader")
        text, _ = self.like_state(other)
        self.assertIn('data-liked="false"', text)

        gone = c.like(self.id, method="DELETE").json()
        self.assertEqual((gone["liked"], gone["changed"], gone["counters"]["likes"]),
                         (False, True, 2))
        self.assertEqual(gone["texts"]["button"], "Suka")
        self.assertEqual(c.like(self.id, method="DELETE").json()["changed"], False)
        self.assertEqual(self.counters()["likes"], 2)
        text, _ = self.like_state(c)
        self.assertIn('data-liked="false"', text)

    def test_500_visitors_like_twice_concurrently_then_250_unlike(self):
        visitors = [Client(self.server, agent="Mozilla/5.0 (visitor %d)" % i) for i in range(500)]
        parallel(lambda v: v.session(), visitors, threads=32)
        tokens = {v.cookies["warta_vid"] for v in visitors}
        self.assertEqual(len(tokens), 500)

        results = parallel(lambda v: v.like(self.id).status, visitors * 2, threads=64)
        self.assertEqual(set(results), {200})
        self.assertEqual(self.counters()["likes"], 2 + 500)

        leaving = visitors[:250]
        results = parallel(lambda v: v.like(self.id, method="DELETE").status, leaving * 2,
                           threads=64)
        self.assertEqual(set(results), {200})
        self.assertEqual(self.counters()["likes"], 2 + 250)
        # And the same after a restart: the counter is the stored one.
        self.assertEqual(self.server.stop(signal.SIGTERM), 0)
        self.assertEqual(self.counters(self.serve(env=NO_LIMITS))["likes"], 2 + 250)

    def test_acknowledged_likes_survive_kill_9(self):
        visitors = [Client(self.server, agent="durable %d" % i) for i in range(40)]
        parallel(lambda v: v.session(), visitors, threads=16)
        acknowledged = parallel(lambda v: v.like(self.id).status, visitors, threads=16)
        self.assertEqual(acknowledged, [200] * 40)
        last = Client(self.server, agent="the very last one")
        last.session()
        self.assertEqual(last.like(self.id).status, 200)
        self.server.proc.send_signal(signal.SIGKILL)  # right after the reply
        self.server.proc.wait()
        restarted = self.serve(env=NO_LIMITS)
        self.assertEqual(self.counters(restarted)["likes"], 2 + 41)
        # The liked state is durable too: the same visitor is still a liker.
        last.server = restarted
        self.assertEqual(last.like(self.id).json()["changed"], False)

    def test_plain_form_posts_like_and_unlike_and_redirect_back(self):
        c = Client(self.server, agent="no javascript")
        page = c.request("GET", self.article["path"])
        token = parse_page(page.body).meta["csrf-token"]
        reply = c.request("POST", "/api/v1/articles/%d/like" % self.id,
                          form={"csrf_token": token})
        self.assertEqual(reply.status, 303, reply.body)
        self.assertEqual(reply.header("location"), self.article["path"] + "#like-button")
        self.assertIn("warta_liked", c.cookies)
        text, parsed = self.like_state(c)
        self.assertIn('data-liked="true"', text)
        self.assertEqual(self.counters()["likes"], 3)
        reply = c.request("POST", "/api/v1/articles/%d/like" % self.id,
                          form={"csrf_token": token, "action": "unlike"})
        self.assertEqual(reply.status, 303)
        self.assertEqual(self.counters()["likes"], 2)
        bad = c.request("POST", "/api/v1/articles/%d/like" % self.id,
                        form={"csrf_token": token, "action": "explode"})
        self.assertEqual(bad.status, 400)
        forged = c.request("POST", "/api/v1/articles/%d/like" % self.id,
                           form={"csrf_token": "f" * 32})
        self.assertEqual(forged.status, 403)
        self.assertIn("text/html", forged.header("content-type"))
        self.assertEqual(self.counters()["likes"], 2)

    def test_logged_in_likes_belong_to_the_account_on_every_device(self):
        phone = Client(self.server, agent="phone")
        phone.session()
        self.assertEqual(phone.register("joko", "kata sandi panjang").status, 201)
        self.assertEqual(phone.like(self.id).json()["counters"]["likes"], 3)
        laptop = Client(self.server, agent="laptop")
        laptop.session()
        self.assertEqual(laptop.login("joko", "kata sandi panjang").status, 200)
        text, _ = self.like_state(laptop)
        self.assertIn('data-liked="true"', text)
        self.assertEqual(laptop.like(self.id).json()["changed"], False)
        # Logged out, the laptop is an anonymous visitor with a like of its own.
        laptop.post_json("/api/v1/auth/logout")
        laptop.session()
        self.assertEqual(laptop.like(self.id).json()["counters"]["likes"], 4)

    def test_missing_articles_and_bad_ids(self):
        c = Client(self.server)
        c.session()
        for article_id in ["999999", "0", "-1", "abc", "1e3", "99999999999999999999", "%31"]:
            reply = c.like(article_id)
            self.assertEqual(reply.status, 404, article_id)
            self.assertIn("error", reply.json())
        self.assertEqual(c.like(999999, method="DELETE").status, 404)
        self.assertEqual(self.counters()["likes"], 2)

    def test_shares_are_counted_per_network(self):
        c = Client(self.server)
        c.session()
        page = c.request("GET", self.article["path"]).body.decode()
        self.assertIn('action="%s/share?network=whatsapp"' % self.api, page)
        networks = ["whatsapp", "facebook", "x", "telegram", "line", "copy", "native"]
        for i, network in enumerate(networks):
            reply = c.request("POST", "%s/share?network=%s" % (self.api, network))
            self.assertEqual(reply.status, 200, reply.body)
            self.assertEqual(reply.json()["counters"]["shares"], i + 1)
            self.assertEqual(reply.json()["network"], network)
            self.assertEqual(reply.json()["texts"]["shares"], str(i + 1))
        for bad in ["", "?network=myspace", "?network=X", "?network=" + "a" * 100]:
            reply = c.request("POST", self.api + "/share" + bad)
            self.assertEqual(reply.status, 400, bad)
        self.assertEqual(c.request("POST", "/api/v1/articles/999999/share?network=x").status, 404)
        # A form post counts and goes on to the network.
        reply = c.request("POST", self.api + "/share?network=whatsapp",
                          form={"csrf_token": c.token})
        self.assertEqual(reply.status, 303)
        self.assertTrue(reply.header("location").startswith("https://wa.me/?text="))
        self.assertEqual(self.counters()["shares"], len(networks) + 1)
        _, parsed = self.like_state(c)
        self.assertRegex(parsed.texts["shares"], r"\b8\b")


class LikeLimitsTest(WartaTestCase):
    def test_likes_are_rate_limited_per_address(self):
        article = self.add_article({"title": "x", "body_text": "y"})
        server = self.serve(env={"WARTA_RATELIMIT_LIKES_PER_MINUTE": "5"})
        statuses = []
        for i in range(7):
            c = Client(server, agent="flooder %d" % i)
            c.session()
            statuses.append(c.like(article["id"]).status)
        self.assertEqual(statuses, [200] * 5 + [429] * 2)
        self.assertEqual(server.get_json("/api/v1/articles/%d" % article["id"])
                         ["counters"]["likes"], 5)


if __name__ == "__main__":
    unittest.main()
