"""Comments and moderation end to end (docs/api.md): post, reply, edit (and
the edit window), delete, report -> queue, first comments and links queued then approved by
a moderator made with `warta user add`, honeypot, rate limits, closed threads, plain HTML
forms, hostile input, every sanitizer vector as a comment, exact counts under concurrency,
durability across kill -9."""

import glob
import html.parser
import http.client
import json
import os
import re
import signal
import time
import unittest
import xml.etree.ElementTree as ET

from readers_client import Client, Reply
from warta_harness import SHARED, WartaTestCase, parallel, parse_page, run_warta

NO_LIMITS = {"WARTA_RATELIMIT_ENABLED": "0"}
OPEN = dict(NO_LIMITS, WARTA_COMMENTS_MODERATE_FIRST="0")
PASSWORD = "kata sandi panjang"


class ActiveContent(html.parser.HTMLParser):
    """Finds what would run in a browser: script elements (other than the site's own
    script), on* attributes, and javascript:/vbscript:/data: URLs in any attribute."""

    URL_SCHEMES = ("javascript:", "vbscript:", "data:text/html")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # The site's own script and its JSON-LD data block (never executed) are expected.
        own_scripts = ("/static/comments.js", "/static/engage.js")
        if tag == "script" and (a.get("src") or "").split("?")[0] not in own_scripts and \
                a.get("type") != "application/ld+json":
            self.problems.append("script element: %r" % (attrs,))
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append("event handler %s on <%s>" % (name, tag))
            squashed = re.sub(r"[\s\x00-\x1f]", "", (value or "")).lower()
            if any(squashed.startswith(s) for s in self.URL_SCHEMES):
                self.problems.append("active URL in %s of <%s>: %r" % (name, tag, value))


def comment_section(body):
    text = body.decode()
    start = text.index('<section id="comments"')
    return text[start:text.index("</section>", start)]


class CommentsBase(WartaTestCase):
    env = OPEN

    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Komentar", "source": "KYODO",
                                         "body_text": "Satu paragraf.", "comments": 5})
        self.id = self.article["id"]
        self.path = self.article["path"]
        self.server = self.serve(env=self.env)

    def reader(self, name, agent=None):
        c = Client(self.server, agent=agent or "reader " + name)
        c.session()
        reply = c.register(name, PASSWORD)
        self.assertEqual(reply.status, 201, reply.body)
        return c

    def moderator(self, name="moderator1"):
        r = run_warta("user", "add", name, "--role", "moderator", "--db", self.db,
                      stdin=PASSWORD + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        c = Client(self.server, agent="moderator " + name)
        c.session()
        self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def post(self, client, body, parent=None, article=None):
        payload = {"body": body}
        if parent is not None:
            payload["parent_id"] = parent
        return client.post_json("/api/v1/articles/%s/comments" % (article or self.id), payload)

    def api_comments(self, client=None):
        c = client or Client(self.server)
        reply = c.request("GET", "/api/v1/articles/%d/comments" % self.id)
        self.assertEqual(reply.status, 200, reply.body)
        return reply.json()

    def count(self, server=None):
        return (server or self.server).get_json("/api/v1/articles/%d" % self.id)["counters"][
            "comments"]

    def page(self, client=None):
        c = client or Client(self.server, agent="page reader")
        reply = c.request("GET", self.path)
        self.assertEqual(reply.status, 200)
        return reply

    def page_count(self):
        return int(re.search(r"\d+", parse_page(self.page().body).texts["comments-count"]).group())


class CommentFlowTest(CommentsBase):
    def test_post_reply_edit_delete_with_exact_counts_and_page(self):
        self.assertEqual(self.count(), 0)  # the imported "comments": 5 is ignored
        budi, sari = self.reader("budi"), self.reader("sari")
        first = self.post(budi, "Halo *semua*, berita **bagus**.")
        self.assertEqual(first.status, 201, first.body)
        c = first.json()
        self.assertEqual((c["status"], c["author"], c["parent_id"], c["comments"]),
                         ("published", "budi", None, 1))
        self.assertEqual(c["body_html"], "<p>Halo <em>semua</em>, berita <strong>bagus</strong>.</p>")
        reply = self.post(sari, "Setuju!", parent=c["id"])
        self.assertEqual(reply.status, 201, reply.body)
        r = reply.json()
        self.assertEqual((r["parent_id"], r["depth"], r["comments"]), (c["id"], 1, 2))

        listed = self.api_comments()
        self.assertEqual([x["id"] for x in listed["comments"]], [c["id"], r["id"]])
        self.assertEqual(listed["count"], 2)
        section = comment_section(self.page().body)
        self.assertIn('id="comment-%d"' % c["id"], section)
        self.assertIn("<em>semua</em>", section)
        self.assertIn("membalas budi", section)
        self.assertEqual(self.page_count(), 2)

        edited = budi.request("PUT", "/api/v1/comments/%d" % c["id"],
                              json_body={"body": "Halo, sudah diperbaiki."})
        self.assertEqual(edited.status, 200, edited.body)
        self.assertIsNotNone(edited.json()["edited"])
        self.assertIn("diperbaiki", comment_section(self.page().body))
        not_mine = sari.request("PATCH", "/api/v1/comments/%d" % c["id"],
                                json_body={"body": "bukan milikku"})
        self.assertEqual(not_mine.status, 403)
        self.assertEqual(sari.request("DELETE", "/api/v1/comments/%d" % c["id"]).status, 403)

        deleted = budi.request("DELETE", "/api/v1/comments/%d" % c["id"])
        self.assertEqual(deleted.status, 200, deleted.body)
        self.assertEqual((deleted.json()["status"], deleted.json()["comments"]), ("deleted", 1))
        section = comment_section(self.page().body)
        self.assertIn("Komentar ini telah dihapus", section)  # the placeholder keeps the thread
        self.assertNotIn("diperbaiki", section)
        self.assertIn("Setuju!", section)
        self.assertEqual(self.count(), 1)
        self.assertEqual(self.page_count(), 1)
        self.assertEqual(budi.request("DELETE", "/api/v1/comments/%d" % c["id"]).status, 404)

    def test_plain_html_forms_post_reply_edit_delete_and_report(self):
        budi = self.reader("budi", agent="no javascript")
        token = parse_page(self.page(budi).body).meta["csrf-token"]
        action = "/api/v1/articles/%d/comments" % self.id
        posted = budi.request("POST", action, form={"csrf_token": token, "body": "Lewat formulir",
                                                    "website": ""})
        self.assertEqual(posted.status, 303, posted.body)
        location = posted.header("location")
        self.assertRegex(location, re.escape(self.path) + r"#comment-\d+$")
        cid = int(location.rsplit("-", 1)[1])
        replied = budi.request("POST", action, form={"csrf_token": token, "body": "Balasan",
                                                     "parent_id": str(cid)})
        self.assertEqual(replied.status, 303)
        edited = budi.request("POST", "/api/v1/comments/%d/edit" % cid,
                              form={"csrf_token": token, "body": "Disunting lewat formulir"})
        self.assertEqual(edited.status, 303)
        self.assertEqual(edited.header("location"), self.path + "#comment-%d" % cid)
        page = self.page(budi).body.decode()
        self.assertIn("Disunting lewat formulir", page)
        # The author's own actions are shown to them (and only them) by the per-reader rule.
        self.assertRegex(page, r'\.comment\[data-author="\d+"\] \.own')
        sari = self.reader("sari")
        sari_token = parse_page(self.page(sari).body).meta["csrf-token"]
        reported = sari.request("POST", "/api/v1/comments/%d/report" % cid,
                                form={"csrf_token": sari_token})
        self.assertEqual(reported.status, 303)
        self.assertIn("?comment=reported", reported.header("location"))
        notice = parse_page(sari.request("GET", self.path + "?comment=reported").body)
        self.assertIn("laporan Anda sudah kami terima", notice.texts["comments"])
        deleted = budi.request("POST", "/api/v1/comments/%d/delete" % cid,
                               form={"csrf_token": token})
        self.assertEqual(deleted.status, 303)
        self.assertEqual(self.count(), 1)
        # Logged out, the form sends the reader to log in and back.
        anon = Client(self.server, agent="anonymous")
        anon_token = parse_page(self.page(anon).body).meta["csrf-token"]
        refused = anon.request("POST", action, form={"csrf_token": anon_token, "body": "x"})
        self.assertEqual(refused.status, 303)
        self.assertTrue(refused.header("location").startswith("/login?next="))
        # Errors of form posts are pages with the status and a localized message.
        too_long = budi.request("POST", action, form={"csrf_token": token, "body": "x" * 5001})
        self.assertEqual(too_long.status, 413)
        self.assertIn("Komentar terlalu panjang", too_long.body.decode())
        self.assertEqual(self.count(), 1)

    def test_threads_deeper_than_the_bound_and_pages_and_feed(self):
        budi = self.reader("budi")
        parent = None
        ids = []
        for i in range(6):
            reply = self.post(budi, "tingkat %d" % i, parent=parent)
            self.assertEqual(reply.status, 201, reply.body)
            ids.append(reply.json())
            parent = reply.json()["id"]
        self.assertEqual([c["depth"] for c in ids], [0, 1, 2, 3, 3, 3])
        self.assertEqual(ids[4]["parent_id"], ids[2]["id"])
        for i in range(25):
            self.assertEqual(self.post(budi, "utas %d" % i).status, 201)
        page1 = comment_section(self.page().body)
        self.assertIn("utas 18", page1)
        self.assertNotIn("utas 19<", page1)  # 20 threads per page
        self.assertIn("/komentar?page=2", page1)
        page2 = budi.request("GET", self.path + "/komentar?page=2")
        self.assertEqual(page2.status, 200)
        self.assertIn("utas 24", page2.body.decode())
        newest = budi.request("GET", self.path + "/komentar?order=newest").body.decode()
        self.assertLess(newest.index("utas 24"), newest.index("utas 23"))
        feed = budi.request("GET", self.path + "/comments.xml")
        self.assertEqual(feed.status, 200)
        self.assertIn("application/atom+xml", feed.header("content-type"))
        root = ET.fromstring(feed.body)
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        self.assertEqual(len(entries), 31)
        self.assertIn("utas 24", entries[0].find("{http://www.w3.org/2005/Atom}content").text)

    def test_thread_page_kept_for_readers_without_an_account_follows_every_change(self):
        # Readers without an account get the thread page kept for all of them (their CSRF
        # token a hole): a comment posted or edited shows on their next request, as on the
        # article page, not when the kept page expires.
        path = self.path + "/komentar"
        anna, dewi = Client(self.server, agent="reader anna"), Client(self.server, agent="reader dewi")
        for c in (anna, dewi):
            c.session()
        self.assertNotIn("baru di halaman utas", anna.request("GET", path).body.decode())
        budi = self.reader("budi")
        posted = self.post(budi, "baru di halaman utas")
        self.assertEqual(posted.status, 201, posted.body)
        page = anna.request("GET", path).body.decode()
        self.assertIn("baru di halaman utas", page)
        edited = budi.request("PUT", "/api/v1/comments/%d" % posted.json()["id"],
                              json_body={"body": "diperbaiki di halaman utas"})
        self.assertEqual(edited.status, 200, edited.body)
        page = anna.request("GET", path).body.decode()
        self.assertIn("diperbaiki di halaman utas", page)
        self.assertNotIn("baru di halaman utas", page)
        # The same kept page, each reader's own token in its forms, the same on every request.
        tokens = {}
        for name, c in (("anna", anna), ("dewi", dewi)):
            seen = set()
            for _ in range(2):
                seen |= set(re.findall(r'name="csrf_token" value="([^"]+)"',
                                       c.request("GET", path).body.decode()))
            self.assertEqual(len(seen), 1, seen)
            tokens[name] = seen.pop()
        self.assertNotEqual(tokens["anna"], tokens["dewi"])
        # A logged-in reader's page is theirs: their role, their own comments' buttons.
        own = budi.request("GET", path).body.decode()
        self.assertIn('data-viewer="reader"', own)
        self.assertRegex(own, r'\.comment\[data-author="\d+"\] \.own')
        self.assertIn('data-viewer="anonymous"', page)

    def test_edit_after_the_window_is_refused(self):
        self.server.stop(signal.SIGKILL)
        self.server = self.serve(env=dict(OPEN, WARTA_COMMENTS_EDIT_MINUTES="0"))
        budi = self.reader("budi")
        c = self.post(budi, "cepat").json()
        time.sleep(1.2)
        late = budi.request("PUT", "/api/v1/comments/%d" % c["id"], json_body={"body": "telat"})
        self.assertEqual(late.status, 403)
        self.assertIn("edit window", late.json()["error"])
        self.assertEqual(self.api_comments()["comments"][0]["body_html"], "<p>cepat</p>")


class ModerationTest(CommentsBase):
    env = NO_LIMITS  # first comments wait for a moderator (the default)

    def test_first_comment_waits_until_a_moderator_approves(self):
        budi = self.reader("budi")
        first = self.post(budi, "Komentar pertama saya")
        self.assertEqual(first.status, 201)
        c = first.json()
        self.assertEqual((c["status"], c["comments"]), ("pending", 0))
        self.assertEqual(self.api_comments()["comments"], [])
        self.assertNotIn("Komentar pertama saya", comment_section(self.page().body))
        self.assertEqual(budi.request("POST", "/api/v1/comments/%d/approve" % c["id"]).status, 403)

        mod = self.moderator()
        queue = mod.request("GET", "/moderasi")
        self.assertEqual(queue.status, 200)
        self.assertIn("Komentar pertama saya", queue.body.decode())
        self.assertIn("komentar pertama akun", queue.body.decode())
        self.assertEqual(mod.request("GET", "/moderation").status, 200)
        self.assertEqual(self.api_comments(mod)["comments"][0]["status"], "pending")
        approved = mod.post_json("/api/v1/comments/%d/approve" % c["id"])
        self.assertEqual(approved.status, 200, approved.body)
        self.assertEqual(approved.json(), {"id": c["id"], "status": "published"})
        self.assertIn("Komentar pertama saya", comment_section(self.page().body))
        self.assertEqual(self.count(), 1)
        self.assertEqual(self.page_count(), 1)
        log = mod.request("GET", "/moderasi").body.decode()
        self.assertIn("disetujui", log)
        # The second comment of an approved account is published at once.
        self.assertEqual(self.post(budi, "Kedua").json()["status"], "published")
        # Readers and visitors do not get the moderation page.
        self.assertEqual(budi.request("GET", "/moderasi").status, 403)
        self.assertEqual(Client(self.server).request("GET", "/moderasi").status, 303)

    def test_links_wait_and_moderation_forms_reject_and_ban(self):
        mod = self.moderator()
        budi = self.reader("budi")
        self.assertEqual(self.post(mod, "Selamat datang").json()["status"], "published")
        linked = self.post(budi, "lihat https://example.com/promo").json()
        self.assertEqual(linked["status"], "pending")
        page = mod.request("GET", "/moderasi")
        token = parse_page(page.body).meta["csrf-token"]
        rejected = mod.request("POST", "/api/v1/comments/%d/reject" % linked["id"],
                               form={"csrf_token": token})
        self.assertEqual(rejected.status, 303)
        self.assertEqual(rejected.header("location"), "/moderasi")
        spam = self.post(budi, "beli sekarang www.example.com").json()
        self.assertEqual(spam["status"], "pending")
        banned = mod.request("POST", "/api/v1/comments/%d/ban" % spam["id"],
                             form={"csrf_token": token})
        self.assertEqual(banned.status, 303)
        refused = self.post(budi, "masih bisa?")
        self.assertEqual(refused.status, 403)
        self.assertIn("may not comment", refused.json()["error"])
        log = mod.request("GET", "/moderasi").body.decode()
        self.assertIn("ditolak", log)
        self.assertIn("diblokir", log)
        self.assertEqual(self.count(), 1)

    def test_reports_send_a_comment_back_to_the_queue(self):
        self.server.stop(signal.SIGKILL)
        self.server = self.serve(env=dict(OPEN, WARTA_COMMENTS_REPORT_THRESHOLD="2"))
        budi, sari, joko = self.reader("budi"), self.reader("sari"), self.reader("joko")
        c = self.post(budi, "kontroversial").json()
        self.assertEqual(self.count(), 1)
        first = sari.post_json("/api/v1/comments/%d/report" % c["id"])
        self.assertEqual((first.status, first.json()["first"]), (200, True))
        again = sari.post_json("/api/v1/comments/%d/report" % c["id"])
        self.assertEqual((again.json()["first"], again.json()["status"]), (False, "published"))
        self.assertEqual(Client(self.server).post_json(
            "/api/v1/comments/%d/report" % c["id"]).status, 403)  # no CSRF token, no account
        second = joko.post_json("/api/v1/comments/%d/report" % c["id"])
        self.assertEqual(second.json()["status"], "pending")
        self.assertEqual(self.count(), 0)
        self.assertNotIn("kontroversial", comment_section(self.page().body))
        mod = self.moderator()
        self.assertIn("kontroversial", mod.request("GET", "/moderasi").body.decode())

    def test_closed_threads_refuse_comments(self):
        self.server.stop(signal.SIGKILL)
        self.server = self.serve(env=OPEN)
        mod = self.moderator()
        budi = self.reader("budi")
        closed = mod.post_json("/api/v1/articles/%d/comments/close" % self.id)
        self.assertEqual(closed.status, 200, closed.body)
        refused = self.post(budi, "tutup?")
        self.assertEqual(refused.status, 403)
        self.assertIn("closed", refused.json()["error"])
        section = comment_section(self.page().body)
        self.assertIn("sudah ditutup", section)
        self.assertNotIn('class="comment-form"', section)
        self.assertEqual(budi.post_json("/api/v1/articles/%d/comments/open" % self.id).status, 403)
        self.assertEqual(mod.post_json("/api/v1/articles/%d/comments/open" % self.id).status, 200)
        self.assertEqual(self.post(budi, "buka lagi").status, 201)

    def test_comments_close_after_n_days(self):
        old = self.add_article({"title": "Lama", "body_text": "x",
                                "published": "2020-01-01T00:00:00Z"})
        self.server.stop(signal.SIGKILL)
        self.server = self.serve(env=dict(OPEN, WARTA_COMMENTS_CLOSE_AFTER_DAYS="30"))
        budi = self.reader("budi")
        self.assertEqual(self.post(budi, "lama", article=old["id"]).status, 403)
        self.assertEqual(self.post(budi, "baru").status, 201)


class SpamAndLimitsTest(CommentsBase):
    def test_honeypot_posts_are_kept_out_quietly(self):
        budi = self.reader("budi")
        token = parse_page(self.page(budi).body).meta["csrf-token"]
        caught = budi.request("POST", "/api/v1/articles/%d/comments" % self.id,
                              form={"csrf_token": token, "body": "beli obat",
                                    "website": "http://spam.example"})
        self.assertEqual(caught.status, 303)
        self.assertIn("?comment=pending", caught.header("location"))
        as_json = budi.post_json("/api/v1/articles/%d/comments" % self.id,
                                 {"body": "beli obat", "website": "x"})
        self.assertEqual((as_json.status, as_json.json()["status"]), (201, "pending"))
        self.assertEqual(self.api_comments()["comments"], [])
        self.assertEqual(self.count(), 0)
        page = self.page().body.decode()
        self.assertIn('name="website"', page)  # the trap is in every form
        self.assertNotIn("beli obat", page)

    def test_comment_floods_are_rate_limited_per_address_and_account(self):
        self.server.stop(signal.SIGKILL)
        self.server = self.serve(env={"WARTA_COMMENTS_MODERATE_FIRST": "0",
                                      "WARTA_RATELIMIT_COMMENTS_PER_MINUTE": "3"})
        budi = self.reader("budi")
        statuses = [self.post(budi, "banjir %d" % i).status for i in range(5)]
        self.assertEqual(statuses[:3], [201] * 3)
        self.assertEqual(statuses[3:], [429, 429])
        limited = self.post(budi, "lagi")
        self.assertTrue(int(limited.header("retry-after")) >= 1)
        self.assertEqual(self.count(), 3)

    def test_hostile_input_gets_clear_errors_and_no_counter_drift(self):
        budi = self.reader("budi")
        url = "/api/v1/articles/%d/comments" % self.id
        self.assertEqual(budi.request("POST", url, json_body={"body": "x"}, csrf=False).status, 403)
        forged = budi.request("POST", url, json_body={"body": "x"},
                              headers={"X-CSRF-Token": "A" * 40})
        self.assertEqual(forged.status, 403)
        # A token from before the login (another subject) is a replayed form: refused.
        visitor = Client(self.server, agent="replay")
        visitor.session()
        old_token = visitor.token
        self.assertEqual(visitor.register("joko", PASSWORD).status, 201)
        replay = visitor.request("POST", url, json_body={"body": "x"},
                                 headers={"X-CSRF-Token": old_token})
        self.assertEqual(replay.status, 403)
        cases = [
            (b"{not json", 400), (b"[]", 400), (b'{"body": 5}', 400), (b"{}", 400),
            (b'{"body": ""}', 400), (b'{"body": "   \\n\\t "}', 400),
            (json.dumps({"body": "x" * 5001}).encode(), 413),
            (json.dumps({"body": "\u65e5" * 5001}).encode(), 413),
            (json.dumps({"body": "ok", "parent_id": -1}).encode(), 400),
            (json.dumps({"body": "ok", "parent_id": "3"}).encode(), 400),
            (json.dumps({"body": "ok", "parent_id": 99999999}).encode(), 400),
            (json.dumps({"body": "ok", "parent_id": 2 ** 70}).encode(), 400),
            (b'{"body": "bad \\udc80 surrogate"}', 400),
        ]
        for raw, status in cases:
            reply = self.raw_post(budi, url, raw)
            self.assertEqual(reply.status, status, (raw[:60], reply.body))
            self.assertIn("error", json.loads(reply.body))
        try:  # over the server's body limit: 413, or the connection closed while sending
            huge = self.raw_post(budi, url, b'{"body": "' + b"x" * (2 * 1024 * 1024) + b'"}')
            self.assertEqual(huge.status, 413)
        except (ConnectionError, http.client.HTTPException):
            pass
        for bad in ["999999", "0", "-1", "abc", "99999999999999999999"]:
            self.assertEqual(self.post(budi, "x", article=bad).status, 404, bad)
            self.assertEqual(budi.request("DELETE", "/api/v1/comments/" + bad).status, 404, bad)
            self.assertEqual(budi.request("GET", "/api/v1/articles/%s/comments" % bad).status,
                             404, bad)
        other = self.add_article({"title": "Lain", "body_text": "x"})
        theirs = self.post(budi, "di artikel lain", article=other["id"]).json()
        cross = self.post(budi, "balas silang", parent=theirs["id"])
        self.assertEqual(cross.status, 400)
        self.assertEqual(self.count(), 0)

    def raw_post(self, client, url, raw):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        try:
            headers = {"Content-Type": "application/json", "X-CSRF-Token": client.token,
                       "Cookie": "; ".join("%s=%s" % kv for kv in client.cookies.items()),
                       "User-Agent": client.agent}
            conn.request("POST", url, body=raw, headers=headers)
            resp = conn.getresponse()
            return Reply(resp.status, [(k.lower(), v) for k, v in resp.getheaders()], resp.read())
        finally:
            conn.close()


def sanitize_vectors():
    """Every file of corpus/sanitize as comment bodies: each DOMPurify payload, each line
    of the bleach reference, and the Miniflux pages in pieces under the size limit."""
    root = os.path.join(SHARED, "corpus", "sanitize")
    bodies = []
    with open(os.path.join(root, "dompurify", "expect.json"), encoding="utf-8") as f:
        bodies += [case["payload"] for case in json.load(f)]
    with open(os.path.join(root, "bleach-reference.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            bodies.append(record.get("default", {}).get("output", line)[:4900])
    for path in sorted(glob.glob(os.path.join(root, "miniflux", "*.html"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        bodies += [text[i:i + 4900] for i in range(0, len(text), 4900)]
    return [b for b in bodies if b.strip()]


class XssAndDurabilityTest(CommentsBase):
    env = dict(OPEN, WARTA_COMMENTS_MODERATE_LINKS="0", WARTA_COMMENTS_PAGE_SIZE="500")

    def test_every_sanitizer_vector_as_a_comment_renders_inert(self):
        vectors = sanitize_vectors()
        self.assertGreater(len(vectors), 300)
        budi = self.reader("budi")
        statuses = parallel(lambda body: self.post(budi, body).status, vectors, threads=8)
        self.assertEqual(set(statuses) - {201, 400}, set(), statuses)
        published = statuses.count(201)
        self.assertGreater(published, 300)
        # Whole files are far over the limit: refused, not truncated.
        with open(os.path.join(SHARED, "corpus", "sanitize", "miniflux",
                               "miniflux_wikipedia.html"), encoding="utf-8") as f:
            self.assertEqual(self.post(budi, f.read()).status, 413)
        self.assertEqual(self.count(), published)
        pages = [self.page().body]
        pages.append(Client(self.server).request("GET", self.path + "/komentar?page=2").body)
        for page in pages:
            section = comment_section(page)
            self.assertEqual(section.count("<script"), 1)  # the site's own comments.js
            checker = ActiveContent()
            checker.feed(page.decode())
            self.assertEqual(checker.problems[:5], [])
            # Inside tags only: the vectors' own text (escaped) may spell anything.
            self.assertNotRegex(section, r"(?i)<[^<>]+\son[a-z]+\s*=")
            self.assertNotRegex(
                section, r"(?i)<[^<>]+(href|src|action|formaction)\s*=\s*[\"']?\s*javascript:")
        for c in self.api_comments()["comments"]:
            checker = ActiveContent()
            checker.feed(c["body_html"])
            self.assertEqual(checker.problems, [], c["body_html"][:200])
        feed = Client(self.server).request("GET", self.path + "/comments.xml")
        ET.fromstring(feed.body)  # well-formed whatever the comments held

    def test_count_exact_under_50_concurrent_posts(self):
        readers = parallel(lambda i: self.reader("pembaca%d" % i), list(range(10)), threads=10)
        jobs = [(readers[i % 10], "serentak %d" % i) for i in range(50)]
        statuses = parallel(lambda job: self.post(job[0], job[1]).status, jobs, threads=50)
        self.assertEqual(statuses, [201] * 50)
        self.assertEqual(self.count(), 50)
        self.assertEqual(self.page_count(), 50)
        self.assertEqual(len(self.api_comments()["comments"]), 50)
        deletes = parallel(
            lambda c: readers[0].request("DELETE", "/api/v1/comments/%d" % c["id"]).status,
            [c for c in self.api_comments()["comments"] if c["author"] == "pembaca0"], threads=5)
        self.assertEqual(deletes, [200] * 5)
        self.assertEqual(self.count(), 45)
        self.assertEqual(self.server.stop(signal.SIGTERM), 0)
        self.assertEqual(self.count(self.serve(env=self.env)), 45)

    def test_acknowledged_comments_survive_kill_9(self):
        budi = self.reader("budi")
        acked = [self.post(budi, "tahan banting %d" % i).json()["id"] for i in range(20)]
        last = self.post(budi, "yang terakhir")
        self.assertEqual(last.status, 201)
        self.server.proc.send_signal(signal.SIGKILL)  # right after the reply
        self.server.proc.wait()
        self.server = self.serve(env=self.env)
        ids = [c["id"] for c in self.api_comments()["comments"]]
        self.assertEqual(ids, acked + [last.json()["id"]])
        self.assertEqual(self.count(), 21)
        self.assertIn("yang terakhir", comment_section(self.page().body))


if __name__ == "__main__":
    unittest.main()
