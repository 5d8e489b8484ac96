// Maps method + path to a handler. Patterns are literal segments and "{name}" parameters,
// e.g. "/api/v1/articles/{id}". Every route of the site is registered in one place
// (web/routes.cpp). The router answers 404 for unknown paths and 405 (with Allow) for a
// known path with another method (OPTIONS on a known path: 204 with Allow). HEAD is served
// by the GET handler; its response keeps the body so the server can send the right
// Content-Length, and the server never sends a body for HEAD.
//
// Matching is on the raw (percent-encoded) path segments: "/" matches only "/", "/a/" does
// not match "/a", a "{param}" never matches an empty segment. A literal segment wins over a
// parameter at the same place; exact routes win over prefix routes; longer prefixes first.
// Response::route is set to the route's name, or "not_found", "method_not_allowed",
// "options" (all static strings).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace warta::http {

struct RouteParams {
  std::vector<std::pair<std::string_view, std::string_view>> values;
  // Raw (still percent-encoded) value of a "{name}" segment, empty when absent.
  std::string_view Get(std::string_view name) const;
};

using RouteHandler = std::function<Response(const Request&, const RouteParams&)>;

// One registered route, as written: for listings and tests that must cover every route.
struct RouteInfo {
  Method method = Method::kGet;
  std::string pattern;  // "/api/v1/articles/{id}"; a prefix route's prefix ("/static/")
  std::string_view name;
  bool prefix = false;
  // The route's handler, valid while the router lives: a test may ask it for the guard it
  // was bound through (std::function::target).
  const RouteHandler* handler = nullptr;
};

class Router {
 public:
  // name: label for metrics and logs ("article", "api_article"). Must outlive the router
  // (string literals).
  void Add(Method method, std::string_view pattern, std::string_view name, RouteHandler handler);
  // A prefix route: matches pattern followed by anything ("/static/" + rest as "{*}").
  void AddPrefix(Method method, std::string_view prefix, std::string_view name,
                 RouteHandler handler);
  // What unknown paths get (the site's localized 404 page).
  void SetNotFound(std::function<Response(const Request&)> handler);

  Response Dispatch(const Request& request) const;
  // Every route, in matching order.
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route;
  std::vector<Route> routes_;
  std::function<Response(const Request&)> not_found_;

 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;
};

}  // namespace warta::http
