#include "web/cache/spliced_page.h"

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

std::string RawSlotMarker(RawSlot slot) {
  return std::string{kOpen, static_cast<char>('a' + static_cast<int>(slot)), kClose};
}

SplicedPage SplicedPage::FromRendered(std::string_view rendered) {
  SplicedPage page;
  std::string current;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    char c = rendered[i];
    if (c == kOpen && i + 2 < rendered.size() && rendered[i + 2] == kClose) {
      const int index = rendered[i + 1] - 'A';
      const int raw_index = rendered[i + 1] - 'a';
      const bool escaped = index >= 0 && index < static_cast<int>(Slot::kCount);
      const bool raw = raw_index >= 0 && raw_index < static_cast<int>(RawSlot::kCount);
      if (escaped || raw) {
        page.fixed_bytes_ += current.size();
        page.parts_.push_back(std::move(current));
        current.clear();
        page.slots_.push_back(Hole{raw, static_cast<unsigned char>(raw ? raw_index : index)});
        i += 2;
        continue;
      }
    }
    current += c;
  }
  page.fixed_bytes_ += current.size();
  page.parts_.push_back(std::move(current));
  // Once per rendering (an edit, a TTL): the parts' gzip, so no request compresses them.
  page.deflated_.reserve(page.parts_.size());
  for (const std::string& part : page.parts_) page.deflated_.push_back(http::DeflatePart(part));
  return page;
}

void SplicedPage::AppendTo(std::string& out, const SlotValues& values) const {
  AppendTo(out, values, RawSlotValues{});
}

void SplicedPage::AppendTo(std::string& out, const SlotValues& values,
                           const RawSlotValues& raw) const {
  std::size_t raw_bytes = 0;
  for (std::string_view value : raw) raw_bytes += value.size();
  out.reserve(out.size() + size_hint() + raw_bytes);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    out += parts_[i];
    if (slots_[i].raw) {
      out += raw[slots_[i].index];
    } else {
      AppendEscapedHtml(out, values[slots_[i].index]);
    }
  }
  if (!parts_.empty()) out += parts_.back();
}

void SplicedPage::AppendTo(std::string& out, const SlotValues& values, const RawSlotValues& raw,
                           std::vector<http::BodyPiece>& pieces,
                           const RawSlotGzip& raw_gzip) const {
  pieces.clear();
  if (parts_.size() != deflated_.size()) {  // a default-constructed page: nothing kept
    AppendTo(out, values, raw);
    return;
  }
  std::size_t raw_bytes = 0;
  for (std::string_view value : raw) raw_bytes += value.size();
  out.reserve(out.size() + size_hint() + raw_bytes);
  pieces.reserve(parts_.size() * 2 + 1);
  if (!out.empty()) pieces.push_back(http::BodyPiece{nullptr, 0, out.size()});
  auto fixed = [&](std::size_t i) {
    pieces.push_back(http::BodyPiece{&deflated_[i], out.size(), parts_[i].size()});
    out += parts_[i];
  };
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    fixed(i);
    const std::size_t start = out.size();
    const http::DeflatedPart* compressed = nullptr;
    if (slots_[i].raw) {
      const std::string_view value = raw[slots_[i].index];
      out += value;
      compressed = raw_gzip[slots_[i].index];
      if (compressed != nullptr && compressed->size != value.size()) compressed = nullptr;
    } else {
      AppendEscapedHtml(out, values[slots_[i].index]);
    }
    pieces.push_back(http::BodyPiece{compressed, start, out.size() - start});
  }
  fixed(parts_.size() - 1);
}

}  // namespace warta::web
