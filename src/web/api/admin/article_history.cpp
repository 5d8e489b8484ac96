// An article's history and the editor's helpers: revisions, one revision, the word diff
// between two, restore (a new revision from an old one), who else is editing, and the
// Markdown preview (docs/api.md "Admin API").
#include <algorithm>
#include <utility>

#include "core/limits.h"
#include "newsroom/article_checks.h"
#include "newsroom/body.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/article_json.h"

namespace warta::web::admin_api {
namespace {

// A revision number from a route or query parameter: 1 or more.
std::optional<std::int64_t> RevisionNumber(std::string_view text) {
  auto number = ParseCursor1(text);
  if (!number || *number < 1) return std::nullopt;
  return number;
}

}  // namespace

Response ListRevisions(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  ListParams list_params = ReadLimit(request, 50, limits::kMaxAdminPageRows);
  if (list_params.refusal) return std::move(*list_params.refusal);
  const int limit = list_params.limit;
  std::int64_t before = 0;
  if (std::string cursor = request.QueryParam("cursor"); !cursor.empty()) {
    auto parsed = RevisionNumber(cursor);
    if (!parsed) return ErrorReply(400, "'cursor' is not one this API gave");
    before = *parsed;
  }
  auto revisions = context.editorial->Revisions(staff.principal, *id, before, limit);
  if (!revisions.ok()) return ErrorReply(revisions.error());
  Json list = Json::array();
  for (const model::RevisionMeta& meta : *revisions) list.push_back(RevisionMetaJson(meta));
  const bool more = static_cast<int>(revisions->size()) == limit && revisions->back().number > 1;
  return JsonReply(200, {{"revisions", std::move(list)},
                         {"next", more ? Json(Cursor(revisions->back().number)) : Json(nullptr)}});
}

Response GetRevision(Context& context, const Request& /*request*/, const RouteParams& params,
                     const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  auto number = RevisionNumber(params.Get("n"));
  if (!id || !number) return ErrorReply(404, "no such revision");
  auto revision = context.editorial->Revision(staff.principal, *id, *number);
  if (!revision.ok()) return ErrorReply(revision.error());
  return JsonReply(200, RevisionJson(*revision));
}

Response DiffRevisions(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return ErrorReply(article.error());
  // Without from and to: the latest change (the previous revision to the current one).
  std::int64_t to = article->revision;
  std::int64_t from = std::max<std::int64_t>(1, to - 1);
  std::vector<FieldError> problems;
  for (auto [name, slot] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    const std::string text = request.QueryParam(name);
    if (text.empty()) continue;
    auto number = RevisionNumber(text);
    if (!number) {
      problems.push_back({name, "must be a revision number", std::string("diff_error_") + name});
    } else {
      *slot = *number;
    }
  }
  if (!problems.empty()) return FieldsReply("diff", problems);
  auto diff = context.editorial->Diff(staff.principal, *id, from, to);
  if (!diff.ok()) return ErrorReply(diff.error());
  return JsonReply(200, {{"from", from},
                         {"to", to},
                         {"title", diff->title.html},
                         {"body", diff->body.html},
                         {"removed", diff->body.removed},
                         {"added", diff->body.added}});
}

Response RestoreRevision(Context& context, const Request& request, const RouteParams& params,
                         const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  if (auto visible = context.editorial->Get(staff.principal, *id); !visible.ok()) {
    return ErrorReply(visible.error());
  }
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "article_error_");
  const std::optional<std::int64_t> revision = fields.Int("revision");
  const std::optional<std::int64_t> version = fields.Int("version");
  if (fields.ok() && !revision) fields.Problem("revision", "is required");
  if (fields.ok() && !version) fields.Problem("version", "is required");
  if (!fields.ok()) return fields.Refusal();
  auto restored = context.editorial->Restore(staff.principal, *id, *revision, *version);
  if (!restored.ok()) return ErrorReply(restored.error());
  return SaveReply(*restored);
}

Response Presence(Context& context, const Request& /*request*/, const RouteParams& params,
                  const Staff& staff) {
  if (context.editorial == nullptr) return NoNewsroom();
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such article");
  auto others = context.editorial->Editing(staff.principal, *id);
  if (!others.ok()) return ErrorReply(others.error());
  Json list = Json::array();
  for (const model::EditPresence& p : *others) {
    list.push_back({{"user_id", p.user_id}, {"name", p.user_name}, {"seen", TimeJson(p.seen_at)}});
  }
  return JsonReply(200, {{"editing", std::move(list)},
                         {"seconds", newsroom::EditorialService::kPresenceSeconds}});
}

Response Preview(Context& /*context*/, const Request& request, const RouteParams& /*params*/,
                 const Staff& /*staff*/) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "article_error_");
  std::optional<std::string> markdown =
      fields.Text("body_markdown", newsroom::kMaxBodyChars, /*required=*/false);
  if (fields.ok() && !markdown) fields.Problem("body_markdown", "is required");
  if (!fields.ok()) return fields.Refusal();
  auto html = newsroom::PreviewMarkdown(*markdown);
  if (!html.ok()) return ErrorReply(html.error());
  return JsonReply(200, {{"html", *html}});
}

}  // namespace warta::web::admin_api
