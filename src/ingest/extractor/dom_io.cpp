// Into the DOM from gumbo's tree, and out of it as HTML.
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/html_escape.h"
#include "ingest/extractor/dom.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

std::string ElementName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  return ascii::Lower(std::string_view(piece.data, piece.length));
}

Node* CopyElement(const GumboElement& element, Document& doc) {
  Node* node = doc.NewElement(element.tag);
  if (element.tag == GUMBO_TAG_UNKNOWN) node->name = ElementName(element);
  node->foreign = element.tag_namespace != GUMBO_NAMESPACE_HTML;
  node->attributes.reserve(element.attributes.length);
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    node->attributes.push_back(Attribute{a->name, a->value});
  }
  return node;
}

bool IsVoid(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 100) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == ':' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string_view WrittenName(const Node* n) {
  if (ValidName(n->name)) return n->name;
  return "span";
}

void AppendStartTag(const Node* n, std::string& out) {
  out += '<';
  out += WrittenName(n);
  for (const auto& a : n->attributes) {
    if (!ValidName(a.name)) continue;
    out += ' ';
    out += a.name;
    out += "=\"";
    AppendEscapedHtml(out, a.value);
    out += '"';
  }
  out += '>';
}

// Writes `first` alone (only_first) or with all its following siblings; iterative.
void AppendNodes(const Node* first, std::string& out, bool only_first) {
  std::vector<std::pair<const Node*, bool>> stack;  // (node, closing)
  if (only_first) {
    stack.emplace_back(first, false);
  } else {
    const Node* last = first;
    while (last->next != nullptr) last = last->next;
    for (const Node* n = last; n != nullptr && n != first->prev; n = n->prev) {
      stack.emplace_back(n, false);
    }
  }
  while (!stack.empty()) {
    const auto [n, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      out += "</";
      out += WrittenName(n);
      out += '>';
      continue;
    }
    if (n->is_text) {
      AppendEscapedHtml(out, n->text);
      continue;
    }
    AppendStartTag(n, out);
    if (IsVoid(n->tag)) continue;
    stack.emplace_back(n, true);
    for (const Node* c = n->last_child; c != nullptr; c = c->prev) stack.emplace_back(c, false);
  }
}

}  // namespace

void BuildFromGumbo(const GumboNode* root, Document& doc, int max_depth) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return;
  Node* html = CopyElement(root->v.element, doc);
  doc.set_html(html);
  struct Frame {
    const GumboVector* children;
    unsigned next;
    Node* parent;
    int depth;
  };
  std::vector<Frame> stack{{&root->v.element.children, 0, html, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.children->length) {
      stack.pop_back();
      continue;
    }
    const auto* g = static_cast<const GumboNode*>(top.children->data[top.next++]);
    Node* parent = top.parent;
    const int depth = top.depth;
    switch (g->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        AppendChild(parent, doc.NewText(g->v.text.text));
        break;
      case GUMBO_NODE_TEMPLATE:
        // A browser keeps template content out of the document (in template.content).
        AppendChild(parent, CopyElement(g->v.element, doc));
        break;
      case GUMBO_NODE_ELEMENT:
        if (depth + 1 > max_depth) {
          // Too deep: the element disappears, its children join `parent`.
          stack.push_back(Frame{&g->v.element.children, 0, parent, depth});
        } else {
          Node* element = CopyElement(g->v.element, doc);
          AppendChild(parent, element);
          stack.push_back(Frame{&g->v.element.children, 0, element, depth + 1});
        }
        break;
      default:
        break;  // comments, the document
    }
  }
}

std::string InnerHtml(const Node* node) {
  std::string out;
  if (node->first_child != nullptr) AppendNodes(node->first_child, out, false);
  return out;
}

std::string OuterHtml(const Node* node) {
  std::string out;
  AppendNodes(node, out, true);
  return out;
}

}  // namespace warta::ingest::extractor
