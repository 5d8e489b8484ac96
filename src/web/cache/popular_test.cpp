// The per-node most popular list and tag directory against a real SQLite file.
#include "web/cache/popular.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "core/clock.h"
#include "storage/article_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::web {
namespace {

class PopularListsTest : public storage::test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    SiteSettings settings{"Media Jepang", "id", "Asia/Jakarta", "http://127.0.0.1:8080", {}};
    settings.locales = {"id", "en", "ja"};
    auto site = Site::Create(settings);
    ASSERT_TRUE(site.ok()) << site.error().message;
    lists_ = std::make_unique<PopularLists>(*store_, *site, PopularOptions{}, clock_);
  }

  std::int64_t Add(const std::string& title, std::vector<std::string> tags, std::int64_t views) {
    model::NewArticle a;
    a.title = title;
    a.body_html = "<p>x</p>";
    a.slug = "s";
    a.tags = std::move(tags);
    a.initial.views = views;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

  std::int64_t Now() const { return clock_.NowUnix(); }

  // Starts at the real time: the store dates its trending epoch by it.
  FakeClock clock_{UnixNow()};
  std::unique_ptr<PopularLists> lists_;
};

TEST_F(PopularListsTest, RendersTheListInScoreOrderAndEscapesTitles) {
  EXPECT_EQ(lists_->Current()->Html("id"), "");
  const std::int64_t a = Add("Kecil <script>", {"Tokyo"}, 3);
  const std::int64_t b = Add("Besar", {"Osaka"}, 30);
  ASSERT_TRUE(lists_->Refresh(Now()).ok());
  auto fragment = lists_->Current();
  const std::string& html = fragment->Html("id");
  EXPECT_NE(html.find("Terpopuler"), std::string::npos);
  const auto at_b = html.find("/artikel/" + std::to_string(b));
  const auto at_a = html.find("/artikel/" + std::to_string(a));
  ASSERT_NE(at_a, std::string::npos);
  ASSERT_NE(at_b, std::string::npos);
  EXPECT_LT(at_b, at_a);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("Kecil &lt;script&gt;"), std::string::npos);

  // Same list: same generation (ETags stay); a change swaps in a new one.
  const std::uint64_t generation = fragment->generation;
  ASSERT_TRUE(lists_->Refresh(Now()).ok());
  EXPECT_EQ(lists_->Current()->generation, generation);
  ASSERT_TRUE(store_->trending().Credit(a, model::EngagementKind::kShare, 5, Now()).ok());
  ASSERT_TRUE(lists_->Refresh(Now()).ok());
  EXPECT_GT(lists_->Current()->generation, generation);
  EXPECT_LT(lists_->Current()->Html("id").find("/artikel/" + std::to_string(a)),
            lists_->Current()->Html("id").find("/artikel/" + std::to_string(b)));

  auto site =
      Site::Create(SiteSettings{"Media Jepang", "id", "Asia/Jakarta", "http://127.0.0.1:8080", {}});
  ASSERT_TRUE(site.ok());
  auto tagged = lists_->RenderFor({"Osaka"}, **site, Now());
  ASSERT_TRUE(tagged.ok());
  EXPECT_EQ(tagged->find("/artikel/" + std::to_string(a)), std::string::npos);
  EXPECT_NE(tagged->find("/artikel/" + std::to_string(b)), std::string::npos);
}

TEST_F(PopularListsTest, TagDirectoryGroupsSlugsAndReloadsOnAMiss) {
  Add("A", {"Tokyo"}, 0);
  Add("B", {"tokyo", "「」"}, 0);
  ASSERT_TRUE(lists_->Refresh(Now() - 10).ok());
  auto tokyo = lists_->FindTag("tokyo", Now());
  ASSERT_TRUE(tokyo.has_value());
  EXPECT_EQ(tokyo->names.size(), 2u);
  EXPECT_EQ(tokyo->articles, 2);
  EXPECT_EQ(lists_->Tags()->entries.size(), 1u);  // a tag without a slug has no page
  EXPECT_FALSE(lists_->FindTag("osaka", Now()).has_value());
  Add("C", {"Osaka"}, 0);
  // The directory was just reloaded by the miss above: the next miss waits a moment.
  EXPECT_FALSE(lists_->FindTag("osaka", Now()).has_value());
  EXPECT_TRUE(lists_->FindTag("osaka", Now() + 5).has_value());
  EXPECT_EQ(TagPath("Ekonomi Jepang"), "/tag/ekonomi-jepang");
  EXPECT_EQ(TagPath("「」"), "");
}

TEST_F(PopularListsTest, StartAndStopRefreshInTheBackground) {
  Add("A", {}, 4);
  lists_->Start();
  // Waits for the thread's first refresh (its work, not an interval: it refreshes at once).
  for (int i = 0; i < 200 && lists_->refreshes() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  lists_->Stop();
  EXPECT_GE(lists_->refreshes(), 1u);
  EXPECT_NE(lists_->Current()->Html("id").find("/artikel/"), std::string::npos);
  lists_->Stop();  // idempotent
}

TEST_F(PopularListsTest, OneListPerOfferedLocaleFromOneQuery) {
  const std::int64_t a = Add("Gempa", {"Tokyo"}, 40);
  ASSERT_TRUE(lists_->Refresh(Now()).ok());
  auto fragment = lists_->Current();
  EXPECT_NE(fragment->Html("id").find("Terpopuler"), std::string::npos);
  EXPECT_NE(fragment->Html("en").find("Most popular"), std::string::npos);
  EXPECT_NE(fragment->Html("ja").find("人気記事"), std::string::npos);
  for (const char* locale : {"id", "en", "ja"}) {
    EXPECT_NE(fragment->Html(locale).find("/artikel/" + std::to_string(a)), std::string::npos)
        << locale;
  }
  EXPECT_EQ(fragment->Html("fr"), "");  // not offered
}

}  // namespace
}  // namespace warta::web
