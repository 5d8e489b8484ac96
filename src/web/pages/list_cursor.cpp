#include "web/pages/list_cursor.h"

#include <charconv>
#include <string_view>

#include "core/limits.h"

namespace warta::web {
namespace {

std::optional<std::int64_t> ParseInt64(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.size() > 20) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<ListPosition> ParseListPosition(const http::Request& request) {
  ListPosition position;
  const std::string page = request.QueryParam("page");
  if (!page.empty()) {
    auto value = ParseInt64(page);
    if (!value || *value < 1 || *value > limits::kMaxPageNumber) {
      return Error::InvalidArgument("web: page out of range");
    }
    position.page = static_cast<int>(*value);
  }
  const std::string before = request.QueryParam("before");
  if (!before.empty()) {
    const std::size_t dot = before.find('.');
    if (dot == std::string::npos) return Error::InvalidArgument("web: malformed cursor");
    auto published = ParseInt64(std::string_view(before).substr(0, dot));
    auto id = ParseInt64(std::string_view(before).substr(dot + 1));
    if (!published || !id || *id < 1) return Error::InvalidArgument("web: malformed cursor");
    position.before = storage::ListCursor{*published, *id};
    // A cursor page is at least the second.
    if (position.page < 2) position.page = 2;
  }
  return position;
}

std::string ListPositionUrl(const std::string& base, const ListPosition& position) {
  if (!position.before) {
    return position.page <= 1 ? base : base + "?page=" + std::to_string(position.page);
  }
  return base + "?page=" + std::to_string(position.page) +
         "&before=" + std::to_string(position.before->published_at) + "." +
         std::to_string(position.before->id);
}

ListPosition NextPosition(const ListPosition& current, const model::ArticleSummary& last) {
  ListPosition next;
  next.page = current.page < limits::kMaxPageNumber ? current.page + 1 : current.page;
  next.before = storage::ListCursor{last.published_at, last.id};
  return next;
}

std::string PreviousUrl(const std::string& base, const ListPosition& current) {
  if (current.page - 1 > kMaxOffsetPage) return base;
  return ListPositionUrl(base, ListPosition{current.page - 1, std::nullopt});
}

}  // namespace warta::web
