#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

struct ErrorKeys {
  const char* title;
  const char* message;
};

ErrorKeys KeysFor(int status) {
  if (status == 404) return {"error_not_found_title", "error_not_found_message"};
  if (status == 410) return {"error_gone_title", "error_gone_message"};
  if (status == 401 || status == 403) return {"error_forbidden_title", "error_forbidden_message"};
  if (status == 429) return {"error_rate_limited_title", "error_rate_limited_message"};
  if (status >= 500) return {"error_server_title", "error_server_message"};
  return {"error_bad_request_title", "error_bad_request_message"};
}

int CurrentYear() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

Response RenderErrorPage(const Site& site, int status) {
  ErrorKeys keys = KeysFor(status);
  std::shared_ptr<const void> sections;
  if (site.settings().section_bar) sections = site.settings().section_bar->Current();
  // "" when the template fails (it does for every request then: the plain text below).
  auto html = site.error_pages().Get(status, std::move(sections), CurrentYear(), [&] {
    view::Data data = site.PageData(site.T(keys.title), "/", "", "");
    data.set("status", std::to_string(status));
    data.set("title", site.T(keys.title));
    data.set("message", site.T(keys.message));
    auto rendered = site.templates().Render("error", data);
    return rendered.ok() ? std::move(rendered).value() : std::string();
  });
  Response response;
  response.status = status;
  if (!html->empty()) {
    response.body = *html;
  } else {
    response.content_type = "text/plain; charset=utf-8";
    response.body = site.T(keys.title) + "\n";
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response ErrorPage(const Context& context, int status) {
  return RenderErrorPage(*context.site, status);
}

Response ErrorPage(const Context& context, const Request& request, int status) {
  const Site& site = SiteFor(context, request);
  Response response = RenderErrorPage(site, status);
  MarkLocalized(response, site);
  return response;
}

Response ApiError(int status, const std::string& message) {
  nlohmann::json body = {{"error", message}};
  Response response = http::JsonResponse(status, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
