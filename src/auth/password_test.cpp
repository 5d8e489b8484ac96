#include "auth/password.h"

#include <gtest/gtest.h>

#include <string>

#include "auth/roles.h"
#include "auth/username.h"

namespace warta::auth {
namespace {

TEST(PasswordRules, LengthIsBetween8And1024Bytes) {
  EXPECT_FALSE(CheckPasswordRules("").ok());
  EXPECT_FALSE(CheckPasswordRules("1234567").ok());
  EXPECT_TRUE(CheckPasswordRules("12345678").ok());
  EXPECT_TRUE(CheckPasswordRules(std::string(1024, 'x')).ok());
  auto too_long = CheckPasswordRules(std::string(1025, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
}

TEST(PasswordHasher, InteractiveCostMakesArgon2idHashesThatVerify) {
  PasswordHasher hasher(PasswordCost::Interactive());
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U) << *hash;
  EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << *hash;
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse batterY"));
  EXPECT_FALSE(hasher.NeedsRehash(*hash));
}

TEST(PasswordHasher, SaltsDifferAndBadInputNeverVerifies) {
  PasswordHasher hasher(PasswordCost::Minimum());
  auto a = hasher.Hash("same password");
  auto b = hasher.Hash("same password");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(hasher.Verify(*b, "same password"));
  EXPECT_FALSE(hasher.Verify("", "same password"));
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "same password"));
  EXPECT_FALSE(hasher.Verify(*a, std::string(2000, 'x')));
  EXPECT_FALSE(hasher.Hash("short").ok());
  // A hash made at another cost is flagged for rehashing at the next login.
  PasswordHasher stronger(PasswordCost::Interactive());
  EXPECT_TRUE(stronger.NeedsRehash(*a));
  EXPECT_TRUE(stronger.Verify(*a, "same password"));
  EXPECT_TRUE(stronger.NeedsRehash("not a hash"));
}

TEST(PasswordHasher, PasswordsWithNulAndNonAsciiBytesWork) {
  PasswordHasher hasher(PasswordCost::Minimum());
  const std::string password = std::string("kata\0sandi", 10) + "\xE3\x81\x82";
  auto hash = hasher.Hash(password);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hasher.Verify(*hash, password));
  EXPECT_FALSE(hasher.Verify(*hash, "kata"));
}

TEST(Username, AcceptsTheSmallAlphabetOnly) {
  for (const std::string& good :
       {std::string("abc"), std::string("Budi_Santoso"), std::string("user.name-2"),
        std::string("1st"), std::string(40, 'a')}) {
    EXPECT_TRUE(CheckUsername(good).ok()) << good;
  }
  for (std::string bad :
       {std::string("ab"), std::string(41, 'a'), std::string("_abc"), std::string(".abc"),
        std::string("a b c"), std::string("<script>"), std::string("a&b&c"), std::string("quo\"te"),
        std::string("ta\tb"), std::string("nul\0x", 5), std::string("caf\xC3\xA9"),
        std::string("\xD0\xB0"
                    "dmin")}) {
    auto result = CheckUsername(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(result.error().user_key.empty());
  }
}

TEST(Roles, ParseNameAndOrder) {
  for (Role role : {Role::kReader, Role::kModerator, Role::kEditor, Role::kAdmin}) {
    EXPECT_EQ(model::ParseRole(model::ToText(role)), role);
  }
  EXPECT_FALSE(model::ParseRole("root").has_value());
  EXPECT_FALSE(model::ParseRole("Admin").has_value());
  EXPECT_TRUE(HasRole(Role::kAdmin, Role::kModerator));
  EXPECT_TRUE(HasRole(Role::kModerator, Role::kModerator));
  EXPECT_FALSE(HasRole(Role::kReader, Role::kModerator));
  EXPECT_FALSE(HasRole(Role::kEditor, Role::kAdmin));
}

// CONTRACT §6: an author writes articles and moderates nothing; a moderator writes none.
TEST(Roles, AuthorStandsBesideTheStaffLadder) {
  EXPECT_TRUE(HasRole(Role::kAuthor, Role::kReader));
  EXPECT_TRUE(HasRole(Role::kAuthor, Role::kAuthor));
  EXPECT_FALSE(HasRole(Role::kAuthor, Role::kModerator));
  EXPECT_FALSE(HasRole(Role::kModerator, Role::kAuthor));
  EXPECT_TRUE(HasRole(Role::kEditor, Role::kAuthor));
  EXPECT_TRUE(HasRole(Role::kAdmin, Role::kAuthor));
  EXPECT_FALSE(HasRole(Role::kReader, Role::kAuthor));
}

}  // namespace
}  // namespace warta::auth
