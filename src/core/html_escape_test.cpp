#include "core/html_escape.h"

#include <gtest/gtest.h>

#include <string>

namespace warta {
namespace {

TEST(EscapeHtmlTest, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x">Tom & 'Jerry'</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
}

TEST(EscapeHtmlTest, LeavesPlainTextAndUtf8Alone) {
  EXPECT_EQ(EscapeHtml("Berita hari ini — 東京"), "Berita hari ini — 東京");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST(EscapeHtmlTest, AlreadyEscapedTextIsEscapedAgain) {
  // Input is text, not HTML: "&amp;" typed by a user must show as "&amp;".
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

TEST(EscapeHtmlTest, AppendKeepsExistingContent) {
  std::string out = "<p>";
  AppendEscapedHtml(out, "1 < 2");
  out += "</p>";
  EXPECT_EQ(out, "<p>1 &lt; 2</p>");
}

TEST(EscapeHtmlTest, CopiesControlsNbspAndBrokenUtf8Unchanged) {
  const std::string odd("a\x01\n\xC2\xA0\xC3\x00\xFF\xEF\xBF\xBE", 11);
  EXPECT_EQ(EscapeHtml(odd), odd);
}

// The sanitizer's text content: quotes stay (its output must be idempotent), U+00A0 shows.
TEST(EscapedTest, TextWithNbsp) {
  const EscapeOptions text{.double_quote = false, .apostrophe = Apostrophe::kKeep, .nbsp = true};
  EXPECT_EQ(Escaped("a<b>&\"q\" 'x'\xC2\xA0y", text), "a&lt;b&gt;&amp;\"q\" 'x'&nbsp;y");
  // A lone C2 or A0 is not a no-break space and is copied, as is every other byte.
  EXPECT_EQ(Escaped("\xC2x\xA0\xC2", text), "\xC2x\xA0\xC2");
  EXPECT_EQ(Escaped("\xC2\xC2\xA0\x01", text), "\xC2&nbsp;\x01");
}

// The sanitizer's double-quoted attribute values.
TEST(EscapedTest, DoubleQuotedAttributeWithNbsp) {
  const EscapeOptions attribute{.apostrophe = Apostrophe::kKeep, .nbsp = true};
  EXPECT_EQ(Escaped("\"x\" <y> & 'z'\xC2\xA0", attribute),
            "&quot;x&quot; &lt;y&gt; &amp; 'z'&nbsp;");
}

// Feed adapters' plain text as HTML.
TEST(EscapedTest, LineBreaks) {
  const EscapeOptions plain{.apostrophe = Apostrophe::kKeep, .line_breaks = true};
  EXPECT_EQ(Escaped("a & b\n\"c\" 'd'\r\n\xC2\xA0", plain),
            "a &amp; b<br>&quot;c&quot; 'd'\r<br>\xC2\xA0");
}

TEST(EscapedTest, XmlNamedApostropheAndForbiddenCharacters) {
  const EscapeOptions xml{.apostrophe = Apostrophe::kNamed, .xml_chars = true};
  EXPECT_EQ(Escaped("<b>&'\"</b>", xml), "&lt;b&gt;&amp;&apos;&quot;&lt;/b&gt;");
  EXPECT_EQ(Escaped(std::string("a\x01\tb\x0B\r\n\x7F\0c", 10), xml), "a\tb\r\nc");
  EXPECT_EQ(Escaped("\xEF\xBF\xBE\xEF\xBF\xBF|\xEF\xBF\xBD", xml), "|\xEF\xBF\xBD");
  EXPECT_EQ(Escaped("日本 ✓ \xF0\x9F\x93\xB0", xml), "日本 ✓ \xF0\x9F\x93\xB0");
}

TEST(EscapedTest, XmlReplacesEachByteOfInvalidUtf8) {
  const EscapeOptions xml{.apostrophe = Apostrophe::kNamed, .xml_chars = true};
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(Escaped("ok\xC3", xml), "ok" + fffd);                          // truncated
  EXPECT_EQ(Escaped("\xC3<", xml), fffd + "&lt;");                         // broken by ASCII
  EXPECT_EQ(Escaped("\xC0\xAF", xml), fffd + fffd);                        // overlong '/'
  EXPECT_EQ(Escaped("\xE0\x80\xAF", xml), fffd + fffd + fffd);             // overlong, 3 bytes
  EXPECT_EQ(Escaped("\xED\xA0\x80", xml), fffd + fffd + fffd);             // surrogate
  EXPECT_EQ(Escaped("\xF4\x90\x80\x80", xml), fffd + fffd + fffd + fffd);  // past U+10FFFF
  EXPECT_EQ(Escaped("\xFF\xFE", xml), fffd + fffd);
}

TEST(EscapedTest, CleaningWithoutEscaping) {
  const EscapeOptions clean{
      .markup = false, .double_quote = false, .apostrophe = Apostrophe::kKeep, .xml_chars = true};
  EXPECT_EQ(Escaped("<a href='x'>&amp;\x01\xC3</a>", clean), "<a href='x'>&amp;\xEF\xBF\xBD</a>");
}

// Issue 16, finding 8: DEL and the C1 controls go too, whatever text they come in.
TEST(EscapedTest, StripControlCharactersDropsC0C1DelAndNoncharactersOnly) {
  EXPECT_EQ(StripControlCharacters("a\x0C\x1B\x7F\xC2\x85\xC2\x9F\xEF\xBF\xBE<b>&\t\r\n"),
            "a<b>&\t\r\n");
  EXPECT_EQ(StripControlCharacters("\xC2\xA0\xC2\xA0 caf\xC3\xA9 \xE6\x97\xA5"),
            "\xC2\xA0\xC2\xA0 caf\xC3\xA9 \xE6\x97\xA5");  // U+00A0 is not a control
  EXPECT_EQ(StripControlCharacters("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // lone surrogate
}

TEST(EscapedTest, AppendKeepsExistingContentInEveryMode) {
  std::string out = "<t>";
  AppendEscaped(out, "\xC3&", EscapeOptions{.xml_chars = true});
  AppendEscaped(out, "\n", EscapeOptions{.line_breaks = true});
  EXPECT_EQ(out, "<t>\xEF\xBF\xBD&amp;<br>");
}

}  // namespace
}  // namespace warta
