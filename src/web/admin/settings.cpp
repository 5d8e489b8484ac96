// GET /admin/settings: the place of the site settings form (admins). The settings stored in
// the database (site name, tagline, locale, time zone, date pattern, footer links) are the
// public side's work (docs/decisions/0009-newsroom.md "Left for the web"); until that store
// is in, this page says where the values come from today (the config file) and shows them.
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"

namespace warta::web {

http::Response AdminSettings(Context& context, const http::Request& request,
                             const http::RouteParams& /*params*/, const Staff& staff) {
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_settings", "settings");
  const SiteSettings& settings = page.site.settings();
  page.data.set("setting_name", settings.name);
  page.data.set("setting_locale", settings.locale);
  page.data.set("setting_time_zone", settings.time_zone);
  return RenderAdminPage(context, request, page, "settings");
}

}  // namespace warta::web
