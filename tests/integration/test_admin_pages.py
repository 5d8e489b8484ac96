"""The /admin pages' form posts over a real server (issue 12): the wire inbox (publish as it
came, discard, a stale page refused), sources (add, refuse a bad or taken URL, disable, hold
for review, OPML out and in), people (role change, ban ending the sessions, not one's own
account), sections (bad slug refused, create, reorder), and the rules every post keeps: no
CSRF token, nothing stored; a role too low, 403. Each result is read back from the database."""

import http.client
import http.server
import re
import sqlite3
import threading
import urllib.parse

from readers_client import Client
from warta_harness import WartaTestCase, run_warta

PASSWORD = "kata sandi panjang"


class AdminPagesTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.assertEqual(run_warta("migrate", "--db", self.db).returncode, 0)
        for name, role in (("redaktur", "editor"), ("kepala", "admin"), ("pembaca", "reader")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db, stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve(env={"WARTA_RATELIMIT_ENABLED": "0"})

    def client(self, name):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def post(self, client, path, fields, csrf=True):
        form = dict(fields)
        if csrf:
            form["csrf_token"] = client.token
        return client.request("POST", path, form=form)

    def query(self, sql, args=()):
        with sqlite3.connect(self.db_path) as db:
            return db.execute(sql, args).fetchall()

    def ingest_held(self, count):
        """Items of a source set to hold for review, ingested for real from a feed served on
        loopback: they wait in the inbox (status held)."""
        items = "".join("<item><title>Kabar kawat %d</title><link>http://127.0.0.1:%%d/k/%d</link>"
                        "<guid>kawat-%d</guid><description>Isi kawat %d.</description>"
                        "<pubDate>Mon, 30 Nov 2026 0%d:00:00 +0000</pubDate></item>" % (i, i, i, i, i)
                        for i in range(count))

        class Feed(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kawat</title>"
                        "<link>http://127.0.0.1/</link>" + items.replace("%d", str(self.server.server_port))
                        + "</channel></rss>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        feed = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
        threading.Thread(target=feed.serve_forever, daemon=True).start()
        try:
            env = {"WARTA_FETCH_ALLOW_PRIVATE": "1"}
            url = "http://127.0.0.1:%d/feed.xml" % feed.server_port
            r = run_warta("source", "add", url, "--review", "--db", self.db, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            r = run_warta("ingest", "--once", "--db", self.db, env=env, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
        finally:
            feed.shutdown()
            feed.server_close()
        rows = self.query("SELECT id, title FROM articles WHERE status = 'held' ORDER BY title")
        self.assertEqual([t for _, t in rows], ["Kabar kawat %d" % i for i in range(count)])
        return [{"id": i} for i, _ in rows]

    def test_wire_inbox(self):
        editor = self.client("redaktur")
        held = self.ingest_held(3)
        page = editor.request("GET", "/admin/inbox")
        self.assertEqual(page.status, 200)
        for a in held:
            self.assertIn('id="held-%d"' % a["id"], page.body.decode())
        version = re.search(r'action="/admin/inbox/%d/publish".*?name="version" value="(\d+)"' % held[0]["id"],
                            page.body.decode(), re.S).group(1)
        reply = self.post(editor, "/admin/inbox/%d/publish" % held[0]["id"], {"version": version})
        self.assertEqual((reply.status, reply.header("location")), (303, "/admin/inbox?done=inbox_published"))
        self.assertEqual(self.server.get_json("/api/v1/articles/%d" % held[0]["id"])["title"],
                         "Kabar kawat 0")
        reply = self.post(editor, "/admin/inbox/%d/discard" % held[1]["id"], {"version": version})
        self.assertEqual(reply.status, 303)
        self.assertEqual(self.query("SELECT status FROM articles WHERE id = ?", (held[1]["id"],)),
                         [("discarded",)])
        # A stale page (a version that is not the current one) changes nothing.
        reply = self.post(editor, "/admin/inbox/%d/publish" % held[2]["id"], {"version": "7"})
        self.assertEqual(reply.header("location"), "/admin/inbox?done=inbox_conflict")
        self.assertEqual(self.query("SELECT status FROM articles WHERE id = ?", (held[2]["id"],)),
                         [("held",)])
        self.assertNotIn('id="held-%d"' % held[1]["id"], editor.request("GET", "/admin/inbox").body.decode())

    def test_sources(self):
        editor = self.client("redaktur")
        reply = self.post(editor, "/admin/sources", {"url": "https://kabar.example/feed.xml",
                                                     "name": "Kabar", "review": "1"})
        self.assertEqual(reply.status, 303, reply.body[:500])
        rows = self.query("SELECT id, name, enabled, review FROM sources")
        self.assertEqual([r[1:] for r in rows], [("Kabar", 1, 1)])
        source_id = rows[0][0]
        for bad, status in (("ftp://kabar.example/feed", 400), ("https://kabar.example/feed.xml", 409)):
            reply = self.post(editor, "/admin/sources", {"url": bad})
            self.assertEqual(reply.status, status, bad)
            self.assertIn('id="new_url-error"', reply.body.decode())
        self.assertEqual(len(self.query("SELECT id FROM sources")), 1)
        self.assertEqual(self.post(editor, "/admin/sources/%d/switch" % source_id, {"enabled": "0"}).status, 303)
        self.assertEqual(self.post(editor, "/admin/sources/%d/switch" % source_id, {"review": "0"}).status, 303)
        self.assertEqual(self.query("SELECT enabled, review FROM sources"), [(0, 0)])
        page = editor.request("GET", "/admin/sources").body.decode()
        self.assertIn("kabar.example/feed.xml", page)
        opml = editor.request("GET", "/admin/sources.opml")
        self.assertEqual(opml.status, 200)
        self.assertIn(b'xmlUrl="https://kabar.example/feed.xml"', opml.body)
        # Import: one new feed, the present one again.
        new_opml = opml.body.replace(b"</body>", b'<outline text="Baru" xmlUrl="https://baru.example/rss"/></body>')
        boundary = "----wartaOpml"
        body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n%s\r\n"
                "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.opml\"\r\n"
                "Content-Type: text/x-opml\r\n\r\n" % (boundary, editor.token, boundary)).encode()
        body += new_opml + ("\r\n--%s--\r\n" % boundary).encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request("POST", "/admin/sources/opml", body=body, headers={
            "Content-Type": "multipart/form-data; boundary=" + boundary,
            "Cookie": "; ".join("%s=%s" % kv for kv in editor.cookies.items())})
        resp = conn.getresponse()
        resp.read()
        self.assertEqual(resp.status, 303)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(resp.getheader("location")).query)
        self.assertEqual((query["added"], query["present"]), (["1"], ["1"]))
        self.assertEqual(sorted(r[0] for r in self.query("SELECT url FROM sources")),
                         ["https://baru.example/rss", "https://kabar.example/feed.xml"])

    def test_people(self):
        admin = self.client("kepala")
        reader = self.client("pembaca")
        (reader_id,) = self.query("SELECT id FROM users WHERE name = 'pembaca'")[0]
        (admin_id,) = self.query("SELECT id FROM users WHERE name = 'kepala'")[0]
        page = admin.request("GET", "/admin/people")
        self.assertEqual(page.status, 200)
        self.assertIn('id="user-%d"' % reader_id, page.body.decode())
        self.assertEqual(self.post(admin, "/admin/people/%d/role" % reader_id, {"role": "author"}).status, 303)
        self.assertEqual(self.query("SELECT role FROM users WHERE id = ?", (reader_id,)), [("author",)])
        self.assertEqual(self.post(admin, "/admin/people/%d/role" % reader_id, {"role": "boss"}).status, 400)
        # The role lives in the session: it ended, and the next login is an author's.
        self.assertEqual(reader.request("GET", "/admin/articles").status, 303)
        reader = self.client("pembaca")
        self.assertEqual(reader.request("GET", "/admin/articles").status, 200)
        self.assertEqual(self.post(admin, "/admin/people/%d/ban" % reader_id, {"ban": "1"}).status, 303)
        self.assertNotEqual(self.query("SELECT banned_at FROM users WHERE id = ?", (reader_id,)), [(0,)])
        self.assertEqual(reader.request("GET", "/admin/articles").status, 303)  # its session ended
        self.assertEqual(self.post(admin, "/admin/people/%d/role" % admin_id, {"role": "reader"}).status, 403)
        self.assertEqual(self.query("SELECT role FROM users WHERE id = ?", (admin_id,)), [("admin",)])
        actions = [r[0] for r in self.query("SELECT action FROM audit_log WHERE target_type = 'user'")]
        self.assertEqual(actions, ["user.role", "user.ban"])
        # Editors do not manage people or settings.
        editor = self.client("redaktur")
        self.assertEqual(editor.request("GET", "/admin/people").status, 403)
        self.assertEqual(editor.request("GET", "/admin/settings").status, 403)
        self.assertEqual(admin.request("GET", "/admin/settings").status, 200)

    def test_static_pages(self):
        admin = self.client("kepala")
        reply = self.post(admin, "/admin/pages", {"title": "Tentang", "slug": "Tentang Kami",
                                                  "body_markdown": "x", "published": "1"})
        self.assertEqual(reply.status, 400)
        self.assertEqual(self.query("SELECT count(*) FROM pages"), [(0,)])
        reply = self.post(admin, "/admin/pages", {"title": "Tentang <Kami>", "slug": "tentang",
                                                  "body_markdown": "Kami **media** kecil.\n\n<script>x</script>",
                                                  "published": "1"})
        self.assertEqual(reply.status, 303, reply.body[:300])
        ((page_id, title, html, published),) = self.query("SELECT id, title, body_html, published FROM pages")
        self.assertEqual((title, published), ("Tentang <Kami>", 1))
        self.assertIn("<strong>media</strong>", html)
        self.assertNotIn("<script>", html)
        edit = admin.request("GET", "/admin/pages/%d" % page_id).body.decode()
        self.assertIn("Tentang &lt;Kami&gt;", edit)
        self.assertNotIn("Tentang <Kami>", edit)
        self.assertEqual(self.post(admin, "/admin/pages", {"title": "Lagi", "slug": "tentang",
                                                           "body_markdown": ""}).status, 409)
        self.assertEqual(self.post(admin, "/admin/pages/%d" % page_id,
                                   {"title": "Tentang kami", "slug": "tentang", "body_markdown": "Baru."}).status, 303)
        self.assertEqual(self.query("SELECT title, published FROM pages"), [("Tentang kami", 0)])
        self.assertEqual(self.post(admin, "/admin/pages/%d/delete" % page_id, {}).status, 303)
        self.assertEqual(self.query("SELECT count(*) FROM pages"), [(0,)])
        self.assertEqual(self.client("redaktur").request("GET", "/admin/pages").status, 403)

    def test_sections_and_the_rules_of_every_post(self):
        editor = self.client("redaktur")
        reply = self.post(editor, "/admin/sections", {"name": "Ekonomi", "slug": "Ekonomi Bisnis!"})
        self.assertEqual(reply.status, 400)
        self.assertIn('id="new_slug-error"', reply.body.decode())
        self.assertEqual(self.query("SELECT count(*) FROM sections"), [(0,)])
        reply = self.post(editor, "/admin/sections", {"name": "x" * 101, "slug": "ok"})
        self.assertEqual(reply.status, 400)
        for name, slug in (("Ekonomi", "ekonomi"), ("Olahraga", "olahraga")):
            self.assertEqual(self.post(editor, "/admin/sections", {"name": name, "slug": slug}).status, 303)
        self.assertEqual(self.post(editor, "/admin/sections", {"name": "Lagi", "slug": "ekonomi"}).status, 409)
        (olahraga,) = self.query("SELECT id FROM sections WHERE slug = 'olahraga'")[0]
        self.assertEqual(self.post(editor, "/admin/sections/%d/move" % olahraga, {"direction": "up"}).status, 303)
        self.assertEqual([r[0] for r in self.query("SELECT slug FROM sections ORDER BY position, id")],
                         ["olahraga", "ekonomi"])
        # No CSRF token: refused, nothing stored.
        self.assertEqual(self.post(editor, "/admin/sections", {"name": "Sains", "slug": "sains"},
                                   csrf=False).status, 403)
        self.assertEqual(self.query("SELECT count(*) FROM sections WHERE slug = 'sains'"), [(0,)])
        # A reader: 403 on every admin page; anonymous: sent to log in.
        reader = self.client("pembaca")
        for path in ("/admin", "/admin/articles", "/admin/inbox", "/admin/sources", "/admin/sections",
                     "/admin/media", "/admin/people", "/admin/settings", "/admin/pages"):
            self.assertEqual(reader.request("GET", path).status, 403, path)
            anonymous = Client(self.server).request("GET", path)
            self.assertEqual(anonymous.status, 303, path)
            self.assertTrue(anonymous.header("location").startswith("/login?next="), path)
