// What search engines and link previews read from a page's <head>: Open Graph and Twitter
// card tags, robots directives and schema.org JSON-LD. Filled into the page data at render
// time (the article page is rendered once per version, docs/decisions/0002), never per request.
#pragma once

#include <string>
#include <string_view>

#include "model/article.h"
#include "view/templates.h"
#include "web/site.h"

namespace warta::web {

// Absolute form of a link found in stored HTML or given as a path: http(s) URLs as they
// are, "//host/x" with https, "/path" under base_url; "" for anything else.
std::string AbsoluteUrl(const std::string& base_url, std::string_view url_or_path);

// An article's original URL when it is an absolute http(s) URL, else "" (attribution
// links never point anywhere else).
std::string OriginalUrl(std::string_view url);

// The src of the first <img> in sanitized HTML (entities decoded), absolute; "" when none.
std::string FirstImageUrl(const std::string& base_url, std::string_view body_html);

// When the article last changed as readers know it: its publication date until it is
// edited (version > 1), then the last edit. Insertion time is not a change: an imported
// article published years ago was not "modified" the day it was imported.
std::int64_t ModifiedAt(const model::Article& article);

// The site's default share image and publisher logo, absolute.
std::string DefaultShareImage(const Site& site);
std::string PublisherLogo(const Site& site);

struct ArticleNewsroom;  // web/view_models/article_newsroom.h

// Sets meta_description, og_image, modified_iso and json_ld (NewsArticle) for the article
// page. `path` is its canonical path; `newsroom` (may be null) adds bylines and corrections.
void AddArticleHead(view::Data& data, const Site& site, const model::Article& article,
                    const std::string& path, const ArticleNewsroom* newsroom = nullptr);

// Sets json_ld (WebSite) for the home page.
void AddHomeHead(view::Data& data, const Site& site);

}  // namespace warta::web
