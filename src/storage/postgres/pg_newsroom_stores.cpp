// Sections, authors and static pages on PostgreSQL (storage/section_store.h,
// author_store.h, page_store.h): every write carries its audit entry.
#include "core/limits.h"
#include "core/utf8.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_audit.h"
#include "storage/postgres/pg_newsroom.h"

namespace warta::storage::postgres {
namespace {

constexpr std::size_t kMaxSlugBytes = 200;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 4000;
constexpr std::size_t kMaxAuditActionBytes = 100;
constexpr std::size_t kMaxAuditSummaryBytes = 2000;

Result<void> CheckText(const char* what, const std::string& value, std::size_t max_bytes,
                       bool required) {
  if ((required && value.empty()) || value.size() > max_bytes || !utf8::IsValid(value) ||
      value.find('\0') != std::string::npos) {
    return Error::InvalidArgument(std::string("storage: ") + what + " must be " +
                                  (required ? "1.." : "0..") + std::to_string(max_bytes) +
                                  " bytes of UTF-8 text");
  }
  return Ok();
}

Result<void> CheckSection(const model::Section& s) {
  WARTA_RETURN_IF_ERROR(CheckText("a section slug", s.slug, kMaxSlugBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("a section name", s.name, kMaxNameBytes, true));
  return CheckText("a section description", s.description, kMaxDescriptionBytes, false);
}

Result<void> CheckPage(const model::Page& p) {
  WARTA_RETURN_IF_ERROR(CheckText("a page slug", p.slug, kMaxSlugBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("a page title", p.title, limits::kMaxTitleBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("a page body", p.body_markdown, limits::kMaxBodyBytes, false));
  return CheckText("a page body", p.body_html, limits::kMaxBodyBytes, false);
}

// A unique key taken: AlreadyExists naming it; other errors unchanged.
Error Taken(const Error& error, const std::string& what) {
  if (error.is(ErrorCode::kAlreadyExists)) {
    return Error::AlreadyExists("storage: " + what + " is taken");
  }
  return error;
}

// Runs an UPDATE/DELETE ... RETURNING 1 of one row: NotFound when there was none, the
// unique-key conflict explained as `taken`.
Result<void> ChangeOne(Connection& c, std::string_view sql, const Params& params, const char* what,
                       std::int64_t id, const std::string& taken) {
  auto rows = c.Query(sql, params);
  if (!rows.ok()) return Taken(rows.error(), taken);
  if (rows->empty()) return NoSuchId(what, id);
  return Ok();
}

Result<std::int64_t> InsertOne(Connection& c, std::string_view sql, const Params& params,
                               const std::string& taken) {
  auto rows = c.Query(sql, params);
  if (!rows.ok()) return Taken(rows.error(), taken);
  return rows->Int64(0, 0);
}

constexpr std::string_view kSectionColumns = "id, slug, name, description, position, created_at";
constexpr std::string_view kAuthorColumns = "id, slug, name, bio, coalesce(user_id, 0), created_at";
constexpr std::string_view kPageColumns =
    "id, slug, title, body_markdown, body_html, created_at, updated_at, published";

model::Section ReadSection(const Rows& r, int i) {
  return model::Section{r.Int64(i, 0), r.Text(i, 1),  r.Text(i, 2),
                        r.Text(i, 3),  r.Int64(i, 4), r.Int64(i, 5)};
}

model::Author ReadAuthor(const Rows& r, int i) {
  return model::Author{r.Int64(i, 0), r.Text(i, 1),  r.Text(i, 2),
                       r.Text(i, 3),  r.Int64(i, 4), r.Int64(i, 5)};
}

model::Page ReadPage(const Rows& r, int i) {
  return model::Page{r.Int64(i, 0), r.Text(i, 1),  r.Text(i, 2),  r.Text(i, 3),
                     r.Text(i, 4),  r.Int64(i, 5), r.Int64(i, 6), r.Int64(i, 7) != 0};
}

template <typename T, typename Read>
Result<std::vector<T>> All(Pool& pool, std::string_view sql, const Params& params, Read read) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  std::vector<T> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(read(rows, i));
  return out;
}

template <typename T, typename Read>
Result<std::optional<T>> First(Pool& pool, std::string_view sql, const Params& params, Read read) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  if (rows.empty()) return std::optional<T>();
  return std::optional<T>(read(rows, 0));
}

}  // namespace

Result<void> CheckAuditEntry(const model::AuditEntry& entry) {
  if (entry.action.empty() || entry.action.size() > kMaxAuditActionBytes ||
      entry.target_type.size() > kMaxAuditActionBytes) {
    return Error::InvalidArgument("storage: an audit entry needs an action of at most " +
                                  std::to_string(kMaxAuditActionBytes) + " bytes");
  }
  if (entry.summary.size() > kMaxAuditSummaryBytes || !utf8::IsValid(entry.summary) ||
      !utf8::IsValid(entry.action) || !utf8::IsValid(entry.target_type)) {
    return Error::InvalidArgument("storage: an audit summary is UTF-8 of at most " +
                                  std::to_string(kMaxAuditSummaryBytes) + " bytes");
  }
  return Ok();
}

Result<std::int64_t> AppendAudit(Connection& connection, const model::AuditEntry& entry,
                                 std::int64_t target_id) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("INSERT INTO audit_log (created_at, user_id, action, "
                                  "target_type, target_id, summary) VALUES ($1, $2, $3, $4, $5, "
                                  "$6) RETURNING id",
                                  Params()
                                      .Add(entry.created_at)
                                      .Add(entry.user_id)
                                      .Add(entry.action)
                                      .Add(entry.target_type)
                                      .Add(entry.target_id != 0 ? entry.target_id : target_id)
                                      .Add(entry.summary)));
  return rows.Int64(0, 0);
}

Result<std::vector<model::Section>> PgSectionStore::List() {
  static const std::string sql =
      "SELECT " + std::string(kSectionColumns) + " FROM sections ORDER BY position, id";
  return All<model::Section>(pool_, sql, Params(), ReadSection);
}

Result<std::optional<model::Section>> PgSectionStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kSectionColumns) + " FROM sections WHERE slug = $1";
  return First<model::Section>(pool_, sql, Params().Add(slug), ReadSection);
}

Result<std::int64_t> PgSectionStore::Create(const model::Section& section,
                                            const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckSection(section));
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) {
    return InsertOne(c,
                     "INSERT INTO sections (slug, name, description, position, created_at) "
                     "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                     Params()
                         .Add(section.slug)
                         .Add(section.name)
                         .Add(section.description)
                         .Add(section.position)
                         .Add(audit.created_at),
                     "the section slug '" + section.slug + "'");
  });
}

Result<void> PgSectionStore::Update(const model::Section& section, const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckSection(section));
  return Audited<void>(pool_, audit, [&](Connection& c) {
    return ChangeOne(c,
                     "UPDATE sections SET slug = $1, name = $2, description = $3, position = $4 "
                     "WHERE id = $5 RETURNING 1",
                     Params()
                         .Add(section.slug)
                         .Add(section.name)
                         .Add(section.description)
                         .Add(section.position)
                         .Add(section.id),
                     "section", section.id, "the section slug '" + section.slug + "'");
  });
}

Result<std::vector<model::Author>> PgAuthorStore::List(std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 1000 || after_id < 0) {
    return Error::InvalidArgument("storage: author list bounds out of range");
  }
  static const std::string sql =
      "SELECT " + std::string(kAuthorColumns) + " FROM authors WHERE id > $1 ORDER BY id LIMIT $2";
  return All<model::Author>(pool_, sql, Params().Add(after_id).Add(limit), ReadAuthor);
}

Result<std::optional<model::Author>> PgAuthorStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kAuthorColumns) + " FROM authors WHERE slug = $1";
  return First<model::Author>(pool_, sql, Params().Add(slug), ReadAuthor);
}

Result<void> PgAuthorStore::Update(const model::Author& author, const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckText("an author slug", author.slug, kMaxSlugBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("an author name", author.name, kMaxNameBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("an author bio", author.bio, kMaxDescriptionBytes, false));
  return Audited<void>(pool_, audit, [&](Connection& c) {
    return ChangeOne(c,
                     "UPDATE authors SET slug = $1, name = $2, bio = $3, user_id = $4 "
                     "WHERE id = $5 RETURNING 1",
                     Params()
                         .Add(author.slug)
                         .Add(author.name)
                         .Add(author.bio)
                         .AddIdOrNull(author.user_id)
                         .Add(author.id),
                     "author", author.id, "the author slug or account");
  });
}

Result<std::vector<model::Page>> PgPageStore::List() {
  static const std::string sql =
      "SELECT " + std::string(kPageColumns) + " FROM pages ORDER BY slug COLLATE \"C\"";
  return All<model::Page>(pool_, sql, Params(), ReadPage);
}

Result<std::optional<model::Page>> PgPageStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kPageColumns) + " FROM pages WHERE slug = $1";
  return First<model::Page>(pool_, sql, Params().Add(slug), ReadPage);
}

Result<std::int64_t> PgPageStore::Create(const model::Page& page, const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckPage(page));
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) {
    return InsertOne(c,
                     "INSERT INTO pages (slug, title, body_markdown, body_html, created_at, "
                     "updated_at, published) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                     Params()
                         .Add(page.slug)
                         .Add(page.title)
                         .Add(page.body_markdown)
                         .Add(page.body_html)
                         .Add(page.created_at)
                         .Add(page.updated_at)
                         .Add(page.published ? 1 : 0),
                     "the page slug '" + page.slug + "'");
  });
}

Result<void> PgPageStore::Update(const model::Page& page, const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckPage(page));
  return Audited<void>(pool_, audit, [&](Connection& c) {
    return ChangeOne(c,
                     "UPDATE pages SET slug = $1, title = $2, body_markdown = $3, body_html = $4, "
                     "updated_at = $5, published = $6 WHERE id = $7 RETURNING 1",
                     Params()
                         .Add(page.slug)
                         .Add(page.title)
                         .Add(page.body_markdown)
                         .Add(page.body_html)
                         .Add(page.updated_at)
                         .Add(page.published ? 1 : 0)
                         .Add(page.id),
                     "page", page.id, "the page slug '" + page.slug + "'");
  });
}

Result<void> PgPageStore::Delete(std::int64_t id, const model::AuditEntry& audit) {
  return Audited<void>(pool_, audit, [&](Connection& c) {
    return ChangeOne(c, "DELETE FROM pages WHERE id = $1 RETURNING 1", Params().Add(id), "page", id,
                     "");
  });
}

}  // namespace warta::storage::postgres
