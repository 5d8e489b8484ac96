// Atom 1.0 (RFC 4287). The source outlet is the entry's author (Atom requires one) and the
// original article is a rel="via" link.
#include "core/rfc3339.h"
#include "syndication/feed.h"
#include "syndication/xml_writer.h"

namespace warta::syndication {

std::string WriteAtom(const FeedDocument& feed) {
  XmlWriter xml;
  if (feed.language.empty()) {
    xml.Open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}});
  } else {
    xml.Open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}, {"xml:lang", feed.language}});
  }
  xml.Element("id", feed.self_url);
  xml.Element("title", feed.title);
  if (!feed.description.empty()) xml.Element("subtitle", feed.description);
  xml.Element("updated", FormatRfc3339Utc(feed.updated));
  xml.Element("link", "", {{"rel", "alternate"}, {"type", "text/html"}, {"href", feed.home_url}});
  xml.Element("link", "",
              {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", feed.self_url}});
  xml.Element("generator", feed.generator);
  if (!feed.icon_url.empty()) xml.Element("icon", feed.icon_url);
  // A feed-level author makes every entry valid even when it names no outlet.
  xml.Open("author").Element("name", feed.title).Close();
  for (const FeedEntry& entry : feed.entries) {
    if (entry.language.empty()) {
      xml.Open("entry");
    } else {
      xml.Open("entry", {{"xml:lang", entry.language}});
    }
    xml.Element("id", entry.id);
    xml.Element("title", entry.title, {{"type", "text"}});
    xml.Element("link", "", {{"rel", "alternate"}, {"type", "text/html"}, {"href", entry.url}});
    if (!entry.source_url.empty()) {
      xml.Element("link", "", {{"rel", "via"}, {"href", entry.source_url}});
    }
    xml.Element("published", FormatRfc3339Utc(entry.published));
    xml.Element("updated", FormatRfc3339Utc(entry.updated));
    if (!entry.source_name.empty()) xml.Open("author").Element("name", entry.source_name).Close();
    for (const std::string& tag : entry.tags) xml.Element("category", "", {{"term", tag}});
    if (!entry.summary.empty()) xml.Element("summary", entry.summary, {{"type", "text"}});
    xml.Element("content", entry.content_html, {{"type", "html"}});
    xml.Close();
  }
  return xml.Finish();
}

}  // namespace warta::syndication
