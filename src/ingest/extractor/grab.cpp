// One scoring pass: prepare nodes, score paragraphs, pick the top candidate and its siblings.
#include <algorithm>
#include <string>

#include "ingest/extractor/hints.h"
#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"
#include "ingest/sanitizer/policy.h"

namespace warta::ingest::extractor {
namespace {

constexpr std::size_t kMinParagraphLength = 25;
constexpr std::size_t kMaxBylineLength = 100;

bool IsScoredTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_P:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

bool IsEmptyRemovableTag(GumboTag tag) {
  return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER ||
         sanitizer::internal::IsHeading(tag);
}

bool HeaderDuplicatesTitle(const Node* node, std::string_view title) {
  if (!node->Is(GUMBO_TAG_H1) && !node->Is(GUMBO_TAG_H2)) return false;
  return TextSimilarity(title, InnerText(node, false)) > 0.75;
}

// Wraps each run of phrasing content among the div's children in a <p> (trimmed of white
// space and <br> at both ends), so that text loose in a <div> is scored like a paragraph.
void WrapPhrasingRuns(Document& doc, Node* div) {
  Node* child = div->first_child;
  while (child != nullptr) {
    if (!IsPhrasingContent(child)) {
      child = child->next;
      continue;
    }
    std::vector<Node*> run;
    Node* after = child;
    while (after != nullptr && IsPhrasingContent(after)) {
      run.push_back(after);
      after = after->next;
    }
    auto first = run.begin();
    auto last = run.end();
    while (first != last && IsWhitespaceNode(*first)) Detach(*first++);
    while (last != first && IsWhitespaceNode(*(last - 1))) Detach(*--last);
    if (first != last) {
      Node* p = doc.NewElement(GUMBO_TAG_P);
      InsertBefore(div, p, after);
      for (auto it = first; it != last; ++it) AppendChild(p, *it);
    }
    child = after;
  }
}

std::vector<Node*> Ancestors(Node* node, std::size_t max_depth) {
  std::vector<Node*> out;
  for (Node* p = node->parent; p != nullptr; p = p->parent) {
    out.push_back(p);
    if (max_depth != 0 && out.size() == max_depth) break;
  }
  return out;
}

}  // namespace

int Scorer::ClassWeight(const Node* node) const {
  if (!Flag(kWeightClasses)) return 0;
  int weight = 0;
  for (const std::string_view value : {node->Attr("class"), node->Attr("id")}) {
    if (value.empty()) continue;
    if (NegativeHint(value)) weight -= 25;
    if (PositiveHint(value)) weight += 25;
  }
  return weight;
}

void Scorer::Initialize(Node* node) const {
  node->scored = true;
  node->score = 0;
  switch (node->tag) {
    case GUMBO_TAG_DIV:
      node->score += 5;
      break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      node->score += 3;
      break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      node->score -= 3;
      break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      node->score -= 5;
      break;
    default:
      break;
  }
  node->score += ClassWeight(node);
}

bool Scorer::TakeByline(Node* node, std::string_view class_and_id) {
  if (!context_.byline.empty() || context_.have_metadata_byline) return false;
  const bool hinted = node->Attr("rel") == "author" ||
                      node->Attr("itemprop").find("author") != std::string_view::npos ||
                      BylineHint(class_and_id);
  if (!hinted) return false;
  const std::size_t length = InnerTextLength(node);
  if (length == 0 || length >= kMaxBylineLength) return false;
  // Prefer the name inside an author block ("By <span itemprop=name>Jane</span>, Reuters").
  Node* name = nullptr;
  ForEachDescendant(node, [&](Node* d) {
    if (name == nullptr && d->IsElement() &&
        d->Attr("itemprop").find("name") != std::string_view::npos) {
      name = d;
    }
    return name == nullptr;
  });
  context_.byline = std::string(TrimJsSpace(TextContent(name != nullptr ? name : node)));
  return true;
}

std::vector<Node*> Scorer::PrepareNodes(Node* root) {
  std::vector<Node*> to_score;
  bool remove_title_header = true;
  const bool strip = Flag(kStripUnlikelys);
  Node* node = root;
  while (node != nullptr && !context_.budget.Exhausted()) {
    const std::string class_and_id = ClassAndId(node);
    if (!IsProbablyVisible(node) ||
        (node->Attr("aria-modal") == "true" && node->Attr("role") == "dialog") ||
        TakeByline(node, class_and_id)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (remove_title_header && HeaderDuplicatesTitle(node, context_.article_title)) {
      remove_title_header = false;
      node = RemoveAndGetNext(node);
      continue;
    }
    if (strip &&
        ((LooksUnlikely(class_and_id) && !MaybeCandidate(class_and_id) &&
          !HasAncestorTag(node, GUMBO_TAG_TABLE) && !HasAncestorTag(node, GUMBO_TAG_CODE) &&
          !node->Is(GUMBO_TAG_BODY) && !node->Is(GUMBO_TAG_A)) ||
         UnlikelyRole(node->Attr("role")))) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (IsEmptyRemovableTag(node->tag) && IsElementWithoutContent(node)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (IsScoredTag(node->tag)) to_score.push_back(node);
    if (node->Is(GUMBO_TAG_DIV)) {
      WrapPhrasingRuns(doc_, node);
      // A div that only wraps one paragraph is that paragraph; one without blocks is one.
      if (HasSingleTagInside(node, GUMBO_TAG_P) && LinkDensity(node) < 0.25) {
        Node* p = node->FirstElementChild();
        ReplaceWith(node, p);
        node = p;
        to_score.push_back(node);
      } else if (!HasChildBlockElement(node)) {
        node->Retag(GUMBO_TAG_P);
        to_score.push_back(node);
      }
    }
    node = NextElementInTree(node, false);
  }
  return to_score;
}

std::vector<Node*> Scorer::ScoreParagraphs(const std::vector<Node*>& paragraphs) {
  std::vector<Node*> candidates;
  for (Node* paragraph : paragraphs) {
    if (context_.budget.Exhausted()) break;
    if (paragraph->parent == nullptr) continue;
    const std::string text = InnerText(paragraph);
    const std::size_t length = JsLength(text);
    if (length < kMinParagraphLength) continue;
    const std::vector<Node*> ancestors = Ancestors(paragraph, 5);
    if (ancestors.empty()) continue;
    // One point for the paragraph, one per comma (plus one), one per 100 characters (max 3).
    const double score = 1.0 + static_cast<double>(CountCommas(text) + 1) +
                         static_cast<double>(std::min<std::size_t>(length / 100, 3));
    for (std::size_t level = 0; level < ancestors.size(); ++level) {
      Node* ancestor = ancestors[level];
      if (ancestor->parent == nullptr) continue;  // the root <html> is never a candidate
      if (!ancestor->scored) {
        Initialize(ancestor);
        candidates.push_back(ancestor);
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : static_cast<double>(level) * 3;
      ancestor->score += score / divider;
    }
  }
  return candidates;
}

}  // namespace warta::ingest::extractor
