#include "markdown/markdown.h"

#include <gtest/gtest.h>

namespace warta::markdown {
namespace {

Result<Rendered> Comment(std::string_view source) { return Render(source, Profile::kComment); }

std::string Html(std::string_view source) {
  auto rendered = Comment(source);
  EXPECT_TRUE(rendered.ok()) << rendered.error().message;
  return rendered.ok() ? rendered->html : "";
}

TEST(Markdown, RendersTheSubset) {
  EXPECT_EQ(Html("Halo *dunia* dan **semua**"),
            "<p>Halo <em>dunia</em> dan <strong>semua</strong></p>");
  EXPECT_NE(Html("> kutipan").find("<blockquote>"), std::string::npos);
  EXPECT_NE(Html("- satu\n- dua").find("<li>dua</li>"), std::string::npos);
  EXPECT_NE(Html("`kode`").find("<code>kode</code>"), std::string::npos);
}

TEST(Markdown, RawHtmlNeverSurvives) {
  for (const char* source :
       {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:x\">a</a>", "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>", "<style>body{display:none}</style>",
        "x <b onclick=\"alert(1)\">b</b>"}) {
    std::string html = Html(source);
    // Shown as the text typed (escaped), never as markup.
    EXPECT_NE(html.find("&lt;"), std::string::npos) << source << " -> " << html;
    for (const char* tag : {"<script", "<img", "<svg", "<iframe", "<style", "<b ", "<a "}) {
      EXPECT_EQ(html.find(tag), std::string::npos) << source << " -> " << html;
    }
  }
}

TEST(Markdown, RawHtmlIsShownAsTyped) {
  EXPECT_EQ(Html("pakai <b>tebal</b> saja"), "<p>pakai &lt;b&gt;tebal&lt;/b&gt; saja</p>");
  EXPECT_EQ(Html("<script>alert(1)</script>"),
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>");
}

TEST(Markdown, UnsafeLinkTargetsAreDropped) {
  for (const char* source : {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
                             "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)",
                             "<javascript:alert(1)>", "![i](javascript:alert(1))"}) {
    std::string html = Html(source);
    // The text may stay; no attribute may carry the URL.
    EXPECT_EQ(html.find("=\"javascript:"), std::string::npos) << source << " -> " << html;
    EXPECT_EQ(html.find("=\"data:"), std::string::npos) << source << " -> " << html;
    EXPECT_EQ(html.find("=\"vbscript:"), std::string::npos) << source << " -> " << html;
    EXPECT_EQ(html.find("=\"JaVaScRiPt:"), std::string::npos) << source << " -> " << html;
  }
}

TEST(Markdown, LinksAreMarkedUgcAndReported) {
  auto rendered = Comment("lihat https://example.com/berita ya");
  ASSERT_TRUE(rendered.ok());
  EXPECT_TRUE(rendered->has_link);
  EXPECT_NE(rendered->html.find("href=\"https://example.com/berita\""), std::string::npos);
  EXPECT_NE(rendered->html.find("ugc"), std::string::npos);
  auto plain = Comment("tanpa tautan");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->has_link);
}

TEST(Markdown, ImagesAndHeadingsDoNotBecomeActive) {
  std::string html = Html("# Judul\n\n![foto](https://example.com/a.png)");
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<h1"), std::string::npos);
  EXPECT_NE(html.find("Judul"), std::string::npos);
}

TEST(Markdown, InvalidUtf8IsRefused) {
  auto rendered = Comment("bad \xff\xfe bytes");
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(Comment("\xc0\xaf").ok());      // overlong '/'
  EXPECT_FALSE(Comment("\xed\xa0\x80").ok());  // a surrogate
}

TEST(Markdown, DeepNestingStaysBounded) {
  std::string deep(4000, '>');
  deep += " x";
  auto rendered = Comment(deep);
  // Either rendered (flattened by the sanitizer) or refused as too complex; never a crash.
  if (rendered.ok()) {
    EXPECT_NE(rendered->html.find('x'), std::string::npos);
  }
  std::string brackets(5000, '[');
  EXPECT_TRUE(Comment(brackets).ok());
}

TEST(Markdown, CountsCodePoints) {
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("日本語"), 3u);
  EXPECT_EQ(CodePoints(""), 0u);
}

// Articles: the richer allowlist, and images only from warta's own /media/.
std::string Article(std::string_view source) {
  auto rendered = Render(source, Profile::kArticle);
  EXPECT_TRUE(rendered.ok()) << rendered.error().message;
  return rendered.ok() ? rendered->html : "";
}

TEST(Markdown, ArticlesKeepHeadingsListsQuotesAndLocalImages) {
  std::string html = Article(
      "## Latar\n\n- satu\n- dua\n\n> kutipan\n\n[tautan](https://example.com/a)\n\n"
      "![Gedung](/media/ab/12.webp)");
  EXPECT_NE(html.find("<h2>Latar</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>dua</li>"), std::string::npos);
  EXPECT_NE(html.find("<blockquote>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://example.com/a\""), std::string::npos);
  EXPECT_EQ(html.find("ugc"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"/media/ab/12.webp\" alt=\"Gedung\""), std::string::npos);
}

TEST(Markdown, ArticleImagesFromElsewhereAreLeftOut) {
  for (const char* source :
       {"![x](https://evil.example/a.png)", "![x](//evil.example/a.png)", "![x](/static/site.css)",
        "![x](javascript:alert(1))", "<img src=\"/media/a.png\" onerror=alert(1)>"}) {
    EXPECT_EQ(Article(source).find("<img"), std::string::npos) << source;
  }
}

TEST(Markdown, ArticleRawHtmlIsShownAsTyped) {
  EXPECT_EQ(Article("<script>alert(1)</script>"),
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>");
}

}  // namespace
}  // namespace warta::markdown
