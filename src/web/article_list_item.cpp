#include "web/article_list_item.h"

#include "web/popular.h"

namespace warta::web {

view::Data TagLinks(const std::vector<std::string>& tags) {
  view::Data items = view::MakeList();
  for (const std::string& tag : tags) {
    view::Data item;
    item.set("name", tag);
    item.set("url", TagPath(tag));
    items.push_back(item);
  }
  return items;
}

view::Data ArticleListItem(const Context& context, const model::ArticleSummary& summary,
                           const std::vector<std::string>& tags) {
  const Site& site = *context.site;
  model::Counters counters = summary.counters;
  counters.views = context.views.Displayed(summary.id).value_or(counters.views);
  CounterTexts texts = site.FormatCounters(counters);
  view::Data item;
  item.set("path", model::ArticlePath(summary.id, summary.slug));
  item.set("title", summary.title);
  item.set("source", summary.source);
  item.set("published_iso", i18n::Formatter::Iso8601Utc(summary.published_at));
  item.set("published_text", site.formatter().LongDate(summary.published_at));
  item.set("excerpt", summary.excerpt);
  item.set("lang", summary.lang.empty() ? site.locale() : summary.lang);
  item.set("views_text", texts.views);
  item.set("views_label", texts.views_label);
  item.set("likes_text", texts.likes);
  item.set("likes_label", texts.likes_label);
  item.set("comments_text", texts.comments);
  item.set("comments_label", texts.comments_label);
  item.set("shares_text", texts.shares);
  item.set("shares_label", texts.shares_label);
  item.set("tags", TagLinks(tags));
  item.set("has_tags", !tags.empty());
  return item;
}

}  // namespace warta::web
