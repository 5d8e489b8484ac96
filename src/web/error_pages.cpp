#include <nlohmann/json.hpp>

#include "web/handlers.h"

namespace warta::web {
namespace {

struct ErrorKeys {
  const char* title;
  const char* message;
};

ErrorKeys KeysFor(int status) {
  if (status == 404) return {"error_not_found_title", "error_not_found_message"};
  if (status == 401 || status == 403) return {"error_forbidden_title", "error_forbidden_message"};
  if (status == 429) return {"error_rate_limited_title", "error_rate_limited_message"};
  if (status >= 500) return {"error_server_title", "error_server_message"};
  return {"error_bad_request_title", "error_bad_request_message"};
}

}  // namespace

Response ErrorPage(const Context& context, int status) {
  const Site& site = *context.site;
  ErrorKeys keys = KeysFor(status);
  view::Data data = site.PageData(site.T(keys.title), "/", "", "");
  data.set("status", std::to_string(status));
  data.set("title", site.T(keys.title));
  data.set("message", site.T(keys.message));
  auto html = site.templates().Render("error", data);
  Response response;
  response.status = status;
  if (html.ok()) {
    response.body = std::move(html).value();
  } else {
    response.content_type = "text/plain; charset=utf-8";
    response.body = site.T(keys.title) + "\n";
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response ApiError(int status, const std::string& message) {
  nlohmann::json body = {{"error", message}};
  Response response = http::JsonResponse(status, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
