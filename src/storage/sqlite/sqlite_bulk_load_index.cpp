#include "storage/sqlite/sqlite_bulk_load_index.h"

#include <string_view>

namespace warta::storage::sqlite {
namespace {

constexpr const char* kSearchTrigger = "search_articles_insert";
constexpr const char* kTitlesTrigger = "article_titles_insert";

// The triggers as the migrations create them (storage/migrations/sqlite_migrations.cpp), whose
// work EndBatch does for a whole batch. Compared ignoring whitespace.
constexpr std::string_view kSearchTriggerMirrored = R"sql(
CREATE TRIGGER search_articles_insert AFTER INSERT ON articles
WHEN new.status = 'published' BEGIN
  INSERT INTO search_index (rowid, title, body, source, tags) VALUES (
    new.id, warta_search_text(new.lang, new.title), warta_search_html(new.lang, new.body_html),
    warta_search_text(new.lang, new.source),
    warta_search_text(new.lang,
                      (SELECT group_concat(tag, ' ') FROM article_tags WHERE article_id = new.id)));
  INSERT OR IGNORE INTO search_languages (lang) VALUES (new.lang);
END)sql";
constexpr std::string_view kTitlesTriggerMirrored = R"sql(
CREATE TRIGGER article_titles_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_titles (rowid, title) VALUES (new.id, new.title);
END)sql";

// The same expressions over a range of rows. ORDER BY id: the order the triggers saw them.
constexpr const char* kIndexSearchSql =
    "INSERT INTO search_index (rowid, title, body, source, tags) "
    "SELECT id, warta_search_text(lang, title), warta_search_html(lang, body_html), "
    "warta_search_text(lang, source), "
    "warta_search_text(lang, (SELECT group_concat(tag, ' ') FROM article_tags "
    "WHERE article_id = articles.id)) "
    "FROM articles WHERE id BETWEEN ?1 AND ?2 AND status = 'published' ORDER BY id";
constexpr const char* kIndexLanguagesSql =
    "INSERT OR IGNORE INTO search_languages (lang) SELECT DISTINCT lang FROM articles "
    "WHERE id BETWEEN ?1 AND ?2 AND status = 'published'";
constexpr const char* kIndexTitlesSql =
    "INSERT INTO article_titles (rowid, title) "
    "SELECT id, title FROM articles WHERE id BETWEEN ?1 AND ?2 ORDER BY id";

std::string WithoutSpaces(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  }
  return out;
}

Result<std::string> TriggerSql(Connection& connection, const char* name) {
  WARTA_ASSIGN_OR_RETURN(
      auto find,
      connection.Prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?"));
  find.Bind(1, std::string_view(name));
  WARTA_ASSIGN_OR_RETURN(bool row, find.Step());
  return row ? find.Text(0) : std::string();
}

Result<void> RunRange(Connection& connection, const char* sql, std::int64_t first,
                      std::int64_t last) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
  stmt.Bind(1, first).Bind(2, last);
  return stmt.Run();
}

}  // namespace

Result<BulkSearchIndex> BulkSearchIndex::Load(Connection& connection) {
  BulkSearchIndex index;
  WARTA_ASSIGN_OR_RETURN(index.search_trigger_sql_, TriggerSql(connection, kSearchTrigger));
  WARTA_ASSIGN_OR_RETURN(index.titles_trigger_sql_, TriggerSql(connection, kTitlesTrigger));
  index.enabled_ =
      WithoutSpaces(index.search_trigger_sql_) == WithoutSpaces(kSearchTriggerMirrored) &&
      WithoutSpaces(index.titles_trigger_sql_) == WithoutSpaces(kTitlesTriggerMirrored);
  return index;
}

Result<void> BulkSearchIndex::BeginBatch(Connection& connection) {
  if (!enabled_) return Ok();
  return connection.Exec(std::string("DROP TRIGGER ") + kSearchTrigger + "; DROP TRIGGER " +
                         kTitlesTrigger + ";");
}

Result<void> BulkSearchIndex::EndBatch(Connection& connection, std::int64_t first_id,
                                       std::int64_t last_id) {
  if (!enabled_) return Ok();
  // Each statement inserts many rows in one statement savepoint: FTS5 keeps the batch's terms
  // in memory and writes them as a few large segments.
  WARTA_RETURN_IF_ERROR(RunRange(connection, kIndexSearchSql, first_id, last_id));
  WARTA_RETURN_IF_ERROR(RunRange(connection, kIndexLanguagesSql, first_id, last_id));
  WARTA_RETURN_IF_ERROR(RunRange(connection, kIndexTitlesSql, first_id, last_id));
  // The stored text, byte for byte: the schema reads as the migrations left it.
  WARTA_RETURN_IF_ERROR(connection.Exec(search_trigger_sql_));
  return connection.Exec(titles_trigger_sql_);
}

}  // namespace warta::storage::sqlite
