#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalog.h"

namespace warta::i18n {

const std::vector<std::string>& SupportedLocales() {
  static const std::vector<std::string> kLocales = {"id", "en", "ja"};
  return kLocales;
}

std::string NormalizeLocale(std::string_view tag) {
  // Only the primary language subtag matters: we ship one catalog per language. Accepts BCP 47
  // ("en-US") and POSIX ("en_US.UTF-8") spellings.
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  std::string primary;
  for (char c : tag) {
    if (c == ' ' || c == '\t' || c == ';') break;
    if (c == '-' || c == '_' || c == '.' || c == '@') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return {};
    primary += c;
    if (primary.size() > 8) return {};
  }
  if (primary == "in") primary = "id";  // ISO 639 code for Indonesian before 1989, still sent
  for (const auto& supported : SupportedLocales()) {
    if (primary == supported) return primary;
  }
  return {};
}

}  // namespace warta::i18n
