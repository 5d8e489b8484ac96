#include "auth/csrf.h"

#include <gtest/gtest.h>

namespace warta::auth {
namespace {

TEST(CsrfTokens, IssuedTokenVerifiesForItsSubjectOnly) {
  CsrfTokens tokens("0123456789abcdef0123456789abcdef");
  std::string token = tokens.Issue("visitor:42");
  EXPECT_EQ(token.size(), 32u);
  EXPECT_TRUE(tokens.Verify("visitor:42", token));
  EXPECT_FALSE(tokens.Verify("visitor:43", token));
  EXPECT_FALSE(tokens.Verify("visitor:42", ""));
  token[0] = token[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(tokens.Verify("visitor:42", token));
}

TEST(CsrfTokens, DifferentSecretsGiveDifferentTokens) {
  CsrfTokens a("secret-one-secret-one-secret-one-");
  CsrfTokens b("secret-two-secret-two-secret-two-");
  EXPECT_NE(a.Issue("s"), b.Issue("s"));
  EXPECT_FALSE(b.Verify("s", a.Issue("s")));
}

}  // namespace
}  // namespace warta::auth
