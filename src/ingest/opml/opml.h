// OPML 2.0 subscription lists in and out, with nested categories kept as "A/B" paths.
//
// Import reads every <outline> with an xmlUrl as a source; its category is the path of the
// enclosing outlines' titles (or, at the top level, its own `category` attribute). warta's
// per-source settings travel in attributes of the warta namespace (kNamespace), so an export
// re-imports without loss; other readers ignore them. Hostile input: the feed parser's
// XML reader (no network, no external entities, recovery) and bounded sizes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/source.h"

namespace warta::ingest::opml {

inline constexpr std::string_view kNamespace = "https://warta.invalid/ns/opml";
inline constexpr std::size_t kMaxOpmlBytes = std::size_t{8} * 1024 * 1024;
inline constexpr std::size_t kMaxOutlines = 20'000;
inline constexpr int kMaxDepth = 32;

struct Subscriptions {
  std::string title;
  std::vector<model::NewSource> sources;  // document order; not yet validated
  int skipped = 0;                        // outlines with an xmlUrl that is not http(s)
};

// Errors: TooLarge, InvalidArgument (not OPML: no <opml> root or no <body>).
Result<Subscriptions> ParseOpml(std::string_view bytes);

// An OPML 2.0 document with the sources nested by category (sources without one at the top).
std::string WriteOpml(const std::vector<model::Source>& sources, const std::string& title,
                      std::int64_t now_unix);

}  // namespace warta::ingest::opml
