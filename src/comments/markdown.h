// Comment bodies: a Markdown subset rendered by cmark-gfm (raw HTML shown as the text the
// reader typed, unsafe URLs left out by CMARK_OPT_SAFE), then passed through warta's
// sanitizer with the comment profile, so what reaches the page is safe even if cmark let
// something through.
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::comments {

struct RenderedComment {
  std::string html;
  bool has_link = false;  // an <a> survived: the comment names a URL
};

// InvalidArgument for invalid UTF-8 or a body whose output the sanitizer refused (too
// complex); the caller bounds the size first.
Result<RenderedComment> RenderMarkdown(std::string_view source);

// Unicode code points of valid UTF-8 (what "characters" means for limits).
std::size_t CodePoints(std::string_view utf8);

}  // namespace warta::comments
