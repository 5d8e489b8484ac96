#include "core/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace warta {
namespace {

Result<int> Parse(const std::string& text) {
  if (text.empty()) return Error::InvalidArgument("test: empty", "error.empty");
  return static_cast<int>(text.size());
}

Result<std::unique_ptr<int>> Boxed(int n) {
  if (n < 0) return Error::NotFound("test: negative");
  return std::make_unique<int>(n);
}

Result<int> Twice(const std::string& text) {
  WARTA_ASSIGN_OR_RETURN(int n, Parse(text));
  WARTA_ASSIGN_OR_RETURN(auto box, Boxed(n - 3));  // move-only values are moved out
  return *box * 2;
}

TEST(ResultTest, AssignOrReturnPassesValuesOnAndErrorsBack) {
  auto ok = Twice("abcde");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);

  auto empty = Twice("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.error().user_key, "error.empty");

  auto negative = Twice("ab");
  ASSERT_FALSE(negative.ok());
  EXPECT_TRUE(negative.error().is(ErrorCode::kNotFound));
  EXPECT_EQ(negative.error().message, "test: negative");
}

TEST(ResultTest, NamedFactoriesCarryTheirCode) {
  EXPECT_EQ(Error::AlreadyExists("x").code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Error::TooLarge("x").code, ErrorCode::kTooLarge);
  EXPECT_EQ(Error::Unavailable("x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(Error::PermissionDenied("x").code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(Error::Internal("x").ToString(), MakeError(ErrorCode::kInternal, "x").ToString());
}

}  // namespace
}  // namespace warta
