#include "model/article_status.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 6> kTexts = {"draft",     "held",        "scheduled",
                                                    "published", "unpublished", "discarded"};

}  // namespace

std::string_view ToText(ArticleStatus status) { return enum_text::ToText(kTexts, status); }

std::optional<ArticleStatus> ParseArticleStatus(std::string_view text) {
  return enum_text::Parse<ArticleStatus>(kTexts, text);
}

}  // namespace warta::model
