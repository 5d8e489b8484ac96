// The editorial store's reads on PostgreSQL: one article for the editor, the admin's list,
// revisions, corrections, wire provenance and the newsroom's public lists (pg_editorial.h).
#include <string>
#include <utility>

#include "core/utf8.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
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

// Markdown when there is Markdown or nothing at all; HTML when there is only HTML (as SQLite).
model::BodyFormat FormatOf(const std::string& markdown, const std::string& html) {
  return !markdown.empty() || html.empty() ? model::BodyFormat::kMarkdown
                                           : model::BodyFormat::kHtml;
}

Result<model::EditorialArticle> ReadEditorial(const Rows& r) {
  model::EditorialArticle a;
  a.id = r.Int64(0, 0);
  WARTA_ASSIGN_OR_RETURN(a.status,
                         StoredWord(r.Text(0, 1), model::ParseArticleStatus, "article status"));
  a.revision = r.Int64(0, 2);
  a.version = r.Int64(0, 3);
  model::ArticleContent& c = a.content;
  c.title = r.Text(0, 4);
  c.dek = r.Text(0, 5);
  c.lang = r.Text(0, 6);
  c.source = r.Text(0, 7);
  c.url = r.Text(0, 8);
  c.body_markdown = r.Text(0, 9);
  c.body_html = r.Text(0, 10);
  c.body_format = FormatOf(c.body_markdown, c.body_html);
  c.slug = r.Text(0, 11);
  a.section_id = r.Int64(0, 12);
  if (a.section_id != 0) c.section = model::NamedRef{r.Text(0, 13), r.Text(0, 14)};
  c.lead_media_id = r.Int64(0, 15);
  a.featured_at = r.Int64(0, 16);
  a.publish_at = r.Int64(0, 17);
  a.unpublish_at = r.Int64(0, 18);
  a.published_at = r.Int64(0, 19);
  a.created_at = r.Int64(0, 20);
  a.updated_at = r.Int64(0, 21);
  a.created_by = r.Int64(0, 22);
  a.source_id = r.Int64(0, 23);
  a.revisions = r.Int64(0, 24);
  a.counters = CountersAt(r, 0, 25);
  return a;
}

// ILIKE patterns, one per word of the title query: every word must occur in the title, in any
// case. pg_trgm's GIN index serves ILIKE for words of 3 or more characters; shorter ones
// (which no trigram index matches) filter the rows it found.
std::vector<std::string> TitlePatterns(const std::string& query) {
  std::vector<std::string> patterns;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && query[i] == ' ') ++i;
    std::size_t end = query.find(' ', i);
    if (end == std::string::npos) end = query.size();
    if (end > i) {
      std::string pattern = "%";
      for (char c : query.substr(i, end - i)) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      patterns.push_back(pattern + "%");
    }
    i = end;
  }
  return patterns;
}

constexpr std::string_view kRevisionMetaColumns =
    "r.article_id, r.number, r.created_at, r.user_id, coalesce(u.name, ''), r.kind, r.title, "
    "r.body_bytes, octet_length(r.body), r.keyframe";

Result<model::RevisionMeta> ReadRevisionMeta(const Rows& r, int i) {
  model::RevisionMeta m;
  m.article_id = r.Int64(i, 0);
  m.number = r.Int64(i, 1);
  m.created_at = r.Int64(i, 2);
  m.user_id = r.Int64(i, 3);
  m.user_name = r.Text(i, 4);
  WARTA_ASSIGN_OR_RETURN(m.kind,
                         StoredWord(r.Text(i, 5), model::ParseRevisionKind, "revision kind"));
  m.title = r.Text(i, 6);
  m.plain_bytes = r.Int64(i, 7);
  m.stored_bytes = r.Int64(i, 8);
  m.keyframe = r.Int64(i, 9) != 0;
  return m;
}

// The JSON lists of a revision row, parsed by the server (Corrupt for text that is not one).
Result<std::vector<std::string>> ParseStrings(Connection& c, const std::string& json) {
  auto rows = c.Query(
      "SELECT v FROM json_array_elements_text($1::JSON) WITH ORDINALITY AS t(v, n) ORDER BY n",
      Params().Add(json));
  if (!rows.ok()) return Error::Corrupt("storage: a revision's list is not JSON: " + json);
  std::vector<std::string> values;
  for (int i = 0; i < rows->size(); ++i) values.push_back(rows->Text(i, 0));
  return values;
}

Result<std::vector<model::NamedRef>> ParseRefs(Connection& c, const std::string& json) {
  auto rows = c.Query(
      "SELECT e->>'slug', e->>'name' FROM json_array_elements($1::JSON) WITH ORDINALITY "
      "AS t(e, n) ORDER BY n",
      Params().Add(json));
  if (!rows.ok()) return Error::Corrupt("storage: a revision's bylines are not JSON: " + json);
  std::vector<model::NamedRef> refs;
  for (int i = 0; i < rows->size(); ++i) refs.push_back({rows->Text(i, 0), rows->Text(i, 1)});
  return refs;
}

constexpr std::string_view kCorrectionSelect =
    "SELECT c.id, c.article_id, c.revision_before, c.revision_after, c.note, c.created_at, "
    "c.user_id, a.title, a.slug FROM corrections c JOIN articles a ON a.id = c.article_id ";

std::vector<model::Correction> ReadCorrections(const Rows& r) {
  std::vector<model::Correction> out;
  for (int i = 0; i < r.size(); ++i) {
    model::Correction c;
    c.id = r.Int64(i, 0);
    c.article_id = r.Int64(i, 1);
    c.revision_before = r.Int64(i, 2);
    c.revision_after = r.Int64(i, 3);
    c.note = r.Text(i, 4);
    c.created_at = r.Int64(i, 5);
    c.user_id = r.Int64(i, 6);
    c.article_title = r.Text(i, 7);
    c.article_slug = r.Text(i, 8);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<model::ArticleSummary> Summaries(const Rows& rows) {
  std::vector<model::ArticleSummary> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadSummaryRow(rows, i));
  return out;
}

}  // namespace

Result<model::EditorialArticle> PgEditorialStore::Find(std::int64_t id) {
  return InReadTransaction<model::EditorialArticle>(
      pool_, [&](Connection& connection) -> Result<model::EditorialArticle> {
        static const std::string sql = "SELECT " + std::string(kEditorialColumns) +
                                       " FROM articles a LEFT JOIN sections s ON "
                                       "s.id = a.section_id WHERE a.id = $1";
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, Params().Add(id)));
        if (rows.empty()) return NoSuchId("article", id);
        WARTA_ASSIGN_OR_RETURN(model::EditorialArticle article, ReadEditorial(rows));
        WARTA_ASSIGN_OR_RETURN(article.content.tags, ReadTags(connection, id));
        WARTA_ASSIGN_OR_RETURN(
            auto bylines,
            connection.Query("SELECT au.id, au.slug, au.name FROM article_authors aa JOIN "
                             "authors au ON au.id = aa.author_id WHERE aa.article_id = $1 "
                             "ORDER BY aa.position",
                             Params().Add(id)));
        for (int i = 0; i < bylines.size(); ++i) {
          article.author_ids.push_back(bylines.Int64(i, 0));
          article.content.authors.push_back({bylines.Text(i, 1), bylines.Text(i, 2)});
        }
        return article;
      });
}

Result<AdminListPage> PgEditorialStore::List(const AdminListQuery& query) {
  if (query.limit < 1 || query.limit > kMaxAdminLimit) {
    return Error::InvalidArgument("storage: admin list limit out of range");
  }
  if (query.title.size() > kMaxTitleQueryBytes || !utf8::IsValid(query.title) ||
      query.title.find('\0') != std::string::npos) {
    return Error::InvalidArgument("storage: title query too long or not UTF-8");
  }
  std::string sql =
      "SELECT a.id, a.title, a.slug, a.status, a.revision, a.updated_at, a.published_at, "
      "a.publish_at, a.featured_at, a.created_by, coalesce(s.name, ''), a.source "
      "FROM articles a LEFT JOIN sections s ON s.id = a.section_id WHERE true";
  Params params;
  auto next = [&params]() { return "$" + std::to_string(params.values().size()); };
  if (query.status) {
    WARTA_ASSIGN_OR_RETURN(std::string_view status,
                           WordToStore(*query.status, model::ParseArticleStatus, "article status"));
    params.Add(status);
    sql += " AND a.status = " + next();
    // The term that makes articles_admin_status_idx (partial) usable.
    if (*query.status != model::ArticleStatus::kPublished) sql += " AND a.status <> 'published'";
  }
  if (query.section_id != 0) {
    params.Add(query.section_id);
    sql += " AND a.section_id = " + next();
  }
  if (query.created_by != 0) {
    params.Add(query.created_by);
    sql += " AND a.created_by = " + next();
  }
  if (query.author_id != 0) {
    params.Add(query.author_id);
    sql += " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = " + next() + ")";
  }
  const std::vector<std::string> patterns = TitlePatterns(query.title);
  for (const std::string& pattern : patterns) {
    params.Add(pattern);
    sql += " AND a.title ILIKE " + next();
  }
  // A title search is ordered by id, newest first, as in SQLite (sqlite_editorial_reads.cpp
  // says why); the cursor's id is the place.
  const bool by_id = !patterns.empty();
  if (query.after && by_id) {
    params.Add(query.after->id);
    sql += " AND a.id < " + next();
  } else if (query.after) {
    params.Add(query.after->updated_at);
    const std::string at = next();
    params.Add(query.after->id);
    sql += " AND (a.updated_at, a.id) < (" + at + ", " + next() + ")";
  }
  params.Add(std::int64_t{query.limit} + 1);
  sql += by_id ? " ORDER BY a.id DESC LIMIT " + next()
               : " ORDER BY a.updated_at DESC, a.id DESC LIMIT " + next();
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, params));
  AdminListPage page;
  for (int i = 0; i < rows.size() && i < query.limit; ++i) {
    AdminListRow r;
    r.id = rows.Int64(i, 0);
    r.title = rows.Text(i, 1);
    r.slug = rows.Text(i, 2);
    WARTA_ASSIGN_OR_RETURN(
        r.status, StoredWord(rows.Text(i, 3), model::ParseArticleStatus, "article status"));
    r.revision = rows.Int64(i, 4);
    r.updated_at = rows.Int64(i, 5);
    r.published_at = rows.Int64(i, 6);
    r.publish_at = rows.Int64(i, 7);
    r.featured_at = rows.Int64(i, 8);
    r.created_by = rows.Int64(i, 9);
    r.section_name = rows.Text(i, 10);
    r.source = rows.Text(i, 11);
    page.rows.push_back(std::move(r));
  }
  if (rows.size() > query.limit) {
    page.next = AdminCursor{page.rows.back().updated_at, page.rows.back().id};
  }
  return page;
}

Result<std::vector<model::RevisionMeta>> PgEditorialStore::ListRevisions(std::int64_t article_id,
                                                                         std::int64_t before,
                                                                         int limit) {
  if (limit < 1 || limit > kMaxRevisionLimit || before < 0) {
    return Error::InvalidArgument("storage: revision list bounds out of range");
  }
  static const std::string sql = "SELECT " + std::string(kRevisionMetaColumns) +
                                 " FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id"
                                 " WHERE r.article_id = $1 AND ($2 = 0 OR r.number < $2)"
                                 " ORDER BY r.number DESC LIMIT $3";
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, sql, Params().Add(article_id).Add(before).Add(limit)));
  std::vector<model::RevisionMeta> out;
  for (int i = 0; i < rows.size(); ++i) {
    WARTA_ASSIGN_OR_RETURN(auto meta, ReadRevisionMeta(rows, i));
    out.push_back(std::move(meta));
  }
  return out;
}

Result<std::vector<model::StoredRevision>> PgEditorialStore::RevisionChain(std::int64_t article_id,
                                                                           std::int64_t number) {
  return InReadTransaction<std::vector<model::StoredRevision>>(
      pool_, [&](Connection& connection) -> Result<std::vector<model::StoredRevision>> {
        WARTA_ASSIGN_OR_RETURN(
            auto keyframe,
            connection.Query("SELECT max(number) FROM article_revisions WHERE article_id = $1 "
                             "AND number <= $2 AND keyframe = 1 AND EXISTS (SELECT 1 FROM "
                             "article_revisions WHERE article_id = $1 AND number = $2)",
                             Params().Add(article_id).Add(number)));
        if (keyframe.IsNull(0, 0)) {
          return Error::NotFound("storage: article " + std::to_string(article_id) +
                                 " has no revision " + std::to_string(number));
        }
        static const std::string sql =
            "SELECT " + std::string(kRevisionMetaColumns) +
            ", r.dek, r.lang, r.source, r.section_id, s.slug, s.name, r.tags_json, "
            "r.authors_json, r.lead_media_id, r.body_format, r.body FROM article_revisions r "
            "LEFT JOIN users u ON u.id = r.user_id LEFT JOIN sections s ON s.id = r.section_id "
            "WHERE r.article_id = $1 AND r.number BETWEEN $2 AND $3 ORDER BY r.number";
        WARTA_ASSIGN_OR_RETURN(
            auto rows,
            connection.Query(sql, Params().Add(article_id).Add(keyframe.Int64(0, 0)).Add(number)));
        std::vector<model::StoredRevision> chain;
        for (int i = 0; i < rows.size(); ++i) {
          model::StoredRevision revision;
          WARTA_ASSIGN_OR_RETURN(revision.meta, ReadRevisionMeta(rows, i));
          model::ArticleContent& c = revision.content;
          c.title = revision.meta.title;
          c.dek = rows.Text(i, 10);
          c.lang = rows.Text(i, 11);
          c.source = rows.Text(i, 12);
          if (rows.Int64(i, 13) != 0 && !rows.IsNull(i, 14)) {
            c.section = model::NamedRef{rows.Text(i, 14), rows.Text(i, 15)};
          }
          WARTA_ASSIGN_OR_RETURN(c.tags, ParseStrings(connection, rows.Text(i, 16)));
          WARTA_ASSIGN_OR_RETURN(c.authors, ParseRefs(connection, rows.Text(i, 17)));
          c.lead_media_id = rows.Int64(i, 18);
          WARTA_ASSIGN_OR_RETURN(
              c.body_format, StoredWord(rows.Text(i, 19), model::ParseBodyFormat, "body format"));
          revision.body.bytes = rows.Bytes(i, 20);
          revision.body.plain_bytes = revision.meta.plain_bytes;
          revision.body.keyframe = revision.meta.keyframe;
          chain.push_back(std::move(revision));
        }
        return chain;
      });
}

Result<std::vector<model::Correction>> PgEditorialStore::Corrections(std::int64_t article_id) {
  static const std::string sql =
      std::string(kCorrectionSelect) + "WHERE c.article_id = $1 ORDER BY c.id DESC";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(article_id)));
  return ReadCorrections(rows);
}

Result<std::vector<model::Correction>> PgEditorialStore::RecentCorrections(std::int64_t before_id,
                                                                           int limit) {
  if (limit < 1 || limit > kMaxAdminLimit || before_id < 0) {
    return Error::InvalidArgument("storage: correction list bounds out of range");
  }
  static const std::string sql = std::string(kCorrectionSelect) +
                                 "WHERE a.status = 'published' AND ($1 = 0 OR c.id < $1) "
                                 "ORDER BY c.id DESC LIMIT $2";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(before_id).Add(limit)));
  return ReadCorrections(rows);
}

Result<std::optional<model::ArticleWire>> PgEditorialStore::Wire(std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto r, QueryOnce(pool_,
                        "SELECT article_id, coalesce(source_id, 0), guid, original_title, "
                        "original_body_html, original_hash, update_title, update_body_html, "
                        "update_hash, updated_at FROM article_wire WHERE article_id = $1",
                        Params().Add(article_id)));
  if (r.empty()) return std::optional<model::ArticleWire>();
  return std::optional<model::ArticleWire>(
      model::ArticleWire{r.Int64(0, 0), r.Int64(0, 1), r.Text(0, 2), r.Text(0, 3), r.Text(0, 4),
                         r.Text(0, 5), r.Text(0, 6), r.Text(0, 7), r.Text(0, 8), r.Int64(0, 9)});
}

Result<std::vector<model::ArticleSummary>> PgEditorialStore::ListFeatured(int limit) {
  if (limit < 1 || limit > 100) return Error::InvalidArgument("storage: featured limit");
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                 " FROM articles WHERE status = 'published' AND featured_at > 0"
                                 " ORDER BY featured_at DESC, id DESC LIMIT $2";
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, sql, Params().Add(kExcerptSourceChars).Add(limit)));
  return Summaries(rows);
}

}  // namespace warta::storage::postgres
