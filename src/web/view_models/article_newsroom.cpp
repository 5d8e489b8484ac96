#include "web/view_models/article_newsroom.h"

#include "i18n/formatter.h"
#include "storage/editorial_store.h"
#include "syndication/json_ld.h"

namespace warta::web {

std::string AuthorPath(const std::string& slug) { return "/penulis/" + slug; }
std::string SectionPath(const std::string& slug) { return "/rubrik/" + slug; }

Result<ArticleNewsroom> LoadArticleNewsroom(storage::Store& store, std::int64_t article_id) {
  ArticleNewsroom out;
  auto article = store.editorial().Find(article_id);
  if (!article.ok()) {
    // Deleted between the page's load and this read: the page renders without extras and
    // the next refresh answers 404.
    if (article.error().code == ErrorCode::kNotFound) return out;
    return article.error();
  }
  out.dek = article->content.dek;
  out.authors = article->content.authors;
  out.section = article->content.section;
  auto corrections = store.editorial().Corrections(article_id);
  if (!corrections.ok()) return corrections.error();
  out.corrections = std::move(corrections).value();
  return out;
}

void FillArticleNewsroom(view::Data& data, const Site& site, const ArticleNewsroom& newsroom) {
  data.set("dek", newsroom.dek);
  data.set("has_dek", !newsroom.dek.empty());
  view::Data bylines = view::MakeList();
  for (const model::NamedRef& author : newsroom.authors) {
    view::Data item;
    item.set("name", author.name);
    item.set("url", author.slug.empty() ? std::string() : AuthorPath(author.slug));
    bylines.push_back(item);
  }
  data.set("bylines", bylines);
  data.set("has_bylines", !newsroom.authors.empty());
  data.set("section_name", newsroom.section ? newsroom.section->name : std::string());
  data.set("section_url", newsroom.section ? SectionPath(newsroom.section->slug) : std::string());
  view::Data corrections = view::MakeList();
  for (const model::Correction& correction : newsroom.corrections) {
    view::Data item;
    item.set("date_iso", i18n::Formatter::Iso8601Utc(correction.created_at));
    item.set("date_text", site.formatter().DateTime(correction.created_at));
    item.set("note", correction.note);
    corrections.push_back(item);
  }
  data.set("corrections", corrections);
  data.set("has_corrections", !newsroom.corrections.empty());
}

void AddNewsroomLd(syndication::NewsArticleLd& ld, const std::string& base_url,
                   const ArticleNewsroom& newsroom) {
  for (const model::NamedRef& author : newsroom.authors) {
    ld.authors.push_back(
        {author.name, author.slug.empty() ? std::string() : base_url + AuthorPath(author.slug)});
  }
  for (const model::Correction& correction : newsroom.corrections) {
    ld.corrections.push_back({correction.note, correction.created_at});
    // The page changed publicly then, whatever the row's updated_at says.
    ld.modified = std::max(ld.modified, correction.created_at);
  }
}

}  // namespace warta::web
