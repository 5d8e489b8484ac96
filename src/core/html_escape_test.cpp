#include "core/html_escape.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace warta
