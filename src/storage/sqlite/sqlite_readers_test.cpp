// Accounts, sessions, likes and shares on a real SQLite file.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

class SqliteReadersTest : public test_util::MigratedSqliteStore {
 protected:
  std::int64_t NewArticle(std::int64_t likes = 0) {
    model::NewArticle a;
    a.title = "Article";
    a.body_html = "<p>Body</p>";
    a.initial.likes = likes;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::int64_t NewUser(const std::string& name, model::Role role = model::Role::kReader) {
    auto id = store_->users().Create(NewUserValue(name, role));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  static model::NewUser NewUserValue(const std::string& name, model::Role role) {
    model::NewUser user;
    user.name = name;
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    user.role = role;
    return user;
  }

  std::int64_t StoredLikes(std::int64_t article) {
    auto counters = store_->articles().GetCounters(article);
    EXPECT_TRUE(counters.ok());
    return counters.ok() ? counters->likes : -1;
  }

  std::string Pragma(const std::string& name) {
    auto lease = store_->pool().Acquire();
    EXPECT_TRUE(lease.ok());
    auto stmt = (*lease)->Prepare("PRAGMA " + name);
    EXPECT_TRUE(stmt.ok());
    auto row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->Text(0);
  }
};

TEST_F(SqliteReadersTest, UserNamesAreUniqueIgnoringCase) {
  std::int64_t id = NewUser("Budi_Santoso", model::Role::kEditor);
  ASSERT_GT(id, 0);
  auto taken = store_->users().Create(NewUserValue("budi_SANTOSO", model::Role::kReader));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);

  auto found = store_->users().FindByName("BUDI_santoso");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, id);
  EXPECT_EQ((*found)->name, "Budi_Santoso");  // kept as registered
  EXPECT_EQ((*found)->role, model::Role::kEditor);
  EXPECT_GT((*found)->created_at, 0);

  auto missing = store_->users().FindByName("nobody");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  auto count = store_->users().Count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
}

TEST_F(SqliteReadersTest, UserValuesAreCheckedAndUpdatable) {
  auto bad_role = store_->users().Create(NewUserValue("ani", static_cast<model::Role>(99)));
  ASSERT_FALSE(bad_role.ok());
  EXPECT_EQ(bad_role.error().code, ErrorCode::kInvalidArgument);
  model::NewUser no_hash = NewUserValue("ani", model::Role::kReader);
  no_hash.password_hash.clear();
  EXPECT_FALSE(store_->users().Create(no_hash).ok());
  EXPECT_FALSE(store_->users().Create(NewUserValue("", model::Role::kReader)).ok());

  std::int64_t id = NewUser("ani");
  ASSERT_TRUE(store_->users().SetPasswordHash(id, "$argon2id$new").ok());
  ASSERT_TRUE(store_->users().SetRole(id, model::Role::kModerator).ok());
  auto user = store_->users().FindById(id);
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->password_hash, "$argon2id$new");
  EXPECT_EQ((*user)->role, model::Role::kModerator);
  auto missing = store_->users().SetRole(id + 1, model::Role::kAdmin);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(store_->users().SetRole(id, static_cast<model::Role>(42)).ok());
}

// The newsroom's migration widened users.role's CHECK to the author role.
TEST_F(SqliteReadersTest, AuthorIsStored) {
  std::int64_t id = NewUser("penulis", model::Role::kAuthor);
  auto user = store_->users().FindById(id);
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->role, model::Role::kAuthor);
  std::int64_t other = NewUser("penulis2");
  ASSERT_TRUE(store_->users().SetRole(other, model::Role::kAuthor).ok());
}

// A ban ends the account's sessions in its transaction, and its sessions are never found
// again; lifting it lets the account log in anew.
TEST_F(SqliteReadersTest, BanEndsSessions) {
  std::int64_t user = NewUser("nakal");
  SessionStore& sessions = store_->sessions();
  ASSERT_TRUE(sessions.Create({"hash-n1", user, 1000, 5000, 1000}).ok());
  ASSERT_TRUE(sessions.Create({"hash-n2", user, 1000, 5000, 1000}).ok());
  auto ended = store_->users().SetBanned(user, 1500);
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(*ended, 2);
  auto found = store_->users().FindById(user);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->banned_at, 1500);
  ASSERT_TRUE(sessions.Create({"hash-n3", user, 1600, 5000, 1600}).ok());
  auto session = sessions.Find("hash-n3", 1700);
  ASSERT_TRUE(session.ok());
  EXPECT_FALSE(session->has_value());
  ASSERT_TRUE(store_->users().SetBanned(user, 0).ok());
  session = sessions.Find("hash-n3", 1700);
  ASSERT_TRUE(session.ok());
  EXPECT_TRUE(session->has_value());
  EXPECT_EQ(store_->users().SetBanned(user + 100, 1).error().code, ErrorCode::kNotFound);
  auto listed = store_->users().List(0, 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().name, "nakal");
}

TEST_F(SqliteReadersTest, SessionsExpireSlideAndEnd) {
  std::int64_t user = NewUser("citra");
  SessionStore& sessions = store_->sessions();
  ASSERT_TRUE(sessions.Create({"hash-a", user, 1000, 2000, 1000}).ok());
  ASSERT_TRUE(sessions.Create({"hash-b", user, 1000, 1500, 1000}).ok());
  auto missing_user = sessions.Create({"hash-c", user + 1, 1000, 2000, 1000});
  ASSERT_FALSE(missing_user.ok());
  EXPECT_EQ(missing_user.error().code, ErrorCode::kNotFound);

  auto found = sessions.Find("hash-a", 1999);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user.name, "citra");
  EXPECT_EQ((*found)->session.expires_at, 2000);
  auto expired = sessions.Find("hash-a", 2000);
  ASSERT_TRUE(expired.ok());
  EXPECT_FALSE(expired->has_value());

  ASSERT_TRUE(sessions.Touch("hash-a", 1900, 5000).ok());
  ASSERT_TRUE(sessions.Touch("hash-a", 1950, 3000).ok());  // never shortens
  found = sessions.Find("hash-a", 4000);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->session.last_seen_at, 1950);
  EXPECT_EQ((*found)->session.expires_at, 5000);

  auto swept = sessions.DeleteExpired(1600);
  ASSERT_TRUE(swept.ok());
  EXPECT_EQ(*swept, 1);  // hash-b
  ASSERT_TRUE(sessions.Delete("hash-a").ok());
  ASSERT_TRUE(sessions.Delete("hash-a").ok());  // absent: ignored
  found = sessions.Find("hash-a", 1000);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());

  ASSERT_TRUE(sessions.Create({"hash-d", user, 1000, 9000, 1000}).ok());
  ASSERT_TRUE(sessions.Create({"hash-e", user, 1000, 9000, 1000}).ok());
  auto ended = sessions.DeleteForUser(user);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 2);
}

TEST_F(SqliteReadersTest, DeleteForUserExceptKeepsOneSessionAndOtherAccounts) {
  std::int64_t user = NewUser("dara");
  std::int64_t other = NewUser("eka");
  SessionStore& sessions = store_->sessions();
  for (const char* id : {"keep", "old-1", "old-2"}) {
    ASSERT_TRUE(sessions.Create({id, user, 1000, 9000, 1000}).ok());
  }
  ASSERT_TRUE(sessions.Create({"someone-else", other, 1000, 9000, 1000}).ok());
  auto ended = sessions.DeleteForUserExcept(user, "keep");
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(*ended, 2);
  EXPECT_TRUE(sessions.Find("keep", 1001)->has_value());
  EXPECT_FALSE(sessions.Find("old-1", 1001)->has_value());
  EXPECT_FALSE(sessions.Find("old-2", 1001)->has_value());
  EXPECT_TRUE(sessions.Find("someone-else", 1001)->has_value());
}

TEST_F(SqliteReadersTest, LikeAndUnlikeAreIdempotentAndMoveTheCounter) {
  std::int64_t article = NewArticle(/*likes=*/3);  // an imported total
  LikeStore& likes = store_->likes();
  auto first = likes.Like(article, model::Liker::Visitor(1), 100, 20000);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->changed);
  EXPECT_EQ(first->counters.likes, 4);
  auto again = likes.Like(article, model::Liker::Visitor(1), 101, 20000);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->counters.likes, 4);
  ASSERT_TRUE(likes.Like(article, model::Liker::Account(1), 102, 20000).ok());
  EXPECT_EQ(StoredLikes(article), 5);

  auto liked = likes.IsLiked(article, model::Liker::Visitor(1));
  ASSERT_TRUE(liked.ok());
  EXPECT_TRUE(*liked);
  auto unliked = likes.Unlike(article, model::Liker::Visitor(1), UnixNow());
  ASSERT_TRUE(unliked.ok());
  EXPECT_TRUE(unliked->changed);
  EXPECT_EQ(unliked->counters.likes, 4);
  unliked = likes.Unlike(article, model::Liker::Visitor(1), UnixNow());
  ASSERT_TRUE(unliked.ok());
  EXPECT_FALSE(unliked->changed);
  EXPECT_EQ(StoredLikes(article), 4);
  liked = likes.IsLiked(article, model::Liker::Visitor(1));
  ASSERT_TRUE(liked.ok());
  EXPECT_FALSE(*liked);
}

TEST_F(SqliteReadersTest, LikesOnMissingArticlesOrWithBadKeysAreRefused) {
  auto missing = store_->likes().Like(424242, model::Liker::Visitor(1), 1, 20000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  missing = store_->likes().Unlike(424242, model::Liker::Visitor(1), UnixNow());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  std::int64_t article = NewArticle();
  auto empty = store_->likes().Like(article, model::Liker::Account(0), 1, 20000);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(store_->likes().Like(article, model::Liker::Account(-5), 1, 20000).ok());
  EXPECT_EQ(StoredLikes(article), 0);
}

TEST_F(SqliteReadersTest, ConcurrentLikesAreExact) {
  std::int64_t article = NewArticle();
  constexpr int kThreads = 8;
  constexpr int kLikersPerThread = 40;
  std::atomic<int> changed{0};
  std::atomic<int> failures{0};
  auto run = [&](bool like) {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kLikersPerThread; ++i) {
          // Every liker twice, and the second half of the likers by two threads at once.
          const auto liker = model::Liker::Visitor(static_cast<std::uint64_t>((t / 2) * 1000 + i));
          for (int repeat = 0; repeat < 2; ++repeat) {
            auto result = like ? store_->likes().Like(article, liker, 1, 20000)
                               : store_->likes().Unlike(article, liker, UnixNow());
            if (!result.ok()) {
              failures.fetch_add(1);
            } else if (result->changed) {
              changed.fetch_add(1);
            }
          }
        }
      });
    }
    for (auto& thread : threads) thread.join();
  };
  run(true);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(changed.load(), kThreads / 2 * kLikersPerThread);
  EXPECT_EQ(StoredLikes(article), kThreads / 2 * kLikersPerThread);
  changed = 0;
  run(false);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(changed.load(), kThreads / 2 * kLikersPerThread);
  EXPECT_EQ(StoredLikes(article), 0);
}

TEST_F(SqliteReadersTest, LikeCommitsAreSyncedAndTheConnectionRestored) {
  std::int64_t article = NewArticle();
  ASSERT_TRUE(store_->likes().Like(article, model::Liker::Visitor(9), 1, 20000).ok());
  // The one pooled connection went back at synchronous=NORMAL (1).
  EXPECT_EQ(Pragma("synchronous"), "1");
  {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    auto durable = DurableCommits::Begin(**lease);
    ASSERT_TRUE(durable.ok());
    auto stmt = (*lease)->Prepare("PRAGMA synchronous");
    ASSERT_TRUE(stmt.ok());
    auto row = stmt->Step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(stmt->Int64(0), 2);  // FULL
  }
  EXPECT_EQ(Pragma("synchronous"), "1");
}

TEST_F(SqliteReadersTest, SharesAreCountedPerNetwork) {
  std::int64_t article = NewArticle();
  ShareStore& shares = store_->shares();
  ASSERT_TRUE(shares.Add(article, "whatsapp", UnixNow(), 20000).ok());
  ASSERT_TRUE(shares.Add(article, "whatsapp", UnixNow(), 20000).ok());
  auto counters = shares.Add(article, "x", UnixNow(), 20000);
  ASSERT_TRUE(counters.ok());
  EXPECT_EQ(counters->shares, 3);
  auto by_network = shares.ByNetwork(article);
  ASSERT_TRUE(by_network.ok());
  std::vector<std::pair<std::string, std::int64_t>> expected = {{"whatsapp", 2}, {"x", 1}};
  EXPECT_EQ(*by_network, expected);

  auto bad = shares.Add(article, "Bad Network", UnixNow(), 20000);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  auto missing = shares.Add(article + 100, "x", UnixNow(), 20000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto stored = store_->articles().GetCounters(article);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->shares, 3);
}

}  // namespace
}  // namespace warta::storage::sqlite
