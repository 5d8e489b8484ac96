// A picture of the media library as admin templates show it: a thumbnail (its narrowest
// WebP rendition, the JPEG fallback otherwise), its size and texts.
#pragma once

#include "model/media.h"
#include "view/templates.h"

namespace warta::web {

// Keys: id, thumb_url, thumb_width, thumb_height, url (the widest JPEG), width, height, alt,
// caption, credit, edit_path.
view::Data MediaItemData(const model::Media& media);

}  // namespace warta::web
