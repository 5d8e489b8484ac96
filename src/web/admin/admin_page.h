// What every /admin page shares: the layout's data (the account, the navigation its role may
// open, the site's strings in the reader's language), rendering, Post/Redirect/Get, notices
// after a redirect, field errors next to their fields, and service errors as pages.
// Templates: templates/admin/head.mustache and foot.mustache wrap every page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "model/role.h"
#include "view/templates.h"
#include "web/context.h"
#include "web/request/staff.h"
#include "web/site.h"

namespace warta::web {

// One entry of the admin navigation: shown only to roles that may open it (auth::HasRole).
struct AdminNavItem {
  std::string_view id;         // what a page names as current
  std::string_view path;       // where it links
  std::string_view label_key;  // catalog key of its label
  model::Role least;
};
const std::vector<AdminNavItem>& AdminNavigation();

// A field's error, shown next to it: `field` is the form field's name, `message` localized.
struct FieldError {
  std::string field;
  std::string message;
};

// An admin page being built: the site in the reader's language and the template data,
// with the layout's keys already set.
struct AdminPage {
  const Site& site;
  view::Data data;
  const std::string& T(std::string_view key) const { return site.T(key); }
};

// Starts a page titled with the catalog text of `title_key`, with `nav` the current
// navigation entry's id. Sets the layout's keys and, after a redirect with ?done=CODE, the
// notice "admin_done_CODE" (unknown codes show nothing).
AdminPage StartAdminPage(Context& context, const http::Request& request, const Staff& staff,
                         std::string_view title_key, std::string_view nav);
// Replaces the page's heading and title (an article's title, a source's name).
void SetAdminTitle(AdminPage& page, const std::string& title);

// Sets `errors` (a list of {field, message, anchor}), has_errors and, per field,
// error_<field> (the message) for the template to place next to each field.
void SetFieldErrors(AdminPage& page, const std::vector<FieldError>& errors);

// Renders templates/admin/<name>.mustache. Never cached (RunAdmin sets no-store).
http::Response RenderAdminPage(Context& context, const http::Request& request,
                               const AdminPage& page, std::string_view name, int status = 200);

// 303 See Other to a local path: the end of every successful form post.
http::Response AdminSeeOther(const std::string& location);

// The page for a failed service call, with web/error_status.h's status (a 5xx logged with
// `what`).
http::Response AdminErrorPage(Context& context, const http::Request& request, const Error& error,
                              std::string_view what);

// Times as the admin shows them: "1 November 2024 10.00" in the page's locale and the site's
// zone, and the ISO value for <time datetime>. Empty for 0.
std::string AdminDateTime(const Site& site, std::int64_t unix_seconds);

// The localized text of a role ("Editor").
std::string RoleText(const Site& site, model::Role role);

// Whether the principal may open a navigation entry / a route of `least`.
bool AdminMay(const Staff& staff, model::Role least);

}  // namespace warta::web
