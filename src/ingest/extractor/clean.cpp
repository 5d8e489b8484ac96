// Cleaning the chosen content (readability's _prepArticle and _simplifyNestedElements).
#include <algorithm>
#include <cmath>
#include <string>

#include "core/ascii.h"
#include "ingest/extractor/hints.h"
#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

// Share bars inside the article are removed while their text is shorter than this.
constexpr std::size_t kShareElementMaxText = kCharThreshold;

bool IsAllowedVideo(Node* node) {
  for (const auto& a : node->attributes) {
    if (VideoUrl(a.value)) return true;
  }
  return node->Is(GUMBO_TAG_OBJECT) && VideoUrl(InnerHtml(node));
}

// Removes every `tag` below root, except embeds of known video hosts.
void Clean(Node* root, GumboTag tag) {
  const bool embed = tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_IFRAME;
  for (Node* node : ElementsByTag(root, tag)) {
    if (embed && IsAllowedVideo(node)) continue;
    Detach(node);
  }
}

// data:image/...;base64, with its MIME type, or "" when `src` is not one.
std::string Base64ImageType(std::string_view src) {
  std::string lower = ascii::Lower(TrimJsSpace(src));
  if (!lower.starts_with("data:")) return {};
  const std::size_t semi = lower.find(';');
  const std::size_t comma = lower.find(',');
  if (semi == std::string::npos || comma == std::string::npos || semi > comma) return {};
  const std::string_view params =
      TrimJsSpace(std::string_view(lower).substr(semi + 1, comma - semi - 1));
  if (params != "base64") return {};
  return std::string(TrimJsSpace(std::string_view(lower).substr(5, semi - 5)));
}

bool LooksLikeSrcset(std::string_view v) {
  // "x.jpg 2x" / "x.png 640w": an image file name followed by white space and a digit.
  const std::string lower = ascii::Lower(v);
  for (const std::string_view ext : {".jpg", ".jpeg", ".png", ".webp"}) {
    for (std::size_t at = lower.find(ext); at != std::string::npos; at = lower.find(ext, at + 1)) {
      std::size_t i = at + ext.size();
      const std::size_t spaces = i;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n')) ++i;
      if (i > spaces && i < lower.size() && lower[i] >= '0' && lower[i] <= '9') return true;
    }
  }
  return false;
}

bool LooksLikeSingleImageUrl(std::string_view v) {
  const std::string_view t = TrimJsSpace(v);
  if (t.empty() || t.find_first_of(" \t\n\r\f") != std::string_view::npos) return false;
  return MentionsImageFile(t);
}

// gumbo 0.10 has no tag number for <picture>.
bool IsPicture(const Node* n) { return n->Is(GUMBO_TAG_UNKNOWN) && n->name == "picture"; }

std::vector<Node*> ImagesAndFigures(Node* root, bool figures) {
  std::vector<Node*> out;
  ForEachDescendant(root, [&](Node* n) {
    if (n->Is(GUMBO_TAG_IMG) || IsPicture(n) || (figures && n->Is(GUMBO_TAG_FIGURE))) {
      out.push_back(n);
    }
    return true;
  });
  return out;
}

// Lazy-loaded images keep their real address in data-* attributes: copy it to src/srcset.
void FixLazyImages(Document& doc, Node* root) {
  for (Node* elem : ImagesAndFigures(root, true)) {
    const std::string src(elem->Attr("src"));
    const std::string type = Base64ImageType(src);
    if (!type.empty()) {
      if (type == "image/svg+xml") continue;
      bool other_source = false;
      for (const auto& a : elem->attributes) {
        other_source = other_source || (a.name != "src" && MentionsImageFile(a.value));
      }
      // A tiny inline image next to a real file name is a placeholder.
      if (other_source && src.size() - src.find(',') - 1 < 133) elem->RemoveAttr("src");
    }
    const bool is_img = elem->Is(GUMBO_TAG_IMG);
    const std::string_view srcset = elem->Attr("srcset");
    if (is_img && (!elem->Attr("src").empty() || (!srcset.empty() && srcset != "null")) &&
        !ascii::ContainsIgnoreCase(elem->Attr("class"), "lazy")) {
      continue;
    }
    const std::vector<Attribute> attributes = elem->attributes;
    for (const auto& a : attributes) {
      if (a.name == "src" || a.name == "srcset" || a.name == "alt") continue;
      const char* copy_to = LooksLikeSrcset(a.value)           ? "srcset"
                            : LooksLikeSingleImageUrl(a.value) ? "src"
                                                               : nullptr;
      if (copy_to == nullptr) continue;
      if (is_img || IsPicture(elem)) {
        elem->SetAttr(copy_to, a.value);
      } else if (ImagesAndFigures(elem, false).empty()) {
        Node* img = doc.NewElement(GUMBO_TAG_IMG);
        img->SetAttr(copy_to, a.value);
        AppendChild(elem, img);
      }
    }
  }
}

// Sum of the text lengths of the descendants with one of `tags`, over the node's own length.
double TextDensity(Node* node, std::initializer_list<GumboTag> tags) {
  const std::size_t length = InnerTextLength(node);
  if (length == 0) return 0;
  std::size_t inner = 0;
  for (Node* child : ElementsByTags(node, tags)) inner += InnerTextLength(child);
  return static_cast<double>(inner) / static_cast<double>(length);
}

void CleanMatchedShareNodes(Node* top, WorkBudget& budget) {
  Node* end = NextElementInTree(top, true);
  Node* next = NextElementInTree(top, false);
  while (next != nullptr && next != end && !budget.Exhausted()) {
    if (ShareHint(ClassAndId(next)) && JsLength(TextContent(next)) < kShareElementMaxText) {
      next = RemoveAndGetNext(next);
    } else {
      next = NextElementInTree(next, false);
    }
  }
}

// A table of one row of one cell is layout: keep the cell, as a paragraph if it can be one.
void UnwrapSingleCellTables(Node* root) {
  for (Node* table : ElementsByTag(root, GUMBO_TAG_TABLE)) {
    if (table->parent == nullptr) continue;
    Node* tbody = HasSingleTagInside(table, GUMBO_TAG_TBODY) ? table->FirstElementChild() : table;
    if (!HasSingleTagInside(tbody, GUMBO_TAG_TR)) continue;
    Node* row = tbody->FirstElementChild();
    if (!HasSingleTagInside(row, GUMBO_TAG_TD)) continue;
    Node* cell = row->FirstElementChild();
    bool phrasing = true;
    for (const Node* c = cell->first_child; c != nullptr && phrasing; c = c->next) {
      phrasing = IsPhrasingContent(c);
    }
    cell->Retag(phrasing ? GUMBO_TAG_P : GUMBO_TAG_DIV);
    ReplaceWith(table, cell);
  }
}

bool IsEmptyParagraph(Node* p) {
  for (const GumboTag t : {GUMBO_TAG_IMG, GUMBO_TAG_EMBED, GUMBO_TAG_OBJECT, GUMBO_TAG_IFRAME}) {
    if (HasDescendant(p, t)) return false;
  }
  return InnerTextLength(p) == 0;
}

}  // namespace

void Scorer::CleanArticle(Node* article) {
  MarkDataTables(article);
  FixLazyImages(doc_, article);
  CleanConditionally(article, GUMBO_TAG_FORM);
  CleanConditionally(article, GUMBO_TAG_FIELDSET);
  for (const GumboTag t :
       {GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_FOOTER, GUMBO_TAG_LINK, GUMBO_TAG_ASIDE}) {
    Clean(article, t);
  }
  for (Node* child = article->FirstElementChild(); child != nullptr;
       child = child->NextElementSibling()) {
    CleanMatchedShareNodes(child, context_.budget);
  }
  for (const GumboTag t : {GUMBO_TAG_IFRAME, GUMBO_TAG_INPUT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT,
                           GUMBO_TAG_BUTTON}) {
    Clean(article, t);
  }
  for (Node* h : ElementsByTags(article, {GUMBO_TAG_H1, GUMBO_TAG_H2})) {
    if (ClassWeight(h) < 0) Detach(h);
  }
  // Last, as what was removed above changes these measures.
  CleanConditionally(article, GUMBO_TAG_TABLE);
  CleanConditionally(article, GUMBO_TAG_UL);
  CleanConditionally(article, GUMBO_TAG_DIV);
  for (Node* h1 : ElementsByTag(article, GUMBO_TAG_H1)) h1->Retag(GUMBO_TAG_H2);
  for (Node* p : ElementsByTag(article, GUMBO_TAG_P)) {
    if (IsEmptyParagraph(p)) Detach(p);
  }
  for (Node* br : ElementsByTag(article, GUMBO_TAG_BR)) {
    const Node* next = SkipWhitespace(br->next);
    if (next != nullptr && next->Is(GUMBO_TAG_P)) Detach(br);
  }
  UnwrapSingleCellTables(article);
}

void Scorer::CleanConditionally(Node* root, GumboTag tag) {
  if (!Flag(kCleanConditionally)) return;
  const std::vector<Node*> nodes = ElementsByTag(root, tag);
  // Backwards, so inner elements are judged (and maybe removed) before their containers.
  for (std::size_t i = nodes.size(); i-- > 0 && !context_.budget.Exhausted();) {
    if (nodes[i]->parent != nullptr && ShouldRemove(nodes[i], tag)) Detach(nodes[i]);
  }
}

bool Scorer::ShouldRemove(Node* node, GumboTag tag) {
  const std::size_t text_length = InnerTextLength(node);
  bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
  if (!is_list && text_length > 0) {
    std::size_t list_length = 0;
    for (Node* list : ElementsByTags(node, {GUMBO_TAG_UL, GUMBO_TAG_OL})) {
      list_length += InnerTextLength(list);
    }
    is_list = static_cast<double>(list_length) / static_cast<double>(text_length) > 0.9;
  }
  if (tag == GUMBO_TAG_TABLE && node->data_table == 1) return false;
  if (HasAncestorTag(node, GUMBO_TAG_TABLE, -1, true)) return false;
  if (HasAncestorTag(node, GUMBO_TAG_CODE)) return false;
  for (const Node* table : ElementsByTag(node, GUMBO_TAG_TABLE)) {
    if (table->data_table == 1) return false;
  }
  const int weight = ClassWeight(node);
  if (weight < 0) return true;
  const std::string text = InnerText(node);
  if (std::count(text.begin(), text.end(), ',') >= 10) return false;

  const auto p = static_cast<double>(CountByTag(node, GUMBO_TAG_P));
  const auto img = static_cast<double>(CountByTag(node, GUMBO_TAG_IMG));
  const double li = static_cast<double>(CountByTag(node, GUMBO_TAG_LI)) - 100;
  const auto input = static_cast<double>(CountByTag(node, GUMBO_TAG_INPUT));
  const double heading_density = TextDensity(
      node, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6});
  int embeds = 0;
  for (Node* e : ElementsByTags(node, {GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_IFRAME})) {
    if (IsAllowedVideo(e)) return false;
    ++embeds;
  }
  if (AdOrLoadingText(text)) return true;
  const std::size_t content_length = JsLength(text);
  const double link_density = LinkDensity(node);
  const double text_density =
      TextDensity(node, {GUMBO_TAG_SPAN, GUMBO_TAG_LI, GUMBO_TAG_TD, GUMBO_TAG_BLOCKQUOTE,
                         GUMBO_TAG_DL, GUMBO_TAG_DIV, GUMBO_TAG_IMG, GUMBO_TAG_OL, GUMBO_TAG_P,
                         GUMBO_TAG_PRE, GUMBO_TAG_TABLE, GUMBO_TAG_UL});
  const bool in_figure = HasAncestorTag(node, GUMBO_TAG_FIGURE);

  bool remove = (!in_figure && img > 1 && p / img < 0.5) ||  // an image gallery
                (!is_list && li > p) ||                      // a list outside a list
                input > std::floor(p / 3) ||                 // a form
                (!is_list && !in_figure && heading_density < 0.9 && content_length < 25 &&
                 (img == 0 || img > 2) && link_density > 0) ||  // a short link
                (!is_list && weight < 25 && link_density > 0.2) ||
                (weight >= 25 && link_density > 0.5) ||  // mostly links
                (embeds == 1 && content_length < 75) || embeds > 1 ||
                (img == 0 && text_density == 0);  // nothing to read
  if (is_list && remove) {
    // A list of images (one per item) stays.
    for (Node* c = node->FirstElementChild(); c != nullptr; c = c->NextElementSibling()) {
      if (c->ElementChildCount() > 1) return true;
    }
    if (img == static_cast<double>(CountByTag(node, GUMBO_TAG_LI))) return false;
  }
  return remove;
}

namespace {

// The text a reader needs of a MathML formula: its alttext or TeX annotation, else its
// tokens (mi, mn, mo, ...) apart by spaces.
std::string MathText(Node* math) {
  const std::string_view alt = TrimJsSpace(math->Attr("alttext"));
  if (!alt.empty()) return std::string(alt);
  std::string tokens;
  std::string tex;
  ForEachDescendant(math, [&](Node* n) {
    if (n->IsElement()) {
      if (n->name == "annotation" && ascii::ContainsIgnoreCase(n->Attr("encoding"), "tex")) {
        tex = NormalizeSpaces(TextContent(n));
      }
      return n->name != "annotation" && n->name != "annotation-xml";
    }
    const std::string token = NormalizeSpaces(n->text);
    if (!token.empty()) tokens += (tokens.empty() ? "" : " ") + token;
    return true;
  });
  return tex.empty() ? tokens : tex;
}

}  // namespace

void FlattenMath(Document& doc, Node* root) {
  for (Node* math : ElementsByTag(root, GUMBO_TAG_MATH)) {
    if (math->parent == nullptr) continue;
    Node* span = doc.NewElement(GUMBO_TAG_SPAN);
    AppendChild(span, doc.NewText(" " + MathText(math) + " "));
    ReplaceWith(math, span);
  }
}

void SimplifyNestedElements(Node* article, WorkBudget& budget) {
  Node* node = article;
  while (node != nullptr && !budget.Exhausted()) {
    if (node->parent != nullptr && (node->Is(GUMBO_TAG_DIV) || node->Is(GUMBO_TAG_SECTION)) &&
        !node->Attr("id").starts_with("readability")) {
      if (IsElementWithoutContent(node)) {
        node = RemoveAndGetNext(node);
        continue;
      }
      if (HasSingleTagInside(node, GUMBO_TAG_DIV) || HasSingleTagInside(node, GUMBO_TAG_SECTION)) {
        Node* child = node->FirstElementChild();
        for (const auto& a : node->attributes) child->SetAttr(a.name, a.value);
        ReplaceWith(node, child);
        node = child;
        continue;
      }
    }
    node = NextElementInTree(node, false);
  }
}

}  // namespace warta::ingest::extractor
