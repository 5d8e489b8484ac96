#include <gtest/gtest.h>

#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer {
namespace {

TEST(ToPlainTextTest, BlocksBecomeLinesAndParagraphs) {
  EXPECT_EQ(ToPlainText("<h1>Title</h1><p>One  two\n three.</p><p>Four<br>five</p>"),
            "Title\n\nOne two three.\n\nFour\nfive");
  EXPECT_EQ(ToPlainText("<ul><li>a</li><li>b</li></ul>after"), "a\nb\n\nafter");
  EXPECT_EQ(ToPlainText("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>"),
            "1 2\n3");
  EXPECT_EQ(ToPlainText("<div>x</div><div>y</div>"), "x\ny");
  EXPECT_EQ(ToPlainText("line<br><br>para"), "line\n\npara");
}

TEST(ToPlainTextTest, LeavesOutWhatIsNotShown) {
  EXPECT_EQ(ToPlainText("a<script>var x = '<p>';</script><style>p{}</style>b<!-- c -->"), "ab");
  EXPECT_EQ(ToPlainText("<svg><text>vector</text></svg>t<template>x</template>"), "t");
  EXPECT_EQ(ToPlainText("<img alt=picture>  "), "");
}

TEST(ToPlainTextTest, DecodesEntitiesAndKeepsText) {
  EXPECT_EQ(ToPlainText("  Tom &amp; Jerry&nbsp;&lt;3 &#x1F600;  "),
            "Tom & Jerry <3 \xF0\x9F\x98\x80");
  EXPECT_EQ(ToPlainText("<p>東京 <b>大阪</b>\n名古屋</p>"), "東京 大阪 名古屋");
  EXPECT_EQ(ToPlainText("<pre>a  b\nc</pre>d"), "a  b\nc\n\nd");
  EXPECT_EQ(ToPlainText("in<span>line</span> <em>words</em>"), "inline words");
}

TEST(ToPlainTextTest, DeepNestingIsFine) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<span>";
  html += "deep";
  EXPECT_EQ(ToPlainText(html), "deep");
}

}  // namespace
}  // namespace warta::ingest::sanitizer
