// Sections, authors and static pages (storage/section_store.h, author_store.h,
// page_store.h): small tables an editor curates; every write carries its audit entry.
#include <string>

#include "core/limits.h"
#include "core/utf8.h"
#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxSlugBytes = 200;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 4000;

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

model::Section ReadSection(const Statement& stmt) {
  return model::Section{stmt.Int64(0), stmt.Text(1),  stmt.Text(2),
                        stmt.Text(3),  stmt.Int64(4), stmt.Int64(5)};
}

model::Author ReadAuthor(const Statement& stmt) {
  return model::Author{stmt.Int64(0), stmt.Text(1),  stmt.Text(2),
                       stmt.Text(3),  stmt.Int64(4), stmt.Int64(5)};
}

model::Page ReadPage(const Statement& stmt) {
  return model::Page{stmt.Int64(0), stmt.Text(1),  stmt.Text(2),  stmt.Text(3),
                     stmt.Text(4),  stmt.Int64(5), stmt.Int64(6), stmt.Int64(7) != 0};
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

Error Taken(const Error& error, const std::string& what) {
  return ExplainConflict(error, "storage: " + what + " is taken");
}

constexpr std::string_view kSectionColumns = "id, slug, name, description, position, created_at";
constexpr std::string_view kAuthorColumns = "id, slug, name, bio, coalesce(user_id, 0), created_at";
constexpr std::string_view kPageColumns =
    "id, slug, title, body_markdown, body_html, created_at, updated_at, published";

}  // namespace

// --- sections ---

Result<std::vector<model::Section>> SqliteSectionStore::List() {
  static const std::string sql =
      "SELECT " + std::string(kSectionColumns) + " FROM sections ORDER BY position, id";
  return QueryAll(pool_, sql, NoParams, ReadSection);
}

Result<std::optional<model::Section>> SqliteSectionStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kSectionColumns) + " FROM sections WHERE slug = ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, slug); }, ReadSection);
}

Result<std::int64_t> SqliteSectionStore::Create(const model::Section& section,
                                                const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckSection(section));
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) -> Result<std::int64_t> {
    WARTA_ASSIGN_OR_RETURN(auto stmt,
                           c.Prepare("INSERT INTO sections (slug, name, description, position, "
                                     "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    stmt.Bind(1, section.slug).Bind(2, section.name).Bind(3, section.description);
    stmt.Bind(4, section.position).Bind(5, audit.created_at);
    auto id = InsertReturningId(stmt, "section");
    if (!id.ok()) return Taken(id.error(), "the section slug '" + section.slug + "'");
    return id;
  });
}

Result<void> SqliteSectionStore::Update(const model::Section& section,
                                        const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckSection(section));
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt,
                           c.Prepare("UPDATE sections SET slug = ?, name = ?, description = ?, "
                                     "position = ? WHERE id = ? RETURNING 1"));
    stmt.Bind(1, section.slug).Bind(2, section.name).Bind(3, section.description);
    stmt.Bind(4, section.position).Bind(5, section.id);
    auto updated = RunOrNotFound(stmt, "section", section.id);
    if (!updated.ok()) return Taken(updated.error(), "the section slug '" + section.slug + "'");
    return Ok();
  });
}

// --- authors ---

Result<std::vector<model::Author>> SqliteAuthorStore::List(std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 1000 || after_id < 0) {
    return Error::InvalidArgument("storage: author list bounds out of range");
  }
  static const std::string sql =
      "SELECT " + std::string(kAuthorColumns) + " FROM authors WHERE id > ? ORDER BY id LIMIT ?";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, after_id).Bind(2, std::int64_t{limit}); },
      ReadAuthor);
}

Result<std::optional<model::Author>> SqliteAuthorStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kAuthorColumns) + " FROM authors WHERE slug = ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, slug); }, ReadAuthor);
}

Result<void> SqliteAuthorStore::Update(const model::Author& author,
                                       const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckText("an author slug", author.slug, kMaxSlugBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("an author name", author.name, kMaxNameBytes, true));
  WARTA_RETURN_IF_ERROR(CheckText("an author bio", author.bio, kMaxDescriptionBytes, false));
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, c.Prepare("UPDATE authors SET slug = ?, name = ?, bio = ?, "
                                                "user_id = ? WHERE id = ? RETURNING 1"));
    stmt.Bind(1, author.slug).Bind(2, author.name).Bind(3, author.bio);
    if (author.user_id == 0) {
      stmt.BindNull(4);
    } else {
      stmt.Bind(4, author.user_id);
    }
    stmt.Bind(5, author.id);
    auto updated = RunOrNotFound(stmt, "author", author.id);
    if (!updated.ok()) return Taken(updated.error(), "the author slug or account");
    return Ok();
  });
}

// --- pages ---

Result<std::vector<model::Page>> SqlitePageStore::List() {
  static const std::string sql =
      "SELECT " + std::string(kPageColumns) + " FROM pages ORDER BY slug";
  return QueryAll(pool_, sql, NoParams, ReadPage);
}

Result<std::optional<model::Page>> SqlitePageStore::FindBySlug(const std::string& slug) {
  static const std::string sql =
      "SELECT " + std::string(kPageColumns) + " FROM pages WHERE slug = ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, slug); }, ReadPage);
}

Result<std::int64_t> SqlitePageStore::Create(const model::Page& page,
                                             const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckPage(page));
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) -> Result<std::int64_t> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, c.Prepare("INSERT INTO pages (slug, title, body_markdown, body_html, "
                             "created_at, updated_at, published) VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "RETURNING id"));
    stmt.Bind(1, page.slug).Bind(2, page.title).Bind(3, page.body_markdown);
    stmt.Bind(4, page.body_html).Bind(5, page.created_at).Bind(6, page.updated_at);
    stmt.Bind(7, std::int64_t{page.published ? 1 : 0});
    auto id = InsertReturningId(stmt, "page");
    if (!id.ok()) return Taken(id.error(), "the page slug '" + page.slug + "'");
    return id;
  });
}

Result<void> SqlitePageStore::Update(const model::Page& page, const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckPage(page));
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt,
                           c.Prepare("UPDATE pages SET slug = ?, title = ?, body_markdown = ?, "
                                     "body_html = ?, updated_at = ?, published = ? WHERE id = ? "
                                     "RETURNING 1"));
    stmt.Bind(1, page.slug).Bind(2, page.title).Bind(3, page.body_markdown);
    stmt.Bind(4, page.body_html).Bind(5, page.updated_at);
    stmt.Bind(6, std::int64_t{page.published ? 1 : 0}).Bind(7, page.id);
    auto updated = RunOrNotFound(stmt, "page", page.id);
    if (!updated.ok()) return Taken(updated.error(), "the page slug '" + page.slug + "'");
    return Ok();
  });
}

Result<void> SqlitePageStore::Delete(std::int64_t id, const model::AuditEntry& audit) {
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, c.Prepare("DELETE FROM pages WHERE id = ? RETURNING 1"));
    stmt.Bind(1, id);
    return RunOrNotFound(stmt, "page", id);
  });
}

}  // namespace warta::storage::sqlite
