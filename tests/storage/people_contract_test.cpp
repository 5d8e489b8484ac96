// Contract: accounts and sessions (storage/user_store.h, storage/session_store.h), on both
// backends, including a session created through one store and found through another (nodes).
#include <cstdint>
#include <string>

#include "model/role.h"
#include "model/user.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/session_store.h"
#include "storage/user_store.h"

namespace warta::storage::contract {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;
const std::string kHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";

template <typename Backend>
class PeopleContract : public StoreContract<Backend> {
 protected:
  std::int64_t NewUser(const std::string& name, model::Role role = model::Role::kReader) {
    auto id = this->store().users().Create(model::NewUser{name, kHash, role});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(PeopleContract, Backends, BackendNames);

TYPED_TEST(PeopleContract, NamesAreUniqueIgnoringAsciiCase) {
  UserStore& users = this->store().users();
  const std::int64_t id = this->NewUser("Budi", model::Role::kEditor);
  EXPECT_TRUE(users.Create(model::NewUser{"bUDI", kHash, model::Role::kReader})
                  .error()
                  .is(ErrorCode::kAlreadyExists));
  auto found = users.FindByName("BUDI");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, id);
  EXPECT_EQ((*found)->name, "Budi");
  EXPECT_EQ((*found)->role, model::Role::kEditor);
  EXPECT_EQ((*found)->password_hash, kHash);
  EXPECT_FALSE(users.FindByName("Siti")->has_value());
  EXPECT_FALSE(users.FindById(id + 10)->has_value());
  EXPECT_EQ(*users.Count(), 1);
  EXPECT_TRUE(users.Create(model::NewUser{"", kHash, model::Role::kReader})
                  .error()
                  .is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(users.Create(model::NewUser{"x", "", model::Role::kReader})
                  .error()
                  .is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(PeopleContract, RolesPasswordsAndListsChange) {
  UserStore& users = this->store().users();
  const std::int64_t a = this->NewUser("a");
  const std::int64_t b = this->NewUser("b");
  ASSERT_TRUE(users.SetRole(b, model::Role::kAdmin).ok());
  ASSERT_TRUE(users.SetPasswordHash(a, kHash + "2").ok());
  EXPECT_EQ((*users.FindById(b))->role, model::Role::kAdmin);
  EXPECT_EQ((*users.FindById(a))->password_hash, kHash + "2");
  EXPECT_TRUE(users.SetRole(b + 10, model::Role::kAdmin).error().is(ErrorCode::kNotFound));
  auto listed = users.List(a, 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, b);
  EXPECT_TRUE(users.List(0, 0).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(PeopleContract, SessionsAreFoundUntilTheyExpireOrTheUserIsBanned) {
  const std::int64_t id = this->NewUser("budi");
  SessionStore& sessions = this->store().sessions();
  ASSERT_TRUE(sessions.Create({"h1", id, kNow, kNow + 100, kNow}).ok());
  ASSERT_TRUE(sessions.Create({"h2", id, kNow, kNow + 100, kNow}).ok());
  EXPECT_TRUE(
      sessions.Create({"h3", id + 10, kNow, kNow + 100, kNow}).error().is(ErrorCode::kNotFound));
  // Another node sees the session at once.
  auto second = this->OpenSecond();
  ASSERT_NE(second, nullptr);
  auto found = second->sessions().Find("h1", kNow + 1);
  ASSERT_TRUE(found.ok() && found->has_value()) << (found.ok() ? "" : found.error().message);
  EXPECT_EQ((*found)->user.id, id);
  EXPECT_EQ((*found)->session.expires_at, kNow + 100);
  EXPECT_FALSE(sessions.Find("h1", kNow + 100)->has_value());  // expired at expires_at

  ASSERT_TRUE(sessions.Touch("h1", kNow + 50, kNow + 500).ok());
  ASSERT_TRUE(sessions.Touch("h1", kNow + 60, kNow + 200).ok());  // never shortens
  EXPECT_EQ((*sessions.Find("h1", kNow + 400))->session.expires_at, kNow + 500);

  EXPECT_EQ(*sessions.DeleteForUserExcept(id, "h1"), 1);
  EXPECT_EQ(*sessions.DeleteExpired(kNow + 1000), 1);
  ASSERT_TRUE(sessions.Create({"h4", id, kNow, kNow + 100, kNow}).ok());
  auto ended = this->store().users().SetBanned(id, kNow);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 1);
  EXPECT_FALSE(sessions.Find("h4", kNow)->has_value());
  EXPECT_EQ((*this->store().users().FindById(id))->banned_at, kNow);
}

}  // namespace
}  // namespace warta::storage::contract
