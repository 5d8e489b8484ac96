#include "ingest/feed/jsonfeed/jsonfeed.h"

#include <nlohmann/json.hpp>

#include "ingest/feed/common/text.h"

namespace warta::ingest::feed::jsonfeed {
namespace {

using Json = nlohmann::json;

// Deepest nesting of [ and { outside strings.
int NestingDepth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string String(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

std::string AuthorOf(const Json& object) {
  auto authors = object.find("authors");
  if (authors != object.end() && authors->is_array()) {
    for (const Json& author : *authors) {
      if (author.is_object() && !String(author, "name").empty()) return String(author, "name");
    }
  }
  auto author = object.find("author");
  if (author != object.end() && author->is_object()) return String(*author, "name");
  return {};
}

std::optional<std::int64_t> DateOf(const Json& item, const char* key, const date::TimeZone& zone) {
  std::string text = String(item, key);
  if (text.empty()) return std::nullopt;
  return date::ParseDate(text, zone);
}

DraftEntry ReadItem(const Json& item, std::string_view base_url, const date::TimeZone& zone) {
  DraftEntry entry;
  entry.base_url = std::string(base_url);
  entry.id = String(item, "id");
  if (item.contains("title")) entry.title = RawText::Plain(String(item, "title"));
  std::string url = String(item, "url");
  if (url.empty()) url = String(item, "external_url");
  entry.link = ResolveLink(url, base_url);
  if (item.contains("content_html")) {
    entry.content = RawText::Html(String(item, "content_html"));
  } else if (item.contains("content_text")) {
    entry.content = RawText::Plain(String(item, "content_text"));
  }
  if (item.contains("summary")) entry.summary = RawText::Plain(String(item, "summary"));
  entry.published = DateOf(item, "date_published", zone);
  entry.updated = DateOf(item, "date_modified", zone);
  entry.author = AuthorOf(item);
  if (auto tags = item.find("tags"); tags != item.end() && tags->is_array()) {
    for (const Json& tag : *tags) {
      if (tag.is_string()) entry.categories.push_back(tag.get<std::string>());
    }
  }
  std::string image = String(item, "image");
  if (image.empty()) image = String(item, "banner_image");
  entry.image = ResolveLink(image, base_url);
  if (auto attachments = item.find("attachments");
      attachments != item.end() && attachments->is_array()) {
    for (const Json& a : *attachments) {
      if (!a.is_object()) continue;
      std::string href = ResolveLink(String(a, "url"), base_url);
      if (href.empty()) continue;
      auto size = a.find("size_in_bytes");
      std::int64_t length =
          size != a.end() && size->is_number_integer() ? size->get<std::int64_t>() : 0;
      entry.enclosures.push_back({href, String(a, "mime_type"), length});
    }
  }
  return entry;
}

}  // namespace

Result<void> Read(std::string_view utf8, std::string_view base_url, const date::TimeZone& zone,
                  DraftFeed* out) {
  if (NestingDepth(utf8) > kMaxDepth) {
    return Error::InvalidArgument("feed: JSON nested too deeply");
  }
  Json doc = Json::parse(utf8, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error::InvalidArgument("feed: not valid JSON");
  if (!doc.is_object()) return Error::InvalidArgument("feed: JSON is not a feed");
  std::string version = String(doc, "version");
  bool known = version.starts_with("https://jsonfeed.org/version/") ||
               version.starts_with("http://jsonfeed.org/version/");
  auto items = doc.find("items");
  bool has_items = items != doc.end() && items->is_array();
  if (!known && !has_items) {
    return Error::InvalidArgument("feed: JSON is not a JSON Feed");
  }
  if (!known) out->problem = "not a JSON Feed: missing or unknown \"version\"";
  out->format = Format::kJson;
  if (doc.contains("title")) out->title = RawText::Plain(String(doc, "title"));
  out->link = ResolveLink(String(doc, "home_page_url"), base_url);
  out->language = String(doc, "language");
  if (!has_items) return Ok();
  std::string feed_author = AuthorOf(doc);
  for (const Json& item : *items) {
    if (!item.is_object()) continue;
    DraftEntry entry = ReadItem(item, base_url, zone);
    if (entry.author.empty()) entry.author = feed_author;
    AddEntry(std::move(entry), out);
  }
  return Ok();
}

}  // namespace warta::ingest::feed::jsonfeed
