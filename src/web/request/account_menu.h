// The header's account menu: who is logged in, with links to /account, /moderasi (moderators
// and above), /admin (authors and above) and a logout button (a POST form carrying the CSRF
// token); the login link for everyone else.
//
// It differs per reader, while the article page is rendered once for all of them, so every
// page renders a hole there (RawSlot::kAccountMenu, set by Site::PageData): the article page
// splices the menu in per request like its counters, and WebApp fills the hole of every other
// HTML page (FillAccountMenu). Readers without a session cookie get the menu of their
// locale's Site (a constant), so the hot path stays free of work for them; a logged-in
// reader's session comes from the session cache (auth/sessions.h), not the database.
//
// Thread safety: plain functions.
#pragma once

#include <string>

#include "http/message.h"
#include "web/context.h"
#include "web/request/reader.h"

namespace warta::web {

// The menu's HTML (<li> items of the header's navigation list) for `reader`, in `site`'s
// language. Every value is escaped.
std::string AccountMenuHtml(const Site& site, const Reader& reader);

// Fills the account menu hole of an HTML page rendered outside the spliced-page cache, in
// the page's language (its Content-Language, else the site's default), and folds the menu
// into its ETag. Leaves every other response as it is.
void FillAccountMenu(const Context& context, const http::Request& request,
                     http::Response& response);

}  // namespace warta::web
