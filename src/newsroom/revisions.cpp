// EditorialService: revisions, their bodies, restore and diffs (newsroom/service.h).
#include <vector>

#include "i18n/formatter.h"
#include "ingest/sanitizer/sanitizer.h"
#include "newsroom/body.h"
#include "newsroom/revision_codec.h"
#include "newsroom/service.h"
#include "newsroom/service_support.h"

namespace warta::newsroom {

Result<RevisionContent> EditorialService::Decoded(std::int64_t id, std::int64_t number) {
  WARTA_ASSIGN_OR_RETURN(auto chain, store_.editorial().RevisionChain(id, number));
  std::vector<model::RevisionBody> bodies;
  bodies.reserve(chain.size());
  for (const model::StoredRevision& revision : chain) bodies.push_back(revision.body);
  WARTA_ASSIGN_OR_RETURN(std::string body, DecodeChain(bodies));
  RevisionContent out{chain.back().meta, chain.back().content};
  if (out.content.body_format == model::BodyFormat::kMarkdown) {
    out.content.body_markdown = std::move(body);
  } else {
    out.content.body_html = std::move(body);
  }
  return out;
}

Result<std::string> EditorialService::BodyOf(std::int64_t id, std::int64_t number) {
  WARTA_ASSIGN_OR_RETURN(RevisionContent revision, Decoded(id, number));
  return std::string(revision.content.body());
}

Result<void> EditorialService::AddRevision(storage::ArticleSave& save,
                                           const model::EditorialArticle& cur,
                                           const model::ArticleContent& content,
                                           model::RevisionKind kind, const Principal& who,
                                           std::int64_t now) {
  std::string previous;
  if (cur.revisions == 0) {
    // From before revisions were kept: the stored text becomes the first one (a keyframe).
    WARTA_ASSIGN_OR_RETURN(model::RevisionBody body,
                           EncodeRevision(cur.content.body(), {}, /*keyframe=*/true));
    save.baseline = storage::NewRevision{
        cur.revision,
        cur.source_id != 0 ? model::RevisionKind::kWire : model::RevisionKind::kCreate,
        cur.updated_at,
        cur.created_by,
        cur.content,
        std::move(body)};
    previous = cur.content.body();
  } else {
    // The stored revision's text, not the row's: ingest may have refreshed the row's body.
    WARTA_ASSIGN_OR_RETURN(previous, BodyOf(cur.id, cur.revision));
  }
  const std::int64_t number = cur.revision + 1;
  WARTA_ASSIGN_OR_RETURN(model::RevisionBody body,
                         EncodeRevision(content.body(), previous, IsKeyframeNumber(number)));
  save.content = content;
  save.revision = storage::NewRevision{number, kind, now, who.user_id, content, std::move(body)};
  return Ok();
}

Result<std::vector<model::RevisionMeta>> EditorialService::Revisions(const Principal& who,
                                                                     std::int64_t id,
                                                                     std::int64_t before,
                                                                     int limit) {
  WARTA_RETURN_IF_ERROR(Get(who, id));
  return store_.editorial().ListRevisions(id, before, limit);
}

Result<RevisionContent> EditorialService::Revision(const Principal& who, std::int64_t id,
                                                   std::int64_t number) {
  WARTA_RETURN_IF_ERROR(Get(who, id));
  WARTA_ASSIGN_OR_RETURN(RevisionContent revision, Decoded(id, number));
  if (revision.content.body_format == model::BodyFormat::kMarkdown) {
    // For showing it: the HTML as it would render today.
    auto html = PreviewMarkdown(revision.content.body_markdown);
    if (html.ok()) revision.content.body_html = std::move(*html);
  }
  return revision;
}

Result<RevisionDiff> EditorialService::Diff(const Principal& who, std::int64_t id,
                                            std::int64_t from, std::int64_t to) {
  WARTA_RETURN_IF_ERROR(Get(who, id));
  WARTA_ASSIGN_OR_RETURN(RevisionContent before, Decoded(id, from));
  WARTA_ASSIGN_OR_RETURN(RevisionContent after, Decoded(id, to));
  // HTML is compared as the text a reader sees: tags would drown the words.
  auto text = [](const model::ArticleContent& c) {
    return c.body_format == model::BodyFormat::kMarkdown
               ? c.body_markdown
               : ingest::sanitizer::ToPlainText(c.body_html);
  };
  RevisionDiff diff;
  diff.title = DiffWords(before.content.title, after.content.title);
  diff.body = DiffWords(text(before.content), text(after.content));
  return diff;
}

Result<SaveOutcome> EditorialService::Restore(const Principal& who, std::int64_t id,
                                              std::int64_t number, std::int64_t version) {
  WARTA_ASSIGN_OR_RETURN(model::EditorialArticle cur, Editable(who, id));
  if (version != cur.revision) return SaveOutcome{SaveOutcome::Kind::kConflict, std::move(cur)};
  if (number < 1 || number > cur.revision) return Problem("revision", "does not exist");
  WARTA_ASSIGN_OR_RETURN(RevisionContent old, Decoded(id, number));
  model::ArticleContent content = old.content;
  content.url = cur.content.url;  // not part of a revision
  content.slug = i18n::Slugify(content.title);
  WARTA_RETURN_IF_ERROR(SetBody(content, content.body_format, std::string(content.body())));
  const std::int64_t now = clock_.NowUnix();
  storage::ArticleSave save;
  save.id = id;
  save.expected_revision = version;
  save.now = now;
  WARTA_RETURN_IF_ERROR(AddRevision(save, cur, content, model::RevisionKind::kRestore, who, now));
  save.audit.push_back(ArticleAudit(
      who, now, "article.restore",
      "revision " + std::to_string(number) + " as revision " + std::to_string(cur.revision + 1)));
  return Apply(save, who);
}

}  // namespace warta::newsroom
