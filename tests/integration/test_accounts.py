"""Accounts (docs/api.md): session JSON, register, login, logout, CSRF on every state-changing
call, `warta user add`, throttling, and what is stored (hashes only)."""

import os
import re
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parse_page, run_warta

NO_LIMITS = {"WARTA_RATELIMIT_ENABLED": "0"}


class AccountsTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.article = self.add_article({"title": "Accounts", "source": "KYODO",
                                         "body_text": "One paragraph."})
        self.server = self.serve(env=NO_LIMITS)

    def test_anonymous_session_has_a_token_and_a_visitor_cookie(self):
        c = Client(self.server)
        data = c.session()
        self.assertIsNone(data["user"])
        self.assertRegex(data["csrf_token"], r"^[0-9a-f]{32}$")
        self.assertIn("warta_vid", c.cookies)
        # The first token was issued before the cookie existed (bound to the address hash);
        # with its random cookie the visitor keeps one token, which the page's meta tag
        # carries too.
        token = c.session()["csrf_token"]
        self.assertEqual(c.session()["csrf_token"], token)
        page = c.request("GET", self.article["path"])
        self.assertEqual(parse_page(page.body).meta["csrf-token"], token)

    def test_register_login_logout(self):
        c = Client(self.server)
        c.session()
        visitor_token = c.token
        reply = c.register("Budi_Santoso", "kata sandi panjang")
        self.assertEqual(reply.status, 201, reply.body)
        self.assertEqual(reply.json()["user"], {"name": "Budi_Santoso", "role": "reader"})
        cookie = [v for v in reply.cookies() if v.startswith("warta_session=")][0]
        for attribute in ("HttpOnly", "SameSite=Lax", "Path=/"):
            self.assertIn(attribute, cookie)
        self.assertNotIn("Secure", cookie)
        self.assertNotEqual(c.token, visitor_token)  # bound to the session now
        self.assertEqual(c.session()["user"], {"name": "Budi_Santoso", "role": "reader"})
        page = c.request("GET", self.article["path"])
        self.assertEqual(parse_page(page.body).meta["csrf-token"], c.token)
        session_cookie = c.cookies["warta_session"]

        reply = c.post_json("/api/v1/auth/logout")
        self.assertEqual(reply.status, 204, reply.body)
        self.assertNotIn("warta_session", c.cookies)
        self.assertIsNone(c.session()["user"])
        # The old cookie is dead on the server, not only forgotten by the browser.
        stale = Client(self.server)
        stale.cookies["warta_session"] = session_cookie
        self.assertIsNone(stale.session()["user"])

        reply = c.login("budi_santoso", "kata sandi panjang")  # names ignore case
        self.assertEqual(reply.status, 200, reply.body)
        self.assertEqual(reply.json()["user"]["name"], "Budi_Santoso")
        self.assertEqual(c.session()["user"]["name"], "Budi_Santoso")

    def test_bad_credentials_and_bad_registrations(self):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.register("citra", "kata sandi panjang").status, 201)
        other = Client(self.server, agent="other browser")
        other.session()
        wrong = other.login("citra", "kata sandi salah")
        unknown = other.login("nobody", "kata sandi panjang")
        self.assertEqual((wrong.status, unknown.status), (401, 401))
        self.assertEqual(wrong.json(), unknown.json())  # does not tell which names exist
        self.assertIsNone(other.session()["user"])

        cases = [({"username": "CITRA", "password": "kata sandi panjang"}, 409),
                 ({"username": "<script>", "password": "kata sandi panjang"}, 400),
                 ({"username": "ab", "password": "kata sandi panjang"}, 400),
                 ({"username": "dewi", "password": "pendek"}, 400),
                 ({"username": "dewi", "password": "x" * 1025}, 400),
                 ({"username": "dewi"}, 400),
                 ({"username": 5, "password": "kata sandi panjang"}, 400)]
        for body, status in cases:
            reply = other.post_json("/api/v1/auth/register", body)
            self.assertEqual(reply.status, status, (body, reply.body))
            self.assertIn("error", reply.json())
        reply = other.request("POST", "/api/v1/auth/register",
                              headers={"Content-Type": "application/json"})
        self.assertEqual(reply.status, 400)
        reply = other.request("POST", "/api/v1/auth/login", json_body=None,
                              headers={"Content-Type": "application/json",
                                       "X-CSRF-Token": other.token})
        self.assertEqual(reply.status, 400)

    def test_csrf_missing_or_wrong_is_refused_with_403(self):
        c = Client(self.server)
        c.session()
        body = {"username": "eko_prasetyo", "password": "kata sandi panjang"}
        missing = c.post_json("/api/v1/auth/register", body, csrf=False)
        self.assertEqual(missing.status, 403)
        self.assertIn("CSRF", missing.json()["error"])
        bad = c.post_json("/api/v1/auth/register", body, headers={"X-CSRF-Token": "0" * 32})
        self.assertEqual(bad.status, 403)
        # A token issued to another visitor is useless here.
        other = Client(self.server, agent="someone else")
        other.session()
        stolen = c.post_json("/api/v1/auth/register", body, headers={"X-CSRF-Token": other.token})
        self.assertEqual(stolen.status, 403)
        # Nothing was created by the refused calls.
        self.assertEqual(c.login("eko_prasetyo", "kata sandi panjang").status, 401)
        # Every state-changing route checks it, logout and DELETE too.
        for method, path in [("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/auth/login"),
                             ("POST", "/api/v1/articles/%d/like" % self.article["id"]),
                             ("DELETE", "/api/v1/articles/%d/like" % self.article["id"]),
                             ("POST", "/api/v1/articles/%d/share?network=x" % self.article["id"])]:
            self.assertEqual(c.request(method, path, csrf=False).status, 403, path)
        # A plain form post without the field gets the localized error page.
        form = c.request("POST", "/api/v1/auth/login", form={"username": "x", "password": "y"})
        self.assertEqual(form.status, 403)
        self.assertIn("text/html", form.header("content-type"))
        self.assertIn("Akses ditolak", form.body.decode())
        # Logged in, the visitor's token no longer works: tokens follow the session.
        visitor_token = c.token
        self.assertEqual(c.register("eko_prasetyo", "kata sandi panjang").status, 201)
        reply = c.post_json("/api/v1/auth/logout", headers={"X-CSRF-Token": visitor_token})
        self.assertEqual(reply.status, 403)

    def test_form_login_redirects_to_a_local_page_only(self):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.register("fajar", "kata sandi panjang").status, 201)
        c.post_json("/api/v1/auth/logout")
        c.session()
        form = {"csrf_token": c.token, "username": "fajar", "password": "kata sandi panjang",
                "next": self.article["path"]}
        reply = c.request("POST", "/api/v1/auth/login", form=form)
        self.assertEqual(reply.status, 303, reply.body)
        self.assertEqual(reply.header("location"), self.article["path"])
        self.assertEqual(c.session()["user"]["name"], "fajar")
        c.post_json("/api/v1/auth/logout")
        c.session()
        form.update(csrf_token=c.token, next="//evil.example/")
        reply = c.request("POST", "/api/v1/auth/login", form=form)
        self.assertEqual((reply.status, reply.header("location")), (303, "/"))

    def test_html_pages_register_login_logout_without_javascript(self):
        c = Client(self.server, agent="no javascript")
        page = c.request("GET", "/register")
        self.assertEqual(page.status, 200)
        parsed = parse_page(page.body)
        token = parsed.meta["csrf-token"]
        text = page.body.decode()
        self.assertIn('action="/api/v1/auth/register"', text)
        self.assertIn('name="csrf_token" value="%s"' % token, text)
        self.assertIn('autocomplete="new-password"', text)
        reply = c.request("POST", "/api/v1/auth/register",
                          form={"csrf_token": token, "username": "kartika",
                                "password": "kata sandi panjang", "next": self.article["path"]})
        self.assertEqual((reply.status, reply.header("location")), (303, self.article["path"]))
        # Logged in: the login page offers to log out, with the session's token.
        page = c.request("GET", "/login")
        text = page.body.decode()
        self.assertIn("Anda masuk sebagai <strong>kartika</strong>", text)
        token = parse_page(page.body).meta["csrf-token"]
        reply = c.request("POST", "/api/v1/auth/logout", form={"csrf_token": token})
        self.assertEqual((reply.status, reply.header("location")), (303, "/"))
        self.assertNotIn("warta_session", c.cookies)

        # Mistakes come back to the form with a localized message, keeping `next`.
        token = parse_page(c.request("GET", "/login").body).meta["csrf-token"]
        reply = c.request("POST", "/api/v1/auth/login",
                          form={"csrf_token": token, "username": "kartika",
                                "password": "salah salah salah", "next": "/artikel/1"})
        self.assertEqual(reply.status, 303)
        self.assertEqual(reply.header("location"),
                         "/login?error=bad_credentials&next=%2Fartikel%2F1")
        page = c.request("GET", reply.header("location")).body.decode()
        self.assertIn("Nama pengguna atau kata sandi salah.", page)
        self.assertIn('name="next" value="/artikel/1"', page)
        reply = c.request("POST", "/api/v1/auth/register",
                          form={"csrf_token": token, "username": "KARTIKA",
                                "password": "kata sandi panjang"})
        self.assertEqual(reply.header("location"), "/register?error=taken")
        self.assertIn("sudah dipakai", c.request("GET", "/register?error=taken").body.decode())
        reply = c.request("POST", "/api/v1/auth/register",
                          form={"csrf_token": token, "username": "<x>", "password": "pendek"})
        self.assertEqual(reply.header("location"), "/register?error=invalid")
        # Unknown codes show nothing; the page never echoes them.
        page = c.request("GET", "/login?error=%3Cscript%3E").body.decode()
        self.assertNotIn("<script>", page)
        self.assertNotIn('role="alert"', page)

    def test_user_add_from_stdin_with_a_role(self):
        r = run_warta("user", "add", "Moderator_1", "--role", "moderator", "--db", self.db,
                      stdin="rahasia sekali\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r'"name":"Moderator_1"')
        self.assertRegex(r.stdout, r'"role":"moderator"')
        c = Client(self.server)
        c.session()
        self.assertEqual(c.login("moderator_1", "rahasia sekali").status, 200)
        self.assertEqual(c.session()["user"], {"name": "Moderator_1", "role": "moderator"})

        for args, stdin, why in [(["Moderator_1", "--role", "reader"], "rahasia sekali\n", "taken"),
                                 (["newbie", "--role", "root"], "rahasia sekali\n", "role"),
                                 (["newbie"], "short\n", "password"),
                                 (["<b>"], "rahasia sekali\n", "user name"),
                                 (["newbie"], "", "password")]:
            r = run_warta("user", "add", *args, "--db", self.db, stdin=stdin)
            self.assertNotEqual(r.returncode, 0, why)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)

    def test_only_hashes_are_stored(self):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.register("gita", "kata sandi panjang").status, 201)
        token = c.cookies["warta_session"]
        ((password_hash,),) = self.sql("SELECT password_hash FROM users")
        sessions = [row[0] for row in self.sql("SELECT id_hash FROM sessions")]
        self.assertTrue(password_hash.startswith("$argon2id$"), password_hash)
        self.assertNotIn("kata sandi", password_hash)
        self.assertEqual(len(sessions), 1)
        self.assertNotEqual(sessions[0], token)
        self.assertNotIn(token, sessions[0])

    def test_change_password_json_keeps_this_session_and_ends_the_others(self):
        c = Client(self.server)
        c.session()
        self.assertEqual(c.register("hadi", "kata sandi lama").status, 201)
        phone = Client(self.server, agent="phone")
        phone.session()
        self.assertEqual(phone.login("hadi", "kata sandi lama").status, 200)
        stranger = Client(self.server, agent="stranger")
        stranger.session()
        self.assertEqual(stranger.register("indah", "kata sandi indah").status, 201)

        reply = c.post_json("/api/v1/auth/password", {"current_password": "kata sandi lama",
                                                      "new_password": "kata sandi baru"})
        self.assertEqual(reply.status, 204, reply.body)
        self.assertEqual(c.session()["user"]["name"], "hadi")  # this browser stays
        self.assertIsNone(phone.session()["user"])  # the other device is logged out
        self.assertEqual(stranger.session()["user"]["name"], "indah")  # other accounts keep theirs
        other = Client(self.server, agent="other")
        other.session()
        self.assertEqual(other.login("hadi", "kata sandi lama").status, 401)
        self.assertEqual(other.login("hadi", "kata sandi baru").status, 200)

    def test_change_password_refusals(self):
        c = Client(self.server)
        c.session()
        body = {"current_password": "kata sandi joko", "new_password": "kata sandi baru"}
        self.assertEqual(c.post_json("/api/v1/auth/password", body).status, 401)  # logged out
        self.assertEqual(c.register("joko", "kata sandi joko").status, 201)
        cases = [({"current_password": "salah salah salah", "new_password": "kata sandi baru"},
                  403, "current password is wrong"),
                 ({"current_password": "kata sandi joko", "new_password": "pendek"}, 400, "8"),
                 ({"current_password": "kata sandi joko", "new_password": "x" * 1025}, 400, ""),
                 ({"current_password": "kata sandi joko"}, 400, "new_password"),
                 ({"current_password": 5, "new_password": "kata sandi baru"}, 400, "")]
        for case, status, message in cases:
            reply = c.post_json("/api/v1/auth/password", case)
            self.assertEqual(reply.status, status, (case, reply.body))
            self.assertIn(message, reply.json()["error"])
        missing = c.post_json("/api/v1/auth/password", body, csrf=False)
        self.assertEqual(missing.status, 403)
        self.assertIn("CSRF", missing.json()["error"])
        # None of the refused calls changed anything.
        other = Client(self.server, agent="other")
        other.session()
        self.assertEqual(other.login("joko", "kata sandi baru").status, 401)
        self.assertEqual(other.login("joko", "kata sandi joko").status, 200)

    def test_account_page_and_password_form(self):
        c = Client(self.server, agent="no javascript")
        reply = c.request("GET", "/account")
        self.assertEqual((reply.status, reply.header("location")), (303, "/login?next=%2Faccount"))
        c.session()
        self.assertEqual(c.register("<b>lia", "x").status, 400)
        self.assertEqual(c.register("lia.w", "kata sandi lia").status, 201)
        phone = Client(self.server, agent="phone")
        phone.session()
        self.assertEqual(phone.login("lia.w", "kata sandi lia").status, 200)

        page = c.request("GET", "/account")
        self.assertEqual(page.status, 200)
        self.assertEqual(page.header("cache-control"), "no-store")
        text = page.body.decode()
        token = parse_page(page.body).meta["csrf-token"]
        self.assertIn("<strong>lia.w</strong>", text)
        self.assertIn('action="/api/v1/auth/password"', text)
        self.assertIn('name="csrf_token" value="%s"' % token, text)
        self.assertIn('autocomplete="current-password"', text)
        self.assertIn('autocomplete="new-password"', text)
        self.assertIn("Kata sandi saat ini", text)  # labels, in the default locale
        english = c.request("GET", "/account", headers={"Accept-Language": "en"}).body.decode()
        self.assertIn("Current password", english)
        self.assertIn('href="/account"', c.request("GET", "/login").body.decode())

        def post(current, new, csrf=token):
            return c.request("POST", "/api/v1/auth/password",
                             form={"csrf_token": csrf, "current_password": current,
                                   "new_password": new})

        reply = post("salah salah salah", "kata sandi baru")
        self.assertEqual(reply.header("location"), "/account?error=wrong_password")
        self.assertIn("Kata sandi saat ini salah.",
                      c.request("GET", reply.header("location")).body.decode())
        reply = post("kata sandi lia", "pendek")
        self.assertEqual(reply.header("location"), "/account?error=weak_password")
        self.assertIn('role="alert"', c.request("GET", reply.header("location")).body.decode())
        self.assertEqual(post("kata sandi lia", "kata sandi baru", csrf="0" * 32).status, 403)
        self.assertIsNotNone(phone.session()["user"])  # nothing changed so far

        reply = post("kata sandi lia", "kata sandi baru")
        self.assertEqual((reply.status, reply.header("location")), (303, "/account?changed=1"))
        page = c.request("GET", "/account?changed=1").body.decode()
        self.assertIn('role="status"', page)
        self.assertIsNone(phone.session()["user"])
        self.assertEqual(c.session()["user"]["name"], "lia.w")
        self.assertEqual(phone.login("lia.w", "kata sandi baru").status, 200)
        # Logged out, the form leads to the login page.
        c.request("POST", "/api/v1/auth/logout", form={"csrf_token": c.token})
        c.session()
        reply = post("kata sandi baru", "kata sandi lain", csrf=c.token)
        self.assertEqual((reply.status, reply.header("location")), (303, "/login?next=%2Faccount"))


class AccountLimitsTest(WartaTestCase):
    def test_logins_are_throttled_per_address_and_account_cookies_secure_behind_tls(self):
        self.add_article({"title": "x", "body_text": "y"})
        server = self.serve(env={"WARTA_RATELIMIT_LOGINS_PER_MINUTE": "4",
                                 "WARTA_SERVER_TRUSTED_PROXIES": "127.0.0.1"})
        c = Client(server, headers={"X-Forwarded-Proto": "https"})
        c.session()
        reply = c.register("hana", "kata sandi panjang")
        self.assertEqual(reply.status, 201)
        self.assertTrue(any(v.startswith("warta_session=") and "Secure" in v
                            for v in reply.cookies()))
        statuses = [c.login("hana", "salah salah salah").status for _ in range(4)]
        self.assertEqual(statuses, [401, 401, 401, 429])
        throttled = c.login("hana", "kata sandi panjang")
        self.assertEqual(throttled.status, 429)
        self.assertTrue(throttled.header("retry-after"))
        # Another address (through the trusted proxy) still gets in.
        other = Client(server, headers={"X-Forwarded-For": "203.0.113.7"})
        other.session()
        self.assertEqual(other.login("hana", "kata sandi panjang").status, 200)

    def test_registration_can_be_closed(self):
        server = self.serve(env={"WARTA_ACCOUNTS_REGISTRATION": "false"})
        c = Client(server)
        c.session()
        self.assertEqual(c.register("ivan", "kata sandi panjang").status, 403)
        r = run_warta("user", "add", "ivan", "--db", self.db, stdin="kata sandi panjang\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(c.login("ivan", "kata sandi panjang").status, 200)


if __name__ == "__main__":
    unittest.main()
