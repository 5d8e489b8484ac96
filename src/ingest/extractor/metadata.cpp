// Metadata from <meta>, <link>, <time>, <html lang>, after readability's _getArticleMetadata.
#include "ingest/extractor/metadata.h"

#include <initializer_list>
#include <map>
#include <string>

#include "core/ascii.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

using Values = std::map<std::string, std::string, std::less<>>;

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') out += c;
  }
  return out;
}

// property="og:title" (a space-separated list): the first "prefix:name" it holds.
std::string PropertyKey(std::string_view property) {
  const std::string s = ascii::Lower(property);
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (const std::string_view prefix : {"article", "dcterm", "dc", "og", "twitter"}) {
      if (std::string_view(s).substr(i).starts_with(prefix)) {
        std::size_t j = i + prefix.size();
        while (j < s.size() && s[j] == ' ') ++j;
        if (j >= s.size() || s[j] != ':') continue;
        ++j;
        while (j < s.size() && s[j] == ' ') ++j;
        for (const std::string_view name :
             {"author", "creator", "description", "published_time", "title", "site_name"}) {
          if (std::string_view(s).substr(j).starts_with(name)) {
            return std::string(prefix) + ":" + std::string(name);
          }
        }
      }
    }
  }
  return {};
}

// name="dc.title", "twitter:title", "parsely-pub-date", "author", ...: the key, or "".
std::string NameKey(std::string_view name_attr) {
  const std::string s = WithoutSpaces(ascii::Lower(name_attr));
  static constexpr std::string_view kNames[] = {"author",      "creator", "pub-date",
                                                "description", "title",   "site_name"};
  auto is_name = [](std::string_view n) {
    for (const auto k : kNames) {
      if (n == k) return true;
    }
    return false;
  };
  bool ok = is_name(s);
  for (const std::string_view prefix :
       {"dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"}) {
    if (ok) break;
    if (s.size() > prefix.size() + 1 && s.starts_with(prefix)) {
      const char sep = s[prefix.size()];
      ok = (sep == '-' || sep == '.' || sep == ':') && is_name(s.substr(prefix.size() + 1));
    }
  }
  if (!ok) return {};
  std::string key = s;
  for (char& c : key) c = c == '.' ? ':' : c;
  return key;
}

std::string First(const Values& values, std::initializer_list<std::string_view> keys) {
  for (const auto key : keys) {
    const auto it = values.find(key);
    if (it != values.end() && !it->second.empty()) return it->second;
  }
  return {};
}

bool ValidLang(std::string_view lang) {
  if (lang.empty() || lang.size() > 35) return false;
  for (const char c : lang) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string CleanLang(std::string_view raw) {
  std::string lang(TrimJsSpace(raw.substr(0, raw.find(','))));
  for (char& c : lang) c = c == '_' ? '-' : c;
  return ValidLang(lang) ? lang : std::string();
}

struct Extras {
  Values by_name;  // every meta name/property/itemprop, lower case, as written
  std::string canonical;
  std::string base_href;
  std::string image_src;
  std::string time_datetime;       // first <time datetime>
  std::string itemprop_published;  // itemprop=datePublished on any element
};

void ReadElements(Node* root, Values& values, Extras& extras) {
  ForEachDescendant(root, [&](Node* n) {
    if (n->is_text) return true;
    const std::string_view itemprop = n->Attr("itemprop");
    if (extras.itemprop_published.empty() && itemprop == "datePublished") {
      std::string_view v = n->Attr("content");
      if (v.empty()) v = n->Attr("datetime");
      extras.itemprop_published = TrimJsSpace(v);
    }
    if (n->Is(GUMBO_TAG_META)) {
      const std::string_view content = n->Attr("content");
      if (content.empty()) return true;
      const std::string trimmed(TrimJsSpace(content));
      std::string key = PropertyKey(n->Attr("property"));
      if (key.empty()) key = NameKey(n->Attr("name"));
      if (!key.empty()) values[key] = trimmed;
      for (const std::string_view a : {"name", "property", "http-equiv"}) {
        const std::string_view v = n->Attr(a);
        if (!v.empty()) extras.by_name[ascii::Lower(TrimJsSpace(v))] = trimmed;
      }
    } else if (n->Is(GUMBO_TAG_LINK)) {
      const std::string rel = ascii::Lower(n->Attr("rel"));
      if (rel == "canonical" && extras.canonical.empty())
        extras.canonical = TrimJsSpace(n->Attr("href"));
      if (rel == "image_src" && extras.image_src.empty())
        extras.image_src = TrimJsSpace(n->Attr("href"));
    } else if (n->Is(GUMBO_TAG_BASE) && extras.base_href.empty()) {
      extras.base_href = TrimJsSpace(n->Attr("href"));
    } else if (n->Is(GUMBO_TAG_TIME) && extras.time_datetime.empty()) {
      extras.time_datetime = TrimJsSpace(n->Attr("datetime"));
    }
    return true;
  });
}

}  // namespace

PageMetadata ReadMetadata(Node* root, const JsonLd& json_ld) {
  Values values;
  Extras extras;
  ReadElements(root, values, extras);
  PageMetadata m;
  m.title = json_ld.title;
  if (m.title.empty()) {
    m.title = First(values, {"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                             "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
  }
  if (m.title.empty()) m.title = ArticleTitle(root);
  m.byline = !json_ld.byline.empty()
                 ? json_ld.byline
                 : First(values, {"dc:creator", "dcterm:creator", "author", "parsely-author"});
  if (const std::string author = First(values, {"article:author"});
      m.byline.empty() && !author.starts_with("http://") && !author.starts_with("https://")) {
    m.byline = author;  // often the author's profile URL instead of a name
  }
  m.excerpt = !json_ld.excerpt.empty()
                  ? json_ld.excerpt
                  : First(values, {"dc:description", "dcterm:description", "og:description",
                                   "weibo:article:description", "weibo:webpage:description",
                                   "description", "twitter:description"});
  m.site_name = !json_ld.site_name.empty() ? json_ld.site_name : First(values, {"og:site_name"});
  m.published = !json_ld.date_published.empty()
                    ? json_ld.date_published
                    : First(values, {"article:published_time", "parsely-pub-date"});
  if (m.published.empty()) m.published = extras.itemprop_published;
  if (m.published.empty()) {
    m.published = First(extras.by_name, {"og:published_time", "datepublished", "pubdate",
                                         "publishdate", "publish-date", "dc.date.issued",
                                         "dcterms.created", "dc.date", "date", "sailthru.date"});
  }
  if (m.published.empty()) m.published = extras.time_datetime;
  for (std::string* field : {&m.title, &m.byline, &m.excerpt, &m.site_name, &m.published}) {
    *field = UnescapeBasicEntities(*field);
  }

  m.lang = CleanLang(root->Attr("lang"));
  if (m.lang.empty()) m.lang = CleanLang(First(extras.by_name, {"og:locale"}));
  if (m.lang.empty()) {
    m.lang = CleanLang(First(extras.by_name, {"content-language", "language", "dc.language"}));
  }
  m.lead_image = First(extras.by_name, {"og:image", "og:image:url", "og:image:secure_url",
                                        "twitter:image", "twitter:image:src"});
  if (m.lead_image.empty()) m.lead_image = json_ld.image;
  if (m.lead_image.empty()) m.lead_image = extras.image_src;
  m.canonical_url = extras.canonical.empty() ? First(extras.by_name, {"og:url"}) : extras.canonical;
  m.base_href = extras.base_href;
  return m;
}

}  // namespace warta::ingest::extractor
