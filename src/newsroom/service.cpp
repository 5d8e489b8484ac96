// EditorialService: create, update, unpublish (newsroom/service.h). Revisions, restore and
// diffs are in revisions.cpp.
#include "newsroom/service.h"

#include <utility>

#include "core/ascii.h"
#include "i18n/formatter.h"
#include "newsroom/article_checks.h"
#include "newsroom/body.h"
#include "newsroom/revision_codec.h"
#include "newsroom/service_support.h"
#include "storage/presence_store.h"

namespace warta::newsroom {

using model::ArticleStatus;

EditorialService::EditorialService(storage::Store& store, const Clock& clock,
                                   NewsroomOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

void EditorialService::Changed(std::int64_t id) const {
  if (options_.on_change) options_.on_change(id);
}

Result<model::EditorialArticle> EditorialService::Editable(const Principal& who, std::int64_t id) {
  if (!CanWrite(who)) return Forbidden("only authors, editors and admins edit articles");
  WARTA_ASSIGN_OR_RETURN(model::EditorialArticle article, store_.editorial().Find(id));
  if (!MayEdit(who, article)) return Forbidden("an author edits only their own drafts");
  return article;
}

Result<model::EditorialArticle> EditorialService::Get(const Principal& who, std::int64_t id) {
  if (!CanWrite(who)) return Forbidden("only authors, editors and admins see the newsroom");
  WARTA_ASSIGN_OR_RETURN(model::EditorialArticle article, store_.editorial().Find(id));
  if (!IsEditor(who) && article.created_by != who.user_id) {
    return Forbidden("an author sees only their own articles");
  }
  return article;
}

Result<model::ArticleContent> EditorialService::Merge(const model::EditorialArticle& current,
                                                      const ArticleInput& in) {
  model::ArticleContent c = current.content;
  if (in.title) {
    c.title = std::string(ascii::Trim(*in.title));
    c.slug = i18n::Slugify(c.title);
  }
  if (in.dek) c.dek = std::string(ascii::Trim(*in.dek));
  if (in.lang) c.lang = *in.lang;
  if (in.source) c.source = std::string(ascii::Trim(*in.source));
  if (in.url) c.url = *in.url;
  if (in.author) c.authors = ParseAuthors(*in.author);
  if (in.section) {
    c.section.reset();
    if (!in.section->empty())
      c.section = model::NamedRef{*in.section, SectionNameFromSlug(*in.section)};
  }
  if (in.tags) c.tags = NormalizeTags(*in.tags);
  if (in.lead_image) c.lead_media_id = *in.lead_image;
  if (in.body_markdown) {
    WARTA_RETURN_IF_ERROR(SetBody(c, model::BodyFormat::kMarkdown, *in.body_markdown));
  } else if (in.body_html) {
    WARTA_RETURN_IF_ERROR(SetBody(c, model::BodyFormat::kHtml, *in.body_html));
  }
  return c;
}

Result<Created> EditorialService::Create(const Principal& who, const ArticleInput& in) {
  if (!CanWrite(who)) return Forbidden("only authors, editors and admins write articles");
  const std::int64_t now = clock_.NowUnix();
  auto problems = CheckArticleInput(in, InputUse::kCreate, now, options_.languages);
  if (!problems.empty()) return problems.front().ToError();
  const ArticleStatus status =
      in.status ? *model::ParseArticleStatus(*in.status) : ArticleStatus::kDraft;
  if (!IsEditor(who) && (status != ArticleStatus::kDraft || in.featured || in.unpublish_at)) {
    return Forbidden("an author writes drafts; an editor schedules, publishes and features");
  }
  if (in.correction) return Problem("correction", "is for changes to a published article");
  model::EditorialArticle blank;
  blank.content.lang = options_.default_lang;
  WARTA_ASSIGN_OR_RETURN(model::ArticleContent content, Merge(blank, in));
  if (status != ArticleStatus::kDraft && ascii::IsBlank(content.body_html)) {
    return Problem("body_markdown", "is required to publish or schedule");
  }
  storage::NewEditorialArticle a;
  a.content = content;
  a.status = status;
  a.publish_at = in.publish_at.value_or(0);
  a.published_at = in.published_at.value_or(now);
  a.unpublish_at = in.unpublish_at.value_or(0);
  a.featured_at = in.featured.value_or(false) ? now : 0;
  a.created_at = now;
  a.created_by = who.user_id;
  WARTA_ASSIGN_OR_RETURN(model::RevisionBody body,
                         EncodeRevision(content.body(), {}, /*keyframe=*/true));
  a.first = storage::NewRevision{
      1, model::RevisionKind::kCreate, now, who.user_id, content, std::move(body)};
  a.audit = {ArticleAudit(who, now, "article.create",
                          "'" + content.title + "' as " + std::string(model::ToText(status)))};
  auto id = store_.editorial().Create(a);
  if (!id.ok()) return StoreError(id.error());
  Changed(*id);
  return Created{*id, model::ArticlePath(*id, content.slug), status, 1};
}

Result<SaveOutcome> EditorialService::Update(const Principal& who, std::int64_t id,
                                             const ArticleInput& in) {
  WARTA_ASSIGN_OR_RETURN(model::EditorialArticle cur, Editable(who, id));
  const std::int64_t now = clock_.NowUnix();
  auto problems = CheckArticleInput(in, InputUse::kUpdate, now, options_.languages);
  if (!problems.empty()) return problems.front().ToError();
  const ArticleStatus target = in.status ? *model::ParseArticleStatus(*in.status) : cur.status;
  if (!IsEditor(who) && (target != ArticleStatus::kDraft || in.featured || in.publish_at ||
                         in.unpublish_at || in.published_at || in.correction)) {
    return Forbidden("an author edits the text of a draft; an editor does the rest");
  }
  if (*in.version != cur.revision) {
    // Someone saved since this edit began: nothing is written (storage checks the same
    // condition again in the save's transaction, for a save between this read and that one).
    return SaveOutcome{SaveOutcome::Kind::kConflict, std::move(cur)};
  }
  if (!TransitionAllowed(cur.status, target)) {
    return Problem("status", "cannot change from " + std::string(model::ToText(cur.status)) +
                                 " to " + std::string(model::ToText(target)));
  }
  if (in.correction &&
      (cur.status != ArticleStatus::kPublished || target != ArticleStatus::kPublished)) {
    return Problem("correction", "is for published articles");
  }
  if (in.publish_at && target != ArticleStatus::kScheduled) {
    return Problem("publish_at", "is for scheduling (status scheduled)");
  }
  if (target == ArticleStatus::kScheduled && cur.status != ArticleStatus::kScheduled &&
      !in.publish_at) {
    return Problem("publish_at", "is required to schedule an article");
  }
  storage::ArticleSave save;
  save.id = id;
  save.expected_revision = *in.version;
  save.now = now;
  const bool content_change = HasContent(in);
  model::ArticleContent content = cur.content;
  if (content_change) {
    WARTA_ASSIGN_OR_RETURN(content, Merge(cur, in));
    const model::RevisionKind kind =
        in.correction ? model::RevisionKind::kCorrection
        : (target == ArticleStatus::kPublished && cur.status != ArticleStatus::kPublished)
            ? model::RevisionKind::kPublish
            : model::RevisionKind::kSave;
    WARTA_RETURN_IF_ERROR(AddRevision(save, cur, content, kind, who, now));
    save.audit.push_back(
        ArticleAudit(who, now, "article.save", "revision " + std::to_string(cur.revision + 1)));
    if (in.correction) {
      const std::string note(ascii::Trim(*in.correction));
      save.correction = storage::NewCorrection{note, now, who.user_id};
      save.audit.push_back(ArticleAudit(who, now, "article.correct", note));
    }
  }
  if ((target == ArticleStatus::kPublished || target == ArticleStatus::kScheduled) &&
      ascii::IsBlank(content.body_html)) {
    return Problem("body_markdown", "is required to publish or schedule");
  }
  AddStatusChange(save, cur, in, target, who, now);
  AddFeatured(save, cur, in, who, now);
  if (!content_change && !save.status && !save.featured_at) {
    // Nothing to write: only tell whether the version is still current.
    SaveOutcome outcome;
    outcome.kind =
        *in.version == cur.revision ? SaveOutcome::Kind::kSaved : SaveOutcome::Kind::kConflict;
    outcome.article = std::move(cur);
    return outcome;
  }
  return Apply(save, who);
}

Result<SaveOutcome> EditorialService::Apply(const storage::ArticleSave& save,
                                            const Principal& /*who*/) {
  auto saved = store_.editorial().Save(save);
  if (!saved.ok()) return StoreError(saved.error());
  SaveOutcome outcome;
  if (saved->conflict != storage::SaveConflict::kNone) {
    outcome.kind = SaveOutcome::Kind::kConflict;
  } else {
    Changed(save.id);
  }
  WARTA_ASSIGN_OR_RETURN(outcome.article, store_.editorial().Find(save.id));
  return outcome;
}

Result<model::EditorialArticle> EditorialService::Unpublish(const Principal& who, std::int64_t id) {
  if (!IsEditor(who)) return Forbidden("an editor withdraws articles");
  WARTA_ASSIGN_OR_RETURN(model::EditorialArticle cur, store_.editorial().Find(id));
  if (cur.status != ArticleStatus::kPublished) {
    return Problem("status", "is " + std::string(model::ToText(cur.status)) +
                                 ": only a published article is withdrawn");
  }
  const std::int64_t now = clock_.NowUnix();
  storage::ArticleSave save;
  save.id = id;
  save.now = now;
  save.status = storage::StatusChange{
      {ArticleStatus::kPublished}, ArticleStatus::kUnpublished, 0, std::nullopt, 0};
  save.audit.push_back(ArticleAudit(who, now, "article.unpublish", "'" + cur.content.title + "'"));
  WARTA_ASSIGN_OR_RETURN(SaveOutcome outcome, Apply(save, who));
  if (outcome.kind == SaveOutcome::Kind::kConflict) {
    return Problem("status",
                   "changed meanwhile to " + std::string(model::ToText(outcome.article.status)));
  }
  return std::move(outcome.article);
}

Result<storage::AdminListPage> EditorialService::List(const Principal& who,
                                                      storage::AdminListQuery query) {
  if (!CanWrite(who)) return Forbidden("only authors, editors and admins see the newsroom");
  if (!IsEditor(who)) query.created_by = who.user_id;
  return store_.editorial().List(query);
}

Result<std::vector<model::EditPresence>> EditorialService::Editing(const Principal& who,
                                                                   std::int64_t id) {
  WARTA_RETURN_IF_ERROR(Get(who, id));
  const std::int64_t now = clock_.NowUnix();
  if (who.user_id != 0) WARTA_RETURN_IF_ERROR(store_.presence().Touch(id, who.user_id, now));
  return store_.presence().Others(id, who.user_id, now - kPresenceSeconds);
}

}  // namespace warta::newsroom
