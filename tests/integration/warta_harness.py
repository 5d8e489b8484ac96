"""Test harness: runs the real warta binary against a temporary SQLite file and talks to
`warta serve` over real HTTP on a free loopback port. Standard library only.

With WARTA_TEST_DB=postgresql (the ctest tests integration_pg.*, which start a private cluster
with the fixture "pg"), each test gets a new database on that cluster instead, made and dropped
with Debian's psql; WARTA_TEST_DB=postgresql://... names a cluster directly."""

import html.parser
import http.client
import json
import os
import re
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

WARTA = os.environ.get("WARTA_BIN", os.path.join(os.path.dirname(__file__), "../../build/release/warta"))
SHARED = os.environ.get("WARTA_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
SEED = os.path.join(SHARED, "seeds", "000_21fe03785c536a48.txt")
# Set by tests/CMakeLists.txt for a build with sanitizers (make asan).
SANITIZED = os.environ.get("WARTA_SANITIZED") == "1"


def assert_memory_below(test, megabytes, bound, what=""):
    """A peak-memory bound, checked in the release suite. Under AddressSanitizer every
    allocation has shadow memory and freed blocks wait in a quarantine (256 MB by default), so
    the figure measures the instrumentation, not warta: it is printed and not compared."""
    if SANITIZED:
        print("(memory bound %s MB not checked under sanitizers: %s MB)" % (bound, megabytes))
        return
    test.assertLess(megabytes, bound, what)


def run_warta(*args, stdin=None, env=None, timeout=60):
    """Runs a warta command; returns CompletedProcess with text output."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([WARTA, *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=full_env)


PSQL = "/usr/lib/postgresql/15/bin/psql"
_pg_databases = iter(range(1, 1 << 30))


def test_pg_url():
    """The PostgreSQL cluster the tests run against, or None for SQLite."""
    chosen = os.environ.get("WARTA_TEST_DB", "")
    if chosen.startswith(("postgresql://", "postgres://")):
        return chosen
    if chosen != "postgresql":
        return None
    path = os.environ.get("WARTA_TEST_PG_URL_FILE", "")
    url = os.environ.get("WARTA_TEST_PG_URL", "")
    if not url and path:
        with open(path, encoding="utf-8") as f:
            url = f.read().strip()
    if not url:
        raise RuntimeError("WARTA_TEST_DB=postgresql but no cluster URL (did pg.cluster_start run?)")
    return url


def _psql(url, sql):
    r = subprocess.run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError("psql %s: %s" % (sql, r.stderr))


class TestDatabase:
    """A fresh database for a test: a SQLite file in `directory`, or (test_pg_url()) a new
    database on the PostgreSQL cluster, dropped again by drop()."""

    def __init__(self, directory):
        self.path = os.path.join(directory, "warta.db")
        self.url = "sqlite:" + self.path
        self.pg_name = None
        self.cluster = test_pg_url()
        if not self.cluster:
            return
        self.pg_name = "warta_e2e_%d_%d" % (os.getpid(), next(_pg_databases))
        _psql(self.cluster, "CREATE DATABASE " + self.pg_name)
        # The cluster URL ends in /DBNAME (scripts/pg-test-cluster.sh writes it so).
        self.url = self.cluster[:self.cluster.rfind("/") + 1] + self.pg_name
        # The database is no local file: pictures go to a folder named explicitly.
        self.saved_media_dir = os.environ.get("WARTA_MEDIA_DIR")
        os.environ["WARTA_MEDIA_DIR"] = os.path.join(directory, "media")

    def sql(self, statement, *params):
        """Runs one SQL statement with ? parameters on either backend; returns its rows as
        tuples (on PostgreSQL through psql: integers come back as int, the rest as str)."""
        if not self.pg_name:
            con = sqlite3.connect(self.path)
            try:
                with con:
                    return con.execute(statement, params).fetchall()
            finally:
                con.close()
        parts = statement.split("?")
        if len(parts) != len(params) + 1:
            raise ValueError("sql: %d parameters for %r" % (len(params), statement))
        literal = [p if isinstance(p, int) else "'" + str(p).replace("'", "''") + "'"
                   for p in params]
        text = parts[0] + "".join(str(v) + rest for v, rest in zip(literal, parts[1:]))
        # Unit and record separators: values may hold newlines (bodies of HTML).
        r = subprocess.run([PSQL, "-X", "-q", "-A", "-t", "-F", "\x1f", "-R", "\x1e", "-v",
                            "ON_ERROR_STOP=1", "-d", self.url, "-c", text],
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError("psql %s: %s" % (text, r.stderr))
        rows = []
        out = r.stdout[:-1] if r.stdout.endswith("\n") else r.stdout
        for record in out.split("\x1e") if out else []:
            values = record.split("\x1f")
            rows.append(tuple(int(v) if re.fullmatch(r"-?[0-9]+", v) else v for v in values))
        return rows

    def drop(self):
        if not self.pg_name:
            return
        _psql(self.cluster, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.pg_name)
        self.pg_name = None
        if self.saved_media_dir is None:
            os.environ.pop("WARTA_MEDIA_DIR", None)
        else:
            os.environ["WARTA_MEDIA_DIR"] = self.saved_media_dir


class Server:
    """A `warta serve` process on 127.0.0.1 with a port chosen by the kernel."""

    def __init__(self, db_url, extra_args=(), env=None, preexec_fn=None):
        full_env = dict(os.environ)
        full_env.update({"WARTA_SERVER_ACCESS_LOG": "0"})
        full_env.update(env or {})
        self.log_path = tempfile.mktemp(prefix="warta-serve-", suffix=".log")
        self.log = open(self.log_path, "w+")
        self.proc = subprocess.Popen(
            [WARTA, "serve", "--db", db_url, "--listen", "127.0.0.1:0", *extra_args],
            stdout=self.log, stderr=subprocess.STDOUT, env=full_env, preexec_fn=preexec_fn)
        self.port = self._wait_for_port()

    def _wait_for_port(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with open(self.log_path) as f:
                m = re.search(r"http://127\.0\.0\.1:(\d+)", f.read())
            if m:
                return int(m.group(1))
            if self.proc.poll() is not None:
                raise RuntimeError("warta serve exited early:\n" + self.output())
            time.sleep(0.05)
        raise RuntimeError("warta serve did not start:\n" + self.output())

    def output(self):
        with open(self.log_path) as f:
            return f.read()

    def request(self, method, path, headers=None, body=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), resp.read()
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def get_json(self, path):
        status, _, body = self.get(path)
        assert status == 200, (status, body)
        return json.loads(body)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


class ElementTexts(html.parser.HTMLParser):
    """Collects, for every element with an id, its text content and its aria-label, title
    and value attributes (what README "Using the binary" calls the id's text), and counts ids."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [tag, id or None]
        self.texts = {}
        self.id_counts = {}
        self.html_lang = None
        self.meta = {}

    def _append(self, text):
        for _, ident in self.stack:
            if ident is not None:
                self.texts[ident] = self.texts.get(ident, "") + text

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content")
        ident = a.get("id")
        if ident is not None:
            self.id_counts[ident] = self.id_counts.get(ident, 0) + 1
        extra = " ".join(a[k] for k in ("aria-label", "title", "value") if a.get(k))
        if tag in self.VOID:
            if ident is not None:
                self.texts[ident] = self.texts.get(ident, "") + " " + extra
            if extra:
                self._append(" " + extra + " ")
            return
        self.stack.append([tag, ident])
        if extra:
            self._append(" " + extra + " ")

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self._append(data)


def parse_page(body):
    parser = ElementTexts()
    parser.feed(body.decode("utf-8"))
    parser.close()
    squash = lambda s: re.sub(r"\s+", " ", s).strip()
    parser.texts = {k: squash(v) for k, v in parser.texts.items()}
    return parser


def read_seed():
    """The seed page as (headline, source, paragraphs): its first lines are site name,
    headline, source, date, counters; the body runs until the 'komentar' line."""
    with open(SEED, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    headline, source = lines[1], lines[2]
    body = []
    for line in lines[6:]:
        if line.strip().lower() == "komentar":
            break
        if line.strip():
            body.append(line.strip())
    return headline, source, body


def parallel(fn, items, threads=50):
    """Runs fn(item) for every item on a thread pool; returns the results in order."""
    results = [None] * len(items)
    errors = []
    index = iter(range(len(items)))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                i = next(index, None)
            if i is None:
                return
            try:
                results[i] = fn(items[i])
            except Exception as e:  # collected and re-raised in the caller
                errors.append(e)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        raise errors[0]
    return results


class WartaTestCase(unittest.TestCase):
    """A temporary directory with a SQLite database per test."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="warta-test-")
        self.database = TestDatabase(self.tmp.name)
        self.db_path = self.database.path
        self.db = self.database.url
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.stop(sig=signal.SIGKILL)
        self.database.drop()
        self.tmp.cleanup()

    def sql(self, statement, *params):
        return self.database.sql(statement, *params)

    def assert_database_intact(self):
        """SQLite: PRAGMA integrity_check passes. PostgreSQL keeps its own pages consistent:
        the database answers."""
        if self.database.pg_name:
            self.assertEqual(len(self.sql("SELECT count(*) FROM articles")), 1)
        else:
            self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])

    def sqlite_only(self, why):
        """Skips the rest of a test on PostgreSQL (what it checks is the SQLite file itself)."""
        if self.database.pg_name:
            self.skipTest("SQLite only: " + why)

    def serve(self, **kwargs):
        s = Server(self.db, **kwargs)
        self.servers.append(s)
        return s

    def add_article(self, article):
        path = os.path.join(self.tmp.name, "article-%d.json" % time.monotonic_ns())
        with open(path, "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)
        r = run_warta("article", "add", "--db", self.db, "--json", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)
