// A GoogleTest fixture for tests of web/: a real SQLite file in a fresh temp dir, migrated,
// and a WebApp over it with everything `serve` wires that needs no network or pictures
// (accounts, sessions, engagement, caches, the newsroom's EditorialService), called without
// sockets. Helpers make an account of any role with a logged-in session and its CSRF token,
// or an Admin API token, and send a request as that caller.
//
//   class MyTest : public web::testing::WebFixture {};
//   TEST_F(MyTest, EditorsSeeTheList) {
//     const Caller editor = MakeUser(model::Role::kEditor);
//     http::Response r = Send(http::Method::kGet, "/api/v1/admin/articles", &editor);
//     EXPECT_EQ(r.status, 200);
//     EXPECT_TRUE(JsonOf(r)["articles"].is_array());
//   }
//
// Subclasses that need more in SetUp call WebFixture::SetUp first and stop on its failure
// (if (HasFatalFailure()) return;). The clock is a FakeClock: advance clock_ instead of
// sleeping. Context::media is null (uploads answer 503 once the caller is allowed);
// Context::fetch_source_now records the ids it is asked for in fetched_.
//
// Header-only and used by tests only (docs/module-fence.md: testing/ folders).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "auth/accounts.h"
#include "auth/api_tokens.h"
#include "core/clock.h"
#include "model/role.h"
#include "newsroom/service.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/token_store.h"
#include "web/handlers.h"
#include "web/web_app.h"

namespace warta::web::testing {

// An account as a test uses it. session_token goes into the warta_session cookie;
// csrf_token is the one that session's pages carry; bearer is set by MakeToken.
struct Caller {
  std::int64_t user_id = 0;
  model::Role role = model::Role::kReader;
  std::string name;
  std::string session_token;
  std::string csrf_token;
  std::string bearer;
};

// How Send presents the caller.
enum class Auth {
  kSession,        // the session cookie, plus X-CSRF-Token on every method but GET/HEAD
  kSessionNoCsrf,  // the session cookie alone
  kBearer,         // Authorization: Bearer (Caller::bearer; MakeToken first)
};

class WebFixture : public storage::test_util::MigratedSqliteStore {
 protected:
  static constexpr const char* kSecret = "0123456789abcdef0123456789abcdef-web-fixture";
  static constexpr const char* kPassword = "correct horse battery staple";

  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    auto site = Site::Create(
        SiteSettings{"Media Jepang", "id", "Asia/Jakarta", "http://127.0.0.1:8080", {}});
    ASSERT_TRUE(site.ok()) << site.error().message;
    site_ = *site;
    views_ = std::make_unique<engagement::ViewCounter>(store_->articles(),
                                                       engagement::ViewCounterOptions{});
    cache_ = std::make_unique<ArticleCache>(
        store_->articles(), *views_,
        [this](const model::Article& a, const std::string& path, const std::string& locale) {
          return RenderArticlePage(site_->For(locale), a, path);
        },
        100, 5);
    engagement_ = std::make_unique<engagement::EngagementService>(
        *store_, *views_, cache_.get(), engagement::EngagementLimits{60, false}, clock_);
    sessions_ = std::make_unique<auth::SessionManager>(store_->sessions(), auth::SessionOptions{});
    accounts_ = std::make_unique<auth::Accounts>(store_->users(), hasher_, *sessions_,
                                                 auth::AccountLimits{}, clock_);
    newsroom::NewsroomOptions options;
    options.on_change = [this](std::int64_t id) {
      cache_->Invalidate(id);
      changed_.push_back(id);
    };
    editorial_ = std::make_unique<newsroom::EditorialService>(*store_, clock_, std::move(options));
    Context context{site_,        *store_,    clock_,
                    *engagement_, visitors_,  csrf_,
                    metrics_,     *cache_,    ReaderServices{*accounts_, *sessions_, true},
                    nullptr,      documents_, Context::FeedOptions{}};
    context.editorial = editorial_.get();
    context.fetch_source_now = [this](std::int64_t id) -> Result<void> {
      fetched_.push_back(id);
      return {};
    };
    app_ = std::make_unique<WebApp>(std::move(context));
  }

  // A new account of `role` (named "<role>-<n>" unless `name` is given) with a session.
  // Fails the test (and returns an empty Caller) when the store refuses.
  Caller MakeUser(model::Role role, std::string name = "") {
    if (name.empty()) name = std::string(model::ToText(role)) + "-" + std::to_string(++users_);
    Caller caller;
    auto user = accounts_->Create(name, kPassword, role);
    if (!user.ok()) {
      ADD_FAILURE() << "account " << name << ": " << user.error().message;
      return caller;
    }
    auto started = sessions_->Start(*user, clock_.NowUnix());
    if (!started.ok()) {
      ADD_FAILURE() << "session of " << name << ": " << started.error().message;
      return caller;
    }
    caller.user_id = user->id;
    caller.role = role;
    caller.name = name;
    caller.session_token = started->token;
    caller.csrf_token = csrf_.Issue("s:" + started->session.id_hash);
    return caller;
  }

  // Gives `caller` an Admin API token (as `warta token create` does) in caller.bearer.
  void MakeToken(Caller& caller) {
    auth::MintedToken minted = auth::MintApiToken();
    auto id = store_->tokens().Create(caller.user_id, minted.hash, "test", clock_.NowUnix(),
                                      model::AuditEntry{0, clock_.NowUnix(), caller.user_id, "",
                                                        "token.create", "token", 0, "test"});
    ASSERT_TRUE(id.ok()) << id.error().message;
    caller.bearer = minted.token;
  }

  // Sends a request to the app as `as` (null: anonymous). A target may carry a query.
  http::Response Send(http::Method method, const std::string& target, const Caller* as = nullptr,
                      const std::string& body = "", Auth auth = Auth::kSession,
                      const std::string& content_type = "application/json") {
    // Request holds views: these strings live until Handle returns.
    std::vector<std::pair<std::string, std::string>> headers = {
        {"User-Agent", "Mozilla/5.0 (web fixture)"}};
    if (!body.empty()) headers.emplace_back("Content-Type", content_type);
    if (as != nullptr && auth == Auth::kBearer) {
      headers.emplace_back("Authorization", "Bearer " + as->bearer);
    } else if (as != nullptr) {
      headers.emplace_back("Cookie", std::string(auth::kSessionCookie) + "=" + as->session_token);
      const bool safe = method == http::Method::kGet || method == http::Method::kHead;
      if (auth == Auth::kSession && !safe) headers.emplace_back("X-CSRF-Token", as->csrf_token);
    }
    http::Request request;
    request.method = method;
    request.target = target;
    const std::size_t q = target.find('?');
    request.path = std::string_view(target).substr(0, q);
    if (q != std::string::npos) request.query = std::string_view(target).substr(q + 1);
    for (const auto& [name, value] : headers) request.headers.emplace_back(name, value);
    request.body = body;
    request.remote_address = "192.0.2.20";
    return app_->Handle(request);
  }

  // The body as JSON (null when it is not JSON, with a test failure).
  static nlohmann::json JsonOf(const http::Response& response) {
    auto json = nlohmann::json::parse(response.body, nullptr, false);
    if (json.is_discarded()) {
      ADD_FAILURE() << "not JSON (" << response.status << "): " << response.body;
      return nullptr;
    }
    return json;
  }

  FakeClock clock_{UnixNow()};
  std::shared_ptr<const Site> site_;
  engagement::VisitorIdentifier visitors_{kSecret};
  auth::CsrfTokens csrf_{kSecret};
  metrics::Registry metrics_;
  DocumentCache documents_{60, 100};
  auth::PasswordHasher hasher_{auth::PasswordCost::Minimum()};
  std::unique_ptr<engagement::ViewCounter> views_;
  std::unique_ptr<ArticleCache> cache_;
  std::unique_ptr<engagement::EngagementService> engagement_;
  std::unique_ptr<auth::SessionManager> sessions_;
  std::unique_ptr<auth::Accounts> accounts_;
  std::unique_ptr<newsroom::EditorialService> editorial_;
  std::unique_ptr<WebApp> app_;
  std::vector<std::int64_t> changed_;  // ids the newsroom reported changed (on_change)
  std::vector<std::int64_t> fetched_;  // ids "fetch now" was asked for
  int users_ = 0;
};

}  // namespace warta::web::testing
