#include "storage/sqlite/sqlite_media_store.h"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "core/clock.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

using model::ImageFormat;

bool IsSha256Hex(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Result<void> CheckText(const std::string& text, std::string_view what, std::size_t max_bytes) {
  if (text.size() > max_bytes || !utf8::IsValid(text)) {
    return Error::InvalidArgument("storage: media " + std::string(what) +
                                  " must be UTF-8 of at most " + std::to_string(max_bytes) +
                                  " bytes");
  }
  return Ok();
}

Result<void> CheckVariants(const std::vector<model::MediaVariant>& variants) {
  if (variants.empty()) return Error::InvalidArgument("storage: media without variants");
  std::set<std::pair<int, ImageFormat>> seen;
  for (const model::MediaVariant& v : variants) {
    if (v.format != ImageFormat::kWebp && v.format != ImageFormat::kJpeg) {
      return Error::InvalidArgument("storage: a media variant must be WebP or JPEG");
    }
    if (v.width <= 0 || v.height <= 0 || v.bytes <= 0) {
      return Error::InvalidArgument("storage: a media variant needs a positive size");
    }
    if (!seen.emplace(v.width, v.format).second) {
      return Error::InvalidArgument("storage: two media variants of the same width and format");
    }
  }
  return Ok();
}

Result<void> CheckNewMedia(const model::NewMedia& m) {
  if (!IsSha256Hex(m.sha256)) {
    return Error::InvalidArgument("storage: media sha256 must be 64 lower-case hex digits");
  }
  WARTA_RETURN_IF_ERROR(WordToStore(m.format, model::ParseImageFormat, "image format"));
  if (m.width <= 0 || m.height <= 0 || m.bytes <= 0 || m.frames < 1) {
    return Error::InvalidArgument("storage: media needs a positive size and at least one frame");
  }
  WARTA_RETURN_IF_ERROR(CheckText(m.alt, "alt", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(m.caption, "caption", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(m.credit, "credit", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(m.origin_url, "origin URL", limits::kMaxUrlBytes));
  return CheckVariants(m.variants);
}

constexpr std::string_view kColumns =
    "id, sha256, format, width, height, frames, bytes, alt, caption, credit, origin_url, "
    "created_by, created_at";

Result<model::Media> ReadMedia(const Statement& stmt) {
  model::Media m;
  m.id = stmt.Int64(0);
  m.sha256 = stmt.Text(1);
  WARTA_ASSIGN_OR_RETURN(m.format,
                         StoredWord(stmt.Text(2), model::ParseImageFormat, "image format"));
  m.width = static_cast<int>(stmt.Int64(3));
  m.height = static_cast<int>(stmt.Int64(4));
  m.frames = static_cast<int>(stmt.Int64(5));
  m.bytes = stmt.Int64(6);
  m.alt = stmt.Text(7);
  m.caption = stmt.Text(8);
  m.credit = stmt.Text(9);
  m.origin_url = stmt.Text(10);
  if (!stmt.IsNull(11)) m.created_by = stmt.Int64(11);
  m.created_at = stmt.Int64(12);
  return m;
}

Result<model::MediaVariant> ReadVariant(const Statement& stmt) {
  model::MediaVariant v;
  v.width = static_cast<int>(stmt.Int64(0));
  v.height = static_cast<int>(stmt.Int64(1));
  WARTA_ASSIGN_OR_RETURN(v.format,
                         StoredWord(stmt.Text(2), model::ParseImageFormat, "image format"));
  v.bytes = stmt.Int64(3);
  return v;
}

// Fills in the variants of each picture, in one snapshot with the rows (the caller's
// transaction). WebP sorts before JPEG at each width ('webp' > 'jpeg': descending).
Result<void> AddVariants(Connection& connection, std::vector<model::Media>& media) {
  for (model::Media& m : media) {
    WARTA_ASSIGN_OR_RETURN(
        m.variants,
        QueryAll(
            connection,
            "SELECT width, height, format, bytes FROM media_variants WHERE media_id = ? "
            "ORDER BY width, format DESC",
            [&](Statement& stmt) { stmt.Bind(1, m.id); }, ReadVariant));
  }
  return Ok();
}

Result<std::vector<model::Media>> ReadWithVariants(ConnectionPool& pool, const std::string& sql,
                                                   const std::function<void(Statement&)>& bind) {
  return InReadTransaction<std::vector<model::Media>>(
      pool, [&](Connection& connection) -> Result<std::vector<model::Media>> {
        WARTA_ASSIGN_OR_RETURN(auto media, QueryAll(connection, sql, bind, ReadMedia));
        WARTA_RETURN_IF_ERROR(AddVariants(connection, media));
        return media;
      });
}

}  // namespace

Result<std::int64_t> SqliteMediaStore::Insert(const model::NewMedia& m) {
  WARTA_RETURN_IF_ERROR(CheckNewMedia(m));
  return InDurableWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(
            auto insert,
            connection.Prepare("INSERT INTO media (sha256, format, width, height, frames, "
                               "bytes, alt, caption, credit, origin_url, created_by, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        insert.Bind(1, m.sha256)
            .Bind(2, model::ToText(m.format))
            .Bind(3, std::int64_t{m.width})
            .Bind(4, std::int64_t{m.height})
            .Bind(5, std::int64_t{m.frames})
            .Bind(6, m.bytes)
            .Bind(7, m.alt)
            .Bind(8, m.caption)
            .Bind(9, m.credit)
            .Bind(10, m.origin_url);
        if (m.created_by) {
          insert.Bind(11, *m.created_by);
        } else {
          insert.BindNull(11);
        }
        insert.Bind(12, UnixNow());
        auto id = InsertReturningId(insert, "media");
        if (!id.ok()) {
          if (id.error().is(ErrorCode::kAlreadyExists)) {
            return Error::AlreadyExists("storage: a picture with sha256 " + m.sha256 +
                                        " is stored already");
          }
          if (id.error().is(ErrorCode::kInvalidArgument) && m.created_by) {
            return Error::InvalidArgument("storage: no account " + std::to_string(*m.created_by) +
                                          " to credit the picture to");
          }
          return id.error();
        }
        for (const model::MediaVariant& v : m.variants) {
          WARTA_ASSIGN_OR_RETURN(
              auto variant,
              connection.Prepare("INSERT INTO media_variants (media_id, width, height, format, "
                                 "bytes) VALUES (?, ?, ?, ?, ?)"));
          variant.Bind(1, *id)
              .Bind(2, std::int64_t{v.width})
              .Bind(3, std::int64_t{v.height})
              .Bind(4, model::ToText(v.format))
              .Bind(5, v.bytes);
          WARTA_RETURN_IF_ERROR(variant.Run());
        }
        return *id;
      });
}

Result<model::Media> SqliteMediaStore::FindById(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(
      auto found,
      ReadWithVariants(pool_, "SELECT " + std::string(kColumns) + " FROM media WHERE id = ?",
                       [&](Statement& stmt) { stmt.Bind(1, id); }));
  if (found.empty()) return NoSuchId("picture", id);
  return std::move(found.front());
}

Result<std::optional<model::Media>> SqliteMediaStore::FindBySha256(const std::string& sha256) {
  WARTA_ASSIGN_OR_RETURN(
      auto found,
      ReadWithVariants(pool_, "SELECT " + std::string(kColumns) + " FROM media WHERE sha256 = ?",
                       [&](Statement& stmt) { stmt.Bind(1, sha256); }));
  if (found.empty()) return std::optional<model::Media>();
  return std::optional(std::move(found.front()));
}

Result<std::vector<model::Media>> SqliteMediaStore::ListNewest(int limit, int offset) {
  if (limit < 1 || limit > 100 || offset < 0) {
    return Error::InvalidArgument("storage: media list limit must be 1..100, offset >= 0");
  }
  return ReadWithVariants(
      pool_,
      "SELECT " + std::string(kColumns) +
          " FROM media ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}).Bind(2, std::int64_t{offset}); });
}

Result<std::vector<model::Media>> SqliteMediaStore::ListBefore(std::int64_t before_id, int limit) {
  if (limit < 1 || limit > 100 || before_id < 0) {
    return Error::InvalidArgument("storage: media list limit must be 1..100, before_id >= 0");
  }
  return ReadWithVariants(pool_,
                          "SELECT " + std::string(kColumns) +
                              " FROM media WHERE ? = 0 OR id < ? ORDER BY id DESC LIMIT ?",
                          [&](Statement& stmt) {
                            stmt.Bind(1, before_id).Bind(2, before_id).Bind(3, std::int64_t{limit});
                          });
}

Result<void> SqliteMediaStore::UpdateText(std::int64_t id, const model::MediaText& text,
                                          const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckText(text.alt, "alt", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(text.caption, "caption", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(text.credit, "credit", limits::kMaxMediaTextBytes));
  return Audited<void>(pool_, audit, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt,
                           connection.Prepare("UPDATE media SET alt = ?, caption = ?, credit = ? "
                                              "WHERE id = ? RETURNING 1"));
    stmt.Bind(1, text.alt).Bind(2, text.caption).Bind(3, text.credit).Bind(4, id);
    return RunOrNotFound(stmt, "picture", id);
  });
}

}  // namespace warta::storage::sqlite
