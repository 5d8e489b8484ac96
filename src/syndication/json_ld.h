// schema.org JSON-LD for the pages' <head>: NewsArticle on article pages, WebSite on the
// home page. The result goes inside <script type="application/ld+json"> unescaped by the
// template, so it is made safe for that element here (ScriptSafeJson).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta::syndication {

struct NewsArticleLd {
  std::string url;  // the canonical URL, absolute
  std::string headline;
  std::string description;
  std::string image_url;  // absolute
  std::int64_t published = 0;
  std::int64_t modified = 0;
  std::string language;
  std::string source_name;  // the outlet: author and sourceOrganization
  std::string source_url;   // the original article: isBasedOn
  std::string site_name;    // publisher
  std::string site_url;
  std::string logo_url;  // publisher logo, absolute
  std::vector<std::string> keywords;
  // The site's own bylines (Person, with their author page); when set they are the author,
  // whatever the outlet.
  struct Person {
    std::string name;
    std::string url;  // absolute, may be empty
  };
  std::vector<Person> authors = {};
  // Public corrections, newest first: schema.org `correction` (CorrectionComment).
  struct CorrectionNote {
    std::string text;
    std::int64_t date = 0;
  };
  std::vector<CorrectionNote> corrections = {};
};

std::string NewsArticleJsonLd(const NewsArticleLd& article);
// WebSite with a SearchAction for the site's search page.
std::string WebSiteJsonLd(const std::string& site_name, const std::string& site_url,
                          const std::string& language);

// JSON text made safe inside a <script> element: every '<', '>' and '&' becomes a \u escape,
// so neither "</script>" nor "<!--" can appear; U+2028/U+2029 are escaped for old parsers.
// The escapes are valid only inside JSON strings, which is the only place these characters
// can occur in JSON.
std::string ScriptSafeJson(std::string_view json);

}  // namespace warta::syndication
