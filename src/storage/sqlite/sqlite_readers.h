// The SQLite backend of the readers' stores: accounts, sessions, likes and shares.
// Internal to src/storage/sqlite/ (obtain them through storage::Store).
#pragma once

#include "storage/like_store.h"
#include "storage/session_store.h"
#include "storage/share_store.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/group_commit.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/user_store.h"

namespace warta::storage::sqlite {

class SqliteUserStore final : public UserStore {
 public:
  explicit SqliteUserStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Create(const model::NewUser& user) override;
  Result<std::optional<model::User>> FindByName(const std::string& name) override;
  Result<std::optional<model::User>> FindById(std::int64_t id) override;
  Result<void> SetPasswordHash(std::int64_t id, const std::string& password_hash) override;
  Result<void> SetRole(std::int64_t id, model::Role role) override;
  Result<std::int64_t> Count() override;
  Result<std::vector<model::User>> List(std::int64_t after_id, int limit) override;
  Result<std::int64_t> SetBanned(std::int64_t id, std::int64_t banned_at) override;

 private:
  ConnectionPool& pool_;
};

class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(ConnectionPool& pool) : pool_(pool) {}

  Result<void> Create(const model::SessionRecord& session) override;
  Result<std::optional<model::SessionWithUser>> Find(const std::string& id_hash,
                                                     std::int64_t now) override;
  Result<void> Touch(const std::string& id_hash, std::int64_t last_seen_at,
                     std::int64_t expires_at) override;
  Result<void> Delete(const std::string& id_hash) override;
  Result<std::int64_t> DeleteForUser(std::int64_t user_id) override;
  Result<std::int64_t> DeleteExpired(std::int64_t now) override;
  Result<std::int64_t> DeleteForUserExcept(std::int64_t user_id,
                                           const std::string& keep_id_hash) override;

 private:
  ConnectionPool& pool_;
};

class SqliteLikeStore final : public LikeStore {
 public:
  // Writes go through `group` (group_commit.h); reads straight to the pool.
  SqliteLikeStore(ConnectionPool& pool, GroupCommit& group, const TrendingPolicyHolder& trending)
      : pool_(pool), group_(group), trending_(trending) {}

  Result<model::LikeChange> Like(std::int64_t article_id, const model::Liker& liker,
                                 std::int64_t now, std::int64_t day) override;
  Result<model::LikeChange> Unlike(std::int64_t article_id, const model::Liker& liker,
                                   std::int64_t now) override;
  Result<bool> IsLiked(std::int64_t article_id, const model::Liker& liker) override;

 private:
  ConnectionPool& pool_;
  GroupCommit& group_;
  const TrendingPolicyHolder& trending_;
};

class SqliteShareStore final : public ShareStore {
 public:
  // Writes go through `group` (group_commit.h); reads straight to the pool.
  SqliteShareStore(ConnectionPool& pool, GroupCommit& group, const TrendingPolicyHolder& trending)
      : pool_(pool), group_(group), trending_(trending) {}

  Result<model::Counters> Add(std::int64_t article_id, const std::string& network, std::int64_t now,
                              std::int64_t day) override;
  Result<std::vector<std::pair<std::string, std::int64_t>>> ByNetwork(
      std::int64_t article_id) override;

 private:
  ConnectionPool& pool_;
  GroupCommit& group_;
  const TrendingPolicyHolder& trending_;
};

}  // namespace warta::storage::sqlite
