#include "model/source.h"

#include "core/limits.h"
#include "core/utf8.h"
#include "model/field_error.h"

namespace warta::model {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Error SourceError(ErrorCode code, std::string_view field, std::string_view what) {
  return FieldError("source", code, field, what);
}

Result<void> CheckText(std::string_view field, const std::string& value, std::size_t max_bytes) {
  WARTA_RETURN_IF_ERROR(CheckFieldLength("source", field, value, max_bytes));
  if (!utf8::IsValid(value) || value.find('\0') != std::string::npos) {
    return SourceError(ErrorCode::kInvalidArgument, field, "is not valid UTF-8 text");
  }
  return Ok();
}

bool IsHttpUrl(std::string_view url) {
  std::string_view rest;
  if (url.size() > 7 && (url.substr(0, 7) == "http://" || url.substr(0, 7) == "HTTP://")) {
    rest = url.substr(7);
  } else if (url.size() > 8 && (url.substr(0, 8) == "https://" || url.substr(0, 8) == "HTTPS://")) {
    rest = url.substr(8);
  } else {
    return false;
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return !rest.empty() && rest.front() != '/' && rest.front() != '?' && rest.front() != '#';
}

}  // namespace

std::string_view CanonicalPolicyName(CanonicalPolicy policy) {
  return policy == CanonicalPolicy::kOriginal ? "original" : "self";
}

std::optional<CanonicalPolicy> ParseCanonicalPolicy(std::string_view name) {
  if (name == "self") return CanonicalPolicy::kSelf;
  if (name == "original") return CanonicalPolicy::kOriginal;
  return std::nullopt;
}

NewSource Source::Settings() const {
  NewSource n;
  n.url = url;
  n.name = name;
  n.site_url = site_url;
  n.lang = lang;
  n.time_zone = time_zone;
  n.category = category;
  n.refresh_minutes = refresh_minutes;
  n.full_text = full_text;
  n.enabled = enabled;
  n.canonical = canonical;
  n.review = review;
  return n;
}

std::string Source::DisplayName() const {
  if (!name.empty()) return name;
  std::string_view rest = url;
  const auto scheme = rest.find("://");
  if (scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const auto at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  return std::string(rest.empty() ? std::string_view(url) : rest);
}

std::string PrimaryLanguage(std::string_view tag) {
  std::size_t n = 0;
  while (n < tag.size() && IsAlpha(tag[n])) ++n;
  if ((n != 2 && n != 3) || (n < tag.size() && tag[n] != '-' && tag[n] != '_')) return "";
  std::string out(tag.substr(0, n));
  for (char& c : out) c = static_cast<char>(c | 0x20);
  return out;
}

Result<void> ValidateNewSource(const NewSource& source) {
  WARTA_RETURN_IF_ERROR(CheckText("url", source.url, limits::kMaxUrlBytes));
  if (!IsHttpUrl(source.url)) {
    return SourceError(ErrorCode::kInvalidArgument, "url",
                       "must be an absolute http:// or https:// URL without spaces");
  }
  WARTA_RETURN_IF_ERROR(CheckText("name", source.name, limits::kMaxSourceBytes));
  WARTA_RETURN_IF_ERROR(CheckText("site_url", source.site_url, limits::kMaxUrlBytes));
  WARTA_RETURN_IF_ERROR(CheckText("lang", source.lang, 35));
  if (!source.lang.empty() && PrimaryLanguage(source.lang).empty()) {
    return SourceError(ErrorCode::kInvalidArgument, "lang",
                       "is not a language tag like \"en\", \"id\" or \"ja\"");
  }
  WARTA_RETURN_IF_ERROR(CheckText("time_zone", source.time_zone, 100));
  for (char c : source.time_zone) {
    if (static_cast<unsigned char>(c) <= 0x20) {
      return SourceError(ErrorCode::kInvalidArgument, "time_zone",
                         "is not a time zone name like \"Asia/Tokyo\"");
    }
  }
  WARTA_RETURN_IF_ERROR(CheckText("category", source.category, kMaxCategoryBytes));
  if (source.refresh_minutes < 0 || source.refresh_minutes > kMaxRefreshMinutes) {
    return SourceError(ErrorCode::kInvalidArgument, "refresh_minutes",
                       "must be between 0 and " + std::to_string(kMaxRefreshMinutes));
  }
  return Ok();
}

}  // namespace warta::model
