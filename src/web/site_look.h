// The site's own look without rebuilding (docs/decisions/0010-pictures.md "Site look"): an
// accent colour, a logo, a default share image and custom CSS, set by admins in the settings
// (web/site.h kSettingSiteAccentColor…). Unset, the built-in Media Jepang look stays.
//
// The accent colour and the custom CSS are served together as one stylesheet,
// /look.css?v=<hash> (cacheable forever, a new URL on change), linked after site.css; the
// pictures come from the media library, so they are served from /media/ like every other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/media_store.h"

namespace warta::web {

struct SiteLook {
  std::string accent_color;               // "#rrggbb"; "" keeps the built-in one
  std::int64_t logo_media_id = 0;         // 0: the header shows the site's name alone
  std::int64_t share_image_media_id = 0;  // 0: /static/share.png in link previews
  std::string custom_css;                 // checked by CheckCustomCss; "" none

  // Filled by ResolveLookPictures from the media library; empty when unset or missing.
  std::string logo_url;  // "/media/…jpg"
  int logo_width = 0;
  int logo_height = 0;
  std::string share_image_url;  // "/media/…jpg"
};

// The largest custom stylesheet an admin may store.
inline constexpr std::size_t kMaxCustomCssBytes = std::size_t{64} * 1024;

// "#rrggbb" (lower or upper case) dark enough for white text on it and for text on the white
// page: a contrast of at least 4.5:1 against white (WCAG AA), since the accent colours
// buttons, the brand and headings' rules. InvalidArgument saying what is wrong.
Result<void> CheckAccentColor(std::string_view value);

// Custom CSS is the admin's, but it must not make readers' browsers talk to other hosts
// (DESIGN's privacy rule) or pull in more than it shows: refused are @import, image-set(),
// and url() to anything but a local path ("/static/…", "/media/…") or a data: image — also
// when spelled with CSS escapes (\75 rl). At most kMaxCustomCssBytes of UTF-8 without control
// characters. InvalidArgument naming the first problem.
Result<void> CheckCustomCss(std::string_view css);

// The stylesheet /look.css serves: the accent for the light scheme (the dark scheme keeps
// its lighter built-in accent, which the admin's dark colour would make unreadable), then the
// custom CSS. "" when the look adds nothing (no stylesheet is linked then).
std::string LookStylesheet(const SiteLook& look);

// Fills the look's picture URLs from the media library. A picture that is gone (deleted
// since) leaves its URL empty: the built-in look shows, and the log says why.
Result<void> ResolveLookPictures(SiteLook& look, storage::MediaStore& media);

}  // namespace warta::web
