#include "web/view_models/seo.h"

#include <algorithm>

#include "storage/excerpt.h"
#include "syndication/json_ld.h"
#include "web/view_models/article_newsroom.h"

namespace warta::web {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The few entities a sanitized attribute value can hold.
std::string DecodeAttribute(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
      bool decoded = false;
      for (const auto& [name, c] : kEntities) {
        if (value.substr(i, name.size()) == name) {
          out += c;
          i += name.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += value[i];
  }
  return out;
}

}  // namespace

std::string OriginalUrl(std::string_view url) {
  return StartsWith(url, "https://") || StartsWith(url, "http://") ? std::string(url) : "";
}

std::string AbsoluteUrl(const std::string& base_url, std::string_view url) {
  if (StartsWith(url, "https://") || StartsWith(url, "http://")) return std::string(url);
  if (StartsWith(url, "//")) return "https:" + std::string(url);
  if (StartsWith(url, "/")) return base_url + std::string(url);
  return "";
}

std::string FirstImageUrl(const std::string& base_url, std::string_view html) {
  // The body passed the sanitizer, which writes lower-case tags and double-quoted
  // attributes, so a plain scan finds the first image reliably.
  std::size_t img = html.find("<img ");
  if (img == std::string_view::npos) return "";
  std::size_t end = html.find('>', img);
  std::string_view tag = html.substr(img, end == std::string_view::npos ? html.npos : end - img);
  std::size_t src = tag.find(" src=\"");
  if (src == std::string_view::npos) return "";
  std::size_t start = src + 6;
  std::size_t close = tag.find('"', start);
  if (close == std::string_view::npos) return "";
  return AbsoluteUrl(base_url, DecodeAttribute(tag.substr(start, close - start)));
}

std::int64_t ModifiedAt(const model::Article& article) {
  if (article.version <= 1) return article.published_at;
  return std::max(article.updated_at, article.published_at);
}

std::string DefaultShareImage(const Site& site) { return site.DefaultShareImageUrl(); }

// The admin's logo when there is one, else the built-in.
std::string PublisherLogo(const Site& site) {
  const SiteLook& look = site.settings().look;
  return site.settings().base_url + (look.logo_url.empty() ? "/static/logo.png" : look.logo_url);
}

void AddArticleHead(view::Data& data, const Site& site, const model::Article& article,
                    const std::string& path, const ArticleNewsroom* newsroom) {
  const std::string& base = site.settings().base_url;
  std::string description = storage::MakeExcerpt(article.body_html, 200);
  std::string image = FirstImageUrl(base, article.body_html);
  if (image.empty()) image = DefaultShareImage(site);
  std::int64_t modified = ModifiedAt(article);
  data.set("meta_description", description);
  data.set("og_image", image);

  syndication::NewsArticleLd ld;
  ld.url = base + path;
  ld.headline = article.title;
  ld.description = description;
  ld.image_url = image;
  ld.published = article.published_at;
  ld.modified = modified;
  ld.language = article.lang.empty() ? site.locale() : article.lang;
  ld.source_name = article.source;
  ld.source_url = OriginalUrl(article.url);
  ld.site_name = site.settings().name;
  ld.site_url = base + "/";
  ld.logo_url = PublisherLogo(site);
  ld.keywords = article.tags;
  if (newsroom != nullptr) AddNewsroomLd(ld, base, *newsroom);
  data.set("modified_iso", i18n::Formatter::Iso8601Utc(ld.modified));
  data.set("json_ld", syndication::NewsArticleJsonLd(ld));
}

void AddHomeHead(view::Data& data, const Site& site) {
  data.set("json_ld", syndication::WebSiteJsonLd(site.settings().name, site.settings().base_url,
                                                 site.locale()));
}

}  // namespace warta::web
