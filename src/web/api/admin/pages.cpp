// /api/v1/admin/pages: static pages (/halaman/{slug}: About, Contact, the editorial
// guidelines), part of the site's settings: admins. Markdown in, rendered and sanitized as
// articles are (newsroom/body.h).
#include <algorithm>
#include <utility>

#include "i18n/formatter.h"
#include "newsroom/article_checks.h"
#include "newsroom/body.h"
#include "storage/page_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

constexpr std::size_t kMaxSlugBytes = 64;
constexpr std::size_t kMaxTitleChars = 200;

Json PageJson(const model::Page& p) {
  return {{"id", p.id},
          {"slug", p.slug},
          {"title", p.title},
          {"body_markdown", p.body_markdown},
          {"body_html", p.body_html},
          {"published", p.published},
          {"created", TimeJson(p.created_at)},
          {"updated", TimeJson(p.updated_at)},
          {"path", "/halaman/" + p.slug}};
}

// Applies the fields of `body` to `page`; `create` makes title required and derives a
// missing slug from it. The refusal when a field is bad.
std::optional<Response> ApplyFields(const Json& body, bool create, model::Page& page) {
  Fields fields(body, "page_error_");
  if (auto title = fields.Text("title", kMaxTitleChars, create)) {
    if (title->empty()) {
      fields.Problem("title", "is required");
    } else {
      page.title = *title;
    }
  }
  std::optional<std::string> slug = fields.String("slug");
  if (!slug && create && !page.title.empty()) slug = i18n::Slugify(page.title);
  if (slug) {
    if (IsSlug(*slug, kMaxSlugBytes)) {
      page.slug = *slug;
    } else {
      fields.Problem("slug", "is not a slug (1-64 of a-z, 0-9 and '-')");
    }
  }
  if (auto markdown = fields.Text("body_markdown", newsroom::kMaxBodyChars, false)) {
    auto html = newsroom::PreviewMarkdown(*markdown);
    if (html.ok()) {
      page.body_markdown = *markdown;
      page.body_html = std::move(*html);
    } else {
      fields.Problem("body_markdown", html.error().message, html.error().code);
    }
  }
  if (auto published = fields.Bool("published")) page.published = *published;
  if (!fields.ok()) return fields.Refusal();
  return std::nullopt;
}

Result<std::optional<model::Page>> FindPage(Context& context, std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(auto pages, context.store.pages().List());
  auto found =
      std::find_if(pages.begin(), pages.end(), [&](const model::Page& p) { return p.id == id; });
  if (found == pages.end()) return std::optional<model::Page>();
  return std::optional(std::move(*found));
}

Response StoreError(const Error& error) {
  if (error.is(ErrorCode::kAlreadyExists)) {
    return FieldsReply("page", {{"slug", "is taken by another page", "page_error_slug",
                                 ErrorCode::kAlreadyExists}});
  }
  return ErrorReply(error);
}

}  // namespace

Response ListPages(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                   const Staff& /*staff*/) {
  auto pages = context.store.pages().List();
  if (!pages.ok()) return ErrorReply(pages.error());
  Json list = Json::array();
  for (const model::Page& p : *pages) list.push_back(PageJson(p));
  return JsonReply(200, {{"pages", std::move(list)}});
}

Response CreatePage(Context& context, const Request& request, const RouteParams& /*params*/,
                    const Staff& staff) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  model::Page page;
  if (auto refusal = ApplyFields(body.object, /*create=*/true, page)) return std::move(*refusal);
  page.created_at = page.updated_at = context.clock.NowUnix();
  auto id = context.store.pages().Create(
      page, Audit(context, staff, "page.create", "page", 0, page.slug + ": " + page.title));
  if (!id.ok()) return StoreError(id.error());
  page.id = *id;
  return JsonReply(201, PageJson(page));
}

Response UpdatePage(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such page");
  auto found = FindPage(context, *id);
  if (!found.ok()) return ErrorReply(found.error());
  if (!*found) return ErrorReply(404, "no such page");
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  model::Page page = **found;
  if (auto refusal = ApplyFields(body.object, /*create=*/false, page)) return std::move(*refusal);
  page.updated_at = context.clock.NowUnix();
  auto updated = context.store.pages().Update(
      page, Audit(context, staff, "page.update", "page", page.id, page.slug + ": " + page.title));
  if (!updated.ok()) return StoreError(updated.error());
  return JsonReply(200, PageJson(page));
}

Response DeletePage(Context& context, const Request& /*request*/, const RouteParams& params,
                    const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such page");
  auto found = FindPage(context, *id);
  if (!found.ok()) return ErrorReply(found.error());
  if (!*found) return ErrorReply(404, "no such page");
  auto deleted = context.store.pages().Delete(
      *id, Audit(context, staff, "page.delete", "page", *id, (*found)->slug));
  if (!deleted.ok()) return ErrorReply(deleted.error());
  return JsonReply(200, {{"id", *id}, {"deleted", true}});
}

}  // namespace warta::web::admin_api
