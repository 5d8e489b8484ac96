// RSS 2.0 (https://www.rssboard.org/rss-specification) with the content, atom and dc
// namespaces that feed readers expect for full text, the self link and the language.
#include <ctime>

#include "core/rfc3339.h"
#include "syndication/feed.h"
#include "syndication/xml_writer.h"

namespace warta::syndication {

std::string FormatRfc822(std::int64_t unix_seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  if (gmtime_r(&t, &utc) == nullptr) return "";
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return buffer;
}

std::string WriteRss(const FeedDocument& feed) {
  XmlWriter xml;
  xml.Open("rss", {{"version", "2.0"},
                   {"xmlns:atom", "http://www.w3.org/2005/Atom"},
                   {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
                   {"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
  xml.Open("channel");
  xml.Element("title", feed.title);
  xml.Element("link", feed.home_url);
  xml.Element("description", feed.description.empty() ? feed.title : feed.description);
  xml.Element("atom:link", "",
              {{"href", feed.self_url}, {"rel", "self"}, {"type", "application/rss+xml"}});
  if (!feed.language.empty()) xml.Element("language", feed.language);
  xml.Element("lastBuildDate", FormatRfc822(feed.updated));
  xml.Element("generator", feed.generator);
  xml.Element("ttl", "15");
  if (!feed.icon_url.empty()) {
    xml.Open("image");
    xml.Element("url", feed.icon_url).Element("title", feed.title).Element("link", feed.home_url);
    xml.Close();
  }
  for (const FeedEntry& entry : feed.entries) {
    xml.Open("item");
    xml.Element("title", entry.title);
    xml.Element("link", entry.url);
    xml.Element("guid", entry.id, {{"isPermaLink", "true"}});
    xml.Element("pubDate", FormatRfc822(entry.published));
    if (!entry.summary.empty()) xml.Element("description", entry.summary);
    xml.Element("content:encoded", entry.content_html);
    if (!entry.language.empty()) xml.Element("dc:language", entry.language);
    for (const std::string& tag : entry.tags) xml.Element("category", tag);
    if (!entry.source_name.empty()) {
      xml.Element("dc:creator", entry.source_name);
      // <source url> names the feed the item came from; for articles not from a feed the
      // original article is the nearest thing to it.
      const std::string& from =
          entry.source_feed_url.empty() ? entry.source_url : entry.source_feed_url;
      if (!from.empty()) xml.Element("source", entry.source_name, {{"url", from}});
    }
    if (!entry.source_url.empty()) {
      xml.Element("atom:link", "", {{"rel", "via"}, {"href", entry.source_url}});
    }
    xml.Close();
  }
  return xml.Finish();
}

}  // namespace warta::syndication
