#include "ingest/extractor/dom.h"

#include <algorithm>

#include "core/utf8.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {

std::string_view Node::Attr(std::string_view attr_name) const {
  for (const auto& a : attributes) {
    if (a.name == attr_name) return a.value;
  }
  return {};
}

bool Node::HasAttr(std::string_view attr_name) const {
  return std::any_of(attributes.begin(), attributes.end(),
                     [&](const Attribute& a) { return a.name == attr_name; });
}

void Node::SetAttr(std::string_view attr_name, std::string_view value) {
  for (auto& a : attributes) {
    if (a.name == attr_name) {
      a.value = value;
      return;
    }
  }
  attributes.push_back(Attribute{std::string(attr_name), std::string(value)});
}

void Node::RemoveAttr(std::string_view attr_name) {
  std::erase_if(attributes, [&](const Attribute& a) { return a.name == attr_name; });
}

void Node::Retag(GumboTag new_tag) {
  tag = new_tag;
  name = gumbo_normalized_tagname(new_tag);
}

Node* Node::FirstElementChild() const {
  Node* c = first_child;
  while (c != nullptr && c->is_text) c = c->next;
  return c;
}

Node* Node::NextElementSibling() const {
  Node* c = next;
  while (c != nullptr && c->is_text) c = c->next;
  return c;
}

Node* Node::PreviousElementSibling() const {
  Node* c = prev;
  while (c != nullptr && c->is_text) c = c->prev;
  return c;
}

std::size_t Node::ElementChildCount() const {
  std::size_t n = 0;
  for (const Node* c = first_child; c != nullptr; c = c->next) n += c->is_text ? 0 : 1;
  return n;
}

Node* Document::NewElement(GumboTag tag) {
  Node& n = nodes_.emplace_back();
  n.Retag(tag);
  return &n;
}

Node* Document::NewText(std::string_view text) {
  Node& n = nodes_.emplace_back();
  n.is_text = true;
  n.text = text;
  return &n;
}

Node* Document::head() const {
  for (Node* c = html_ != nullptr ? html_->first_child : nullptr; c != nullptr; c = c->next) {
    if (c->Is(GUMBO_TAG_HEAD)) return c;
  }
  return nullptr;
}

Node* Document::body() const {
  for (Node* c = html_ != nullptr ? html_->first_child : nullptr; c != nullptr; c = c->next) {
    if (c->Is(GUMBO_TAG_BODY)) return c;
  }
  return nullptr;
}

void Detach(Node* node) {
  Node* parent = node->parent;
  if (parent == nullptr) return;
  if (node->prev != nullptr) {
    node->prev->next = node->next;
  } else {
    parent->first_child = node->next;
  }
  if (node->next != nullptr) {
    node->next->prev = node->prev;
  } else {
    parent->last_child = node->prev;
  }
  node->parent = node->prev = node->next = nullptr;
}

void InsertBefore(Node* parent, Node* child, Node* reference) {
  Detach(child);
  child->parent = parent;
  if (reference == nullptr) {
    child->prev = parent->last_child;
    if (parent->last_child != nullptr) {
      parent->last_child->next = child;
    } else {
      parent->first_child = child;
    }
    parent->last_child = child;
    return;
  }
  child->next = reference;
  child->prev = reference->prev;
  if (reference->prev != nullptr) {
    reference->prev->next = child;
  } else {
    parent->first_child = child;
  }
  reference->prev = child;
}

void AppendChild(Node* parent, Node* child) { InsertBefore(parent, child, nullptr); }

void ReplaceWith(Node* old_node, Node* replacement) {
  Node* parent = old_node->parent;
  if (parent == nullptr || old_node == replacement) return;
  Detach(replacement);
  InsertBefore(parent, replacement, old_node);
  Detach(old_node);
}

Node* NextElementInTree(Node* node, bool skip_children) {
  if (!skip_children) {
    if (Node* child = node->FirstElementChild()) return child;
  }
  if (Node* sibling = node->NextElementSibling()) return sibling;
  do {
    node = node->parent;
  } while (node != nullptr && node->NextElementSibling() == nullptr);
  return node != nullptr ? node->NextElementSibling() : nullptr;
}

Node* RemoveAndGetNext(Node* node) {
  Node* next = NextElementInTree(node, true);
  Detach(node);
  return next;
}

std::vector<Node*> ElementsByTag(Node* root, GumboTag tag) { return ElementsByTags(root, {tag}); }

std::vector<Node*> ElementsByTags(Node* root, std::initializer_list<GumboTag> tags) {
  std::vector<Node*> out;
  ForEachDescendant(root, [&](Node* n) {
    if (n->IsElement() && std::find(tags.begin(), tags.end(), n->tag) != tags.end()) {
      out.push_back(n);
    }
    return true;
  });
  return out;
}

std::size_t CountByTag(Node* root, GumboTag tag) {
  std::size_t n = 0;
  ForEachDescendant(root, [&](Node* d) {
    n += d->Is(tag) ? 1 : 0;
    return true;
  });
  return n;
}

bool HasDescendant(Node* root, GumboTag tag) {
  bool found = false;
  ForEachDescendant(root, [&](Node* d) {
    found = found || d->Is(tag);
    return !found;
  });
  return found;
}

std::string TextContent(const Node* node) {
  if (node->is_text) return node->text;
  std::string out;
  ForEachDescendant(node, [&](const Node* d) {
    if (d->is_text) out += d->text;
    return true;
  });
  return out;
}

std::string InnerText(const Node* node, bool normalize_spaces) {
  const std::string text = TextContent(node);
  return normalize_spaces ? NormalizeSpaces(text) : std::string(TrimJsSpace(text));
}

std::size_t InnerTextLength(const Node* node) {
  // Trimmed and normalized, every inner run of white space counts as one unit.
  std::size_t length = 0;
  bool seen_text = false;
  bool pending_space = false;
  auto add = [&](std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = utf8::Next(text, i);
      if (IsJsSpace(c)) {
        pending_space = seen_text;
        continue;
      }
      length += (pending_space ? 1 : 0) + (c >= 0x10000 ? 2 : 1);
      pending_space = false;
      seen_text = true;
    }
  };
  if (node->is_text) {
    add(node->text);
    return length;
  }
  ForEachDescendant(node, [&](const Node* d) {
    if (d->is_text) add(d->text);
    return true;
  });
  return length;
}

}  // namespace warta::ingest::extractor
