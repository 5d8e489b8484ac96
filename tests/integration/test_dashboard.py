"""The dashboard's figures equal the database (issue 12, Must show 4). A site is built with
known activity: articles written through /admin in two sections and one imported from a
wire source, views, likes, shares and comments made through the real server today, and
engagement rows of earlier days written into the file (the 30-day window's edges included).
Then GET /admin (the HTML tables) and GET /api/v1/admin/stats (JSON) are compared with
SELECTs on the same SQLite file: per day, totals, top today and this week, by section, by
source, failing sources and comments waiting."""

import html.parser
import http.client
import re
import sqlite3
import time

from readers_client import Client, Reply
from warta_harness import WartaTestCase, run_warta

PASSWORD = "kata sandi panjang"
ENV = {"WARTA_RATELIMIT_ENABLED": "0", "WARTA_VIEWS_FLUSH_INTERVAL_MS": "100"}
METRICS = ("views", "likes", "comments", "shares")


class Tables(html.parser.HTMLParser):
    """Every table with an id: {id: {row key: {metric: number}}}. A row's key is its
    data-date, else the text of its first cell."""

    def __init__(self):
        super().__init__()
        self.tables, self.table, self.row, self.cell, self.text = {}, None, None, None, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id"):
            self.table = self.tables.setdefault(a["id"], {})
        elif tag == "tr" and self.table is not None:
            self.row = {"_key": a.get("data-date")}
        elif tag in ("td", "th") and self.row is not None:
            self.cell, self.text = a.get("data-metric", "_head"), ""

    def handle_data(self, data):
        if self.cell is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            if self.cell == "_head":
                self.row.setdefault("_name", self.text.strip())
            else:
                # Numbers are formatted for the locale ("1.234" in id): digits only.
                self.row[self.cell] = int(re.sub(r"\D", "", self.text) or "0")
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(m in self.row for m in METRICS):
                key = self.row["_key"] or self.row["_name"]
                self.table[key] = {m: self.row.get(m, 0) for m in METRICS}
            self.row = None
        elif tag == "table":
            self.table = None


def multipart_form(fields):
    boundary = "----wartaDashboardTest"
    body = b""
    for name, value in fields:
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode()
        body += value.encode() + b"\r\n"
    return body + ("--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=" + boundary


class DashboardTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        self.assertEqual(run_warta("migrate", "--db", self.db).returncode, 0)
        for name, role in (("redaktur", "editor"), ("kepala", "admin")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db, stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve(env=ENV)
        self.editor = Client(self.server)
        self.editor.session()
        self.assertEqual(self.editor.login("redaktur", PASSWORD).status, 200)

    def write(self, title, section):
        """An article published through the editor's plain form (multipart, as the browser
        sends it)."""
        body, content_type = multipart_form([
            ("csrf_token", self.editor.token), ("title", title), ("section", section),
            ("lang", "id"), ("body_markdown", "Isi berita " + title + ".\n\nParagraf kedua."),
            ("intent", "publish")])
        reply = self._post(body, content_type)
        self.assertEqual(reply.status, 303, reply.body[:2000])
        location = reply.header("location")
        m = re.match(r"^/admin/articles/(\d+)\?done=published$", location)
        self.assertIsNotNone(m, location)
        article_id = int(m.group(1))
        api = self.server.get_json("/api/v1/articles/%d" % article_id)
        return {"id": article_id, "path": api["path"]}

    def _post(self, body, content_type):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        try:
            cookie = "; ".join("%s=%s" % kv for kv in self.editor.cookies.items())
            conn.request("POST", "/admin/articles", body=body,
                         headers={"Content-Type": content_type, "Cookie": cookie,
                                  "User-Agent": self.editor.agent})
            resp = conn.getresponse()
            return Reply(resp.status, [(k.lower(), v) for k, v in resp.getheaders()], resp.read())
        finally:
            conn.close()

    def activity(self, articles):
        """Known activity today through the server: views by distinct visitors, likes,
        shares and comments (the first of an account waits for a moderator)."""
        plan = {articles[0]["id"]: (7, 3, 2), articles[1]["id"]: (4, 1, 1),
                articles[2]["id"]: (2, 0, 3)}
        by_id = {a["id"]: a for a in articles}
        for article_id, (views, likes, shares) in plan.items():
            for v in range(views):
                status, _, _ = self.server.get(by_id[article_id]["path"],
                                               {"User-Agent": "Visitor %d-%d" % (article_id, v)})
                self.assertEqual(status, 200)
            for v in range(likes):
                liker = Client(self.server, agent="Liker %d-%d" % (article_id, v))
                liker.session()
                self.assertEqual(liker.like(article_id).status, 200)
            for v in range(shares):
                sharer = Client(self.server)
                sharer.session()
                reply = sharer.request("POST", "/api/v1/articles/%d/share?network=x" % article_id)
                self.assertEqual(reply.status, 200, reply.body)
        # Comments: two readers' first comments wait; an admin approves one (it then counts),
        # whose author's second comment is published at once.
        ids = []
        for name in ("pembaca1", "pembaca2"):
            reader = Client(self.server)
            reader.session()
            self.assertEqual(reader.register(name, PASSWORD).status, 201)
            reply = reader.post_json("/api/v1/articles/%d/comments" % articles[0]["id"],
                                     {"body": "Komentar pertama " + name})
            self.assertEqual(reply.status, 201, reply.body)
            self.assertEqual(reply.json()["status"], "pending")
            ids.append((reader, reply.json()["id"]))
        admin = Client(self.server)
        admin.session()
        self.assertEqual(admin.login("kepala", PASSWORD).status, 200)
        self.assertEqual(admin.post_json("/api/v1/comments/%d/approve" % ids[0][1]).status, 200)
        reply = ids[0][0].post_json("/api/v1/articles/%d/comments" % articles[1]["id"],
                                    {"body": "Komentar kedua"})
        self.assertEqual(reply.json()["status"], "published")

    def past_days(self, today, articles):
        """Engagement rows of earlier days, written into the file: inside the window (29 days
        ago is its first day, 6 days ago the week's first), and just outside (30 days ago)."""
        rows = [(today - 29, articles[0]["id"], 11, 1, 0, 2),
                (today - 6, articles[1]["id"], 20, 2, 1, 0),
                (today - 7, articles[2]["id"], 5, 0, 0, 1),
                (today - 30, articles[0]["id"], 1000, 9, 9, 9)]
        with sqlite3.connect(self.db_path) as db:
            db.executemany("INSERT INTO engagement_days (day, article_id, views, likes, comments, "
                           "shares) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                           "views = views + excluded.views, likes = likes + excluded.likes, "
                           "comments = comments + excluded.comments, "
                           "shares = shares + excluded.shares", rows)

    def wait_flushed(self, expected_views):
        """Views are counted in memory and flushed in batches: wait until the file has them."""
        deadline = time.time() + 20
        while time.time() < deadline:
            with sqlite3.connect(self.db_path) as db:
                (views,) = db.execute("SELECT coalesce(sum(views), 0) FROM articles").fetchone()
            if views >= expected_views:
                return
            time.sleep(0.1)
        self.fail("views were not flushed")

    def test_dashboard_equals_the_database(self):
        articles = [self.write("Rupiah menguat", "ekonomi"), self.write("Timnas menang", "olahraga"),
                    self.write("Ekspor naik", "ekonomi")]
        wire = self.add_article({"title": "Gempa di Jepang", "source": "MAINICHI", "lang": "id",
                                 "body_text": "Gempa kecil.\n\nTidak ada korban."})
        articles.append({"id": wire["id"], "path": wire["path"]})
        self.activity(articles[:3])
        self.server.get(wire["path"], {"User-Agent": "Wire reader"})
        self.wait_flushed(7 + 4 + 2 + 1)
        # A failing source (its last fetch's error recorded as ingest does).
        # A loopback feed needs fetch.allow_private since `source add` checks it (issue 16).
        self.assertEqual(run_warta("source", "add", "http://127.0.0.1:9/feed.xml", "--db", self.db,
                                   "--name", "Mati",
                                   env={"WARTA_FETCH_ALLOW_PRIVATE": "1"}).returncode, 0)
        with sqlite3.connect(self.db_path) as db:
            db.execute("UPDATE sources SET last_error = 'connection refused', "
                       "consecutive_errors = 3 WHERE name = 'Mati'")

        stats = self.editor.request("GET", "/api/v1/admin/stats")
        self.assertEqual(stats.status, 200, stats.body)
        today = stats.json()["today_day"]
        # The site's day is Asia/Jakarta's (UTC+7, no daylight saving).
        self.assertIn(today, ((int(time.time()) + 7 * 3600) // 86400,
                              (int(time.time()) + 7 * 3600 - 5) // 86400))
        self.past_days(today, articles)
        stats = self.editor.request("GET", "/api/v1/admin/stats").json()
        page = self.editor.request("GET", "/admin")
        self.assertEqual(page.status, 200)
        tables = Tables()
        tables.feed(page.body.decode())

        db = sqlite3.connect(self.db_path)
        first = today - 29
        per_day = {row[0]: dict(zip(METRICS, row[1:])) for row in db.execute(
            "SELECT day, sum(views), sum(likes), sum(comments), sum(shares) FROM engagement_days "
            "WHERE day BETWEEN ? AND ? GROUP BY day", (first, today))}
        # Today's activity is what the test did: the numbers are known, not just consistent.
        self.assertEqual(per_day[today], {"views": 14, "likes": 4, "comments": 2, "shares": 6})
        self.assertEqual(len(stats["days"]), 30)
        for entry in stats["days"]:
            want = per_day.get(entry["day"], dict.fromkeys(METRICS, 0))
            self.assertEqual({m: entry[m] for m in METRICS}, want, entry)
            self.assertEqual(tables.tables["days-table"][entry["date"]], want, entry["date"])
        total = dict(zip(METRICS, db.execute(
            "SELECT sum(views), sum(likes), sum(comments), sum(shares) FROM engagement_days "
            "WHERE day BETWEEN ? AND ?", (first, today)).fetchone()))
        self.assertEqual(stats["total"], total)
        self.assertEqual(tables.tables["days-table"]["total"], total)
        self.assertEqual(total["views"], 14 + 11 + 20 + 5)  # the day 30 days ago is left out

        def ranked(sql, args):
            return [dict(zip(("key",) + METRICS, row)) for row in db.execute(sql, args)]

        top_sql = ("SELECT a.title, sum(e.views), sum(e.likes), sum(e.comments), sum(e.shares) "
                   "FROM engagement_days e JOIN articles a ON a.id = e.article_id "
                   "WHERE e.day BETWEEN ? AND ? GROUP BY e.article_id "
                   "ORDER BY 2 DESC, 3 DESC, 4 DESC, 5 DESC, e.article_id")
        for key, table, since in (("top_today", "top-today", today), ("top_week", "top-week", today - 6)):
            want = ranked(top_sql, (since, today))
            got = [dict(key=r["title"], **{m: r[m] for m in METRICS}) for r in stats[key]]
            self.assertEqual(got, want, key)
            self.assertEqual(tables.tables[table], {r["key"]: {m: r[m] for m in METRICS} for r in want})
        self.assertEqual(stats["top_week"][0]["title"], "Timnas menang")  # 4 today + 20 six days ago

        sections = ranked("SELECT coalesce(s.name, ''), sum(e.views), sum(e.likes), sum(e.comments), "
                          "sum(e.shares) FROM engagement_days e JOIN articles a ON a.id = e.article_id "
                          "LEFT JOIN sections s ON s.id = a.section_id WHERE e.day BETWEEN ? AND ? "
                          "GROUP BY coalesce(a.section_id, 0) ORDER BY 2 DESC", (first, today))
        self.assertEqual([dict(key=r["name"], **{m: r[m] for m in METRICS}) for r in stats["by_section"]],
                         sections)
        self.assertEqual(len(sections), 3)  # ekonomi, olahraga and the wire item without one
        sources = ranked("SELECT a.source, sum(e.views), sum(e.likes), sum(e.comments), sum(e.shares) "
                         "FROM engagement_days e JOIN articles a ON a.id = e.article_id "
                         "WHERE e.day BETWEEN ? AND ? GROUP BY a.source ORDER BY 2 DESC", (first, today))
        self.assertEqual([dict(key=r["name"], **{m: r[m] for m in METRICS}) for r in stats["by_source"]],
                         sources)
        for table, rows in (("by-section", stats["by_section"]), ("by-source", stats["by_source"])):
            self.assertEqual(sorted(tables.tables[table].values(), key=lambda r: sorted(r.items())),
                             sorted(({m: r[m] for m in METRICS} for r in rows),
                                    key=lambda r: sorted(r.items())))

        (waiting,) = db.execute("SELECT count(*) FROM comments WHERE status = 'pending' OR "
                                "(status = 'published' AND reports > 0)").fetchone()
        self.assertEqual(waiting, 1)
        self.assertEqual(stats["comments_waiting"], waiting)
        self.assertIn('id="stat-comments-waiting">%d<' % waiting, page.body.decode())
        failing = [row[0] for row in db.execute("SELECT name FROM sources WHERE last_error <> ''")]
        self.assertEqual([s["name"] for s in stats["failing_sources"]], failing)
        self.assertIn("connection refused", page.body.decode())
        # The counters the public pages show agree with the days (all activity is new).
        for a in articles[:3]:
            counters = self.server.get_json("/api/v1/articles/%d" % a["id"])["counters"]
            (likes, comments, shares) = db.execute(
                "SELECT sum(likes), sum(comments), sum(shares) FROM engagement_days "
                "WHERE article_id = ? AND day = ?", (a["id"], today)).fetchone()
            self.assertEqual((counters["likes"], counters["comments"], counters["shares"]),
                             (likes or 0, comments or 0, shares or 0))
        db.close()

    def test_readers_and_authors_do_not_see_the_numbers(self):
        reader = Client(self.server)
        reader.session()
        self.assertEqual(reader.register("pembaca", PASSWORD).status, 201)
        self.assertEqual(reader.request("GET", "/api/v1/admin/stats").status, 403)
        self.assertEqual(Client(self.server).request("GET", "/api/v1/admin/stats").status, 401)
        anonymous = Client(self.server).request("GET", "/admin")
        self.assertEqual(anonymous.status, 303)
        self.assertTrue(anonymous.header("location").startswith("/login"))
        r = run_warta("user", "add", "penulis", "--role", "author", "--db", self.db,
                      stdin=PASSWORD + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        author = Client(self.server)
        author.session()
        self.assertEqual(author.login("penulis", PASSWORD).status, 200)
        self.assertEqual(author.request("GET", "/api/v1/admin/stats").status, 403)
        reply = author.request("GET", "/admin")
        self.assertEqual((reply.status, reply.header("location")), (303, "/admin/articles"))
