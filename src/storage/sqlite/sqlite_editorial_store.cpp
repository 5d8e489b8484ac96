// The editorial store's writes: create and save, each one synced transaction with the
// revision row, tags, bylines, section, correction and audit entries
// (storage/editorial_store.h).
#include <algorithm>
#include <string>
#include <utility>

#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/editorial_rows.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

using model::ArticleStatus;

constexpr std::size_t kMaxCorrectionBytes = 4000;

Result<std::string_view> StatusWord(ArticleStatus status) {
  return WordToStore(status, model::ParseArticleStatus, "article status");
}

// The section id and byline ids the content names, created when new.
struct Refs {
  std::int64_t section_id = 0;
  std::vector<std::int64_t> author_ids;
};

Result<Refs> ResolveRefs(Connection& connection, const model::ArticleContent& content,
                         std::int64_t now) {
  Refs refs;
  if (content.section) {
    WARTA_ASSIGN_OR_RETURN(refs.section_id, ResolveSection(connection, *content.section, now));
  }
  for (const model::NamedRef& author : content.authors) {
    WARTA_ASSIGN_OR_RETURN(std::int64_t id, ResolveAuthor(connection, author, now));
    refs.author_ids.push_back(id);
  }
  return refs;
}

void BindSectionId(Statement& stmt, int index, std::int64_t section_id) {
  if (section_id == 0) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, section_id);
  }
}

// What Save reads before it writes.
struct Current {
  ArticleStatus status = ArticleStatus::kDraft;
  std::int64_t revision = 0;
  std::int64_t rows = 0;  // revision rows stored
};

Result<std::optional<Current>> ReadCurrent(Connection& connection, std::int64_t id) {
  return QueryFirst(
      connection,
      "SELECT status, revision, (SELECT count(*) FROM article_revisions WHERE article_id = ?1) "
      "FROM articles WHERE id = ?1",
      [&](Statement& stmt) { stmt.Bind(1, id); },
      [](const Statement& stmt) -> Result<Current> {
        WARTA_ASSIGN_OR_RETURN(
            ArticleStatus status,
            StoredWord(stmt.Text(0), model::ParseArticleStatus, "article status"));
        return Current{status, stmt.Int64(1), stmt.Int64(2)};
      });
}

// The shape of a save, before anything is read: what goes with what.
Result<void> CheckSave(const ArticleSave& save) {
  if (save.content) {
    if (!save.expected_revision || !save.revision) {
      return Error::InvalidArgument(
          "storage: a content save needs the expected revision and "
          "the new revision");
    }
    WARTA_RETURN_IF_ERROR(CheckContent(*save.content));
    if (save.revision->number != *save.expected_revision + 1) {
      return Error::InvalidArgument("storage: the new revision must be number " +
                                    std::to_string(*save.expected_revision + 1));
    }
  } else if (save.revision || save.baseline || save.correction) {
    return Error::InvalidArgument("storage: a revision or a correction needs content");
  }
  if (save.baseline && save.baseline->number != *save.expected_revision) {
    return Error::InvalidArgument("storage: the baseline must be the expected revision");
  }
  if (save.correction) {
    const std::string& note = save.correction->note;
    if (note.empty() || note.size() > kMaxCorrectionBytes) {
      return Error::InvalidArgument("storage: a correction note is 1.." +
                                    std::to_string(kMaxCorrectionBytes) + " bytes");
    }
  }
  if (save.status && save.status->from.empty()) {
    return Error::InvalidArgument("storage: a status change names the statuses it starts from");
  }
  for (const model::AuditEntry& entry : save.audit) WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  return Ok();
}

Result<void> WriteContent(Connection& connection, const ArticleSave& save, std::int64_t rows) {
  const model::ArticleContent& c = *save.content;
  WARTA_RETURN_IF_ERROR(CheckLeadMedia(connection, c.lead_media_id));
  WARTA_ASSIGN_OR_RETURN(Refs refs, ResolveRefs(connection, c, save.now));
  if (save.baseline) {
    if (rows != 0) {
      return Error::InvalidArgument("storage: article " + std::to_string(save.id) +
                                    " has revisions: no baseline is written");
    }
    std::int64_t baseline_section = 0;
    if (save.baseline->content.section) {
      WARTA_ASSIGN_OR_RETURN(baseline_section,
                             ResolveSection(connection, *save.baseline->content.section, save.now));
    }
    WARTA_RETURN_IF_ERROR(InsertRevision(connection, save.id, *save.baseline, baseline_section));
  } else if (rows == 0) {
    return Error::InvalidArgument("storage: article " + std::to_string(save.id) +
                                  " has no revision rows yet: its first save needs a baseline");
  }
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "UPDATE articles SET title = ?, dek = ?, lang = ?, source = ?, url = ?, "
          "body_markdown = ?, body_html = ?, slug = ?, section_id = ?, lead_media_id = ?, "
          "revision = ?, updated_at = ?, version = version + 1 WHERE id = ? AND revision = ?"));
  stmt.Bind(1, c.title).Bind(2, c.dek).Bind(3, c.lang).Bind(4, c.source).Bind(5, c.url);
  stmt.Bind(6, c.body_format == model::BodyFormat::kMarkdown ? c.body_markdown : "");
  stmt.Bind(7, c.body_html).Bind(8, c.slug);
  BindSectionId(stmt, 9, refs.section_id);
  stmt.Bind(10, c.lead_media_id).Bind(11, save.revision->number).Bind(12, save.now);
  stmt.Bind(13, save.id).Bind(14, *save.expected_revision);
  WARTA_RETURN_IF_ERROR(stmt.Run());
  WARTA_RETURN_IF_ERROR(ReplaceTags(connection, save.id, c.tags));
  WARTA_RETURN_IF_ERROR(ReplaceBylines(connection, save.id, refs.author_ids));
  return InsertRevision(connection, save.id, *save.revision, refs.section_id);
}

Result<void> WriteStatus(Connection& connection, std::int64_t id, const StatusChange& change,
                         std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(std::string_view to, StatusWord(change.to));
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare("UPDATE articles SET status = ?, publish_at = ?, "
                         "published_at = CASE WHEN ? THEN ? ELSE published_at END, "
                         "unpublish_at = CASE WHEN ? THEN ? ELSE unpublish_at END, "
                         "version = version + 1, updated_at = max(updated_at, ?) WHERE id = ?"));
  stmt.Bind(1, to).Bind(2, change.to == ArticleStatus::kScheduled ? change.publish_at : 0);
  stmt.Bind(3, std::int64_t{change.published_at ? 1 : 0}).Bind(4, change.published_at.value_or(0));
  stmt.Bind(5, std::int64_t{change.unpublish_at ? 1 : 0}).Bind(6, change.unpublish_at.value_or(0));
  stmt.Bind(7, now).Bind(8, id);
  return stmt.Run();
}

Result<void> WriteFeatured(Connection& connection, std::int64_t id, std::int64_t featured_at) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("UPDATE articles SET featured_at = ?, "
                                                       "version = version + 1 WHERE id = ?"));
  stmt.Bind(1, featured_at).Bind(2, id);
  return stmt.Run();
}

Result<void> WriteCorrection(Connection& connection, const ArticleSave& save) {
  WARTA_ASSIGN_OR_RETURN(auto stmt,
                         connection.Prepare("INSERT INTO corrections (article_id, revision_before, "
                                            "revision_after, note, created_at, user_id) "
                                            "VALUES (?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, save.id).Bind(2, *save.expected_revision).Bind(3, save.revision->number);
  stmt.Bind(4, save.correction->note).Bind(5, save.correction->created_at);
  stmt.Bind(6, save.correction->user_id);
  return stmt.Run();
}

Result<SaveResult> SaveIn(Connection& connection, const ArticleSave& save) {
  WARTA_ASSIGN_OR_RETURN(std::optional<Current> current, ReadCurrent(connection, save.id));
  if (!current) return NoSuchId("article", save.id);
  SaveResult result{SaveConflict::kNone, current->revision, current->status};
  if (save.expected_revision && *save.expected_revision != current->revision) {
    result.conflict = SaveConflict::kRevision;
    return result;
  }
  if (save.status) {
    const auto& from = save.status->from;
    if (std::find(from.begin(), from.end(), current->status) == from.end()) {
      result.conflict = SaveConflict::kStatus;
      return result;
    }
  }
  if (save.content) {
    WARTA_RETURN_IF_ERROR(WriteContent(connection, save, current->rows));
    result.revision = save.revision->number;
  }
  if (save.featured_at)
    WARTA_RETURN_IF_ERROR(WriteFeatured(connection, save.id, *save.featured_at));
  if (save.status) {
    WARTA_RETURN_IF_ERROR(WriteStatus(connection, save.id, *save.status, save.now));
    result.status = save.status->to;
  }
  if (save.correction) WARTA_RETURN_IF_ERROR(WriteCorrection(connection, save));
  for (const model::AuditEntry& entry : save.audit) {
    WARTA_RETURN_IF_ERROR(AppendAudit(connection, entry, save.id));
  }
  return result;
}

Result<std::int64_t> InsertArticle(Connection& connection, const NewEditorialArticle& a,
                                   std::string_view status, const Refs& refs) {
  const model::ArticleContent& c = a.content;
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, "
          "body_html, slug, version, status, revision, dek, body_markdown, section_id, "
          "lead_media_id, featured_at, publish_at, unpublish_at, created_by) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt.Bind(1, c.title).Bind(2, c.source).Bind(3, c.url);
  // The public date: given when published; a scheduled one's is its time; a draft has none
  // until it is published.
  const std::int64_t published_at = a.status == ArticleStatus::kPublished   ? a.published_at
                                    : a.status == ArticleStatus::kScheduled ? a.publish_at
                                                                            : 0;
  stmt.Bind(4, published_at).Bind(5, a.created_at).Bind(6, a.created_at).Bind(7, c.lang);
  stmt.Bind(8, c.body_html).Bind(9, c.slug).Bind(10, status).Bind(11, c.dek);
  stmt.Bind(12, c.body_format == model::BodyFormat::kMarkdown ? c.body_markdown : "");
  BindSectionId(stmt, 13, refs.section_id);
  stmt.Bind(14, c.lead_media_id).Bind(15, a.featured_at);
  stmt.Bind(16, a.status == ArticleStatus::kScheduled ? a.publish_at : 0);
  stmt.Bind(17, a.unpublish_at).Bind(18, a.created_by);
  return InsertReturningId(stmt, "article");
}

}  // namespace

Result<std::int64_t> SqliteEditorialStore::Create(const NewEditorialArticle& article) {
  WARTA_RETURN_IF_ERROR(CheckContent(article.content));
  if (article.status != ArticleStatus::kDraft && article.status != ArticleStatus::kScheduled &&
      article.status != ArticleStatus::kPublished) {
    return Error::InvalidArgument("storage: a new article is a draft, scheduled or published");
  }
  if (article.first.number != 1) {
    return Error::InvalidArgument("storage: a new article's revision is number 1");
  }
  for (const model::AuditEntry& entry : article.audit) {
    WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  }
  WARTA_ASSIGN_OR_RETURN(std::string_view status, StatusWord(article.status));
  return InDurableWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_RETURN_IF_ERROR(CheckLeadMedia(connection, article.content.lead_media_id));
        WARTA_ASSIGN_OR_RETURN(Refs refs,
                               ResolveRefs(connection, article.content, article.created_at));
        WARTA_ASSIGN_OR_RETURN(std::int64_t id, InsertArticle(connection, article, status, refs));
        WARTA_RETURN_IF_ERROR(InsertTags(connection, id, article.content.tags));
        WARTA_RETURN_IF_ERROR(ReplaceBylines(connection, id, refs.author_ids));
        WARTA_RETURN_IF_ERROR(InsertRevision(connection, id, article.first, refs.section_id));
        for (const model::AuditEntry& entry : article.audit) {
          WARTA_RETURN_IF_ERROR(AppendAudit(connection, entry, id));
        }
        return id;
      });
}

Result<SaveResult> SqliteEditorialStore::Save(const ArticleSave& save) {
  WARTA_RETURN_IF_ERROR(CheckSave(save));
  // A conflict returns early inside the body: nothing was written, and committing the empty
  // transaction is the same as rolling it back.
  return InDurableWriteTransaction<SaveResult>(
      pool_, [&](Connection& connection) { return SaveIn(connection, save); });
}

}  // namespace warta::storage::sqlite
