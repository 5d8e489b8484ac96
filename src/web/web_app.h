// The web application as the HTTP server sees it: one Handler that routes requests to the
// site's handlers, turns escaped exceptions into the localized 500 page, and never throws.
#pragma once

#include <memory>

#include "http/handler.h"
#include "http/router/router.h"
#include "web/context.h"

namespace warta::web {

class WebApp {
 public:
  explicit WebApp(Context context);
  // Routes hold a pointer to context_: the app stays where it was built.
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  http::Response Handle(const http::Request& request);
  http::Handler AsHandler();
  // The routes (tests walk them: every /admin route is guarded).
  const http::Router& router() const { return router_; }

 private:
  Context context_;
  http::Router router_;
};

// Every route of the site (README "Using the binary", docs/api.md), in one place.
http::Router BuildRoutes(Context& context);

}  // namespace warta::web
