#include "web/view_models/article_list_item.h"

#include "web/cache/popular.h"
#include "web/view_models/picture.h"

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

view::Data ArticleListItem(const Context& context, const Site& site,
                           const model::ArticleSummary& summary, std::int64_t now,
                           const std::vector<std::string>& tags) {
  CounterTexts texts = site.FormatCounters(context.engagement.Shown(summary.id, summary.counters));
  view::Data item;
  item.set("path", model::ArticlePath(summary.id, summary.slug));
  item.set("title", summary.title);
  item.set("source", summary.source);
  item.set("published_iso", i18n::Formatter::Iso8601Utc(summary.published_at));
  // "3 jam yang lalu" for today's news (with the exact time on hover), the date for older.
  item.set("published_text", site.formatter().ListDate(summary.published_at, now));
  if (i18n::Formatter::IsRecent(summary.published_at, now)) {
    item.set("published_title", site.formatter().DateTime(summary.published_at));
  }
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
  if (context.pictures != nullptr) {
    if (auto picture = context.pictures->Find(summary.lead_media_id)) {
      item.set("thumb", PictureData(*picture, CardUse()));
    }
  }
  item.set("tags", TagLinks(tags));
  item.set("has_tags", !tags.empty());
  return item;
}

}  // namespace warta::web
