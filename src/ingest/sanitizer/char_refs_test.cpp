#include "ingest/sanitizer/char_refs.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer {
namespace {

using internal::RewriteOversizedCharRefs;

TEST(CharRefsTest, LeavesInputWithoutOversizedReferencesAlone) {
  EXPECT_FALSE(RewriteOversizedCharRefs("plain text").has_value());
  EXPECT_FALSE(RewriteOversizedCharRefs("&#x10FFFF; &#1114111; &#x41 &amp; &# &#x; &").has_value());
  // Leading zeros do not make a value large.
  EXPECT_FALSE(RewriteOversizedCharRefs("&#x0000000000000041;").has_value());
}

TEST(CharRefsTest, RewritesWhatNoCodePointCanHold) {
  struct Case {
    const char* html;
    const char* rewritten;
  };
  // Without ";" a reference ends at the first character that is not a digit, which stays; the
  // character itself goes in, so digits after it cannot make a new reference.
  for (const Case& c :
       {Case{"a&#x110000;b", "a\uFFFDb"}, Case{"a&#1114112;;b", "a\uFFFD;b"},
        Case{"a&#xAAAAAAAAAAe b", "a\uFFFD b"}, Case{"&#99999999999999999999z", "\uFFFDz"},
        Case{"&#42949672AAAAA", "\uFFFDAAAAA"},
        Case{"&#X7FFFFFFF;&#x41;&#x80000000", "\uFFFD&#x41;\uFFFD"}}) {
    EXPECT_EQ(RewriteOversizedCharRefs(c.html), c.rewritten) << c.html;
  }
}

// The bug it works around: gumbo 0.10.1 wrapped such values around an int and let one raw
// byte through, which is not UTF-8.
TEST(CharRefsTest, SanitizedAndPlainTextStayUtf8) {
  for (const std::string html :
       {"a&#xAAAAAAAAAAe b", "<p title=\"&#xFFFFFFFFAE;\">t&#4294967214;</p>",
        "&#x0000000000AE;&#xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAe",
        "<p title=\"&#xAAAAAAAAAAe\">a&#xAAA;AAAAAAe b&#42949672AAAAA>"}) {
    const std::string text = ToPlainText(html);
    EXPECT_TRUE(utf8::IsValid(text)) << html;
    EXPECT_TRUE(utf8::IsValid(Sanitize(html, {}))) << html;
  }
  EXPECT_EQ(ToPlainText("a&#xAAAAAAAAAAe b"), "a\xEF\xBF\xBD b");
}

}  // namespace
}  // namespace warta::ingest::sanitizer
