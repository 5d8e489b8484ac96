#include "ingest/feed/jsonfeed/jsonfeed.h"

#include <cstdint>
#include <optional>

#include "ingest/feed/common/text.h"
#include "ingest/feed/jsonfeed/json_tree.h"

namespace warta::ingest::feed::jsonfeed {
namespace {

using Node = Tree::Node;

std::string String(const Tree& tree, const Node& object, std::string_view key) {
  const Node* value = tree.Find(object, key);
  if (value == nullptr) return {};
  if (value->kind == Tree::Kind::kString) return std::string(value->text);
  if (value->kind == Tree::Kind::kInteger) return std::to_string(value->integer);
  return {};
}

bool Contains(const Tree& tree, const Node& object, std::string_view key) {
  return tree.Find(object, key) != nullptr;
}

// The nodes of an array, for range-for.
class Elements {
 public:
  class Iterator {
   public:
    Iterator(const Tree& tree, std::uint32_t index) : tree_(&tree), index_(index) {}
    const Node& operator*() const { return tree_->at(index_); }
    Iterator& operator++() {
      index_ = tree_->at(index_).next;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    const Tree* tree_;
    std::uint32_t index_;
  };
  Elements(const Tree& tree, const Node* array)
      : tree_(tree),
        first_(array != nullptr && array->kind == Tree::Kind::kArray ? array->first : Tree::kNone) {
  }
  Iterator begin() const { return {tree_, first_}; }
  Iterator end() const { return {tree_, Tree::kNone}; }

 private:
  const Tree& tree_;
  std::uint32_t first_;
};

bool IsArray(const Node* node) { return node != nullptr && node->kind == Tree::Kind::kArray; }

std::string AuthorOf(const Tree& tree, const Node& object) {
  for (const Node& author : Elements(tree, tree.Find(object, "authors"))) {
    if (author.kind != Tree::Kind::kObject) continue;
    std::string name = String(tree, author, "name");
    if (!name.empty()) return name;
  }
  const Node* author = tree.Find(object, "author");
  if (author != nullptr && author->kind == Tree::Kind::kObject)
    return String(tree, *author, "name");
  return {};
}

std::optional<std::int64_t> DateOf(const Tree& tree, const Node& item, std::string_view key,
                                   const date::TimeZone& zone) {
  std::string text = String(tree, item, key);
  if (text.empty()) return std::nullopt;
  return date::ParseDate(text, zone);
}

DraftEntry ReadItem(const Tree& tree, const Node& item, std::string_view base_url,
                    const date::TimeZone& zone) {
  DraftEntry entry;
  entry.base_url = std::string(base_url);
  entry.id = String(tree, item, "id");
  if (Contains(tree, item, "title")) entry.title = RawText::Plain(String(tree, item, "title"));
  std::string url = String(tree, item, "url");
  if (url.empty()) url = String(tree, item, "external_url");
  entry.link = ResolveLink(url, base_url);
  if (Contains(tree, item, "content_html")) {
    entry.content = RawText::Html(String(tree, item, "content_html"));
  } else if (Contains(tree, item, "content_text")) {
    entry.content = RawText::Plain(String(tree, item, "content_text"));
  }
  if (Contains(tree, item, "summary")) {
    entry.summary = RawText::Plain(String(tree, item, "summary"));
  }
  entry.published = DateOf(tree, item, "date_published", zone);
  entry.updated = DateOf(tree, item, "date_modified", zone);
  entry.author = AuthorOf(tree, item);
  for (const Node& tag : Elements(tree, tree.Find(item, "tags"))) {
    if (tag.kind == Tree::Kind::kString) entry.categories.emplace_back(tag.text);
  }
  std::string image = String(tree, item, "image");
  if (image.empty()) image = String(tree, item, "banner_image");
  entry.image = ResolveLink(image, base_url);
  for (const Node& a : Elements(tree, tree.Find(item, "attachments"))) {
    if (a.kind != Tree::Kind::kObject) continue;
    std::string href = ResolveLink(String(tree, a, "url"), base_url);
    if (href.empty()) continue;
    const Node* size = tree.Find(a, "size_in_bytes");
    std::int64_t length = size != nullptr && size->kind == Tree::Kind::kInteger ? size->integer : 0;
    entry.enclosures.push_back({href, String(tree, a, "mime_type"), length});
  }
  return entry;
}

}  // namespace

Result<void> Read(std::string_view utf8, std::string_view base_url, const date::TimeZone& zone,
                  DraftFeed* out) {
  bool too_deep = false;
  std::optional<Tree> parsed = Tree::Parse(utf8, kMaxDepth, &too_deep);
  if (!parsed) {
    return Error::InvalidArgument(too_deep ? "feed: JSON nested too deeply"
                                           : "feed: not valid JSON");
  }
  const Tree& tree = *parsed;
  const Node& doc = tree.root();
  if (doc.kind != Tree::Kind::kObject) return Error::InvalidArgument("feed: JSON is not a feed");
  std::string version = String(tree, doc, "version");
  bool known = version.starts_with("https://jsonfeed.org/version/") ||
               version.starts_with("http://jsonfeed.org/version/");
  const Node* items = tree.Find(doc, "items");
  bool has_items = IsArray(items);
  if (!known && !has_items) {
    return Error::InvalidArgument("feed: JSON is not a JSON Feed");
  }
  if (!known) out->problem = "not a JSON Feed: missing or unknown \"version\"";
  out->format = Format::kJson;
  if (Contains(tree, doc, "title")) out->title = RawText::Plain(String(tree, doc, "title"));
  out->link = ResolveLink(String(tree, doc, "home_page_url"), base_url);
  out->language = String(tree, doc, "language");
  if (!has_items) return Ok();
  std::string feed_author = AuthorOf(tree, doc);
  for (const Node& item : Elements(tree, items)) {
    if (item.kind != Tree::Kind::kObject) continue;
    DraftEntry entry = ReadItem(tree, item, base_url, zone);
    if (entry.author.empty()) entry.author = feed_author;
    AddEntry(std::move(entry), out);
  }
  return Ok();
}

}  // namespace warta::ingest::feed::jsonfeed
