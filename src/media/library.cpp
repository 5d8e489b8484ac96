#include "media/library.h"

#include <sodium.h>

#include <array>
#include <utility>

#include "core/limits.h"
#include "core/utf8.h"

namespace warta::media {
namespace {

Result<void> CheckText(const std::string& text, const char* what) {
  if (text.size() > limits::kMaxMediaTextBytes) {
    return Error::InvalidArgument(std::string("media: the ") + what + " is longer than " +
                                  std::to_string(limits::kMaxMediaTextBytes) + " bytes");
  }
  if (!utf8::IsValid(text)) {
    return Error::InvalidArgument(std::string("media: the ") + what + " is not UTF-8 text");
  }
  return Ok();
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  static const int initialized = sodium_init();  // thread-safe, idempotent; -1 only without a
  (void)initialized;                             // random source, which SHA-256 does not need
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * digest.size());
  for (unsigned char b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  return hex;
}

MediaLibrary::MediaLibrary(storage::MediaStore& store, LibraryOptions options, MediaFiles files)
    : store_(store),
      options_(std::move(options)),
      files_(std::move(files)),
      gate_(options_.max_waiting, options_.max_wait) {}

Result<std::unique_ptr<MediaLibrary>> MediaLibrary::Open(storage::MediaStore& store,
                                                         LibraryOptions options) {
  WARTA_ASSIGN_OR_RETURN(MediaFiles files, MediaFiles::Open(options.dir));
  return std::unique_ptr<MediaLibrary>(
      new MediaLibrary(store, std::move(options), std::move(files)));
}

Result<model::Media> MediaLibrary::Add(std::string_view bytes, const PictureInfo& info) {
  WARTA_RETURN_IF_ERROR(CheckText(info.alt, "alt text"));
  WARTA_RETURN_IF_ERROR(CheckText(info.caption, "caption"));
  WARTA_RETURN_IF_ERROR(CheckText(info.credit, "credit"));
  if (info.origin_url.size() > limits::kMaxUrlBytes) {
    return Error::InvalidArgument("media: the origin URL is too long");
  }
  // Over the limit: refused before hashing 30 MB.
  WARTA_RETURN_IF_ERROR(
      CheckSize(static_cast<std::int64_t>(bytes.size()), options_.render.max_bytes));
  const std::string sha256 = Sha256Hex(bytes);
  WARTA_ASSIGN_OR_RETURN(auto existing, store_.FindBySha256(sha256));
  if (existing) return std::move(*existing);
  WARTA_ASSIGN_OR_RETURN(ProcessingGate::Turn turn, gate_.Enter());
  return Store(bytes, sha256, info);
}

Result<model::Media> MediaLibrary::Store(std::string_view bytes, const std::string& sha256,
                                         const PictureInfo& info) {
  WARTA_ASSIGN_OR_RETURN(Rendered rendered, Render(bytes, options_.render));
  model::NewMedia media;
  media.sha256 = sha256;
  media.format = rendered.format;
  media.width = rendered.width;
  media.height = rendered.height;
  media.frames = rendered.frames;
  media.bytes = static_cast<std::int64_t>(bytes.size());
  media.alt = info.alt;
  media.caption = info.caption;
  media.credit = info.credit;
  media.origin_url = info.origin_url;
  media.created_by = info.created_by;

  FileBatch batch(files_);
  WARTA_RETURN_IF_ERROR(batch.Write(files_.OriginalPath(sha256, rendered.format), bytes));
  for (const Rendition& r : rendered.renditions) {
    WARTA_RETURN_IF_ERROR(
        batch.Write(files_.RenditionPath(sha256, r.variant.width, r.variant.format), r.bytes));
    media.variants.push_back(r.variant);
  }
  auto id = store_.Insert(media);
  if (!id.ok() && id.error().is(ErrorCode::kAlreadyExists)) {
    // Another node stored the same bytes meanwhile: its row names these very files (same
    // names, same bytes), so they stay.
    batch.Keep();
    WARTA_ASSIGN_OR_RETURN(auto stored, store_.FindBySha256(sha256));
    if (stored) return std::move(*stored);
    return Error::Internal("media: picture " + sha256 + " vanished while being stored");
  }
  if (!id.ok()) return id.error();
  batch.Keep();
  return store_.FindById(*id);
}

}  // namespace warta::media
