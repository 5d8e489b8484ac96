#include "syndication/sitemap.h"

#include "core/rfc3339.h"
#include "syndication/xml_writer.h"

namespace warta::syndication {
namespace {

constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr const char* kNewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

}  // namespace

std::string WriteSitemap(const std::vector<SitemapUrl>& urls) {
  XmlWriter xml;
  xml.Open("urlset", {{"xmlns", kSitemapNs}});
  for (const SitemapUrl& url : urls) {
    xml.Open("url");
    xml.Element("loc", url.loc);
    if (url.lastmod != 0) xml.Element("lastmod", FormatRfc3339Utc(url.lastmod));
    xml.Close();
  }
  return xml.Finish();
}

std::string WriteSitemapIndex(const std::vector<SitemapUrl>& sitemaps) {
  XmlWriter xml;
  xml.Open("sitemapindex", {{"xmlns", kSitemapNs}});
  for (const SitemapUrl& sitemap : sitemaps) {
    xml.Open("sitemap");
    xml.Element("loc", sitemap.loc);
    if (sitemap.lastmod != 0) xml.Element("lastmod", FormatRfc3339Utc(sitemap.lastmod));
    xml.Close();
  }
  return xml.Finish();
}

std::string WriteNewsSitemap(const std::string& publication,
                             const std::vector<NewsSitemapUrl>& urls) {
  XmlWriter xml;
  xml.Open("urlset", {{"xmlns", kSitemapNs}, {"xmlns:news", kNewsNs}});
  for (const NewsSitemapUrl& url : urls) {
    xml.Open("url");
    xml.Element("loc", url.loc);
    xml.Open("news:news");
    xml.Open("news:publication");
    xml.Element("news:name", publication);
    xml.Element("news:language", url.language);
    xml.Close();
    xml.Element("news:publication_date", FormatRfc3339Utc(url.published));
    xml.Element("news:title", url.title);
    xml.Close().Close();
  }
  return xml.Finish();
}

std::int64_t SitemapPageCount(std::int64_t url_count) {
  if (url_count <= 0) return 0;
  return (url_count + kSitemapMaxUrls - 1) / kSitemapMaxUrls;
}

}  // namespace warta::syndication
