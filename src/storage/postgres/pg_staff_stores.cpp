// The audit log, API tokens, one-time account links and edit presence on PostgreSQL
// (storage/audit_store.h, token_store.h, account_link_store.h, presence_store.h).
#include "core/utf8.h"
#include "model/role.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_audit.h"
#include "storage/postgres/pg_newsroom.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

constexpr std::size_t kMaxHashBytes = 128;
constexpr std::size_t kMaxLabelBytes = 200;

Result<void> CheckHash(const std::string& hash) {
  if (hash.empty() || hash.size() > kMaxHashBytes) {
    return Error::InvalidArgument("storage: bad token hash length");
  }
  return Ok();
}

model::ApiToken ReadToken(const Rows& r, int i) {
  return model::ApiToken{r.Int64(i, 0), r.Int64(i, 1), r.Text(i, 2),
                         r.Int64(i, 3), r.Int64(i, 4), r.Int64(i, 5)};
}

constexpr std::string_view kTokenColumns =
    "t.id, t.user_id, t.label, t.created_at, t.last_used_at, t.revoked_at";
constexpr std::string_view kLinkColumns =
    "token_hash, kind, coalesce(user_id, 0), role, created_by, created_at, expires_at, used_at";

Result<model::AccountLink> ReadLink(const Rows& r, int i) {
  model::AccountLink link;
  link.token_hash = r.Text(i, 0);
  WARTA_ASSIGN_OR_RETURN(link.kind,
                         StoredWord(r.Text(i, 1), model::ParseAccountLinkKind, "link kind"));
  link.user_id = r.Int64(i, 2);
  WARTA_ASSIGN_OR_RETURN(link.role, StoredWord(r.Text(i, 3), model::ParseRole, "role"));
  link.created_by = r.Int64(i, 4);
  link.created_at = r.Int64(i, 5);
  link.expires_at = r.Int64(i, 6);
  link.used_at = r.Int64(i, 7);
  return link;
}

Result<std::vector<model::AccountLink>> ReadLinks(const Rows& rows) {
  std::vector<model::AccountLink> out;
  for (int i = 0; i < rows.size(); ++i) {
    WARTA_ASSIGN_OR_RETURN(auto link, ReadLink(rows, i));
    out.push_back(std::move(link));
  }
  return out;
}

}  // namespace

Result<std::int64_t> PgAuditStore::Append(const model::AuditEntry& entry) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) { return AppendAudit(connection, entry); });
}

Result<std::vector<model::AuditEntry>> PgAuditStore::List(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > 1000 || query.before_id < 0) {
    return Error::InvalidArgument("storage: audit list bounds out of range");
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT l.id, l.created_at, l.user_id, coalesce(u.name, ''), l.action, "
                "l.target_type, l.target_id, l.summary FROM audit_log l "
                "LEFT JOIN users u ON u.id = l.user_id "
                "WHERE ($1 = '' OR (l.target_type = $1 AND ($2 = 0 OR l.target_id = $2))) "
                "AND ($3 = 0 OR l.id < $3) ORDER BY l.id DESC LIMIT $4",
                Params()
                    .Add(query.target_type)
                    .Add(query.target_id)
                    .Add(query.before_id)
                    .Add(query.limit)));
  std::vector<model::AuditEntry> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(model::AuditEntry{rows.Int64(i, 0), rows.Int64(i, 1), rows.Int64(i, 2),
                                    rows.Text(i, 3), rows.Text(i, 4), rows.Text(i, 5),
                                    rows.Int64(i, 6), rows.Text(i, 7)});
  }
  return out;
}

Result<std::int64_t> PgTokenStore::Create(std::int64_t user_id, const std::string& token_hash,
                                          const std::string& label, std::int64_t now,
                                          const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckHash(token_hash));
  if (label.size() > kMaxLabelBytes || !utf8::IsValid(label)) {
    return Error::InvalidArgument("storage: a token label is UTF-8 of at most " +
                                  std::to_string(kMaxLabelBytes) + " bytes");
  }
  return Audited<std::int64_t>(pool_, audit, [&](Connection& c) -> Result<std::int64_t> {
    // INSERT ... SELECT: an unknown user is "no row" (NotFound), not a foreign-key error.
    auto rows = c.Query(
        "INSERT INTO api_tokens (user_id, token_hash, label, created_at) "
        "SELECT id, $1, $2, $3 FROM users WHERE id = $4 RETURNING id",
        Params().Add(token_hash).Add(label).Add(now).Add(user_id));
    if (!rows.ok()) {
      if (rows.error().is(ErrorCode::kAlreadyExists)) {
        return Error::AlreadyExists("storage: that token is stored already");
      }
      return rows.error();
    }
    if (rows->empty()) return NoSuchId("user", user_id);
    return rows->Int64(0, 0);
  });
}

Result<std::optional<TokenOwner>> PgTokenStore::FindActive(const std::string& token_hash) {
  if (!CheckHash(token_hash).ok()) return std::optional<TokenOwner>();
  static const std::string sql =
      "SELECT " + std::string(kTokenColumns) +
      ", u.id, u.name, u.password_hash, u.role, u.created_at, u.banned_at FROM api_tokens t "
      "JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at = 0 AND "
      "u.banned_at = 0";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(token_hash)));
  if (rows.empty()) return std::optional<TokenOwner>();
  TokenOwner owner;
  owner.token = ReadToken(rows, 0);
  WARTA_ASSIGN_OR_RETURN(model::Role role, StoredWord(rows.Text(0, 9), model::ParseRole, "role"));
  owner.user = model::User{rows.Int64(0, 6),  rows.Text(0, 7),  rows.Text(0, 8), role,
                           rows.Int64(0, 10), rows.Int64(0, 11)};
  return std::optional<TokenOwner>(std::move(owner));
}

Result<void> PgTokenStore::Touch(std::int64_t token_id, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
                                   Params().Add(now).Add(token_id)));
  (void)rows;
  return Ok();
}

Result<void> PgTokenStore::Revoke(std::int64_t token_id, std::int64_t now,
                                  const model::AuditEntry& audit) {
  return Audited<void>(pool_, audit, [&](Connection& c) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto rows, c.Query("UPDATE api_tokens SET revoked_at = CASE WHEN revoked_at = 0 THEN $1 "
                           "ELSE revoked_at END WHERE id = $2 RETURNING 1",
                           Params().Add(now).Add(token_id)));
    if (rows.empty()) return NoSuchId("token", token_id);
    return Ok();
  });
}

Result<std::vector<model::ApiToken>> PgTokenStore::ListForUser(std::int64_t user_id) {
  static const std::string sql = "SELECT " + std::string(kTokenColumns) +
                                 " FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.id DESC";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(user_id)));
  std::vector<model::ApiToken> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadToken(rows, i));
  return out;
}

Result<void> PgAccountLinkStore::Create(const model::AccountLink& link,
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
      WARTA_ASSIGN_OR_RETURN(
          auto user, c.Query("SELECT 1 FROM users WHERE id = $1", Params().Add(link.user_id)));
      if (user.empty()) return NoSuchId("user", link.user_id);
    }
    auto inserted = c.Run(
        "INSERT INTO account_links (token_hash, kind, user_id, role, created_by, created_at, "
        "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        Params()
            .Add(link.token_hash)
            .Add(kind)
            .AddIdOrNull(link.user_id)
            .Add(role)
            .Add(link.created_by)
            .Add(link.created_at)
            .Add(link.expires_at));
    if (!inserted.ok() && inserted.error().is(ErrorCode::kAlreadyExists)) {
      return Error::AlreadyExists("storage: that link exists");
    }
    return inserted;
  });
}

Result<std::optional<model::AccountLink>> PgAccountLinkStore::FindUsable(
    const std::string& token_hash, std::int64_t now) {
  static const std::string sql = "SELECT " + std::string(kLinkColumns) +
                                 " FROM account_links WHERE token_hash = $1 AND used_at = 0 AND "
                                 "expires_at > $2";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(token_hash).Add(now)));
  if (rows.empty()) return std::optional<model::AccountLink>();
  WARTA_ASSIGN_OR_RETURN(auto link, ReadLink(rows, 0));
  return std::optional<model::AccountLink>(std::move(link));
}

// One UPDATE under the row lock: of two nodes using one link at once, one wins.
Result<bool> PgAccountLinkStore::Use(const std::string& token_hash, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "UPDATE account_links SET used_at = $1 WHERE token_hash = $2 "
                                   "AND used_at = 0 AND expires_at > $1 RETURNING 1",
                                   Params().Add(now).Add(token_hash)));
  return !rows.empty();
}

Result<std::vector<model::AccountLink>> PgAccountLinkStore::ListUsable(std::int64_t now,
                                                                       int limit) {
  if (limit < 1 || limit > 1000) return Error::InvalidArgument("storage: link list limit");
  static const std::string sql = "SELECT " + std::string(kLinkColumns) +
                                 " FROM account_links WHERE used_at = 0 AND expires_at > $1 "
                                 "ORDER BY created_at DESC LIMIT $2";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(now).Add(limit)));
  return ReadLinks(rows);
}

Result<void> PgPresenceStore::Touch(std::int64_t article_id, std::int64_t user_id,
                                    std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           "INSERT INTO edit_presence (article_id, user_id, seen_at) "
                           "SELECT a.id, u.id, $3 FROM articles a, users u WHERE a.id = $1 AND "
                           "u.id = $2 ON CONFLICT (article_id, user_id) DO UPDATE SET "
                           "seen_at = excluded.seen_at RETURNING 1",
                           Params().Add(article_id).Add(user_id).Add(now)));
  if (rows.empty()) {
    return Error::NotFound("storage: no article " + std::to_string(article_id) + " or user " +
                           std::to_string(user_id));
  }
  return Ok();
}

Result<void> PgPresenceStore::Leave(std::int64_t article_id, std::int64_t user_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_, "DELETE FROM edit_presence WHERE article_id = $1 AND user_id = $2",
                Params().Add(article_id).Add(user_id)));
  (void)rows;
  return Ok();
}

Result<std::vector<model::EditPresence>> PgPresenceStore::Others(std::int64_t article_id,
                                                                 std::int64_t user_id,
                                                                 std::int64_t since) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT p.article_id, p.user_id, u.name, p.seen_at FROM edit_presence p "
                "JOIN users u ON u.id = p.user_id WHERE p.article_id = $1 AND p.user_id <> $2 "
                "AND p.seen_at >= $3 ORDER BY p.seen_at DESC, p.user_id",
                Params().Add(article_id).Add(user_id).Add(since)));
  std::vector<model::EditPresence> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(
        model::EditPresence{rows.Int64(i, 0), rows.Int64(i, 1), rows.Text(i, 2), rows.Int64(i, 3)});
  }
  return out;
}

Result<std::int64_t> PgPresenceStore::Purge(std::int64_t before) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, "DELETE FROM edit_presence WHERE seen_at < $1",
                                              Params().Add(before)));
  return rows.affected();
}

}  // namespace warta::storage::postgres
