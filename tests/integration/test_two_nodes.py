"""Two warta nodes on one PostgreSQL behind nginx round-robin (issue 14, Must show 2;
docs/scaling.md): views from distinct visitors and likes spread over both nodes give exact
totals on both; a comment posted on node A shows on node B's page within a second
(LISTEN/NOTIFY); `kill -9` of node A in the middle of a load loses no acknowledged like or
comment; a source is fetched by one node only (the ingest advisory lock), and the other node
takes ingest over when the first dies.

PostgreSQL only (ctest integration_pg.test_two_nodes, fixture pg): on SQLite it is skipped."""

import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import unittest

from readers_client import Client
from warta_harness import WartaTestCase, parallel, run_warta

PASSWORD = "kata sandi panjang"
NODE_ENV = {
    "WARTA_RATELIMIT_ENABLED": "0",
    "WARTA_COMMENTS_MODERATE_FIRST": "0",
    "WARTA_FETCH_ALLOW_PRIVATE": "1",
    "WARTA_INGEST_ENABLED": "1",
    "WARTA_INGEST_INTERVAL_SECONDS": "1",
    "WARTA_VIEWS_FLUSH_INTERVAL_MS": "200",
    "WARTA_LOG_LEVEL": "info",
}
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Dua Node</title>'
        b'<item><title>Dermaga baru dibuka</title><guid>two-nodes-1</guid>'
        b'<link>http://127.0.0.1/dermaga</link>'
        b'<description>Dermaga baru dibuka pagi ini untuk kapal nelayan.</description>'
        b'</item></channel></rss>')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FeedSite:
    """A feed on 127.0.0.1:0 that counts its fetches."""

    def __init__(self):
        self.fetches = 0
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.fetches += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(FEED)))
                self.end_headers()
                self.wfile.write(FEED)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/feed.xml" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Port:
    """What readers_client.Client needs of a server: the port it talks to."""

    def __init__(self, port):
        self.port = port


class TwoNodesTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        if not self.database.pg_name:
            self.skipTest("PostgreSQL only: several nodes share one PostgreSQL database")
        if shutil.which("nginx") is None and not os.path.exists("/usr/sbin/nginx"):
            self.fail("nginx is missing: scripts/install-deps.sh test installs it")
        os.chmod(self.tmp.name, 0o755)
        self.article = self.add_article({"title": "Dua node", "source": "KYODO",
                                         "body_text": "Paragraf pertama.", "views": 3})
        self.id = self.article["id"]
        self.api = "/api/v1/articles/%d" % self.id
        self.feed = FeedSite()
        r = run_warta("source", "add", self.feed.url, "--name", "Dua", "--db", self.db,
                      env={"WARTA_FETCH_ALLOW_PRIVATE": "1"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.a = self.serve(env=NODE_ENV)
        self.b = self.serve(env=NODE_ENV)
        self.nginx = None
        self.front = Port(self._start_nginx())

    def tearDown(self):
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
            self.nginx.stderr.close()
        if getattr(self, "feed", None):
            self.feed.close()
        super().tearDown()

    def _start_nginx(self):
        work = self.tmp.name
        port = free_port()
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w", encoding="utf-8") as f:
            f.write("daemon off;\nworker_processes 1;\npid %s/nginx.pid;\n" % work)
            f.write("error_log %s/nginx-error.log crit;\n" % work)
            f.write("events { worker_connections 512; }\nhttp {\n  access_log off;\n")
            for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
                f.write("  %s_temp_path %s/nginx-%s;\n" % (temp, work, temp))
            # Round-robin over both nodes (docs/scaling.md shows the same upstream); a node
            # that refuses connections is skipped for idempotent requests only.
            f.write("  upstream warta { server 127.0.0.1:%d; server 127.0.0.1:%d; }\n"
                    % (self.a.port, self.b.port))
            f.write("  server {\n    listen 127.0.0.1:%d;\n" % port)
            f.write("    location / { proxy_pass http://warta; proxy_set_header Host $host;\n")
            f.write("      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }\n")
            f.write("  }\n}\n")
        self.nginx = subprocess.Popen(["nginx", "-c", conf, "-p", work],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.nginx.poll() is not None:
                self.fail("nginx exited: %s" % self.nginx.stderr.read().decode())
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return port
            except OSError:
                time.sleep(0.05)
        self.fail("nginx did not start")

    def counters(self, node):
        return node.get_json(self.api)["counters"]

    def wait_for(self, what, check, seconds):
        """Polls check() until it is true; fails after `seconds`. Returns the time taken."""
        start = time.time()
        while True:
            if check():
                return time.time() - start
            if time.time() - start > seconds:
                self.fail("not within %.1f s: %s" % (seconds, what() if callable(what) else what))
            time.sleep(0.05)

    def reader(self, server, name):
        c = Client(server, agent="reader " + name)
        c.session()
        reply = c.register(name, PASSWORD)
        self.assertEqual(reply.status, 201, reply.body)
        return c

    def test_two_nodes_behind_nginx(self):
        # 1,000 views from distinct visitors and 500 likes, all through nginx.
        path = self.article["path"]
        agents = ["Mozilla/5.0 (visitor %d)" % i for i in range(1000)]
        statuses = parallel(lambda a: self.front_get(path, a), agents, threads=32)
        self.assertEqual(set(statuses), {200})
        likers = [Client(self.front, agent=a) for a in agents[:500]]

        def like(c):
            c.session()
            return c.like(self.id).status

        self.assertEqual(set(parallel(like, likers, threads=32)), {200})
        # Both nodes served some of it, and both show the exact totals (views flushed every
        # 200 ms; the other node's cached counters are read again within 5 s).
        want = {"views": 3 + 1000, "likes": 500}
        for node in (self.a, self.b):
            seen = {}

            def exact(n=node):
                seen.update({k: self.counters(n)[k] for k in want})
                return seen == want

            self.wait_for(lambda n=node: "exact totals on node %d: %s; stored %s" % (
                n.port, seen, self.sql("SELECT views, likes FROM articles WHERE id = ?", self.id)),
                exact, 10)

        # A comment posted on A is on B's page within a second: B had the page cached.
        self.assertEqual(self.b.get(path)[0], 200)
        budi = self.reader(self.a, "budi")
        posted = budi.post_json("/api/v1/articles/%d/comments" % self.id,
                                {"body": "Komentar dari node A"})
        self.assertEqual(posted.status, 201, posted.body)
        took = self.wait_for("the comment on node B's page",
                             lambda: "Komentar dari node A" in self.b.get(path)[2].decode(), 1.0)
        print("comment from node A on node B's page after %.3f s" % took)

        # One node fetched the source, once; the other skipped it.
        self.wait_for("the source fetched", lambda: self.feed.fetches >= 1, 10)
        time.sleep(1.5)  # both schedulers ran again meanwhile (interval 1 s)
        self.assertEqual(self.feed.fetches, 1)
        holders = [n for n in (self.a, self.b) if "this node runs the ingest" in n.output()]
        self.assertEqual(len(holders), 1)

        # kill -9 of node A under a load of likes and comments: what was acknowledged stays.
        acked_likes, acked_comments, failed = set(), [], [0]
        lock = threading.Lock()
        fresh = [Client(self.front, agent="Mozilla/5.0 (late visitor %d)" % i) for i in range(300)]
        writer = Client(self.front, agent="reader budi")
        writer.cookies, writer.token = dict(budi.cookies), budi.token

        def like_late(i):
            c = fresh[i]
            try:
                c.session()
                if c.like(self.id).status == 200:
                    with lock:
                        acked_likes.add(c.agent)
                    return
            except OSError:
                pass
            with lock:
                failed[0] += 1

        def comment_late(i):
            try:
                reply = writer.post_json("/api/v1/articles/%d/comments" % self.id,
                                         {"body": "Komentar beban %d" % i})
            except OSError:
                return
            if reply.status == 201:
                with lock:
                    acked_comments.append(reply.json()["id"])

        def killer():
            time.sleep(0.4)
            self.a.proc.send_signal(signal.SIGKILL)

        kill = threading.Thread(target=killer)
        kill.start()
        parallel(lambda i: like_late(i) if i < 300 else comment_late(i - 300),
                 list(range(400)), threads=24)
        kill.join()
        self.a.proc.wait(timeout=10)
        print("during kill -9: %d likes and %d comments acknowledged, %d likes failed"
              % (len(acked_likes), len(acked_comments), failed[0]))
        self.assertGreater(len(acked_likes), 0)
        stored_likes = self.sql("SELECT count(*) FROM likes WHERE article_id = ?", self.id)[0][0]
        # Every acknowledged like is stored; none that was not acknowledged is (a like either
        # commits before its answer or not at all, but an answer may be lost in the kill).
        self.assertGreaterEqual(stored_likes, 500 + len(acked_likes))
        self.assertLessEqual(stored_likes, 500 + len(acked_likes) + failed[0])
        if acked_comments:
            ids = ",".join(str(i) for i in acked_comments)
            found = self.sql("SELECT count(*) FROM comments WHERE id IN (%s)" % ids)[0][0]
            self.assertEqual(found, len(acked_comments))
        # Node B goes on showing the stored total and takes ingest over if A held it.
        self.wait_for("node B shows the stored likes",
                      lambda: self.counters(self.b)["likes"] == stored_likes, 10)
        if holders[0] is self.a:
            self.wait_for("node B runs ingest",
                          lambda: "this node runs the ingest" in self.b.output(), 5)

    def front_get(self, path, agent):
        conn = Client(self.front, agent=agent)
        return conn.request("GET", path).status


if __name__ == "__main__":
    unittest.main()
