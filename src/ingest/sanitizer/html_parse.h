// Parsing untrusted HTML with gumbo, bounded in size, memory and CPU time. Used by the
// sanitizer (fragments) and by the article extractor (whole pages).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer {

enum class ParseStatus {
  kOk,
  kTooLarge,    // input over ParseLimits::max_input_bytes
  kTooComplex,  // gumbo went over its CPU or memory budget
};

enum class HtmlInput {
  kFragment,  // parsed as the content of a <div> (feed content, comments)
  kDocument,  // a whole page: doctype, <html>, <head>, <body> as a browser builds them
};

struct ParseLimits {
  std::size_t max_input_bytes = kMaxInputBytes;
  double max_cpu_seconds = kMaxParseCpuSeconds;
};

// A parsed HTML5 fragment or document. Every gumbo allocation comes from an arena owned here,
// so the tree is freed at once, and a parse that goes over budget can be abandoned from inside
// gumbo's allocator (see html_parse.cpp). The input must outlive this object: gumbo's nodes
// point into it. Not copyable; the tree is read-only for users.
class ParsedHtml {
 public:
  explicit ParsedHtml(std::string_view html, HtmlInput input = HtmlInput::kFragment,
                      const ParseLimits& limits = {});
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  ParseStatus status() const { return status_; }
  // Null unless status() is kOk. For a fragment: the element whose children are the
  // fragment's top-level nodes. For a document: the <html> element (always present).
  const GumboNode* root() const { return root_; }

  struct Arena;

 private:
  std::unique_ptr<Arena> arena_;
  const GumboNode* root_ = nullptr;
  ParseStatus status_ = ParseStatus::kOk;
};

namespace internal {
// The names the sanitizer's own files use.
using ParsedFragment = ParsedHtml;
using sanitizer::ParseStatus;

// What Sanitize and ToPlainText share: resets `*report` (when given), parses `html` as a
// fragment and returns `use(root, report)`; for a refused input, "" with the report's
// too_large or too_complex set.
template <typename Use>
std::string WithParsedFragment(std::string_view html, SanitizeReport* report, Use use) {
  SanitizeReport local;
  SanitizeReport& r = report != nullptr ? *report : local;
  r = SanitizeReport{};
  const ParsedFragment fragment(html);
  switch (fragment.status()) {
    case ParseStatus::kTooLarge:
      r.too_large = true;
      return {};
    case ParseStatus::kTooComplex:
      r.too_complex = true;
      return {};
    case ParseStatus::kOk:
      break;
  }
  return use(fragment.root(), r);
}
}  // namespace internal

}  // namespace warta::ingest::sanitizer
