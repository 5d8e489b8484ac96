#include "newsroom/rules.h"

#include "auth/roles.h"

namespace warta::newsroom {

using model::ArticleStatus;

Principal System() { return Principal{0, model::Role::kAdmin, ""}; }

bool CanWrite(const Principal& who) { return auth::HasRole(who.role, model::Role::kAuthor); }

bool IsEditor(const Principal& who) { return auth::HasRole(who.role, model::Role::kEditor); }

bool MayEdit(const Principal& who, const model::EditorialArticle& article) {
  if (IsEditor(who)) return true;
  return CanWrite(who) && who.user_id != 0 && article.created_by == who.user_id &&
         article.status == ArticleStatus::kDraft;
}

bool TransitionAllowed(ArticleStatus from, ArticleStatus to) {
  if (from == to) return true;
  switch (from) {
    case ArticleStatus::kDraft:
      return to == ArticleStatus::kScheduled || to == ArticleStatus::kPublished;
    case ArticleStatus::kScheduled:
      return to == ArticleStatus::kDraft || to == ArticleStatus::kPublished;
    case ArticleStatus::kPublished:
      return to == ArticleStatus::kUnpublished;
    case ArticleStatus::kUnpublished:
      return to == ArticleStatus::kPublished || to == ArticleStatus::kDraft;
    case ArticleStatus::kHeld:
      return to == ArticleStatus::kDraft || to == ArticleStatus::kPublished ||
             to == ArticleStatus::kDiscarded;
    case ArticleStatus::kDiscarded:
      return false;
  }
  return false;
}

std::string TransitionAction(ArticleStatus to) {
  switch (to) {
    case ArticleStatus::kPublished:
      return "article.publish";
    case ArticleStatus::kScheduled:
      return "article.schedule";
    case ArticleStatus::kUnpublished:
      return "article.unpublish";
    case ArticleStatus::kDiscarded:
      return "article.discard";
    case ArticleStatus::kDraft:
    case ArticleStatus::kHeld:
      break;
  }
  return "article.draft";
}

}  // namespace warta::newsroom
