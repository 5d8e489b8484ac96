// Who may do what to an article, and which status changes exist (CONTRACT §6;
// docs/decisions/0009-newsroom.md, "Life cycle"). Pure functions: the service asks them
// before it writes anything.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/article_status.h"
#include "model/editorial.h"
#include "model/role.h"

namespace warta::newsroom {

// Who acts: an account (the API's token or session) or the system (user_id 0: the CLI, the
// publisher, ingest), which acts as an admin.
struct Principal {
  std::int64_t user_id = 0;
  model::Role role = model::Role::kReader;
  std::string name;
};

Principal System();

// Authors, editors and admins write articles; readers and moderators do not.
bool CanWrite(const Principal& who);
// Editors and admins: every article, publishing, featuring, sections.
bool IsEditor(const Principal& who);
// An author edits only the drafts they created; an editor edits everything.
bool MayEdit(const Principal& who, const model::EditorialArticle& article);

// The life cycle: draft -> scheduled | published; scheduled -> draft | published;
// published -> unpublished; unpublished -> published | draft; held -> draft | published |
// discarded. Staying in a status is always allowed (a save).
bool TransitionAllowed(model::ArticleStatus from, model::ArticleStatus to);

// The audit action of a change to `to`: "article.publish", "article.schedule",
// "article.unpublish", "article.draft", "article.discard".
std::string TransitionAction(model::ArticleStatus to);

}  // namespace warta::newsroom
