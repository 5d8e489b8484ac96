// Trending scores, tags and related articles on a real SQLite file.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/clock.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

using model::EngagementKind;

constexpr std::int64_t kDay = 86400;

class SqliteTrendingTest : public test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    now_ = UnixNow();
  }

  std::int64_t Add(const std::string& title, std::vector<std::string> tags = {},
                   std::int64_t published_at = 0, model::Counters initial = {}) {
    model::NewArticle a;
    a.title = title;
    a.body_html = "<p>Body of " + title + "</p>";
    a.tags = std::move(tags);
    a.published_at = published_at;
    a.initial = initial;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::vector<PopularArticle> Top(std::vector<std::string> tags = {}, int limit = 10,
                                  std::int64_t max_age = 7 * kDay) {
    PopularQuery query;
    query.limit = limit;
    query.tags = std::move(tags);
    query.published_after = now_ - max_age;
    query.now = UnixNow();
    auto top = store_->trending().Top(query);
    EXPECT_TRUE(top.ok()) << top.error().message;
    return top.ok() ? *top : std::vector<PopularArticle>{};
  }

  static std::vector<std::int64_t> Ids(const std::vector<PopularArticle>& list) {
    std::vector<std::int64_t> ids;
    for (const PopularArticle& a : list) ids.push_back(a.id);
    return ids;
  }

  void Exec(const std::string& sql) {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Exec(sql).ok()) << sql;
  }

  std::int64_t Epoch() {
    auto lease = store_->pool().Acquire();
    EXPECT_TRUE(lease.ok());
    auto scale = ReadTrendingScale(**lease);
    EXPECT_TRUE(scale.ok());
    return scale.ok() ? scale->epoch : 0;
  }

  std::int64_t now_ = 0;
};

TEST_F(SqliteTrendingTest, ArticlesWithoutEngagementAreNotListed) {
  Add("Quiet");
  EXPECT_TRUE(Top().empty());
}

TEST_F(SqliteTrendingTest, FlushedViewsLikesAndSharesRankAnArticle) {
  const std::int64_t a = Add("A");
  const std::int64_t b = Add("B");
  ASSERT_TRUE(store_->articles().AddViews({{a, 3}}, 20000).ok());
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{a}));
  // One like (5) outweighs three views (3); then views (6 in all) bring A back on top.
  ASSERT_TRUE(store_->likes().Like(b, model::Liker::Visitor(1), UnixNow(), 20000).ok());
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{b, a}));
  ASSERT_TRUE(store_->articles().AddViews({{a, 3}}, 20000).ok());
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{a, b}));
  ASSERT_TRUE(store_->shares().Add(b, "whatsapp", UnixNow(), 20000).ok());
  auto top = Top();
  ASSERT_EQ(Ids(top), (std::vector<std::int64_t>{b, a}));
  EXPECT_NEAR(top[0].score, 15.0, 0.01);  // like 5 + share 10, seconds old at most
  EXPECT_NEAR(top[1].score, 6.0, 0.01);
  EXPECT_EQ(top[0].counters.likes, 1);
  EXPECT_EQ(top[0].counters.shares, 1);
}

TEST_F(SqliteTrendingTest, UnlikeTakesBackExactlyWhatTheLikeAdded) {
  const std::int64_t a = Add("A");
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(store_->likes().Like(a, model::Liker::Visitor(7), UnixNow(), 20000).ok());
    ASSERT_TRUE(store_->likes().Unlike(a, model::Liker::Visitor(7), UnixNow()).ok());
  }
  EXPECT_TRUE(Top().empty());  // score back to 0: liking and unliking pumps nothing
  ASSERT_TRUE(store_->likes().Like(a, model::Liker::Visitor(7), UnixNow(), 20000).ok());
  ASSERT_TRUE(store_->likes()
                  .Like(a, model::Liker::Visitor(7), UnixNow(), 20000)
                  .ok());  // idempotent: no second credit
  auto top = Top();
  ASSERT_EQ(top.size(), 1u);
  EXPECT_NEAR(top[0].score, 5.0, 0.01);
}

TEST_F(SqliteTrendingTest, OlderEventsCountLessByTheHalfLife) {
  const std::int64_t a = Add("A");
  const std::int64_t b = Add("B");
  // A: 10 shares two days ago (worth 2.5 now); B: 4 shares now (worth 4).
  ASSERT_TRUE(store_->trending().Credit(a, EngagementKind::kShare, 1, now_ - 2 * kDay).ok());
  ASSERT_TRUE(store_->trending().Credit(b, EngagementKind::kView, 4, now_).ok());
  auto top = Top();
  ASSERT_EQ(Ids(top), (std::vector<std::int64_t>{b, a}));
  EXPECT_NEAR(top[0].score, 4.0, 0.01);
  EXPECT_NEAR(top[1].score, 2.5, 0.01);
}

TEST_F(SqliteTrendingTest, ImportedCountersCountAtThePublicationTime) {
  const std::int64_t old_one = Add("Old", {}, now_ - 3 * kDay, model::Counters{80, 0, 0, 0});
  const std::int64_t fresh = Add("Fresh", {}, now_, model::Counters{20, 0, 0, 0});
  auto top = Top();
  ASSERT_EQ(Ids(top), (std::vector<std::int64_t>{fresh, old_one}));  // 80 / 8 = 10 < 20
  EXPECT_NEAR(top[1].score, 10.0, 0.05);
}

TEST_F(SqliteTrendingTest, TagFilterAndAgeCutoff) {
  const std::int64_t a = Add("A", {"Tokyo", "Politik"});
  const std::int64_t b = Add("B", {"Ekonomi"});
  const std::int64_t old_one = Add("Old", {"Tokyo"}, now_ - 10 * kDay);
  for (std::int64_t id : {a, b, old_one}) {
    ASSERT_TRUE(store_->trending().Credit(id, EngagementKind::kLike, 1, now_).ok());
  }
  EXPECT_EQ(Ids(Top({"Tokyo"})), (std::vector<std::int64_t>{a}));
  // Equal scores: the newer id first.
  EXPECT_EQ(Ids(Top({"Tokyo"}, 10, 30 * kDay)), (std::vector<std::int64_t>{old_one, a}));
  EXPECT_EQ(Ids(Top({"Ekonomi", "Politik"})), (std::vector<std::int64_t>{b, a}));
  EXPECT_TRUE(Top({"Nothing"}).empty());
  EXPECT_EQ(Top({}, 1).size(), 1u);
}

TEST_F(SqliteTrendingTest, BadArgumentsAreErrorsNotCrashes) {
  EXPECT_EQ(store_->trending().Credit(999, EngagementKind::kComment, 1, now_).error().code,
            ErrorCode::kNotFound);
  const std::int64_t a = Add("A");
  EXPECT_EQ(store_->trending().Credit(a, EngagementKind::kComment, -1, now_).error().code,
            ErrorCode::kInvalidArgument);
  PopularQuery query;
  query.limit = 0;
  EXPECT_EQ(store_->trending().Top(query).error().code, ErrorCode::kInvalidArgument);
  model::TrendingPolicy bad;
  bad.half_life_seconds = 0;
  EXPECT_EQ(store_->trending().SetPolicy(bad, now_).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(SqliteTrendingTest, CommentsCreditThroughTheStore) {
  const std::int64_t a = Add("A");
  const std::int64_t b = Add("B");
  ASSERT_TRUE(store_->trending().Credit(a, EngagementKind::kShare, 1, now_).ok());    // 10
  ASSERT_TRUE(store_->trending().Credit(b, EngagementKind::kComment, 2, now_).ok());  // 16
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{b, a}));
}

TEST_F(SqliteTrendingTest, PublishedCommentsRankAndTakingThemBackRemovesTheirCredit) {
  const std::int64_t quiet = Add("Quiet");
  const std::int64_t talked = Add("Talked about");
  ASSERT_TRUE(store_->trending().Credit(quiet, EngagementKind::kLike, 1, now_).ok());  // 5
  model::NewComment comment;
  comment.article_id = talked;
  comment.body_source = "hi";
  comment.body_html = "<p>hi</p>";
  comment.created_at = now_;
  comment.status = model::CommentStatus::kPending;
  auto pending = store_->comments().Create(comment, 20000);
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{quiet}));  // held comments count nothing

  model::ModerationEntry log;
  log.action = model::ModerationAction::kApprove;
  ASSERT_TRUE(store_->comments()
                  .SetStatus(pending->comment.id, model::CommentStatus::kPublished,
                             model::PendingReason::kNone, log, 20000)
                  .ok());
  comment.status = model::CommentStatus::kPublished;
  auto second = store_->comments().Create(comment, 20000);
  ASSERT_TRUE(second.ok()) << second.error().message;
  auto top = Top();
  ASSERT_EQ(Ids(top), (std::vector<std::int64_t>{talked, quiet}));
  EXPECT_NEAR(top[0].score, 16.0, 0.05);  // two comments at 8

  log.action = model::ModerationAction::kDelete;
  ASSERT_TRUE(store_->comments()
                  .SetStatus(second->comment.id, model::CommentStatus::kDeleted,
                             model::PendingReason::kNone, log, 20000)
                  .ok());
  log.action = model::ModerationAction::kSpam;
  ASSERT_TRUE(store_->comments()
                  .SetStatus(pending->comment.id, model::CommentStatus::kSpam,
                             model::PendingReason::kNone, log, 20000)
                  .ok());
  EXPECT_EQ(Ids(Top()), (std::vector<std::int64_t>{quiet}));  // back to no score at all
}

TEST_F(SqliteTrendingTest, ChangingTheHalfLifeKeepsTodaysScores) {
  const std::int64_t a = Add("A");
  ASSERT_TRUE(store_->trending().Credit(a, EngagementKind::kShare, 1, now_ - kDay).ok());
  EXPECT_NEAR(Top()[0].score, 5.0, 0.01);
  model::TrendingPolicy policy;
  policy.half_life_seconds = kDay / 2;
  ASSERT_TRUE(store_->trending().SetPolicy(policy, UnixNow()).ok());
  EXPECT_NEAR(Top()[0].score, 5.0, 0.01);  // the same value now, decaying faster from here
  EXPECT_EQ(store_->trending().policy().half_life_seconds, kDay / 2);
}

TEST_F(SqliteTrendingTest, RebaseBeforeOverflowKeepsOrderAndScores) {
  const std::int64_t a = Add("A");
  const std::int64_t b = Add("B");
  model::TrendingPolicy policy;
  policy.half_life_seconds = 60;
  ASSERT_TRUE(store_->trending().SetPolicy(policy, now_).ok());
  // Pretend the epoch is 2000 half-lives old: without a rebase 2^2000 would overflow.
  Exec("UPDATE trending_state SET epoch_at = " + std::to_string(now_ - 2000 * 60));
  ASSERT_TRUE(store_->trending().Credit(a, EngagementKind::kShare, 1, now_).ok());
  EXPECT_GE(Epoch(), now_);
  ASSERT_TRUE(store_->trending().Credit(b, EngagementKind::kLike, 1, now_).ok());
  auto top = Top();
  ASSERT_EQ(Ids(top), (std::vector<std::int64_t>{a, b}));
  EXPECT_TRUE(std::isfinite(top[0].score));
  EXPECT_NEAR(top[0].score, 10.0, 2.0);  // seconds pass between credit and read
}

TEST_F(SqliteTrendingTest, TagListingsAndCounts) {
  const std::int64_t a = Add("A", {"Tokyo", "Politik"}, now_ - 30);
  const std::int64_t b = Add("B", {"Tokyo"}, now_ - 20);
  const std::int64_t c = Add("C", {"tokyo"}, now_ - 10);
  auto tags = store_->tags().ListTags(10);
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 3u);
  EXPECT_EQ((*tags)[0].tag, "Tokyo");
  EXPECT_EQ((*tags)[0].articles, 2);

  auto listed = store_->tags().ListByTags({"Tokyo", "tokyo"}, 2, 0);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, c);
  EXPECT_EQ((*listed)[1].id, b);
  auto second = store_->tags().ListByTags({"Tokyo", "tokyo"}, 2, 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].id, a);
  EXPECT_TRUE(store_->tags().ListByTags({"Tokyo"}, 2, 100)->empty());
  EXPECT_EQ(*store_->tags().CountByTags({"Tokyo", "tokyo"}, 1000), 3);
  EXPECT_EQ(*store_->tags().CountByTags({"None"}, 1000), 0);
  EXPECT_EQ(store_->tags().ListByTags({}, 2, 0).error().code, ErrorCode::kInvalidArgument);

  auto of = store_->tags().TagsOf({a, c, 999});
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of->size(), 2u);
  EXPECT_EQ((*of)[0].first, a);
  EXPECT_EQ((*of)[0].second, (std::vector<std::string>{"Tokyo", "Politik"}));
}

TEST_F(SqliteTrendingTest, RelatedPutsTheStoryFirstThenTagsThenTitles) {
  const std::int64_t subject = Add("Earthquake shakes northern Japan coast", {"Gempa", "Jepang"});
  const std::int64_t same_story = Add("Quake report", {});
  const std::int64_t two_tags = Add("Aftershocks expected", {"Gempa", "Jepang"}, now_ - kDay);
  const std::int64_t one_tag = Add("Tourism numbers", {"Jepang"});
  const std::int64_t title_only = Add("Northern Japan coast cleanup begins", {});
  Add("Unrelated recipe", {"Kuliner"});
  ASSERT_TRUE(store_->articles().JoinStory(same_story, subject).ok());

  auto related = store_->tags().Related(subject, 5, 30 * kDay);
  ASSERT_TRUE(related.ok()) << related.error().message;
  std::vector<std::int64_t> ids;
  std::vector<RelatedReason> reasons;
  for (const RelatedArticle& r : *related) {
    ids.push_back(r.id);
    reasons.push_back(r.reason);
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{same_story, two_tags, one_tag, title_only}));
  EXPECT_EQ(reasons, (std::vector<RelatedReason>{RelatedReason::kStory, RelatedReason::kTags,
                                                 RelatedReason::kTags, RelatedReason::kTitle}));
  auto capped = store_->tags().Related(subject, 2, 30 * kDay);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->size(), 2u);
  EXPECT_EQ(store_->tags().Related(999, 5, kDay).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace warta::storage::sqlite
