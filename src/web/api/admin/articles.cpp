// /api/v1/admin/articles: create, list, read, save (409 on a stale version) and unpublish
// (docs/api.md "Admin API"; CONTRACT §6). The rules are newsroom::EditorialService's.
#include <algorithm>

#include "core/limits.h"
#include "model/article_status.h"
#include "storage/author_store.h"
#include "storage/editorial_store.h"
#include "storage/section_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/article_json.h"

namespace warta::web::admin_api {
namespace {

using newsroom::InputUse;
using newsroom::SaveOutcome;

// The article input of a request body, or the answer refusing it (every bad field named).
std::optional<Response> ReadInput(const Context& context, const Request& request, InputUse use,
                                  newsroom::ArticleInput& input) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(body.refusal);
  Fields fields(body.object, "article_error_");
  input = ReadArticleInput(fields);
  std::vector<FieldError> problems = fields.problems();
  for (FieldError& p : ArticleProblems(context, input, use)) {
    const bool seen = std::any_of(problems.begin(), problems.end(),
                                  [&](const FieldError& q) { return q.field == p.field; });
    if (!seen) problems.push_back(std::move(p));
  }
  if (use == InputUse::kCreate && !input.title && problems.empty()) {
    problems.push_back({"title", "is required", "article_error_title"});
  }
  if (problems.empty()) return std::nullopt;
  return FieldsReply("article", problems);
}

}  // namespace

Response CreateArticle(Context& context, const Request& request, const RouteParams& /*params*/,
                       const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  newsroom::ArticleInput input;
  if (auto refusal = ReadInput(context, request, InputUse::kCreate, input)) return *refusal;
  auto created = context.editorial->Create(staff.principal, input);
  if (!created.ok()) return ErrorReply(created.error());
  Response response = JsonReply(201, {{"id", created->id},
                                      {"path", created->path},
                                      {"status", model::ToText(created->status)},
                                      {"version", created->version}});
  response.SetHeader("Location", "/api/v1/admin/articles/" + std::to_string(created->id));
  return response;
}

Response ListArticles(Context& context, const Request& request, const RouteParams& /*params*/,
                      const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  storage::AdminListQuery query;
  ListParams list_params = ReadLimit(request, 50, limits::kMaxAdminPageRows);
  if (list_params.refusal) return std::move(*list_params.refusal);
  const int limit = list_params.limit;
  query.limit = limit;
  if (std::string status = request.QueryParam("status"); !status.empty()) {
    query.status = model::ParseArticleStatus(status);
    if (!query.status) {
      return ErrorReply(400,
                        "'status' must be draft, held, scheduled, published, "
                        "unpublished or discarded");
    }
  }
  const Json empty = {{"articles", Json::array()}, {"next", nullptr}};
  if (std::string slug = request.QueryParam("section"); !slug.empty()) {
    auto section = context.store.sections().FindBySlug(slug);
    if (!section.ok()) return ErrorReply(section.error());
    if (!*section) return JsonReply(200, empty);  // no such section: nothing in it
    query.section_id = (*section)->id;
  }
  if (std::string slug = request.QueryParam("author"); !slug.empty()) {
    auto author = context.store.authors().FindBySlug(slug);
    if (!author.ok()) return ErrorReply(author.error());
    if (!*author) return JsonReply(200, empty);
    query.author_id = (*author)->id;
  }
  query.title = request.QueryParam("q");
  if (std::string cursor = request.QueryParam("cursor"); !cursor.empty()) {
    auto after = ParseCursor2(cursor);
    if (!after) return ErrorReply(400, "'cursor' is not one this API gave");
    query.after = storage::AdminCursor{after->first, after->second};
  }
  auto page = context.editorial->List(staff.principal, query);
  if (!page.ok()) return ErrorReply(page.error());
  Json rows = Json::array();
  for (const storage::AdminListRow& row : page->rows) rows.push_back(ListRowJson(row));
  return JsonReply(200, {{"articles", std::move(rows)},
                         {"next", page->next ? Json(Cursor(page->next->updated_at, page->next->id))
                                             : Json(nullptr)}});
}

Response GetArticle(Context& context, const Request& /*request*/, const RouteParams& params,
                    const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return ErrorReply(article.error());
  auto corrections = context.store.editorial().Corrections(*id);
  if (!corrections.ok()) return ErrorReply(corrections.error());
  Json body = ArticleJson(*article);
  // The public notes, each linking the revisions before and after its fix.
  Json list = Json::array();
  for (const model::Correction& c : *corrections) {
    list.push_back({{"id", c.id},
                    {"note", c.note},
                    {"created", TimeJson(c.created_at)},
                    {"user_id", c.user_id},
                    {"revision_before", c.revision_before},
                    {"revision_after", c.revision_after}});
  }
  body["corrections"] = std::move(list);
  return JsonReply(200, body);
}

Response UpdateArticle(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  // Who may touch it answers before what was sent (an author learns nothing of others').
  if (auto visible = context.editorial->Get(staff.principal, *id); !visible.ok()) {
    return ErrorReply(visible.error());
  }
  newsroom::ArticleInput input;
  if (auto refusal = ReadInput(context, request, InputUse::kUpdate, input)) return *refusal;
  auto saved = context.editorial->Update(staff.principal, *id, input);
  if (!saved.ok()) return ErrorReply(saved.error());
  return SaveReply(*saved);
}

Response UnpublishArticle(Context& context, const Request& /*request*/, const RouteParams& params,
                          const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  auto withdrawn = context.editorial->Unpublish(staff.principal, *id);
  if (!withdrawn.ok()) {
    // Not published (a draft, already withdrawn): the article's state, not the request, is
    // what stands in the way.
    if (withdrawn.error().user_key == "article_error_status") {
      return ErrorReply(409, withdrawn.error().message);
    }
    return ErrorReply(withdrawn.error());
  }
  return JsonReply(200, {{"id", withdrawn->id},
                         {"status", model::ToText(withdrawn->status)},
                         {"version", withdrawn->revision}});
}

}  // namespace warta::web::admin_api
