// Parsing untrusted HTML with gumbo, bounded in size, memory and CPU time (internal to the
// sanitizer module).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace warta::ingest::sanitizer::internal {

enum class ParseStatus {
  kOk,
  kTooLarge,    // input over kMaxInputBytes
  kTooComplex,  // gumbo went over its CPU or memory budget
};

// A parsed HTML5 fragment (context element <div>). Every gumbo allocation comes from an arena
// owned here, so the tree is freed at once, and a parse that goes over budget can be abandoned
// from inside gumbo's allocator (see html_parse.cpp). The input must outlive this object:
// gumbo's nodes point into it.
class ParsedFragment {
 public:
  explicit ParsedFragment(std::string_view html);
  ~ParsedFragment();
  ParsedFragment(const ParsedFragment&) = delete;
  ParsedFragment& operator=(const ParsedFragment&) = delete;

  ParseStatus status() const { return status_; }
  // The element whose children are the fragment's top-level nodes; null unless status() is kOk.
  const GumboNode* root() const { return root_; }

  struct Arena;

 private:
  std::unique_ptr<Arena> arena_;
  const GumboNode* root_ = nullptr;
  ParseStatus status_ = ParseStatus::kOk;
};

}  // namespace warta::ingest::sanitizer::internal
