#include "storage/postgres/pg_article_rows.h"

#include <set>

#include "model/article_status.h"
#include "storage/excerpt.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxRelated = 20;  // a page lists a few sources, not a wire's whole syndicate

}  // namespace

Error NoSuchId(std::string_view what, std::int64_t id) {
  return Error::NotFound("storage: no " + std::string(what) + " with id " + std::to_string(id));
}

Result<model::Article> ReadArticleRow(const Rows& rows, int row) {
  model::Article a;
  a.id = rows.Int64(row, 0);
  a.title = rows.Text(row, 1);
  a.source = rows.Text(row, 2);
  a.url = rows.Text(row, 3);
  a.published_at = rows.Int64(row, 4);
  a.created_at = rows.Int64(row, 5);
  a.updated_at = rows.Int64(row, 6);
  a.lang = rows.Text(row, 7);
  a.body_html = rows.Text(row, 8);
  a.slug = rows.Text(row, 9);
  a.version = rows.Int64(row, 10);
  a.counters = CountersAt(rows, row, 11);
  a.source_id = rows.Int64(row, 15);  // NULL reads as 0
  a.story_id = rows.Int64(row, 16);
  a.canonical_is_original = rows.Bool(row, 17);  // NULL (no source) reads as false
  WARTA_ASSIGN_OR_RETURN(
      a.status, StoredWord(rows.Text(row, 18), model::ParseArticleStatus, "article status"));
  a.lead_media_id = rows.Int64(row, 19);
  return a;
}

model::ArticleSummary ReadSummaryRow(const Rows& rows, int row) {
  model::ArticleSummary s;
  s.id = rows.Int64(row, 0);
  s.title = rows.Text(row, 1);
  s.source = rows.Text(row, 2);
  s.published_at = rows.Int64(row, 3);
  s.lang = rows.Text(row, 4);
  s.slug = rows.Text(row, 5);
  s.excerpt = MakeExcerpt(rows.Text(row, 6));
  s.counters = CountersAt(rows, row, 7);
  s.lead_media_id = rows.Int64(row, 11);
  s.story_id = rows.Int64(row, 12);
  return s;
}

model::Counters CountersAt(const Rows& rows, int row, int first) {
  return model::Counters{rows.Int64(row, first), rows.Int64(row, first + 1),
                         rows.Int64(row, first + 2), rows.Int64(row, first + 3)};
}

Result<void> InsertTags(Connection& connection, std::int64_t id,
                        const std::vector<std::string>& tags) {
  if (tags.empty()) return Ok();
  // One statement for all tags: WITH ORDINALITY keeps their order as positions.
  return connection.Run(
      "INSERT INTO article_tags (article_id, tag, position) "
      "SELECT $1, t.tag, t.n - 1 FROM unnest($2::TEXT[]) WITH ORDINALITY AS t(tag, n) "
      "ON CONFLICT DO NOTHING",
      Params().Add(id).Add(TextArray(tags)));
}

Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query("SELECT tag FROM article_tags WHERE article_id = $1 ORDER BY position, tag",
                       Params().Add(article_id)));
  std::vector<std::string> tags;
  tags.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) tags.push_back(rows.Text(i, 0));
  return tags;
}

Result<std::vector<model::RelatedReport>> ReadAlsoReportedBy(Connection& connection,
                                                             std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query(
                     "SELECT o.id, o.title, o.source, o.url, o.slug, o.published_at "
                     "FROM articles a JOIN articles o ON o.story_id = a.story_id AND o.id <> a.id "
                     "WHERE a.id = $1 AND a.story_id IS NOT NULL AND o.source <> a.source "
                     "AND o.status = 'published' ORDER BY o.published_at, o.id LIMIT 200",
                     Params().Add(article_id)));
  std::vector<model::RelatedReport> related;
  std::set<std::string> sources;
  for (int i = 0; i < rows.size() && related.size() < static_cast<std::size_t>(kMaxRelated); ++i) {
    std::string source = rows.Text(i, 2);
    if (!sources.insert(source).second) continue;  // one report per source
    model::RelatedReport& r = related.emplace_back();
    r.article_id = rows.Int64(i, 0);
    r.title = rows.Text(i, 1);
    r.source = std::move(source);
    r.url = rows.Text(i, 3);
    r.slug = rows.Text(i, 4);
    r.published_at = rows.Int64(i, 5);
  }
  return related;
}

std::string TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::string IdArray(const std::vector<std::int64_t>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  out += '}';
  return out;
}

}  // namespace warta::storage::postgres
