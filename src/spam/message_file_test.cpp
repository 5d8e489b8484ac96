#include "spam/message_file.h"

#include <gtest/gtest.h>

namespace warta::spam {
namespace {

using Messages = std::vector<std::string>;

TEST(MessageFileTest, OneMessagePerLine) {
  EXPECT_EQ(SplitMessages("satu\r\ndua  \n\n"), (Messages{"satu", "dua"}));
  EXPECT_EQ(SplitMessages("\n\nsatu\ndua"), (Messages{"satu", "dua"}));
}

TEST(MessageFileTest, BlocksWhenBlankLinesSeparateText) {
  EXPECT_EQ(SplitMessages("baris satu\nbaris dua\n\n \nblok dua\n"),
            (Messages{"baris satu\nbaris dua", "blok dua"}));
}

TEST(MessageFileTest, EmptyFileHasNoMessages) {
  EXPECT_TRUE(SplitMessages("").empty());
  EXPECT_TRUE(SplitMessages("\n \n\t\n").empty());
}

}  // namespace
}  // namespace warta::spam
