// What an editor sends for an article: the Admin API's fields (CONTRACT §6) as values, every
// one optional, so one input serves create (absent: the default) and update (absent:
// unchanged). The API and the /admin forms parse JSON or form fields into this; the
// newsroom validates it (newsroom/article_checks.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace warta::newsroom {

struct ArticleInput {
  std::optional<std::string> title;
  std::optional<std::string> dek;
  std::optional<std::string> lang;
  std::optional<std::string> source;  // the outlet named as attribution
  std::optional<std::string> url;     // the original article
  std::optional<std::string> body_markdown;
  std::optional<std::string> body_html;
  std::optional<std::string> author;   // bylines: display names, comma-separated; "" for none
  std::optional<std::string> section;  // a slug; unknown ones are created; "" for none
  std::optional<std::vector<std::string>> tags;
  std::optional<std::int64_t> lead_image;  // a media id; 0 for none
  std::optional<std::string> status;       // "draft", "scheduled", "published", ...
  std::optional<std::int64_t> publish_at;  // unix seconds (the API reads RFC 3339)
  std::optional<std::int64_t> published_at;
  std::optional<std::int64_t> unpublish_at;  // 0: never
  std::optional<bool> featured;
  std::optional<std::int64_t> version;    // the revision the editor started from (update)
  std::optional<std::string> correction;  // a public note (plain text) on a published article
};

// One bad field and why: what the admin shows next to the field. `key` is the message
// catalog key ("article_error_title"); code is InvalidArgument or TooLarge.
struct FieldProblem {
  std::string field;
  std::string reason;
  ErrorCode code = ErrorCode::kInvalidArgument;

  std::string key() const { return "article_error_" + field; }
  // "article: 'title' is longer than 300 characters", with key() as the user key.
  Error ToError() const;
};

}  // namespace warta::newsroom
