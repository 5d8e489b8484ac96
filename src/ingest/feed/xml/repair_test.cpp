#include "ingest/feed/xml/repair.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::ingest::feed::xml {
namespace {

std::string Repair(std::string_view in, std::string* problem = nullptr) {
  return RepairXml(in, 1000, problem);
}

TEST(RepairXmlTest, WellFormedInputIsUnchanged) {
  std::string problem;
  std::string doc =
      "<?xml version=\"1.0\"?><rss a=\"x&amp;y\"><t>A &lt; B &#233; &#x1F600; &apos;</t>"
      "<!-- & < --><![CDATA[ & <b> ]]><?pi & ?></rss>";
  EXPECT_EQ(Repair(doc, &problem), doc);
  EXPECT_EQ(problem, "");
}

TEST(RepairXmlTest, BareAmpersands) {
  std::string problem;
  EXPECT_EQ(Repair("<t>Fish & Chips</t>", &problem), "<t>Fish &amp; Chips</t>");
  EXPECT_NE(problem.find("bare &"), std::string::npos);
  EXPECT_EQ(Repair("<a href=\"?a=1&b=2\">x</a>"), "<a href=\"?a=1&amp;b=2\">x</a>");
  EXPECT_EQ(Repair("<t>?page=1&copy=2;mode=x</t>"), "<t>?page=1&amp;copy=2;mode=x</t>");
  EXPECT_EQ(Repair("<t>AT&T</t>"), "<t>AT&amp;T</t>");
  EXPECT_EQ(Repair("<t>&</t>"), "<t>&amp;</t>");
  EXPECT_EQ(Repair("<t>&#</t>"), "<t>&amp;#</t>");
  EXPECT_EQ(Repair("<t>&#12</t>"), "<t>&amp;#12</t>");
}

TEST(RepairXmlTest, HtmlEntitiesBecomeCharacterReferences) {
  std::string problem;
  EXPECT_EQ(Repair("<t>a&nbsp;b &eacute; &hellip;</t>", &problem),
            "<t>a&#160;b &#233; &#8230;</t>");
  EXPECT_NE(problem.find("HTML entity"), std::string::npos);
  EXPECT_EQ(Repair("<t>&nosuchentity;</t>"), "<t>&amp;nosuchentity;</t>");
}

TEST(RepairXmlTest, TheDoctypeIsRemovedAndPlainEntitiesExpanded) {
  std::string problem;
  EXPECT_EQ(Repair("<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//x//y\" \"http://x/y.dtd\">"
                   "<rss/>",
                   &problem),
            "<?xml version=\"1.0\"?><rss/>");
  EXPECT_EQ(problem, "");
  EXPECT_EQ(
      Repair("<!DOCTYPE rss [<!ENTITY nbsp \"&#160;\"><!ENTITY co 'Kyodo & <Co>'>"
             "<!ENTITY q \"a&amp;b&quot;\"><!ENTITY co \"second\">]><t a=\"&q;\">&co;&nbsp;</t>"),
      "<t a=\"a&amp;b&quot;\">\xC2\xA0</t>")
      << "a value with markup is not expanded; the first declaration binds";
  EXPECT_EQ(Repair("<!DOCTYPE r [<!ENTITY co \"Kyodo\">]><t>&co;</t>"), "<t>Kyodo</t>");
}

TEST(RepairXmlTest, EntitiesThatCouldAmplifyOrLeakAreDropped) {
  std::string problem;
  EXPECT_EQ(Repair("<!DOCTYPE r [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;\">]><t>&b;</t>", &problem),
            "<t></t>");
  EXPECT_NE(problem.find("not expanded"), std::string::npos);
  EXPECT_EQ(Repair("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><t>&x;</t>"),
            "<t></t>");
  EXPECT_EQ(Repair("<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><t>x</t>"),
            "<t>x</t>");
  // The budget (1000 bytes here) bounds what references can add in total.
  std::string doc = "<!DOCTYPE r [<!ENTITY x \"" + std::string(400, 'x') + "\">]><t>";
  for (int i = 0; i < 100; ++i) doc += "&x;";
  EXPECT_EQ(Repair(doc + "</t>"), "<t>" + std::string(800, 'x') + "</t>");
}

TEST(RepairXmlTest, ForbiddenCharactersAreDropped) {
  std::string problem;
  EXPECT_EQ(Repair("<t>ab\bc\x01\x1f d\tx\r\n</t>", &problem), "<t>abc d\tx\r\n</t>");
  EXPECT_NE(problem.find("control"), std::string::npos);
  EXPECT_EQ(Repair("<t>a&#0;b&#x8;c&#65;</t>"), "<t>abc&#65;</t>");
  EXPECT_EQ(Repair("<t>\xEF\xBF\xBEx\xEF\xBF\xBF</t>"), "<t>x</t>");
  EXPECT_EQ(Repair(std::string("<![CDATA[a\0b]]>", 15)), "<![CDATA[ab]]>");
}

TEST(RepairXmlTest, LessThanThatCannotStartMarkup) {
  EXPECT_EQ(Repair("<t>a < b, I <3 you</t>"), "<t>a &lt; b, I &lt;3 you</t>");
  EXPECT_EQ(Repair("<t><b>x</b></t>"), "<t><b>x</b></t>");
}

TEST(RepairXmlTest, UnterminatedConstructsCopyToTheEnd) {
  EXPECT_EQ(Repair("<t><![CDATA[ & "), "<t><![CDATA[ & ");
  EXPECT_EQ(Repair("<t><!-- & "), "<t><!-- & ");
  EXPECT_EQ(Repair("<!DOCTYPE x [ <!ENTITY"), "");
}

}  // namespace
}  // namespace warta::ingest::feed::xml
