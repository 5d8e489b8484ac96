#include "model/article_json.h"

#include <gtest/gtest.h>

#include <string>

#include "core/limits.h"

namespace warta::model {
namespace {

constexpr const char* kGood = R"({
  "title": "  Gempa   kuat guncang\n Jepang  ",
  "source": " MAINICHI ",
  "url": "https://mainichi.jp/english/articles/20241101/p2a/00m/0na/001000c",
  "published": "2024-11-01T12:00:00+09:00",
  "lang": "EN",
  "body_text": "First paragraph.\n\nSecond <b>paragraph</b> & more.",
  "tags": ["Japan", " earthquake ", "Japan"],
  "views": 27, "likes": 3, "shares": 0,
  "unknown_member": {"ignored": true}
})";

std::string MessageOf(std::string_view json) {
  auto result = ParseArticleJson(json);
  EXPECT_FALSE(result.ok()) << json;
  return result.ok() ? std::string() : result.error().message;
}

TEST(ParseArticleJsonTest, GoodInputIsNormalized) {
  auto result = ParseArticleJson(kGood);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const NewArticle& a = *result;
  EXPECT_EQ(a.title, "Gempa kuat guncang Jepang");
  EXPECT_EQ(a.source, "MAINICHI");
  EXPECT_EQ(a.url, "https://mainichi.jp/english/articles/20241101/p2a/00m/0na/001000c");
  EXPECT_EQ(a.published_at, 1730430000);  // 2024-11-01T03:00:00Z
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.body_html,
            "<p>First paragraph.</p>\n<p>Second &lt;b&gt;paragraph&lt;/b&gt; &amp; more.</p>");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Japan", "earthquake"}));
  EXPECT_EQ(a.initial, (Counters{27, 3, 0, 0}));
  EXPECT_TRUE(a.slug.empty());
}

TEST(ParseArticleJsonTest, MinimalInputHasDefaults) {
  auto result = ParseArticleJson(R"({"title": "T", "body_html": "<p>x</p>"})");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->published_at, 0);  // the caller fills "now"
  EXPECT_EQ(result->body_html, "<p>x</p>");
  EXPECT_TRUE(result->url.empty());
  EXPECT_TRUE(result->tags.empty());
  EXPECT_EQ(result->initial, Counters{});
}

TEST(ParseArticleJsonTest, NullMeansAbsent) {
  auto result = ParseArticleJson(
      R"({"title": "T", "body_text": "x", "url": null, "published": null, "tags": null,
          "views": null, "body_html": null})");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->body_html, "<p>x</p>");
}

TEST(ParseArticleJsonTest, MalformedJson) {
  EXPECT_NE(MessageOf(R"({"title": "T",)").find("article: invalid JSON"), std::string::npos);
  EXPECT_NE(MessageOf("").find("invalid JSON"), std::string::npos);
  EXPECT_EQ(MessageOf(R"(["title"])"), "article: the JSON must be an object");
}

TEST(ParseArticleJsonTest, MissingOrEmptyTitle) {
  EXPECT_EQ(MessageOf(R"({"body_text": "x"})"), "article: 'title' is required");
  EXPECT_EQ(MessageOf(R"({"title": " \n ", "body_text": "x"})"),
            "article: 'title' is required and must not be empty");
}

TEST(ParseArticleJsonTest, MissingOrDoubleBody) {
  EXPECT_EQ(MessageOf(R"({"title": "T"})"), "article: 'body_text' or 'body_html' is required");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "a", "body_html": "b"})"),
            "article: give either 'body_text' or 'body_html', not both");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "\n\n  \n"})"),
            "article: 'body_text' must not be empty");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_html": "   "})"),
            "article: 'body_html' must not be empty");
}

TEST(ParseArticleJsonTest, WrongTypesNameTheField) {
  EXPECT_EQ(MessageOf(R"({"title": 5, "body_text": "x"})"), "article: 'title' must be a string");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": ["x"]})"),
            "article: 'body_text' must be a string");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "tags": "a,b"})"),
            "article: 'tags' must be an array of strings");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "tags": ["a", 2]})"),
            "article: 'tags[1]' must be a string");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "views": "27"})"),
            "article: 'views' must be a non-negative whole number");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "likes": 1.5})"),
            "article: 'likes' must be a non-negative whole number");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "shares": true})"),
            "article: 'shares' must be a non-negative whole number");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "published": 1730430000})"),
            "article: 'published' must be a string");
}

TEST(ParseArticleJsonTest, BadUrl) {
  for (const char* url : {"ftp://example.com/x", "javascript:alert(1)", "example.com",
                          "https:///path", "https://exa mple.com/"}) {
    std::string json = std::string(R"({"title": "T", "body_text": "x", "url": ")") + url + "\"}";
    EXPECT_NE(MessageOf(json).find("article: 'url'"), std::string::npos) << url;
  }
  auto ok = ParseArticleJson(R"({"title": "T", "body_text": "x", "url": "HTTP://Example.com"})");
  EXPECT_TRUE(ok.ok());
}

TEST(ParseArticleJsonTest, BadDate) {
  for (const char* date :
       {"2024-11-01", "2024-11-01T12:00:00", "2024-13-01T12:00:00Z", "2023-02-29T00:00:00Z",
        "2024-11-01T24:00:00Z", "2024-11-01T12:00:00+0900", "Fri, 01 Nov 2024 12:00:00 GMT",
        "2024-11-01T12:00:00.Z", "2024-11-01T12:00:00Zjunk"}) {
    std::string json =
        std::string(R"({"title": "T", "body_text": "x", "published": ")") + date + "\"}";
    std::string message = MessageOf(json);
    EXPECT_EQ(message.rfind("article: 'published': ", 0), 0u) << date << ": " << message;
  }
}

TEST(ParseArticleJsonTest, CountersMustBeInRange) {
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "views": -1})"),
            "article: 'views' must not be negative");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "likes": 1000000000001})"),
            "article: 'likes' is larger than 1000000000000");
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": "x", "shares": 18446744073709551615})"),
            "article: 'shares' is larger than 1000000000000");
  auto max = ParseArticleJson(R"({"title": "T", "body_text": "x", "views": 1000000000000})");
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(max->initial.views, limits::kMaxInitialCounter);
}

std::string WithField(const std::string& name, const std::string& value) {
  return R"({"title": "T", "body_html": "x", ")" + name + R"(": ")" + value + "\"}";
}

TEST(ParseArticleJsonTest, SizeLimitsNameTheField) {
  auto title =
      ParseArticleJson(R"({"body_text": "x", "title": ")" + std::string(1001, 'a') + "\"}");
  ASSERT_FALSE(title.ok());
  EXPECT_EQ(title.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(title.error().message, "article: 'title' is longer than 1000 bytes");
  EXPECT_TRUE(
      ParseArticleJson(R"({"body_text": "x", "title": ")" + std::string(1000, 'a') + "\"}").ok());
  EXPECT_EQ(MessageOf(WithField("source", std::string(201, 's'))),
            "article: 'source' is longer than 200 bytes");
  EXPECT_EQ(MessageOf(WithField("url", "https://e.com/" + std::string(2048, 'u'))),
            "article: 'url' is longer than 2048 bytes");
  EXPECT_EQ(
      MessageOf(R"({"title": "T", "body_html": ")" + std::string(2 * 1024 * 1024 + 1, 'b') + "\"}"),
      "article: 'body_html' is longer than 2097152 bytes");
  // Escaping can push converted text over the limit even when the text itself fits.
  EXPECT_EQ(MessageOf(R"({"title": "T", "body_text": ")" +
                      std::string(limits::kMaxBodyBytes / 2, '<') + "\"}"),
            "article: 'body_text' is longer than 2097152 bytes once converted to HTML");
  EXPECT_EQ(
      MessageOf(R"({"title": "T", "body_text": "x", "tags": [")" + std::string(101, 't') + "\"]}"),
      "article: 'tags[0]' is longer than 100 bytes");
  std::string many = R"({"title": "T", "body_text": "x", "tags": [)";
  for (int i = 0; i < 51; ++i) many += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  EXPECT_EQ(MessageOf(many + "]}"), "article: 'tags' has more than 50 entries");
  auto whole = ParseArticleJson(std::string(limits::kMaxArticleJsonBytes + 1, ' '));
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().code, ErrorCode::kTooLarge);
}

TEST(ParseArticleJsonTest, InvalidUtf8IsRefused) {
  std::string json = "{\"title\": \"caf\xC3\", \"body_text\": \"x\"}";
  EXPECT_EQ(MessageOf(json), "article: the JSON is not valid UTF-8 (at byte 14)");
  // Escaped lone surrogates would decode to invalid UTF-8; the JSON parser refuses them.
  EXPECT_NE(MessageOf(R"({"title": "\ud800", "body_text": "x"})").find("invalid JSON"),
            std::string::npos);
  EXPECT_EQ(MessageOf(R"({"title": "a\u0000b", "body_text": "x"})"),
            "article: 'title' contains a NUL character");
}

TEST(ParseArticleJsonTest, DeepNestingDoesNotCrash) {
  std::string deep(200000, '[');
  EXPECT_FALSE(ParseArticleJson(deep).ok());
  std::string nested = R"({"title": "T", "body_text": "x", "extra": )" + std::string(100000, '[') +
                       std::string(100000, ']') + "}";
  EXPECT_TRUE(ParseArticleJson(nested).ok());
}

TEST(ParseArticleJsonTest, BadLang) {
  EXPECT_EQ(MessageOf(WithField("lang", "english language")),
            "article: 'lang' is not a language tag like \"en\", \"id\" or \"pt-BR\"");
  EXPECT_TRUE(ParseArticleJson(WithField("lang", "pt-BR")).ok());
}

TEST(ValidateNewArticleTest, ChecksStructsBuiltInCode) {
  NewArticle a;
  a.title = "T";
  a.body_html = "<p>x</p>";
  EXPECT_TRUE(ValidateNewArticle(a).ok());
  a.initial.likes = -1;
  EXPECT_EQ(ValidateNewArticle(a).error().message, "article: 'likes' must not be negative");
  a.initial.likes = 0;
  a.tags = {""};
  EXPECT_EQ(ValidateNewArticle(a).error().message, "article: 'tags[0]' is empty");
  a.tags = {};
  a.source = "\xFF";
  EXPECT_EQ(ValidateNewArticle(a).error().message,
            "article: 'source' is not valid UTF-8 (at byte 0)");
}

TEST(BodyTextToHtmlTest, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(BodyTextToHtml("One\nstill one\n\n\n Two \r\n\r\nThree\n"),
            "<p>One\nstill one</p>\n<p>Two</p>\n<p>Three</p>");
}

TEST(BodyTextToHtmlTest, WithoutBlankLinesEachLineIsAParagraph) {
  EXPECT_EQ(BodyTextToHtml("\nOne\r\nTwo\rThree\n"), "<p>One</p>\n<p>Two</p>\n<p>Three</p>");
}

TEST(BodyTextToHtmlTest, EscapesMarkup) {
  EXPECT_EQ(BodyTextToHtml("<script>alert(\"x\")</script> & 'y'"),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>");
  EXPECT_EQ(BodyTextToHtml(" \n\t\n"), "");
}

}  // namespace
}  // namespace warta::model
