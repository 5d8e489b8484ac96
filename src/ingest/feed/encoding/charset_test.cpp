#include "ingest/feed/encoding/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::ingest::feed::encoding {
namespace {

// "東京ニュース" in legacy Japanese encodings and UTF-16.
constexpr char kTokyoNewsUtf8[] = "東京ニュース";
const std::string kShiftJis = "\x93\x8c\x8b\x9e\x83\x6a\x83\x85\x81\x5b\x83\x58";
const std::string kEucJp = "\xc5\xec\xb5\xfe\xa5\xcb\xa5\xe5\xa1\xbc\xa5\xb9";

std::string Xml(const std::string& encoding, const std::string& title) {
  return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><rss><title>" + title +
         "</title></rss>";
}

std::string Utf16(const std::string& ascii, bool big_endian) {
  std::string out;
  for (char c : ascii) {
    if (big_endian) out.push_back('\0');
    out.push_back(c);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

TEST(CharsetTest, ShiftJisAndEucJpFromTheDeclaration) {
  for (const char* label : {"Shift_JIS", "shift-jis", "SJIS", "windows-31j", "cp932"}) {
    Decoded d = DecodeXml(Xml(label, kShiftJis), "");
    EXPECT_NE(d.utf8.find(kTokyoNewsUtf8), std::string::npos) << label << ": " << d.utf8;
    EXPECT_TRUE(d.problem.empty()) << label << ": " << d.problem;
  }
  for (const char* label : {"EUC-JP", "euc-jp", "x-euc-jp"}) {
    Decoded d = DecodeXml(Xml(label, kEucJp), "");
    EXPECT_NE(d.utf8.find(kTokyoNewsUtf8), std::string::npos) << label << ": " << d.utf8;
  }
}

TEST(CharsetTest, Windows1252AndItsLatin1Labels) {
  const std::string text = "Caf\xe9 \x96 \x93quoted\x94 \x80";
  for (const char* label : {"windows-1252", "ISO-8859-1", "latin1", "us-ascii"}) {
    Decoded d = DecodeXml(Xml(label, text), "");
    EXPECT_NE(d.utf8.find("Café – “quoted” €"), std::string::npos) << label << ": " << d.utf8;
    EXPECT_EQ(d.encoding, "windows-1252");
  }
}

TEST(CharsetTest, Utf16WithAndWithoutBom) {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>";
  Decoded le = DecodeXml("\xFF\xFE" + Utf16(body, false), "");
  EXPECT_EQ(le.utf8, body);
  EXPECT_EQ(le.encoding, "UTF-16LE");
  Decoded be = DecodeXml("\xFE\xFF" + Utf16(body, true), "");
  EXPECT_EQ(be.utf8, body);
  Decoded no_bom = DecodeXml(Utf16(body, true), "");
  EXPECT_EQ(no_bom.utf8, body);
  // A non-ASCII character in UTF-16LE: 東 is U+6771.
  Decoded kanji = DecodeXml(std::string("\xFF\xFE<\0\x71\x67", 6), "");
  EXPECT_EQ(kanji.utf8, "<東");
}

TEST(CharsetTest, BomWinsOverHeaderWhichWinsOverDeclaration) {
  std::string utf8_with_bom = "\xEF\xBB\xBF" + Xml("Shift_JIS", "Café");
  Decoded bom = DecodeXml(utf8_with_bom, "EUC-JP");
  EXPECT_NE(bom.utf8.find("Café"), std::string::npos);
  EXPECT_EQ(bom.utf8.rfind("\xEF\xBB\xBF", 0), std::string::npos) << "BOM removed";
  Decoded header = DecodeXml(Xml("ISO-8859-1", kShiftJis), "Shift_JIS");
  EXPECT_NE(header.utf8.find(kTokyoNewsUtf8), std::string::npos);
}

TEST(CharsetTest, InvalidUtf8IsReadAsWindows1252) {
  Decoded d = DecodeXml(Xml("UTF-8", "Caf\xe9"), "");
  EXPECT_NE(d.utf8.find("Café"), std::string::npos);
  EXPECT_FALSE(d.problem.empty());
  Decoded undeclared = DecodeXml("<rss><title>Caf\xe9</title></rss>", "");
  EXPECT_NE(undeclared.utf8.find("Café"), std::string::npos);
}

TEST(CharsetTest, Utf8LabelledAsSomethingElseStaysUtf8) {
  Decoded d = DecodeXml(Xml("ISO-8859-1", "테스트 Café"), "");
  EXPECT_NE(d.utf8.find("테스트 Café"), std::string::npos);
  EXPECT_FALSE(d.problem.empty());
  Decoded unknown = DecodeXml(Xml("no-such-charset", "Café"), "");
  EXPECT_NE(unknown.utf8.find("Café"), std::string::npos);
  EXPECT_FALSE(unknown.problem.empty());
  Decoded unknown_ascii = DecodeXml(Xml("no-such-charset", "Cafe"), "");
  EXPECT_NE(unknown_ascii.problem.find("unknown"), std::string::npos);
}

TEST(CharsetTest, OutputIsAlwaysValidUtf8) {
  std::string garbage;
  for (int i = 0; i < 256; ++i) garbage.push_back(static_cast<char>(i));
  for (const char* label : {"UTF-8", "Shift_JIS", "EUC-JP", "UTF-16", "KOI8-R", ""}) {
    Decoded d = DecodeXml(Xml(label, garbage), "");
    // Every byte sequence ICU or the fallback produced must decode as UTF-8.
    std::u32string ignored;
    std::size_t i = 0;
    while (i < d.utf8.size()) {
      auto c = static_cast<unsigned char>(d.utf8[i]);
      std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ASSERT_TRUE(c < 0x80 || (c >= 0xC2 && c <= 0xF4)) << label << " at " << i;
      for (std::size_t k = 1; k < n; ++k) {
        ASSERT_LT(i + k, d.utf8.size()) << label;
        ASSERT_EQ(static_cast<unsigned char>(d.utf8[i + k]) & 0xC0, 0x80) << label << " at " << i;
      }
      i += n;
    }
  }
}

TEST(CharsetTest, JsonUtf16AndInvalidBytes) {
  Decoded d = DecodeJson(Utf16("{\"a\":1}", false));
  EXPECT_EQ(d.utf8, "{\"a\":1}");
  Decoded bad = DecodeJson("{\"a\":\"\xff\"}");
  EXPECT_EQ(bad.utf8, "{\"a\":\"\xEF\xBF\xBD\"}");
  EXPECT_FALSE(bad.problem.empty());
}

TEST(CharsetTest, DeclaredEncoding) {
  EXPECT_EQ(DeclaredXmlEncoding("<?xml version='1.0' encoding='euc-jp'?><a/>"), "euc-jp");
  EXPECT_EQ(DeclaredXmlEncoding("  <?xml version=\"1.0\" encoding = \"UTF-8\" ?>"), "UTF-8");
  EXPECT_EQ(DeclaredXmlEncoding("<?xml version=\"1.0\"?><a encoding=\"x\"/>"), "");
  EXPECT_EQ(DeclaredXmlEncoding("<rss><?xml encoding=\"x\"?>"), "");
}

}  // namespace
}  // namespace warta::ingest::feed::encoding
