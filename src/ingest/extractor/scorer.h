// The content scorer (internal to the module): readability's algorithm, as Mozilla's
// Readability.js (Apache-2.0, after Arc90) defines it, written for our DOM.
//
// One pass: walk the page removing what cannot be content (hidden nodes, bylines, the heading
// that repeats the title, and with kStripUnlikelys elements whose class/id/role name page
// furniture); turn <div>s that hold only text into paragraphs; score every paragraph by its
// length and commas and give that score to its parent (full), grandparent (half) and further
// ancestors (less); scale each candidate by (1 - link density); pick the best, move up to a
// parent that scores as well, and add siblings that score close to it; then clean the result
// (forms, embeds, share bars, link lists, empty paragraphs). A pass whose text is shorter
// than kCharThreshold is retried on a fresh copy with fewer flags.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractor/budget.h"
#include "ingest/extractor/dom.h"

namespace warta::ingest::extractor {

enum PassFlag : unsigned {
  kStripUnlikelys = 1,      // remove elements whose class/id/role say "not content"
  kWeightClasses = 2,       // let class/id hints add or subtract 25 points
  kCleanConditionally = 4,  // remove link lists, forms, image galleries from the result
  kAllPassFlags = 7,
};

// Readability's default: an article shorter than this triggers the next, laxer pass.
inline constexpr std::size_t kCharThreshold = 500;

// What passes share: inputs from the metadata, and what the first pass found.
struct ScorerContext {
  explicit ScorerContext(WorkBudget& work_budget) : budget(work_budget) {}
  WorkBudget& budget;         // spent: passes stop early and find nothing
  std::string article_title;  // headings repeating it are removed
  bool have_metadata_byline = false;
  std::string byline;  // found in the page by the first pass
};

struct Grabbed {
  Node* content = nullptr;  // a detached <div>; null when the page has no body
  std::size_t text_length = 0;
  std::string dir;  // text direction of the content's nearest ancestor with dir=""
};

// Before scoring (readability's prep): images out of <noscript>, no script, noscript or
// style, "<br><br>" runs turned into paragraphs, <font> into <span>.
void PrepareDocument(Document& doc);

class Scorer {
 public:
  Scorer(Document& doc, unsigned flags, ScorerContext& context)
      : doc_(doc), flags_(flags), context_(context) {}

  // One pass over the (prepared) document; it is changed in place.
  Grabbed Grab();

 private:
  // grab.cpp
  std::vector<Node*> PrepareNodes(Node* root);
  bool TakeByline(Node* node, std::string_view class_and_id);
  std::vector<Node*> ScoreParagraphs(const std::vector<Node*>& paragraphs);
  Node* PickTopCandidate(const std::vector<Node*>& candidates, Node* body);
  Node* CollectSiblings(Node* top);

  // clean.cpp: readability's _prepArticle.
  void CleanArticle(Node* article);
  void CleanConditionally(Node* root, GumboTag tag);
  bool ShouldRemove(Node* node, GumboTag tag);

  bool Flag(PassFlag f) const { return (flags_ & f) != 0; }
  void Initialize(Node* node) const;
  int ClassWeight(const Node* node) const;

  Document& doc_;
  unsigned flags_;
  ScorerContext& context_;
};

// Helpers shared by the passes (scorer_util.cpp).
double LinkDensity(const Node* node);
// A text node, a phrasing element, or <a>/<del>/<ins> holding only phrasing content.
bool IsPhrasingContent(const Node* node);
// White-space text or <br>.
bool IsWhitespaceNode(const Node* node);
// An element that is one child element `tag` plus white space.
bool HasSingleTagInside(const Node* node, GumboTag tag);
// No text, and no children but <br>/<hr>.
bool IsElementWithoutContent(Node* node);
bool HasChildBlockElement(Node* node);
// An ancestor with `tag` within max_depth levels (max_depth <= 0: any level), for which
// `data_tables_only` asks that it be a data table.
bool HasAncestorTag(const Node* node, GumboTag tag, int max_depth = 3,
                    bool data_tables_only = false);
// Skips white-space text nodes; returns the first other node (or null).
Node* SkipWhitespace(Node* node);
// class + " " + id, as readability matches them.
std::string ClassAndId(const Node* node);
// Inline style display:none / visibility:hidden, hidden, aria-hidden="true".
bool IsProbablyVisible(const Node* node);
void MarkDataTables(Node* root);
// After a pass (readability's post-processing): empty divs/sections removed, a div or section
// that only wraps another replaced by it.
void SimplifyNestedElements(Node* article, WorkBudget& budget);
// MathML as text (the sanitizer does not pass MathML, a known XSS vector).
void FlattenMath(Document& doc, Node* root);

}  // namespace warta::ingest::extractor
