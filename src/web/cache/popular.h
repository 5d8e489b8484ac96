// The "most popular" (Terpopuler) list and the tag directory, as each node keeps them: rebuilt
// from the store every refresh interval on a background thread and swapped in whole, so a
// page only takes a shared pointer to the current version (no query, no render per request).
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "http/gzip.h"
#include "storage/store.h"
#include "storage/trending_store.h"
#include "web/cache/spliced_page.h"
#include "web/shared_site.h"
#include "web/site.h"

namespace warta::web {

struct PopularOptions {
  int list_size = 5;
  int max_age_days = 7;
  std::chrono::seconds refresh{30};
};

// The rendered list (templates/popular.mustache) in each locale the site offers, empty when
// no article has engagement. Rendered once per refresh per locale, so a page in any language
// only picks its string.
struct PopularFragment {
  std::map<std::string, std::string, std::less<>> html_by_locale;
  // Each locale's list compressed once (gzip pages splice it: web/cache/spliced_page.h).
  std::map<std::string, http::DeflatedPart, std::less<>> gzip_by_locale;
  std::uint64_t generation = 0;  // changes whenever any html does (for ETags)

  // The list in `locale`; "" when the site does not offer it (or the list is empty).
  const std::string& Html(std::string_view locale) const;
  // The same, compressed; null when there is none.
  const http::DeflatedPart* Gzip(std::string_view locale) const;
};

// Fills a spliced page's popular hole (web/cache/spliced_page.h) from `popular` (may be null):
// its text in `locale`, and its compressed part for gzip. The response's pieces must then hold
// `popular` (OwnPieces).
void FillPopularHole(const PopularFragment* popular, std::string_view locale, RawSlotValues& raw,
                     RawSlotGzip& raw_gzip);

// The owner of a response's pieces (http::Response::pieces_owner): the page alone, or the page
// and the popular list when the list's compressed part is among them.
std::shared_ptr<const void> OwnPieces(std::shared_ptr<const void> page,
                                      std::shared_ptr<const void> popular);

// One tag as pages link it: /tag/{slug}.
struct TagEntry {
  std::string slug;
  std::vector<std::string> names;  // stored tags with this slug ("Tokyo" and "tokyo")
  std::int64_t articles = 0;       // articles carrying any of them (summed per name)
};

struct TagDirectory {
  std::vector<TagEntry> entries;  // most used first
  std::map<std::string, std::size_t, std::less<>> by_slug;
  std::int64_t loaded_at = 0;

  const TagEntry* Find(std::string_view slug) const;
};

// The path of a tag's page, "" when the tag has no usable slug (only punctuation).
std::string TagPath(const std::string& tag);

class PopularLists {
 public:
  // The clock dates the background refreshes (the interval between them is waited in real
  // time); it must outlive this.
  // `site` is followed across reloads (the next Refresh renders with the current one).
  PopularLists(storage::Store& store, SharedSite site, PopularOptions options, const Clock& clock);
  ~PopularLists();  // Stop()
  PopularLists(const PopularLists&) = delete;
  PopularLists& operator=(const PopularLists&) = delete;

  // Rebuilds the list and the directory now (also run by the thread).
  Result<void> Refresh(std::int64_t now_unix);
  // Starts the background refresh (after one Refresh); Stop joins it. Idempotent.
  void Start();
  void Stop();

  std::shared_ptr<const PopularFragment> Current() const { return fragment_.load(); }
  std::shared_ptr<const TagDirectory> Tags() const { return tags_.load(); }
  // The directory entry of a slug. On a miss the directory is reloaded at once when it is
  // older than a few seconds, so a freshly added tag gets its page without waiting.
  std::optional<TagEntry> FindTag(std::string_view slug, std::int64_t now_unix);

  // The popular list of articles having any of `tags`, rendered in `site`'s locale (tag
  // pages; queried per call).
  Result<std::string> RenderFor(const std::vector<std::string>& tags, const Site& site,
                                std::int64_t now_unix);

  const PopularOptions& options() const { return options_; }
  std::uint64_t refreshes() const { return refreshes_.load(); }

 private:
  Result<std::vector<storage::PopularArticle>> Query(const std::vector<std::string>& tags,
                                                     std::int64_t now_unix);
  static Result<std::string> Render(const std::vector<storage::PopularArticle>& top,
                                    const Site& site);
  Result<void> ReloadTags(std::int64_t now_unix);
  void Run();

  storage::Store& store_;
  SharedSite site_;
  const PopularOptions options_;
  const Clock& clock_;
  std::atomic<std::shared_ptr<const PopularFragment>> fragment_;
  std::atomic<std::shared_ptr<const TagDirectory>> tags_;
  std::atomic<std::uint64_t> refreshes_{0};
  std::mutex refresh_mutex_;                  // one Refresh at a time (thread, editorial changes)
  std::mutex reload_mutex_;                   // one tag reload at a time
  std::map<std::string, std::string> slugs_;  // tag -> slug, under reload_mutex_
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace warta::web
