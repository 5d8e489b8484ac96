#include "model/liker.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace warta::model {
namespace {

TEST(Liker, TextIsTheStoredKey) {
  EXPECT_EQ(ToText(Liker::Account(12)), "u:12");
  EXPECT_EQ(ToText(Liker::Visitor(0)), "v:0");
  EXPECT_EQ(ToText(Liker::Visitor(std::numeric_limits<std::uint64_t>::max())),
            "v:18446744073709551615");
  for (const Liker& liker :
       {Liker::Account(1), Liker::Account(std::numeric_limits<std::int64_t>::max()),
        Liker::Visitor(0), Liker::Visitor(987654321)}) {
    EXPECT_EQ(ParseLiker(ToText(liker)), liker) << ToText(liker);
  }
}

TEST(Liker, AccountsNeedAPositiveId) {
  EXPECT_TRUE(Liker::Account(1).valid());
  EXPECT_FALSE(Liker::Account(0).valid());
  EXPECT_FALSE(Liker::Account(-5).valid());
  EXPECT_TRUE(Liker::Visitor(0).valid());
}

TEST(Liker, ParseTakesOnlyWhatToTextWrites) {
  for (std::string_view bad :
       {"", "u:", "v:", "u:0", "u:-1", "v:+1", "v:01", "x:1", "u1", "U:1", "u:1 ", " u:1",
        "v:18446744073709551616", "u:9223372036854775808", "u:1a"}) {
    EXPECT_FALSE(ParseLiker(bad).has_value()) << bad;
  }
  EXPECT_FALSE(ParseLiker(std::string(65, 'v')).has_value());
}

}  // namespace
}  // namespace warta::model
