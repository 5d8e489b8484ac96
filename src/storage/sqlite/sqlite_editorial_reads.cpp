// The editorial store's reads: one article for the editor, the admin's list, revisions,
// corrections, wire provenance, and the newsroom's public lists (storage/editorial_store.h).
#include <string>
#include <utility>

#include "core/utf8.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/editorial_rows.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/sqlite_trending.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxAdminLimit = 200;
constexpr int kMaxRevisionLimit = 1000;
constexpr std::size_t kMaxTitleQueryBytes = 200;

constexpr std::string_view kEditorialColumns =
    "a.id, a.status, a.revision, a.version, a.title, a.dek, a.lang, a.source, a.url, "
    "a.body_markdown, a.body_html, a.slug, coalesce(a.section_id, 0), coalesce(s.slug, ''), "
    "coalesce(s.name, ''), a.lead_media_id, a.featured_at, a.publish_at, a.unpublish_at, "
    "a.published_at, a.created_at, a.updated_at, a.created_by, coalesce(a.source_id, 0), "
    "(SELECT count(*) FROM article_revisions r WHERE r.article_id = a.id), "
    "a.views, a.likes, a.comments, a.shares";

// The body format is not a column: Markdown when there is Markdown, or nothing at all (a
// draft not written yet); HTML when there is only HTML (wire items, imports).
model::BodyFormat FormatOf(const std::string& markdown, const std::string& html) {
  return !markdown.empty() || html.empty() ? model::BodyFormat::kMarkdown
                                           : model::BodyFormat::kHtml;
}

Result<model::EditorialArticle> ReadEditorial(const Statement& stmt) {
  model::EditorialArticle a;
  a.id = stmt.Int64(0);
  WARTA_ASSIGN_OR_RETURN(a.status,
                         StoredWord(stmt.Text(1), model::ParseArticleStatus, "article status"));
  a.revision = stmt.Int64(2);
  a.version = stmt.Int64(3);
  model::ArticleContent& c = a.content;
  c.title = stmt.Text(4);
  c.dek = stmt.Text(5);
  c.lang = stmt.Text(6);
  c.source = stmt.Text(7);
  c.url = stmt.Text(8);
  c.body_markdown = stmt.Text(9);
  c.body_html = stmt.Text(10);
  c.body_format = FormatOf(c.body_markdown, c.body_html);
  c.slug = stmt.Text(11);
  a.section_id = stmt.Int64(12);
  if (a.section_id != 0) c.section = model::NamedRef{stmt.Text(13), stmt.Text(14)};
  c.lead_media_id = stmt.Int64(15);
  a.featured_at = stmt.Int64(16);
  a.publish_at = stmt.Int64(17);
  a.unpublish_at = stmt.Int64(18);
  a.published_at = stmt.Int64(19);
  a.created_at = stmt.Int64(20);
  a.updated_at = stmt.Int64(21);
  a.created_by = stmt.Int64(22);
  a.source_id = stmt.Int64(23);
  a.revisions = stmt.Int64(24);
  a.counters = CountersAt(stmt, 25);
  return a;
}

Result<void> ReadBylines(Connection& connection, model::EditorialArticle& article) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryAll(
          connection,
          "SELECT au.id, au.slug, au.name FROM article_authors aa JOIN authors au "
          "ON au.id = aa.author_id WHERE aa.article_id = ? ORDER BY aa.position",
          [&](Statement& stmt) { stmt.Bind(1, article.id); },
          [](const Statement& stmt) {
            return std::make_pair(stmt.Int64(0), model::NamedRef{stmt.Text(1), stmt.Text(2)});
          }));
  for (auto& [id, ref] : rows) {
    article.author_ids.push_back(id);
    article.content.authors.push_back(std::move(ref));
  }
  return Ok();
}

// The words of a title query: those of 3 or more characters go to the trigram index (it
// matches nothing shorter), the others to LIKE.
struct TitleWords {
  std::string match;               // FTS5 query: "w1" AND "w2"
  std::vector<std::string> likes;  // LIKE patterns: %w%
};

TitleWords SplitTitleQuery(const std::string& query) {
  TitleWords words;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && query[i] == ' ') ++i;
    std::size_t end = query.find(' ', i);
    if (end == std::string::npos) end = query.size();
    const std::string word = query.substr(i, end - i);
    i = end;
    if (word.empty()) continue;
    std::size_t characters = 0;
    for (char c : word) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (characters >= 3) {
      if (!words.match.empty()) words.match += " AND ";
      words.match += '"';
      for (char c : word) {
        if (c == '"') words.match += '"';
        words.match += c;
      }
      words.match += '"';
    } else {
      std::string pattern = "%";
      for (char c : word) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      words.likes.push_back(pattern + "%");
    }
  }
  return words;
}

Result<AdminListRow> ReadAdminRow(const Statement& stmt) {
  AdminListRow r;
  r.id = stmt.Int64(0);
  r.title = stmt.Text(1);
  r.slug = stmt.Text(2);
  WARTA_ASSIGN_OR_RETURN(r.status,
                         StoredWord(stmt.Text(3), model::ParseArticleStatus, "article status"));
  r.revision = stmt.Int64(4);
  r.updated_at = stmt.Int64(5);
  r.published_at = stmt.Int64(6);
  r.publish_at = stmt.Int64(7);
  r.featured_at = stmt.Int64(8);
  r.created_by = stmt.Int64(9);
  r.section_name = stmt.Text(10);
  r.source = stmt.Text(11);
  return r;
}

constexpr std::string_view kRevisionMetaColumns =
    "r.article_id, r.number, r.created_at, r.user_id, coalesce(u.name, ''), r.kind, r.title, "
    "r.body_bytes, length(r.body), r.keyframe";

Result<model::RevisionMeta> ReadRevisionMeta(const Statement& stmt) {
  model::RevisionMeta m;
  m.article_id = stmt.Int64(0);
  m.number = stmt.Int64(1);
  m.created_at = stmt.Int64(2);
  m.user_id = stmt.Int64(3);
  m.user_name = stmt.Text(4);
  WARTA_ASSIGN_OR_RETURN(m.kind,
                         StoredWord(stmt.Text(5), model::ParseRevisionKind, "revision kind"));
  m.title = stmt.Text(6);
  m.plain_bytes = stmt.Int64(7);
  m.stored_bytes = stmt.Int64(8);
  m.keyframe = stmt.Int64(9) != 0;
  return m;
}

// A stored revision with its JSON lists still as text (parsed with the connection after).
struct RawRevision {
  model::StoredRevision revision;
  std::string tags_json;
  std::string authors_json;
};

Result<RawRevision> ReadRawRevision(const Statement& stmt) {
  RawRevision raw;
  WARTA_ASSIGN_OR_RETURN(raw.revision.meta, ReadRevisionMeta(stmt));
  model::ArticleContent& c = raw.revision.content;
  c.title = raw.revision.meta.title;
  c.dek = stmt.Text(10);
  c.lang = stmt.Text(11);
  c.source = stmt.Text(12);
  if (stmt.Int64(13) != 0 && !stmt.IsNull(14))
    c.section = model::NamedRef{stmt.Text(14), stmt.Text(15)};
  raw.tags_json = stmt.Text(16);
  raw.authors_json = stmt.Text(17);
  c.lead_media_id = stmt.Int64(18);
  WARTA_ASSIGN_OR_RETURN(c.body_format,
                         StoredWord(stmt.Text(19), model::ParseBodyFormat, "body format"));
  raw.revision.body.bytes = stmt.Blob(20);
  raw.revision.body.plain_bytes = raw.revision.meta.plain_bytes;
  raw.revision.body.keyframe = raw.revision.meta.keyframe;
  return raw;
}

constexpr std::string_view kCorrectionSelect =
    "SELECT c.id, c.article_id, c.revision_before, c.revision_after, c.note, c.created_at, "
    "c.user_id, a.title, a.slug FROM corrections c JOIN articles a ON a.id = c.article_id ";

model::Correction ReadCorrection(const Statement& stmt) {
  model::Correction c;
  c.id = stmt.Int64(0);
  c.article_id = stmt.Int64(1);
  c.revision_before = stmt.Int64(2);
  c.revision_after = stmt.Int64(3);
  c.note = stmt.Text(4);
  c.created_at = stmt.Int64(5);
  c.user_id = stmt.Int64(6);
  c.article_title = stmt.Text(7);
  c.article_slug = stmt.Text(8);
  return c;
}

}  // namespace

Result<model::EditorialArticle> SqliteEditorialStore::Find(std::int64_t id) {
  return InReadTransaction<model::EditorialArticle>(
      pool_, [&](Connection& connection) -> Result<model::EditorialArticle> {
        static const std::string sql = "SELECT " + std::string(kEditorialColumns) +
                                       " FROM articles a LEFT JOIN sections s ON "
                                       "s.id = a.section_id WHERE a.id = ?";
        WARTA_ASSIGN_OR_RETURN(
            auto found,
            QueryFirst(
                connection, sql, [&](Statement& stmt) { stmt.Bind(1, id); }, ReadEditorial));
        if (!found) return NoSuchId("article", id);
        WARTA_ASSIGN_OR_RETURN(found->content.tags, ReadTags(connection, id));
        WARTA_RETURN_IF_ERROR(ReadBylines(connection, *found));
        return std::move(*found);
      });
}

Result<AdminListPage> SqliteEditorialStore::List(const AdminListQuery& query) {
  if (query.limit < 1 || query.limit > kMaxAdminLimit) {
    return Error::InvalidArgument("storage: admin list limit out of range");
  }
  if (query.title.size() > kMaxTitleQueryBytes || !utf8::IsValid(query.title)) {
    return Error::InvalidArgument("storage: title query too long or not UTF-8");
  }
  std::optional<std::string_view> status;
  if (query.status) {
    WARTA_ASSIGN_OR_RETURN(status,
                           WordToStore(*query.status, model::ParseArticleStatus, "article status"));
  }
  const TitleWords words = SplitTitleQuery(query.title);
  // A title search is ordered by the article's id (newest first), so the trigram index hands
  // its matches over in that order and the first page stops after limit + 1 of them: at a
  // million articles a common word matches ~100,000 titles, and sorting those by updated_at
  // took seconds (bench/admin.sh). The cursor's id is the place; its updated_at is ignored.
  const bool fts = !words.match.empty();
  const bool by_id = fts || !words.likes.empty();
  std::string sql =
      "SELECT a.id, a.title, a.slug, a.status, a.revision, a.updated_at, a.published_at, "
      "a.publish_at, a.featured_at, a.created_by, coalesce(s.name, ''), a.source ";
  sql += fts ? "FROM article_titles t JOIN articles a ON a.id = t.rowid LEFT JOIN sections s "
               "ON s.id = a.section_id WHERE article_titles MATCH ?"
             : "FROM articles a LEFT JOIN sections s ON s.id = a.section_id WHERE 1";
  if (status) {
    sql += " AND a.status = ?";
    // The term that makes articles_admin_status_idx (partial) usable; see migration 9.
    if (*query.status != model::ArticleStatus::kPublished) sql += " AND a.status <> 'published'";
  }
  if (query.section_id != 0) sql += " AND a.section_id = ?";
  if (query.created_by != 0) sql += " AND a.created_by = ?";
  if (query.author_id != 0) {
    sql += " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = ?)";
  }
  for (std::size_t i = 0; i < words.likes.size(); ++i) sql += " AND a.title LIKE ? ESCAPE '\\'";
  if (query.after) {
    // On the trigram index's own rowid, so the index starts there rather than skipping to it.
    sql += fts     ? " AND t.rowid < ?"
           : by_id ? " AND a.id < ?"
                   : " AND (a.updated_at < ? OR (a.updated_at = ? AND a.id < ?))";
  }
  sql += fts     ? " ORDER BY t.rowid DESC LIMIT ?"
         : by_id ? " ORDER BY a.id DESC LIMIT ?"
                 : " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?";
  auto bind = [&](Statement& stmt) {
    int i = 1;
    if (fts) stmt.Bind(i++, words.match);
    if (status) stmt.Bind(i++, *status);
    if (query.section_id != 0) stmt.Bind(i++, query.section_id);
    if (query.created_by != 0) stmt.Bind(i++, query.created_by);
    if (query.author_id != 0) stmt.Bind(i++, query.author_id);
    for (const std::string& like : words.likes) stmt.Bind(i++, like);
    if (query.after && by_id) stmt.Bind(i++, query.after->id);
    if (query.after && !by_id) {
      stmt.Bind(i++, query.after->updated_at);
      stmt.Bind(i++, query.after->updated_at);
      stmt.Bind(i++, query.after->id);
    }
    stmt.Bind(i, std::int64_t{query.limit} + 1);
  };
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryAll(pool_, sql, bind, ReadAdminRow));
  AdminListPage page;
  if (rows.size() > static_cast<std::size_t>(query.limit)) {
    rows.resize(static_cast<std::size_t>(query.limit));
    page.next = AdminCursor{rows.back().updated_at, rows.back().id};
  }
  page.rows = std::move(rows);
  return page;
}

Result<std::vector<model::RevisionMeta>> SqliteEditorialStore::ListRevisions(
    std::int64_t article_id, std::int64_t before, int limit) {
  if (limit < 1 || limit > kMaxRevisionLimit || before < 0) {
    return Error::InvalidArgument("storage: revision list bounds out of range");
  }
  static const std::string sql = "SELECT " + std::string(kRevisionMetaColumns) +
                                 " FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id"
                                 " WHERE r.article_id = ?1 AND (?2 = 0 OR r.number < ?2)"
                                 " ORDER BY r.number DESC LIMIT ?3";
  return QueryAll(
      pool_, sql,
      [&](Statement& stmt) {
        stmt.Bind(1, article_id).Bind(2, before).Bind(3, std::int64_t{limit});
      },
      ReadRevisionMeta);
}

Result<std::vector<model::StoredRevision>> SqliteEditorialStore::RevisionChain(
    std::int64_t article_id, std::int64_t number) {
  return InReadTransaction<std::vector<model::StoredRevision>>(
      pool_, [&](Connection& connection) -> Result<std::vector<model::StoredRevision>> {
        WARTA_ASSIGN_OR_RETURN(
            auto keyframe,
            QueryFirst(
                connection,
                "SELECT max(number) FROM article_revisions WHERE article_id = ?1 AND "
                "number <= ?2 AND keyframe = 1 AND EXISTS (SELECT 1 FROM article_revisions "
                "WHERE article_id = ?1 AND number = ?2)",
                [&](Statement& stmt) { stmt.Bind(1, article_id).Bind(2, number); },
                [](const Statement& stmt) {
                  return stmt.IsNull(0) ? std::int64_t{0} : stmt.Int64(0);
                }));
        if (!keyframe || *keyframe == 0) {
          return Error::NotFound("storage: article " + std::to_string(article_id) +
                                 " has no revision " + std::to_string(number));
        }
        static const std::string sql =
            "SELECT " + std::string(kRevisionMetaColumns) +
            ", r.dek, r.lang, r.source, r.section_id, s.slug, s.name, r.tags_json, "
            "r.authors_json, r.lead_media_id, r.body_format, r.body FROM article_revisions r "
            "LEFT JOIN users u ON u.id = r.user_id LEFT JOIN sections s ON s.id = r.section_id "
            "WHERE r.article_id = ? AND r.number BETWEEN ? AND ? ORDER BY r.number";
        WARTA_ASSIGN_OR_RETURN(auto raws, QueryAll(
                                              connection, sql,
                                              [&](Statement& stmt) {
                                                stmt.Bind(1, article_id).Bind(2, *keyframe);
                                                stmt.Bind(3, number);
                                              },
                                              ReadRawRevision));
        std::vector<model::StoredRevision> chain;
        chain.reserve(raws.size());
        for (RawRevision& raw : raws) {
          WARTA_ASSIGN_OR_RETURN(raw.revision.content.tags,
                                 ParseJsonStrings(connection, raw.tags_json));
          WARTA_ASSIGN_OR_RETURN(raw.revision.content.authors,
                                 ParseJsonRefs(connection, raw.authors_json));
          chain.push_back(std::move(raw.revision));
        }
        return chain;
      });
}

Result<std::vector<model::Correction>> SqliteEditorialStore::Corrections(std::int64_t article_id) {
  static const std::string sql =
      std::string(kCorrectionSelect) + "WHERE c.article_id = ? ORDER BY c.id DESC";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, article_id); }, ReadCorrection);
}

Result<std::vector<model::Correction>> SqliteEditorialStore::RecentCorrections(
    std::int64_t before_id, int limit) {
  if (limit < 1 || limit > kMaxAdminLimit || before_id < 0) {
    return Error::InvalidArgument("storage: correction list bounds out of range");
  }
  static const std::string sql = std::string(kCorrectionSelect) +
                                 "WHERE a.status = 'published' AND (?1 = 0 OR c.id < ?1) "
                                 "ORDER BY c.id DESC LIMIT ?2";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, before_id).Bind(2, std::int64_t{limit}); },
      ReadCorrection);
}

Result<std::optional<model::ArticleWire>> SqliteEditorialStore::Wire(std::int64_t article_id) {
  return QueryFirst(
      pool_,
      "SELECT article_id, coalesce(source_id, 0), guid, original_title, original_body_html, "
      "original_hash, update_title, update_body_html, update_hash, updated_at FROM article_wire "
      "WHERE article_id = ?",
      [&](Statement& stmt) { stmt.Bind(1, article_id); },
      [](const Statement& stmt) {
        return model::ArticleWire{stmt.Int64(0), stmt.Int64(1), stmt.Text(2), stmt.Text(3),
                                  stmt.Text(4),  stmt.Text(5),  stmt.Text(6), stmt.Text(7),
                                  stmt.Text(8),  stmt.Int64(9)};
      });
}

Result<std::vector<model::ArticleSummary>> SqliteEditorialStore::ListFeatured(int limit) {
  if (limit < 1 || limit > 100) return Error::InvalidArgument("storage: featured limit");
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                 " FROM articles WHERE status = 'published' AND featured_at > 0"
                                 " ORDER BY featured_at DESC, id DESC LIMIT ?";
  return QueryAll(
      pool_, sql,
      [&](Statement& stmt) { stmt.Bind(1, kExcerptSourceChars).Bind(2, std::int64_t{limit}); },
      ReadSummaryRow);
}

}  // namespace warta::storage::sqlite
