// Static pages (/halaman/{slug}: About, Contact, the editorial guidelines): GET /admin/pages
// lists them with a form for a new one; GET /admin/pages/{id} edits one (slug, title,
// Markdown body, published); POST /admin/pages, /admin/pages/{id} and /admin/pages/{id}/delete
// save them. Admins (CONTRACT §6: settings and pages are the admin's). The body is rendered
// and sanitized as articles are (newsroom/body.h); the page store audits every change.
#include <algorithm>

#include "core/ascii.h"
#include "core/utf8.h"
#include "newsroom/article_checks.h"
#include "newsroom/body.h"
#include "storage/page_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

constexpr std::size_t kMaxTitleBytes = 900;  // 300 characters of any script
constexpr std::size_t kMaxBodyBytes = 200'000;

bool IsPageSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > newsroom::kMaxSectionSlugBytes) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

model::AuditEntry Audit(const Context& context, const Staff& staff, std::string action,
                        const std::string& slug) {
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  audit.action = std::move(action);
  audit.target_type = "page";
  audit.summary = slug;
  return audit;
}

// The form's page, or the errors next to its fields.
model::Page ReadPage(const Site& site, const AdminForm& form, std::vector<FieldError>& errors) {
  model::Page page;
  page.slug = ascii::Lower(ascii::Trim(form.Value("slug")));
  page.title = std::string(ascii::Trim(form.Value("title")));
  page.body_markdown = form.Value("body_markdown");
  page.published = form.Checked("published");
  if (!IsPageSlug(page.slug)) errors.push_back({"slug", site.T("admin_section_error_slug")});
  if (page.title.empty() || page.title.size() > kMaxTitleBytes || !utf8::IsValid(page.title)) {
    errors.push_back({"title", site.T("article_error_title")});
  }
  if (page.body_markdown.size() > kMaxBodyBytes || !utf8::IsValid(page.body_markdown)) {
    errors.push_back({"body_markdown", site.T("article_error_body_markdown")});
  } else if (auto html = newsroom::PreviewMarkdown(page.body_markdown); html.ok()) {
    page.body_html = std::move(html).value();
  } else {
    errors.push_back({"body_markdown", site.T("article_error_body_markdown")});
  }
  return page;
}

http::Response Render(Context& context, const http::Request& request, const Staff& staff,
                      const model::Page* editing, const model::Page& values,
                      const std::vector<FieldError>& errors, int status) {
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_pages", "pages");
  if (editing != nullptr) {
    SetAdminTitle(page, page.T("admin_edit_page") + ": " + editing->title);
    page.data.set("action", "/admin/pages/" + std::to_string(editing->id));
    page.data.set("delete_path", "/admin/pages/" + std::to_string(editing->id) + "/delete");
    page.data.set("public_path", "/halaman/" + editing->slug);
  } else {
    auto pages = context.store.pages().List();
    if (!pages.ok()) return AdminErrorPage(context, request, pages.error(), "pages");
    view::Data rows = view::MakeList();
    for (const model::Page& p : *pages) {
      view::Data row;
      row.set("title", p.title);
      row.set("slug", p.slug);
      row.set("edit_path", "/admin/pages/" + std::to_string(p.id));
      row.set("public_path", "/halaman/" + p.slug);
      row.set("published", p.published);
      row.set("updated", AdminDateTime(page.site, p.updated_at));
      rows.push_back(row);
    }
    page.data.set("rows", rows);
    page.data.set("has_rows", !pages->empty());
    page.data.set("action", std::string("/admin/pages"));
  }
  page.data.set("slug", values.slug);
  page.data.set("title", values.title);
  page.data.set("body", values.body_markdown);
  page.data.set("published", values.published);
  SetFieldErrors(page, errors);
  return RenderAdminPage(context, request, page, "pages", status);
}

Result<model::Page> FindPage(Context& context, const http::RouteParams& params) {
  auto id = ParseId(params.Get("id"));
  if (!id) return Error::NotFound("admin: no such page");
  WARTA_ASSIGN_OR_RETURN(auto pages, context.store.pages().List());
  for (model::Page& p : pages) {
    if (p.id == *id) return std::move(p);
  }
  return Error::NotFound("admin: no such page");
}

http::Response Saved(Context& context, const http::Request& request, const Staff& staff,
                     const model::Page* editing, const model::Page& values, const Error& error) {
  if (error.code == ErrorCode::kAlreadyExists || error.code == ErrorCode::kInvalidArgument ||
      error.code == ErrorCode::kTooLarge) {
    const Site& site = SiteFor(context, request);
    const std::string key = error.code == ErrorCode::kAlreadyExists ? "admin_page_error_taken"
                                                                    : "admin_section_error_slug";
    return Render(context, request, staff, editing, values, {{"slug", site.T(key)}},
                  error.code == ErrorCode::kAlreadyExists ? 409 : 400);
  }
  return AdminErrorPage(context, request, error, "page save");
}

}  // namespace

http::Response AdminPages(Context& context, const http::Request& request,
                          const http::RouteParams& /*params*/, const Staff& staff) {
  model::Page empty;
  empty.published = true;
  return Render(context, request, staff, nullptr, empty, {}, 200);
}

http::Response AdminPageEdit(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff) {
  auto found = FindPage(context, params);
  if (!found.ok()) return AdminErrorPage(context, request, found.error(), "page");
  return Render(context, request, staff, &*found, *found, {}, 200);
}

http::Response AdminPageCreate(Context& context, const http::Request& request,
                               const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  std::vector<FieldError> errors;
  model::Page page = ReadPage(SiteFor(context, request), *form, errors);
  if (!errors.empty()) return Render(context, request, staff, nullptr, page, errors, 400);
  page.created_at = page.updated_at = context.clock.NowUnix();
  auto id = context.store.pages().Create(page, Audit(context, staff, "page.create", page.slug));
  if (!id.ok()) return Saved(context, request, staff, nullptr, page, id.error());
  return AdminSeeOther("/admin/pages/" + std::to_string(*id) + "?done=page_saved");
}

http::Response AdminPageUpdate(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff) {
  auto found = FindPage(context, params);
  if (!found.ok()) return AdminErrorPage(context, request, found.error(), "page");
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  std::vector<FieldError> errors;
  model::Page page = ReadPage(SiteFor(context, request), *form, errors);
  if (!errors.empty()) return Render(context, request, staff, &*found, page, errors, 400);
  page.id = found->id;
  page.created_at = found->created_at;
  page.updated_at = context.clock.NowUnix();
  auto saved = context.store.pages().Update(page, Audit(context, staff, "page.update", page.slug));
  if (!saved.ok()) return Saved(context, request, staff, &*found, page, saved.error());
  return AdminSeeOther("/admin/pages/" + std::to_string(page.id) + "?done=page_saved");
}

http::Response AdminPageDelete(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff) {
  auto found = FindPage(context, params);
  if (!found.ok()) return AdminErrorPage(context, request, found.error(), "page");
  auto deleted =
      context.store.pages().Delete(found->id, Audit(context, staff, "page.delete", found->slug));
  if (!deleted.ok()) return AdminErrorPage(context, request, deleted.error(), "page delete");
  return AdminSeeOther("/admin/pages?done=page_deleted");
}

}  // namespace warta::web
