#include "syndication/json_ld.h"

#include <nlohmann/json.hpp>

#include "core/rfc3339.h"

namespace warta::syndication {
namespace {

std::string Dump(const nlohmann::json& doc) {
  return ScriptSafeJson(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string NewsArticleJsonLd(const NewsArticleLd& a) {
  using nlohmann::json;
  json publisher = {{"@type", "Organization"}, {"name", a.site_name}, {"url", a.site_url}};
  if (!a.logo_url.empty()) publisher["logo"] = {{"@type", "ImageObject"}, {"url", a.logo_url}};
  json doc = {{"@context", "https://schema.org"},
              {"@type", "NewsArticle"},
              {"mainEntityOfPage", {{"@type", "WebPage"}, {"@id", a.url}}},
              {"url", a.url},
              {"headline", a.headline},
              {"datePublished", FormatRfc3339Utc(a.published)},
              {"dateModified", FormatRfc3339Utc(a.modified)},
              {"publisher", publisher}};
  if (!a.description.empty()) doc["description"] = a.description;
  if (!a.image_url.empty()) doc["image"] = json::array({a.image_url});
  if (!a.language.empty()) doc["inLanguage"] = a.language;
  if (!a.keywords.empty()) doc["keywords"] = a.keywords;
  // The outlet wrote the article: it is the author and the source organization; the site
  // that republishes it is the publisher. Without an outlet the site is its own author.
  if (!a.authors.empty()) {
    json people = json::array();
    for (const NewsArticleLd::Person& person : a.authors) {
      json item = {{"@type", "Person"}, {"name", person.name}};
      if (!person.url.empty()) item["url"] = person.url;
      people.push_back(item);
    }
    doc["author"] = people;
    if (!a.source_name.empty())
      doc["sourceOrganization"] = {{"@type", "Organization"}, {"name", a.source_name}};
  } else if (!a.source_name.empty()) {
    json outlet = {{"@type", "Organization"}, {"name", a.source_name}};
    doc["author"] = json::array({outlet});
    doc["sourceOrganization"] = outlet;
  } else {
    doc["author"] = json::array({json{{"@type", "Organization"}, {"name", a.site_name}}});
  }
  if (!a.source_url.empty()) doc["isBasedOn"] = a.source_url;
  if (!a.corrections.empty()) {
    json notes = json::array();
    for (const NewsArticleLd::CorrectionNote& note : a.corrections) {
      notes.push_back({{"@type", "CorrectionComment"},
                       {"text", note.text},
                       {"datePublished", FormatRfc3339Utc(note.date)}});
    }
    doc["correction"] = notes;
  }
  return Dump(doc);
}

std::string WebSiteJsonLd(const std::string& site_name, const std::string& site_url,
                          const std::string& language) {
  nlohmann::json doc = {{"@context", "https://schema.org"},
                        {"@type", "WebSite"},
                        {"name", site_name},
                        {"url", site_url + "/"},
                        {"potentialAction",
                         {{"@type", "SearchAction"},
                          {"target", site_url + "/search?q={search_term_string}"},
                          {"query-input", "required name=search_term_string"}}}};
  if (!language.empty()) doc["inLanguage"] = language;
  return Dump(doc);
}

}  // namespace warta::syndication
