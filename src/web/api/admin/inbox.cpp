// /api/v1/admin/inbox: wire items held for review (sources with `review`). An editor takes
// one as a draft to edit and publish, or discards it (kept, so re-ingesting the same item
// makes no second draft: docs/decisions/0009-newsroom.md "Wire inbox").
#include <utility>

#include "core/limits.h"
#include "model/article_status.h"
#include "newsroom/word_diff.h"
#include "storage/editorial_store.h"
#include "storage/excerpt.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/article_json.h"

namespace warta::web::admin_api {
namespace {

// Moves held item `id` to `to` from its current version.
Response Decide(Context& context, const RouteParams& params, const Staff& staff,
                model::ArticleStatus to) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such item");
  auto item = context.editorial->Get(staff.principal, *id);
  if (!item.ok()) return ErrorReply(item.error());
  if (item->status != model::ArticleStatus::kHeld) {
    return ErrorReply(409, "this item is not waiting in the inbox: it is " +
                               std::string(model::ToText(item->status)));
  }
  newsroom::ArticleInput input;
  input.status = std::string(model::ToText(to));
  input.version = item->revision;
  auto saved = context.editorial->Update(staff.principal, *id, input);
  if (!saved.ok()) return ErrorReply(saved.error());
  return SaveReply(*saved);
}

}  // namespace

Response ListInbox(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  storage::AdminListQuery query;
  query.status = model::ArticleStatus::kHeld;
  ListParams list_params = ReadLimit(request, 50, limits::kMaxAdminPageRows);
  if (list_params.refusal) return std::move(*list_params.refusal);
  const int limit = list_params.limit;
  query.limit = limit;
  if (std::string cursor = request.QueryParam("cursor"); !cursor.empty()) {
    auto after = ParseCursor2(cursor);
    if (!after) return ErrorReply(400, "'cursor' is not one this API gave");
    query.after = storage::AdminCursor{after->first, after->second};
  }
  auto page = context.editorial->List(staff.principal, query);
  if (!page.ok()) return ErrorReply(page.error());
  Json rows = Json::array();
  for (const storage::AdminListRow& row : page->rows) rows.push_back(ListRowJson(row));
  return JsonReply(200, {{"items", std::move(rows)},
                         {"next", page->next ? Json(Cursor(page->next->updated_at, page->next->id))
                                             : Json(nullptr)}});
}

Response TakeInboxItem(Context& context, const Request& /*request*/, const RouteParams& params,
                       const Staff& staff) {
  return Decide(context, params, staff, model::ArticleStatus::kDraft);
}

Response PublishInboxItem(Context& context, const Request& /*request*/, const RouteParams& params,
                          const Staff& staff) {
  return Decide(context, params, staff, model::ArticleStatus::kPublished);
}

Response GetInboxItem(Context& context, const Request& /*request*/, const RouteParams& params,
                      const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such item");
  auto item = context.editorial->Get(staff.principal, *id);
  if (!item.ok()) return ErrorReply(item.error());
  auto wire = context.store.editorial().Wire(*id);
  if (!wire.ok()) return ErrorReply(wire.error());
  Json body = ArticleJson(*item);
  if (!*wire) {
    body["wire"] = nullptr;  // not an ingested item
    return JsonReply(200, body);
  }
  const model::ArticleWire& w = **wire;
  Json out = {{"source_id", w.source_id},
              {"guid", w.guid},
              {"original_title", w.original_title},
              {"original_body_html", w.original_body_html},
              {"source_updated", !w.update_hash.empty()}};
  // "Source updated": what the source changed since the first version, as a word diff; the
  // article's own text (the editor's) is never replaced by it.
  if (!w.update_hash.empty()) {
    const newsroom::WordDiff title = newsroom::DiffWords(w.original_title, w.update_title);
    const newsroom::WordDiff text = newsroom::DiffWords(storage::HtmlToText(w.original_body_html),
                                                        storage::HtmlToText(w.update_body_html));
    out["update"] = {{"title", w.update_title},
                     {"body_html", w.update_body_html},
                     {"updated", TimeJson(w.updated_at)},
                     {"diff", {{"title", title.html}, {"body", text.html}}}};
  }
  body["wire"] = std::move(out);
  return JsonReply(200, body);
}

Response DiscardInboxItem(Context& context, const Request& /*request*/, const RouteParams& params,
                          const Staff& staff) {
  return Decide(context, params, staff, model::ArticleStatus::kDiscarded);
}

}  // namespace warta::web::admin_api
