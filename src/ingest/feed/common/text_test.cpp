#include "ingest/feed/common/text.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/feed/common/reader.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::feed {
namespace {

TEST(TextTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \n\t b  "), "a b");
  EXPECT_EQ(CollapseWhitespace("\xC2\xA0x\xC2\xA0\xC2\xA0y\xC2\xA0"), "x y");
  EXPECT_EQ(CollapseWhitespace("東京\xE3\x80\x80大阪"), "東京\xE3\x80\x80大阪")
      << "U+3000 is content";
  EXPECT_EQ(CollapseWhitespace(""), "");
}

TEST(TextTest, HtmlToPlainLine) {
  EXPECT_EQ(HtmlToPlainLine("<p>One</p><p>Two &amp; <b>three</b></p>"), "One Two & three");
  EXPECT_EQ(HtmlToPlainLine("no markup"), "no markup");
  EXPECT_EQ(HtmlToPlainLine("a<script>x()</script>b"), "ab");
}

TEST(TextTest, PlainToHtml) {
  EXPECT_EQ(PlainToHtml("Tom & 'Jerry' <\"x\">\nline\r\n\xC2\xA0"),
            "Tom &amp; 'Jerry' &lt;&quot;x&quot;&gt;<br>line\r<br>\xC2\xA0");
  EXPECT_EQ(PlainToHtml(""), "");
}

TEST(TextTest, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<b>bold</b>"));
  EXPECT_TRUE(LooksLikeHtml("Tom &amp; Jerry"));
  EXPECT_TRUE(LooksLikeHtml("caf&eacute;"));
  EXPECT_FALSE(LooksLikeHtml("a < b"));
  EXPECT_FALSE(LooksLikeHtml("Use the <title> element"));  // no end tag, no entity
  EXPECT_FALSE(LooksLikeHtml("<custom>x</custom>"));       // not an HTML element
  EXPECT_FALSE(LooksLikeHtml("AT&T; &bogus;"));
  EXPECT_FALSE(LooksLikeHtml("plain"));
}

TEST(TextTest, SanitizeTrivialAgreesWithTheSanitizer) {
  for (const char* text : {"plain text", "  lead and trail \n", "a > b \"q\" 'x'", "line\nbreak",
                           "tab\there", "東京 ニュース", "", "x"}) {
    auto trivial = SanitizeTrivial(text);
    ASSERT_TRUE(trivial.has_value()) << text;
    EXPECT_EQ(*trivial, sanitizer::Sanitize(text, {})) << text;
  }
  for (const char* html : {"<b>x</b>", "a &amp; b", "cr\r\nlf", "nb\xC2\xA0sp", "\x01"}) {
    EXPECT_FALSE(SanitizeTrivial(html).has_value()) << html;
  }
}

TEST(TextTest, ResolveLink) {
  EXPECT_EQ(ResolveLink(" /a/b?c=1 ", "https://x.example/feed/"), "https://x.example/a/b?c=1");
  EXPECT_EQ(ResolveLink("../c", "https://x.example/a/b/"), "https://x.example/a/c");
  EXPECT_EQ(ResolveLink("javascript:alert(1)", "https://x.example/"), "");
  EXPECT_EQ(ResolveLink("", "https://x.example/"), "");
  EXPECT_EQ(ResolveLink("rel/link", ""), "rel/link");
}

TEST(TextTest, DecodeBase64) {
  std::string out;
  EXPECT_TRUE(DecodeBase64("RmVl\nZCBUaXRsZQ==", &out));
  EXPECT_EQ(out, "Feed Title");
  EXPECT_FALSE(DecodeBase64("not base64!", &out));
}

TEST(TextTest, AuthorName) {
  EXPECT_EQ(AuthorName("jo@example.org (Jo Doe)"), "Jo Doe");
  EXPECT_EQ(AuthorName("Jo Doe (jo@example.org)"), "Jo Doe");
  EXPECT_EQ(AuthorName("Jo Doe <jo@example.org>"), "Jo Doe");
  EXPECT_EQ(AuthorName("jo@example.org"), "jo@example.org");
  EXPECT_EQ(AuthorName("  Kyodo  News "), "Kyodo News");
  EXPECT_EQ(AuthorName("Team (Tokyo)"), "Team (Tokyo)");
}

}  // namespace
}  // namespace warta::ingest::feed
