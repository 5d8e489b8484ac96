// Sitemaps for search engines (https://www.sitemaps.org/protocol.html) and the Google News
// sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
// Pure functions; the web layer decides what goes in and caches the result.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace warta::syndication {

// The protocol's limits: a sitemap holds at most 50,000 URLs (and 50 MB, far above what
// 50,000 article URLs take); beyond that, sitemap.xml becomes an index of pages.
inline constexpr std::int64_t kSitemapMaxUrls = 50'000;
// A news sitemap lists articles of the last two days, at most 1,000.
inline constexpr std::int64_t kNewsSitemapWindowSeconds = std::int64_t{48} * 3600;
inline constexpr int kNewsSitemapMaxUrls = 1'000;

struct SitemapUrl {
  std::string loc;           // absolute
  std::int64_t lastmod = 0;  // 0: omitted
};

struct NewsSitemapUrl {
  std::string loc;
  std::string title;     // plain text
  std::string language;  // ISO 639 code of the article
  std::int64_t published = 0;
};

// <urlset> of the given URLs (the caller keeps it at most kSitemapMaxUrls).
std::string WriteSitemap(const std::vector<SitemapUrl>& urls);
// <sitemapindex> listing the sitemap pages.
std::string WriteSitemapIndex(const std::vector<SitemapUrl>& sitemaps);
// <urlset> with news:news children; `publication` is the site name.
std::string WriteNewsSitemap(const std::string& publication,
                             const std::vector<NewsSitemapUrl>& urls);

// How many sitemap pages `url_count` URLs need (0 for none).
std::int64_t SitemapPageCount(std::int64_t url_count);

inline constexpr const char* kXmlContentType = "application/xml; charset=utf-8";

}  // namespace warta::syndication
