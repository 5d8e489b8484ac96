#include "web/api/counter_texts_json.h"

namespace warta::web {

nlohmann::json CounterTextsJson(const Site& site, const model::Counters& counters) {
  CounterTexts t = site.FormatCounters(counters);
  return {
      {"views", t.views},
      {"views_label", t.views_label},
      {"likes", t.likes},
      {"likes_label", t.likes_label},
      {"comments", t.comments},
      {"comments_label", t.comments_label},
      {"shares", t.shares},
      {"shares_label", t.shares_label},
      {"like_prompt", t.like_prompt},
  };
}

nlohmann::json CountersJson(const model::Counters& counters) {
  return {{"views", counters.views},
          {"likes", counters.likes},
          {"comments", counters.comments},
          {"shares", counters.shares}};
}

}  // namespace warta::web
