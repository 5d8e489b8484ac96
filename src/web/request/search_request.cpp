#include "web/request/search_request.h"

#include <spdlog/spdlog.h>

#include <string_view>

#include "core/limits.h"
#include "core/rfc3339.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

constexpr int kMaxApiLimit = 100;

// `message` for API clients; `user_key` names the localized text for the HTML page.
Error Invalid(std::string message, std::string user_key) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message), std::move(user_key));
}

// A whole number in [1, max] or nullopt.
std::optional<int> ParseBounded(std::string_view text, int max) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > max) return std::nullopt;
  return value;
}

bool IsLangTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 16) return false;
  for (char c : tag) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

// A YYYY-MM-DD day: its first second, or with end_of_day its last.
Result<std::int64_t> ParseDay(std::string_view name, std::string_view text, bool end_of_day) {
  auto parsed = text.size() == 10 ? ParseRfc3339(std::string(text) + "T00:00:00Z")
                                  : Result<std::int64_t>(Invalid("", ""));
  if (!parsed.ok()) {
    return Invalid(std::string(name) + " must be a date written YYYY-MM-DD", "search_error_date");
  }
  return *parsed + (end_of_day ? 86'399 : 0);
}

// A text filter: valid UTF-8 of at most max_bytes.
Result<std::string> TextFilter(const http::Request& request, std::string_view name,
                               std::size_t max_bytes) {
  std::string value = request.QueryParam(name);
  if (value.size() > max_bytes || search::RepairUtf8(value) != value) {
    return Invalid(std::string(name) + " must be UTF-8 text of at most " +
                       std::to_string(max_bytes) + " bytes",
                   "search_error_filter");
  }
  return value;
}

Result<void> ParseFilters(const http::Request& request, storage::SearchFilters& filters) {
  auto source = TextFilter(request, "source", limits::kMaxSourceBytes);
  if (!source.ok()) return source.error();
  auto tag = TextFilter(request, "tag", limits::kMaxTagBytes);
  if (!tag.ok()) return tag.error();
  filters.source = std::move(source).value();
  filters.tag = std::move(tag).value();
  filters.lang = request.QueryParam("lang");
  if (!filters.lang.empty() && !IsLangTag(filters.lang)) {
    return Invalid("lang must be a language tag such as id, en or ja", "search_error_filter");
  }
  for (bool end : {false, true}) {
    std::string_view name = end ? "to" : "from";
    std::string text = request.QueryParam(name);
    if (text.empty()) continue;
    auto day = ParseDay(name, text, end);
    if (!day.ok()) return day.error();
    (end ? filters.published_to : filters.published_from) = *day;
  }
  return Ok();
}

// The suggested query text: corrected terms, phrases quoted again. Best effort: a failure
// costs only the suggestion.
std::string Suggestion(Context& context, const std::vector<std::string>& terms) {
  auto suggested = context.store.search().Suggest(terms);
  if (!suggested.ok()) {
    spdlog::warn("web: search suggestion failed: {}", suggested.error().ToString());
    return {};
  }
  std::string text;
  for (const std::string& term : *suggested) {
    if (!text.empty()) text += ' ';
    text += term.find(' ') == std::string::npos ? term : "\"" + term + "\"";
  }
  return text;
}

}  // namespace

Result<SearchParams> ParseSearchParams(const http::Request& request, bool allow_limit) {
  SearchParams params;
  auto query = search::ParseQuery(request.QueryParam("q"));
  if (!query.ok()) return query.error();
  params.query = std::move(query).value();
  std::string limit = allow_limit ? request.QueryParam("limit") : std::string();
  if (!limit.empty()) {
    auto value = ParseBounded(limit, kMaxApiLimit);
    if (!value) return Invalid("limit must be a whole number from 1 to 100", "search_error_page");
    params.page_size = *value;
  }
  std::string page = request.QueryParam("page");
  if (!page.empty()) {
    auto value = ParseBounded(page, kMaxSearchPage);
    if (!value) {
      return Invalid("page must be a whole number from 1 to " + std::to_string(kMaxSearchPage),
                     "search_error_page");
    }
    params.page = *value;
  }
  WARTA_RETURN_IF_ERROR(ParseFilters(request, params.filters));
  return params;
}

Result<SearchOutcome> RunSearch(Context& context, const SearchParams& params) {
  storage::SearchRequest request;
  request.terms = params.query.terms;
  request.filters = params.filters;
  request.limit = params.page_size;
  request.offset = (params.page - 1) * params.page_size;
  SearchOutcome outcome;
  auto results = context.store.search().Search(request);
  if (!results.ok()) return results.error();
  if (results->total == 0 && request.terms.size() > 1) {
    request.match_any = true;
    results = context.store.search().Search(request);
    if (!results.ok()) return results.error();
    outcome.matched_any = true;
  }
  outcome.results = std::move(results).value();
  if (outcome.results.total == 0) outcome.suggestion = Suggestion(context, params.query.terms);
  return outcome;
}

std::string SearchUrl(const SearchParams& params, int page) {
  return SearchUrlWithQuery(params, params.query.text) +
         (page > 1 ? "&page=" + std::to_string(page) : "");
}

std::string SearchUrlWithQuery(const SearchParams& params, std::string_view query) {
  std::string url = "/search?q=" + PercentEncode(query);
  auto add = [&url](std::string_view name, const std::string& value) {
    if (!value.empty()) url += "&" + std::string(name) + "=" + PercentEncode(value);
  };
  add("source", params.filters.source);
  add("tag", params.filters.tag);
  add("lang", params.filters.lang);
  if (params.filters.published_from) {
    add("from", FormatRfc3339Utc(*params.filters.published_from).substr(0, 10));
  }
  if (params.filters.published_to) {
    add("to", FormatRfc3339Utc(*params.filters.published_to).substr(0, 10));
  }
  return url;
}

}  // namespace warta::web
