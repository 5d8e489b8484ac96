#include "view/templates.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "resources/resources.h"

namespace warta::view {
namespace {

const char* const kContractIds[] = {"site-name", "headline", "source",         "published",
                                    "views",     "likes",    "comments-count", "shares",
                                    "body",      "comments", "like-button"};

std::shared_ptr<const Templates> Load() {
  auto templates = Templates::LoadEmbedded();
  EXPECT_TRUE(templates.ok()) << (templates.ok() ? "" : templates.error().message);
  return templates.ok() ? *templates : nullptr;
}

// Every t.* key the templates use, in Indonesian (the test below checks they all exist).
Data Strings() {
  Data t;
  const std::map<std::string, std::string> strings = {{"comments_heading", "Komentar"},
                                                      {"like_button", "Suka"},
                                                      {"unlike_button", "Batal suka"},
                                                      {"comment_form_label", "Tulis komentar"},
                                                      {"comment_submit", "Kirim"},
                                                      {"comments_empty", "Belum ada komentar."},
                                                      {"nav_home", "Beranda"},
                                                      {"skip_to_content", "Langsung ke konten"},
                                                      {"home_empty", "Belum ada berita."},
                                                      {"error_back_home", "Kembali ke beranda"}};
  for (const auto& [key, value] : strings) t.set(key, value);
  return t;
}

Data Common() {
  Data data;
  data.set("lang", "id");
  data.set("site_name", "Media Jepang");
  data.set("page_title", "Japan, EU agree - Media Jepang");
  data.set("meta_description", "Japan and the EU agreed on a partnership.");
  data.set("canonical_url", "https://example.org/artikel/1/japan-eu");
  data.set("css_url", "/static/site.css?v=abc");
  data.set("csrf_token", "tok123");
  data.set("year", "2024");
  data.set("t", Strings());
  return data;
}

Data Counter(const std::string& prefix, const std::string& text, const std::string& label,
             Data data) {
  data.set(prefix + "_text", text);
  data.set(prefix + "_label", label);
  return data;
}

Data Article() {
  Data data = Common();
  data.set("headline", "Japan, EU agree on security, defense partnership with China in mind");
  data.set("article_lang", "en");
  data.set("source", "MAINICHI");
  data.set("source_url", "https://mainichi.jp/english/articles/1");
  data.set("published_iso", "2024-11-01T03:00:00Z");
  data.set("published_text", "1 November 2024");
  data.set("body_html", "<p>TOKYO (Kyodo) -- Japan and the <em>EU</em> agreed.</p><p>Second.</p>");
  Data tags = MakeList();
  Data tag;
  tag.set("name", "Diplomasi");
  tags.push_back(tag);
  data.set("tags", tags);
  data = Counter("views", "27", "27 kali dilihat", data);
  data = Counter("likes", "0", "0 suka", data);
  data = Counter("comments", "1", "1 komentar", data);
  data = Counter("shares", "0", "0 kali dibagikan", data);
  data.set("like_prompt", "Jadilah yang pertama menyukai ini");
  data.set("like_action", "/artikel/1/suka");
  data.set("like_form_action", "like");
  data.set("like_button_text", "Suka");
  data.set("liked", "false");
  Data share_links = MakeList();
  Data link;
  link.set("network", "x");
  link.set("label", "X");
  link.set("url", "/share/1?network=x");
  share_links.push_back(link);
  data.set("share_links", share_links);
  data.set("comment_action", "/artikel/1/komentar");
  Data comments = MakeList();
  Data comment;
  comment.set("id", "7");
  comment.set("author", "budi");
  comment.set("created_iso", "2024-11-01T05:00:00Z");
  comment.set("created_text", "1 November 2024");
  comment.set("comment_html", "<p>Bagus sekali</p>");
  comments.push_back(comment);
  data.set("comments", comments);
  data.set("has_comments", true);
  data.set("comments_open", true);
  data.set("article_id", "1");
  return data;
}

std::string Render(const Templates& templates, const std::string& name, const Data& data) {
  auto html = templates.Render(name, data);
  EXPECT_TRUE(html.ok()) << name << ": " << (html.ok() ? "" : html.error().message);
  return html.ok() ? *html : std::string();
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Whether `needle` occurs in `html`; a failure says which text was missing (or where it was
// found, for EXPECT_FALSE) instead of comparing offsets with npos.
testing::AssertionResult Contains(const std::string& html, const std::string& needle) {
  const auto at = html.find(needle);
  if (at == std::string::npos) return testing::AssertionFailure() << "no \"" << needle << "\"";
  return testing::AssertionSuccess() << "\"" << needle << "\" at offset " << at;
}

std::multiset<std::string> Ids(const std::string& html) {
  std::multiset<std::string> ids;
  static const std::regex kId(R"re(\sid="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), kId), end; it != end; ++it) {
    ids.insert((*it)[1]);
  }
  return ids;
}

// The element that starts at `id="name"` up to its matching close tag `</tag>`, assuming no
// nested element of the same tag (true for our templates).
std::string Element(const std::string& html, const std::string& id, const std::string& tag) {
  const auto start = html.rfind('<', html.find("id=\"" + id + "\""));
  const auto end = html.find("</" + tag + ">", start);
  if (start == std::string::npos || end == std::string::npos) return {};
  return html.substr(start, end - start);
}

TEST(TemplatesTest, EveryTemplateRenders) {
  auto templates = Load();
  for (const auto& resource : resources::All()) {
    const std::string path(resource.path);
    if (path.rfind("templates/", 0) != 0) continue;
    const std::string name = path.substr(10, path.size() - 10 - 9);
    Data data = Article();
    data.set("status", "404");
    data.set("title", "Halaman tidak ditemukan");
    data.set("message", "Tidak ada.");
    const std::string html = Render(*templates, name, data);
    EXPECT_FALSE(html.empty()) << name;
  }
  for (const char* page : {"article", "home", "error", "search"}) {
    const std::string html = Render(*templates, page, Common());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << page << html.substr(0, 80);
    EXPECT_TRUE(Contains(html, "<html lang=\"id\">")) << page;
    EXPECT_TRUE(Contains(html, "<meta name=\"csrf-token\" content=\"tok123\">"));
    EXPECT_TRUE(Contains(html, "href=\"/static/site.css?v=abc\"")) << page;
    EXPECT_TRUE(Contains(html, "</html>")) << page;
    EXPECT_EQ(Count(html, "id=\"site-name\""), 1u) << page;
  }
}

TEST(TemplatesTest, ArticlePageHasEveryContractIdOnce) {
  auto templates = Load();
  for (bool liked : {false, true}) {
    for (bool with_source_url : {true, false}) {
      Data data = Article();
      data.set("liked", liked ? "true" : "false");
      if (!with_source_url) data.set("source_url", "");
      const std::string html = Render(*templates, "article", data);
      const auto ids = Ids(html);
      for (const char* id : kContractIds) {
        EXPECT_EQ(ids.count(id), 1u) << id << " liked=" << liked;
      }
      // Nothing else carries an id but the comments' anchors ("comment-N", the targets of
      // links and redirects), so article bodies (whose ids the sanitizer drops) cannot clash.
      std::set<std::string> allowed(std::begin(kContractIds), std::end(kContractIds));
      allowed.insert("main-content");
      allowed.insert("comment-7");
      for (const auto& id : ids) EXPECT_EQ(allowed.count(id), 1u) << "unexpected id " << id;
    }
  }
}

TEST(TemplatesTest, ArticlePageShowsTheSeedElements) {
  auto templates = Load();
  const std::string html = Render(*templates, "article", Article());
  EXPECT_TRUE(Contains(html, ">Media Jepang</a>"));
  EXPECT_TRUE(Contains(html, "<h1 id=\"headline\" lang=\"en\">Japan, EU agree on security"));
  EXPECT_TRUE(Contains(html, "MAINICHI"));
  EXPECT_TRUE(Contains(html,
                       "<time id=\"published\" datetime=\"2024-11-01T03:00:00Z\">1 November "
                       "2024</time>"));
  const std::string views = Element(html, "views", "li");
  EXPECT_TRUE(Contains(views, "title=\"27 kali dilihat\"")) << views;
  EXPECT_TRUE(Contains(views, ">27<")) << views;
  EXPECT_TRUE(Contains(Element(html, "comments-count", "li"), "1 komentar"));
  EXPECT_TRUE(Contains(Element(html, "shares", "li"), "0 kali dibagikan"));
  EXPECT_TRUE(Contains(Element(html, "likes", "li"), "0 suka"));

  const std::string like = Element(html, "like-button", "div");
  EXPECT_TRUE(Contains(like, "Jadilah yang pertama menyukai ini")) << like;
  EXPECT_TRUE(Contains(like, "<form method=\"post\" action=\"/artikel/1/suka\">"));
  EXPECT_TRUE(Contains(like, "name=\"csrf_token\" value=\"tok123\""));
  EXPECT_TRUE(Contains(like, "<button type=\"submit\""));
  EXPECT_TRUE(Contains(like, ">Suka</button>"));

  const std::string comments = Element(html, "comments", "section");
  EXPECT_TRUE(Contains(comments, "<h2>Komentar</h2>")) << comments;
  EXPECT_TRUE(Contains(comments,
                       "<form class=\"comment-form\" method=\"post\" "
                       "action=\"/artikel/1/komentar\">"));
  EXPECT_TRUE(Contains(comments, "name=\"csrf_token\" value=\"tok123\""));
  EXPECT_TRUE(Contains(comments, "<textarea name=\"body\""));
  EXPECT_TRUE(Contains(comments, "<p>Bagus sekali</p>"));
  EXPECT_FALSE(Contains(comments, "Belum ada komentar."));

  EXPECT_TRUE(
      Contains(Element(html, "body", "div"), "<p>TOKYO (Kyodo) -- Japan and the <em>EU</em>"));
}

TEST(TemplatesTest, LikedVisitorSeesUnlike) {
  auto templates = Load();
  Data data = Article();
  // The like state is per reader: the page fills these three per request (spliced_page.h).
  data.set("like_form_action", "unlike");
  data.set("like_button_text", "Batal suka");
  data.set("liked", "true");
  data.set("like_prompt", "1 orang menyukai ini");
  const std::string like = Element(Render(*templates, "article", data), "like-button", "div");
  EXPECT_TRUE(Contains(like, "name=\"action\" value=\"unlike\""));
  EXPECT_TRUE(Contains(like, "data-liked=\"true\">Batal suka</button>")) << like;
  EXPECT_TRUE(Contains(like, "1 orang menyukai ini"));
}

TEST(TemplatesTest, ShareLinksAreFormsThatCountTheShare) {
  auto templates = Load();
  Data data = Article();
  data.set("share_action", "/api/v1/articles/1/share");
  const std::string html = Render(*templates, "article", data);
  EXPECT_TRUE(Contains(html,
                       "<form method=\"post\" action=\"/api/v1/articles/1/share?network=x\">"
                       "<input type=\"hidden\" name=\"csrf_token\" value=\"tok123\">"))
      << html;
  EXPECT_TRUE(Contains(html, "data-network=\"x\" data-url=\"/share/1?network=x\">X</button>"));
}

TEST(TemplatesTest, EmptyValuesHideTheirSections) {
  auto templates = Load();
  Data data = Article();
  data.set("source_url", "");
  data.set("article_lang", "");
  data.set("comments", MakeList());
  data.set("has_comments", false);
  data.set("tags", MakeList());
  const std::string html = Render(*templates, "article", data);
  EXPECT_FALSE(Contains(html, "href=\"\""));
  EXPECT_FALSE(Contains(html, "lang=\"\""));
  EXPECT_TRUE(Contains(html, "<span id=\"source\" class=\"source\">MAINICHI</span>"));
  EXPECT_TRUE(Contains(html, "Belum ada komentar."));
  EXPECT_TRUE(Contains(html, "<ol class=\"comment-list\"></ol>"));
  EXPECT_TRUE(Contains(html, "<ul class=\"tags\" aria-label=\"\"></ul>"));
}

TEST(TemplatesTest, EscapesEverythingButTheSanitizedHtml) {
  auto templates = Load();
  Data data = Article();
  data.set("headline", "<script>alert(1)</script>");
  data.set("page_title", "<script>alert(2)</script>");
  data.set("source", "\"><img src=x onerror=alert(3)>");
  const std::string html = Render(*templates, "article", data);
  EXPECT_FALSE(Contains(html, "<script>"));
  EXPECT_FALSE(Contains(html, "<img src=x"));
  EXPECT_TRUE(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(Contains(html, "&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"));
}

// Markup in any field except body_html and comment_html comes out escaped.
TEST(TemplatesTest, RawOutputOnlyForBodyAndCommentHtml) {
  auto templates = Load();
  const std::string marker = "<i>x</i>";
  Data data = Article();
  for (const char* key :
       {"lang",        "site_name",     "page_title",    "meta_description", "canonical_url",
        "css_url",     "csrf_token",    "year",          "headline",         "article_lang",
        "source",      "source_url",    "published_iso", "published_text",   "views_text",
        "views_label", "likes_text",    "likes_label",   "comments_text",    "comments_label",
        "shares_text", "shares_label",  "like_prompt",   "like_action",      "comment_action",
        "article_id",  "comment_notice"}) {
    data.set(key, marker);
  }
  for (const char* key : {"like_form_action", "like_button_text", "liked", "share_action"}) {
    data.set(key, marker);
  }
  data.set("body_html", "<b>body</b>");
  const std::string html = Render(*templates, "article", data);
  EXPECT_FALSE(Contains(html, marker));
  EXPECT_TRUE(Contains(html, "&lt;i&gt;x&lt;/i&gt;"));
  EXPECT_EQ(Count(html, "<b>body</b>"), 1u);
  EXPECT_EQ(Count(html, "<p>Bagus sekali</p>"), 1u);

  // Only those keys are ever written raw: sanitized HTML; json_ld, which
  // syndication::ScriptSafeJson makes safe inside <script> (no '<', '>' or '&'); and
  // popular_html: the server's own rendering of templates/popular.mustache (escaped there);
  // account_menu: the same for templates/account_menu.mustache (web/request/account_menu.h).
  for (const auto& resource : resources::All()) {
    const std::string source(resource.data);
    if (std::string(resource.path).rfind("templates/", 0) != 0) continue;
    static const std::regex kRaw(R"(\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+))");
    for (std::sregex_iterator it(source.begin(), source.end(), kRaw), end; it != end; ++it) {
      const std::string key = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
      // The admin's own: word diffs (newsroom/word_diff.h escapes every token), charts
      // (web/admin/svg_chart.cpp escapes every text) and the sanitized preview.
      static const std::set<std::string> kAdminRaw = {
          "title_diff",        "body_diff",       "current_title_diff",
          "current_body_diff", "wire_title_diff", "wire_body_diff",
          "views_svg",         "engagement_svg",  "preview_html"};
      const bool admin = std::string(resource.path).rfind("templates/admin/", 0) == 0;
      EXPECT_TRUE(key == "body_html" || key == "comment_html" || key == "json_ld" ||
                  key == "popular_html" || key == "account_menu" ||
                  (admin && kAdminRaw.count(key) > 0))
          << resource.path << ": " << key;
    }
  }
}

TEST(TemplatesTest, EveryCatalogKeyUsedExistsInTheCatalogs) {
  std::set<std::string> used;
  static const std::regex kKey(R"(\{\{[#^/]?\s*t\.([a-z0-9_]+))");
  for (const auto& resource : resources::All()) {
    if (std::string(resource.path).rfind("templates/", 0) != 0) continue;
    const std::string source(resource.data);
    for (std::sregex_iterator it(source.begin(), source.end(), kKey), end; it != end; ++it) {
      used.insert((*it)[1]);
    }
  }
  EXPECT_GT(used.size(), 20u);
  for (const char* locale : {"locales/id.toml", "locales/en.toml", "locales/ja.toml"}) {
    auto catalog = resources::Find(locale);
    ASSERT_TRUE(catalog.has_value()) << locale;
    const std::string text = "\n" + std::string(*catalog);
    for (const auto& key : used) {
      EXPECT_TRUE(Contains(text, "\n" + key + " = ")) << locale << ": " << key;
    }
  }
}

TEST(TemplatesTest, HomeListsArticlesWithoutContractIds) {
  auto templates = Load();
  Data data = Common();
  data.set("heading", "Berita terbaru");
  Data articles = MakeList();
  for (int i = 1; i <= 3; ++i) {
    Data item;
    item.set("path", "/artikel/" + std::to_string(i) + "/judul");
    item.set("title", "Judul <" + std::to_string(i) + ">");
    item.set("source", "KYODO");
    item.set("published_iso", "2024-11-01T03:00:00Z");
    item.set("published_text", "1 November 2024");
    item.set("excerpt", "Ringkasan.");
    item.set("lang", "en");
    item = Counter("views", "1.234", "1.234 kali dilihat", item);
    item = Counter("likes", "2", "2 suka", item);
    item = Counter("comments", "0", "0 komentar", item);
    item = Counter("shares", "0", "0 kali dibagikan", item);
    articles.push_back(item);
  }
  data.set("articles", articles);
  data.set("has_articles", true);
  data.set("has_next", true);
  data.set("next_url", "/?page=2");
  data.set("page_label", "Halaman 1");
  const std::string html = Render(*templates, "home", data);
  EXPECT_TRUE(Contains(html, "<h1 class=\"page-heading\">Berita terbaru</h1>"));
  EXPECT_EQ(Count(html, "<article class=\"card\">"), 3u);
  EXPECT_TRUE(Contains(html, "href=\"/artikel/2/judul\" lang=\"en\">Judul &lt;2&gt;</a>"));
  EXPECT_EQ(Count(html, "title=\"1.234 kali dilihat\""), 3u);
  EXPECT_TRUE(Contains(html, "<a rel=\"next\" href=\"/?page=2\">"));
  EXPECT_FALSE(Contains(html, "rel=\"prev\""));
  EXPECT_FALSE(Contains(html, "Belum ada berita."));
  const auto ids = Ids(html);
  EXPECT_EQ(ids, (std::multiset<std::string>{"site-name", "main-content"}));

  Data empty = Common();
  empty.set("articles", MakeList());
  EXPECT_TRUE(Contains(Render(*templates, "home", empty), "Belum ada berita."));
}

TEST(TemplatesTest, ErrorPage) {
  auto templates = Load();
  Data data = Common();
  data.set("status", "404");
  data.set("title", "Halaman tidak ditemukan");
  data.set("message", "Halaman yang Anda cari tidak ada.");
  const std::string html = Render(*templates, "error", data);
  EXPECT_TRUE(Contains(html, "<p class=\"status\">404</p>"));
  EXPECT_TRUE(Contains(html, "<h1>Halaman tidak ditemukan</h1>"));
  EXPECT_TRUE(Contains(html, ">Kembali ke beranda</a>"));
}

TEST(TemplatesTest, UnknownTemplateIsNotFound) {
  auto templates = Load();
  auto html = templates->Render("no_such_page", Common());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Contains(html.error().message, "no_such_page"));
}

TEST(TemplatesTest, LoadErrorsNameTheTemplate) {
  auto unclosed = Templates::FromSources({{"good", "hi"}, {"broken", "{{#open}} never closed"}});
  ASSERT_FALSE(unclosed.ok());
  EXPECT_TRUE(Contains(unclosed.error().message, "'broken'")) << unclosed.error().message;

  auto missing = Templates::FromSources({{"page", "a {{> nowhere}} b"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Contains(missing.error().message, "nowhere"));

  auto cycle = Templates::FromSources({{"a", "{{> b}}"}, {"b", "{{> a}}"}});
  ASSERT_FALSE(cycle.ok());
  EXPECT_EQ(cycle.error().code, ErrorCode::kInvalidArgument);
}

TEST(TemplatesTest, PartialsResolveByName) {
  auto templates =
      Templates::FromSources({{"page", "[{{> head}}|{{> head }}]"}, {"head", "<{{x}}>"}});
  ASSERT_TRUE(templates.ok()) << templates.error().message;
  Data data;
  data.set("x", "a&b");
  EXPECT_EQ(Render(**templates, "page", data), "[<a&amp;b>|<a&amp;b>]");
  // A data key named like a partial does not replace it.
  data.set("head", "evil");
  EXPECT_EQ(Render(**templates, "page", data), "[<a&amp;b>|<a&amp;b>]");
}

TEST(TemplatesTest, StandaloneCommentsLeaveNoBlankLine) {
  auto templates = Templates::FromSources({{"p", "{{! c\n more }}\nA\n  {{! d }}\nB {{! e }}C\n"}});
  ASSERT_TRUE(templates.ok()) << templates.error().message;
  EXPECT_EQ(Render(**templates, "p", Data()), "A\nB C\n");
}

TEST(TemplatesTest, RendersFromManyThreads) {
  auto templates = Load();
  const Data data = Article();
  const std::string expected = Render(*templates, "article", data);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto html = templates->Render("article", data);
        if (!html.ok() || *html != expected) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace warta::view
