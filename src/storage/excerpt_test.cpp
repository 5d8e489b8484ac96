#include "storage/excerpt.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace warta::storage {
namespace {

TEST(MakeExcerptTest, ShortTextIsKeptWhole) {
  EXPECT_EQ(MakeExcerpt("<p>Hello world.</p>"), "Hello world.");
  EXPECT_EQ(MakeExcerpt(""), "");
}

TEST(MakeExcerptTest, BlockTagsSeparateWordsInlineTagsDoNot) {
  EXPECT_EQ(MakeExcerpt("<p>One</p><p>Two<br>Three</p>"), "One Two Three");
  EXPECT_EQ(MakeExcerpt("<p>un<b>break</b>able <a href=\"x\">link</a></p>"), "unbreakable link");
  EXPECT_EQ(MakeExcerpt("<p>  spaced\n\n   out  </p>"), "spaced out");
}

TEST(MakeExcerptTest, DecodesCommonEntities) {
  EXPECT_EQ(MakeExcerpt("<p>Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39; &#x6771;&#20140;</p>"),
            "Tom & Jerry <3 \"x\" 'y' 東京");
  EXPECT_EQ(MakeExcerpt("a &unknown; b &#0; c"), "a &unknown; b &#0; c");
}

TEST(MakeExcerptTest, SkipsScriptAndStyle) {
  EXPECT_EQ(MakeExcerpt("<style>p{}</style><p>Text</p><SCRIPT>x<y</SCRIPT> end"), "Text end");
}

TEST(MakeExcerptTest, LongTextIsCutAtAWordWithAnEllipsis) {
  std::string html = "<p>";
  for (int i = 0; i < 200; ++i) html += "word" + std::to_string(i) + " ";
  html += "</p>";
  std::string excerpt = MakeExcerpt(html);
  ASSERT_GT(excerpt.size(), 200u);
  EXPECT_LE(excerpt.size(), kExcerptBytes + 3);
  EXPECT_EQ(excerpt.substr(excerpt.size() - 3), "\u2026");
  std::string text = excerpt.substr(0, excerpt.size() - 3);
  EXPECT_NE(text.back(), ' ');
  // Ends with a whole word: the next character in the source was a space.
  EXPECT_NE(html.find(text + " "), std::string::npos) << text;
}

TEST(MakeExcerptTest, TextWithoutSpacesIsCutOnACharacterBoundary) {
  std::string html = "<p>";
  for (int i = 0; i < 200; ++i) html += "東京";  // 3 bytes each, no spaces
  html += "</p>";
  for (std::size_t max : {280u, 281u, 282u, 100u}) {
    std::string excerpt = MakeExcerpt(html, max);
    EXPECT_LE(excerpt.size(), max + 3);
    EXPECT_GE(excerpt.size(), max - 3 + 3);
    EXPECT_TRUE(utf8::IsValid(excerpt)) << max;
  }
}

TEST(MakeExcerptTest, LeavesPictureCaptionsOut) {
  EXPECT_EQ(MakeExcerpt("<figure><img src=\"/media/a.jpg\" alt=\"\"><figcaption>Gunung Fuji "
                        "pagi ini</figcaption></figure><p>Salju pertama turun.</p>"),
            "Salju pertama turun.");
  EXPECT_EQ(MakeExcerpt("<p>Foreign Minister Iwaya and EU's Borrell in Tokyo (Kyodo)</p>"
                        "<p>TOKYO (Kyodo) -- Japan and the EU agreed.</p>"),
            "TOKYO (Kyodo) -- Japan and the EU agreed.");
  // The search index keeps captions: they describe the story too.
  EXPECT_EQ(HtmlToText("<figure><figcaption>Gunung Fuji</figcaption></figure><p>Salju.</p>"),
            "Gunung Fuji Salju.");
}

TEST(MakeExcerptTest, KeepsFirstParagraphsThatAreNotCaptions) {
  // A sentence that happens to end with parentheses, a question, two sentences, a body that
  // is only the short paragraph: all stay.
  for (const char* html : {
           "<p>The talks went well (officials said).</p><p>More.</p>",
           "<p>Who pays for the dam (and when)?</p><p>More.</p>",
           "<p>Rain fell. Trains stopped (JR East)</p><p>More.</p>",
           "<p>Iwaya in Tokyo (Kyodo)</p>",
           "<p>(Kyodo)</p><p>More.</p>",
       }) {
    EXPECT_EQ(MakeExcerpt(html).substr(0, 3), HtmlToText(html).substr(0, 3)) << html;
  }
}

}  // namespace
}  // namespace warta::storage
