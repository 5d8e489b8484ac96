// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Attribution goes into the
// extension object "_warta" (extensions start with "_"), as JSON Feed has no source field.
#include <nlohmann/json.hpp>

#include "core/rfc3339.h"
#include "syndication/feed.h"

namespace warta::syndication {

std::string WriteJsonFeed(const FeedDocument& feed) {
  using nlohmann::json;
  json doc = {{"version", "https://jsonfeed.org/version/1.1"},
              {"title", feed.title},
              {"home_page_url", feed.home_url},
              {"feed_url", feed.self_url}};
  if (!feed.description.empty()) doc["description"] = feed.description;
  if (!feed.language.empty()) doc["language"] = feed.language;
  if (!feed.icon_url.empty()) doc["icon"] = feed.icon_url;
  json items = json::array();
  for (const FeedEntry& entry : feed.entries) {
    json item = {{"id", entry.id},
                 {"url", entry.url},
                 {"title", entry.title},
                 {"content_html", entry.content_html},
                 {"date_published", FormatRfc3339Utc(entry.published)},
                 {"date_modified", FormatRfc3339Utc(entry.updated)}};
    if (!entry.summary.empty()) item["summary"] = entry.summary;
    if (!entry.language.empty()) item["language"] = entry.language;
    if (!entry.image_url.empty()) item["image"] = entry.image_url;
    if (!entry.tags.empty()) item["tags"] = entry.tags;
    if (!entry.source_url.empty()) item["external_url"] = entry.source_url;
    if (!entry.source_name.empty()) {
      item["authors"] = json::array({json{{"name", entry.source_name}}});
      json source = {{"name", entry.source_name}};
      if (!entry.source_url.empty()) source["url"] = entry.source_url;
      item["_warta"] = {{"source", source}};
    }
    items.push_back(std::move(item));
  }
  doc["items"] = std::move(items);
  // Stored text is UTF-8 already; `replace` keeps one broken byte from failing the feed.
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace warta::syndication
