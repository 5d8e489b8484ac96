// A small mutable DOM for the extractor (internal to the module). gumbo's tree is read-only,
// while the readability algorithm moves, retags and removes nodes as it goes; so the page is
// copied once into these nodes. Nodes live in their Document (stable addresses) and are never
// freed one by one: a removed node is only unlinked.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace warta::ingest::extractor {

struct Attribute {
  std::string name;  // lower case, as gumbo gives it
  std::string value;
};

struct Node {
  bool is_text = false;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // elements only
  std::string name;                  // lower-case tag name (elements), for unknown tags
  bool foreign = false;              // an SVG or MathML element
  std::vector<Attribute> attributes;
  std::string text;  // text nodes only

  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* prev = nullptr;
  Node* next = nullptr;

  // Scorer state (readability's node.readability and table marks).
  bool scored = false;
  double score = 0;
  signed char data_table = -1;  // -1 unknown, 0 layout table, 1 data table

  bool IsElement() const { return !is_text; }
  bool Is(GumboTag t) const { return !is_text && tag == t; }
  // The attribute's value, "" when absent.
  std::string_view Attr(std::string_view attr_name) const;
  bool HasAttr(std::string_view attr_name) const;
  void SetAttr(std::string_view attr_name, std::string_view value);
  void RemoveAttr(std::string_view attr_name);
  // Changes the element's tag in place; attributes, children and score stay.
  void Retag(GumboTag new_tag);

  Node* FirstElementChild() const;
  Node* NextElementSibling() const;
  Node* PreviousElementSibling() const;
  std::size_t ElementChildCount() const;
};

class Document {
 public:
  Node* NewElement(GumboTag tag);
  Node* NewText(std::string_view text);
  // The <html> element (the root; it has no parent). Null only for an empty Document.
  Node* html() const { return html_; }
  void set_html(Node* html) { html_ = html; }
  // First <head>/<body> child of <html>, or null.
  Node* head() const;
  Node* body() const;
  std::size_t node_count() const { return nodes_.size(); }

 private:
  std::deque<Node> nodes_;
  Node* html_ = nullptr;
};

// Tree edits. Each first unlinks the moved node from wherever it was.
void Detach(Node* node);
void AppendChild(Node* parent, Node* child);
void InsertBefore(Node* parent, Node* child, Node* reference);  // reference null: append
void ReplaceWith(Node* old_node, Node* replacement);

// Readability's depth-first walk over elements: the first element child unless skip_children,
// else the next element sibling, else the next element sibling of the nearest ancestor
// that has one. Walking from the root visits every element once.
Node* NextElementInTree(Node* node, bool skip_children);
// Unlinks `node` and returns the element the walk would visit after its subtree.
Node* RemoveAndGetNext(Node* node);

// Visits every descendant of `root` (not root itself) in document order; `visit` returns
// false to skip a node's children. Iterative: safe on any depth.
template <typename NodeT, typename Visit>
void ForEachDescendant(NodeT* root, Visit visit) {
  NodeT* node = root->first_child;
  while (node != nullptr) {
    const bool descend = visit(node);
    if (descend && node->first_child != nullptr) {
      node = node->first_child;
      continue;
    }
    while (node != root && node->next == nullptr) node = node->parent;
    if (node == root) return;
    node = node->next;
  }
}

// Descendant elements of `root` with the given tag, in document order (a snapshot: editing
// the tree afterwards does not change the list).
std::vector<Node*> ElementsByTag(Node* root, GumboTag tag);
std::vector<Node*> ElementsByTags(Node* root, std::initializer_list<GumboTag> tags);
std::size_t CountByTag(Node* root, GumboTag tag);
bool HasDescendant(Node* root, GumboTag tag);

// DOM textContent: the text of every descendant text node, concatenated.
std::string TextContent(const Node* node);
// Readability's _getInnerText: textContent trimmed, runs of 2+ white space made one space.
std::string InnerText(const Node* node, bool normalize_spaces = true);
// The length of InnerText(node) in UTF-16 code units (as JavaScript counts), computed
// without building the string.
std::size_t InnerTextLength(const Node* node);

// Copies gumbo's tree under `root` (an <html> element) into `doc`. Comments, the doctype and
// the inert content of <template> are left out; elements nested deeper than `max_depth` are
// unwrapped into the deepest allowed ancestor (their content stays), which bounds every
// recursive walk later on.
void BuildFromGumbo(const GumboNode* root, Document& doc, int max_depth);

// HTML of the node's children (innerHTML) or of the node itself (outerHTML).
std::string InnerHtml(const Node* node);
std::string OuterHtml(const Node* node);

}  // namespace warta::ingest::extractor
