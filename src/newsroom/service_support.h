// Pieces of the editorial service shared by its files: errors, audit entries and the parts
// of a save that need no store. Internal to src/newsroom/.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "model/editorial.h"
#include "newsroom/article_input.h"
#include "newsroom/rules.h"
#include "storage/editorial_store.h"

namespace warta::newsroom {

// PermissionDenied "newsroom: <why>", key "article_error_forbidden".
Error Forbidden(const std::string& why);
// The field's error (FieldProblem::ToError).
Error Problem(const std::string& field, const std::string& reason);
// A store error as people read it: an unknown lead image becomes the field's error.
Error StoreError(const Error& error);

model::AuditEntry ArticleAudit(const Principal& who, std::int64_t now, const std::string& action,
                               const std::string& summary);

// Whether the input changes the content (and so makes a revision); a correction does.
bool HasContent(const ArticleInput& input);

// Adds the status change the input asks for (a transition, a new publish_at, an
// unpublish_at, a new public date) with its audit entry; nothing when there is none.
void AddStatusChange(storage::ArticleSave& save, const model::EditorialArticle& cur,
                     const ArticleInput& input, model::ArticleStatus target, const Principal& who,
                     std::int64_t now);

// Adds a change of `featured` (pinned now, or unpinned) with its audit entry; nothing when
// it does not change.
void AddFeatured(storage::ArticleSave& save, const model::EditorialArticle& cur,
                 const ArticleInput& input, const Principal& who, std::int64_t now);

}  // namespace warta::newsroom
