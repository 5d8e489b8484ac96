// Markdown for what people write on the site: readers' comments and the newsroom's articles
// and static pages. cmark-gfm renders it (raw HTML shown as the text that was typed, unsafe
// URLs left out by CMARK_OPT_SAFE), then warta's sanitizer cleans the output with the
// profile's allowlist, so what reaches a page is safe even if cmark let something through.
//
// Thread safety: reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::markdown {

enum class Profile {
  // p br a em strong code pre blockquote ul ol li, nothing else; bare URLs become links;
  // links are marked ugc.
  kComment,
  // The article allowlist: headings, lists, links, blockquotes, tables, and images served
  // by warta itself (src under /media/); other images are left out (their alt text stays).
  kArticle,
};

struct Rendered {
  std::string html;
  bool has_link = false;  // an <a> survived: the text names a URL
};

// InvalidArgument for invalid UTF-8 or a text whose output the sanitizer refused (too
// complex); the caller bounds the size first.
Result<Rendered> Render(std::string_view source, Profile profile);

// Unicode code points of valid UTF-8 (what "characters" means for limits).
std::size_t CodePoints(std::string_view utf8);

}  // namespace warta::markdown
