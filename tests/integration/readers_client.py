"""A small HTTP client with a cookie jar, for the readers' tests (accounts, likes): it keeps
every Set-Cookie (the harness's Server.request folds repeated headers), the CSRF token from
GET /api/v1/session, and sends JSON or form bodies."""

import http.client
import json
import urllib.parse


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (lower-case name, value)
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k == name:
                return v
        return None

    def cookies(self):
        return [v for k, v in self.headers if k == "set-cookie"]

    def json(self):
        return json.loads(self.body)


class Client:
    def __init__(self, server, agent="Mozilla/5.0 (readers test)", headers=None, source=None):
        self.server = server
        self.source = source  # a loopback address to connect from (127.0.x.y), or None
        self.agent = agent
        self.extra_headers = dict(headers or {})
        self.cookies = {}
        self.token = None

    def request(self, method, path, json_body=None, form=None, headers=None, csrf=True):
        h = {"User-Agent": self.agent}
        h.update(self.extra_headers)
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            h["Content-Type"] = "application/json"
        elif form is not None:
            body = urllib.parse.urlencode(form).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if csrf and self.token and form is None and method in ("POST", "PUT", "DELETE"):
            h["X-CSRF-Token"] = self.token
        h.update(headers or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60,
                                          source_address=(self.source, 0) if self.source else None)
        try:
            conn.request(method, path, body=body, headers=h)
            resp = conn.getresponse()
            reply = Reply(resp.status, [(k.lower(), v) for k, v in resp.getheaders()], resp.read())
        finally:
            conn.close()
        for cookie in reply.cookies():
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in cookie:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return reply

    def session(self):
        """GET /api/v1/session; remembers the CSRF token."""
        reply = self.request("GET", "/api/v1/session")
        assert reply.status == 200, (reply.status, reply.body)
        data = reply.json()
        self.token = data["csrf_token"]
        return data

    def post_json(self, path, body=None, **kwargs):
        return self.request("POST", path, json_body=body if body is not None else {}, **kwargs)

    def login(self, username, password):
        reply = self.post_json("/api/v1/auth/login", {"username": username, "password": password})
        if reply.status == 200:
            self.token = reply.json()["csrf_token"]
        return reply

    def register(self, username, password):
        reply = self.post_json("/api/v1/auth/register",
                               {"username": username, "password": password})
        if reply.status == 201:
            self.token = reply.json()["csrf_token"]
        return reply

    def like(self, article_id, method="POST"):
        return self.request(method, "/api/v1/articles/%s/like" % article_id)
