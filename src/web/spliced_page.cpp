#include "web/spliced_page.h"

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
    AppendEscaped(out, values[static_cast<std::size_t>(slots_[i])]);
  }
  if (!parts_.empty()) out += parts_.back();
}

void AppendEscaped(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* replacement = nullptr;
    switch (text[i]) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case '\'':
        replacement = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.substr(start, i - start));
    out += replacement;
    start = i + 1;
  }
  out.append(text.substr(start));
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  AppendEscaped(out, text);
  return out;
}

}  // namespace warta::web
