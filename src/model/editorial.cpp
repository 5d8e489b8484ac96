#include "model/editorial.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 2> kFormatTexts = {"markdown", "html"};
constexpr std::array<std::string_view, 6> kKindTexts = {"create",  "save",       "publish",
                                                        "restore", "correction", "wire"};
constexpr std::array<std::string_view, 2> kLinkTexts = {"invite", "reset"};

}  // namespace

std::string_view ToText(BodyFormat format) { return enum_text::ToText(kFormatTexts, format); }

std::optional<BodyFormat> ParseBodyFormat(std::string_view text) {
  return enum_text::Parse<BodyFormat>(kFormatTexts, text);
}

std::string_view ToText(RevisionKind kind) { return enum_text::ToText(kKindTexts, kind); }

std::optional<RevisionKind> ParseRevisionKind(std::string_view text) {
  return enum_text::Parse<RevisionKind>(kKindTexts, text);
}

std::string_view ToText(AccountLinkKind kind) { return enum_text::ToText(kLinkTexts, kind); }

std::optional<AccountLinkKind> ParseAccountLinkKind(std::string_view text) {
  return enum_text::Parse<AccountLinkKind>(kLinkTexts, text);
}

}  // namespace warta::model
