"""The crash test (issue 16, Must show 4): a write load of likes, comments and views from
many visitors while `warta serve` is killed with SIGKILL at random moments and restarted on
the same SQLite file. Afterwards every acknowledged like and comment is there, no counter
exceeds its truth, and PRAGMA integrity_check is ok.

test_crash.py runs it for a few seconds in `make test`; `make soak` runs it for SOAK_SECONDS
(default 600): python3 tests/integration/crash_load.py."""

import os
import random
import signal
import sqlite3
import sys
import threading
import time

from readers_client import Client

PASSWORD = "kata sandi panjang"
ENV = {"WARTA_RATELIMIT_ENABLED": "0", "WARTA_COMMENTS_MODERATE_FIRST": "0",
       "WARTA_COMMENTS_MODERATE_LINKS": "0", "WARTA_VIEWS_FLUSH_INTERVAL_MS": "200"}


class Target:
    """What the clients talk to: the port of whichever server is running now."""
    port = 0


class Ledger:
    """What the server acknowledged, and what was sent (the truth counters may not exceed)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.likes = set()      # (visitor index, article id) answered 200
        self.comments = set()   # comment ids answered 201
        # article id -> page requests sent: each counts at most one view. (The dedup window is
        # in memory, so after a restart a visitor's next view of an article counts again.)
        self.views_sent = {}
        self.errors = 0         # requests that got no answer (the server was being killed)


def load(worker, visitors, accounts, articles, ledger, stop, rng):
    while not stop.is_set():
        action = rng.random()
        article = rng.choice(articles)
        try:
            if action < 0.45:
                i = rng.randrange(len(visitors))
                reply = visitors[i].like(article["id"])
                if reply.status == 200:
                    with ledger.lock:
                        ledger.likes.add((i, article["id"]))
            elif action < 0.75:
                i = rng.randrange(len(visitors))
                with ledger.lock:
                    ledger.views_sent[article["id"]] = ledger.views_sent.get(article["id"], 0) + 1
                visitors[i].request("GET", article["path"])
            else:
                author = rng.choice(accounts)
                reply = author.post_json("/api/v1/articles/%d/comments" % article["id"],
                                         {"body": "komentar %d dari pekerja %d" %
                                          (rng.randrange(10**9), worker)})
                if reply.status == 201:
                    with ledger.lock:
                        ledger.comments.add(reply.json()["id"])
        except (OSError, ValueError):
            with ledger.lock:
                ledger.errors += 1
            time.sleep(0.01)


def run(case, seconds, kills_at_least=3, workers=8, n_visitors=60, n_articles=3):
    """case: a WartaTestCase (serve, add_article, sql, db_path). Returns the ledger."""
    articles = [case.add_article({"title": "Crash %d" % n, "source": "KYODO",
                                  "body_text": "Paragraf.", "views": 7, "likes": 0})
                for n in range(n_articles)]
    from warta_harness import run_warta
    names = ["penulis%d" % n for n in range(3)]
    for name in names:
        r = run_warta("user", "add", name, "--db", case.db, stdin=PASSWORD + "\n")
        case.assertEqual(r.returncode, 0, r.stderr)
    target = Target()
    server = case.serve(env=ENV)
    target.port = server.port
    visitors = [Client(target, agent="Mozilla/5.0 (crash visitor %d)" % i) for i in range(n_visitors)]
    for v in visitors:
        v.session()
    accounts = []
    for name in names:
        c = Client(target, agent="author " + name)
        c.session()
        case.assertEqual(c.login(name, PASSWORD).status, 200)
        accounts.append(c)

    ledger = Ledger()
    stop = threading.Event()
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 10**6))
    print("crash test seed %d" % seed, file=sys.stderr)
    rng = random.Random(seed)
    threads = [threading.Thread(target=load, args=(w, visitors, accounts, articles, ledger, stop,
                                                   random.Random(rng.random())))
               for w in range(workers)]
    for t in threads:
        t.start()
    kills = 0
    deadline = time.monotonic() + seconds
    while kills < kills_at_least or time.monotonic() < deadline:
        time.sleep(rng.uniform(0.3, 1.5))
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        kills += 1
        server = case.serve(env=ENV)
        target.port = server.port
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    server.proc.send_signal(signal.SIGKILL)  # the last one too: nothing flushed on the way out
    server.proc.wait()
    print("crash test: %d kills, %d likes and %d comments acknowledged, %d requests cut off" %
          (kills, len(ledger.likes), len(ledger.comments), ledger.errors), file=sys.stderr)

    db = sqlite3.connect(case.db_path)
    try:
        case.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
        stored = {row[0] for row in db.execute("SELECT id FROM comments")}
        case.assertEqual(ledger.comments - stored, set(), "acknowledged comments lost")
        for a in articles:
            views, likes, comments = db.execute(
                "SELECT views, likes, comments FROM articles WHERE id = ?", (a["id"],)).fetchone()
            like_rows = db.execute("SELECT count(*) FROM likes WHERE article_id = ?",
                                   (a["id"],)).fetchone()[0]
            published = db.execute("SELECT count(*) FROM comments WHERE article_id = ? AND "
                                   "status = 'published'", (a["id"],)).fetchone()[0]
            case.assertEqual(likes, like_rows)
            case.assertEqual(comments, published)
            case.assertLessEqual(views, 7 + ledger.views_sent.get(a["id"], 0))
            acknowledged = sum(1 for _, article in ledger.likes if article == a["id"])
            case.assertGreaterEqual(like_rows, acknowledged)
    finally:
        db.close()
    # Every acknowledged like is still its visitor's: liking again changes nothing.
    server = case.serve(env=ENV)
    target.port = server.port
    for i, article in sorted(ledger.likes):
        reply = visitors[i].like(article)
        case.assertEqual(reply.status, 200)
        case.assertFalse(reply.json()["changed"], "like of visitor %d on %d lost" % (i, article))
    case.assertGreaterEqual(kills, kills_at_least)
    case.assertGreater(len(ledger.likes), 0)
    case.assertGreater(len(ledger.comments), 0)
    return ledger


if __name__ == "__main__":
    import unittest

    from warta_harness import WartaTestCase

    class Soak(WartaTestCase):
        def test_soak(self):
            run(self, float(os.environ.get("SOAK_SECONDS", "600")))

    unittest.main(argv=[sys.argv[0], "-v"])
