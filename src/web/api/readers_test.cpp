// The readers' actions as handlers (no sockets): CSRF enforcement, likes with live cached
// counters, the per-reader page, and the cache's ordering of applied counters.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "auth/accounts.h"
#include "storage/article_store.h"
#include "storage/like_store.h"
#include "storage/session_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"
#include "web/handlers.h"
#include "web/request/reader.h"
#include "web/web_app.h"

namespace warta::web {
namespace {

constexpr const char* kSecret = "0123456789abcdef0123456789abcdef-test-secret";

class ReadersTest : public storage::test_util::MigratedSqliteStore {
 protected:
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
    app_ = std::make_unique<WebApp>(Context{
        site_, *store_, clock_, *engagement_, visitors_, csrf_, metrics_, *cache_,
        ReaderServices{*accounts_, *sessions_, true}, nullptr, documents_, Context::FeedOptions{}});
    model::NewArticle article;
    article.title = "Likes";
    article.body_html = "<p>Body</p>";
    article.slug = "likes";
    auto id = store_->articles().Insert(article);
    ASSERT_TRUE(id.ok());
    article_ = *id;
  }

  http::Response Send(http::Method method, const std::string& target, const std::string& body = "",
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
    // Request holds views: keep the strings alive for the call.
    target_ = target;
    body_ = body;
    header_storage_ = std::move(headers);
    header_storage_.emplace_back("User-Agent", "Mozilla/5.0 (unit test)");
    http::Request request;
    request.method = method;
    request.target = target_;
    std::size_t q = target_.find('?');
    request.path = std::string_view(target_).substr(0, q);
    if (q != std::string::npos) request.query = std::string_view(target_).substr(q + 1);
    for (const auto& [name, value] : header_storage_) request.headers.emplace_back(name, value);
    request.body = body_;
    request.remote_address = "192.0.2.10";
    return app_->Handle(request);
  }

  std::string VisitorToken() {
    auto response = Send(http::Method::kGet, "/api/v1/session");
    EXPECT_EQ(response.status, 200);
    auto at = response.body.find("\"csrf_token\":\"");
    return response.body.substr(at + 14, 32);
  }

  std::string LikePath() const { return "/api/v1/articles/" + std::to_string(article_) + "/like"; }

  FakeClock clock_{UnixNow()};
  std::shared_ptr<const Site> site_;
  std::unique_ptr<engagement::ViewCounter> views_;
  engagement::VisitorIdentifier visitors_{kSecret};
  auth::CsrfTokens csrf_{kSecret};
  metrics::Registry metrics_;
  std::unique_ptr<ArticleCache> cache_;
  DocumentCache documents_{60, 100};
  auth::PasswordHasher hasher_{auth::PasswordCost::Minimum()};
  std::unique_ptr<auth::SessionManager> sessions_;
  std::unique_ptr<auth::Accounts> accounts_;
  std::unique_ptr<engagement::EngagementService> engagement_;
  std::unique_ptr<WebApp> app_;
  std::int64_t article_ = 0;
  std::string target_, body_;
  std::vector<std::pair<std::string, std::string>> header_storage_;
};

TEST_F(ReadersTest, StateChangingRoutesRefuseMissingAndWrongTokens) {
  const std::string token = VisitorToken();
  ASSERT_EQ(token.size(), 32U);
  auto missing = Send(http::Method::kPost, LikePath());
  EXPECT_EQ(missing.status, 403);
  EXPECT_NE(missing.body.find("CSRF"), std::string::npos) << missing.body;
  auto wrong = Send(http::Method::kPost, LikePath(), "", {{"X-CSRF-Token", std::string(32, 'a')}});
  EXPECT_EQ(wrong.status, 403);
  auto form = Send(http::Method::kPost, LikePath(), "csrf_token=" + std::string(32, 'a'),
                   {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 403);
  EXPECT_NE(form.content_type.find("text/html"), std::string::npos);
  auto counters = store_->articles().GetCounters(article_);
  ASSERT_TRUE(counters.ok());
  EXPECT_EQ(counters->likes, 0);

  auto ok = Send(http::Method::kPost, LikePath(), "", {{"X-CSRF-Token", token}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  auto by_form = Send(http::Method::kPost, LikePath(), "action=unlike&csrf_token=" + token,
                      {{"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}});
  EXPECT_EQ(by_form.status, 303);
  EXPECT_EQ(by_form.Header("Location"),
            "/artikel/" + std::to_string(article_) + "/likes#like-button");
  // Unknown routes and methods keep their statuses; GETs need no token.
  EXPECT_EQ(Send(http::Method::kPost, "/healthz").status, 405);
  EXPECT_EQ(Send(http::Method::kPost, "/api/v1/nothing").status, 404);
}

TEST_F(ReadersTest, LikesShowAtOnceOnACachedPageAndInTheApi) {
  const std::string token = VisitorToken();
  const std::string page_path = "/artikel/" + std::to_string(article_) + "/likes";
  auto before = Send(http::Method::kGet, page_path);
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("Jadilah yang pertama menyukai ini"), std::string::npos);
  auto liked = Send(http::Method::kPost, LikePath(), "", {{"X-CSRF-Token", token}});
  ASSERT_EQ(liked.status, 200);
  EXPECT_NE(liked.body.find("\"likes\":1"), std::string::npos) << liked.body;
  std::string hint;
  for (const auto& [name, value] : liked.headers) {
    if (name == "Set-Cookie" && value.rfind("warta_liked=1", 0) == 0) hint = "warta_liked=1";
  }
  ASSERT_FALSE(hint.empty());
  // Within the cache's refresh time, without a reload: the live counters.
  auto after = Send(http::Method::kGet, page_path, "", {{"Cookie", hint}});
  EXPECT_NE(after.body.find("1 orang menyukai ini"), std::string::npos);
  EXPECT_NE(after.body.find("data-liked=\"true\""), std::string::npos);
  auto api = Send(http::Method::kGet, "/api/v1/articles/" + std::to_string(article_));
  EXPECT_NE(api.body.find("\"likes\":1"), std::string::npos) << api.body;
  // Without the hint the page does not look (and shows the plain form).
  auto no_hint = Send(http::Method::kGet, page_path);
  EXPECT_NE(no_hint.body.find("data-liked=\"false\""), std::string::npos);
}

TEST_F(ReadersTest, SessionTokensAreBoundToTheSession) {
  const std::string token = VisitorToken();
  auto registered = Send(http::Method::kPost, "/api/v1/auth/register",
                         R"({"username":"budi","password":"kata sandi panjang"})",
                         {{"X-CSRF-Token", token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(registered.status, 201) << registered.body;
  std::string cookie;
  for (const auto& [name, value] : registered.headers) {
    if (name == "Set-Cookie" && value.rfind("warta_session=", 0) == 0) {
      cookie = value.substr(0, value.find(';'));
    }
  }
  ASSERT_FALSE(cookie.empty());
  auto session = sessions_->Resolve(cookie.substr(14), clock_.NowUnix());
  ASSERT_TRUE(session.ok() && session->has_value());
  const std::string session_token = csrf_.Issue("s:" + (*session)->id_hash);
  EXPECT_NE(registered.body.find(session_token), std::string::npos);
  // The visitor token does not work for the logged-in reader; the session one does.
  EXPECT_EQ(Send(http::Method::kPost, LikePath(), "", {{"Cookie", cookie}, {"X-CSRF-Token", token}})
                .status,
            403);
  auto like = Send(http::Method::kPost, LikePath(), "",
                   {{"Cookie", cookie}, {"X-CSRF-Token", session_token}});
  EXPECT_EQ(like.status, 200);
  auto liked = store_->likes().IsLiked(article_, model::Liker::Account((*session)->user.id));
  ASSERT_TRUE(liked.ok());
  EXPECT_TRUE(*liked);
}

TEST_F(ReadersTest, AppliedCountersShowAtOnceAndSurviveRefreshes) {
  auto entry = cache_->Get(article_, 1000);
  ASSERT_TRUE(entry.ok());
  // A write elsewhere that this node applied: the entry shows it at once.
  auto like = store_->likes().Like(article_, model::Liker::Visitor(1), 1000, 20000);
  ASSERT_TRUE(like.ok());
  cache_->ApplyCounters(article_, like->counters);
  EXPECT_EQ((*entry)->counters().likes, 1);
  // A refresh reads the store again and keeps the same live counters.
  auto refreshed = cache_->Get(article_, 1010);
  ASSERT_TRUE(refreshed.ok());
  EXPECT_NE(refreshed->get(), entry->get());
  EXPECT_EQ((*refreshed)->counters().likes, 1);
  // Concurrent likes applied in commit order end at the stored total.
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        auto lock = cache_->CounterLock(article_);
        auto result = store_->likes().Like(
            article_, model::Liker::Visitor(static_cast<std::uint64_t>(100 + t * 10 + i)), 1,
            20000);
        if (result.ok()) cache_->ApplyCounters(article_, result->counters);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ((*refreshed)->counters().likes, 41);
  auto stored = store_->articles().GetCounters(article_);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->likes, 41);
}

}  // namespace
}  // namespace warta::web
