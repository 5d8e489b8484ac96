#include "newsroom/service_support.h"

#include "core/rfc3339.h"

namespace warta::newsroom {

using model::ArticleStatus;

Error Forbidden(const std::string& why) {
  return Error::PermissionDenied("newsroom: " + why, "article_error_forbidden");
}

Error Problem(const std::string& field, const std::string& reason) {
  return FieldProblem{field, reason}.ToError();
}

Error StoreError(const Error& error) {
  if (error.user_key == storage::kUnknownMediaKey) {
    return Problem("lead_image", "names no stored image");
  }
  return error;
}

model::AuditEntry ArticleAudit(const Principal& who, std::int64_t now, const std::string& action,
                               const std::string& summary) {
  model::AuditEntry entry;
  entry.created_at = now;
  entry.user_id = who.user_id;
  entry.action = action;
  entry.target_type = "article";
  entry.summary = summary.size() > 500 ? summary.substr(0, 500) : summary;
  return entry;
}

bool HasContent(const ArticleInput& in) {
  return in.title || in.dek || in.lang || in.source || in.url || in.body_markdown || in.body_html ||
         in.author || in.section || in.tags || in.lead_image || in.correction;
}

void AddStatusChange(storage::ArticleSave& save, const model::EditorialArticle& cur,
                     const ArticleInput& in, ArticleStatus target, const Principal& who,
                     std::int64_t now) {
  const bool moves = target != cur.status;
  const bool reschedules =
      target == ArticleStatus::kScheduled && in.publish_at && *in.publish_at != cur.publish_at;
  const bool redates = target == ArticleStatus::kPublished && in.published_at;
  if (!moves && !reschedules && !redates && !in.unpublish_at) return;
  storage::StatusChange change;
  change.from = {cur.status};
  change.to = target;
  change.publish_at =
      target == ArticleStatus::kScheduled ? in.publish_at.value_or(cur.publish_at) : 0;
  if (in.published_at) {
    change.published_at = *in.published_at;
  } else if (target == ArticleStatus::kPublished && moves) {
    // First publication: now. Back from a withdrawal: the date it had.
    const bool keep = cur.status == ArticleStatus::kUnpublished && cur.published_at > 0;
    change.published_at = keep ? cur.published_at : now;
  }
  if (in.unpublish_at) change.unpublish_at = *in.unpublish_at;
  std::string summary =
      std::string(model::ToText(cur.status)) + " -> " + std::string(model::ToText(target));
  if (target == ArticleStatus::kScheduled) summary += " at " + FormatRfc3339Utc(change.publish_at);
  if (in.unpublish_at) {
    summary += *in.unpublish_at == 0 ? ", no withdrawal"
                                     : ", withdrawn at " + FormatRfc3339Utc(*in.unpublish_at);
  }
  save.audit.push_back(ArticleAudit(who, now, TransitionAction(target), summary));
  save.status = std::move(change);
}

void AddFeatured(storage::ArticleSave& save, const model::EditorialArticle& cur,
                 const ArticleInput& in, const Principal& who, std::int64_t now) {
  if (!in.featured || *in.featured == (cur.featured_at != 0)) return;
  save.featured_at = *in.featured ? now : 0;
  save.audit.push_back(ArticleAudit(who, now,
                                    *in.featured ? "article.feature" : "article.unfeature",
                                    "'" + cur.content.title + "'"));
}

}  // namespace warta::newsroom
