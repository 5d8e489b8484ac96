#include "auth/api_tokens.h"

#include <gtest/gtest.h>

#include "storage/testing/migrated_sqlite_store.h"
#include "storage/token_store.h"
#include "storage/user_store.h"

namespace warta::auth {
namespace {

TEST(ApiTokens, MintedTokensLookRightAndDiffer) {
  MintedToken a = MintApiToken();
  MintedToken b = MintApiToken();
  EXPECT_TRUE(LooksLikeApiToken(a.token)) << a.token;
  EXPECT_EQ(a.token.rfind("wt_", 0), 0u);
  EXPECT_NE(a.token, b.token);
  EXPECT_EQ(a.hash, HashApiToken(a.token));
  EXPECT_EQ(a.hash.size(), 64u);
  EXPECT_EQ(a.hash.find(a.token.substr(3)), std::string::npos);
  EXPECT_FALSE(LooksLikeApiToken("wt_short"));
  EXPECT_FALSE(LooksLikeApiToken("xx_" + a.token.substr(3)));
  // SHA-256 of "abc", the standard test vector.
  EXPECT_EQ(HashApiToken("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

class ApiTokenAuthTest : public storage::test_util::MigratedSqliteStore {
 protected:
  std::string TokenFor(model::Role role, const std::string& name) {
    auto user = store_->users().Create(model::NewUser{name, "$argon2id$h", role});
    EXPECT_TRUE(user.ok());
    MintedToken minted = MintApiToken();
    model::AuditEntry audit;
    audit.action = "token.create";
    EXPECT_TRUE(store_->tokens().Create(*user, minted.hash, "", 10, audit).ok());
    return minted.token;
  }
};

TEST_F(ApiTokenAuthTest, AuthorsAndAboveOnly) {
  const std::string editor = TokenFor(model::Role::kEditor, "redaktur");
  const std::string reader = TokenFor(model::Role::kReader, "pembaca");
  auto found = AuthenticateApiToken(store_->tokens(), editor, 100);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->name, "redaktur");
  EXPECT_EQ(store_->tokens().ListForUser((*found)->id)->front().last_used_at, 100);
  EXPECT_FALSE(AuthenticateApiToken(store_->tokens(), reader, 100)->has_value());
  EXPECT_FALSE(AuthenticateApiToken(store_->tokens(), MintApiToken().token, 100)->has_value());
  EXPECT_FALSE(AuthenticateApiToken(store_->tokens(), "Bearer nonsense", 100)->has_value());
}

}  // namespace
}  // namespace warta::auth
