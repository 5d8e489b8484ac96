// Feed sources and their fetch state on PostgreSQL (storage/source_store.h).
#include "core/clock.h"
#include "model/source.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxDueLimit = 100'000;
constexpr std::int64_t kWeekSeconds = std::int64_t{7} * 24 * 3600;

// The columns ReadSource expects; the last one counts the articles since parameter $1.
constexpr std::string_view kColumns =
    "s.id, s.url, s.name, s.site_url, s.lang, s.time_zone, s.category, s.refresh_minutes, "
    "s.full_text, s.enabled, s.etag, s.last_modified, s.created_at, s.last_fetch_at, "
    "s.last_success_at, s.next_fetch_at, s.last_status, s.last_error, s.consecutive_errors, "
    "s.items_total, s.canonical, s.review, "
    "(SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.created_at >= $1) "
    "FROM sources s ";

model::Source ReadSource(const Rows& rows, int i) {
  model::Source s;
  s.id = rows.Int64(i, 0);
  s.url = rows.Text(i, 1);
  s.name = rows.Text(i, 2);
  s.site_url = rows.Text(i, 3);
  s.lang = rows.Text(i, 4);
  s.time_zone = rows.Text(i, 5);
  s.category = rows.Text(i, 6);
  s.refresh_minutes = static_cast<int>(rows.Int64(i, 7));
  s.full_text = rows.Int64(i, 8) != 0;
  s.enabled = rows.Int64(i, 9) != 0;
  s.etag = rows.Text(i, 10);
  s.last_modified = rows.Text(i, 11);
  s.created_at = rows.Int64(i, 12);
  s.last_fetch_at = rows.Int64(i, 13);
  s.last_success_at = rows.Int64(i, 14);
  s.next_fetch_at = rows.Int64(i, 15);
  s.last_status = static_cast<int>(rows.Int64(i, 16));
  s.last_error = rows.Text(i, 17);
  s.consecutive_errors = static_cast<int>(rows.Int64(i, 18));
  s.items_total = rows.Int64(i, 19);
  s.canonical =
      model::ParseCanonicalPolicy(rows.Text(i, 20)).value_or(model::CanonicalPolicy::kSelf);
  s.review = rows.Int64(i, 21) != 0;
  s.items_last_week = rows.Int64(i, 22);
  return s;
}

std::vector<model::Source> ReadSources(const Rows& rows) {
  std::vector<model::Source> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadSource(rows, i));
  return out;
}

// An error text can come from a hostile server: short, printable ASCII (as in SQLite).
std::string CleanError(const std::string& error) {
  constexpr std::size_t kMax = 500;
  std::string out;
  for (unsigned char c : error.substr(0, kMax)) {
    out += (c < 0x20 || c >= 0x7f) ? '?' : static_cast<char>(c);
  }
  return out;
}

// $2..$11 of the insert and the settings update.
void AddSettings(Params& params, const model::NewSource& s) {
  params.Add(s.name).Add(s.site_url).Add(s.lang).Add(s.time_zone).Add(s.category);
  params.Add(s.refresh_minutes).Add(s.full_text ? 1 : 0).Add(s.enabled ? 1 : 0);
  params.Add(model::CanonicalPolicyName(s.canonical)).Add(s.review ? 1 : 0);
}

}  // namespace

Result<std::int64_t> PgSourceStore::Add(const model::NewSource& source) {
  WARTA_RETURN_IF_ERROR(model::ValidateNewSource(source));
  Params params;
  params.Add(source.url);
  AddSettings(params, source);
  params.Add(UnixNow());
  auto rows = QueryOnce(pool_,
                        "INSERT INTO sources (url, name, site_url, lang, time_zone, category, "
                        "refresh_minutes, full_text, enabled, canonical, review, created_at, "
                        "next_fetch_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                        "0) RETURNING id",
                        params);
  if (!rows.ok()) {
    if (rows.error().is(ErrorCode::kAlreadyExists)) {
      return Error::AlreadyExists("storage: a source with URL '" + source.url + "' already exists");
    }
    return rows.error();
  }
  return rows->Int64(0, 0);
}

Result<model::Source> PgSourceStore::FindById(std::int64_t id) {
  static const std::string sql = "SELECT " + std::string(kColumns) + "WHERE s.id = $2";
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, sql, Params().Add(UnixNow() - kWeekSeconds).Add(id)));
  if (rows.empty()) return NoSuchId("source", id);
  return ReadSource(rows, 0);
}

Result<std::optional<model::Source>> PgSourceStore::FindByUrl(const std::string& url) {
  static const std::string sql = "SELECT " + std::string(kColumns) + "WHERE s.url = $2";
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, sql, Params().Add(UnixNow() - kWeekSeconds).Add(url)));
  if (rows.empty()) return std::optional<model::Source>();
  return std::optional<model::Source>(ReadSource(rows, 0));
}

Result<std::vector<model::Source>> PgSourceStore::List(std::int64_t now) {
  static const std::string sql = "SELECT " + std::string(kColumns) + "ORDER BY s.id";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(now - kWeekSeconds)));
  return ReadSources(rows);
}

Result<std::vector<model::Source>> PgSourceStore::ListDue(std::int64_t now, int limit) {
  if (limit < 1 || limit > kMaxDueLimit) {
    return Error::InvalidArgument("storage: due limit out of range: " + std::to_string(limit));
  }
  // $1 (the week) is `now`: the count is not read by the scheduler, and one bound parameter
  // keeps the statement the same shape as the others.
  static const std::string sql =
      "SELECT " + std::string(kColumns) +
      "WHERE s.enabled = 1 AND s.next_fetch_at <= $1 ORDER BY s.next_fetch_at, s.id LIMIT $2";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(now).Add(limit)));
  std::vector<model::Source> due = ReadSources(rows);
  for (model::Source& source : due) source.items_last_week = 0;  // not counted, as in SQLite
  return due;
}

Result<void> PgSourceStore::RecordFetch(std::int64_t id, const model::FetchRecord& r) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto rows, connection.Query(
                       "UPDATE sources SET last_fetch_at = $2, last_status = $3, last_error = $4, "
                       "consecutive_errors = $5, next_fetch_at = $6, "
                       "last_success_at = CASE WHEN $7::INT = 1 THEN $2 ELSE last_success_at END, "
                       "enabled = CASE WHEN $8::INT = 1 THEN 0 ELSE enabled END, "
                       "etag = CASE WHEN $9::INT = 1 THEN $10 ELSE etag END, "
                       "last_modified = CASE WHEN $9::INT = 1 THEN $11 ELSE last_modified END, "
                       "items_total = items_total + $12, "
                       "name = CASE WHEN name = '' THEN substr($13, 1, 200) ELSE name END "
                       "WHERE id = $1 RETURNING id",
                       Params()
                           .Add(id)
                           .Add(r.fetched_at)
                           .Add(r.status)
                           .Add(CleanError(r.error))
                           .Add(r.consecutive_errors)
                           .Add(r.next_fetch_at)
                           .Add(r.success ? 1 : 0)
                           .Add(r.disable ? 1 : 0)
                           .Add(r.update_validators ? 1 : 0)
                           .Add(r.etag)
                           .Add(r.last_modified)
                           .Add(r.items_added)
                           .Add(r.feed_title)));
    if (rows.empty()) return NoSuchId("source", id);
    if (r.new_url.empty()) return Ok();
    return connection.Run(
        "UPDATE sources SET url = $1 WHERE id = $2 AND NOT EXISTS "
        "(SELECT 1 FROM sources WHERE url = $1)",
        Params().Add(r.new_url).Add(id));
  });
}

Result<void> PgSourceStore::UpdateSettings(std::int64_t id, const model::NewSource& settings) {
  model::NewSource checked = settings;
  if (checked.url.empty()) checked.url = "http://placeholder";  // the URL is not changed here
  WARTA_RETURN_IF_ERROR(model::ValidateNewSource(checked));
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    // A new canonical policy changes the <head> of every page of the source: a new version
    // makes every node's page cache render them again.
    WARTA_RETURN_IF_ERROR(
        connection.Run("UPDATE articles SET version = version + 1 WHERE source_id = $1 AND "
                       "(SELECT canonical FROM sources WHERE id = $1) <> $2",
                       Params().Add(id).Add(model::CanonicalPolicyName(settings.canonical))));
    Params params;
    params.Add(id);
    AddSettings(params, settings);
    WARTA_ASSIGN_OR_RETURN(
        auto rows,
        connection.Query("UPDATE sources SET name = $2, site_url = $3, lang = $4, time_zone = $5, "
                         "category = $6, refresh_minutes = $7, full_text = $8, enabled = $9, "
                         "canonical = $10, review = $11 WHERE id = $1 RETURNING id",
                         params));
    if (rows.empty()) return NoSuchId("source", id);
    return Ok();
  });
}

}  // namespace warta::storage::postgres
