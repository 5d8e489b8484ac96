#include "ingest/extractor/dom.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/extractor/text.h"
#include "ingest/sanitizer/html_parse.h"

namespace warta::ingest::extractor {
namespace {

namespace san = warta::ingest::sanitizer;

struct Parsed {
  explicit Parsed(std::string html, int max_depth = 200)
      : source(std::move(html)), parsed(source, san::HtmlInput::kDocument) {
    BuildFromGumbo(parsed.root(), doc, max_depth);
  }
  std::string source;
  san::ParsedHtml parsed;
  Document doc;
};

TEST(DomTest, CopiesTheDocumentWithHeadAndBody) {
  Parsed p("<!doctype html><html lang=en><title>T</title><p class=x>Hello <b>you</b><!-- c -->");
  ASSERT_NE(p.doc.html(), nullptr);
  EXPECT_EQ(p.doc.html()->Attr("lang"), "en");
  ASSERT_NE(p.doc.head(), nullptr);
  ASSERT_NE(p.doc.body(), nullptr);
  EXPECT_EQ(OuterHtml(p.doc.body()), "<body><p class=\"x\">Hello <b>you</b></p></body>");
}

TEST(DomTest, TemplateContentIsInertAndSvgIsForeign) {
  Parsed p("<body><template><p>inert</p></template><svg><title>icon</title></svg>");
  EXPECT_EQ(InnerText(p.doc.body()), "icon");
  const std::vector<Node*> titles = ElementsByTag(p.doc.html(), GUMBO_TAG_TITLE);
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_TRUE(titles.front()->foreign);
}

TEST(DomTest, ElementsBeyondTheDepthLimitAreFlattenedKeepingTheirText) {
  std::string html = "<body>";
  for (int i = 0; i < 50; ++i) html += "<div>";
  html += "deep text";
  Parsed p(html, 10);
  int depth = 0;
  Node* n = p.doc.body();
  while (n->FirstElementChild() != nullptr) {
    n = n->FirstElementChild();
    ++depth;
  }
  EXPECT_LE(depth, 9);  // html is depth 0, body 1
  EXPECT_EQ(InnerText(p.doc.body()), "deep text");
}

TEST(DomTest, InnerTextTrimsAndCollapsesLikeReadability) {
  Parsed p("<body><p id=a>  one \n\n two\tthree  </p><p id=b>\xF0\x9F\x98\x80 x</p>");
  Node* a = p.doc.body()->FirstElementChild();
  EXPECT_EQ(InnerText(a), "one two\tthree");
  EXPECT_EQ(InnerText(a, false), "one \n\n two\tthree");
  EXPECT_EQ(InnerTextLength(a), JsLength(InnerText(a)));
  Node* b = a->NextElementSibling();
  EXPECT_EQ(InnerTextLength(b), 4u);  // the emoji is two UTF-16 units
}

TEST(DomTest, WalkVisitsElementsInDocumentOrderAndSkipsRemovedSubtrees) {
  Parsed p("<body><div id=a><p id=b></p></div><div id=c><p id=d></p></div>");
  std::string order;
  for (Node* n = p.doc.body(); n != nullptr; n = NextElementInTree(n, false)) {
    order += n->Attr("id").empty() ? "." : std::string(n->Attr("id"));
  }
  EXPECT_EQ(order, ".abcd");
  Node* a = p.doc.body()->FirstElementChild();
  Node* next = RemoveAndGetNext(a);
  EXPECT_EQ(next->Attr("id"), "c");
  EXPECT_EQ(a->parent, nullptr);
  EXPECT_EQ(OuterHtml(p.doc.body()), "<body><div id=\"c\"><p id=\"d\"></p></div></body>");
}

TEST(DomTest, EditsKeepSiblingLinksConsistent) {
  Document doc;
  Node* root = doc.NewElement(GUMBO_TAG_DIV);
  doc.set_html(root);
  Node* a = doc.NewText("a");
  Node* b = doc.NewElement(GUMBO_TAG_B);
  Node* c = doc.NewText("c");
  AppendChild(root, a);
  AppendChild(root, c);
  InsertBefore(root, b, c);
  AppendChild(b, doc.NewText("b"));
  EXPECT_EQ(OuterHtml(root), "<div>a<b>b</b>c</div>");
  Node* i = doc.NewElement(GUMBO_TAG_I);
  ReplaceWith(b, i);
  AppendChild(i, b);  // the replaced node can move into its replacement
  EXPECT_EQ(OuterHtml(root), "<div>a<i><b>b</b></i>c</div>");
  Detach(a);
  Detach(c);
  EXPECT_EQ(root->first_child, i);
  EXPECT_EQ(root->last_child, i);
  EXPECT_EQ(i->prev, nullptr);
}

TEST(DomTest, SerializationEscapesTextAndAttributesAndDropsBadNames) {
  Document doc;
  Node* p = doc.NewElement(GUMBO_TAG_P);
  p->SetAttr("title", "a\"<b>");
  p->SetAttr("on\"x", "y");
  AppendChild(p, doc.NewText("1 < 2 & </p><script>"));
  AppendChild(p, doc.NewElement(GUMBO_TAG_BR));
  EXPECT_EQ(OuterHtml(p),
            "<p title=\"a&quot;&lt;b&gt;\">1 &lt; 2 &amp; &lt;/p&gt;&lt;script&gt;<br></p>");
}

TEST(TextTest, MeasuresAsJavaScriptDoes) {
  EXPECT_EQ(NormalizeSpaces("\xC2\xA0 a  b\nc \xE3\x80\x80"), "a b\nc");
  EXPECT_EQ(CollapseSpaces("  a \n b  "), "a b");
  EXPECT_EQ(JsLength("a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80"), 5u);
  EXPECT_EQ(CountCommas("a, b\xEF\xBC\x8C c\xD8\x8C d"), 3u);
  EXPECT_EQ(WordCount("one two  three"), 3u);
  EXPECT_EQ(WordCount(""), 1u);
  EXPECT_DOUBLE_EQ(TextSimilarity("The Big Story", "the big story"), 1.0);
  EXPECT_DOUBLE_EQ(TextSimilarity("abc", "xyz"), 0.0);
  EXPECT_EQ(UnescapeBasicEntities("Tom &amp; Jerry &#8211; &#x41;&quot;&bogus;"),
            "Tom & Jerry \xE2\x80\x93 A\"&bogus;");
}

}  // namespace
}  // namespace warta::ingest::extractor
