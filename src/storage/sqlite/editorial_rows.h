// Rows the editorial store writes and reads besides the article itself: bylines, sections
// named by slug, revision rows and the small JSON arrays of a revision's snapshot. Internal
// to src/storage/sqlite/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/editorial.h"
#include "storage/editorial_store.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// Keeps junk out of the rows: a title, UTF-8 everywhere, sizes within core/limits.h. The
// newsroom's validation (newsroom/article_checks.h) is stricter and names the field.
Result<void> CheckContent(const model::ArticleContent& content);

// ["a","b"] with JSON string escapes; [{"slug":"s","name":"n"}] for references.
std::string JsonStrings(const std::vector<std::string>& values);
std::string JsonRefs(const std::vector<model::NamedRef>& refs);
// Their inverses, through SQLite's json_each (Corrupt for text that is not such an array).
Result<std::vector<std::string>> ParseJsonStrings(Connection& connection, const std::string& json);
Result<std::vector<model::NamedRef>> ParseJsonRefs(Connection& connection, const std::string& json);

// The id of the section or author with ref.slug, created with ref.name when there is none
// (sections go last in the navigation).
Result<std::int64_t> ResolveSection(Connection& connection, const model::NamedRef& ref,
                                    std::int64_t now);
Result<std::int64_t> ResolveAuthor(Connection& connection, const model::NamedRef& ref,
                                   std::int64_t now);
// Replaces the article's bylines with `author_ids`, in order.
Result<void> ReplaceBylines(Connection& connection, std::int64_t article_id,
                            const std::vector<std::int64_t>& author_ids);
// Replaces the article's tags when they differ from the stored ones (a delete re-indexes
// the article in search once per tag, so an unchanged list is left alone).
Result<void> ReplaceTags(Connection& connection, std::int64_t article_id,
                         const std::vector<std::string>& tags);

// InvalidArgument "storage: no media with id N" (user key kUnknownMediaKey) unless media_id
// is 0 or a stored medium. (articles.lead_media_id has no REFERENCES: see migration 9.)
Result<void> CheckLeadMedia(Connection& connection, std::int64_t media_id);

// Writes one revision row of `article_id`.
Result<void> InsertRevision(Connection& connection, std::int64_t article_id,
                            const NewRevision& revision, std::int64_t section_id);

}  // namespace warta::storage::sqlite
