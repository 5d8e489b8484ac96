#include "search/highlight.h"

#include <gtest/gtest.h>

namespace warta::search {
namespace {

std::string M(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '[') c = kMatchBegin;
    if (c == ']') c = kMatchEnd;
  }
  return out;
}

TEST(HighlightTest, MarksMatchesAndEscapesTheRest) {
  EXPECT_EQ(MarkedToHtml(M("Josep [Borrell] <b>& \"co\"</b>")),
            "Josep <mark>Borrell</mark> &lt;b&gt;&amp; &quot;co&quot;&lt;/b&gt;");
  EXPECT_EQ(MarkedToText(M("Josep [Borrell]")), "Josep Borrell");
}

TEST(HighlightTest, UnbalancedMarkersStayWellFormed) {
  EXPECT_EQ(MarkedToHtml(M("a [b")), "a <mark>b</mark>");
  EXPECT_EQ(MarkedToHtml(M("a] b [[c]]")), "a b <mark>c</mark>");
  EXPECT_EQ(MarkedToHtml(std::string("x\x01y\x7fz\n", 6)), "xyz\n");
}

TEST(HighlightTest, SplitIntoPartsForTemplates) {
  auto parts = SplitMarked(M("a <[b]> [[c] d]"));
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[0].text, "a <");
  EXPECT_FALSE(parts[0].match);
  EXPECT_EQ(parts[1].text, "b");
  EXPECT_TRUE(parts[1].match);
  EXPECT_EQ(parts[2].text, "> ");
  EXPECT_EQ(parts[3].text, "c");
  EXPECT_TRUE(parts[3].match);
  EXPECT_EQ(parts[4].text, " d");
  EXPECT_FALSE(parts[4].match);
  EXPECT_TRUE(SplitMarked("").empty());
}

}  // namespace
}  // namespace warta::search
