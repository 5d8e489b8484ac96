// Pictures on PostgreSQL (storage/media_store.h): the rows that name the files on the volume
// every node shares (media/library.h), unique by the SHA-256 of the original, so two nodes
// taking in the same upload at once store one picture (the second gets AlreadyExists).
#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "model/media.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_audit.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
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
  if (m.variants.empty()) return Error::InvalidArgument("storage: media without variants");
  std::set<std::pair<int, ImageFormat>> seen;
  for (const model::MediaVariant& v : m.variants) {
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

constexpr std::string_view kColumns =
    "id, sha256, format, width, height, frames, bytes, alt, caption, credit, origin_url, "
    "created_by, created_at";

Result<model::Media> ReadMedia(const Rows& r, int i) {
  model::Media m;
  m.id = r.Int64(i, 0);
  m.sha256 = r.Text(i, 1);
  WARTA_ASSIGN_OR_RETURN(m.format,
                         StoredWord(r.Text(i, 2), model::ParseImageFormat, "image format"));
  m.width = static_cast<int>(r.Int64(i, 3));
  m.height = static_cast<int>(r.Int64(i, 4));
  m.frames = static_cast<int>(r.Int64(i, 5));
  m.bytes = r.Int64(i, 6);
  m.alt = r.Text(i, 7);
  m.caption = r.Text(i, 8);
  m.credit = r.Text(i, 9);
  m.origin_url = r.Text(i, 10);
  if (!r.IsNull(i, 11)) m.created_by = r.Int64(i, 11);
  m.created_at = r.Int64(i, 12);
  return m;
}

// The pictures `sql` selects, with their variants (one query for all), in one snapshot.
// WebP sorts before JPEG at each width ('webp' > 'jpeg': descending), as in SQLite.
Result<std::vector<model::Media>> ReadWithVariants(Pool& pool, const std::string& sql,
                                                   const Params& params) {
  return InReadTransaction<std::vector<model::Media>>(
      pool, [&](Connection& connection) -> Result<std::vector<model::Media>> {
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, params));
        std::vector<model::Media> media;
        std::vector<std::int64_t> ids;
        for (int i = 0; i < rows.size(); ++i) {
          WARTA_ASSIGN_OR_RETURN(auto m, ReadMedia(rows, i));
          ids.push_back(m.id);
          media.push_back(std::move(m));
        }
        if (ids.empty()) return media;
        WARTA_ASSIGN_OR_RETURN(
            auto variants,
            connection.Query("SELECT media_id, width, height, format, bytes FROM media_variants "
                             "WHERE media_id = ANY($1::BIGINT[]) "
                             "ORDER BY media_id, width, format COLLATE \"C\" DESC",
                             Params().Add(IdArray(ids))));
        std::map<std::int64_t, std::vector<model::MediaVariant>> by_media;
        for (int i = 0; i < variants.size(); ++i) {
          model::MediaVariant v;
          v.width = static_cast<int>(variants.Int64(i, 1));
          v.height = static_cast<int>(variants.Int64(i, 2));
          WARTA_ASSIGN_OR_RETURN(
              v.format, StoredWord(variants.Text(i, 3), model::ParseImageFormat, "image format"));
          v.bytes = variants.Int64(i, 4);
          by_media[variants.Int64(i, 0)].push_back(v);
        }
        for (model::Media& m : media) m.variants = std::move(by_media[m.id]);
        return media;
      });
}

}  // namespace

Result<std::int64_t> PgMediaStore::Insert(const model::NewMedia& m) {
  WARTA_RETURN_IF_ERROR(CheckNewMedia(m));
  return InWriteTransaction<
      std::int64_t>(pool_, [&](Connection& connection) -> Result<std::int64_t> {
    Params params;
    params.Add(m.sha256).Add(model::ToText(m.format)).Add(m.width).Add(m.height);
    params.Add(m.frames).Add(m.bytes).Add(m.alt).Add(m.caption).Add(m.credit);
    params.Add(m.origin_url);
    if (m.created_by) {
      params.Add(*m.created_by);
    } else {
      params.Null();
    }
    params.Add(UnixNow());
    auto rows = connection.Query(
        "INSERT INTO media (sha256, format, width, height, frames, bytes, alt, caption, "
        "credit, origin_url, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12) RETURNING id",
        params);
    if (!rows.ok()) {
      if (rows.error().is(ErrorCode::kAlreadyExists)) {
        return Error::AlreadyExists("storage: a picture with sha256 " + m.sha256 +
                                    " is stored already");
      }
      if (rows.error().is(ErrorCode::kInvalidArgument) && m.created_by) {
        return Error::InvalidArgument("storage: no account " + std::to_string(*m.created_by) +
                                      " to credit the picture to");
      }
      return rows.error();
    }
    const std::int64_t id = rows->Int64(0, 0);
    for (const model::MediaVariant& v : m.variants) {
      WARTA_RETURN_IF_ERROR(connection.Run(
          "INSERT INTO media_variants (media_id, width, height, format, bytes) "
          "VALUES ($1, $2, $3, $4, $5)",
          Params().Add(id).Add(v.width).Add(v.height).Add(model::ToText(v.format)).Add(v.bytes)));
    }
    return id;
  });
}

Result<model::Media> PgMediaStore::FindById(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(
      auto found,
      ReadWithVariants(pool_, "SELECT " + std::string(kColumns) + " FROM media WHERE id = $1",
                       Params().Add(id)));
  if (found.empty()) return NoSuchId("picture", id);
  return std::move(found.front());
}

Result<std::optional<model::Media>> PgMediaStore::FindBySha256(const std::string& sha256) {
  WARTA_ASSIGN_OR_RETURN(
      auto found,
      ReadWithVariants(pool_, "SELECT " + std::string(kColumns) + " FROM media WHERE sha256 = $1",
                       Params().Add(sha256)));
  if (found.empty()) return std::optional<model::Media>();
  return std::optional(std::move(found.front()));
}

Result<std::vector<model::Media>> PgMediaStore::ListNewest(int limit, int offset) {
  if (limit < 1 || limit > 100 || offset < 0) {
    return Error::InvalidArgument("storage: media list limit must be 1..100, offset >= 0");
  }
  return ReadWithVariants(pool_,
                          "SELECT " + std::string(kColumns) +
                              " FROM media ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
                          Params().Add(limit).Add(offset));
}

Result<std::vector<model::Media>> PgMediaStore::ListBefore(std::int64_t before_id, int limit) {
  if (limit < 1 || limit > 100 || before_id < 0) {
    return Error::InvalidArgument("storage: media list limit must be 1..100, before_id >= 0");
  }
  return ReadWithVariants(pool_,
                          "SELECT " + std::string(kColumns) +
                              " FROM media WHERE $1 = 0 OR id < $1 ORDER BY id DESC LIMIT $2",
                          Params().Add(before_id).Add(limit));
}

Result<void> PgMediaStore::UpdateText(std::int64_t id, const model::MediaText& text,
                                      const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckText(text.alt, "alt", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(text.caption, "caption", limits::kMaxMediaTextBytes));
  WARTA_RETURN_IF_ERROR(CheckText(text.credit, "credit", limits::kMaxMediaTextBytes));
  return Audited<void>(pool_, audit, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto rows,
        connection.Query("UPDATE media SET alt = $1, caption = $2, credit = $3 "
                         "WHERE id = $4 RETURNING 1",
                         Params().Add(text.alt).Add(text.caption).Add(text.credit).Add(id)));
    if (rows.empty()) return Error::NotFound("storage: no picture " + std::to_string(id));
    return Ok();
  });
}

}  // namespace warta::storage::postgres
