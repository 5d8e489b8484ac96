"""warta behind nginx with TLS (docs/deploy.md): the example packaging/nginx/warta.conf, run
as shipped with a self-signed certificate made at test time, in front of a real warta on
loopback. Shows the article page over HTTPS and HTTP/2, Secure cookies and HSTS, and that the
client address rate limits and view counting see is the one nginx saw (X-Forwarded-For from
a trusted proxy only, never a client's own).

Clients get distinct addresses by binding 127.0.0.x (all of 127/8 is loopback on Linux);
nginx reaches warta from 127.0.0.1, the only proxy warta trusts here."""

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import unittest

from warta_harness import WartaTestCase

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
NGINX_EXAMPLE = os.path.join(ROOT, "packaging/nginx/warta.conf")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) tls-proxy-test"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_site(warta_port, http_port, https_port, cert, key):
    """The shipped example with only what a test must change: ports, loopback, certificate."""
    with open(NGINX_EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    replacements = [
        ("server 127.0.0.1:8080;", "server 127.0.0.1:%d;" % warta_port),
        ("listen 80;", "listen 127.0.0.1:%d;" % http_port),
        ("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % https_port),
        ("/etc/letsencrypt/live/news.example.org/fullchain.pem", cert),
        ("/etc/letsencrypt/live/news.example.org/privkey.pem", key),
        ("news.example.org", "localhost"),
    ]
    for old, new in replacements:
        if old not in text:
            raise AssertionError("the nginx example no longer contains %r" % old)
        text = text.replace(old, new)
    # No IPv6 on every test machine; the IPv4 listeners above stand for them.
    return "\n".join(l for l in text.splitlines() if "listen [::]" not in l)


class TlsProxyTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        for tool in ("nginx", "openssl", "curl"):
            if shutil.which(tool) is None and not os.path.exists("/usr/sbin/" + tool):
                self.fail("%s is missing: scripts/install-deps.sh test installs it" % tool)
        os.chmod(self.tmp.name, 0o755)  # nginx's workers (nobody when run as root) read here
        self.article = self.add_article({"title": "Lewat TLS", "source": "KYODO",
                                         "body_text": "Paragraf pertama."})
        self.cert = os.path.join(self.tmp.name, "cert.pem")
        self.key = os.path.join(self.tmp.name, "key.pem")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", self.key, "-out", self.cert],
            check=True, capture_output=True)
        self.https_port = free_port()
        config = os.path.join(self.tmp.name, "warta.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('[site]\nbase_url = "https://localhost:%d"\n' % self.https_port)
            f.write('[server]\ntrusted_proxies = ["127.0.0.1"]\n')
            # Two login attempts a minute per address: the third from one client is refused.
            f.write("[ratelimit]\nlogins_per_minute = 2\n")
        self.warta = self.serve(extra_args=("--config", config))
        self.nginx = self._start_nginx(free_port())

    def tearDown(self):
        if getattr(self, "nginx", None) and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        if getattr(self, "nginx", None):
            self.nginx.stderr.close()
        super().tearDown()

    def _start_nginx(self, http_port):
        work = self.tmp.name
        site = nginx_site(self.warta.port, http_port, self.https_port, self.cert, self.key)
        main = os.path.join(work, "nginx.conf")
        with open(main, "w", encoding="utf-8") as f:
            f.write("daemon off;\nworker_processes 1;\npid %s/nginx.pid;\n" % work)
            f.write("error_log %s/nginx-error.log warn;\nevents { worker_connections 64; }\n"
                    % work)
            f.write("http {\n  access_log %s/nginx-access.log;\n" % work)
            for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
                f.write("  %s_temp_path %s/nginx-%s;\n" % (temp, work, temp))
            f.write(site + "\n}\n")
        proc = subprocess.Popen(["nginx", "-c", main, "-p", work],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 20
        while time.time() < deadline:
            if proc.poll() is not None:
                self.fail("nginx exited: %s" % proc.stderr.read().decode())
            try:
                socket.create_connection(("127.0.0.1", self.https_port), timeout=1).close()
                return proc
            except OSError:
                time.sleep(0.05)
        self.fail("nginx did not start")

    def https(self, method, path, source="127.0.0.1", headers=None, body=None):
        """One request through nginx over TLS, verified against the test's certificate,
        from the client address `source`."""
        context = ssl.create_default_context(cafile=self.cert)
        conn = http.client.HTTPSConnection("localhost", self.https_port, timeout=30,
                                           context=context, source_address=(source, 0))
        try:
            conn.request(method, path, body=body, headers={"User-Agent": BROWSER, **(headers or {})})
            resp = conn.getresponse()
            return resp.status, resp.getheaders(), resp.read()
        finally:
            conn.close()

    def views(self):
        status, _, body = self.warta.get("/api/v1/articles/%d" % self.article["id"])
        self.assertEqual(status, 200, body)
        return json.loads(body)["counters"]["views"]

    def test_article_page_over_https_and_http2_with_hsts_and_secure_cookies(self):
        url = "https://localhost:%d%s" % (self.https_port, self.article["path"])
        r = subprocess.run(
            ["curl", "--http2", "--silent", "--show-error", "--cacert", self.cert,
             "--resolve", "localhost:%d:127.0.0.1" % self.https_port, "-A", BROWSER,
             "--dump-header", "-", "--output", os.path.join(self.tmp.name, "page.html"),
             "--write-out", "version=%{http_version}\n", url],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        head = r.stdout
        self.assertIn("version=2", head)
        self.assertRegex(head, r"(?m)^HTTP/2 200")
        self.assertRegex(head, r"(?mi)^strict-transport-security: max-age=63072000")
        cookies = re.findall(r"(?mi)^set-cookie: (.*)$", head)
        self.assertTrue(cookies, head)
        for cookie in cookies:
            self.assertIn("Secure", cookie, "every cookie over HTTPS is Secure")
        with open(os.path.join(self.tmp.name, "page.html"), encoding="utf-8") as f:
            self.assertIn("Lewat TLS", f.read())
        # The same page straight from warta (plain HTTP, no proxy): no Secure, no HSTS; so
        # the attributes above come from X-Forwarded-Proto of the trusted proxy.
        status, headers, _ = self.warta.get(self.article["path"], headers={"User-Agent": BROWSER})
        self.assertEqual(status, 200)
        self.assertNotIn("Secure", headers.get("set-cookie", ""))
        self.assertNotIn("strict-transport-security", headers)

    def test_plain_http_redirects_to_https(self):
        # nginx's port 80 server block: everything but ACME challenges goes to HTTPS.
        with open(os.path.join(self.tmp.name, "nginx.conf"), encoding="utf-8") as f:
            conf = f.read()
        http_port = int(re.search(r"listen 127\.0\.0\.1:(\d+);", conf).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        conn.request("GET", self.article["path"], headers={"Host": "localhost"})
        resp = conn.getresponse()
        self.assertEqual(resp.status, 301)
        self.assertEqual(resp.getheader("Location"), "https://localhost" + self.article["path"])
        conn.close()

    def test_view_counting_sees_the_address_nginx_saw(self):
        # No cookie, the same browser: the visitor is a hash of address and user agent. Two
        # addresses are two visitors, one address twice is one, even when it claims another
        # address in its own X-Forwarded-For.
        before = self.views()
        self.assertEqual(self.https("GET", self.article["path"], source="127.0.0.21")[0], 200)
        self.assertEqual(self.https("GET", self.article["path"], source="127.0.0.21")[0], 200)
        self.assertEqual(self.views(), before + 1)
        self.assertEqual(self.https("GET", self.article["path"], source="127.0.0.22")[0], 200)
        self.assertEqual(self.views(), before + 2)
        forged = {"X-Forwarded-For": "198.51.100.7"}
        self.assertEqual(
            self.https("GET", self.article["path"], source="127.0.0.22", headers=forged)[0], 200)
        self.assertEqual(self.views(), before + 2, "a client's own X-Forwarded-For is not believed")

    def login_attempt(self, source, headers=None):
        """A wrong password from `source`, with the visitor's CSRF token: 401, or 429 once
        the address has used its attempts."""
        status, reply_headers, body = self.https("GET", "/api/v1/session", source=source)
        self.assertEqual(status, 200, body)
        token = json.loads(body)["csrf_token"]
        cookie = "; ".join(v.split(";")[0] for k, v in reply_headers if k.lower() == "set-cookie")
        status, _, body = self.https(
            "POST", "/api/v1/auth/login", source=source,
            headers={"Content-Type": "application/json", "X-CSRF-Token": token, "Cookie": cookie,
                     **(headers or {})},
            body=json.dumps({"username": "nobody_here", "password": "not the password"}))
        return status

    def test_rate_limits_see_the_address_nginx_saw(self):
        self.assertEqual(self.login_attempt("127.0.0.31"), 401)
        self.assertEqual(self.login_attempt("127.0.0.31"), 401)
        self.assertEqual(self.login_attempt("127.0.0.31"), 429)
        # Claiming another address does not escape the limit...
        self.assertEqual(self.login_attempt("127.0.0.31", {"X-Forwarded-For": "203.0.113.9"}), 429)
        # ...and another client behind the same nginx is not limited by the first one.
        self.assertEqual(self.login_attempt("127.0.0.32"), 401)

    def test_an_untrusted_peer_cannot_claim_https_or_an_address(self):
        # Straight to warta from 127.0.0.41, which is no proxy: its X-Forwarded-* are ignored.
        conn = http.client.HTTPConnection("127.0.0.1", self.warta.port, timeout=10,
                                          source_address=("127.0.0.41", 0))
        conn.request("GET", self.article["path"],
                     headers={"User-Agent": BROWSER, "X-Forwarded-Proto": "https",
                              "X-Forwarded-For": "192.0.2.1"})
        resp = conn.getresponse()
        resp.read()
        self.assertEqual(resp.status, 200)
        self.assertNotIn("Secure", resp.getheader("Set-Cookie", ""))
        conn.close()


if __name__ == "__main__":
    unittest.main()
