#include "search/query.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::search {
namespace {

Query Parse(std::string_view raw) {
  auto query = ParseQuery(raw);
  EXPECT_TRUE(query.ok());
  return std::move(query).value();
}

using Terms = std::vector<std::string>;

TEST(QueryTest, WordsAreNormalizedTerms) {
  Query q = Parse("  Borrell  agreeing ");
  EXPECT_EQ(q.text, "Borrell  agreeing");
  EXPECT_EQ(q.terms, (Terms{"borrell", "agreeing"}));
  EXPECT_FALSE(q.truncated);
}

TEST(QueryTest, QuotedTextIsOnePhrase) {
  EXPECT_EQ(Parse("\"Kemitraan  Keamanan\" jepang").terms, (Terms{"kemitraan keamanan", "jepang"}));
}

TEST(QueryTest, UnbalancedQuoteIsIgnored) {
  EXPECT_EQ(Parse("\"kemitraan keamanan").terms, (Terms{"kemitraan", "keamanan"}));
  EXPECT_EQ(Parse("a \"b c\" \"d").terms, (Terms{"a", "b c", "d"}));
}

TEST(QueryTest, ChunkOfSeveralWordsIsAPhrase) {
  EXPECT_EQ(Parse("e-mail 防衛分野").terms, (Terms{"e mail", "防衛 分野"}));
  EXPECT_EQ(Parse("防衛").terms, Terms{"防衛"});
  // The ideographic space separates chunks as ASCII space does.
  EXPECT_EQ(Parse("防衛\u3000協力").terms, (Terms{"防衛", "協力"}));
}

TEST(QueryTest, FtsSyntaxIsJustText) {
  EXPECT_EQ(Parse("title:borrell OR NEAR(a b) * ^x -y AND").terms,
            (Terms{"title borrell", "or", "near a", "b", "x", "y", "and"}));
  EXPECT_TRUE(Parse("\"\" () * ^ - : + .").terms.empty());
  EXPECT_TRUE(Parse("").terms.empty());
  EXPECT_TRUE(Parse("   \t\n").terms.empty());
}

TEST(QueryTest, DuplicateTermsCollapse) {
  EXPECT_EQ(Parse("Borrell borrell BORRELL").terms, Terms{"borrell"});
}

TEST(QueryTest, InvalidUtf8IsRepaired) {
  // U+FFFD is no word: it splits the chunk into a phrase of the valid parts.
  Query q =
      Parse(std::string("bor\xff\xfe"
                        "rell \xc3"
                        "x",
                        12));
  EXPECT_EQ(q.terms, (Terms{"bor rell", "x"}));
  EXPECT_EQ(q.text, "bor\uFFFD\uFFFDrell \uFFFDx");
  EXPECT_EQ(RepairUtf8(std::string("a\xc0\xaf"
                                   "b",
                                   4)),
            "a\uFFFD\uFFFDb");
  EXPECT_EQ(RepairUtf8("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // a UTF-16 surrogate
}

TEST(QueryTest, ControlCharactersSeparate) {
  EXPECT_EQ(Parse(std::string("a\0b\x1f"
                              "c",
                              5))
                .terms,
            (Terms{"a", "b", "c"}));
}

TEST(QueryTest, LongQueriesAreCut) {
  std::string huge;
  for (int i = 0; i < 2000; ++i) huge += "kata" + std::to_string(i) + " ";
  Query q = Parse(huge);
  EXPECT_TRUE(q.truncated);
  EXPECT_LE(q.text.size(), kMaxQueryBytes);
  EXPECT_EQ(q.terms.size(), kMaxQueryTerms);
  EXPECT_EQ(q.terms.front(), "kata0");

  std::string japanese;
  for (int i = 0; i < 1000; ++i) japanese += "防";
  Query j = Parse(japanese);
  EXPECT_TRUE(j.truncated);
  EXPECT_LE(j.text.size(), kMaxQueryBytes);
  EXPECT_EQ(j.text.size() % 3, 0u);  // cut on a character boundary
  EXPECT_EQ(RepairUtf8(j.text), j.text);

  // The limit applies after trimming: padding does not push the words out.
  Query padded = Parse(std::string(3000, ' ') + "Borrell" + std::string(3000, '\t'));
  EXPECT_FALSE(padded.truncated);
  EXPECT_EQ(padded.terms, Terms{"borrell"});
  Query exact = Parse(std::string(kMaxQueryBytes, 'a'));
  EXPECT_FALSE(exact.truncated);
  EXPECT_TRUE(Parse(std::string(kMaxQueryBytes + 1, 'a')).truncated);
}

TEST(QueryTest, CutUtf8) {
  EXPECT_EQ(CutUtf8("防衛", 4), "防");
  EXPECT_EQ(CutUtf8("防衛", 6), "防衛");
  EXPECT_EQ(CutUtf8("abc", 0), "");
}

}  // namespace
}  // namespace warta::search
