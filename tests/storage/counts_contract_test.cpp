// Contract: the spam classifier's counts, trending and the per-day totals
// (storage/spam_store.h, storage/trending_store.h, storage/day_totals_store.h), on both
// backends.
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "model/liker.h"
#include "model/trending.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/day_totals_store.h"
#include "storage/like_store.h"
#include "storage/spam_store.h"
#include "storage/trending_store.h"

namespace warta::storage::contract {
namespace {

template <typename Backend>
class CountsContract : public StoreContract<Backend> {
 protected:
  std::int64_t Add(const std::string& title, std::int64_t at, std::vector<std::string> tags = {}) {
    model::NewArticle a;
    a.title = title;
    a.source = "S-" + title;
    a.published_at = at;
    a.body_html = "<p>Isi.</p>";
    a.tags = std::move(tags);
    auto id = this->store().articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(CountsContract, Backends, BackendNames);

TYPED_TEST(CountsContract, SpamCountsGoUpAndBackDownToNothing) {
  SpamStore& spam = this->store().spam();
  ASSERT_TRUE(spam.Train({{"viagra", "murah"}, {"murah", "\"quoted\""}}, true, 1).ok());
  ASSERT_TRUE(spam.Train({{"berita"}}, false, 1).ok());
  auto snapshot = spam.Lookup({"murah", "tidak-ada", "viagra", "\"quoted\""});
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  EXPECT_EQ(snapshot->totals.spam_messages, 2);
  EXPECT_EQ(snapshot->totals.ham_messages, 1);
  ASSERT_EQ(snapshot->tokens.size(), 3u);
  EXPECT_EQ(snapshot->tokens[0].first, "murah");
  EXPECT_EQ(snapshot->tokens[0].second.spam, 2);
  EXPECT_EQ(snapshot->tokens[1].first, "viagra");
  EXPECT_EQ(snapshot->tokens[2].first, "\"quoted\"");

  ASSERT_TRUE(spam.Train({{"viagra", "murah"}, {"murah", "\"quoted\""}}, true, -1).ok());
  ASSERT_TRUE(spam.Train({{"viagra"}}, true, -1).ok());  // never below 0
  auto after = spam.Lookup({"murah", "viagra"});
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->tokens.empty());
  EXPECT_EQ(spam.Totals()->spam_messages, 0);
  EXPECT_TRUE(spam.Train({{"x"}}, true, 2).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(spam.Train({{""}}, true, 1).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(CountsContract, TrendingRanksByCreditedEngagementAndFiltersByTag) {
  // Real time: credits are scaled to the epoch the migration set at the real now.
  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  const std::int64_t quiet = this->Add("quiet", now - 100, {"a"});
  const std::int64_t busy = this->Add("busy", now - 100, {"b"});
  TrendingStore& trending = this->store().trending();
  ASSERT_TRUE(trending.Credit(busy, model::EngagementKind::kLike, 5, now).ok());
  ASSERT_TRUE(trending.Credit(quiet, model::EngagementKind::kView, 1, now).ok());
  EXPECT_TRUE(trending.Credit(busy + 99, model::EngagementKind::kLike, 1, now)
                  .error()
                  .is(ErrorCode::kNotFound));
  PopularQuery query;
  query.limit = 10;
  query.now = now;
  auto top = trending.Top(query);
  ASSERT_TRUE(top.ok()) << top.error().message;
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[0].id, busy);
  EXPECT_GT((*top)[0].score, (*top)[1].score);
  query.tags = {"a"};
  top = trending.Top(query);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].id, quiet);

  model::TrendingPolicy shorter = trending.policy();
  shorter.half_life_seconds = 3600;
  ASSERT_TRUE(trending.SetPolicy(shorter, now).ok());
  EXPECT_EQ(trending.policy().half_life_seconds, 3600);
  query.tags = {};
  auto rescaled = trending.Top(query);
  ASSERT_TRUE(rescaled.ok());
  EXPECT_EQ((*rescaled)[0].id, busy);
  shorter.half_life_seconds = 0;
  EXPECT_TRUE(trending.SetPolicy(shorter, now).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(CountsContract, DayTotalsSumTheDaysViewsAndLikesWereCountedOn) {
  const std::int64_t a = this->Add("A", 1'000);
  const std::int64_t b = this->Add("B", 2'000);
  ASSERT_TRUE(this->store().articles().AddViews({{a, 5}, {b, 2}}, 100).ok());
  ASSERT_TRUE(this->store().articles().AddViews({{a, 1}}, 101).ok());
  ASSERT_TRUE(this->store().likes().Like(b, model::Liker::Visitor(1), 1'000, 101).ok());
  DayTotalsStore& days = this->store().day_totals();
  auto per_day = days.PerDay(100, 102);
  ASSERT_TRUE(per_day.ok()) << per_day.error().message;
  ASSERT_EQ(per_day->size(), 2u);
  EXPECT_EQ((*per_day)[0].day, 100);
  EXPECT_EQ((*per_day)[0].totals.views, 7);
  EXPECT_EQ((*per_day)[1].totals.views, 1);
  EXPECT_EQ((*per_day)[1].totals.likes, 1);
  auto top = days.TopArticles(100, 101, 10);
  ASSERT_TRUE(top.ok()) << top.error().message;
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[0].id, a);
  EXPECT_EQ((*top)[0].totals.views, 6);
  auto by_source = days.BySource(100, 101);
  ASSERT_TRUE(by_source.ok()) << by_source.error().message;
  ASSERT_EQ(by_source->size(), 2u);
  EXPECT_EQ((*by_source)[0].name, "S-A");
  auto by_section = days.BySection(100, 101);
  ASSERT_TRUE(by_section.ok()) << by_section.error().message;
  ASSERT_EQ(by_section->size(), 1u);
  EXPECT_EQ((*by_section)[0].id, 0);
  EXPECT_EQ((*by_section)[0].totals.views, 8);
  EXPECT_TRUE(days.PerDay(5, 4).error().is(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace warta::storage::contract
