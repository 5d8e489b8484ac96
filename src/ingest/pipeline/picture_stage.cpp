// Feed pictures (docs/decisions/0010-pictures.md, "Ingest"): pages never name another host's
// picture, so a feed's picture is fetched, taken in like an upload and served from /media/.
#include <string>

#include "core/limits.h"
#include "ingest/pipeline/stages.h"

namespace warta::ingest::pipeline {
namespace {

bool IsFetchableUrl(const std::string& url) {
  if (url.empty() || url.size() > limits::kMaxUrlBytes) return false;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::string PictureUrl(const Candidate& candidate) {
  if (IsFetchableUrl(candidate.entry.image)) return candidate.entry.image;
  if (candidate.extraction && IsFetchableUrl(candidate.extraction->lead_image)) {
    return candidate.extraction->lead_image;
  }
  return "";
}

Result<std::int64_t> TakePicture(media::MediaLibrary& library,
                                 const fetcher::FetchResponse& response) {
  if (response.error) return *response.error;
  if (response.status != 200) {
    return Error::Unavailable("ingest: picture " + response.url + ": HTTP " +
                              std::to_string(response.status));
  }
  media::PictureInfo info;
  info.origin_url = response.final_url.empty() ? response.url : response.final_url;
  if (info.origin_url.size() > limits::kMaxUrlBytes) info.origin_url = response.url;
  // The declared type is not trusted: the library sniffs the bytes.
  auto taken = library.Add(response.body, info);
  if (!taken.ok()) return taken.error();
  return taken->id;
}

}  // namespace warta::ingest::pipeline
