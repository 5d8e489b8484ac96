// The newsroom's states and their one text conversion: every value round-trips, other
// text is refused, and the words are the ones migration 9's CHECKs list.
#include "model/editorial.h"

#include <gtest/gtest.h>

#include "model/article_status.h"
#include "model/newsroom.h"

namespace warta::model {
namespace {

template <typename Enum, typename Parse>
void ExpectRoundTrip(int count, Parse parse) {
  for (int i = 0; i < count; ++i) {
    const auto value = static_cast<Enum>(i);
    EXPECT_EQ(parse(ToText(value)), value) << ToText(value);
  }
  EXPECT_EQ(ToText(static_cast<Enum>(count)), "?");
  EXPECT_FALSE(parse("?").has_value());
}

TEST(Editorial, StatesRoundTrip) {
  ExpectRoundTrip<ArticleStatus>(6, ParseArticleStatus);
  ExpectRoundTrip<BodyFormat>(2, ParseBodyFormat);
  ExpectRoundTrip<RevisionKind>(6, ParseRevisionKind);
  ExpectRoundTrip<AccountLinkKind>(2, ParseAccountLinkKind);
  EXPECT_EQ(ToText(ArticleStatus::kUnpublished), "unpublished");
  EXPECT_FALSE(ParseArticleStatus("Published").has_value());
  EXPECT_FALSE(ParseArticleStatus(" draft").has_value());
}

TEST(Editorial, OnlyPublishedIsPublic) {
  for (int i = 0; i < 6; ++i) {
    const auto status = static_cast<ArticleStatus>(i);
    EXPECT_EQ(IsPublic(status), status == ArticleStatus::kPublished) << ToText(status);
  }
}

TEST(Editorial, TheRevisionBodyIsTheFormatsText) {
  ArticleContent content;
  content.body_markdown = "*md*";
  content.body_html = "<p><em>md</em></p>";
  EXPECT_EQ(content.body(), "*md*");
  content.body_format = BodyFormat::kHtml;
  EXPECT_EQ(content.body(), "<p><em>md</em></p>");
}

}  // namespace
}  // namespace warta::model
