// Contract: likes and shares (storage/like_store.h, storage/share_store.h), on both backends,
// including two stores on one database writing at once (two nodes).
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "model/article_status.h"
#include "model/liker.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/like_store.h"
#include "storage/share_store.h"

namespace warta::storage::contract {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::int64_t kDay = kNow / 86'400;

template <typename Backend>
class EngagementContract : public StoreContract<Backend> {
 protected:
  std::int64_t Add(model::ArticleStatus status = model::ArticleStatus::kPublished) {
    model::NewArticle a;
    a.title = "Berita";
    a.published_at = kNow;
    a.body_html = "<p>Isi.</p>";
    a.status = status;
    auto id = this->store().articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(EngagementContract, Backends, BackendNames);

TYPED_TEST(EngagementContract, ALikeCountsOnceAndAnUnlikeTakesItBack) {
  const std::int64_t id = this->Add();
  LikeStore& likes = this->store().likes();
  const auto reader = model::Liker::Account(7);
  auto first = likes.Like(id, reader, kNow, kDay);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->changed);
  EXPECT_EQ(first->counters.likes, 1);
  auto again = likes.Like(id, reader, kNow, kDay);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->counters.likes, 1);
  EXPECT_TRUE(*likes.IsLiked(id, reader));
  EXPECT_FALSE(*likes.IsLiked(id, model::Liker::Visitor(7)));

  auto undone = likes.Unlike(id, reader, kNow + 5);
  ASSERT_TRUE(undone.ok());
  EXPECT_TRUE(undone->changed);
  EXPECT_EQ(undone->counters.likes, 0);
  EXPECT_FALSE(likes.Unlike(id, reader, kNow + 6)->changed);
  EXPECT_EQ(this->store().articles().GetCounters(id)->likes, 0);
}

TYPED_TEST(EngagementContract, LikesAndSharesNeedAPublicArticle) {
  const std::int64_t held = this->Add(model::ArticleStatus::kHeld);
  const auto reader = model::Liker::Visitor(99);
  EXPECT_TRUE(
      this->store().likes().Like(held, reader, kNow, kDay).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(
      this->store().likes().Like(held + 50, reader, kNow, kDay).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(
      this->store().shares().Add(held, "whatsapp", kNow, kDay).error().is(ErrorCode::kNotFound));
  const std::int64_t id = this->Add();
  EXPECT_TRUE(this->store()
                  .likes()
                  .Like(id, model::Liker::Account(0), kNow, kDay)
                  .error()
                  .is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      this->store().likes().Like(id, reader, kNow, -1).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(EngagementContract, SharesCountPerNetworkAndInTheTotal) {
  const std::int64_t id = this->Add();
  ShareStore& shares = this->store().shares();
  ASSERT_TRUE(shares.Add(id, "x", kNow, kDay).ok());
  ASSERT_TRUE(shares.Add(id, "whatsapp", kNow, kDay).ok());
  auto last = shares.Add(id, "whatsapp", kNow, kDay);
  ASSERT_TRUE(last.ok()) << last.error().message;
  EXPECT_EQ(last->shares, 3);
  auto by = shares.ByNetwork(id);
  ASSERT_TRUE(by.ok());
  EXPECT_EQ(*by, (std::vector<std::pair<std::string, std::int64_t>>{{"whatsapp", 2}, {"x", 1}}));
  EXPECT_TRUE(shares.Add(id, "Bad Name", kNow, kDay).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(shares.Add(id, "", kNow, kDay).error().is(ErrorCode::kInvalidArgument));
}

// Two nodes: each liker likes twice, half on each store, all at once; every like counts once.
TYPED_TEST(EngagementContract, TwoNodesLikingAtOnceGiveExactTotals) {
  const std::int64_t id = this->Add();
  auto second = this->OpenSecond();
  ASSERT_NE(second, nullptr);
  constexpr int kLikers = 120;
  constexpr int kThreads = 4;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    LikeStore& likes = t % 2 == 0 ? this->store().likes() : second->likes();
    threads.emplace_back([&likes, t, id] {
      for (int i = t / 2; i < kLikers; i += kThreads / 2) {
        auto done =
            likes.Like(id, model::Liker::Visitor(static_cast<std::uint64_t>(1000 + i)), kNow, kDay);
        EXPECT_TRUE(done.ok()) << done.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(this->store().articles().GetCounters(id)->likes, kLikers);
  EXPECT_EQ(second->articles().GetCounters(id)->likes, kLikers);
}

}  // namespace
}  // namespace warta::storage::contract
