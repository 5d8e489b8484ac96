// Rows the editorial store writes besides the article: sections and authors named by slug,
// bylines, tags and revision rows (pg_editorial.h).
#include "core/limits.h"
#include "core/utf8.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/sqlite/editorial_rows.h"  // JsonStrings, JsonRefs: the same text in both
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

constexpr std::size_t kMaxShortText = 1000;

Result<void> CheckName(const char* field, const std::string& value) {
  if (value.empty() || value.size() > kMaxShortText || !utf8::IsValid(value) ||
      value.find('\0') != std::string::npos) {
    return Error::InvalidArgument(std::string("storage: a section or author ") + field +
                                  " must be 1.." + std::to_string(kMaxShortText) +
                                  " bytes of UTF-8 text");
  }
  return Ok();
}

// Inserts (ON CONFLICT DO NOTHING) and then reads the id: under READ COMMITTED a row another
// transaction committed meanwhile is seen by the second statement.
Result<std::int64_t> Resolve(Connection& connection, std::string_view insert,
                             std::string_view select, const model::NamedRef& ref,
                             std::int64_t now) {
  WARTA_RETURN_IF_ERROR(CheckName("slug", ref.slug));
  WARTA_RETURN_IF_ERROR(CheckName("name", ref.name));
  WARTA_RETURN_IF_ERROR(connection.Run(insert, Params().Add(ref.slug).Add(ref.name).Add(now)));
  WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(select, Params().Add(ref.slug)));
  if (rows.empty()) return Error::Internal("storage: '" + ref.slug + "' was not created");
  return rows.Int64(0, 0);
}

}  // namespace

Result<std::int64_t> ResolveSection(Connection& connection, const model::NamedRef& ref,
                                    std::int64_t now) {
  return Resolve(connection,
                 "INSERT INTO sections (slug, name, position, created_at) VALUES ($1, $2, "
                 "(SELECT coalesce(max(position), 0) + 1 FROM sections), $3) "
                 "ON CONFLICT (slug) DO NOTHING",
                 "SELECT id FROM sections WHERE slug = $1", ref, now);
}

Result<std::int64_t> ResolveAuthor(Connection& connection, const model::NamedRef& ref,
                                   std::int64_t now) {
  return Resolve(connection,
                 "INSERT INTO authors (slug, name, created_at) VALUES ($1, $2, $3) "
                 "ON CONFLICT (slug) DO NOTHING",
                 "SELECT id FROM authors WHERE slug = $1", ref, now);
}

Result<void> ReplaceBylines(Connection& connection, std::int64_t article_id,
                            const std::vector<std::int64_t>& author_ids) {
  WARTA_RETURN_IF_ERROR(connection.Run("DELETE FROM article_authors WHERE article_id = $1",
                                       Params().Add(article_id)));
  if (author_ids.empty()) return Ok();
  return connection.Run(
      "INSERT INTO article_authors (article_id, author_id, position) "
      "SELECT $1, t.id, t.n - 1 FROM unnest($2::BIGINT[]) WITH ORDINALITY AS t(id, n) "
      "ON CONFLICT DO NOTHING",
      Params().Add(article_id).Add(IdArray(author_ids)));
}

Result<void> ReplaceTags(Connection& connection, std::int64_t article_id,
                         const std::vector<std::string>& tags) {
  WARTA_ASSIGN_OR_RETURN(auto stored, ReadTags(connection, article_id));
  if (stored == tags) return Ok();
  WARTA_RETURN_IF_ERROR(
      connection.Run("DELETE FROM article_tags WHERE article_id = $1", Params().Add(article_id)));
  return InsertTags(connection, article_id, tags);
}

Result<void> CheckLeadMedia(Connection& connection, std::int64_t media_id) {
  if (media_id == 0) return Ok();
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT 1 FROM media WHERE id = $1", Params().Add(media_id)));
  if (rows.empty()) {
    return Error::InvalidArgument("storage: no media with id " + std::to_string(media_id),
                                  std::string(kUnknownMediaKey));
  }
  return Ok();
}

Result<void> InsertRevision(Connection& connection, std::int64_t article_id,
                            const NewRevision& revision, std::int64_t section_id) {
  WARTA_ASSIGN_OR_RETURN(std::string_view kind,
                         WordToStore(revision.kind, model::ParseRevisionKind, "revision kind"));
  WARTA_ASSIGN_OR_RETURN(
      std::string_view format,
      WordToStore(revision.content.body_format, model::ParseBodyFormat, "body format"));
  const model::ArticleContent& c = revision.content;
  Params params;
  params.Add(article_id).Add(revision.number).Add(revision.created_at).Add(revision.user_id);
  params.Add(kind).Add(c.title).Add(c.dek).Add(c.lang).Add(c.source).Add(section_id);
  params.Add(sqlite::JsonStrings(c.tags)).Add(sqlite::JsonRefs(c.authors)).Add(c.lead_media_id);
  params.Add(format).Add(Connection::ByteaParam(revision.body.bytes));
  params.Add(revision.body.plain_bytes).Add(std::int64_t{revision.body.keyframe ? 1 : 0});
  auto inserted = connection.Run(
      "INSERT INTO article_revisions (article_id, number, created_at, user_id, kind, title, "
      "dek, lang, source, section_id, tags_json, authors_json, lead_media_id, body_format, "
      "body, body_bytes, keyframe) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
      "$13, $14, $15::BYTEA, $16, $17)",
      params);
  if (!inserted.ok() && inserted.error().is(ErrorCode::kAlreadyExists)) {
    return Error::AlreadyExists("storage: revision " + std::to_string(revision.number) +
                                " of article " + std::to_string(article_id) + " exists already");
  }
  return inserted;
}

}  // namespace warta::storage::postgres
