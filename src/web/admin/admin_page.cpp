#include "web/admin/admin_page.h"

#include <spdlog/spdlog.h>

#include "auth/roles.h"
#include "i18n/formatter.h"
#include "web/error_status.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {

const std::vector<AdminNavItem>& AdminNavigation() {
  using model::Role;
  static const std::vector<AdminNavItem> kItems = {
      {"dashboard", "/admin", "admin_nav_dashboard", Role::kEditor},
      {"articles", "/admin/articles", "admin_nav_articles", Role::kAuthor},
      {"inbox", "/admin/inbox", "admin_nav_inbox", Role::kEditor},
      {"media", "/admin/media", "admin_nav_media", Role::kEditor},
      {"sections", "/admin/sections", "admin_nav_sections", Role::kEditor},
      {"sources", "/admin/sources", "admin_nav_sources", Role::kEditor},
      {"pages", "/admin/pages", "admin_nav_pages", Role::kAdmin},
      {"people", "/admin/people", "admin_nav_people", Role::kAdmin},
      {"settings", "/admin/settings", "admin_nav_settings", Role::kAdmin},
  };
  return kItems;
}

bool AdminMay(const Staff& staff, model::Role least) {
  return auth::HasRole(staff.principal.role, least);
}

std::string RoleText(const Site& site, model::Role role) {
  return site.T("admin_role_" + std::string(model::ToText(role)));
}

void SetAdminTitle(AdminPage& page, const std::string& title) {
  page.data.set("heading", title);
  page.data.set("page_title", title + " · " + page.site.T("admin_title"));
}

AdminPage StartAdminPage(Context& context, const http::Request& request, const Staff& staff,
                         std::string_view title_key, std::string_view nav) {
  const Site& site = SiteFor(context, request);
  AdminPage page{site, site.PageData("", std::string(request.target), "", staff.reader.csrf_token)};
  SetAdminTitle(page, site.T(title_key));
  page.data.set("admin_css_url", VersionedStaticUrl("admin.css"));
  page.data.set("admin_js_url", VersionedStaticUrl("admin.js"));
  page.data.set("account_name", staff.principal.name);
  page.data.set("account_role", RoleText(site, staff.principal.role));
  view::Data items = view::MakeList();
  for (const AdminNavItem& item : AdminNavigation()) {
    if (!AdminMay(staff, item.least)) continue;
    view::Data entry;
    entry.set("path", std::string(item.path));
    entry.set("label", site.T(item.label_key));
    entry.set("current", item.id == nav);
    items.push_back(entry);
  }
  page.data.set("nav", items);
  page.data.set("is_moderator", AdminMay(staff, model::Role::kModerator));
  const std::string done = request.QueryParam("done");
  if (!done.empty() && done.size() <= 40) {
    const std::string key = "admin_done_" + done;
    const std::string& text = site.T(key);
    if (text != key) page.data.set("notice", text);
  }
  return page;
}

void SetFieldErrors(AdminPage& page, const std::vector<FieldError>& errors) {
  view::Data list = view::MakeList();
  for (const FieldError& e : errors) {
    view::Data item;
    item.set("field", e.field);
    item.set("message", e.message);
    list.push_back(item);
    page.data.set("error_" + e.field, e.message);
  }
  page.data.set("errors", list);
  page.data.set("has_errors", !errors.empty());
}

http::Response RenderAdminPage(Context& context, const http::Request& request,
                               const AdminPage& page, std::string_view name, int status) {
  auto html = page.site.templates().Render("admin/" + std::string(name), page.data);
  if (!html.ok()) {
    spdlog::error("web: admin page {}: {}", name, html.error().ToString());
    return ErrorPage(context, request, 500);
  }
  http::Response response;
  response.status = status;
  response.body = std::move(html).value();
  MarkLocalized(response, page.site);
  return response;
}

http::Response AdminSeeOther(const std::string& location) {
  return http::RedirectResponse(303, location);
}

http::Response AdminErrorPage(Context& context, const http::Request& request, const Error& error,
                              std::string_view what) {
  const int status = HttpStatusFor(error.code);
  if (status >= 500) spdlog::error("web: admin {}: {}", what, error.ToString());
  return ErrorPage(context, request, status);
}

std::string AdminDateTime(const Site& site, std::int64_t unix_seconds) {
  if (unix_seconds == 0) return "";
  return site.formatter().DateTime(unix_seconds);
}

}  // namespace warta::web
