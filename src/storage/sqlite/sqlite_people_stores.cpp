// The audit log, API tokens, one-time account links and edit presence
// (storage/audit_store.h, token_store.h, account_link_store.h, presence_store.h).
#include <string>

#include "core/utf8.h"
#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxHashBytes = 128;
constexpr std::size_t kMaxLabelBytes = 200;

Result<void> CheckHash(const std::string& hash) {
  if (hash.empty() || hash.size() > kMaxHashBytes) {
    return Error::InvalidArgument("storage: bad token hash length");
  }
  return Ok();
}

model::ApiToken ReadToken(const Statement& stmt, int first) {
  return model::ApiToken{stmt.Int64(first),     stmt.Int64(first + 1), stmt.Text(first + 2),
                         stmt.Int64(first + 3), stmt.Int64(first + 4), stmt.Int64(first + 5)};
}

constexpr std::string_view kTokenColumns =
    "t.id, t.user_id, t.label, t.created_at, t.last_used_at, t.revoked_at";
constexpr std::string_view kLinkColumns =
    "token_hash, kind, coalesce(user_id, 0), role, created_by, created_at, expires_at, used_at";

Result<model::AccountLink> ReadLink(const Statement& stmt) {
  model::AccountLink link;
  link.token_hash = stmt.Text(0);
  WARTA_ASSIGN_OR_RETURN(link.kind,
                         StoredWord(stmt.Text(1), model::ParseAccountLinkKind, "link kind"));
  link.user_id = stmt.Int64(2);
  WARTA_ASSIGN_OR_RETURN(link.role, StoredWord(stmt.Text(3), model::ParseRole, "role"));
  link.created_by = stmt.Int64(4);
  link.created_at = stmt.Int64(5);
  link.expires_at = stmt.Int64(6);
  link.used_at = stmt.Int64(7);
  return link;
}

}  // namespace

// --- audit log ---

Result<std::int64_t> SqliteAuditStore::Append(const model::AuditEntry& entry) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  return InDurableWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) { return AppendAudit(connection, entry); });
}

Result<std::vector<model::AuditEntry>> SqliteAuditStore::List(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > 1000 || query.before_id < 0) {
    return Error::InvalidArgument("storage: audit list bounds out of range");
  }
  return QueryAll(
      pool_,
      "SELECT l.id, l.created_at, l.user_id, coalesce(u.name, ''), l.action, l.target_type, "
      "l.target_id, l.summary FROM audit_log l LEFT JOIN users u ON u.id = l.user_id "
      "WHERE (?1 = '' OR (l.target_type = ?1 AND (?2 = 0 OR l.target_id = ?2))) "
      "AND (?3 = 0 OR l.id < ?3) ORDER BY l.id DESC LIMIT ?4",
      [&](Statement& stmt) {
        stmt.Bind(1, query.target_type).Bind(2, query.target_id).Bind(3, query.before_id);
        stmt.Bind(4, std::int64_t{query.limit});
      },
      [](const Statement& stmt) {
        return model::AuditEntry{stmt.Int64(0), stmt.Int64(1), stmt.Int64(2), stmt.Text(3),
                                 stmt.Text(4),  stmt.Text(5),  stmt.Int64(6), stmt.Text(7)};
      });
}

// --- API tokens ---

Result<std::int64_t> SqliteTokenStore::Create(std::int64_t user_id, const std::string& token_hash,
                                              const std::string& label, std::int64_t now,
                                              const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckHash(token_hash));
  if (label.size() > kMaxLabelBytes || !utf8::IsValid(label)) {
    return Error::InvalidArgument("storage: a token label is UTF-8 of at most " +
                                  std::to_string(kMaxLabelBytes) + " bytes");
  }
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) -> Result<std::int64_t> {
    // INSERT ... SELECT: an unknown user is "no row" (NotFound), not a foreign-key error.
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, c.Prepare("INSERT INTO api_tokens (user_id, token_hash, label, created_at) "
                             "SELECT id, ?, ?, ? FROM users WHERE id = ? RETURNING id"));
    stmt.Bind(1, token_hash).Bind(2, label).Bind(3, now).Bind(4, user_id);
    auto id = RunReturning(stmt, [](const Statement& s) { return s.Int64(0); });
    if (!id.ok()) return ExplainConflict(id.error(), "storage: that token is stored already");
    if (!id->has_value()) return NoSuchId("user", user_id);
    return **id;
  });
}

Result<std::optional<TokenOwner>> SqliteTokenStore::FindActive(const std::string& token_hash) {
  if (!CheckHash(token_hash).ok()) return std::optional<TokenOwner>();
  static const std::string sql =
      "SELECT " + std::string(kTokenColumns) +
      ", u.id, u.name, u.password_hash, u.role, u.created_at, u.banned_at FROM api_tokens t "
      "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at = 0 AND "
      "u.banned_at = 0";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, token_hash); },
      [](const Statement& stmt) -> Result<TokenOwner> {
        TokenOwner owner;
        owner.token = ReadToken(stmt, 0);
        WARTA_ASSIGN_OR_RETURN(model::Role role,
                               StoredWord(stmt.Text(9), model::ParseRole, "role"));
        owner.user = model::User{stmt.Int64(6), stmt.Text(7),   stmt.Text(8),
                                 role,          stmt.Int64(10), stmt.Int64(11)};
        return owner;
      });
}

Result<void> SqliteTokenStore::Touch(std::int64_t token_id, std::int64_t now) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    stmt.Bind(1, now).Bind(2, token_id);
    return stmt.Run();
  });
}

Result<void> SqliteTokenStore::Revoke(std::int64_t token_id, std::int64_t now,
                                      const model::AuditEntry& audit) {
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, c.Prepare("UPDATE api_tokens SET revoked_at = CASE WHEN "
                                                "revoked_at = 0 THEN ? ELSE revoked_at END "
                                                "WHERE id = ? RETURNING 1"));
    stmt.Bind(1, now).Bind(2, token_id);
    return RunOrNotFound(stmt, "token", token_id);
  });
}

Result<std::vector<model::ApiToken>> SqliteTokenStore::ListForUser(std::int64_t user_id) {
  static const std::string sql = "SELECT " + std::string(kTokenColumns) +
                                 " FROM api_tokens t WHERE t.user_id = ? ORDER BY t.id DESC";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, user_id); },
      [](const Statement& stmt) { return ReadToken(stmt, 0); });
}

// --- one-time account links ---

Result<void> SqliteAccountLinkStore::Create(const model::AccountLink& link,
                                            const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckHash(link.token_hash));
  WARTA_ASSIGN_OR_RETURN(std::string_view kind,
                         WordToStore(link.kind, model::ParseAccountLinkKind, "link kind"));
  WARTA_ASSIGN_OR_RETURN(std::string_view role, WordToStore(link.role, model::ParseRole, "role"));
  if (link.expires_at <= link.created_at) {
    return Error::InvalidArgument("storage: a link must expire after it is made");
  }
  if ((link.kind == model::AccountLinkKind::kReset) != (link.user_id != 0)) {
    return Error::InvalidArgument("storage: a reset names its account; an invite names none");
  }
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    if (link.user_id != 0) {
      WARTA_ASSIGN_OR_RETURN(auto user, c.Prepare("SELECT 1 FROM users WHERE id = ?"));
      user.Bind(1, link.user_id);
      WARTA_RETURN_IF_ERROR(RunOrNotFound(user, "user", link.user_id));
    }
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, c.Prepare("INSERT INTO account_links (token_hash, kind, user_id, role, "
                             "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    stmt.Bind(1, link.token_hash).Bind(2, kind);
    if (link.user_id == 0) {
      stmt.BindNull(3);
    } else {
      stmt.Bind(3, link.user_id);
    }
    stmt.Bind(4, role).Bind(5, link.created_by).Bind(6, link.created_at).Bind(7, link.expires_at);
    auto inserted = stmt.Run();
    if (!inserted.ok()) return ExplainConflict(inserted.error(), "storage: that link exists");
    return Ok();
  });
}

Result<std::optional<model::AccountLink>> SqliteAccountLinkStore::FindUsable(
    const std::string& token_hash, std::int64_t now) {
  static const std::string sql = "SELECT " + std::string(kLinkColumns) +
                                 " FROM account_links WHERE token_hash = ? AND used_at = 0 AND "
                                 "expires_at > ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, token_hash).Bind(2, now); }, ReadLink);
}

Result<bool> SqliteAccountLinkStore::Use(const std::string& token_hash, std::int64_t now) {
  return InDurableWriteTransaction<bool>(pool_, [&](Connection& connection) -> Result<bool> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare("UPDATE account_links SET used_at = ?1 WHERE token_hash = ?2 "
                                      "AND used_at = 0 AND expires_at > ?1 RETURNING 1"));
    stmt.Bind(1, now).Bind(2, token_hash);
    WARTA_ASSIGN_OR_RETURN(auto used, RunReturning(stmt, RowFound));
    return used.has_value();
  });
}

Result<std::vector<model::AccountLink>> SqliteAccountLinkStore::ListUsable(std::int64_t now,
                                                                           int limit) {
  if (limit < 1 || limit > 1000) return Error::InvalidArgument("storage: link list limit");
  static const std::string sql = "SELECT " + std::string(kLinkColumns) +
                                 " FROM account_links WHERE used_at = 0 AND expires_at > ? "
                                 "ORDER BY created_at DESC LIMIT ?";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, now).Bind(2, std::int64_t{limit}); },
      ReadLink);
}

// --- edit presence ---

Result<void> SqlitePresenceStore::Touch(std::int64_t article_id, std::int64_t user_id,
                                        std::int64_t now) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection.Prepare("INSERT INTO edit_presence (article_id, user_id, seen_at) "
                           "SELECT a.id, u.id, ?3 FROM articles a, users u WHERE a.id = ?1 AND "
                           "u.id = ?2 ON CONFLICT (article_id, user_id) DO UPDATE SET "
                           "seen_at = excluded.seen_at RETURNING 1"));
    stmt.Bind(1, article_id).Bind(2, user_id).Bind(3, now);
    WARTA_ASSIGN_OR_RETURN(auto touched, RunReturning(stmt, RowFound));
    if (!touched) {
      return Error::NotFound("storage: no article " + std::to_string(article_id) + " or user " +
                             std::to_string(user_id));
    }
    return Ok();
  });
}

Result<void> SqlitePresenceStore::Leave(std::int64_t article_id, std::int64_t user_id) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection.Prepare("DELETE FROM edit_presence WHERE article_id = ? AND user_id = ?"));
    stmt.Bind(1, article_id).Bind(2, user_id);
    return stmt.Run();
  });
}

Result<std::vector<model::EditPresence>> SqlitePresenceStore::Others(std::int64_t article_id,
                                                                     std::int64_t user_id,
                                                                     std::int64_t since) {
  return QueryAll(
      pool_,
      "SELECT p.article_id, p.user_id, u.name, p.seen_at FROM edit_presence p JOIN users u ON "
      "u.id = p.user_id WHERE p.article_id = ? AND p.user_id <> ? AND p.seen_at >= ? "
      "ORDER BY p.seen_at DESC, p.user_id",
      [&](Statement& stmt) { stmt.Bind(1, article_id).Bind(2, user_id).Bind(3, since); },
      [](const Statement& stmt) {
        return model::EditPresence{stmt.Int64(0), stmt.Int64(1), stmt.Text(2), stmt.Int64(3)};
      });
}

Result<std::int64_t> SqlitePresenceStore::Purge(std::int64_t before) {
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(
            auto removed, QueryAll(
                              connection, "DELETE FROM edit_presence WHERE seen_at < ? RETURNING 1",
                              [&](Statement& stmt) { stmt.Bind(1, before); }, RowFound));
        return static_cast<std::int64_t>(removed.size());
      });
}

}  // namespace warta::storage::sqlite
