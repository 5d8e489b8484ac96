"""The HTTP edge under a hostile client (issue 16, findings 2, 6, 7 and 9; docs/security.md):
a burst from one address meets 429 while another address is served; a flood of idle
connections from many addresses does not keep a page from being served; every response
carries the security headers; /metrics answers loopback or a token only; the parser refuses
the leniencies that make request smuggling; `source add` refuses private addresses.

Clients play different addresses by binding 127.0.0.x (all of 127/8 is loopback on Linux)."""

import json
import resource
import socket
import time
import unittest

from warta_harness import WartaTestCase, run_warta


def connect(port, source, timeout=10):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def read_responses(sock, count):
    """Reads `count` responses (with Content-Length bodies) from a keep-alive connection;
    returns their (status, headers) pairs."""
    data = b""
    out = []
    while len(out) < count:
        end = data.find(b"\r\n\r\n")
        if end < 0:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            continue
        head = data[:end].decode("latin-1").split("\r\n")
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(data) < end + 4 + length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        data = data[end + 4 + length:]
        out.append((int(head[0].split()[1]), headers))
    return out


def exchange(port, payload, source="127.0.0.1"):
    """Sends raw bytes on a new connection and returns the first response's status."""
    with connect(port, source) as s:
        s.sendall(payload)
        got = read_responses(s, 1)
        return got[0][0] if got else None


class EdgeTest(WartaTestCase):
    def test_a_burst_from_one_address_meets_429_and_another_is_served(self):
        server = self.serve()  # the default budget: 600 requests a minute per address
        request = b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
        statuses = []
        retry_after = None
        with connect(server.port, "127.0.0.1") as s:
            for _ in range(15):  # 1,500 requests, 100 pipelined at a time
                s.sendall(request * 100)
                for status, headers in read_responses(s, 100):
                    statuses.append(status)
                    if status == 429:
                        retry_after = headers.get("retry-after")
        self.assertEqual(len(statuses), 1500)
        limited = statuses.count(429)
        self.assertGreater(limited, 700, "a minute's budget, then 429")
        self.assertEqual(statuses.count(200) + limited, 1500)
        self.assertIsNotNone(retry_after)
        self.assertGreaterEqual(int(retry_after), 1)
        # Another address has its own budget (and may read the metrics: it is loopback).
        self.assertEqual(exchange(server.port, request, source="127.0.0.2"), 200)
        status, _, body = server.request("GET", "/metrics")
        self.assertEqual(status, 429, "127.0.0.1 is still over its budget")
        with connect(server.port, "127.0.0.3") as s:
            s.sendall(b"GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            text = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                text += chunk
        # The burst's refusals and the one /metrics request above.
        self.assertIn(('warta_http_rate_limited_total{budget="requests"} %d' % (limited + 1))
                      .encode(), text)

    def test_the_page_is_served_under_a_flood_of_idle_connections(self):
        # 3,000 idle connections from 40 addresses against a server allowed 1,024 descriptors:
        # without a cap they fill the table and the page request is never accepted.
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))
        if resource.getrlimit(resource.RLIMIT_NOFILE)[0] < 4000:
            self.skipTest("this process may not open 3,000 sockets")

        def few_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))

        server = self.serve(preexec_fn=few_descriptors)
        flood = []
        try:
            for i in range(3000):
                try:
                    flood.append(connect(server.port, "127.0.1.%d" % (1 + i % 40), timeout=2))
                except OSError:
                    pass  # refused or reset: the cap at work
            start = time.monotonic()
            status = exchange(server.port, b"GET / HTTP/1.1\r\nHost: t\r\n\r\n",
                              source="127.0.0.200")
            elapsed = time.monotonic() - start
        finally:
            for s in flood:
                s.close()
        self.assertEqual(status, 200)
        self.assertLess(elapsed, 2.0)
        status, _, body = server.get("/metrics")
        self.assertEqual(status, 200)
        shed = [l for l in body.decode().splitlines()
                if l.startswith("warta_http_connections_shed_total ")]
        self.assertTrue(shed and int(float(shed[0].split()[1])) > 0, shed)

    def test_every_response_carries_the_security_headers(self):
        r = run_warta("demo", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        server = self.serve()
        paths = ["/", "/cari?q=jepang", "/login", "/api/v1/articles", "/nope", "/static/site.css",
                 "/healthz", "/feed.xml"]
        for path in paths:
            status, headers, _ = server.get(path)
            csp = headers.get("content-security-policy", "")
            self.assertIn("script-src 'self';", csp, path)
            self.assertNotIn("unsafe", csp.split("script-src")[1].split(";")[0], path)
            for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"):
                self.assertIn(directive, csp, path)
            self.assertEqual(headers.get("x-content-type-options"), "nosniff", path)
            self.assertEqual(headers.get("referrer-policy"), "strict-origin-when-cross-origin")
            self.assertEqual(headers.get("x-frame-options"), "DENY", path)
            self.assertNotIn("strict-transport-security", headers, "plain HTTP: no HSTS")
        # Refused by the parser itself, before any handler: the headers too.
        with connect(server.port, "127.0.0.1") as s:
            s.sendall(b"GET / HTTP/1.1\r\n\r\n")
            status, headers = read_responses(s, 1)[0]
        self.assertEqual(status, 400)
        self.assertEqual(headers.get("x-content-type-options"), "nosniff")
        self.assertIn("frame-ancestors 'none'", headers.get("content-security-policy", ""))

    def test_frame_ancestors_is_configurable(self):
        server = self.serve(env={"WARTA_SECURITY_FRAME_ANCESTORS": "'self' https://partner.example"})
        _, headers, _ = server.get("/healthz")
        self.assertIn("frame-ancestors 'self' https://partner.example",
                      headers["content-security-policy"])
        self.assertNotIn("x-frame-options", headers)

    def test_metrics_answer_loopback_or_a_token(self):
        server = self.serve(env={"WARTA_SERVER_TRUSTED_PROXIES": "127.0.0.1",
                                 "WARTA_SECURITY_METRICS_TOKEN": "s3cret-token"})
        self.assertEqual(server.get("/metrics")[0], 200)  # loopback, straight
        relayed = {"X-Forwarded-For": "203.0.113.5"}
        status, headers, _ = server.get("/metrics", headers=relayed)
        self.assertEqual(status, 403)
        self.assertEqual(headers.get("www-authenticate"), "Bearer")
        wrong = dict(relayed, Authorization="Bearer s3cret-tokem")
        self.assertEqual(server.get("/metrics", headers=wrong)[0], 403)
        right = dict(relayed, Authorization="Bearer s3cret-token")
        status, _, body = server.get("/metrics", headers=right)
        self.assertEqual(status, 200)
        self.assertIn(b'warta_http_limit{limit="requests_per_minute"} 600', body)
        public = self.serve(env={"WARTA_SERVER_TRUSTED_PROXIES": "127.0.0.1",
                                 "WARTA_SECURITY_METRICS_PUBLIC": "1"})
        self.assertEqual(public.get("/metrics", headers=relayed)[0], 200)

    def test_the_parser_refuses_what_smuggling_needs(self):
        server = self.serve()
        chunked = b"\r\n\r\n1\r\nx\r\n0\r\n\r\n"
        bad = [
            b"GET / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: t\r\nX-A: b\r\n c\r\n\r\n",
            b"POST /api/v1/articles/1/like HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, identity" + chunked,
            b"POST /api/v1/articles/1/like HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity" + chunked,
            b"POST /api/v1/articles/1/like HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked" + chunked,
            b"POST /api/v1/articles/1/like HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 4" + chunked,
            b"POST /api/v1/articles/1/like HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
        ]
        for payload in bad:
            self.assertEqual(exchange(server.port, payload), 400, payload)
        self.assertEqual(exchange(server.port, b"GET /healthz HTTP/1.0\r\n\r\n"), 200)
        self.assertEqual(exchange(server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"), 200)

    def test_source_add_refuses_private_addresses_unless_allowed(self):
        for url in ("http://127.0.0.1:9/feed.xml", "http://localhost/feed", "http://[::1]/feed",
                    "http://169.254.169.254/latest", "http://10.1.2.3/rss"):
            r = run_warta("source", "add", url, "--db", self.db,
                          env={"WARTA_FETCH_ALLOW_PRIVATE": "0"})
            self.assertNotEqual(r.returncode, 0, url)
            self.assertIn("loopback, private or link-local", r.stderr)
        r = run_warta("source", "add", "https://feeds.example.org/rss", "--db", self.db,
                      env={"WARTA_FETCH_ALLOW_PRIVATE": "0"})
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run_warta("source", "add", "http://127.0.0.1:9/feed.xml", "--db", self.db,
                      env={"WARTA_FETCH_ALLOW_PRIVATE": "1"})
        self.assertEqual(r.returncode, 0, r.stderr)
        # The Admin API applies the same rule.
        r = run_warta("user", "add", "redaktur", "--role", "editor", "--db", self.db,
                      stdin="a long enough password\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        token = run_warta("token", "create", "redaktur", "--db", self.db).stdout.strip()
        server = self.serve(env={"WARTA_FETCH_ALLOW_PRIVATE": "0"})
        status, _, body = server.request(
            "POST", "/api/v1/admin/sources",
            headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
            body=json.dumps({"url": "http://192.168.1.1/feed"}))
        self.assertEqual(status, 400, body)
        fields = json.loads(body)["fields"]
        self.assertEqual(fields[0]["field"], "url")
        self.assertIn("loopback, private or link-local", fields[0]["reason"])


if __name__ == "__main__":
    unittest.main()
