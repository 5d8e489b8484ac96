// The end of a pass: the top candidate, its siblings, the cleaned result.
#include <algorithm>
#include <string>

#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

constexpr std::size_t kTopCandidates = 5;
// When this many other top candidates score within 75 % of the best and share an ancestor,
// that ancestor is the article (content split into several scored blocks).
constexpr std::size_t kMinAlternatives = 3;

std::vector<Node*> AllAncestors(Node* node) {
  std::vector<Node*> out;
  for (Node* p = node->parent; p != nullptr; p = p->parent) out.push_back(p);
  return out;
}

bool IsBodyOrRoot(const Node* node) {
  return node == nullptr || node->parent == nullptr || node->Is(GUMBO_TAG_BODY);
}

// A sibling paragraph without a score is kept when it reads like prose.
bool ProseParagraph(const Node* node) {
  const double link_density = LinkDensity(node);
  const std::string text = InnerText(node);
  const std::size_t length = JsLength(text);
  if (length > 80 && link_density < 0.25) return true;
  if (length < 80 && length > 0 && link_density == 0) {
    const std::size_t dot = text.find(". ");
    return dot != std::string::npos || text.ends_with('.');
  }
  return false;
}

}  // namespace

Node* Scorer::PickTopCandidate(const std::vector<Node*>& candidates, Node* body) {
  std::vector<Node*> top;
  for (Node* candidate : candidates) {
    if (context_.budget.Exhausted()) break;
    candidate->score *= 1 - LinkDensity(candidate);
    auto at = std::find_if(top.begin(), top.end(),
                           [&](const Node* t) { return candidate->score > t->score; });
    if (at == top.end() && top.size() >= kTopCandidates) continue;
    top.insert(at, candidate);
    if (top.size() > kTopCandidates) top.pop_back();
  }
  if (top.empty() || top.front()->Is(GUMBO_TAG_BODY)) {
    // Nothing stands out: the whole body is the article.
    Node* div = doc_.NewElement(GUMBO_TAG_DIV);
    while (body->first_child != nullptr) AppendChild(div, body->first_child);
    AppendChild(body, div);
    Initialize(div);
    return div;
  }
  Node* best = top.front();
  std::vector<std::vector<Node*>> alternatives;
  for (std::size_t i = 1; i < top.size(); ++i) {
    if (top[i]->score / best->score >= 0.75) alternatives.push_back(AllAncestors(top[i]));
  }
  if (alternatives.size() >= kMinAlternatives) {
    for (Node* parent = best->parent; !IsBodyOrRoot(parent); parent = parent->parent) {
      const auto holding = std::count_if(alternatives.begin(), alternatives.end(), [&](auto& a) {
        return std::find(a.begin(), a.end(), parent) != a.end();
      });
      if (static_cast<std::size_t>(holding) >= kMinAlternatives) {
        best = parent;
        break;
      }
    }
  }
  if (!best->scored) Initialize(best);
  // A parent scoring higher than the child (within a third of it on the way up) holds more
  // of the article.
  double last_score = best->score;
  const double threshold = last_score / 3;
  for (Node* parent = best->parent; !IsBodyOrRoot(parent); parent = parent->parent) {
    if (!parent->scored) continue;
    if (parent->score < threshold) break;
    if (parent->score > last_score) {
      best = parent;
      break;
    }
    last_score = parent->score;
  }
  // An only child is no better than its parent; the parent's siblings may hold the rest.
  while (!IsBodyOrRoot(best->parent) && best->parent->ElementChildCount() == 1) {
    best = best->parent;
  }
  if (!best->scored) Initialize(best);
  return best;
}

Node* Scorer::CollectSiblings(Node* top) {
  Node* article = doc_.NewElement(GUMBO_TAG_DIV);
  const double threshold = std::max(10.0, top->score * 0.2);
  const std::string_view top_class = top->Attr("class");
  std::vector<Node*> siblings;
  for (Node* s = top->parent->FirstElementChild(); s != nullptr; s = s->NextElementSibling()) {
    siblings.push_back(s);
  }
  for (Node* sibling : siblings) {
    bool append = sibling == top;
    if (!append) {
      const double bonus =
          !top_class.empty() && sibling->Attr("class") == top_class ? top->score * 0.2 : 0;
      if (sibling->scored && sibling->score + bonus >= threshold) {
        append = true;
      } else if (sibling->Is(GUMBO_TAG_P)) {
        append = ProseParagraph(sibling);
      }
    }
    if (!append) continue;
    switch (sibling->tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_P:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
        break;
      default:
        // A td or form would be cleaned away later as a stray part: make it a div.
        sibling->Retag(GUMBO_TAG_DIV);
    }
    AppendChild(article, sibling);
  }
  return article;
}

Grabbed Scorer::Grab() {
  Grabbed result;
  Node* body = doc_.body();
  if (doc_.html() == nullptr || body == nullptr) return result;
  const std::vector<Node*> paragraphs = PrepareNodes(doc_.html());
  const std::vector<Node*> candidates = ScoreParagraphs(paragraphs);
  Node* top = PickTopCandidate(candidates, body);
  if (context_.budget.spent()) return result;
  Node* parent = top->parent;
  Node* article = CollectSiblings(top);
  CleanArticle(article);
  if (context_.budget.spent()) return result;
  Node* page = doc_.NewElement(GUMBO_TAG_DIV);
  page->SetAttr("id", "readability-page-1");
  page->SetAttr("class", "page");
  while (article->first_child != nullptr) AppendChild(page, article->first_child);
  AppendChild(article, page);
  result.content = article;
  result.text_length = InnerTextLength(article);
  // Text direction: the nearest of parent, top candidate, parent's ancestors that states one.
  std::vector<Node*> around{parent, top};
  for (Node* a = parent != nullptr ? parent->parent : nullptr; a != nullptr; a = a->parent) {
    around.push_back(a);
  }
  for (const Node* n : around) {
    if (n != nullptr && n->HasAttr("dir")) {
      result.dir = n->Attr("dir");
      break;
    }
  }
  return result;
}

}  // namespace warta::ingest::extractor
