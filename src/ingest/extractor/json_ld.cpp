// schema.org metadata from <script type="application/ld+json">.
#include <nlohmann/json.hpp>
#include <string>

#include "core/ascii.h"
#include "ingest/extractor/metadata.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

using Json = nlohmann::json;

// Larger scripts are product catalogues or app state, not article metadata.
constexpr std::size_t kMaxScriptBytes = std::size_t{512} * 1024;
// nlohmann's parser is iterative, but deep values still cost per level; real JSON-LD has < 10.
constexpr int kMaxNesting = 64;

bool NestingWithin(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    }
    if (c == ']' || c == '}') --depth;
  }
  return true;
}

std::string_view StripCdata(std::string_view text) {
  text = TrimJsSpace(text);
  if (text.starts_with("<![CDATA[")) text.remove_prefix(9);
  if (text.ends_with("]]>")) text.remove_suffix(3);
  return text;
}

bool IsSchemaOrg(std::string_view s) {
  return s == "http://schema.org" || s == "https://schema.org" || s == "http://schema.org/" ||
         s == "https://schema.org/";
}

bool HasSchemaOrgContext(const Json& j) {
  const auto it = j.find("@context");
  if (it == j.end()) return false;
  if (it->is_string()) return IsSchemaOrg(it->get_ref<const std::string&>());
  if (it->is_object()) {
    const auto vocab = it->find("@vocab");
    return vocab != it->end() && vocab->is_string() &&
           IsSchemaOrg(vocab->get_ref<const std::string&>());
  }
  if (it->is_array()) {
    for (const auto& c : *it) {
      if (c.is_string() && IsSchemaOrg(c.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

// Readability's jsonLdArticleTypes test: "Article*", or a name of an Article subtype.
bool IsArticleTypeName(std::string_view type) {
  if (type.starts_with("Article") || type.ends_with("APIReference")) return true;
  for (const std::string_view t :
       {"AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
        "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
        "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
        "TechArticle"}) {
    if (type.find(t) != std::string_view::npos) return true;
  }
  return false;
}

bool IsArticleType(const Json& j) {
  const auto it = j.find("@type");
  if (it == j.end()) return false;
  if (it->is_string()) return IsArticleTypeName(it->get_ref<const std::string&>());
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string() && IsArticleTypeName(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

std::string StringMember(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return std::string(TrimJsSpace(it->get_ref<const std::string&>()));
}

// Persons or organizations with a name; a bare string is often a handle or a site name, so
// (as readability does) it is not taken as the byline.
std::string Authors(const Json& author) {
  if (author.is_object()) return StringMember(author, "name");
  std::string names;
  if (author.is_array()) {
    for (const auto& a : author) {
      const std::string name = StringMember(a, "name");
      if (name.empty()) continue;
      if (!names.empty()) names += ", ";
      names += name;
    }
  }
  return names;
}

std::string ImageUrl(const Json& image) {
  if (image.is_string()) return std::string(TrimJsSpace(image.get_ref<const std::string&>()));
  if (image.is_object()) return StringMember(image, "url");
  if (image.is_array() && !image.empty()) return ImageUrl(image.front());
  return {};
}

// The Article object of one parsed script, or null.
const Json* FindArticle(const Json& parsed) {
  if (parsed.is_array()) {
    for (const auto& item : parsed) {
      if (const Json* found = FindArticle(item)) return found;
    }
    return nullptr;
  }
  if (!parsed.is_object() || !HasSchemaOrgContext(parsed)) return nullptr;
  if (!parsed.contains("@type")) {
    const auto graph = parsed.find("@graph");
    if (graph == parsed.end() || !graph->is_array()) return nullptr;
    for (const auto& item : *graph) {
      if (item.is_object() && IsArticleType(item)) return &item;
    }
    return nullptr;
  }
  return IsArticleType(parsed) ? &parsed : nullptr;
}

JsonLd FromArticle(const Json& article, std::string_view title_guess) {
  JsonLd out;
  out.found = true;
  const std::string name = StringMember(article, "name");
  const std::string headline = StringMember(article, "headline");
  if (!name.empty() && !headline.empty() && name != headline) {
    // Some sites put their own name in "name": take whichever matches the <title>.
    const bool name_matches = TextSimilarity(name, title_guess) > 0.75;
    const bool headline_matches = TextSimilarity(headline, title_guess) > 0.75;
    out.title = headline_matches && !name_matches ? headline : name;
  } else {
    out.title = !name.empty() ? name : headline;
  }
  if (const auto it = article.find("author"); it != article.end()) out.byline = Authors(*it);
  out.excerpt = StringMember(article, "description");
  if (const auto it = article.find("publisher"); it != article.end()) {
    out.site_name = StringMember(*it, "name");
  }
  out.date_published = StringMember(article, "datePublished");
  if (const auto it = article.find("image"); it != article.end()) out.image = ImageUrl(*it);
  return out;
}

}  // namespace

JsonLd ReadJsonLd(Node* root, std::string_view document_title_guess) {
  for (Node* script : ElementsByTag(root, GUMBO_TAG_SCRIPT)) {
    if (ascii::Lower(TrimJsSpace(script->Attr("type"))) != "application/ld+json") continue;
    const std::string content = TextContent(script);
    const std::string_view json = StripCdata(content);
    if (json.size() > kMaxScriptBytes || !NestingWithin(json, kMaxNesting)) continue;
    const Json parsed = Json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) continue;
    if (const Json* article = FindArticle(parsed))
      return FromArticle(*article, document_title_guess);
  }
  return {};
}

}  // namespace warta::ingest::extractor
