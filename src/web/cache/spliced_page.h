// A rendered page with holes. The article page is the hottest path: its HTML changes only
// when the article is edited, but its counters and the reader's CSRF token change per
// request. So the template is rendered once with marker strings in the holes, split at the
// markers, and each request only concatenates the parts with the current values, at the
// cost of a few string appends instead of a template render.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/gzip.h"

namespace warta::web {

// The values that vary per request (counters, and what differs per reader: the CSRF token
// and whether they like the article). Order matters: it is the marker index.
enum class Slot : unsigned char {
  kViewsNumber,
  kViewsLabel,
  kLikesNumber,
  kLikesLabel,
  kLikePrompt,
  kCommentsNumber,
  kCommentsLabel,
  kSharesNumber,
  kSharesLabel,
  kCsrfToken,
  // The reader's like state: the form's action field ("like"/"unlike"), the button's text,
  // and "true"/"false" for data-liked (styling and scripts).
  kLikeFormAction,
  kLikeButtonText,
  kLiked,
  // Comments (web/view_models/comment_view.h): the reader's account id ("none" when logged out),
  // their standing ("anonymous", "reader" or "moderator") for which actions the page shows, and a
  // one-line notice after a form post (comment waiting for moderation, an error).
  kViewerId,
  kViewerRole,
  kCommentNotice,
  kCount,
};

using SlotValues = std::array<std::string, static_cast<std::size_t>(Slot::kCount)>;

// Holes filled with HTML as it is (not escaped): fragments the server rendered itself from
// templates, shared by every page and swapped as a whole (the "most popular" list).
enum class RawSlot : unsigned char {
  kPopular,
  // The header's account menu (web/request/account_menu.h): the reader's name and links, or
  // the login link. Every page carries this marker; WebApp fills it in pages that are not
  // spliced.
  kAccountMenu,
  kCount,
};

using RawSlotValues = std::array<std::string_view, static_cast<std::size_t>(RawSlot::kCount)>;

// Raw holes' values compressed once (http::DeflatePart) by whoever keeps them: the popular
// list (a kilobyte or more) is the same for every reader, so the gzip page takes its
// compressed bytes as they are instead of storing its text and computing its crc32 per
// request. Null, or a part whose size is not the value's, leaves the hole live.
using RawSlotGzip =
    std::array<const http::DeflatedPart*, static_cast<std::size_t>(RawSlot::kCount)>;

// What a response's pieces point into, for http::Response::pieces_owner: the page's parts
// and the compressed raw holes' owner (a popular list swapped by a refresh meanwhile must
// live until the response is stitched).
struct PieceOwners {
  std::shared_ptr<const void> page;
  std::shared_ptr<const void> raw;
};

std::string RawSlotMarker(RawSlot slot);

// The marker rendered into the template in place of a slot's value. Uses control
// characters that never occur in templates or (escaped) content.
std::string SlotMarker(Slot slot);

class SplicedPage {
 public:
  SplicedPage() = default;
  // Splits rendered HTML at the slot markers. Text between markers is kept verbatim.
  static SplicedPage FromRendered(std::string_view rendered);

  // Appends the page with each slot replaced by its value, HTML-escaped (values are plain
  // text: numbers, catalog labels, tokens).
  void AppendTo(std::string& out, const SlotValues& values) const;
  // The same, with raw holes filled by `raw` as given (empty views leave them empty).
  void AppendTo(std::string& out, const SlotValues& values, const RawSlotValues& raw) const;
  // The same, also describing `out` as pieces (http/gzip.h): each fixed part compressed once
  // by FromRendered, each hole a live range, so the server stitches the gzip encoding
  // instead of compressing the page. `pieces` refer to this page: the response must keep
  // it alive (http::Response::pieces_owner), and `raw_gzip`'s parts' owners too.
  void AppendTo(std::string& out, const SlotValues& values, const RawSlotValues& raw,
                std::vector<http::BodyPiece>& pieces, const RawSlotGzip& raw_gzip = {}) const;
  std::size_t size_hint() const { return static_cast<std::size_t>(fixed_bytes_ + 256); }
  std::size_t slot_count() const { return slots_.size(); }

 private:
  std::vector<std::string> parts_;            // parts_.size() == slots_.size() + 1
  std::vector<http::DeflatedPart> deflated_;  // parts_, each compressed once
  struct Hole {
    bool raw = false;
    unsigned char index = 0;  // into SlotValues or RawSlotValues
  };
  std::vector<Hole> slots_;
  std::size_t fixed_bytes_ = 0;
};

}  // namespace warta::web
