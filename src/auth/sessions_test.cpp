#include "auth/sessions.h"

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "core/clock.h"
#include "storage/session_store.h"
#include "storage/store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"

namespace warta::auth {
namespace {

class SessionsTest : public storage::test_util::MigratedSqliteStore {
 protected:
  model::User MakeUser(const std::string& name, Role role = Role::kReader) {
    model::NewUser user{name, "$argon2id$placeholder", role};
    auto id = store_->users().Create(user);
    EXPECT_TRUE(id.ok());
    auto found = store_->users().FindById(id.ok() ? *id : 0);
    EXPECT_TRUE(found.ok() && found->has_value());
    return found.ok() && found->has_value() ? **found : model::User{};
  }
};

TEST_F(SessionsTest, StartResolveEnd) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  model::User user = MakeUser("dewi", Role::kModerator);
  auto started = sessions.Start(user, 1000);
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_TRUE(SessionManager::LooksLikeToken(started->token));
  EXPECT_EQ(started->session.id_hash, SessionManager::HashToken(started->token));
  EXPECT_EQ(started->session.user.role, Role::kModerator);

  auto resolved = sessions.Resolve(started->token, 1001);
  ASSERT_TRUE(resolved.ok());
  ASSERT_TRUE(resolved->has_value());
  EXPECT_EQ((*resolved)->user.name, "dewi");
  EXPECT_EQ((*resolved)->user.id, user.id);

  // Only the hash is stored, never the token itself.
  auto by_token = store_->sessions().Find(started->token, 1001);
  ASSERT_TRUE(by_token.ok());
  EXPECT_FALSE(by_token->has_value());

  ASSERT_TRUE(sessions.End(started->token).ok());
  resolved = sessions.Resolve(started->token, 1002);
  ASSERT_TRUE(resolved.ok());
  EXPECT_FALSE(resolved->has_value());
}

TEST_F(SessionsTest, MalformedUnknownAndExpiredTokensResolveToNothing) {
  SessionOptions options;
  options.lifetime_seconds = 100;
  SessionManager sessions(store_->sessions(), options);
  auto started = sessions.Start(MakeUser("eko"), 1000);
  ASSERT_TRUE(started.ok());
  for (std::string bad : {std::string(), std::string("x"), std::string(43, '*'),
                          std::string(44, 'a'), std::string(43, 'a')}) {
    auto resolved = sessions.Resolve(bad, 1001);
    ASSERT_TRUE(resolved.ok());
    EXPECT_FALSE(resolved->has_value()) << bad;
  }
  auto live = sessions.Resolve(started->token, 1099);
  ASSERT_TRUE(live.ok() && live->has_value());
  // Expired, even though it is in the cache.
  auto expired = sessions.Resolve(started->token, 1100);
  ASSERT_TRUE(expired.ok());
  EXPECT_FALSE(expired->has_value());
}

TEST_F(SessionsTest, CacheAnswersWithoutTheStoreUntilItExpires) {
  SessionOptions options;
  options.cache_seconds = 30;
  SessionManager node_a(store_->sessions(), options);
  SessionManager node_b(store_->sessions(), options);  // another node, same database
  auto started = node_a.Start(MakeUser("fajar"), 1000);
  ASSERT_TRUE(started.ok());
  ASSERT_TRUE(node_b.Resolve(started->token, 1000)->has_value());
  EXPECT_EQ(node_b.cached(), 1U);
  ASSERT_TRUE(node_a.End(started->token).ok());
  // Node B still trusts its cache for up to cache_seconds, then asks the store.
  EXPECT_TRUE(node_b.Resolve(started->token, 1029)->has_value());
  EXPECT_FALSE(node_b.Resolve(started->token, 1030)->has_value());
  EXPECT_EQ(node_b.cached(), 0U);
}

TEST_F(SessionsTest, EndAllForAUserAndCookies) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  model::User user = MakeUser("gita");
  auto one = sessions.Start(user, 1000);
  auto two = sessions.Start(user, 1000);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_NE(one->token, two->token);
  ASSERT_TRUE(sessions.Resolve(one->token, 1000)->has_value());
  ASSERT_TRUE(sessions.EndAllFor(user.id).ok());
  EXPECT_FALSE(sessions.Resolve(one->token, 1001)->has_value());
  EXPECT_FALSE(sessions.Resolve(two->token, 1001)->has_value());

  std::string cookie = sessions.SetCookie(one->token, /*secure=*/false);
  EXPECT_EQ(cookie.rfind("warta_session=" + one->token + ";", 0), 0U);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(sessions.SetCookie(one->token, true).find("; Secure"), std::string::npos);
  EXPECT_NE(sessions.ClearCookie(false).find("Max-Age=0"), std::string::npos);
}

class AccountsTest : public SessionsTest {
 protected:
  PasswordHasher hasher_{PasswordCost::Minimum()};
  FakeClock clock_;  // still: no throttle refills during a test
};

TEST_F(AccountsTest, RegisterLoginAndBadCredentials) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  Accounts accounts(store_->users(), hasher_, sessions, AccountLimits{}, clock_);
  auto registered = accounts.Register("Hana", "kata sandi rahasia", "10.0.0.1", 1000);
  ASSERT_TRUE(registered.ok()) << registered.error().message;
  EXPECT_EQ(registered->session.user.role, Role::kReader);

  auto taken = accounts.Register("hana", "another password", "10.0.0.1", 1000);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  auto bad_name = accounts.Register("<b>x</b>", "another password", "10.0.0.1", 1000);
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().code, ErrorCode::kInvalidArgument);
  auto short_password = accounts.Register("indra", "short", "10.0.0.1", 1000);
  ASSERT_FALSE(short_password.ok());
  EXPECT_EQ(short_password.error().code, ErrorCode::kInvalidArgument);

  auto login = accounts.Login("HANA", "kata sandi rahasia", "10.0.0.2", 1001);
  ASSERT_TRUE(login.ok()) << login.error().message;
  EXPECT_EQ(login->session.user.name, "Hana");
  auto wrong = accounts.Login("hana", "kata sandi salah!", "10.0.0.2", 1001);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kPermissionDenied);
  auto unknown = accounts.Login("nobody", "kata sandi rahasia", "10.0.0.2", 1001);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(unknown.error().message, wrong.error().message);  // nothing to tell them apart
}

TEST_F(AccountsTest, LoginsAreThrottledPerAccountAndPerAddress) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  AccountLimits limits;
  limits.attempts_per_minute = 1000;
  limits.pair_failures = 2;
  limits.account_failures = 4;
  Accounts accounts(store_->users(), hasher_, sessions, limits, clock_);
  ASSERT_TRUE(accounts.Create("joko", "the right password", Role::kReader).ok());
  ASSERT_TRUE(accounts.Login("joko", "the right password", "10.9.0.1", 1000).ok());
  // One address guessing one account: throttled after 2, even for the right password.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(accounts.Login("joko", "wrong password", "10.1.0.1", 1000).error().code,
              ErrorCode::kPermissionDenied);
  }
  EXPECT_EQ(accounts.Login("joko", "the right password", "10.1.0.1", 1000).error().code,
            ErrorCode::kUnavailable);
  // Failures from many addresses: strangers are throttled after 4 on the account (2 of
  // them above), even for the right password...
  for (int i = 2; i < 4; ++i) {
    auto wrong = accounts.Login("joko", "wrong password", "10.1.0." + std::to_string(i), 1000);
    EXPECT_EQ(wrong.error().code, ErrorCode::kPermissionDenied);
  }
  auto throttled = accounts.Login("Joko", "the right password", "10.2.0.1", 1000);
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(throttled.error().user_key, "rate_limited");
  // ...but not the owner: from an address they logged in from, or from a known device.
  EXPECT_TRUE(accounts.Login("joko", "the right password", "10.9.0.1", 1001).ok());
  const std::int64_t joko =
      accounts.Login("joko", "the right password", "10.9.0.1", 1001)->session.user.id;
  EXPECT_TRUE(accounts.Login("joko", "the right password", "10.7.0.1", 1001, joko).ok());
  EXPECT_EQ(accounts.Login("joko", "the right password", "10.7.0.2", 1001, joko + 1).error().code,
            ErrorCode::kUnavailable);

  AccountLimits tight;
  tight.attempts_per_minute = 2;
  Accounts per_address(store_->users(), hasher_, sessions, tight, clock_);
  ASSERT_TRUE(per_address.Create("kiki", "the right password", Role::kReader).ok());
  EXPECT_TRUE(per_address.Login("kiki", "the right password", "10.3.0.1", 1000).ok());
  EXPECT_TRUE(per_address.Login("kiki", "the right password", "10.3.0.1", 1000).ok());
  auto flood = per_address.Login("kiki", "the right password", "10.3.0.1", 1000);
  ASSERT_FALSE(flood.ok());
  EXPECT_EQ(flood.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(per_address.Login("kiki", "the right password", "10.3.0.2", 1000).ok());

  AccountLimits off;
  off.enabled = false;
  off.attempts_per_minute = 1;
  off.account_failures = 1;
  Accounts unlimited(store_->users(), hasher_, sessions, off, clock_);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(unlimited.Login("kiki", "wrong password", "10.4.0.1", 1000).error().code,
              ErrorCode::kPermissionDenied);
  }
}

TEST_F(AccountsTest, ChangePasswordEndsOtherSessionsAndKeepsTheCurrentOne) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  Accounts accounts(store_->users(), hasher_, sessions, AccountLimits{}, clock_);
  auto user = accounts.Create("lina", "old password!", Role::kEditor);
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->role, Role::kEditor);
  auto here = accounts.Login("lina", "old password!", "10.0.0.8", 1000);
  auto other_device = accounts.Login("lina", "old password!", "10.0.0.9", 1000);
  ASSERT_TRUE(here.ok() && other_device.ok());
  // Both resolved once, so both are in the cache that the change must also clear.
  ASSERT_TRUE(sessions.Resolve(other_device->token, 1000)->has_value());
  ASSERT_TRUE(sessions.Resolve(here->token, 1000)->has_value());

  auto wrong = accounts.ChangePassword(here->session, "not the old one", "new password!");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(wrong.error().user_key, "auth_wrong_password");
  auto weak = accounts.ChangePassword(here->session, "old password!", "short");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(sessions.Resolve(other_device->token, 1001)->has_value());

  auto changed = accounts.ChangePassword(here->session, "old password!", "new password!");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_FALSE(sessions.Resolve(other_device->token, 1002)->has_value());
  EXPECT_TRUE(sessions.Resolve(here->token, 1002)->has_value());
  EXPECT_FALSE(accounts.Login("lina", "old password!", "10.0.0.9", 1003).ok());
  EXPECT_TRUE(accounts.Login("lina", "new password!", "10.0.0.9", 1003).ok());
}

TEST_F(AccountsTest, WrongCurrentPasswordsAreThrottledLikeLogins) {
  SessionManager sessions(store_->sessions(), SessionOptions{});
  AccountLimits limits;
  limits.pair_failures = 2;
  Accounts accounts(store_->users(), hasher_, sessions, limits, clock_);
  ASSERT_TRUE(accounts.Create("mira", "old password!", Role::kReader).ok());
  auto here = accounts.Login("mira", "old password!", "10.0.0.8", 1000);
  ASSERT_TRUE(here.ok());
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(accounts.ChangePassword(here->session, "guess", "new password!").error().code,
              ErrorCode::kPermissionDenied);
  }
  auto throttled = accounts.ChangePassword(here->session, "old password!", "new password!");
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().user_key, "rate_limited");
}

}  // namespace
}  // namespace warta::auth
