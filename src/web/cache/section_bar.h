// The header's section bar: the site's sections in their order (/rubrik/{slug}), as every
// page's layout draws it. Read from the store at start and again whenever the front page or
// a section page is rendered, or the newsroom changes an article (which may create a
// section), and swapped in whole: a page only takes a shared pointer.
//
// Thread safety: every method may be called from any thread concurrently.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"
#include "storage/section_store.h"

namespace warta::web {

// The bar shows at most this many: a header is one line on a desktop (it scrolls sideways on
// phones); the rest are reachable from their articles.
inline constexpr std::size_t kMaxBarSections = 12;

class SectionBar {
 public:
  using Sections = std::vector<model::Section>;

  SectionBar() : sections_(std::make_shared<const Sections>()) {}

  // Reads the sections again (every one, by position); keeps the previous list on error.
  Result<void> Refresh(storage::SectionStore& store);
  // Replaces the list (tests; Refresh uses it).
  void Set(Sections sections);

  std::shared_ptr<const Sections> Current() const { return sections_.load(); }
  // The section with this slug, from the current list.
  std::optional<model::Section> Find(std::string_view slug) const;

 private:
  std::atomic<std::shared_ptr<const Sections>> sections_;
};

// "/rubrik/{slug}".
std::string SectionPath(std::string_view slug);

}  // namespace warta::web
