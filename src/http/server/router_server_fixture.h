// A test fixture with a real server on a free loopback port answering from a Router: tests add
// their routes to router_, then call StartRouterServer. Test-only (header-only).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "http/router/router.h"
#include "http/server/server.h"
#include "metrics/metrics.h"

namespace warta::http::testing {

class RouterServerFixture : public ::testing::Test {
 protected:
  // Starts the server with `options` (its port chosen by the system, no access log).
  void StartRouterServer(ServerOptions options) {
    options.port = 0;
    options.access_log = false;
    auto created = Server::Create(
        options, [this](const Request& r) { return router_.Dispatch(r); }, &registry_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    server_ = std::move(*created);
    server_->Start();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  metrics::Registry registry_;
  Router router_;
  std::unique_ptr<Server> server_;
};

}  // namespace warta::http::testing
