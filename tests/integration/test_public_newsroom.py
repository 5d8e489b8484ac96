"""The newsroom's public side over a real server (docs/decisions/0009-newsroom.md, CONTRACT §6):
drafts and scheduled articles are 404 and withdrawn ones 410, all absent from every public
list; corrections on the page, in its JSON-LD, in the feeds and on /koreksi; author and static
pages; site settings changed by PATCH /api/v1/admin/settings show without a restart and in
the CLI; one-time invitation and reset links; the header's account menu."""

import hashlib
import json
import re
import sqlite3
import time
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parse_page, run_warta

PASSWORD = "rahasia sekali"
CONTRACT_IDS = ["site-name", "headline", "source", "published", "views", "likes",
                "comments-count", "shares", "body", "comments", "like-button"]


def json_ld(body):
    m = re.search(rb'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert m, "no JSON-LD"
    return json.loads(m.group(1))


class PublicNewsroomTest(WartaTestCase):
    def sql(self, statement, *args):
        con = sqlite3.connect(self.db_path)
        try:
            rows = con.execute(statement, args).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def add_user(self, name, role):
        r = run_warta("user", "add", name, "--role", role, "--db", self.db, stdin=PASSWORD + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)

    def token_for(self, name, role):
        self.add_user(name, role)
        r = run_warta("token", "create", name, "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.strip()

    def load_demo(self):
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)

    # --- 1. visibility -----------------------------------------------------------------

    def test_drafts_and_scheduled_are_404_withdrawn_410_and_none_is_listed(self):
        made = {}
        for state in ("published", "draft", "scheduled", "unpublished"):
            made[state] = self.add_article({
                "title": "Kabar zebrakuda %s" % state, "source": "KYODO", "lang": "id",
                "body_text": "Isi berita zebrakuda untuk keadaan %s." % state,
                "tags": ["zebrakuda"]})
        later = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
        # Through the newsroom's life cycle: published -> unpublished -> draft -> scheduled.
        for state, steps in (("draft", [["unpublished"], ["draft"]]),
                             ("scheduled", [["unpublished"], ["draft"],
                                            ["scheduled", "--publish-at", later]]),
                             ("unpublished", [["unpublished"]])):
            for step in steps:
                r = run_warta("article", "status", str(made[state]["id"]), *step, "--db", self.db)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout)["status"], step[0])
        r = run_warta("article", "status", str(made["draft"]["id"]), "unpublished", "--db", self.db)
        self.assertNotEqual(r.returncode, 0)  # a draft cannot be withdrawn
        server = self.serve()

        status, _, body = server.get(made["published"]["path"])
        self.assertEqual(status, 200)
        for state, want in (("draft", 404), ("scheduled", 404), ("unpublished", 410)):
            status, _, body = server.get(made[state]["path"])
            self.assertEqual(status, want, state)
            api_status, _, _ = server.get("/api/v1/articles/%d" % made[state]["id"])
            self.assertEqual(api_status, want, state)
        # The 410 page says the story was withdrawn, in the site's language.
        status, _, body = server.get(made["unpublished"]["path"])
        self.assertIn("Berita ditarik", body.decode())
        self.assertNotIn("zebrakuda", body.decode())

        hidden = [made[s] for s in ("draft", "scheduled", "unpublished")]
        documents = ["/", "/feed.xml", "/atom.xml", "/feed.json", "/tag/zebrakuda",
                     "/tag/zebrakuda/feed.xml", "/news-sitemap.xml", "/search?q=zebrakuda",
                     "/api/v1/search?q=zebrakuda"]
        sitemap = server.get("/sitemap.xml")[2].decode()
        documents += [re.sub(r"^https?://[^/]+", "", u)
                      for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
        seen_published = 0
        for path in documents:
            status, _, body = server.get(path)
            self.assertEqual(status, 200, path)
            text = body.decode()
            if "/artikel/%d/" % made["published"]["id"] in text:
                seen_published += 1
            for article in hidden:
                self.assertNotIn("/artikel/%d/" % article["id"], text, path)
                self.assertNotIn("/artikel/%d\"" % article["id"], text, path)
        self.assertGreaterEqual(seen_published, 8)

    # --- 2. corrections, bylines, author and static pages ------------------------------

    def test_a_correction_shows_on_the_page_in_json_ld_in_feeds_and_on_koreksi(self):
        self.load_demo()
        rows = self.sql("SELECT c.article_id, c.note, c.created_at, a.slug FROM corrections c "
                        "JOIN articles a ON a.id = c.article_id")
        self.assertEqual(len(rows), 1)
        article_id, note, corrected_at, slug = rows[0]
        server = self.serve()
        status, _, body = server.get("/artikel/%d/%s" % (article_id, slug))
        self.assertEqual(status, 200)
        page = parse_page(body)
        self.assertEqual(page.id_counts.get("correction"), 1)
        self.assertIn(note, page.texts["correction"])
        self.assertIn("Diperbarui", page.texts["correction"])
        for ident in CONTRACT_IDS:
            self.assertEqual(page.id_counts.get(ident), 1, ident)
        text = body.decode()
        self.assertIn('href="/penulis/kenji-arimura"', text)
        self.assertIn('href="/rubrik/teknologi"', text)
        self.assertIn('class="dek"', text)

        ld = json_ld(body)
        self.assertEqual(ld["correction"][0]["@type"], "CorrectionComment")
        self.assertEqual(ld["correction"][0]["text"], note)
        self.assertEqual(ld["author"][0]["@type"], "Person")
        self.assertEqual(ld["author"][0]["name"], "Kenji Arimura")
        self.assertTrue(ld["author"][0]["url"].endswith("/penulis/kenji-arimura"))
        modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(corrected_at))
        self.assertGreaterEqual(ld["dateModified"], modified)

        for feed in ("/feed.xml", "/atom.xml", "/feed.json"):
            status, _, body = server.get(feed)
            self.assertEqual(status, 200)
            self.assertIn(note, body.decode() if feed.endswith("json") else
                          body.decode().replace("&amp;", "&"), feed)

        status, _, body = server.get("/koreksi")
        self.assertEqual(status, 200)
        self.assertIn(note, body.decode())
        self.assertIn("/artikel/%d/%s" % (article_id, slug), body.decode())

        # An article without corrections has no #correction and no `correction` in JSON-LD.
        other = self.sql("SELECT id, slug FROM articles WHERE id != ? AND status = 'published' "
                         "LIMIT 1", article_id)[0]
        status, _, body = server.get("/artikel/%d/%s" % other)
        self.assertEqual(status, 200)
        self.assertNotIn('id="correction"', body.decode())
        self.assertNotIn("correction", json_ld(body))

    def test_author_and_static_pages(self):
        self.load_demo()
        server = self.serve()
        status, _, body = server.get("/penulis/kenji-arimura")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertIn("Kenji Arimura", text)
        self.assertIn("Kereta tanpa masinis", text)
        self.assertNotIn("Festival lampion", text)  # Sari's story
        for path, title in (("/halaman/tentang-kami", "Tentang Kami"),
                            ("/halaman/kontak", "Kontak"),
                            ("/halaman/pedoman-pemberitaan-media-siber",
                             "Pedoman Pemberitaan Media Siber")):
            status, _, body = server.get(path)
            self.assertEqual(status, 200, path)
            self.assertIn("<h1 class=\"page-heading\">%s</h1>" % title, body.decode())
        # The footer links to them, from the settings the demo stored.
        home = server.get("/")[2].decode()
        self.assertIn('href="/halaman/pedoman-pemberitaan-media-siber"', home)
        for path in ("/penulis/tidak-ada", "/halaman/tidak-ada", "/penulis/BAD%20slug",
                     "/halaman/" + "a" * 200):
            self.assertEqual(server.get(path)[0], 404, path)
        # The rendered page is kept (web/pages/newsroom_pages.cpp), under its updated_at: an
        # edit shows on the next request, not after the kept pages' TTL.
        self.sql("UPDATE pages SET body_html = '<p>Alamat redaksi yang baru</p>', "
                 "updated_at = updated_at + 1 WHERE slug = 'tentang-kami'")
        self.assertIn("Alamat redaksi yang baru",
                      server.get("/halaman/tentang-kami")[2].decode())
        self.sql("UPDATE pages SET published = 0 WHERE slug = 'kontak'")
        self.assertEqual(server.get("/halaman/kontak")[0], 404)
        self.assertEqual(server.get("/penulis/kenji-arimura?page=x")[0], 400)
        self.assertEqual(server.get("/koreksi?sebelum=abc")[0], 400)

    # --- 3. site settings ---------------------------------------------------------------

    def test_settings_change_shows_without_restart_and_in_the_cli(self):
        self.load_demo()
        token = self.token_for("pemimpin", "admin")
        server = self.serve()
        auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
        article = self.sql("SELECT id, slug FROM articles WHERE status = 'published' LIMIT 1")[0]
        article_path = "/artikel/%d/%s" % article
        self.assertIn("Media Jepang", parse_page(server.get("/")[2]).texts["site-name"])
        self.assertEqual(server.get(article_path)[0], 200)  # cached with the old name

        status, _, body = server.request("GET", "/api/v1/admin/settings", headers=auth)
        self.assertEqual(status, 200, body)
        before = json.loads(body)
        self.assertEqual(before["name"], "Media Jepang")
        self.assertEqual(before["sections"][:2], ["nasional", "ekonomi"])

        # Bad input: 400 naming the field, nothing stored.
        for bad in ({"time_zone": "Mars/Olympus"}, {"name": ""}, {"name": "x" * 201},
                    {"locale": "fr"}, {"month_names": ["Jan"]}, {"nope": "x"},
                    {"footer_links": [{"label": "x", "url": "javascript:alert(1)"}]},
                    {"name": "Boleh", "date_pattern": "'"}, {"sections": ["nasional"]}):
            status, _, body = server.request("PATCH", "/api/v1/admin/settings",
                                             headers=auth, body=json.dumps(bad))
            self.assertEqual(status, 400, (bad, body))
            self.assertIn("error", json.loads(body))
        status, _, body = server.request("GET", "/api/v1/admin/settings", headers=auth)
        self.assertEqual(json.loads(body), before)

        # Anonymous 401, an editor 403.
        self.assertEqual(server.request("PATCH", "/api/v1/admin/settings",
                                        body=b'{"name": "x"}')[0], 401)
        editor = self.token_for("redaktur", "editor")
        self.assertEqual(server.request("PATCH", "/api/v1/admin/settings",
                                        headers={"Authorization": "Bearer " + editor},
                                        body=b'{"name": "x"}')[0], 403)

        change = {"name": "Kabar Nippon", "tagline": "Berita <Jepang> & sekitarnya",
                  "sections": ["budaya"] + [s for s in before["sections"] if s != "budaya"]}
        status, _, body = server.request("PATCH", "/api/v1/admin/settings", headers=auth,
                                         body=json.dumps(change))
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["name"], "Kabar Nippon")
        self.assertEqual(json.loads(body)["sections"][0], "budaya")

        home = server.get("/")[2]
        self.assertEqual(parse_page(home).texts["site-name"], "Kabar Nippon")
        self.assertIn("Berita &lt;Jepang&gt; &amp; sekitarnya", home.decode())
        article_page = parse_page(server.get(article_path)[2])
        self.assertEqual(article_page.texts["site-name"], "Kabar Nippon")
        self.assertIn("<title>Kabar Nippon</title>", server.get("/feed.xml")[2].decode())

        r = run_warta("settings", "get", "site.name", "--db", self.db)
        self.assertEqual((r.returncode, r.stdout), (0, "Kabar Nippon\n"), r.stderr)
        r = run_warta("opml", "export", "--db", self.db)
        self.assertIn("Kabar Nippon", r.stdout)
        r = run_warta("settings", "set", "time_zone", "Mars/Olympus", "--db", self.db)
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        r = run_warta("settings", "set", "name", "Kabar Lagi", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        # A restart reads the database, not the configuration's default.
        server.stop()
        server = self.serve()
        self.assertEqual(parse_page(server.get("/")[2]).texts["site-name"], "Kabar Lagi")

    # --- 4. one-time links --------------------------------------------------------------

    def add_link(self, token, kind, role="reader", user_id=None, expires_in=3600):
        now = int(time.time())
        self.sql("INSERT INTO account_links (token_hash, kind, user_id, role, created_at, "
                 "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                 hashlib.sha256(token.encode()).hexdigest(), kind, user_id, role, now - 10,
                 now + expires_in)

    def fresh(self, server):
        client = Client(server)
        client.session()  # the CSRF token a JSON login needs
        return client

    def form_token(self, client, path):
        reply = client.request("GET", path)
        self.assertEqual(reply.status, 200, path)
        m = re.search(rb'name="csrf_token" value="([^"]+)"', reply.body)
        self.assertIsNotNone(m)
        return m.group(1).decode()

    def test_an_invitation_works_once_and_not_after_it_expires(self):
        token, expired = "A" * 43, "B" * 43
        self.serve()  # migrates the file
        self.add_link(token, "invite", role="editor")
        self.add_link(expired, "invite", role="editor", expires_in=-1)
        server = self.servers[0]
        client = Client(server)
        path = "/undangan/" + token
        csrf = self.form_token(client, path)
        # Bad input keeps the link: a weak password, a taken name.
        reply = client.request("POST", path, form={"csrf_token": csrf, "username": "baru",
                                                   "password": "pendek"})
        self.assertEqual(reply.status, 303)
        self.assertIn("error=invalid", reply.header("location"))
        reply = client.request("POST", path, form={"username": "baru", "password": PASSWORD})
        self.assertEqual(reply.status, 403)  # no CSRF token
        reply = client.request("POST", path, form={"csrf_token": csrf, "username": "redaktur",
                                                   "password": PASSWORD})
        self.assertEqual(reply.status, 303)
        self.assertEqual(reply.header("location"), "/admin")
        self.assertEqual(self.sql("SELECT role FROM users WHERE name = 'redaktur'"),
                         [("editor",)])
        self.assertEqual(self.fresh(server).login("redaktur", PASSWORD).status, 200)
        # Used: the same link is gone, for the same reader and for anyone else.
        self.assertEqual(client.request("GET", path).status, 404)
        other = Client(server)
        reply = other.request("POST", path, form={"csrf_token": self.form_token(other, "/login"),
                                                  "username": "kedua", "password": PASSWORD})
        self.assertEqual(reply.status, 404)
        self.assertEqual(self.sql("SELECT count(*) FROM users"), [(1,)])
        self.assertEqual(client.request("GET", "/undangan/" + expired).status, 404)
        self.assertEqual(client.request("GET", "/undangan/pendek").status, 404)
        self.assertEqual(client.request("GET", "/reset/" + token).status, 404)  # wrong kind

    def test_a_reset_link_sets_a_new_password_once_and_logs_out_everywhere(self):
        self.add_user("pembaca", "reader")
        user_id = self.sql("SELECT id FROM users WHERE name = 'pembaca'")[0][0]
        server = self.serve()
        logged_in = Client(server)
        logged_in.session()
        self.assertEqual(logged_in.login("pembaca", PASSWORD).status, 200)
        token = "C" * 43
        self.add_link(token, "reset", user_id=user_id)
        client = Client(server)
        path = "/reset/" + token
        csrf = self.form_token(client, path)
        reply = client.request("POST", path, form={"csrf_token": csrf,
                                                   "password": "kata sandi baru sekali"})
        self.assertEqual(reply.status, 303)
        self.assertEqual(self.fresh(server).login("pembaca", PASSWORD).status, 401)
        self.assertEqual(self.fresh(server).login("pembaca", "kata sandi baru sekali").status, 200)
        self.assertIsNone(logged_in.session()["user"])
        reply = client.request("POST", path, form={"csrf_token": csrf, "password": "lagi lagi lagi"})
        self.assertEqual(reply.status, 404)
        self.assertEqual(self.fresh(server).login("pembaca", "kata sandi baru sekali").status, 200)

    # --- 5. the header's account menu ---------------------------------------------------

    def test_the_header_shows_the_logged_in_reader_without_caching_it_for_others(self):
        self.load_demo()
        self.add_user("moderator1", "moderator")
        server = self.serve()
        article = "/artikel/%d/%s" % self.sql(
            "SELECT id, slug FROM articles WHERE status = 'published' LIMIT 1")[0]
        anonymous = Client(server)
        for path in ("/", article):
            text = anonymous.request("GET", path).body.decode()
            self.assertIn('href="/login"', text, path)
            self.assertNotIn("moderator1", text)
        moderator = self.fresh(server)
        self.assertEqual(moderator.login("moderator1", PASSWORD).status, 200)
        for path in ("/", article, "/tag", "/koreksi"):
            text = moderator.request("GET", path).body.decode()
            self.assertIn("moderator1", text, path)
            self.assertIn('href="/moderasi"', text, path)
            self.assertIn('action="/api/v1/auth/logout"', text, path)
            self.assertNotIn('href="/admin"', text, path)  # not staff
            self.assertNotIn("\x00", text)
        # The next anonymous reader gets the cached page without the moderator's menu.
        text = anonymous.request("GET", article).body.decode()
        self.assertNotIn("moderator1", text)
        self.assertIn('href="/login"', text)


if __name__ == "__main__":
    unittest.main()
