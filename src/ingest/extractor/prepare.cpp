// Readability's document prep, before any scoring.
#include <string>

#include "ingest/extractor/hints.h"
#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

// An <img>, or an element whose only content, all the way down, is one <img>.
bool IsSingleImage(Node* node) {
  while (node != nullptr) {
    if (node->Is(GUMBO_TAG_IMG)) return true;
    if (node->ElementChildCount() != 1 || InnerTextLength(node) != 0) return false;
    node = node->FirstElementChild();
  }
  return false;
}

Node* FirstImage(Node* node) {
  if (node->Is(GUMBO_TAG_IMG)) return node;
  const std::vector<Node*> images = ElementsByTag(node, GUMBO_TAG_IMG);
  return images.empty() ? nullptr : images.front();
}

// Lazy-loading pages put a placeholder <img> before a <noscript> holding the real one: keep
// the real one (with the placeholder's other image attributes), and drop images that have
// nothing to show.
void UnwrapNoscriptImages(Document& doc) {
  for (Node* img : ElementsByTag(doc.html(), GUMBO_TAG_IMG)) {
    bool has_source = false;
    for (const auto& a : img->attributes) {
      if (a.name == "src" || a.name == "srcset" || a.name == "data-src" ||
          a.name == "data-srcset" || MentionsImageFile(a.value)) {
        has_source = true;
        break;
      }
    }
    if (!has_source) Detach(img);
  }
  for (Node* noscript : ElementsByTag(doc.html(), GUMBO_TAG_NOSCRIPT)) {
    if (noscript->parent == nullptr || !IsSingleImage(noscript)) continue;
    Node* previous = noscript->PreviousElementSibling();
    if (previous == nullptr || !IsSingleImage(previous)) continue;
    Node* old_img = FirstImage(previous);
    Node* replacement = noscript->FirstElementChild();
    Node* new_img = FirstImage(replacement);
    if (old_img == nullptr || new_img == nullptr) continue;
    for (const auto& a : old_img->attributes) {
      if (a.value.empty()) continue;
      if (a.name != "src" && a.name != "srcset" && !MentionsImageFile(a.value)) continue;
      if (new_img->Attr(a.name) == a.value) continue;
      const std::string name = new_img->HasAttr(a.name) ? "data-old-" + a.name : a.name;
      new_img->SetAttr(name, a.value);
    }
    ReplaceWith(previous, replacement);
  }
}

void RemoveAll(Document& doc, std::initializer_list<GumboTag> tags) {
  for (Node* n : ElementsByTags(doc.html(), tags)) Detach(n);
}

// "a<br><br>b" -> "a<p>b</p>": two or more <br>s (white space between them aside) start a
// paragraph holding the phrasing content that follows, up to the next <br><br>.
void ReplaceBrs(Document& doc, Node* body) {
  for (Node* br : ElementsByTag(body, GUMBO_TAG_BR)) {
    Node* next = br->next;
    bool replaced = false;
    while ((next = SkipWhitespace(next)) != nullptr && next->Is(GUMBO_TAG_BR)) {
      replaced = true;
      Node* after = next->next;
      Detach(next);
      next = after;
    }
    if (!replaced || br->parent == nullptr) continue;
    Node* p = doc.NewElement(GUMBO_TAG_P);
    ReplaceWith(br, p);
    next = p->next;
    while (next != nullptr) {
      if (next->Is(GUMBO_TAG_BR)) {
        const Node* following = SkipWhitespace(next->next);
        if (following != nullptr && following->Is(GUMBO_TAG_BR)) break;
      }
      if (!IsPhrasingContent(next)) break;
      Node* after = next->next;
      AppendChild(p, next);
      next = after;
    }
    while (p->last_child != nullptr && IsWhitespaceNode(p->last_child)) Detach(p->last_child);
    if (p->parent->Is(GUMBO_TAG_P)) p->parent->Retag(GUMBO_TAG_DIV);
  }
}

}  // namespace

void PrepareDocument(Document& doc) {
  if (doc.html() == nullptr) return;
  UnwrapNoscriptImages(doc);
  RemoveAll(doc, {GUMBO_TAG_SCRIPT, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_STYLE});
  if (Node* body = doc.body()) ReplaceBrs(doc, body);
  for (Node* font : ElementsByTag(doc.html(), GUMBO_TAG_FONT)) font->Retag(GUMBO_TAG_SPAN);
}

}  // namespace warta::ingest::extractor
