#include "web/view_models/picture.h"

#include "media/names.h"

namespace warta::web {
namespace {

// The narrowest JPEG at least `target` wide, else the widest: what src names for the few
// browsers that ignore srcset, without sending a thumbnail slot the 1920-wide file.
const model::MediaVariant* SrcVariant(const model::Media& media, int target) {
  const model::MediaVariant* best = nullptr;
  for (const model::MediaVariant& v : media.variants) {
    if (v.format != model::ImageFormat::kJpeg) continue;
    if (best == nullptr) {
      best = &v;
    } else if (best->width < target ? v.width > best->width
                                    : (v.width >= target && v.width < best->width)) {
      best = &v;
    }
  }
  return best;
}

}  // namespace

view::Data PictureData(const model::Media& media, const PictureUse& use) {
  const model::MediaVariant* src = SrcVariant(media, use.target_width);
  if (src == nullptr) return view::Data(false);
  view::Data data;
  data.set("webp_srcset", media::Srcset(media, model::ImageFormat::kWebp));
  data.set("jpeg_srcset", media::Srcset(media, model::ImageFormat::kJpeg));
  data.set("src", media::RenditionUrl(media.sha256, src->width, model::ImageFormat::kJpeg));
  data.set("width", std::to_string(src->width));
  data.set("height", std::to_string(src->height));
  data.set("alt", media.alt);
  data.set("sizes", use.sizes);
  data.set("lead", use.lead);
  data.set("lazy", !use.lead);
  data.set("img_id", use.id);
  data.set("caption", media.caption);
  data.set("credit", media.credit);
  data.set("has_caption", !media.caption.empty() || !media.credit.empty());
  return data;
}

// Widths follow static/site.css: the article column is at most 46rem, a front page's lead
// takes two thirds of the 72rem page, a card's thumbnail a third of a column on phones and a
// quarter of the page on desktops.
PictureUse ArticleLeadUse() {
  return PictureUse{"(min-width: 48em) 46rem, 100vw", 960, true, "lead-image"};
}

PictureUse FrontLeadUse() { return PictureUse{"(min-width: 64em) 46rem, 100vw", 960, true, ""}; }

PictureUse CardUse() { return PictureUse{"(min-width: 40em) 17rem, 7rem", 320, false, ""}; }

}  // namespace warta::web
