// The engagement rules against a real SQLite store, with a FakeClock for the budgets and the
// times of likes and shares.
#include "engagement/service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "storage/article_store.h"
#include "storage/share_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/trending_store.h"

namespace warta::engagement {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

// What web's article cache is told, in the order it is told.
class RecordingSink final : public CounterSink {
 public:
  std::unique_lock<std::mutex> CounterLock(std::int64_t /*article_id*/) override {
    return std::unique_lock<std::mutex>(mutex_);
  }
  void ApplyCounters(std::int64_t article_id, const model::Counters& stored) override {
    applied.emplace_back(article_id, stored);
  }
  std::vector<std::pair<std::int64_t, model::Counters>> applied;

 private:
  std::mutex mutex_;
};

class EngagementServiceTest : public storage::test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    views_ = std::make_unique<ViewCounter>(store_->articles(), ViewCounterOptions{});
    service_ = Make(EngagementLimits{60, false});
    article_ = AddArticle();
  }

  std::unique_ptr<EngagementService> Make(EngagementLimits limits) {
    return std::make_unique<EngagementService>(*store_, *views_, &sink_, limits, clock_);
  }

  std::int64_t AddArticle(std::int64_t initial_views = 0) {
    model::NewArticle a;
    a.title = "Gempa di Noto";
    a.body_html = "<p>Isi berita.</p>";
    a.slug = "gempa-di-noto";
    a.initial.views = initial_views;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().ToString();
    return id.ok() ? *id : 0;
  }

  model::Counters Stored(std::int64_t id) {
    auto counters = store_->articles().GetCounters(id);
    EXPECT_TRUE(counters.ok()) << counters.error().ToString();
    return counters.ok() ? *counters : model::Counters{};
  }

  // The article's decayed trending score at the clock's time; 0 when it is not listed.
  double Score(std::int64_t id) {
    storage::PopularQuery query;
    query.now = clock_.NowUnix();
    auto top = store_->trending().Top(query);
    EXPECT_TRUE(top.ok()) << top.error().ToString();
    if (!top.ok()) return -1;
    for (const storage::PopularArticle& row : *top) {
      if (row.id == id) return row.score;
    }
    return 0;
  }

  static Engager Visitor(std::uint64_t id, std::string address = "192.0.2.1") {
    return Engager{model::Liker::Visitor(id), std::move(address)};
  }
  static Engager Account(std::int64_t id, std::string address = "192.0.2.1") {
    return Engager{model::Liker::Account(id), std::move(address)};
  }

  // The store dates its trending epoch by the real time: start there.
  FakeClock clock_{UnixNow()};
  RecordingSink sink_;
  std::unique_ptr<ViewCounter> views_;
  std::unique_ptr<EngagementService> service_;
  std::int64_t article_ = 0;
};

TEST_F(EngagementServiceTest, LikesAreIdempotentPerLikerAndCommittedAtOnce) {
  auto first = service_->Like(Visitor(1), article_);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_FALSE(first->throttled());
  EXPECT_TRUE(first->changed);
  EXPECT_EQ(first->counters.likes, 1);
  auto again = service_->Like(Visitor(1), article_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->counters.likes, 1);
  // The account with the same number is another liker.
  ASSERT_TRUE(service_->Like(Account(1), article_).ok());
  EXPECT_TRUE(*service_->IsLiked(article_, model::Liker::Visitor(1)));

  // Committed before returning: a second store on the same file sees it.
  auto other = storage::sqlite::SqliteStore::Open(dir_.File("warta.db"));
  ASSERT_TRUE(other.ok()) << other.error().ToString();
  auto seen = (*other)->articles().GetCounters(article_);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->likes, 2);

  auto unliked = service_->Unlike(Visitor(1), article_);
  ASSERT_TRUE(unliked.ok());
  EXPECT_TRUE(unliked->changed);
  EXPECT_EQ(unliked->counters.likes, 1);
  unliked = service_->Unlike(Visitor(1), article_);
  ASSERT_TRUE(unliked.ok());
  EXPECT_FALSE(unliked->changed);
  EXPECT_FALSE(*service_->IsLiked(article_, model::Liker::Visitor(1)));
  EXPECT_EQ(Stored(article_).likes, 1);
}

TEST_F(EngagementServiceTest, UnknownArticlesAndInvalidLikersAreRefusedWithoutAWrite) {
  auto missing = service_->Like(Visitor(1), article_ + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto shared = service_->Share(Visitor(1), article_ + 100, ShareNetwork::kX);
  ASSERT_FALSE(shared.ok());
  EXPECT_EQ(shared.error().code, ErrorCode::kNotFound);
  auto invalid = service_->Like(Account(0), article_);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(sink_.applied.empty());  // the cache hears of committed changes only
  EXPECT_EQ(Stored(article_).likes, 0);
}

TEST_F(EngagementServiceTest, BudgetsPerAddressAndPerAccountRefillWithTheClock) {
  auto limited = Make(EngagementLimits{/*per_minute=*/2, true});  // one token every 30 s
  EXPECT_TRUE(limited->Like(Visitor(1), article_).ok());
  EXPECT_TRUE(limited->Share(Visitor(2), article_, ShareNetwork::kCopy).ok());
  // Likes, unlikes and shares draw on one budget per address.
  auto refused = limited->Unlike(Visitor(3), article_);
  ASSERT_TRUE(refused.ok());
  EXPECT_TRUE(refused->throttled());
  EXPECT_EQ(refused->retry_after_seconds, 30);
  auto refused_share = limited->Share(Visitor(3), article_, ShareNetwork::kX);
  ASSERT_TRUE(refused_share.ok());
  EXPECT_TRUE(refused_share->throttled());
  EXPECT_EQ(Stored(article_).shares, 1);  // nothing written when refused
  EXPECT_EQ(sink_.applied.size(), 2u);
  // Another address has its own budget.
  EXPECT_FALSE(limited->Like(Visitor(4, "192.0.2.2"), article_)->throttled());

  // An account also has one of its own, whatever address it comes from.
  EXPECT_FALSE(limited->Like(Account(7, "198.51.100.1"), article_)->throttled());
  EXPECT_FALSE(limited->Unlike(Account(7, "198.51.100.2"), article_)->throttled());
  EXPECT_TRUE(limited->Like(Account(7, "198.51.100.3"), article_)->throttled());

  clock_.Advance(seconds(30));
  EXPECT_FALSE(limited->Like(Visitor(3), article_)->throttled());
  EXPECT_FALSE(limited->Like(Account(7, "198.51.100.3"), article_)->throttled());

  auto off = Make(EngagementLimits{2, /*enabled=*/false});
  for (std::uint64_t i = 0; i < 10; ++i) {
    EXPECT_FALSE(off->Like(Visitor(100 + i), article_)->throttled()) << i;
  }
}

TEST_F(EngagementServiceTest, SharesAreCountedPerNetwork) {
  ASSERT_TRUE(service_->Share(Visitor(1), article_, ShareNetwork::kWhatsApp).ok());
  ASSERT_TRUE(service_->Share(Visitor(1), article_, ShareNetwork::kWhatsApp).ok());
  auto shared = service_->Share(Visitor(2), article_, ShareNetwork::kNative);
  ASSERT_TRUE(shared.ok()) << shared.error().ToString();
  EXPECT_TRUE(shared->changed);
  EXPECT_EQ(shared->counters.shares, 3);
  auto by_network = store_->shares().ByNetwork(article_);
  ASSERT_TRUE(by_network.ok());
  std::vector<std::pair<std::string, std::int64_t>> expected = {{"native", 1}, {"whatsapp", 2}};
  EXPECT_EQ(*by_network, expected);
}

TEST_F(EngagementServiceTest, TheCacheHearsEveryCommitInOrder) {
  ASSERT_TRUE(service_->Like(Visitor(1), article_).ok());
  ASSERT_TRUE(service_->Share(Visitor(1), article_, ShareNetwork::kLine).ok());
  ASSERT_TRUE(service_->Unlike(Visitor(1), article_).ok());
  ASSERT_EQ(sink_.applied.size(), 3u);
  EXPECT_EQ(sink_.applied[0].first, article_);
  EXPECT_EQ(sink_.applied[0].second.likes, 1);
  EXPECT_EQ(sink_.applied[1].second.shares, 1);
  EXPECT_EQ(sink_.applied[2].second.likes, 0);
  EXPECT_EQ(sink_.applied[2].second.shares, 1);

  EngagementService without_cache(*store_, *views_, nullptr, EngagementLimits{}, clock_);
  EXPECT_TRUE(without_cache.Like(Visitor(2), article_).ok());
  EXPECT_EQ(sink_.applied.size(), 3u);
}

// Likes of one article commit together (group_commit.h) and their callers return in any
// order; what the cache is told must still never go back.
TEST_F(EngagementServiceTest, ConcurrentLikesOfOneArticleNeverShowAnOlderCount) {
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kEach; ++i) {
        auto liked =
            service_->Like(Visitor(static_cast<std::uint64_t>(1000 + t * kEach + i)), article_);
        EXPECT_TRUE(liked.ok() && liked->changed);
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(sink_.applied.size(), std::size_t{kThreads * kEach});
  for (std::size_t i = 1; i < sink_.applied.size(); ++i) {
    EXPECT_GE(sink_.applied[i].second.likes, sink_.applied[i - 1].second.likes) << i;
  }
  EXPECT_EQ(sink_.applied.back().second.likes, kThreads * kEach);
  EXPECT_EQ(Stored(article_).likes, kThreads * kEach);
}

TEST_F(EngagementServiceTest, ViewsCountOncePerVisitorAndShowBeforeTheyAreFlushed) {
  const std::int64_t id = AddArticle(/*initial_views=*/5);
  views_->Prime(id, 5);  // what the article cache does when it loads the article
  EXPECT_TRUE(service_->CountView(id, 1, /*crawler=*/false));
  EXPECT_FALSE(service_->CountView(id, 1, false));  // the same window
  EXPECT_FALSE(service_->CountView(id, 2, /*crawler=*/true));
  EXPECT_EQ(service_->Shown(id, Stored(id)).views, 6);
  EXPECT_EQ(Stored(id).views, 5);  // not flushed yet
  // What a like answers includes them too.
  auto liked = service_->Like(Visitor(1), id);
  ASSERT_TRUE(liked.ok());
  EXPECT_EQ(liked->counters.views, 6);
  // A new window on the clock: the visitor counts again.
  clock_.Advance(hours(1));
  EXPECT_TRUE(service_->CountView(id, 1, false));
  ASSERT_TRUE(views_->Flush().ok());
  EXPECT_EQ(Stored(id).views, 7);
  // An article this node never loaded shows what is stored.
  EXPECT_EQ(service_->Shown(article_, model::Counters{3, 0, 0, 0}).views, 3);
}

TEST_F(EngagementServiceTest, TrendingCreditsByThePolicyAtTheClocksTime) {
  ASSERT_TRUE(service_->Share(Visitor(1), article_, ShareNetwork::kX).ok());
  EXPECT_NEAR(Score(article_), 10.0, 0.01);  // share_weight
  clock_.Advance(hours(24));                 // one half-life
  EXPECT_NEAR(Score(article_), 5.0, 0.01);
  ASSERT_TRUE(service_->Like(Visitor(1), article_).ok());
  EXPECT_NEAR(Score(article_), 10.0, 0.01);  // + like_weight, now
  clock_.Advance(hours(24));
  // The unlike takes back what the like earned a day ago, no more.
  ASSERT_TRUE(service_->Unlike(Visitor(1), article_).ok());
  EXPECT_NEAR(Score(article_), 2.5, 0.01);

  model::TrendingPolicy policy;
  policy.like_weight = 50;
  ASSERT_TRUE(service_->SetTrendingPolicy(policy).ok());
  ASSERT_TRUE(service_->Like(Visitor(2), article_).ok());
  EXPECT_NEAR(Score(article_), 52.5, 0.01);
  policy.half_life_seconds = 0;
  auto bad = service_->SetTrendingPolicy(policy);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace warta::engagement
