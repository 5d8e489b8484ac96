// GET /sitemap.xml, /sitemap-{n}.xml, /news-sitemap.xml and /robots.txt for crawlers.
// The URL list is the home page followed by every article by id; up to 50,000 URLs it is
// one sitemap, beyond that sitemap.xml is an index of /sitemap-1.xml, /sitemap-2.xml, …
// (50,000 URLs each, so a page's content only grows at the end as articles are added).
#include <algorithm>

#include "model/source.h"
#include "storage/article_store.h"
#include "storage/listing_store.h"
#include "syndication/sitemap.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

using syndication::kSitemapMaxUrls;

std::string ArticleUrl(const Site& site, const storage::SitemapRow& row) {
  return site.settings().base_url + model::ArticlePath(row.id, row.slug);
}

// Sitemap page `page` (1-based) of the URL list [home, article 1, article 2, ...].
Result<BuiltDocument> BuildSitemapPage(Context& context, std::int64_t page,
                                       std::int64_t last_updated) {
  const Site& site = *context.site;
  std::vector<syndication::SitemapUrl> urls;
  std::int64_t first = (page - 1) * kSitemapMaxUrls;  // position in the URL list
  if (page == 1) urls.push_back({site.settings().base_url + "/", last_updated});
  std::int64_t offset = page == 1 ? 0 : first - 1;
  int limit = static_cast<int>(page == 1 ? kSitemapMaxUrls - 1 : kSitemapMaxUrls);
  auto rows = context.store.listings().SitemapRows(offset, limit);
  if (!rows.ok()) return rows.error();
  if (page > 1 && rows->empty()) return BuiltDocument{"", "", 0, 404};
  urls.reserve(urls.size() + rows->size());
  for (const storage::SitemapRow& row : rows.value()) {
    if (row.canonical_elsewhere) continue;  // sitemaps list canonical URLs only
    urls.push_back({ArticleUrl(site, row), std::max(row.updated_at, row.published_at)});
  }
  return BuiltDocument{syndication::WriteSitemap(urls), syndication::kXmlContentType, last_updated};
}

Result<BuiltDocument> BuildSitemap(Context& context) {
  auto count = context.store.articles().Count();
  if (!count.ok()) return count.error();
  auto last_updated = context.store.listings().LastUpdated();
  if (!last_updated.ok()) return last_updated.error();
  std::int64_t pages = syndication::SitemapPageCount(count.value() + 1);
  if (pages <= 1) return BuildSitemapPage(context, 1, last_updated.value());
  // Each page's own newest change would cost a scan of it per index build; the site's newest
  // change is a safe upper bound for every page.
  std::vector<syndication::SitemapUrl> sitemaps;
  for (std::int64_t page = 1; page <= pages; ++page) {
    sitemaps.push_back(
        {context.site->settings().base_url + "/sitemap-" + std::to_string(page) + ".xml",
         last_updated.value()});
  }
  return BuiltDocument{syndication::WriteSitemapIndex(sitemaps), syndication::kXmlContentType,
                       last_updated.value()};
}

Result<BuiltDocument> BuildNewsSitemap(Context& context, std::int64_t now) {
  const Site& site = *context.site;
  auto rows = context.store.listings().PublishedBetween(
      now - syndication::kNewsSitemapWindowSeconds, now, syndication::kNewsSitemapMaxUrls);
  if (!rows.ok()) return rows.error();
  std::vector<syndication::NewsSitemapUrl> urls;
  std::int64_t newest = 0;
  for (const storage::SitemapRow& row : rows.value()) {
    if (row.canonical_elsewhere) continue;
    std::string lang = model::PrimaryLanguage(row.lang);
    urls.push_back(
        {ArticleUrl(site, row), row.title, lang.empty() ? site.locale() : lang, row.published_at});
    newest = std::max(newest, std::max(row.updated_at, row.published_at));
  }
  return BuiltDocument{syndication::WriteNewsSitemap(site.settings().name, urls),
                       syndication::kXmlContentType, newest};
}

BuiltDocument BuildRobots(const Site& site) {
  const std::string& base = site.settings().base_url;
  // /api/ holds every state-changing action and the JSON API; login, registration and
  // search result pages are not content worth indexing.
  std::string text =
      "User-agent: *\n"
      "Disallow: /api/\n"
      "Disallow: /login\n"
      "Disallow: /register\n"
      "Disallow: /search\n"
      "Allow: /\n"
      "\n"
      "Sitemap: " +
      base + "/sitemap.xml\nSitemap: " + base + "/news-sitemap.xml\n";
  return BuiltDocument{std::move(text), "text/plain; charset=utf-8", 0};
}

Response Serve(Context& context, const std::string& key, const DocumentCache::Builder& build) {
  auto document = context.documents.Get(key, context.clock.NowUnix(), build);
  if (!document.ok()) return ErrorPage(context, 500);
  if (!document.value()->body) return ErrorPage(context, 404);
  return DocumentResponse(*document.value(), context.feeds.cache_seconds);
}

}  // namespace

Response Sitemap(Context& context, const Request&) {
  return Serve(context, "sitemap", [&] { return BuildSitemap(context); });
}

Response SitemapPage(Context& context, const Request&, const RouteParams& params) {
  // The prefix route gives "N.xml" after "/sitemap-".
  std::string_view rest = params.Get("*");
  if (rest.size() < 5 || rest.substr(rest.size() - 4) != ".xml") return ErrorPage(context, 404);
  auto page = ParseId(rest.substr(0, rest.size() - 4));
  if (!page || *page > 1'000'000) return ErrorPage(context, 404);
  return Serve(context, "sitemap-" + std::to_string(*page), [&]() -> Result<BuiltDocument> {
    auto last_updated = context.store.listings().LastUpdated();
    if (!last_updated.ok()) return last_updated.error();
    return BuildSitemapPage(context, *page, last_updated.value());
  });
}

Response NewsSitemap(Context& context, const Request&) {
  std::int64_t now = context.clock.NowUnix();
  return Serve(context, "news-sitemap", [&] { return BuildNewsSitemap(context, now); });
}

Response RobotsTxt(Context& context, const Request&) {
  return Serve(context, "robots", [&] { return BuildRobots(*context.site); });
}

}  // namespace warta::web
