#include "auth/account_links.h"

#include <gtest/gtest.h>

#include <set>

#include "auth/api_tokens.h"

namespace warta::auth {
namespace {

TEST(AccountLinksTest, TokensAreRandomWellFormedAndStoredOnlyAsTheirHash) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    MintedLink link = MintLinkToken();
    EXPECT_TRUE(LooksLikeLinkToken(link.token)) << link.token;
    EXPECT_EQ(link.hash.size(), 64U);
    EXPECT_EQ(link.hash, HashLinkToken(link.token));
    EXPECT_EQ(link.token.find(link.hash), std::string::npos);
    EXPECT_TRUE(seen.insert(link.token).second);
  }
  EXPECT_FALSE(LooksLikeLinkToken(""));
  EXPECT_FALSE(LooksLikeLinkToken(std::string(43, '.')));
  EXPECT_FALSE(LooksLikeLinkToken(std::string(44, 'a')));
  // An API token is not a link (its prefix makes it longer).
  EXPECT_FALSE(LooksLikeLinkToken(MintApiToken().token));
}

TEST(AccountLinksTest, PathsAndLifetimes) {
  EXPECT_EQ(LinkPath(model::AccountLinkKind::kInvite, "abc"), "/undangan/abc");
  EXPECT_EQ(LinkPath(model::AccountLinkKind::kReset, "abc"), "/reset/abc");
  EXPECT_EQ(LinkLifetime(model::AccountLinkKind::kInvite), 7 * 86400);
  EXPECT_EQ(LinkLifetime(model::AccountLinkKind::kReset), 86400);
}

}  // namespace
}  // namespace warta::auth
