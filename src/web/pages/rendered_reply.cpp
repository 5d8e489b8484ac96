// How the front page and section pages are served from their kept renderings: only the
// per-reader holes are filled per request (web/cache/rendered_pages.h).
#include <functional>
#include <string>

#include "auth/sessions.h"
#include "core/limits.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/request/locale_choice.h"

namespace warta::web {

int ParsePageNumber(const http::Request& request) {
  std::string text = request.QueryParam("page");
  if (text.empty()) return 1;
  auto value = ParseId(text);
  if (!value || *value > limits::kMaxPageNumber) return 0;
  return static_cast<int>(*value);
}

http::Response ServeRenderedPage(Context& context, const http::Request& request, const Site& site,
                                 const std::shared_ptr<const RenderedPage>& kept,
                                 std::int64_t now) {
  const RenderedPage& rendered = *kept;
  if (rendered.status != 200 && !rendered.own_body) {
    return ErrorPage(context, request, rendered.status);
  }
  Visitor visitor = IdentifyVisitor(context, request, now);
  SlotValues values;
  values[static_cast<std::size_t>(Slot::kCsrfToken)] = visitor.csrf_token;
  std::shared_ptr<const PopularFragment> popular;
  if (context.popular != nullptr) popular = context.popular->Current();
  RawSlotValues raw;
  RawSlotGzip raw_gzip{};
  FillPopularHole(popular.get(), site.locale(), raw, raw_gzip);
  // A logged-in reader's menu (and its validator) comes from FillAccountMenu
  // (web/request/account_menu.h) on the way out, so their hole stays a hole here; everyone
  // else gets the locale's constant login menu now, which spares moving the page's bytes to
  // fill it later.
  static const std::string kAccountMenuHole = RawSlotMarker(RawSlot::kAccountMenu);
  raw[static_cast<std::size_t>(RawSlot::kAccountMenu)] =
      request.Cookie(auth::kSessionCookie).empty() ? std::string_view(site.login_menu())
                                                   : std::string_view(kAccountMenuHole);
  http::Response response;
  response.status = rendered.status;
  response.body.reserve(rendered.page.size_hint());
  rendered.page.AppendTo(response.body, values, raw, response.pieces, raw_gzip);
  // The pieces point into the kept page and the popular list.
  response.pieces_owner = OwnPieces(kept, popular);
  // The page differs by its rendering, the reader's token and the popular list only.
  const std::string key = std::to_string(rendered.rendered_at) + ":" + site.locale() + ":" +
                          std::string(request.target) + ":" + visitor.csrf_token + ":" +
                          std::to_string(popular ? popular->generation : 0);
  response.SetHeader("ETag", "W/\"" + std::to_string(std::hash<std::string>{}(key)) + "\"");
  response.SetHeader("Cache-Control", "private, no-cache");
  MarkLocalized(response, site);
  if (!visitor.set_cookie.empty()) response.SetHeader("Set-Cookie", visitor.set_cookie);
  return response;
}

http::Response ServeCachedPage(Context& context, const http::Request& request, const Site& site,
                               const std::string& key, std::int64_t now,
                               const RenderedPages::Renderer& render) {
  if (context.front == nullptr) {
    auto rendered = render();
    if (!rendered.ok()) return ErrorPage(context, request, 500);
    return ServeRenderedPage(context, request, site,
                             std::make_shared<const RenderedPage>(std::move(rendered).value()),
                             now);
  }
  auto kept = context.front->Get(site.locale() + "|" + key, now, render);
  if (!kept.ok()) return ErrorPage(context, request, 500);
  return ServeRenderedPage(context, request, site, kept.value(), now);
}

}  // namespace warta::web
