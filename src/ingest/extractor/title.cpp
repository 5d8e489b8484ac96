// The article title from <title>, without the site's name.
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/extractor/metadata.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

bool IsSeparator(char32_t c) {
  switch (c) {
    case '|':
    case '-':
    case U'\u2013':  // en dash
    case U'\u2014':  // em dash
    case '\\':
    case '/':
    case '>':
    case U'\u00BB':  // »
      return true;
    default:
      return false;
  }
}

bool IsHierarchicalSeparator(char32_t c) {
  return c == '\\' || c == '/' || c == '>' || c == U'\u00BB';
}

struct CodePoint {
  char32_t c;
  std::size_t offset;  // byte offset in the string
};

std::vector<CodePoint> Decode(std::string_view s) {
  std::vector<CodePoint> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    out.push_back(CodePoint{utf8::Next(s, i), at});
  }
  return out;
}

// Byte offsets of the separators that stand between white space (" | ", " - ", " » ").
std::vector<std::size_t> SpacedSeparators(const std::vector<CodePoint>& cps,
                                          bool hierarchical_only) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i + 1 < cps.size(); ++i) {
    const bool sep = hierarchical_only ? IsHierarchicalSeparator(cps[i].c) : IsSeparator(cps[i].c);
    if (sep && IsJsSpace(cps[i - 1].c) && IsJsSpace(cps[i + 1].c)) out.push_back(cps[i - 1].offset);
  }
  return out;
}

std::string WithoutSeparators(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (!IsSeparator(utf8::Next(s, i))) out.append(s.substr(at, i - at));
  }
  return out;
}

// The title text as document.title gives it.
std::string DocumentTitle(Node* root) {
  for (const Node* title : ElementsByTag(root, GUMBO_TAG_TITLE)) {
    if (!title->foreign) return CollapseSpaces(TextContent(title));  // not an SVG <title>
  }
  return {};
}

std::string TitleAfterColon(Node* root, const std::string& original) {
  const std::string_view trimmed = TrimJsSpace(original);
  for (Node* h : ElementsByTags(root, {GUMBO_TAG_H1, GUMBO_TAG_H2})) {
    if (TrimJsSpace(TextContent(h)) == trimmed) return original;  // a heading says it all
  }
  std::string title = original.substr(original.rfind(':') + 1);
  const std::size_t first = original.find(':');
  if (WordCount(title) < 3) {
    title = original.substr(first + 1);
  } else if (WordCount(original.substr(0, first)) > 5) {
    title = original;  // too much before the colon to be a site name
  }
  return title;
}

}  // namespace

std::string ArticleTitle(Node* root) {
  const std::string original(TrimJsSpace(DocumentTitle(root)));
  std::string title = original;
  bool hierarchical = false;
  const std::vector<CodePoint> cps = Decode(original);
  const std::vector<std::size_t> separators = SpacedSeparators(cps, false);
  if (!separators.empty()) {
    hierarchical = !SpacedSeparators(cps, true).empty();
    title = original.substr(0, separators.back());  // drop the last part: the site name
    if (WordCount(title) < 3) {
      // Too short: drop the first part instead ("Site | The story").
      std::size_t at = 0;
      for (const auto& cp : cps) {
        if (IsSeparator(cp.c)) {
          at = cp.offset;
          break;
        }
      }
      std::size_t after = at;
      utf8::Next(original, after);
      title = original.substr(after);
    }
  } else if (original.find(": ") != std::string::npos) {
    title = TitleAfterColon(root, original);
  } else if (JsLength(original) > 150 || JsLength(original) < 15) {
    const std::vector<Node*> h1s = ElementsByTag(root, GUMBO_TAG_H1);
    if (h1s.size() == 1) title = InnerText(h1s.front());
  }
  title = NormalizeSpaces(title);
  // Four words or fewer is too little, unless it came from removing one hierarchical part.
  const std::size_t words = WordCount(title);
  if (words <= 4 && (!hierarchical || words != WordCount(WithoutSeparators(original)) - 1)) {
    title = original;
  }
  return title;
}

}  // namespace warta::ingest::extractor
