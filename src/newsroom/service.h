// The newsroom's editorial service: what the Admin API (/api/v1/admin/articles) and the
// /admin pages call to write, edit, schedule, publish, correct, restore and withdraw
// articles (CONTRACT §6; docs/decisions/0009-newsroom.md). It validates every field, applies
// the roles and the life cycle, renders Markdown, encodes revisions and audits each change;
// storage (storage/editorial_store.h) makes every change one conditional transaction.
//
// Errors (Error::user_key names the message for people):
//   InvalidArgument / TooLarge  a bad field: "article: '<field>' <reason>", key
//                               "article_error_<field>" (newsroom/article_checks.h) -> 400/413
//   PermissionDenied            the role is too low, or an author's article that is not
//                               their own draft, key "article_error_forbidden"    -> 403
//   NotFound                    no such article or revision                         -> 404
// Nothing is stored on error. A save from a stale version is not an error: SaveOutcome says
// kConflict and carries the current article (nothing written)                       -> 409
//
// Thread safety: every method may be called from any thread concurrently; each blocks on
// the store. The on_change hook is called on the calling thread after the commit.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/editorial.h"
#include "newsroom/article_input.h"
#include "newsroom/rules.h"
#include "newsroom/word_diff.h"
#include "storage/editorial_store.h"
#include "storage/store.h"

namespace warta::newsroom {

struct NewsroomOptions {
  // Languages an article may be written in (the site's locales); "" is always accepted.
  std::vector<std::string> languages = {"id", "en", "ja"};
  std::string default_lang = "id";  // of a new article without one
  // Called with the article's id after every committed change (the web drops its caches);
  // may be empty.
  std::function<void(std::int64_t)> on_change;
};

struct Created {
  std::int64_t id = 0;
  std::string path;  // the public path (/artikel/{id}/{slug})
  model::ArticleStatus status = model::ArticleStatus::kDraft;
  std::int64_t version = 1;  // the revision: what the next update names
};

struct SaveOutcome {
  enum class Kind { kSaved, kConflict };
  Kind kind = Kind::kSaved;
  // kSaved: the article as stored now. kConflict: the current article, which someone saved
  // (or moved to another status) since the version the edit started from.
  model::EditorialArticle article;
};

// A revision decoded: its snapshot with the body filled in.
struct RevisionContent {
  model::RevisionMeta meta;
  model::ArticleContent content;
};

struct RevisionDiff {
  WordDiff title;
  WordDiff body;  // over the body's text (Markdown source, or the HTML's plain text)
};

class EditorialService {
 public:
  EditorialService(storage::Store& store, const Clock& clock, NewsroomOptions options);

  // A new article: draft (the default; authors may only make drafts), scheduled
  // (publish_at required) or published (editors). Revision 1 and the audit entry with it.
  Result<Created> Create(const Principal& who, const ArticleInput& input);
  // The article as the editor shows it. Authors see only their own articles.
  Result<model::EditorialArticle> Get(const Principal& who, std::int64_t id);
  // Changes the fields given, from input.version (required): content fields make a new
  // revision; status, featured and correction as given. Authors: their own drafts, content
  // only. A correction needs a published article and makes a revision of kind correction.
  Result<SaveOutcome> Update(const Principal& who, std::int64_t id, const ArticleInput& input);
  // Withdraws a published article (DELETE): 410 on its page from then on. Editors.
  Result<model::EditorialArticle> Unpublish(const Principal& who, std::int64_t id);
  // Makes revision `number` current again as a new revision (kind restore), from
  // `version`: history is never rewritten.
  Result<SaveOutcome> Restore(const Principal& who, std::int64_t id, std::int64_t number,
                              std::int64_t version);

  // Revisions newest first, below `before` (0: from the newest), at most `limit`.
  Result<std::vector<model::RevisionMeta>> Revisions(const Principal& who, std::int64_t id,
                                                     std::int64_t before, int limit);
  Result<RevisionContent> Revision(const Principal& who, std::int64_t id, std::int64_t number);
  // The word diff from revision `from` to revision `to`.
  Result<RevisionDiff> Diff(const Principal& who, std::int64_t id, std::int64_t from,
                            std::int64_t to);

  // The admin's list; an author's is limited to the articles they created.
  Result<storage::AdminListPage> List(const Principal& who, storage::AdminListQuery query);

  // Marks `who` as editing the article now and returns the others seen editing it in the
  // last kPresenceSeconds.
  static constexpr std::int64_t kPresenceSeconds = 30;
  Result<std::vector<model::EditPresence>> Editing(const Principal& who, std::int64_t id);

  const NewsroomOptions& options() const { return options_; }

 private:
  Result<model::EditorialArticle> Editable(const Principal& who, std::int64_t id);
  Result<std::string> BodyOf(std::int64_t id, std::int64_t number);
  Result<RevisionContent> Decoded(std::int64_t id, std::int64_t number);
  // Adds the content and its revision (cur.revision + 1, encoded against the current body)
  // to `save`; for an article without revision rows, its current content as the baseline.
  Result<void> AddRevision(storage::ArticleSave& save, const model::EditorialArticle& cur,
                           const model::ArticleContent& content, model::RevisionKind kind,
                           const Principal& who, std::int64_t now);
  Result<model::ArticleContent> Merge(const model::EditorialArticle& current,
                                      const ArticleInput& input);
  Result<SaveOutcome> Apply(const storage::ArticleSave& save, const Principal& who);
  void Changed(std::int64_t id) const;

  storage::Store& store_;
  const Clock& clock_;
  NewsroomOptions options_;
};

}  // namespace warta::newsroom
