#include "web/spliced_page.h"

#include "core/html_escape.h"

namespace warta::web {
namespace {

// "\x1e" <index as one letter> "\x1f": record/unit separators cannot appear in our
// templates, and content that carries them is escaped or sanitized before rendering.
constexpr char kOpen = '\x1e';
constexpr char kClose = '\x1f';

}  // namespace

std::string SlotMarker(Slot slot) {
  return std::string{kOpen, static_cast<char>('A' + static_cast<int>(slot)), kClose};
}

SplicedPage SplicedPage::FromRendered(std::string_view rendered) {
  SplicedPage page;
  std::string current;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    char c = rendered[i];
    if (c == kOpen && i + 2 < rendered.size() && rendered[i + 2] == kClose) {
      int index = rendered[i + 1] - 'A';
      if (index >= 0 && index < static_cast<int>(Slot::kCount)) {
        page.fixed_bytes_ += current.size();
        page.parts_.push_back(std::move(current));
        current.clear();
        page.slots_.push_back(static_cast<Slot>(index));
        i += 2;
        continue;
      }
    }
    current += c;
  }
  page.fixed_bytes_ += current.size();
  page.parts_.push_back(std::move(current));
  return page;
}

void SplicedPage::AppendTo(std::string& out, const SlotValues& values) const {
  out.reserve(out.size() + size_hint());
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    out += parts_[i];
    AppendEscapedHtml(out, values[static_cast<std::size_t>(slots_[i])]);
  }
  if (!parts_.empty()) out += parts_.back();
}

}  // namespace warta::web
