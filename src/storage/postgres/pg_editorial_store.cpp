// The editorial store's writes on PostgreSQL: create and save, each one transaction with the
// revision row, tags, bylines, section, correction and audit entries (pg_editorial.h).
#include <algorithm>
#include <string>

#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_audit.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/sqlite/editorial_rows.h"  // CheckContent: both backends refuse the same
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

using model::ArticleStatus;

constexpr std::size_t kMaxCorrectionBytes = 4000;

Result<std::string_view> StatusWord(ArticleStatus status) {
  return WordToStore(status, model::ParseArticleStatus, "article status");
}

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

struct Current {
  ArticleStatus status = ArticleStatus::kDraft;
  std::int64_t revision = 0;
  std::int64_t rows = 0;  // revision rows stored
};

// Locks the article row for the rest of the transaction: checks and writes see no other save.
Result<std::optional<Current>> ReadCurrent(Connection& connection, std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         connection.Query("SELECT status, revision, (SELECT count(*) FROM "
                                          "article_revisions WHERE article_id = $1) "
                                          "FROM articles WHERE id = $1 FOR UPDATE",
                                          Params().Add(id)));
  if (rows.empty()) return std::optional<Current>();
  WARTA_ASSIGN_OR_RETURN(ArticleStatus status,
                         StoredWord(rows.Text(0, 0), model::ParseArticleStatus, "article status"));
  return std::optional<Current>(Current{status, rows.Int64(0, 1), rows.Int64(0, 2)});
}

Result<void> CheckSave(const ArticleSave& save) {
  if (save.content) {
    if (!save.expected_revision || !save.revision) {
      return Error::InvalidArgument(
          "storage: a content save needs the expected revision and the new revision");
    }
    WARTA_RETURN_IF_ERROR(sqlite::CheckContent(*save.content));
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
  Params params;
  params.Add(c.title).Add(c.dek).Add(c.lang).Add(c.source).Add(c.url);
  params.Add(c.body_format == model::BodyFormat::kMarkdown ? c.body_markdown : "");
  params.Add(c.body_html).Add(c.slug).AddIdOrNull(refs.section_id).Add(c.lead_media_id);
  params.Add(save.revision->number).Add(save.now).Add(save.id).Add(*save.expected_revision);
  WARTA_RETURN_IF_ERROR(connection.Run(
      "UPDATE articles SET title = $1, dek = $2, lang = $3, source = $4, url = $5, "
      "body_markdown = $6, body_html = $7, slug = $8, section_id = $9, lead_media_id = $10, "
      "revision = $11, updated_at = $12, version = version + 1 WHERE id = $13 AND revision = $14",
      params));
  WARTA_RETURN_IF_ERROR(ReplaceTags(connection, save.id, c.tags));
  WARTA_RETURN_IF_ERROR(ReplaceBylines(connection, save.id, refs.author_ids));
  return InsertRevision(connection, save.id, *save.revision, refs.section_id);
}

Result<void> WriteStatus(Connection& connection, std::int64_t id, const StatusChange& change,
                         std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(std::string_view to, StatusWord(change.to));
  Params params;
  params.Add(to).Add(change.to == ArticleStatus::kScheduled ? change.publish_at : 0);
  // NULL keeps the stored value (coalesce).
  if (change.published_at)
    params.Add(*change.published_at);
  else
    params.Null();
  if (change.unpublish_at)
    params.Add(*change.unpublish_at);
  else
    params.Null();
  params.Add(now).Add(id);
  return connection.Run(
      "UPDATE articles SET status = $1, publish_at = $2, "
      "published_at = coalesce($3::BIGINT, published_at), "
      "unpublish_at = coalesce($4::BIGINT, unpublish_at), "
      "version = version + 1, updated_at = GREATEST(updated_at, $5) WHERE id = $6",
      params);
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
  if (save.featured_at) {
    WARTA_RETURN_IF_ERROR(
        connection.Run("UPDATE articles SET featured_at = $1, version = version + 1 WHERE id = $2",
                       Params().Add(*save.featured_at).Add(save.id)));
  }
  if (save.status) {
    WARTA_RETURN_IF_ERROR(WriteStatus(connection, save.id, *save.status, save.now));
    result.status = save.status->to;
  }
  if (save.correction) {
    WARTA_RETURN_IF_ERROR(connection.Run(
        "INSERT INTO corrections (article_id, revision_before, revision_after, note, "
        "created_at, user_id) VALUES ($1, $2, $3, $4, $5, $6)",
        Params()
            .Add(save.id)
            .Add(*save.expected_revision)
            .Add(save.revision->number)
            .Add(save.correction->note)
            .Add(save.correction->created_at)
            .Add(save.correction->user_id)));
  }
  if (save.content || save.status) WARTA_RETURN_IF_ERROR(ReindexArticle(connection, save.id));
  for (const model::AuditEntry& entry : save.audit) {
    WARTA_RETURN_IF_ERROR(AppendAudit(connection, entry, save.id));
  }
  return result;
}

Result<std::int64_t> InsertArticle(Connection& connection, const NewEditorialArticle& a,
                                   std::string_view status, const Refs& refs) {
  const model::ArticleContent& c = a.content;
  // The public date: given when published; a scheduled one's is its time; a draft has none.
  const std::int64_t published_at = a.status == ArticleStatus::kPublished   ? a.published_at
                                    : a.status == ArticleStatus::kScheduled ? a.publish_at
                                                                            : 0;
  Params params;
  params.Add(c.title).Add(c.source).Add(c.url).Add(published_at).Add(a.created_at);
  params.Add(a.created_at).Add(c.lang).Add(c.body_html).Add(c.slug).Add(status).Add(c.dek);
  params.Add(c.body_format == model::BodyFormat::kMarkdown ? c.body_markdown : "");
  params.AddIdOrNull(refs.section_id).Add(c.lead_media_id).Add(a.featured_at);
  params.Add(a.status == ArticleStatus::kScheduled ? a.publish_at : 0);
  params.Add(a.unpublish_at).Add(a.created_by);
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query(
          "INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, "
          "body_html, slug, version, status, revision, dek, body_markdown, section_id, "
          "lead_media_id, featured_at, publish_at, unpublish_at, created_by) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, 1, $11, $12, $13, $14, $15, $16, "
          "$17, $18) RETURNING id",
          params));
  return rows.Int64(0, 0);
}

}  // namespace

Result<std::int64_t> PgEditorialStore::Create(const NewEditorialArticle& article) {
  WARTA_RETURN_IF_ERROR(sqlite::CheckContent(article.content));
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
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_RETURN_IF_ERROR(CheckLeadMedia(connection, article.content.lead_media_id));
        WARTA_ASSIGN_OR_RETURN(Refs refs,
                               ResolveRefs(connection, article.content, article.created_at));
        WARTA_ASSIGN_OR_RETURN(std::int64_t id, InsertArticle(connection, article, status, refs));
        WARTA_RETURN_IF_ERROR(InsertTags(connection, id, article.content.tags));
        WARTA_RETURN_IF_ERROR(ReplaceBylines(connection, id, refs.author_ids));
        WARTA_RETURN_IF_ERROR(InsertRevision(connection, id, article.first, refs.section_id));
        WARTA_RETURN_IF_ERROR(ReindexArticle(connection, id));
        for (const model::AuditEntry& entry : article.audit) {
          WARTA_RETURN_IF_ERROR(AppendAudit(connection, entry, id));
        }
        return id;
      });
}

Result<SaveResult> PgEditorialStore::Save(const ArticleSave& save) {
  WARTA_RETURN_IF_ERROR(CheckSave(save));
  // A conflict returns early: nothing was written, and committing is the same as rolling back.
  return InWriteTransaction<SaveResult>(
      pool_, [&](Connection& connection) { return SaveIn(connection, save); });
}

}  // namespace warta::storage::postgres
