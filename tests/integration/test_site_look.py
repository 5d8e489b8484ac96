"""The site's settings and its own look from /admin/settings over a real server (issues 12
and 13, web/site_look.h): an admin changes the name, tagline and footer links and sets an
accent colour, custom CSS, a logo and a default share image; every public page then links
/look.css with them, shows the logo beside the name and names the share image in link
previews, without a restart. Bad values (a light accent, CSS that loads from another host,
also through escapes; a picture that is not in the library) are refused next to their field
and store nothing; readers and editors cannot change settings; the Admin API takes the same
keys."""

import json
import os
import re
import sqlite3
import tempfile

from readers_client import Client
from test_media import png
from warta_harness import WartaTestCase, parse_page, run_warta

PASSWORD = "kata sandi panjang"


class SiteLookTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.assertEqual(run_warta("migrate", "--db", self.db).returncode, 0)
        for name, role in (("kepala", "admin"), ("redaktur", "editor")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db, stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.picture = self.add_picture(png(600, 200), "Logo Kabar")
        self.article = self.add_article({"title": "Kabar tampilan", "source": "KYODO", "lang": "id",
                                         "body_text": "Isi berita tanpa gambar sendiri."})
        self.server = self.serve(env={"WARTA_RATELIMIT_ENABLED": "0"})

    def add_picture(self, data, alt):
        with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
            f.write(data)
        try:
            r = run_warta("media", "add", f.name, "--alt", alt, "--db", self.db)
        finally:
            os.unlink(f.name)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def client(self, name):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def form(self, client):
        """The settings form's current values, as a browser would post them back."""
        page = client.request("GET", "/admin/settings")
        self.assertEqual(page.status, 200)
        html = page.body.decode()
        fields = {"csrf_token": client.token}
        for name, value in re.findall(r'<input type="text" id="\w+" name="(\w+)" value="([^"]*)"', html):
            fields[name] = value
        for name, value in re.findall(r'<textarea id="\w+" name="(\w+)"[^>]*>([^<]*)</textarea>', html):
            fields[name] = value
        for name in ("locale", "logo", "share_image"):
            select = re.search(r'<select id="%s".*?</select>' % name, html, re.S).group(0)
            chosen = re.search(r'<option value="(\w*)"[^>]* selected', select)
            fields[name] = chosen.group(1) if chosen else ""
        fields["locales"] = re.findall(r'name="locales" value="(\w+)" checked', html)
        return fields

    def post(self, client, fields):
        # Repeated fields (the locales checkboxes) as a browser sends them.
        pairs = []
        for name, value in fields.items():
            pairs += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
        return client.request("POST", "/admin/settings", form=pairs)

    def stored(self, key):
        with sqlite3.connect(self.db_path) as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            return row[0] if row else None

    def test_the_admin_sets_the_look_and_every_page_shows_it(self):
        admin = self.client("kepala")
        # The built-in look: no look stylesheet, no logo, the built-in share image.
        home = self.server.get("/")[2].decode()
        self.assertNotIn("/look.css", home)
        self.assertNotIn("brand-logo", home)
        self.assertEqual(self.server.get("/look.css")[0], 404)

        fields = self.form(admin)
        fields.update({"name": "Kabar Nippon", "tagline": "Berita Jepang setiap hari",
                       "footer_links": "Tentang | /halaman/tentang\nKontak | https://contoh.test/kontak",
                       "accent_color": "#1B4F72", "logo": str(self.picture["id"]),
                       "share_image": str(self.picture["id"]),
                       "custom_css": ".kicker{letter-spacing:.1em}\n.brand{background:url(/static/favicon.svg)}"})
        r = self.post(admin, fields)
        self.assertEqual(r.status, 303, r.body[:400])
        self.assertIn("done=settings_saved", r.header("location"))
        self.assertEqual(self.stored("site.accent_color"), "#1B4F72")
        self.assertEqual(self.stored("site.logo"), str(self.picture["id"]))
        self.assertEqual(json.loads(self.stored("site.footer_links"))[1],
                         {"label": "Kontak", "url": "https://contoh.test/kontak"})
        with sqlite3.connect(self.db_path) as db:
            audited = {row[0] for row in db.execute(
                "SELECT summary FROM audit_log WHERE action = 'settings.update'")}
        self.assertTrue({"site.name", "site.tagline", "site.footer_links", "site.accent_color",
                         "site.logo", "site.share_image", "site.custom_css"} <= audited, audited)

        for path in ("/", "/search?q=kabar", self.article["path"]):
            status, _, body = self.server.get(path)
            self.assertEqual(status, 200, path)
            html = body.decode()
            page = parse_page(body)
            self.assertIn("Kabar Nippon", page.texts["site-name"], path)
            look = re.search(r'<link rel="stylesheet" href="(/look\.css\?v=\w+)">', html)
            self.assertIsNotNone(look, path)
            logo = re.search(r'<img class="brand-logo" src="(/media/[^"]+)" width="(\d+)" height="(\d+)"', html)
            self.assertIsNotNone(logo, path)
            self.assertIn('<a href="https://contoh.test/kontak">Kontak</a>', html)
        self.assertEqual(self.server.get(logo.group(1))[0], 200)
        status, headers, css = self.server.get(look.group(1))
        self.assertEqual(status, 200)
        self.assertIn("text/css", headers["content-type"])
        self.assertIn("immutable", headers["cache-control"])
        css = css.decode()
        self.assertIn("--accent:#1b4f72", css)
        self.assertIn(".kicker{letter-spacing:.1em}", css)
        # The article has no picture of its own: previews show the admin's share image.
        article = self.server.get(self.article["path"])[2].decode()
        og = re.search(r'<meta property="og:image" content="([^"]+)"', article).group(1)
        self.assertRegex(og, r"/media/[0-9a-f]{2}/[0-9a-f]{64}-\d+\.jpg$")
        self.assertNotIn("share.png", og)

        # Unchanged values are neither stored again nor audited.
        with sqlite3.connect(self.db_path) as db:
            (audits,) = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()
        r = self.post(admin, self.form(admin))
        with sqlite3.connect(self.db_path) as db:
            changed = [row[0] for row in db.execute(
                "SELECT summary FROM audit_log ORDER BY id LIMIT -1 OFFSET ?", (audits,))]
        self.assertEqual(changed, [])
        self.assertIn("done=settings_unchanged", r.header("location"))

    def test_bad_values_are_refused_next_to_their_field_and_nothing_is_stored(self):
        admin = self.client("kepala")
        before = {key: self.stored(key) for key in ("site.name", "site.accent_color", "site.custom_css")}
        cases = [
            ("accent_color", "#ffee88"),  # white text on it would be unreadable
            ("accent_color", "red"),
            ("custom_css", "@import url(https://fonts.example/a.css);"),
            ("custom_css", ".a{background:url( 'https://tracker.example/p.gif' )}"),
            ("custom_css", ".a{background:\\75 rl(//tracker.example/p.gif)}"),  # an escaped url(
            ("custom_css", ".a{background:image-set('https://x.example/a.png' 1x)}"),
            ("logo", "999999"),
            ("share_image", "abc"),
        ]
        for field, value in cases:
            fields = self.form(admin)
            fields["name"] = "Nama Baru"
            fields[field] = value
            r = self.post(admin, fields)
            self.assertEqual(r.status, 400, (field, value))
            html = r.body.decode()
            self.assertRegex(html, r'id="%s-error"' % field, (field, value))
            self.assertIn('aria-invalid="true"', html)
            # The refused form keeps what was typed.
            self.assertIn("Nama Baru", html)
            for key, value_before in before.items():
                self.assertEqual(self.stored(key), value_before, (field, key))
        # A stranger's post without the CSRF token stores nothing either.
        fields = self.form(admin)
        fields["name"] = "Tanpa Token"
        del fields["csrf_token"]
        r = admin.request("POST", "/admin/settings", form=fields, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.stored("site.name"), before["site.name"])

    def test_only_admins_change_settings_and_the_api_takes_the_same_keys(self):
        editor = self.client("redaktur")
        self.assertEqual(editor.request("POST", "/admin/settings", form={"name": "X"}).status, 403)
        anonymous = Client(self.server)
        anonymous.session()
        r = anonymous.request("POST", "/admin/settings", form={"name": "X"})
        self.assertIn(r.status, (303, 401, 403))
        admin = self.client("kepala")
        r = admin.request("PATCH", "/api/v1/admin/settings", json_body={"accent_color": "#fafafa"},
                          headers={"X-CSRF-Token": admin.token})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["field"], "accent_color")
        r = admin.request("PATCH", "/api/v1/admin/settings",
                          json_body={"accent_color": "#0b3d2e", "custom_css": ".x{color:red}"},
                          headers={"X-CSRF-Token": admin.token})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["accent_color"], "#0b3d2e")
        self.assertIn("--accent:#0b3d2e", self.server.get(
            re.search(r'href="(/look\.css\?v=\w+)"', self.server.get("/")[2].decode()).group(1))[2].decode())
        # Back to the built-in look: the stylesheet is gone.
        r = admin.request("PATCH", "/api/v1/admin/settings", json_body={"accent_color": "", "custom_css": ""},
                          headers={"X-CSRF-Token": admin.token})
        self.assertEqual(r.status, 200)
        self.assertNotIn("/look.css", self.server.get("/")[2].decode())
