// The newsroom's articles: create, save with a revision, status transitions, the admin's
// lists, revisions, corrections and wire provenance (docs/decisions/0009-newsroom.md).
// newsroom/ makes the rules (who may do what, validation, revision encoding); this store
// keeps every change atomic and conditional, so two editors or two nodes never overwrite
// each other.
//
// Errors: NotFound for an unknown article; InvalidArgument for values the store refuses
// (nothing written), among them an unknown lead media id; a lost race is not an error but a
// SaveResult with a conflict; Corrupt for stored words model/ does not know; Io or
// Unavailable when the database fails.
// Transactions: every write is one transaction: the article row, its tags, bylines and
// section (created when new), its revision row(s), a correction and the audit entries commit
// together or not at all. A save is conditional on the revision the editor started from; a
// status change on the statuses it may start from.
// Durability: writes are committed and synced to disk before returning: an acknowledged save
// survives a power cut.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/editorial.h"
#include "model/newsroom.h"
#include "storage/list_cursor.h"

namespace warta::storage {

// The user key of the InvalidArgument for a lead image id that names no stored medium.
inline constexpr std::string_view kUnknownMediaKey = "article_error_lead_image";

// A revision row to write. `number` is the revision it becomes (the store checks it follows
// the current one); the body is encoded by newsroom/revision_codec.h.
struct NewRevision {
  std::int64_t number = 0;
  model::RevisionKind kind = model::RevisionKind::kSave;
  std::int64_t created_at = 0;
  std::int64_t user_id = 0;
  model::ArticleContent content;  // the snapshot; its body fields are not stored
  model::RevisionBody body;
};

// A new article written in the newsroom, with its first revision (number 1).
struct NewEditorialArticle {
  model::ArticleContent content;
  model::ArticleStatus status = model::ArticleStatus::kDraft;  // draft, scheduled or published
  std::int64_t publish_at = 0;                                 // kScheduled
  std::int64_t published_at = 0;                               // kPublished: the public date
  std::int64_t unpublish_at = 0;                               // 0: never withdrawn by the clock
  std::int64_t featured_at = 0;
  std::int64_t created_at = 0;
  std::int64_t created_by = 0;
  NewRevision first;                     // number 1, kind kCreate
  std::vector<model::AuditEntry> audit;  // target_id 0 is filled with the new id
};

// A status transition, applied only when the article is in one of `from` (a conditional
// update: of two nodes or editors, exactly one wins).
struct StatusChange {
  std::vector<model::ArticleStatus> from;
  model::ArticleStatus to = model::ArticleStatus::kDraft;
  std::int64_t publish_at = 0;               // kScheduled: when; cleared otherwise
  std::optional<std::int64_t> published_at;  // sets the public date (first publication)
  std::optional<std::int64_t> unpublish_at;  // sets or (0) clears the withdrawal time
};

struct NewCorrection {
  std::string note;  // plain text
  std::int64_t created_at = 0;
  std::int64_t user_id = 0;
};

// One save of an existing article: any of content (a new revision), featured, status and a
// correction, all in one transaction.
struct ArticleSave {
  std::int64_t id = 0;
  // The revision the editor started from: the save applies only while it is current.
  // Required with content; optional otherwise (a status change alone, the publisher).
  std::optional<std::int64_t> expected_revision;
  std::optional<model::ArticleContent> content;  // requires `revision`
  // For an article from before revisions were kept (no row yet): its current content as
  // revision `expected_revision`, written first so history starts with it.
  std::optional<NewRevision> baseline;
  std::optional<NewRevision> revision;      // number = expected_revision + 1
  std::optional<std::int64_t> featured_at;  // 0 unpins
  std::optional<StatusChange> status;
  std::optional<NewCorrection> correction;  // between expected_revision and revision.number
  std::int64_t now = 0;                     // updated_at of a content save
  std::vector<model::AuditEntry> audit;
};

enum class SaveConflict {
  kNone,
  kRevision,  // someone saved since expected_revision: nothing written
  kStatus,    // the article is no longer in a status the change may start from
};

struct SaveResult {
  SaveConflict conflict = SaveConflict::kNone;
  std::int64_t revision = 0;  // current after the save (or at the conflict)
  model::ArticleStatus status = model::ArticleStatus::kDraft;
};

// Where a page of the admin list ends: the next page starts after it.
struct AdminCursor {
  std::int64_t updated_at = 0;
  std::int64_t id = 0;
};

struct AdminListQuery {
  std::optional<model::ArticleStatus> status;
  std::int64_t section_id = 0;  // 0: any
  std::int64_t author_id = 0;   // 0: any
  std::int64_t created_by = 0;  // 0: anyone
  std::string title;            // words the title contains (any case); "" for all
  std::optional<AdminCursor> after;
  int limit = 50;  // 1..200
};

struct AdminListRow {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  model::ArticleStatus status = model::ArticleStatus::kDraft;
  std::int64_t revision = 0;
  std::int64_t updated_at = 0;
  std::int64_t published_at = 0;
  std::int64_t publish_at = 0;
  std::int64_t featured_at = 0;
  std::int64_t created_by = 0;
  std::string section_name;
  std::string source;
};

struct AdminListPage {
  std::vector<AdminListRow> rows;   // newest change first (updated_at, then id)
  std::optional<AdminCursor> next;  // set when there may be more
};

// Work for the publisher: an article whose scheduled publication or withdrawal is due.
struct DueChange {
  std::int64_t article_id = 0;
  bool publish = true;      // false: withdraw (unpublish_at)
  std::int64_t due_at = 0;  // publish_at or unpublish_at
};

class EditorialStore {
 public:
  virtual ~EditorialStore() = default;

  // Inserts the article with its tags, bylines and section (each created when its slug is
  // new), revision 1 and the audit entries; returns the new id. InvalidArgument for a
  // status other than draft, scheduled or published, a revision not numbered 1, or an
  // unknown lead media id.
  virtual Result<std::int64_t> Create(const NewEditorialArticle& article) = 0;
  // The article in any status. NotFound when there is no such id.
  virtual Result<model::EditorialArticle> Find(std::int64_t id) = 0;
  // See ArticleSave. A conflict writes nothing and reports the current revision and status.
  // InvalidArgument for content without a revision, a revision not numbered
  // expected_revision + 1, a baseline when the article has revision rows, or an unknown lead
  // media id. A content save bumps updated_at; every save bumps the cache version.
  virtual Result<SaveResult> Save(const ArticleSave& save) = 0;

  // The admin's list: keyset pages over (updated_at, id), newest first. InvalidArgument for
  // a limit outside 1..200.
  virtual Result<AdminListPage> List(const AdminListQuery& query) = 0;

  // Revisions newest first, numbered below `before` (0: from the newest), at most `limit`
  // (1..1000).
  virtual Result<std::vector<model::RevisionMeta>> ListRevisions(std::int64_t article_id,
                                                                 std::int64_t before,
                                                                 int limit) = 0;
  // What decoding revision `number` needs: the rows from the last keyframe at or before it
  // through it, oldest first. NotFound when there is no such revision.
  virtual Result<std::vector<model::StoredRevision>> RevisionChain(std::int64_t article_id,
                                                                   std::int64_t number) = 0;

  // The article's corrections, newest first.
  virtual Result<std::vector<model::Correction>> Corrections(std::int64_t article_id) = 0;
  // Corrections of published articles, newest first, with id below `before_id` (0: from the
  // newest), at most `limit` (1..200), for /koreksi.
  virtual Result<std::vector<model::Correction>> RecentCorrections(std::int64_t before_id,
                                                                   int limit) = 0;

  // What the source sent for an ingested article; nullopt for others.
  virtual Result<std::optional<model::ArticleWire>> Wire(std::int64_t article_id) = 0;

  // --- the publisher (newsroom/publisher.h) ---
  // Scheduled articles with publish_at <= now and published ones with 0 < unpublish_at <=
  // now, earliest first, at most `limit` (1..10000).
  virtual Result<std::vector<DueChange>> ListDue(std::int64_t now, int limit) = 0;
  // The earliest publish_at of a scheduled article or unpublish_at of a published one;
  // nullopt when nothing is scheduled.
  virtual Result<std::optional<std::int64_t>> NextDue() = 0;
  // Publishes one due article if it is still scheduled and due at `now` (its publish_at
  // becomes its public date), with the audit entry; true when this call did it (of several
  // nodes exactly one does), false when it was not due or no longer scheduled.
  virtual Result<bool> PublishDue(std::int64_t article_id, std::int64_t now,
                                  const model::AuditEntry& audit) = 0;
  // Withdraws one published article whose unpublish_at is due; true when this call did it.
  virtual Result<bool> UnpublishDue(std::int64_t article_id, std::int64_t now,
                                    const model::AuditEntry& audit) = 0;

  // --- public reads of the newsroom's pages (published articles only) ---
  // Featured articles, newest pin first, at most `limit` (1..100).
  virtual Result<std::vector<model::ArticleSummary>> ListFeatured(int limit) = 0;
  // A section's or an author's articles, newest first (like ArticleStore::ListNewest); offset
  // 0..kMaxListOffset. The *After forms start just after `after` (older articles), or at the
  // newest without it: one range scan of articles_section_public_idx or
  // article_authors_listing_idx at any depth. Counts stop at `cap` (1..kMaxCountCap): the
  // answer is min(count, cap), reading at most cap index entries.
  virtual Result<std::vector<model::ArticleSummary>> ListBySection(std::int64_t section_id,
                                                                   int limit, int offset) = 0;
  virtual Result<std::vector<model::ArticleSummary>> ListBySectionAfter(
      std::int64_t section_id, int limit, const std::optional<ListCursor>& after) = 0;
  virtual Result<std::int64_t> CountBySection(std::int64_t section_id, std::int64_t cap) = 0;
  virtual Result<std::vector<model::ArticleSummary>> ListByAuthor(std::int64_t author_id, int limit,
                                                                  int offset) = 0;
  virtual Result<std::vector<model::ArticleSummary>> ListByAuthorAfter(
      std::int64_t author_id, int limit, const std::optional<ListCursor>& after) = 0;
  virtual Result<std::int64_t> CountByAuthor(std::int64_t author_id, std::int64_t cap) = 0;
};

}  // namespace warta::storage
