// The JSON Feed tree against nlohmann::json, which it replaced: the same texts accepted and
// refused, and the same values read from what both accept (json_tree.h).
#include "ingest/feed/jsonfeed/json_tree.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace warta::ingest::feed::jsonfeed {
namespace {

using Json = nlohmann::json;
constexpr int kDepth = 64;

// Compares a tree node with nlohmann's value of the same text, recursively.
void ExpectSame(const Tree& tree, const Tree::Node& node, const Json& json,
                const std::string& where) {
  using Kind = Tree::Kind;
  switch (json.type()) {
    case Json::value_t::null:
      EXPECT_EQ(node.kind, Kind::kNull) << where;
      return;
    case Json::value_t::boolean:
      ASSERT_EQ(node.kind, Kind::kBool) << where;
      EXPECT_EQ(node.integer != 0, json.get<bool>()) << where;
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      ASSERT_EQ(node.kind, Kind::kInteger) << where;
      EXPECT_EQ(node.integer, json.get<std::int64_t>()) << where;
      return;
    case Json::value_t::number_float:
      EXPECT_EQ(node.kind, Kind::kFloat) << where;
      return;
    case Json::value_t::string:
      ASSERT_EQ(node.kind, Kind::kString) << where;
      EXPECT_EQ(node.text, json.get<std::string>()) << where;
      return;
    case Json::value_t::array: {
      ASSERT_EQ(node.kind, Kind::kArray) << where;
      std::size_t i = 0;
      for (std::uint32_t c = node.first; c != Tree::kNone; c = tree.at(c).next, ++i) {
        ASSERT_LT(i, json.size()) << where;
        ExpectSame(tree, tree.at(c), json[i], where + "/" + std::to_string(i));
      }
      EXPECT_EQ(i, json.size()) << where;
      return;
    }
    case Json::value_t::object:
      ASSERT_EQ(node.kind, Kind::kObject) << where;
      for (const auto& [key, value] : json.items()) {
        const Tree::Node* member = tree.Find(node, key);
        ASSERT_NE(member, nullptr) << where << "/" << key;
        ExpectSame(tree, *member, value, where + "/" + key);
      }
      return;
    default:
      FAIL() << where << ": unexpected nlohmann type";
  }
}

void ExpectLikeNlohmann(const std::string& text) {
  const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  const std::optional<Tree> tree = Tree::Parse(text, kDepth);
  ASSERT_EQ(tree.has_value(), !json.is_discarded()) << "text: " << text;
  if (tree) ExpectSame(*tree, tree->root(), json, text);
}

TEST(JsonTreeTest, AcceptsAndRefusesWhatNlohmannDoes) {
  const std::vector<std::string> texts = {
      "",
      " ",
      "{}",
      "[]",
      "{ }",
      "[ ]",
      " {\"a\": 1} ",
      "{\"a\":1,}",
      "[1,]",
      "[,1]",
      "{,}",
      "{\"a\" 1}",
      "{\"a\":}",
      "{a:1}",
      "{'a':1}",
      "[1 2]",
      "[1,,2]",
      "{\"a\":1}}",
      "[[]",
      "]",
      "true",
      "false",
      "null",
      "tru",
      "truex",
      "nul",
      "True",
      "[true,false,null]",
      // numbers
      "0",
      "-0",
      "01",
      "-01",
      "1.",
      ".5",
      "-",
      "+1",
      "1e5",
      "1E+5",
      "1e-5",
      "1e",
      "1.5e",
      "-1.25",
      "9223372036854775807",
      "9223372036854775808",
      "18446744073709551615",
      "18446744073709551616",
      "-9223372036854775808",
      "-9223372036854775809",
      "123456789012345678901234567890",
      "-123456789012345678901234567890",
      "1x",
      "0x10",
      "NaN",
      "Infinity",
      "[1e400]",
      "[00]",
      // strings
      "\"\"",
      "\"abc\"",
      "\"a\\\"b\"",
      "\"\\\\\"",
      "\"\\/\"",
      "\"\\b\\f\\n\\r\\t\"",
      "\"\\x\"",
      "\"\\u0041\"",
      "\"\\u00e9\\u00E9\"",
      "\"\\u0000\"",
      "\"\\u12\"",
      "\"\\u12G4\"",
      "\"\\ud83d\\ude00\"",
      "\"\\ud83d\"",
      "\"\\ud83dx\"",
      "\"\\ude00\"",
      "\"\\ud83d\\u0041\"",
      "\"\\ud83d\\ud83d\"",
      "\"tab\there\"",
      "\"nl\nhere\"",
      "\"\x7f\"",
      "\"unterminated",
      "\"caf\xc3\xa9\"",
      "\"\xe6\x97\xa5\xe6\x9c\xac\"",
      "\"\xff\"",
      "\"\xc3\x28\"",
      "\"\xed\xa0\x80\"",
      "\"\xf4\x90\x80\x80\"",
      "\xc3\xa9",
      "\"a\" \"b\"",
      "\"\\",
      // byte order mark and white space
      "\xEF\xBB\xBF{\"a\":1}",
      "\xEF\xBB{\"a\":1}",
      "\t\r\n[1]\t\r\n",
      "\f[1]",
      "[1]\v",
      // objects
      "{\"a\":1,\"a\":2}",
      "{\"a\":{\"b\":[1,{\"c\":\"d\"}]},\"e\":null}",
      "{\"k\\u00e9y\":\"v\\nw\"}",
      "{\"\":0}",
      // a JSON Feed
      R"({"version": "https://jsonfeed.org/version/1.1", "title": "T \"q\" \u00e9",
          "items": [{"id": 7, "title": "x", "tags": ["a", 1, null], "size_in_bytes": 5},
                    {"id": "8", "content_html": "<p>a\/b<\/p>", "date_published": null}]})",
  };
  for (const std::string& text : texts) ExpectLikeNlohmann(text);
}

TEST(JsonTreeTest, NestingBeyondTheLimitIsRefused) {
  bool too_deep = true;
  EXPECT_TRUE(Tree::Parse(std::string(kDepth, '[') + std::string(kDepth, ']'), kDepth, &too_deep));
  EXPECT_FALSE(Tree::Parse("[1,]", kDepth, &too_deep));
  EXPECT_FALSE(too_deep);
  // Far deeper than the stack would allow if the parser went on: it stops at the limit.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_FALSE(Tree::Parse(deep, kDepth, &too_deep));
  EXPECT_TRUE(too_deep);
  too_deep = false;
  EXPECT_FALSE(Tree::Parse("{\"a\":" + std::string(kDepth, '[') + std::string(kDepth, ']') + "}",
                           kDepth, &too_deep));
  EXPECT_TRUE(too_deep);
}

TEST(JsonTreeTest, RepeatedKeysTheLastCounts) {
  const std::optional<Tree> tree = Tree::Parse(R"({"a": "first", "b": 0, "a": "last"})", kDepth);
  ASSERT_TRUE(tree);
  const Tree::Node* a = tree->Find(tree->root(), "a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->text, "last");
  EXPECT_EQ(tree->Find(tree->root(), "c"), nullptr);
}

// Random mutations of a small feed (bytes replaced, dropped, doubled): every text that either
// parser accepts, both accept, with the same values.
TEST(JsonTreeTest, MutatedFeedsAgreeWithNlohmann) {
  const std::string seed =
      R"({"version":"https://jsonfeed.org/version/1","items":[{"id":1,"title":"a\u00e9\"b",)"
      R"("n":-12.5e3,"t":true,"f":false,"z":null,"big":18446744073709551615}]})";
  const std::string alphabet = "{}[]\",:\\u0123456789abcdefe.-+ \ttrue\xc3\xa9";
  std::mt19937 random(15);  // fixed: a failure reproduces
  for (int round = 0; round < 20000; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = alphabet[random() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text.insert(at, 1, text[at]);
      }
    }
    ExpectLikeNlohmann(text);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace warta::ingest::feed::jsonfeed
