// Measures and tests on elements that the scorer's passes share.
#include <algorithm>
#include <charconv>
#include <string>

#include "core/ascii.h"
#include "core/utf8.h"
#include "ingest/extractor/hints.h"
#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

bool IsPhrasingTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

// Readability's DIV_TO_P_ELEMS: a <div> holding one of these is not a paragraph.
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// parseInt(value, 10), 0 when it does not start with digits.
int LeadingInt(std::string_view value) {
  value = TrimJsSpace(value);
  int n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  return ec == std::errc() ? n : 0;
}

struct TableSize {
  int rows = 0;
  int columns = 0;
};

TableSize RowsAndColumns(Node* table) {
  TableSize size;
  for (Node* tr : ElementsByTag(table, GUMBO_TAG_TR)) {
    const int rowspan = LeadingInt(tr->Attr("rowspan"));
    size.rows += rowspan != 0 ? rowspan : 1;
    int columns = 0;
    for (Node* td : ElementsByTag(tr, GUMBO_TAG_TD)) {
      const int colspan = LeadingInt(td->Attr("colspan"));
      columns += colspan != 0 ? colspan : 1;
    }
    size.columns = std::max(size.columns, columns);
  }
  return size;
}

bool IsDataTable(Node* table) {
  if (table->Attr("role") == "presentation") return false;
  if (table->Attr("datatable") == "0") return false;
  if (!table->Attr("summary").empty()) return true;
  const std::vector<Node*> captions = ElementsByTag(table, GUMBO_TAG_CAPTION);
  if (!captions.empty() && captions.front()->first_child != nullptr) return true;
  for (const GumboTag t :
       {GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD, GUMBO_TAG_TH}) {
    if (HasDescendant(table, t)) return true;
  }
  if (HasDescendant(table, GUMBO_TAG_TABLE)) return false;  // nested tables: layout
  const TableSize size = RowsAndColumns(table);
  if (size.columns == 1 || size.rows == 1) return false;
  if (size.rows >= 10 || size.columns > 4) return true;
  return size.rows * size.columns > 10;
}

// The value of one declaration in an inline style ("" when absent), lower case, without
// "!important".
std::string StyleValue(std::string_view style, std::string_view property) {
  std::string result;
  while (!style.empty()) {
    const std::size_t semi = style.find(';');
    std::string_view decl = style.substr(0, semi);
    style = semi == std::string_view::npos ? std::string_view{} : style.substr(semi + 1);
    const std::size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    if (ascii::Lower(TrimJsSpace(decl.substr(0, colon))) != property) continue;
    std::string value = ascii::Lower(TrimJsSpace(decl.substr(colon + 1)));
    if (const std::size_t bang = value.find('!'); bang != std::string::npos) {
      value = std::string(TrimJsSpace(std::string_view(value).substr(0, bang)));
    }
    result = value;  // the last declaration wins
  }
  return result;
}

}  // namespace

double LinkDensity(const Node* node) {
  const std::size_t text_length = InnerTextLength(node);
  if (text_length == 0) return 0;
  double link_length = 0;
  ForEachDescendant(node, [&](const Node* d) {
    if (!d->Is(GUMBO_TAG_A)) return true;
    const std::string_view href = d->Attr("href");
    const double coefficient = href.size() > 1 && href[0] == '#' ? 0.3 : 1.0;
    link_length += static_cast<double>(InnerTextLength(d)) * coefficient;
    return true;
  });
  return link_length / static_cast<double>(text_length);
}

bool IsPhrasingContent(const Node* node) {
  if (node->is_text || IsPhrasingTag(node->tag)) return true;
  if (!node->Is(GUMBO_TAG_A) && !node->Is(GUMBO_TAG_DEL) && !node->Is(GUMBO_TAG_INS)) {
    return false;
  }
  // Bounded recursion: the DOM's depth is capped when it is built.
  for (const Node* c = node->first_child; c != nullptr; c = c->next) {
    if (!IsPhrasingContent(c)) return false;
  }
  return true;
}

bool IsWhitespaceNode(const Node* node) {
  return node->is_text ? IsBlank(node->text) : node->Is(GUMBO_TAG_BR);
}

bool HasSingleTagInside(const Node* node, GumboTag tag) {
  if (node->ElementChildCount() != 1 || !node->FirstElementChild()->Is(tag)) return false;
  // Readability's /\S$/ test: a text child ending in non-space counts as content.
  for (const Node* c = node->first_child; c != nullptr; c = c->next) {
    if (!c->is_text || c->text.empty()) continue;
    std::size_t i = 0;
    char32_t last = 0;
    while (i < c->text.size()) last = utf8::Next(c->text, i);
    if (!IsJsSpace(last)) return false;
  }
  return true;
}

bool IsElementWithoutContent(Node* node) {
  if (!node->IsElement() || InnerTextLength(node) != 0) return false;
  const std::size_t children = node->ElementChildCount();
  return children == 0 ||
         children == CountByTag(node, GUMBO_TAG_BR) + CountByTag(node, GUMBO_TAG_HR);
}

bool HasChildBlockElement(Node* node) {
  bool found = false;
  ForEachDescendant(node, [&](const Node* d) {
    found = found || (d->IsElement() && IsBlockTag(d->tag));
    return !found;
  });
  return found;
}

bool HasAncestorTag(const Node* node, GumboTag tag, int max_depth, bool data_tables_only) {
  int depth = 0;
  for (; node->parent != nullptr; node = node->parent, ++depth) {
    if (max_depth > 0 && depth > max_depth) return false;
    if (node->parent->Is(tag) && (!data_tables_only || node->parent->data_table == 1)) {
      return true;
    }
  }
  return false;
}

Node* SkipWhitespace(Node* node) {
  while (node != nullptr && node->is_text && IsBlank(node->text)) node = node->next;
  return node;
}

std::string ClassAndId(const Node* node) {
  std::string s(node->Attr("class"));
  s += ' ';
  s += node->Attr("id");
  return s;
}

bool IsProbablyVisible(const Node* node) {
  const std::string_view style = node->Attr("style");
  if (!style.empty() &&
      (StyleValue(style, "display") == "none" || StyleValue(style, "visibility") == "hidden")) {
    return false;
  }
  if (node->HasAttr("hidden")) return false;
  // Wikimedia's math images carry aria-hidden but are the visible fallback.
  return node->Attr("aria-hidden") != "true" ||
         node->Attr("class").find("fallback-image") != std::string_view::npos;
}

void MarkDataTables(Node* root) {
  for (Node* table : ElementsByTag(root, GUMBO_TAG_TABLE)) {
    table->data_table = IsDataTable(table) ? 1 : 0;
  }
}

}  // namespace warta::ingest::extractor
