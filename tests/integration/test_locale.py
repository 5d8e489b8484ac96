"""Localization end to end (docs/configuration.md#languages): the real binary serves pages in id
(default), en or ja, chosen by ?lang=, the switcher's cookie, or Accept-Language; hreflang
links; per-site month names and date pattern; relative times, numbers and plurals per locale."""

import os
import re
import time
import unittest
from datetime import datetime, timedelta, timezone

from warta_harness import WartaTestCase, parse_page, read_seed

SEED_TIME = "2024-11-01T12:00:00+09:00"
MONTHS_NOPEMBER = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                   "September", "Oktober", "Nopember", "Desember"]


def lang_of(body):
    return parse_page(body).html_lang


class LocaleTestCase(WartaTestCase):
    def add_sample(self, **extra):
        article = {"title": "Harbour line reopens", "source": "KYODO", "lang": "en",
                   "published": SEED_TIME, "body_text": "First paragraph.\n\nSecond one.",
                   "views": 1234, "likes": 1}
        article.update(extra)
        return self.add_article(article)

    def page(self, server, path, **headers):
        status, response_headers, body = server.get(path, headers)
        self.assertEqual(status, 200, body[:300])
        return response_headers, body.decode("utf-8"), parse_page(body)


class AcceptLanguageTest(LocaleTestCase):
    def test_article_and_home_follow_accept_language(self):
        added = self.add_sample()
        server = self.serve()
        expected = {
            "en": ("en", "November 1, 2024", "Comments", "1,234", "1 like", "Latest news"),
            "en-US,en;q=0.9": ("en", "November 1, 2024", "Comments", "1,234", "1 like",
                               "Latest news"),
            "ja": ("ja", "2024年11月1日", "コメント", "1,234", "いいね1件", "最新ニュース"),
            "ja-JP,ja;q=0.9,en;q=0.8": ("ja", "2024年11月1日", "コメント", "1,234", "いいね1件",
                                        "最新ニュース"),
            "id": ("id", "1 November 2024", "Komentar", "1.234", "1 suka", "Berita terbaru"),
        }
        for accept, (lang, date, heading, views, likes, home_title) in expected.items():
            headers, html, page = self.page(server, added["path"], **{"Accept-Language": accept})
            self.assertEqual(page.html_lang, lang, accept)
            self.assertEqual(headers["content-language"], lang, accept)
            self.assertIn("Accept-Language", headers.get("vary", ""), accept)
            self.assertIn(date, page.texts["published"], accept)
            self.assertIn(heading, page.texts["comments"], accept)
            self.assertIn(views, page.texts["views"], accept)
            self.assertIn(likes, page.texts["likes"], accept)
            # The article itself stays in its own language, marked as such.
            self.assertRegex(html, r'<h1 id="headline" lang="en">')

            headers, html, page = self.page(server, "/", **{"Accept-Language": accept})
            self.assertEqual(page.html_lang, lang, accept)
            # The front page's heading is for screen readers (class "vh"): the lead story leads.
            self.assertRegex(html, r'<h1 class="[^"]*">%s</h1>' % re.escape(home_title))
            self.assertIn(views, html, accept)
            self.assertIn(date, html, accept)

    def test_unknown_and_malformed_headers_give_the_default(self):
        added = self.add_sample()
        server = self.serve()
        for accept in ["xx", "fr-CA, de;q=0.5", "en;q=abc", ";;;,,,", "*", "en;q=0",
                       "\u00e9".encode("utf-8").decode("latin-1"), "ja;q=2",
                       "en-" + "x" * 40, "fr, " * 2000]:
            status, headers, body = self.serve_get(server, added["path"], accept)
            self.assertEqual(status, 200, accept[:40])
            self.assertEqual(lang_of(body), "id", accept[:40])
            status, headers, body = self.serve_get(server, "/", accept)
            self.assertEqual(status, 200, accept[:40])
            self.assertEqual(lang_of(body), "id", accept[:40])

    def serve_get(self, server, path, accept):
        return server.get(path, {"Accept-Language": accept})

    def test_error_pages_are_localized_too(self):
        server = self.serve()
        status, headers, body = server.get("/no-such-page", {"Accept-Language": "en"})
        self.assertEqual(status, 404)
        self.assertEqual(lang_of(body), "en")
        self.assertIn("Page not found", body.decode())


    def test_every_reader_page_follows_the_locale(self):
        recent = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat()
        added = self.add_sample(tags=["Tokyo"], published=recent)  # popular lists: last 7 days
        server = self.serve()
        popular = {"en": "Most popular", "ja": "人気記事", "id": "Terpopuler"}
        tag_heading = {"en": "Tokyo", "ja": "Tokyo", "id": "Tokyo"}
        for accept, heading in popular.items():
            for path in [added["path"], "/", "/tag/tokyo"]:
                headers, html, page = self.page(server, path, **{"Accept-Language": accept})
                self.assertEqual(page.html_lang, accept, path)
                self.assertEqual(headers["content-language"], accept, path)
                # The popular list is rendered for each offered locale, not only the default.
                self.assertIn('<h2 class="popular-heading">%s</h2>' % heading, html, path)
                for other in set(popular.values()) - {heading}:
                    self.assertNotIn(other, html, path)
            self.assertIn(tag_heading[accept], html)
            for path in ["/tag", "/search?q=harbour", added["path"] + "/komentar"]:
                headers, html, page = self.page(server, path, **{"Accept-Language": accept})
                self.assertEqual(page.html_lang, accept, path)
                self.assertEqual(headers["content-language"], accept, path)

    def test_search_lang_filters_articles_and_leaves_the_page_language(self):
        self.add_sample()
        server = self.serve()
        _, html, page = self.page(server, "/search?q=harbour&lang=ja", **{"Accept-Language": "en"})
        self.assertEqual(page.html_lang, "en")  # the browser's language, not the filter's
        self.assertNotIn("Harbour line reopens", html)  # the article is in English
        self.assertNotIn('hreflang="ja"', html.split("</head>")[0])  # no alternates that filter
        _, html, page = self.page(server, "/search?q=harbour&lang=en", **{"Accept-Language": "ja"})
        self.assertEqual(page.html_lang, "ja")
        self.assertIn("Harbour line reopens", html)
        # The switcher brings the reader back to the same search.
        self.assertIn('href="/lang?set=en&amp;next=%2Fsearch%3Fq%3Dharbour%26lang%3Den"', html)


class ExplicitChoiceTest(LocaleTestCase):
    def test_cookie_beats_accept_language_and_lang_param_beats_cookie(self):
        added = self.add_sample()
        server = self.serve()
        _, _, page = self.page(server, added["path"], **{"Accept-Language": "en",
                                                          "Cookie": "warta_lang=ja"})
        self.assertEqual(page.html_lang, "ja")
        _, _, page = self.page(server, added["path"] + "?lang=en",
                               **{"Accept-Language": "id", "Cookie": "warta_lang=ja"})
        self.assertEqual(page.html_lang, "en")
        _, _, page = self.page(server, "/?lang=ja")
        self.assertEqual(page.html_lang, "ja")
        # Values the site does not offer are skipped, never an error.
        _, _, page = self.page(server, added["path"] + "?lang=xx",
                               **{"Accept-Language": "en", "Cookie": "warta_lang=zz"})
        self.assertEqual(page.html_lang, "en")
        _, _, page = self.page(server, added["path"] + "?lang=" + "%FF" * 50)
        self.assertEqual(page.html_lang, "id")

    def test_switcher_sets_the_cookie_and_goes_back_to_a_local_path(self):
        added = self.add_sample()
        server = self.serve()
        status, headers, _ = server.get("/lang?set=en&next=" + added["path"])
        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], added["path"])
        cookie = headers["set-cookie"]
        self.assertTrue(cookie.startswith("warta_lang=en;"), cookie)
        self.assertIn("Max-Age=31536000", cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertIn("Path=/", cookie)
        _, _, page = self.page(server, headers["location"],
                               **{"Cookie": cookie.split(";")[0], "Accept-Language": "ja"})
        self.assertEqual(page.html_lang, "en")

        for next_value, location in [
            ("//evil.example/", "/"), ("https://evil.example/", "/"), ("/%5Cevil.example", "/"),
            ("%2F%2Fevil.example", "/"), ("javascript:alert(1)", "/"), ("", "/"),
            ("/%0d%0aSet-Cookie:x=1", "/"),
            ("/?page=2%26lang%3Did", "/?page=2"), ("/search?q=a&lang=ja", "/search?q=a"),
        ]:
            status, headers, _ = server.get("/lang?set=ja&next=" + next_value)
            self.assertEqual(status, 303, next_value)
            self.assertEqual(headers["location"], location, next_value)

    def test_switcher_refuses_unknown_locales_clearly(self):
        server = self.serve()
        for value in ["xx", "", "en-" + "a" * 100, "%00"]:
            status, headers, body = server.get("/lang?set=" + value + "&next=/")
            self.assertEqual(status, 400, value)
            self.assertNotIn("set-cookie", headers, value)
        status, _, _ = server.get("/lang")
        self.assertEqual(status, 400)

    def test_pages_carry_the_switcher_and_hreflang_links(self):
        added = self.add_sample()
        server = self.serve()
        _, html, _ = self.page(server, added["path"], **{"Accept-Language": "ja"})
        base = "http://127.0.0.1:%d" % server.port + added["path"]
        for code in ("id", "en", "ja"):
            self.assertIn('<link rel="alternate" hreflang="%s" href="%s?lang=%s">'
                          % (code, base, code), html)
        self.assertIn('<link rel="alternate" hreflang="x-default" href="%s">' % base, html)
        switcher = html[html.index('class="lang-switch"'):]
        switcher = switcher[:switcher.index("</nav>")]
        self.assertRegex(switcher, r'lang="id" hreflang="id">Bahasa Indonesia</a>')
        self.assertRegex(switcher, r'lang="en" hreflang="en">English</a>')
        self.assertRegex(switcher, r'lang="ja" hreflang="ja" aria-current="true">日本語</a>')
        self.assertIn('href="/lang?set=en&amp;next=%s"' % added["path"].replace("/", "%2F"),
                      switcher)
        self.assertIn('aria-label="言語"', switcher)

        _, html, _ = self.page(server, "/?page=1&lang=en")
        self.assertIn('hreflang="ja" href="http://127.0.0.1:%d/?lang=ja"' % server.port, html)


class DefaultPageTest(LocaleTestCase):
    def test_default_id_page_is_unchanged(self):
        headline, source, paragraphs = read_seed()
        added = self.add_article({"title": headline, "source": source, "lang": "en",
                                  "published": SEED_TIME, "views": 27,
                                  "body_text": "\n\n".join(paragraphs)})
        server = self.serve()
        for headers in ({}, {"Accept-Language": "id-ID,id;q=0.9"}, {"Accept-Language": "xx"}):
            _, _, page = self.page(server, added["path"], **headers)
            self.assertEqual(page.html_lang, "id")
            self.assertIn("1 November 2024", page.texts["published"])
            self.assertIn("Komentar", page.texts["comments"])
            self.assertIn("Jadilah yang pertama menyukai ini", page.texts["like-button"])

    def test_single_locale_site_has_no_switcher_and_ignores_the_browser(self):
        added = self.add_sample()
        server = self.serve(env={"WARTA_SITE_LOCALES": "id"})
        headers, html, page = self.page(server, added["path"], **{"Accept-Language": "en"})
        self.assertEqual(page.html_lang, "id")
        self.assertNotIn("hreflang", html)
        self.assertNotIn("lang-switch", html)
        self.assertNotIn("Accept-Language", headers.get("vary", ""))
        status, _, _ = server.get("/lang?set=en&next=/")
        self.assertEqual(status, 400)

    def test_site_locale_en_is_offered_first(self):
        added = self.add_sample()
        server = self.serve(env={"WARTA_SITE_LOCALE": "en"})
        self.assertEqual(lang_of(server.get(added["path"])[2]), "en")
        self.assertEqual(lang_of(server.get(added["path"], {"Accept-Language": "*"})[2]), "en")
        self.assertEqual(lang_of(server.get(added["path"], {"Accept-Language": "id"})[2]), "id")


class OverridesTest(LocaleTestCase):
    def test_month_names_and_pattern_from_environment(self):
        added = self.add_sample()
        server = self.serve(env={"WARTA_SITE_MONTH_NAMES": ",".join(MONTHS_NOPEMBER),
                                 "WARTA_SITE_DATE_PATTERN": "MMMM d, y"})
        _, _, page = self.page(server, added["path"])
        self.assertEqual(page.texts["published"], "Nopember 1, 2024")
        # They spell the site's own language; an English reader gets English dates.
        _, _, page = self.page(server, added["path"], **{"Accept-Language": "en"})
        self.assertEqual(page.texts["published"], "November 1, 2024")

    def test_month_names_and_pattern_from_a_config_file(self):
        added = self.add_sample()
        config = os.path.join(self.tmp.name, "warta.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('[site]\ndate_pattern = "MMMM d, y"\nmonth_names = [%s]\n'
                    % ", ".join('"%s"' % m for m in MONTHS_NOPEMBER))
        server = self.serve(extra_args=("--config", config))
        _, html, page = self.page(server, added["path"])
        self.assertEqual(page.texts["published"], "Nopember 1, 2024")
        _, html, _ = self.page(server, "/")
        self.assertIn("Nopember 1, 2024", html)

    def test_bad_overrides_stop_the_server_with_a_clear_error(self):
        from warta_harness import run_warta
        r = run_warta("serve", "--db", self.db, "--listen", "127.0.0.1:0",
                      env={"WARTA_SITE_MONTH_NAMES": "a,b,c"}, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("WARTA_SITE_MONTH_NAMES", r.stderr)
        self.assertIn("expected 12 items, got 3", r.stderr)
        r = run_warta("serve", "--db", self.db, "--listen", "127.0.0.1:0",
                      env={"WARTA_SITE_LOCALES": "id,fr"}, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("unknown locale 'fr'", r.stderr)


class RelativeTimeTest(LocaleTestCase):
    def test_recent_articles_show_how_long_ago_on_the_home_page(self):
        recent = datetime.now(timezone.utc) - timedelta(hours=3, minutes=10)
        self.add_sample(title="Recent", published=recent.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.add_sample(title="Old")
        server = self.serve()
        for accept, text in [("id", "3 jam yang lalu"), ("en", "3 hours ago"),
                             ("ja", "3 時間前")]:
            _, html, _ = self.page(server, "/", **{"Accept-Language": accept})
            self.assertIn(">%s</time>" % text, html, accept)
        _, html, _ = self.page(server, "/")
        self.assertIn(">1 November 2024</time>", html)


if __name__ == "__main__":
    unittest.main()
