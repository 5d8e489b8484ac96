// What the newsroom adds to an article page (docs/decisions/0009-newsroom.md): the dek, the
// bylines linking /penulis/{slug}, the section and the public correction notes. Read when
// the article cache renders a page (once per article version), never per request: a save
// with a correction bumps the version, so the cached page follows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/editorial.h"
#include "storage/store.h"
#include "view/templates.h"
#include "web/site.h"

namespace warta::syndication {
struct NewsArticleLd;  // syndication/json_ld.h: private to web, so not included here
}  // namespace warta::syndication

namespace warta::web {

struct ArticleNewsroom {
  std::string dek;                             // plain text, "" for none
  std::vector<model::NamedRef> authors;        // bylines, in order
  std::optional<model::NamedRef> section;      // none: in no section
  std::vector<model::Correction> corrections;  // newest first
};

// Reads them from the editorial store. An article from before the newsroom has none of them
// (an empty value, not an error); Io or Unavailable when the store fails.
Result<ArticleNewsroom> LoadArticleNewsroom(storage::Store& store, std::int64_t article_id);

// Sets dek, has_dek, bylines ({name, url}), has_bylines, section_name, section_url,
// corrections ({date_iso, date_text, note, text}), has_corrections, correction_heading.
void FillArticleNewsroom(view::Data& data, const Site& site, const ArticleNewsroom& newsroom);

// Bylines and correction notes for the page's JSON-LD (absolute author URLs under base_url).
void AddNewsroomLd(syndication::NewsArticleLd& ld, const std::string& base_url,
                   const ArticleNewsroom& newsroom);

// "/penulis/{slug}" and "/rubrik/{slug}".
std::string AuthorPath(const std::string& slug);
std::string SectionPath(const std::string& slug);

}  // namespace warta::web
