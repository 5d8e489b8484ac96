#include <string>
#include <utility>

#include "core/clock.h"
#include "model/source.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxDueLimit = 100'000;
constexpr std::int64_t kWeekSeconds = std::int64_t{7} * 24 * 3600;

// The columns every read selects, in the order ReadSource expects; the last one is the
// number of articles in the week before the bound parameter ?1.
constexpr std::string_view kColumns =
    "s.id, s.url, s.name, s.site_url, s.lang, s.time_zone, s.category, s.refresh_minutes, "
    "s.full_text, s.enabled, s.etag, s.last_modified, s.created_at, s.last_fetch_at, "
    "s.last_success_at, s.next_fetch_at, s.last_status, s.last_error, s.consecutive_errors, "
    "s.items_total, s.canonical, s.review";

std::string SelectSql(std::string_view where_and_order, bool with_week) {
  std::string sql = "SELECT ";
  sql += kColumns;
  if (with_week) {
    sql += ", (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.created_at >= ?1) ";
  } else {
    sql += ", 0 ";
  }
  sql += "FROM sources s ";
  sql += where_and_order;
  return sql;
}

model::Source ReadSource(const Statement& stmt) {
  model::Source s;
  s.id = stmt.Int64(0);
  s.url = stmt.Text(1);
  s.name = stmt.Text(2);
  s.site_url = stmt.Text(3);
  s.lang = stmt.Text(4);
  s.time_zone = stmt.Text(5);
  s.category = stmt.Text(6);
  s.refresh_minutes = static_cast<int>(stmt.Int64(7));
  s.full_text = stmt.Int64(8) != 0;
  s.enabled = stmt.Int64(9) != 0;
  s.etag = stmt.Text(10);
  s.last_modified = stmt.Text(11);
  s.created_at = stmt.Int64(12);
  s.last_fetch_at = stmt.Int64(13);
  s.last_success_at = stmt.Int64(14);
  s.next_fetch_at = stmt.Int64(15);
  s.last_status = static_cast<int>(stmt.Int64(16));
  s.last_error = stmt.Text(17);
  s.consecutive_errors = static_cast<int>(stmt.Int64(18));
  s.items_total = stmt.Int64(19);
  s.canonical = model::ParseCanonicalPolicy(stmt.Text(20)).value_or(model::CanonicalPolicy::kSelf);
  s.review = stmt.Int64(21) != 0;
  s.items_last_week = stmt.Int64(22);
  return s;
}

// The source matching `where` (whose parameter ?2 `bind` binds), if any.
template <typename Bind>
Result<std::optional<model::Source>> FindOne(ConnectionPool& pool, std::string_view where,
                                             Bind bind) {
  return QueryFirst(
      pool, SelectSql(where, true),
      [&](Statement& stmt) {
        stmt.Bind(1, UnixNow() - kWeekSeconds);
        bind(stmt);
      },
      ReadSource);
}

// An error text can come from a hostile server (a status line, a parser message): keep it
// short and valid UTF-8 before it reaches the database and terminals.
std::string CleanError(const std::string& error) {
  constexpr std::size_t kMax = 500;
  std::string out;
  for (unsigned char c : error.substr(0, kMax)) {
    out += (c < 0x20 || c >= 0x7f) ? '?' : static_cast<char>(c);
  }
  return out;
}

void BindSettings(Statement& stmt, const model::NewSource& s) {
  stmt.Bind(2, s.name).Bind(3, s.site_url).Bind(4, s.lang).Bind(5, s.time_zone);
  stmt.Bind(6, s.category).Bind(7, std::int64_t{s.refresh_minutes});
  stmt.Bind(8, std::int64_t{s.full_text ? 1 : 0}).Bind(9, std::int64_t{s.enabled ? 1 : 0});
  stmt.Bind(10, model::CanonicalPolicyName(s.canonical));
  stmt.Bind(11, std::int64_t{s.review ? 1 : 0});
}

}  // namespace

Result<std::int64_t> SqliteSourceStore::Add(const model::NewSource& source) {
  WARTA_RETURN_IF_ERROR(model::ValidateNewSource(source));
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(
            auto stmt,
            connection.Prepare(
                "INSERT INTO sources (url, name, site_url, lang, time_zone, category, "
                "refresh_minutes, full_text, enabled, canonical, review, created_at, "
                "next_fetch_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id"));
        stmt.Bind(1, source.url);
        BindSettings(stmt, source);
        stmt.Bind(12, UnixNow());
        auto id = InsertReturningId(stmt, "source");
        if (!id.ok()) {
          return ExplainConflict(id.error(),
                                 "storage: a source with URL '" + source.url + "' already exists");
        }
        return id;
      });
}

Result<model::Source> SqliteSourceStore::FindById(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(
      auto found, FindOne(pool_, "WHERE s.id = ?2", [&](Statement& stmt) { stmt.Bind(2, id); }));
  if (!found.has_value()) return NoSuchId("source", id);
  return std::move(*found);
}

Result<std::optional<model::Source>> SqliteSourceStore::FindByUrl(const std::string& url) {
  return FindOne(pool_, "WHERE s.url = ?2", [&](Statement& stmt) { stmt.Bind(2, url); });
}

Result<std::vector<model::Source>> SqliteSourceStore::List(std::int64_t now) {
  return QueryAll(
      pool_, SelectSql("ORDER BY s.id", true),
      [&](Statement& stmt) { stmt.Bind(1, now - kWeekSeconds); }, ReadSource);
}

Result<std::vector<model::Source>> SqliteSourceStore::ListDue(std::int64_t now, int limit) {
  if (limit < 1 || limit > kMaxDueLimit) {
    return Error::InvalidArgument("storage: due limit out of range: " + std::to_string(limit));
  }
  return QueryAll(
      pool_,
      SelectSql("WHERE s.enabled = 1 AND s.next_fetch_at <= ?1 ORDER BY s.next_fetch_at, s.id "
                "LIMIT ?2",
                false),
      [&](Statement& stmt) { stmt.Bind(1, now).Bind(2, std::int64_t{limit}); }, ReadSource);
}

Result<void> SqliteSourceStore::RecordFetch(std::int64_t id, const model::FetchRecord& r) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    {
      WARTA_ASSIGN_OR_RETURN(
          auto stmt,
          connection.Prepare(
              "UPDATE sources SET last_fetch_at = ?2, last_status = ?3, last_error = ?4, "
              "consecutive_errors = ?5, next_fetch_at = ?6, "
              "last_success_at = CASE WHEN ?7 THEN ?2 ELSE last_success_at END, "
              "enabled = CASE WHEN ?8 THEN 0 ELSE enabled END, "
              "etag = CASE WHEN ?9 THEN ?10 ELSE etag END, "
              "last_modified = CASE WHEN ?9 THEN ?11 ELSE last_modified END, "
              "items_total = items_total + ?12, "
              "name = CASE WHEN name = '' THEN substr(?13, 1, 200) ELSE name END "
              "WHERE id = ?1 RETURNING id"));
      stmt.Bind(1, id).Bind(2, r.fetched_at).Bind(3, std::int64_t{r.status});
      stmt.Bind(4, CleanError(r.error)).Bind(5, std::int64_t{r.consecutive_errors});
      stmt.Bind(6, r.next_fetch_at).Bind(7, std::int64_t{r.success ? 1 : 0});
      stmt.Bind(8, std::int64_t{r.disable ? 1 : 0});
      stmt.Bind(9, std::int64_t{r.update_validators ? 1 : 0});
      stmt.Bind(10, r.etag).Bind(11, r.last_modified).Bind(12, r.items_added);
      stmt.Bind(13, r.feed_title);
      WARTA_RETURN_IF_ERROR(RunOrNotFound(stmt, "source", id));
    }
    if (r.new_url.empty()) return Ok();
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare("UPDATE sources SET url = ?1 WHERE id = ?2 AND NOT EXISTS "
                                      "(SELECT 1 FROM sources WHERE url = ?1)"));
    stmt.Bind(1, r.new_url).Bind(2, id);
    return stmt.Run();
  });
}

Result<void> SqliteSourceStore::UpdateSettings(std::int64_t id, const model::NewSource& settings) {
  model::NewSource checked = settings;
  if (checked.url.empty()) checked.url = "http://placeholder";  // the URL is not changed here
  WARTA_RETURN_IF_ERROR(model::ValidateNewSource(checked));
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    {
      // A new canonical policy changes the <head> of every page of the source: a new version
      // makes every node's page cache render them again.
      WARTA_ASSIGN_OR_RETURN(
          auto bump,
          connection.Prepare("UPDATE articles SET version = version + 1 WHERE source_id = ?1 AND "
                             "(SELECT canonical FROM sources WHERE id = ?1) <> ?2"));
      bump.Bind(1, id).Bind(2, model::CanonicalPolicyName(settings.canonical));
      WARTA_RETURN_IF_ERROR(bump.Run());
    }
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection.Prepare(
            "UPDATE sources SET name = ?2, site_url = ?3, lang = ?4, time_zone = ?5, "
            "category = ?6, refresh_minutes = ?7, full_text = ?8, enabled = ?9, canonical = ?10, "
            "review = ?11 WHERE id = ?1 RETURNING id"));
    stmt.Bind(1, id);
    BindSettings(stmt, settings);
    return RunOrNotFound(stmt, "source", id);
  });
}

}  // namespace warta::storage::sqlite
