// Pictures in the admin: a picture of the media library as templates show it, and storing
// an uploaded one (the media library page and the editor's lead-image field share it).
#pragma once

#include <string>

#include "core/result.h"
#include "http/multipart.h"
#include "model/media.h"
#include "view/templates.h"
#include "web/context.h"
#include "web/request/staff.h"
#include "web/site.h"

namespace warta::web {

// Keys: id, thumb_url, thumb_width, thumb_height (its narrowest WebP rendition, the JPEG
// fallback otherwise), url (the widest JPEG), width, height, alt, caption, credit, edit_path.
view::Data MediaItemData(const model::Media& media);

// What the uploader typed beside the file.
struct PictureTexts {
  std::string alt, caption, credit;
};

// Stores `file` in the media library (media/library.h) as uploaded by `staff`: checks the
// size before decoding, then renders every variant. Errors as the library's: TooLarge,
// InvalidArgument (not a picture warta takes, undecodable, over the pixel limit, texts too
// long), Unavailable (busy, or no media library on this server).
Result<model::Media> StorePicture(Context& context, const Staff& staff,
                                  const http::MultipartPart& file, const PictureTexts& texts);

// The localized reason an upload was refused, with the library's own words after it.
std::string PictureErrorText(const Site& site, const Error& error);

}  // namespace warta::web
