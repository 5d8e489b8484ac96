// Keyset pages of newest-first listings (tag, section and author pages): "older" links carry
// the last listed article as ?before=PUBLISHED.ID (storage::ListCursor), so a page deep in a
// large tag costs what its first page costs. ?page=N (the old links, and the page label of a
// cursor page) still works up to kMaxOffsetPage by offset; beyond, only cursors go deeper.
// Internal to web/pages/.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "http/message.h"
#include "model/article.h"
#include "storage/tag_store.h"

namespace warta::web {

// The deepest ?page= served by offset (storage::kMaxListOffset rows at 20 per page).
inline constexpr int kMaxOffsetPage = 500;
// Counts on listing pages stop here: "more than 1,000 articles".
inline constexpr std::int64_t kListCountCap = 1000;

// Where a listing page starts: page is 1.. (a label for cursor pages; the offset otherwise).
struct ListPosition {
  int page = 1;
  std::optional<storage::ListCursor> before;
};

// ?page= and ?before= of a request; InvalidArgument when either is malformed or out of range
// (page 0, above limits::kMaxPageNumber, a cursor that is not two decimal numbers).
Result<ListPosition> ParseListPosition(const http::Request& request);

// `base` with the position's query: "" for page 1, "?page=N" for offset pages,
// "?page=N&before=P.ID" for cursor pages (the same position always gives the same string: a
// cache key).
std::string ListPositionUrl(const std::string& base, const ListPosition& position);

// The position after a page that ended with `last`.
ListPosition NextPosition(const ListPosition& current, const model::ArticleSummary& last);

// The link to the page before `current`: by page number while it is within kMaxOffsetPage,
// else the first page.
std::string PreviousUrl(const std::string& base, const ListPosition& current);

}  // namespace warta::web
