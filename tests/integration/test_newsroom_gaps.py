"""Issue 12's last gaps over a real server and real ingest: "fetch now" in the admin (202, the
source's health shows the fetch, a second click within 30 s refused with 429); a source that
republishes an item it sent before (same guid, changed title and text) fills the wire row's
update for the editor's "source updated" diff, never a second article and never over the
editor's own edit; /admin/people makes invitation and password reset links (CSRF, audit log)
that then open their pages. Every result is read back from the database."""

import http.server
import json
import re
import threading
import time
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, run_warta

PASSWORD = "kata sandi panjang"
ALLOW = {"WARTA_FETCH_ALLOW_PRIVATE": "1", "WARTA_RATELIMIT_ENABLED": "0"}


class Feed:
    """One RSS item on loopback whose title and text the test changes; counts the fetches."""

    def __init__(self):
        self.title, self.text = "Kereta cepat mulai beroperasi", "Kereta cepat mulai hari ini."
        self.fetches = 0
        feed = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                feed.fetches += 1
                body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Kawat</title>'
                        '<link>http://127.0.0.1/</link><item><title>%s</title>'
                        '<link>http://127.0.0.1:%d/k/1</link><guid>kawat-1</guid>'
                        '<description>&lt;p&gt;%s&lt;/p&gt;</description>'
                        '<pubDate>Mon, 30 Nov 2026 01:00:00 +0000</pubDate></item></channel></rss>'
                        % (feed.title, self.server.server_port, feed.text)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d/feed.xml" % self.server.server_port

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class NewsroomGapsTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.assertEqual(run_warta("migrate", "--db", self.db).returncode, 0)
        for name, role in (("redaktur", "editor"), ("kepala", "admin"), ("pembaca", "reader")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db,
                          stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.feed = Feed()
        self.addCleanup(self.feed.close)

    def client(self, server, name):
        c = Client(server)
        c.session()
        self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def wait_for(self, done, what, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if done():
                return
            time.sleep(0.1)
        self.fail("timed out waiting for " + what)

    def test_fetch_now_fetches_the_source_and_its_health_shows_it(self):
        # An hour between scheduled runs: only "fetch now" fetches a source added later.
        env = dict(ALLOW, WARTA_INGEST_INTERVAL_SECONDS="3600")
        server = self.serve(env=env)
        editor = self.client(server, "redaktur")
        reply = editor.post_json("/api/v1/admin/sources", {"url": self.feed.url, "name": "Kawat"})
        self.assertEqual(reply.status, 201, reply.body)
        source_id = reply.json()["id"]
        page = editor.request("GET", "/admin/sources").body.decode()
        self.assertIn('action="/admin/sources/%d/fetch"' % source_id, page)
        time.sleep(1)
        self.assertEqual(self.feed.fetches, 0)

        reply = editor.post_json("/api/v1/admin/sources/%d/fetch" % source_id)
        self.assertEqual(reply.status, 202, reply.body)
        self.assertEqual(reply.json(), {"id": source_id, "queued": True})

        def health():
            sources = editor.request("GET", "/api/v1/admin/sources").json()["sources"]
            return [s for s in sources if s["id"] == source_id][0]["health"]
        self.wait_for(lambda: health()["last_fetch"] is not None, "the fetch")
        self.assertEqual(self.feed.fetches, 1)
        self.assertEqual(health()["status"], 200)
        self.assertEqual(self.sql("SELECT count(*) FROM articles WHERE source_id = ?", source_id),
                         [(1,)])
        self.assertEqual(self.sql("SELECT action FROM audit_log WHERE action = 'source.fetch'"),
                         [("source.fetch",)])

        # Again at once: refused with the wait, and the outlet is not asked again.
        reply = editor.post_json("/api/v1/admin/sources/%d/fetch" % source_id)
        self.assertEqual(reply.status, 429, reply.body)
        self.assertRegex(reply.json()["error"], r"was fetched \d+ s ago; fetch it again in \d+ s")
        # The admin page's button says so too, without an error page.
        reply = editor.request("POST", "/admin/sources/%d/fetch" % source_id,
                               form={"csrf_token": editor.token})
        self.assertEqual(reply.status, 303)
        self.assertIn("done=source_fetch_too_soon", reply.header("location"))
        time.sleep(0.5)
        self.assertEqual(self.feed.fetches, 1)
        # Unknown source: 404; a reader: 403.
        self.assertEqual(editor.post_json("/api/v1/admin/sources/999/fetch").status, 404)
        reader = self.client(server, "pembaca")
        self.assertEqual(reader.post_json("/api/v1/admin/sources/%d/fetch" % source_id).status, 403)

    def ingest(self):
        r = run_warta("ingest", "--once", "--force", "--db", self.db, env=ALLOW, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout + r.stderr

    def test_a_republished_item_becomes_a_source_update_beside_the_editors_work(self):
        r = run_warta("source", "add", self.feed.url, "--name", "Kawat", "--db", self.db, env=ALLOW)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.ingest()
        [(article_id, title)] = self.sql("SELECT id, title FROM articles")
        self.assertEqual(title, "Kereta cepat mulai beroperasi")
        # The feed says the same again: nothing to record.
        self.ingest()
        self.assertEqual(self.sql("SELECT updated_at, update_title FROM article_wire"), [(0, "")])

        # The editor works on the article through the newsroom (a new revision).
        server = self.serve(env=dict(ALLOW, WARTA_INGEST_ENABLED="0"))
        editor = self.client(server, "redaktur")
        got = editor.request("GET", "/api/v1/admin/articles/%d" % article_id)
        self.assertEqual(got.status, 200, got.body)
        reply = editor.request("PATCH", "/api/v1/admin/articles/%d" % article_id, json_body={
            "title": "Kereta cepat Jakarta-Bandung mulai beroperasi",
            "version": got.json()["version"]}, headers={"X-CSRF-Token": editor.token})
        self.assertEqual(reply.status, 200, reply.body)
        edited = self.sql("SELECT title, body_html, version FROM articles WHERE id = ?", article_id)

        # The source changes its item: same guid, new title and text.
        self.feed.title = "Kereta cepat mulai beroperasi pekan depan"
        self.feed.text = "Kereta cepat mulai beroperasi pekan depan, bukan hari ini."
        self.ingest()
        self.assertEqual(self.sql("SELECT count(*) FROM articles"), [(1,)])  # no second draft
        self.assertEqual(self.sql("SELECT title, body_html, version FROM articles WHERE id = ?",
                                  article_id), edited)  # the editor's work untouched
        [(original_title, original_body, update_title, update_body, updated_at)] = self.sql(
            "SELECT original_title, original_body_html, update_title, update_body_html, "
            "updated_at FROM article_wire WHERE article_id = ?", article_id)
        self.assertEqual(original_title, "Kereta cepat mulai beroperasi")
        self.assertIn("mulai hari ini", original_body)
        self.assertEqual(update_title, "Kereta cepat mulai beroperasi pekan depan")
        self.assertIn("bukan hari ini", update_body)
        self.assertGreater(updated_at, 0)

        # The editor sees "source updated" with the words that changed.
        page = editor.request("GET", "/admin/articles/%d" % article_id).body.decode()
        self.assertIn('id="wire-update-heading"', page)
        self.assertRegex(page, r"<ins[^>]*>\s*pekan")

        # The same changed item again: written once.
        self.sql("UPDATE article_wire SET updated_at = 1 WHERE article_id = ?", article_id)
        self.ingest()
        self.assertEqual(self.sql("SELECT updated_at FROM article_wire"), [(1,)])

    def test_people_page_makes_invitation_and_reset_links(self):
        server = self.serve(env=ALLOW)
        admin = self.client(server, "kepala")
        page = admin.request("GET", "/admin/people").body.decode()
        self.assertIn('action="/admin/people/invite"', page)
        [(reader_id,)] = self.sql("SELECT id FROM users WHERE name = 'pembaca'")
        self.assertIn('action="/admin/people/%d/reset"' % reader_id, page)

        # Without the CSRF token: refused, nothing made.
        reply = admin.request("POST", "/admin/people/invite", form={"role": "editor"})
        self.assertEqual(reply.status, 403)
        self.assertEqual(self.sql("SELECT count(*) FROM account_links"), [(0,)])

        reply = admin.request("POST", "/admin/people/invite",
                              form={"role": "editor", "csrf_token": admin.token})
        self.assertEqual(reply.status, 200, reply.body[:300])
        body = reply.body.decode()
        link = re.search(r'id="issued-link-url" value="[^"]*?(/undangan/[A-Za-z0-9_-]+)"', body)
        self.assertIsNotNone(link, body[:2000])
        self.assertEqual(self.sql("SELECT kind, role FROM account_links"), [("invite", "editor")])
        self.assertEqual(self.sql("SELECT action, summary FROM audit_log WHERE action = 'user.invite'"),
                         [("user.invite", "an invitation as editor")])
        # The token itself is nowhere in the database (only its hash).
        token = link.group(1).rsplit("/", 1)[1]
        self.assertEqual(self.sql("SELECT count(*) FROM account_links WHERE token_hash = ?", token),
                         [(0,)])
        self.assertEqual(Client(server).request("GET", link.group(1)).status, 200)

        reply = admin.request("POST", "/admin/people/%d/reset" % reader_id,
                              form={"csrf_token": admin.token})
        self.assertEqual(reply.status, 200)
        link = re.search(r'value="[^"]*?(/reset/[A-Za-z0-9_-]+)"', reply.body.decode())
        self.assertIsNotNone(link)
        self.assertEqual(Client(server).request("GET", link.group(1)).status, 200)
        self.assertEqual(
            self.sql("SELECT target_id FROM audit_log WHERE action = 'user.reset_link'"),
            [(reader_id,)])
        # A bad role, an unknown account, one's own account, a banned one: refused.
        bad = admin.request("POST", "/admin/people/invite",
                            form={"role": "owner", "csrf_token": admin.token})
        self.assertEqual(bad.status, 400)
        self.assertEqual(admin.request("POST", "/admin/people/999/reset",
                                       form={"csrf_token": admin.token}).status, 404)
        [(admin_id,)] = self.sql("SELECT id FROM users WHERE name = 'kepala'")
        self.assertEqual(admin.request("POST", "/admin/people/%d/reset" % admin_id,
                                       form={"csrf_token": admin.token}).status, 403)
        self.assertEqual(admin.request("POST", "/admin/people/%d/ban" % reader_id,
                                       form={"ban": "1", "csrf_token": admin.token}).status, 303)
        self.assertEqual(admin.request("POST", "/admin/people/%d/reset" % reader_id,
                                       form={"csrf_token": admin.token}).status, 409)
        self.assertEqual(self.sql("SELECT count(*) FROM account_links"), [(2,)])
        # An editor is not an admin.
        editor = self.client(server, "redaktur")
        self.assertEqual(editor.request("POST", "/admin/people/invite",
                                        form={"role": "admin", "csrf_token": editor.token}).status,
                         403)


if __name__ == "__main__":
    unittest.main()
