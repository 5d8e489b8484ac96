#include "model/article_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "core/ascii.h"
#include "core/limits.h"
#include "core/rfc3339.h"
#include "core/utf8.h"

namespace warta::model {
namespace {

using Json = nlohmann::json;

Error TypeError(std::string_view field, std::string_view expected) {
  std::string message = "article: '";
  message += field;
  message += "' must be ";
  message += expected;
  return Error::InvalidArgument(std::move(message));
}

// Titles are one line: runs of whitespace (including newlines) become one space.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (ascii::IsSpace(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

// Absent and null both mean "not given".
Result<std::optional<std::string>> OptionalString(const Json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return TypeError(field, "a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::int64_t> Counter(const Json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::int64_t{0};
  if (it->is_number_unsigned()) {
    auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(limits::kMaxInitialCounter)) {
      return Error::InvalidArgument(std::string("article: '") + field + "' is larger than " +
                                    std::to_string(limits::kMaxInitialCounter));
    }
    return static_cast<std::int64_t>(value);
  }
  if (it->is_number_integer()) {
    auto value = it->get<std::int64_t>();
    if (value < 0) {
      return Error::InvalidArgument(std::string("article: '") + field + "' must not be negative");
    }
    return value;
  }
  return TypeError(field, "a non-negative whole number");
}

Result<std::vector<std::string>> Tags(const Json& obj) {
  std::vector<std::string> tags;
  auto it = obj.find("tags");
  if (it == obj.end() || it->is_null()) return tags;
  if (!it->is_array()) return TypeError("tags", "an array of strings");
  if (it->size() > limits::kMaxTags) {
    return Error::TooLarge("article: 'tags' has more than " + std::to_string(limits::kMaxTags) +
                           " entries");
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& tag = (*it)[i];
    if (!tag.is_string()) return TypeError("tags[" + std::to_string(i) + "]", "a string");
    std::string trimmed(ascii::Trim(tag.get<std::string>()));
    if (trimmed.empty()) {
      return Error::InvalidArgument("article: 'tags[" + std::to_string(i) + "]' is empty");
    }
    // A repeated tag is harmless; keep the first so the stored set is unique.
    if (std::find(tags.begin(), tags.end(), trimmed) == tags.end()) {
      tags.push_back(std::move(trimmed));
    }
  }
  return tags;
}

Result<std::string> Body(const Json& obj) {
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> text, OptionalString(obj, "body_text"));
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> html, OptionalString(obj, "body_html"));
  if (text.has_value() && html.has_value()) {
    return Error::InvalidArgument("article: give either 'body_text' or 'body_html', not both");
  }
  if (html.has_value()) return std::move(*html);
  if (!text.has_value()) {
    return Error::InvalidArgument("article: 'body_text' or 'body_html' is required");
  }
  const std::string& plain = *text;
  if (plain.size() > limits::kMaxBodyBytes) {
    return Error::TooLarge("article: 'body_text' is longer than " +
                           std::to_string(limits::kMaxBodyBytes) + " bytes");
  }
  if (!utf8::IsValid(plain)) {
    return Error::InvalidArgument("article: 'body_text' is not valid UTF-8");
  }
  std::string converted = BodyTextToHtml(plain);
  if (converted.empty()) {
    return Error::InvalidArgument("article: 'body_text' must not be empty");
  }
  if (converted.size() > limits::kMaxBodyBytes) {
    return Error::TooLarge("article: 'body_text' is longer than " +
                           std::to_string(limits::kMaxBodyBytes) + " bytes once converted to HTML");
  }
  return converted;
}

Result<std::int64_t> Published(const Json& obj) {
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> published, OptionalString(obj, "published"));
  if (!published.has_value()) return std::int64_t{0};
  auto seconds = ParseRfc3339(ascii::Trim(*published));
  if (!seconds.ok()) {
    return Error::InvalidArgument("article: 'published': " + seconds.error().message);
  }
  return *seconds;
}

Result<NewArticle> FromObject(const Json& obj) {
  NewArticle article;
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> title, OptionalString(obj, "title"));
  if (!title.has_value()) return Error::InvalidArgument("article: 'title' is required");
  article.title = CollapseSpaces(*title);
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> source, OptionalString(obj, "source"));
  article.source = ascii::Trim(source.value_or(""));
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> url, OptionalString(obj, "url"));
  article.url = ascii::Trim(url.value_or(""));
  WARTA_ASSIGN_OR_RETURN(std::optional<std::string> lang, OptionalString(obj, "lang"));
  article.lang = ascii::Lower(ascii::Trim(lang.value_or("")));
  WARTA_ASSIGN_OR_RETURN(article.published_at, Published(obj));
  WARTA_ASSIGN_OR_RETURN(article.body_html, Body(obj));
  WARTA_ASSIGN_OR_RETURN(article.tags, Tags(obj));
  for (auto [field, counter] :
       {std::pair{"views", &article.initial.views}, std::pair{"likes", &article.initial.likes},
        std::pair{"shares", &article.initial.shares}}) {
    WARTA_ASSIGN_OR_RETURN(*counter, Counter(obj, field));
  }
  WARTA_RETURN_IF_ERROR(ValidateNewArticle(article));
  return article;
}

}  // namespace

Result<NewArticle> ParseArticleJson(std::string_view json) {
  if (json.size() > limits::kMaxArticleJsonBytes) {
    return Error::TooLarge("article: the JSON is larger than " +
                           std::to_string(limits::kMaxArticleJsonBytes) + " bytes");
  }
  std::size_t bad = 0;
  if (!utf8::IsValid(json, &bad)) {
    return Error::InvalidArgument("article: the JSON is not valid UTF-8 (at byte " +
                                  std::to_string(bad) + ")");
  }
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::exception& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line 1, ...".
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos) what.erase(0, pos + 2);
    return Error::InvalidArgument("article: invalid JSON: " + what);
  }
  if (!doc.is_object()) {
    return Error::InvalidArgument("article: the JSON must be an object");
  }
  try {
    return FromObject(doc);
  } catch (const Json::exception& e) {
    // Not expected (every access checks the type first), but never let one escape.
    return Error::Internal(std::string("article: ") + e.what());
  }
}

}  // namespace warta::model
