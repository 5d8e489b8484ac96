#include "web/cache/section_bar.h"

#include <string>

namespace warta::web {

Result<void> SectionBar::Refresh(storage::SectionStore& store) {
  auto listed = store.List();
  if (!listed.ok()) return listed.error();
  Set(std::move(listed).value());
  return {};
}

void SectionBar::Set(Sections sections) {
  sections_.store(std::make_shared<const Sections>(std::move(sections)));
}

std::optional<model::Section> SectionBar::Find(std::string_view slug) const {
  auto current = Current();
  for (const model::Section& section : *current) {
    if (section.slug == slug) return section;
  }
  return std::nullopt;
}

std::string SectionPath(std::string_view slug) { return "/rubrik/" + std::string(slug); }

}  // namespace warta::web
