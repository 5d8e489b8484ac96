#include "web/request/account_menu.h"

#include <spdlog/spdlog.h>

#include <functional>

#include "auth/roles.h"
#include "http/gzip.h"
#include "web/cache/spliced_page.h"

namespace warta::web {
namespace {

bool IsHtml(const http::Response& response) {
  return response.content_type.rfind("text/html", 0) == 0 && !response.shared_body;
}

}  // namespace

std::string AccountMenuHtml(const Site& site, const Reader& reader) {
  if (!reader.session) return site.login_menu();
  const auth::SessionUser& user = reader.session->user;
  view::Data data;
  data.set("t", site.translations());
  data.set("user", user.name);
  data.set("moderator", auth::HasRole(user.role, model::Role::kModerator));
  data.set("staff", auth::HasRole(user.role, model::Role::kAuthor));
  data.set("csrf_token", reader.csrf_token);
  auto html = site.templates().Render("account_menu", data);
  if (!html.ok()) {
    spdlog::error("web: account menu: {}", html.error().ToString());
    return site.login_menu();
  }
  return std::move(html).value();
}

void FillAccountMenu(const Context& context, const http::Request& request,
                     http::Response& response) {
  if (!IsHtml(response)) return;
  static const std::string marker = RawSlotMarker(RawSlot::kAccountMenu);
  // A spliced page's fixed parts were split at every marker, so the hole can only be in one
  // of its live pieces (a few bytes each): looking there spares a scan of the whole page
  // (23-100 KB) on every answer.
  std::size_t at = std::string::npos;
  if (response.pieces.empty()) {
    at = response.body.find(marker);
  } else {
    for (const http::BodyPiece& piece : response.pieces) {
      if (piece.fixed != nullptr || piece.size < marker.size()) continue;
      const std::size_t found =
          std::string_view(response.body).substr(piece.offset, piece.size).find(marker);
      if (found != std::string_view::npos) {
        at = piece.offset + found;
        break;
      }
    }
  }
  if (at == std::string::npos) return;
  const Site& site = context.site->For(response.Header("Content-Language"));
  std::string menu;
  if (request.Cookie(auth::kSessionCookie).empty()) {
    menu = site.login_menu();
  } else {
    menu = AccountMenuHtml(site, IdentifyReader(context, request, context.clock.NowUnix()));
    // The page's validator must change with the menu (another account, another role).
    if (std::string_view etag = response.Header("ETag"); !etag.empty()) {
      const std::size_t hash = std::hash<std::string>{}(std::string(etag) + menu);
      response.SetHeader("ETag", "W/\"" + std::to_string(hash) + "\"");
    }
  }
  response.ReplaceInBody(at, marker.size(), menu);
}

}  // namespace warta::web
