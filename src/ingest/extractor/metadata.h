// What a page says about its article outside the text (internal to the module): JSON-LD,
// <meta> tags, <title>, <link>, <html lang>. Readability's choice and order of sources, plus
// the language, lead image, canonical URL and more places for the publication date.
#pragma once

#include <string>

#include "ingest/extractor/dom.h"

namespace warta::ingest::extractor {

// The first schema.org Article (or subtype: NewsArticle, BlogPosting, ...) of the page's
// application/ld+json scripts. Read before scripts are removed.
struct JsonLd {
  bool found = false;
  std::string title;
  std::string byline;
  std::string excerpt;
  std::string site_name;
  std::string date_published;
  std::string image;
};
JsonLd ReadJsonLd(Node* root, std::string_view document_title_guess);

// Readability's _getArticleTitle: <title> without the site name ("Story | Site" -> "Story"),
// or the page's only <h1> when the title is very short or long.
std::string ArticleTitle(Node* root);

struct PageMetadata {
  std::string title;
  std::string byline;
  std::string excerpt;
  std::string site_name;
  std::string published;      // as written by the page
  std::string lang;           // BCP 47-like, as written ("en-US")
  std::string lead_image;     // as written (may be relative)
  std::string canonical_url;  // <link rel=canonical> or og:url, as written
  std::string base_href;      // <base href>, as written
};
PageMetadata ReadMetadata(Node* root, const JsonLd& json_ld);

}  // namespace warta::ingest::extractor
