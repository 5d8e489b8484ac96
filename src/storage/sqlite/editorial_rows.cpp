#include "storage/sqlite/editorial_rows.h"

#include <cstdio>

#include "core/limits.h"
#include "core/utf8.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxShortText = 1000;  // dek, lang, names, slugs: far above the rules

Result<void> CheckText(const char* field, const std::string& value, std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    return Error::TooLarge(std::string("storage: article ") + field + " is longer than " +
                           std::to_string(max_bytes) + " bytes");
  }
  if (!utf8::IsValid(value) || value.find('\0') != std::string::npos) {
    return Error::InvalidArgument(std::string("storage: article ") + field +
                                  " is not valid UTF-8 text");
  }
  return Ok();
}

void AppendJsonString(std::string& out, const std::string& value) {
  out += '"';
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

// The id of the row with `slug` in `table` ("sections" or "authors"), created by `insert`
// (bound ?1 slug, ?2 name, ?3 now) when absent.
Result<std::int64_t> Resolve(Connection& connection, const char* insert, const char* select,
                             const model::NamedRef& ref, std::int64_t now) {
  if (ref.slug.empty() || ref.name.empty()) {
    return Error::InvalidArgument("storage: a section or author needs a slug and a name");
  }
  WARTA_RETURN_IF_ERROR(CheckText("slug", ref.slug, kMaxShortText));
  WARTA_RETURN_IF_ERROR(CheckText("name", ref.name, kMaxShortText));
  WARTA_ASSIGN_OR_RETURN(auto add, connection.Prepare(insert));
  add.Bind(1, ref.slug).Bind(2, ref.name).Bind(3, now);
  WARTA_RETURN_IF_ERROR(add.Run());
  WARTA_ASSIGN_OR_RETURN(auto id,
                         QueryFirst(
                             connection, select, [&](Statement& stmt) { stmt.Bind(1, ref.slug); },
                             [](const Statement& stmt) { return stmt.Int64(0); }));
  if (!id) return Error::Internal("storage: '" + ref.slug + "' was not created");
  return *id;
}

}  // namespace

Result<void> CheckContent(const model::ArticleContent& c) {
  if (c.title.empty()) return Error::InvalidArgument("storage: an article needs a title");
  WARTA_RETURN_IF_ERROR(CheckText("title", c.title, limits::kMaxTitleBytes));
  WARTA_RETURN_IF_ERROR(CheckText("dek", c.dek, kMaxShortText));
  WARTA_RETURN_IF_ERROR(CheckText("lang", c.lang, kMaxShortText));
  WARTA_RETURN_IF_ERROR(CheckText("source", c.source, limits::kMaxSourceBytes));
  WARTA_RETURN_IF_ERROR(CheckText("url", c.url, limits::kMaxUrlBytes));
  WARTA_RETURN_IF_ERROR(CheckText("slug", c.slug, kMaxShortText));
  WARTA_RETURN_IF_ERROR(CheckText("body_markdown", c.body_markdown, limits::kMaxBodyBytes));
  WARTA_RETURN_IF_ERROR(CheckText("body_html", c.body_html, limits::kMaxBodyBytes));
  if (c.tags.size() > limits::kMaxTags) {
    return Error::TooLarge("storage: an article has at most " + std::to_string(limits::kMaxTags) +
                           " tags");
  }
  for (const std::string& tag : c.tags) {
    if (tag.empty()) return Error::InvalidArgument("storage: empty tag");
    WARTA_RETURN_IF_ERROR(CheckText("tag", tag, limits::kMaxTagBytes));
  }
  if (c.authors.size() > limits::kMaxTags) {
    return Error::TooLarge("storage: too many bylines");
  }
  if (c.lead_media_id < 0) return Error::InvalidArgument("storage: negative media id");
  return Ok();
}

std::string JsonStrings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, values[i]);
  }
  return out + "]";
}

std::string JsonRefs(const std::vector<model::NamedRef>& refs) {
  std::string out = "[";
  for (std::size_t i = 0; i < refs.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"slug\":";
    AppendJsonString(out, refs[i].slug);
    out += ",\"name\":";
    AppendJsonString(out, refs[i].name);
    out += '}';
  }
  return out + "]";
}

Result<std::vector<std::string>> ParseJsonStrings(Connection& connection, const std::string& json) {
  auto values = QueryAll(
      connection, "SELECT value FROM json_each(?) ORDER BY key",
      [&](Statement& stmt) { stmt.Bind(1, json); },
      [](const Statement& stmt) { return stmt.Text(0); });
  if (!values.ok()) return Error::Corrupt("storage: a revision's list is not JSON: " + json);
  return values;
}

Result<std::vector<model::NamedRef>> ParseJsonRefs(Connection& connection,
                                                   const std::string& json) {
  auto refs = QueryAll(
      connection,
      "SELECT json_extract(value, '$.slug'), json_extract(value, '$.name') FROM json_each(?) "
      "ORDER BY key",
      [&](Statement& stmt) { stmt.Bind(1, json); },
      [](const Statement& stmt) {
        return model::NamedRef{stmt.Text(0), stmt.Text(1)};
      });
  if (!refs.ok()) return Error::Corrupt("storage: a revision's bylines are not JSON: " + json);
  return refs;
}

Result<std::int64_t> ResolveSection(Connection& connection, const model::NamedRef& ref,
                                    std::int64_t now) {
  return Resolve(connection,
                 "INSERT INTO sections (slug, name, position, created_at) VALUES (?1, ?2, "
                 "(SELECT coalesce(max(position), 0) + 1 FROM sections), ?3) "
                 "ON CONFLICT (slug) DO NOTHING",
                 "SELECT id FROM sections WHERE slug = ?", ref, now);
}

Result<std::int64_t> ResolveAuthor(Connection& connection, const model::NamedRef& ref,
                                   std::int64_t now) {
  return Resolve(connection,
                 "INSERT INTO authors (slug, name, created_at) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (slug) DO NOTHING",
                 "SELECT id FROM authors WHERE slug = ?", ref, now);
}

Result<void> ReplaceBylines(Connection& connection, std::int64_t article_id,
                            const std::vector<std::int64_t>& author_ids) {
  WARTA_ASSIGN_OR_RETURN(auto clear,
                         connection.Prepare("DELETE FROM article_authors WHERE article_id = ?"));
  clear.Bind(1, article_id);
  WARTA_RETURN_IF_ERROR(clear.Run());
  WARTA_ASSIGN_OR_RETURN(
      auto add, connection.Prepare("INSERT INTO article_authors (article_id, author_id, position) "
                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
  for (std::size_t i = 0; i < author_ids.size(); ++i) {
    add.Reset();
    add.Bind(1, article_id).Bind(2, author_ids[i]).Bind(3, static_cast<std::int64_t>(i));
    WARTA_RETURN_IF_ERROR(add.Run());
  }
  return Ok();
}

Result<void> ReplaceTags(Connection& connection, std::int64_t article_id,
                         const std::vector<std::string>& tags) {
  WARTA_ASSIGN_OR_RETURN(auto stored, ReadTags(connection, article_id));
  if (stored == tags) return Ok();
  WARTA_ASSIGN_OR_RETURN(auto clear,
                         connection.Prepare("DELETE FROM article_tags WHERE article_id = ?"));
  clear.Bind(1, article_id);
  WARTA_RETURN_IF_ERROR(clear.Run());
  return InsertTags(connection, article_id, tags);
}

Result<void> CheckLeadMedia(Connection& connection, std::int64_t media_id) {
  if (media_id == 0) return Ok();
  const Error unknown = Error::InvalidArgument(
      "storage: no media with id " + std::to_string(media_id), std::string(kUnknownMediaKey));
  // The media table comes with its own migration; before it, no id is known.
  WARTA_ASSIGN_OR_RETURN(
      auto table,
      QueryFirst(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'media'",
                 NoParams, RowFound));
  if (!table) return unknown;
  WARTA_ASSIGN_OR_RETURN(auto found,
                         QueryFirst(
                             connection, "SELECT 1 FROM media WHERE id = ?",
                             [&](Statement& stmt) { stmt.Bind(1, media_id); }, RowFound));
  if (!found) return unknown;
  return Ok();
}

Result<void> InsertRevision(Connection& connection, std::int64_t article_id,
                            const NewRevision& revision, std::int64_t section_id) {
  WARTA_ASSIGN_OR_RETURN(std::string_view kind,
                         WordToStore(revision.kind, model::ParseRevisionKind, "revision kind"));
  WARTA_ASSIGN_OR_RETURN(
      std::string_view format,
      WordToStore(revision.content.body_format, model::ParseBodyFormat, "body format"));
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "INSERT INTO article_revisions (article_id, number, created_at, user_id, kind, title, "
          "dek, lang, source, section_id, tags_json, authors_json, lead_media_id, body_format, "
          "body, body_bytes, keyframe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?)"));
  const model::ArticleContent& c = revision.content;
  stmt.Bind(1, article_id).Bind(2, revision.number).Bind(3, revision.created_at);
  stmt.Bind(4, revision.user_id).Bind(5, kind).Bind(6, c.title).Bind(7, c.dek).Bind(8, c.lang);
  stmt.Bind(9, c.source).Bind(10, section_id).Bind(11, JsonStrings(c.tags));
  stmt.Bind(12, JsonRefs(c.authors)).Bind(13, c.lead_media_id).Bind(14, format);
  stmt.BindBlob(15, revision.body.bytes).Bind(16, revision.body.plain_bytes);
  stmt.Bind(17, std::int64_t{revision.body.keyframe ? 1 : 0});
  auto inserted = stmt.Run();
  if (!inserted.ok()) {
    return ExplainConflict(inserted.error(), "storage: revision " +
                                                 std::to_string(revision.number) + " of article " +
                                                 std::to_string(article_id) + " exists already");
  }
  return Ok();
}

}  // namespace warta::storage::sqlite
