// GET /feed.xml, /atom.xml, /feed.json and the same three under /sumber/{source}/ and
// /tag/{tag}/: the site's newest articles, one outlet's or one tag's, as RSS 2.0, Atom 1.0
// or JSON Feed 1.1. Built from storage at most every feeds.cache_seconds per node.
// {source} and {tag} are the slug of the name (i18n::Slugify: "THE JAPAN NEWS" ->
// "the-japan-news"), matched against the names in use.
#include <algorithm>
#include <map>

#include "core/html_escape.h"
#include "storage/editorial_store.h"
#include "storage/excerpt.h"
#include "storage/listing_store.h"
#include "storage/source_store.h"
#include "syndication/feed.h"
#include "web/handlers.h"
#include "web/view_models/seo.h"

namespace warta::web {
namespace {

// Longer than any slug of a name within limits::kMaxSourceBytes or kMaxTagBytes.
constexpr std::size_t kMaxSlugBytes = 512;

enum class Format { kRss, kAtom, kJson };

Format FormatOf(std::string_view path) {
  if (path.size() >= 8 && path.substr(path.size() - 8) == "atom.xml") return Format::kAtom;
  if (path.size() >= 9 && path.substr(path.size() - 9) == "feed.json") return Format::kJson;
  return Format::kRss;
}

// The name among `names` whose slug is `slug` (the most used one if several share it).
Result<std::optional<std::string>> NameForSlug(const Result<std::vector<storage::NameCount>>& names,
                                               std::string_view slug) {
  if (!names.ok()) return names.error();
  for (const auto& [name, count] : names.value()) {
    if (i18n::Slugify(name) == slug) return std::optional<std::string>(name);
  }
  return std::optional<std::string>();
}

// Feed URLs of the sources the entries came from, one lookup per source.
std::map<std::int64_t, std::string> SourceFeedUrls(Context& context,
                                                   const std::vector<model::Article>& articles) {
  std::map<std::int64_t, std::string> urls;
  for (const model::Article& article : articles) {
    if (article.source_id == 0 || urls.count(article.source_id) != 0) continue;
    auto source = context.store.sources().FindById(article.source_id);
    urls[article.source_id] = source.ok() ? source->url : "";
  }
  return urls;
}

syndication::FeedEntry EntryOf(const Site& site, const model::Article& article,
                               const std::map<std::int64_t, std::string>& feed_urls) {
  const std::string& base = site.settings().base_url;
  syndication::FeedEntry entry;
  // The id path without the slug: a new title (new slug) keeps the id.
  entry.id = base + "/artikel/" + std::to_string(article.id);
  entry.url = base + model::ArticlePath(article.id, article.slug);
  entry.title = article.title;
  entry.content_html = article.body_html;
  entry.summary = storage::MakeExcerpt(article.body_html);
  entry.published = article.published_at;
  entry.updated = ModifiedAt(article);
  entry.language = article.lang;
  entry.source_name = article.source;
  entry.source_url = OriginalUrl(article.url);
  auto feed_url = feed_urls.find(article.source_id);
  if (feed_url != feed_urls.end()) entry.source_feed_url = OriginalUrl(feed_url->second);
  entry.image_url = FirstImageUrl(base, article.body_html);
  entry.tags = article.tags;
  return entry;
}

// Public corrections travel with the entry (docs/decisions/0009-newsroom.md): each note
// heads its content, newest first, and the newest one dates the entry's update, so feed
// readers show the article as changed.
void AddCorrections(const Site& site, const std::vector<model::Correction>& corrections,
                    syndication::FeedEntry& entry) {
  if (corrections.empty()) return;
  std::string notes;
  for (const model::Correction& correction : corrections) {
    notes += "<p class=\"correction\"><strong>" + EscapeHtml(site.T("correction_updated")) + " " +
             EscapeHtml(site.formatter().DateTime(correction.created_at)) + ":</strong> " +
             EscapeHtml(correction.note) + "</p>";
    entry.updated = std::max(entry.updated, correction.created_at);
  }
  entry.content_html = notes + entry.content_html;
}

Result<BuiltDocument> BuildFeed(Context& context, Format format, std::string_view kind,
                                std::string_view slug, std::string_view path, int items) {
  const Site& site = *context.site;
  const std::string& base = site.settings().base_url;
  syndication::FeedDocument feed;
  feed.title = site.settings().name;
  feed.description = site.T("home_title");
  feed.home_url = base + "/";
  storage::ListingFilter filter;
  if (!kind.empty()) {
    auto name = kind == "source"
                    ? NameForSlug(context.store.listings().SourceNames(storage::kMaxNameRows), slug)
                    : NameForSlug(context.store.listings().TagNames(storage::kMaxNameRows), slug);
    if (!name.ok()) return name.error();
    if (!name->has_value()) return BuiltDocument{"", "", 0, 404};
    feed.title += " - " + **name;
    (kind == "source" ? filter.source : filter.tag) = **name;
    if (kind == "tag") feed.home_url = base + "/tag/" + std::string(slug);
  }
  feed.self_url = base + std::string(path);
  feed.icon_url = PublisherLogo(site);
  feed.language = site.locale();
  feed.generator = "warta";
  auto articles = context.store.listings().NewestArticles(filter, items);
  if (!articles.ok()) return articles.error();
  auto feed_urls = SourceFeedUrls(context, articles.value());
  for (const model::Article& article : articles.value()) {
    feed.entries.push_back(EntryOf(site, article, feed_urls));
    auto corrections = context.store.editorial().Corrections(article.id);
    if (!corrections.ok()) return corrections.error();
    AddCorrections(site, corrections.value(), feed.entries.back());
    feed.updated = std::max(feed.updated, feed.entries.back().updated);
  }
  if (feed.updated == 0) feed.updated = context.clock.NowUnix();
  switch (format) {
    case Format::kAtom:
      return BuiltDocument{syndication::WriteAtom(feed), syndication::kAtomContentType,
                           feed.updated};
    case Format::kJson:
      return BuiltDocument{syndication::WriteJsonFeed(feed), syndication::kJsonFeedContentType,
                           feed.updated};
    case Format::kRss:
      break;
  }
  return BuiltDocument{syndication::WriteRss(feed), syndication::kRssContentType, feed.updated};
}

}  // namespace

Response FeedOut(Context& context, const Request& request, const RouteParams& params) {
  std::string_view kind;
  std::string slug;
  if (!params.Get("source").empty()) {
    kind = "source";
    slug = http::PercentDecode(params.Get("source"), false);
  } else if (!params.Get("tag").empty()) {
    kind = "tag";
    slug = http::PercentDecode(params.Get("tag"), false);
  }
  if (slug.size() > kMaxSlugBytes) return ErrorPage(context, 404);
  Format format = FormatOf(request.path);
  // The key is the path as routed (the slug decoded), so each feed has one entry.
  std::string key =
      "feed:" + std::string(kind) + ":" + slug + ":" + std::to_string(static_cast<int>(format));
  std::string path(request.path);
  const int items = context.feeds.items;
  auto document = context.documents.Get(key, context.clock.NowUnix(), [&] {
    return BuildFeed(context, format, kind, slug, path, items);
  });
  if (!document.ok()) return ErrorPage(context, 500);
  if (!document.value()->body) return ErrorPage(context, 404);
  return DocumentResponse(*document.value(), context.feeds.cache_seconds);
}

}  // namespace warta::web
