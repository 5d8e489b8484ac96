#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "core/html_escape.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "model/article_json.h"
#include "model/field_error.h"

namespace warta::model {
namespace {

constexpr std::size_t kMaxLangBytes = 35;    // longest sensible BCP 47 tag (RFC 5646 §4.4.1)
constexpr std::size_t kMaxSlugBytes = 1000;  // derived from the title, so bounded like it

Error ArticleError(ErrorCode code, std::string_view field, std::string_view what) {
  return FieldError("article", code, field, what);
}

Result<void> CheckText(std::string_view field, const std::string& value, std::size_t max_bytes) {
  WARTA_RETURN_IF_ERROR(CheckFieldLength("article", field, value, max_bytes));
  std::size_t bad = 0;
  if (!utf8::IsValid(value, &bad)) {
    return ArticleError(ErrorCode::kInvalidArgument, field,
                        "is not valid UTF-8 (at byte " + std::to_string(bad) + ")");
  }
  if (value.find('\0') != std::string::npos) {
    return ArticleError(ErrorCode::kInvalidArgument, field, "contains a NUL character");
  }
  return Ok();
}

using ascii::IsAlnum;
using ascii::IsAlpha;
using ascii::IsBlank;

Result<void> CheckUrl(const std::string& url) {
  if (url.empty()) return Ok();
  WARTA_RETURN_IF_ERROR(CheckText("url", url, limits::kMaxUrlBytes));
  std::size_t host_start = 0;
  if (ascii::StartsWithIgnoreCase(url, "http://")) {
    host_start = 7;
  } else if (ascii::StartsWithIgnoreCase(url, "https://")) {
    host_start = 8;
  } else {
    return ArticleError(ErrorCode::kInvalidArgument, "url", "must be an http:// or https:// URL");
  }
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return ArticleError(ErrorCode::kInvalidArgument, "url",
                          "must not contain spaces or control characters");
    }
  }
  std::size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == std::string::npos) host_end = url.size();
  if (host_end == host_start)
    return ArticleError(ErrorCode::kInvalidArgument, "url", "has no host");
  return Ok();
}

Result<void> CheckLang(const std::string& lang) {
  if (lang.empty()) return Ok();
  bool ok = lang.size() <= kMaxLangBytes;
  std::size_t i = 0;
  while (ok && i < lang.size() && IsAlpha(lang[i])) ++i;
  ok = ok && (i == 2 || i == 3);
  while (ok && i < lang.size()) {
    if (lang[i++] != '-') ok = false;
    std::size_t start = i;
    while (ok && i < lang.size() && IsAlnum(lang[i])) ++i;
    ok = ok && i > start && i - start <= 8;
  }
  if (!ok) {
    return ArticleError(ErrorCode::kInvalidArgument, "lang",
                        "is not a language tag like \"en\", \"id\" or \"pt-BR\"");
  }
  return Ok();
}

Result<void> CheckCounter(std::string_view field, std::int64_t value) {
  if (value < 0) return ArticleError(ErrorCode::kInvalidArgument, field, "must not be negative");
  if (value > limits::kMaxInitialCounter) {
    return ArticleError(ErrorCode::kInvalidArgument, field,
                        "is larger than " + std::to_string(limits::kMaxInitialCounter));
  }
  return Ok();
}

Result<void> CheckTags(const std::vector<std::string>& tags) {
  if (tags.size() > limits::kMaxTags) {
    return ArticleError(ErrorCode::kTooLarge, "tags",
                        "has more than " + std::to_string(limits::kMaxTags) + " entries");
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    std::string field = "tags[" + std::to_string(i) + "]";
    WARTA_RETURN_IF_ERROR(CheckText(field, tags[i], limits::kMaxTagBytes));
    if (IsBlank(tags[i])) return ArticleError(ErrorCode::kInvalidArgument, field, "is empty");
  }
  return Ok();
}

}  // namespace

std::string BodyTextToHtml(std::string_view text) {
  // Split into lines (accepting \n, \r\n and \r), remembering whether any line is blank.
  std::vector<std::string_view> lines;
  bool has_blank_line = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      std::string_view line = text.substr(start, i - start);
      std::size_t first = line.find_first_not_of(" \t\f\v");
      line = first == std::string_view::npos
                 ? std::string_view()
                 : line.substr(first, line.find_last_not_of(" \t\f\v") - first + 1);
      lines.push_back(line);
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  // Only a blank line between two text lines counts (not leading or trailing ones).
  bool seen_text = false, blank_after_text = false;
  for (std::string_view line : lines) {
    if (!line.empty() && blank_after_text) has_blank_line = true;
    if (line.empty() && seen_text) blank_after_text = true;
    if (!line.empty()) seen_text = true;
  }
  std::string html;
  std::string paragraph;
  auto flush = [&] {
    if (paragraph.empty()) return;
    if (!html.empty()) html += '\n';
    html += "<p>";
    AppendEscapedHtml(html, paragraph);
    html += "</p>";
    paragraph.clear();
  };
  for (std::string_view line : lines) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += line;
    if (!has_blank_line) flush();
  }
  flush();
  return html;
}

Result<void> ValidateNewArticle(const NewArticle& article) {
  WARTA_RETURN_IF_ERROR(CheckText("title", article.title, limits::kMaxTitleBytes));
  if (IsBlank(article.title)) {
    return ArticleError(ErrorCode::kInvalidArgument, "title", "is required and must not be empty");
  }
  WARTA_RETURN_IF_ERROR(CheckText("source", article.source, limits::kMaxSourceBytes));
  WARTA_RETURN_IF_ERROR(CheckUrl(article.url));
  WARTA_RETURN_IF_ERROR(CheckText("lang", article.lang, kMaxLangBytes));
  WARTA_RETURN_IF_ERROR(CheckLang(article.lang));
  WARTA_RETURN_IF_ERROR(CheckText("body_html", article.body_html, limits::kMaxBodyBytes));
  if (IsBlank(article.body_html)) {
    return ArticleError(ErrorCode::kInvalidArgument, "body_html", "must not be empty");
  }
  WARTA_RETURN_IF_ERROR(CheckTags(article.tags));
  WARTA_RETURN_IF_ERROR(CheckText("slug", article.slug, kMaxSlugBytes));
  WARTA_RETURN_IF_ERROR(CheckCounter("views", article.initial.views));
  WARTA_RETURN_IF_ERROR(CheckCounter("likes", article.initial.likes));
  WARTA_RETURN_IF_ERROR(CheckCounter("comments", article.initial.comments));
  WARTA_RETURN_IF_ERROR(CheckCounter("shares", article.initial.shares));
  return Ok();
}

}  // namespace warta::model
