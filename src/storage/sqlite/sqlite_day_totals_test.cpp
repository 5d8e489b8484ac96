// The dashboard's per-day totals: written in the transactions that change the counters, so
// their sums equal the counters; a like or a comment taken back leaves the day it counted on.
#include <gtest/gtest.h>

#include <string>

#include "storage/article_store.h"
#include "storage/comment_store.h"
#include "storage/day_totals_store.h"
#include "storage/like_store.h"
#include "storage/share_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::int64_t kDay = 20'000;

class DayTotalsTest : public test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    model::NewArticle a;
    a.title = "Hangat";
    a.source = "KYODO";
    a.body_html = "<p>x</p>";
    auto id = store_->articles().Insert(a);
    ASSERT_TRUE(id.ok());
    article_ = *id;
    model::NewUser user{"pembaca", "$argon2id$hash", model::Role::kReader};
    auto uid = store_->users().Create(user);
    ASSERT_TRUE(uid.ok());
    user_ = *uid;
  }

  model::Counters Day(std::int64_t day) {
    auto rows = store_->day_totals().PerDay(day, day);
    EXPECT_TRUE(rows.ok());
    return rows.ok() && !rows->empty() ? rows->front().totals : model::Counters{};
  }

  model::NewComment Comment(model::CommentStatus status) {
    model::NewComment c;
    c.article_id = article_;
    c.user_id = user_;
    c.body_source = "Halo";
    c.body_html = "<p>Halo</p>";
    c.status = status;
    c.created_at = 1000;
    return c;
  }

  std::int64_t article_ = 0;
  std::int64_t user_ = 0;
};

TEST_F(DayTotalsTest, EveryCounterWritesItsDay) {
  ASSERT_TRUE(store_->articles().AddViews({{article_, 5}}, kDay).ok());
  ASSERT_TRUE(store_->articles().AddViews({{article_, 2}, {article_ + 99, 4}}, kDay + 1).ok());
  ASSERT_TRUE(store_->likes().Like(article_, model::Liker::Visitor(1), 10, kDay).ok());
  ASSERT_TRUE(store_->likes().Like(article_, model::Liker::Visitor(2), 20, kDay + 1).ok());
  ASSERT_TRUE(
      store_->likes().Like(article_, model::Liker::Visitor(2), 21, kDay + 1).ok());  // repeat
  ASSERT_TRUE(store_->shares().Add(article_, "whatsapp", 30, kDay + 1).ok());
  auto comment = store_->comments().Create(Comment(model::CommentStatus::kPublished), kDay + 1);
  ASSERT_TRUE(comment.ok()) << comment.error().message;
  EXPECT_EQ(Day(kDay), (model::Counters{5, 1, 0, 0}));
  EXPECT_EQ(Day(kDay + 1), (model::Counters{2, 1, 1, 1}));
  // The sums equal the article's counters.
  model::Counters sum;
  auto days = store_->day_totals().PerDay(kDay - 10, kDay + 10);
  ASSERT_TRUE(days.ok());
  for (const model::DayTotals& d : *days) {
    sum.views += d.totals.views;
    sum.likes += d.totals.likes;
    sum.comments += d.totals.comments;
    sum.shares += d.totals.shares;
  }
  EXPECT_EQ(sum, *store_->articles().GetCounters(article_));
  EXPECT_EQ(store_->articles().AddViews({{article_, 1}}, -1).error().code,
            ErrorCode::kInvalidArgument);
}

TEST_F(DayTotalsTest, TakingBackLeavesTheDayItCountedOn) {
  ASSERT_TRUE(store_->likes().Like(article_, model::Liker::Visitor(1), 10, kDay).ok());
  ASSERT_TRUE(store_->likes().Unlike(article_, model::Liker::Visitor(1), 99).ok());  // days later
  EXPECT_EQ(Day(kDay).likes, 0);
  // A comment published on one day and rejected on another leaves the first.
  auto published = store_->comments().Create(Comment(model::CommentStatus::kPublished), kDay);
  ASSERT_TRUE(published.ok());
  ASSERT_TRUE(store_->comments()
                  .SetStatus(published->comment.id, model::CommentStatus::kRejected,
                             model::PendingReason::kNone, {}, kDay + 3)
                  .ok());
  EXPECT_EQ(Day(kDay).comments, 0);
  EXPECT_EQ(Day(kDay + 3).comments, 0);
  // One waiting for a moderator counts on the day it is approved.
  auto pending = store_->comments().Create(Comment(model::CommentStatus::kPending), kDay);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(Day(kDay).comments, 0);
  ASSERT_TRUE(store_->comments()
                  .SetStatus(pending->comment.id, model::CommentStatus::kPublished,
                             model::PendingReason::kNone, {}, kDay + 2)
                  .ok());
  EXPECT_EQ(Day(kDay + 2).comments, 1);
  // Reported enough, it goes back to the queue: taken back from that day.
  for (int reader = 1; reader <= 3; ++reader) {
    ASSERT_TRUE(store_->comments()
                    .Report(pending->comment.id, model::Liker::Visitor(reader), 3, 5000)
                    .ok());
  }
  EXPECT_EQ(Day(kDay + 2).comments, 0);
  EXPECT_EQ(store_->articles().GetCounters(article_)->comments, 0);
}

TEST_F(DayTotalsTest, ReadersEngageWithPublicArticlesOnly) {
  auto connection = store_->pool().Acquire();
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE((*connection)->Exec("UPDATE articles SET status = 'draft'").ok());
  EXPECT_EQ(store_->likes().Like(article_, model::Liker::Visitor(1), 1, kDay).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->shares().Add(article_, "x", 30, kDay).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->comments().Create(Comment(model::CommentStatus::kPublished), kDay).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(store_->day_totals().PerDay(kDay, kDay)->empty());
}

TEST_F(DayTotalsTest, RankingsBySectionSourceAndArticle) {
  model::NewArticle b;
  b.title = "Lain";
  b.source = "NHK";
  b.body_html = "<p>y</p>";
  auto other = store_->articles().Insert(b);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(store_->articles().AddViews({{article_, 3}, {*other, 8}}, kDay).ok());
  ASSERT_TRUE(store_->articles().AddViews({{article_, 9}}, kDay + 1).ok());
  auto top = store_->day_totals().TopArticles(kDay, kDay, 10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ(top->front().id, *other);
  EXPECT_EQ(top->front().name, "Lain");
  top = store_->day_totals().TopArticles(kDay, kDay + 1, 10);
  EXPECT_EQ(top->front().id, article_);
  EXPECT_EQ(top->front().totals.views, 12);
  auto sources = store_->day_totals().BySource(kDay, kDay + 1);
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ(sources->front().name, "KYODO");
  auto sections = store_->day_totals().BySection(kDay, kDay + 1);
  ASSERT_EQ(sections->size(), 1u);
  EXPECT_EQ(sections->front().id, 0);
  EXPECT_EQ(sections->front().totals.views, 20);
  EXPECT_EQ(store_->day_totals().PerDay(kDay + 1, kDay).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace warta::storage::sqlite
