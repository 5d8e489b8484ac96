// A stored picture as templates/picture.mustache draws it: <picture> with the WebP srcset,
// a JPEG <img srcset> fallback, sizes, width/height (the browser reserves the box before the
// file arrives: no layout shift), alt, and how it loads. Every URL is a /media/ rendition of
// this site (docs/decisions/0010-pictures.md): pages never name another host's picture.
#pragma once

#include <string>

#include "model/media.h"
#include "view/templates.h"

namespace warta::web {

// Where a picture sits decides how it loads.
struct PictureUse {
  std::string sizes;     // the sizes attribute: how wide the picture is drawn
  int target_width = 0;  // src names the narrowest JPEG at least this wide (old browsers)
  bool lead = false;     // above the fold: loads at once, fetchpriority="high"
  std::string id;        // the img's id ("lead-image"), or "" for none
};

// Keys: webp_srcset, jpeg_srcset, src, width, height, alt, sizes, lead (bool), lazy (bool),
// img_id, caption, credit, has_caption. Empty Data (false in a section) when the picture has
// no JPEG rendition to fall back on (never, for what media/render.h makes).
view::Data PictureData(const model::Media& media, const PictureUse& use);

// The uses pages make of pictures: the article's lead, a lead story's on the front page,
// a card's thumbnail.
PictureUse ArticleLeadUse();
PictureUse FrontLeadUse();
PictureUse CardUse();

}  // namespace warta::web
