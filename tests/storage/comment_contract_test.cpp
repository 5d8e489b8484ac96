// Contract: comments and moderation (storage/comment_store.h), on both backends: the
// published count on the article stays exact through every change.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "model/comment.h"
#include "model/liker.h"
#include "model/moderation.h"
#include "model/user.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/comment_store.h"
#include "storage/user_store.h"

namespace warta::storage::contract {
namespace {

using model::CommentStatus;
using model::PendingReason;

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::int64_t kDay = kNow / 86'400;

template <typename Backend>
class CommentContract : public StoreContract<Backend> {
 protected:
  void SetUp() override {
    StoreContract<Backend>::SetUp();
    if (this->IsSkipped() || this->HasFatalFailure()) return;
    model::NewArticle a;
    a.title = "Berita";
    a.published_at = kNow;
    a.body_html = "<p>Isi.</p>";
    auto id = this->store().articles().Insert(a);
    ASSERT_TRUE(id.ok()) << id.error().message;
    article_ = *id;
    auto user = this->store().users().Create(model::NewUser{"siti", "hash", model::Role::kReader});
    ASSERT_TRUE(user.ok());
    user_ = *user;
  }

  model::CommentChange Write(const std::string& text,
                             CommentStatus status = CommentStatus::kPublished,
                             std::int64_t parent = 0) {
    model::NewComment c;
    c.article_id = article_;
    c.parent_id = parent;
    c.user_id = user_;
    c.depth = parent == 0 ? 0 : 1;
    c.body_source = text;
    c.body_html = "<p>" + text + "</p>";
    c.status = status;
    c.reason = status == CommentStatus::kPending ? PendingReason::kFirst : PendingReason::kNone;
    c.created_at = kNow;
    auto change = this->store().comments().Create(c, kDay);
    EXPECT_TRUE(change.ok()) << change.error().message;
    return change.ok() ? *change : model::CommentChange{};
  }

  std::int64_t Published() { return this->store().articles().GetCounters(article_)->comments; }

  std::int64_t article_ = 0;
  std::int64_t user_ = 0;
};
TYPED_TEST_SUITE(CommentContract, Backends, BackendNames);

TYPED_TEST(CommentContract, CreateCountsPublishedOnesAndListsThreads) {
  auto first = this->Write("Halo");
  EXPECT_EQ(first.comment.author, "siti");
  EXPECT_EQ(first.comment.status, CommentStatus::kPublished);
  EXPECT_EQ(first.counters.comments, 1);
  this->Write("Reply", CommentStatus::kPublished, first.comment.id);
  auto held = this->Write("Tunggu", CommentStatus::kPending);
  EXPECT_EQ(held.comment.reason, PendingReason::kFirst);
  EXPECT_EQ(this->Published(), 2);

  auto visible = this->store().comments().ListForArticle(this->article_, false, 100);
  ASSERT_TRUE(visible.ok()) << visible.error().message;
  ASSERT_EQ(visible->size(), 2u);
  EXPECT_EQ((*visible)[1].parent_id, first.comment.id);
  auto all = this->store().comments().ListForArticle(this->article_, true, 100);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  auto queue = this->store().comments().ListQueue(10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, held.comment.id);
  EXPECT_EQ(*this->store().comments().CountPublishedBy(this->user_), 2);

  model::NewComment on_nothing;
  on_nothing.article_id = this->article_ + 100;
  on_nothing.body_source = "x";
  on_nothing.body_html = "x";
  on_nothing.created_at = kNow;
  EXPECT_TRUE(this->store().comments().Create(on_nothing, kDay).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(this->store()
                  .comments()
                  .ListForArticle(this->article_, true, 0)
                  .error()
                  .is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(CommentContract, StatusChangesMoveTheCountAndAreLogged) {
  auto held = this->Write("Tunggu", CommentStatus::kPending);
  model::ModerationEntry approve;
  approve.action = model::ModerationAction::kApprove;
  approve.created_at = kNow + 1;
  auto approved = this->store().comments().SetStatus(held.comment.id, CommentStatus::kPublished,
                                                     PendingReason::kNone, approve, kDay);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->counters.comments, 1);
  model::ModerationEntry remove;
  remove.action = model::ModerationAction::kDelete;
  remove.created_at = kNow + 2;
  auto deleted = this->store().comments().SetStatus(held.comment.id, CommentStatus::kDeleted,
                                                    PendingReason::kNone, remove, kDay);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->counters.comments, 0);
  EXPECT_EQ(deleted->comment.body_source, "");
  auto log = this->store().comments().ListLog(10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].action, model::ModerationAction::kDelete);
  EXPECT_EQ((*log)[0].target_name, "siti");
  EXPECT_TRUE(this->store()
                  .comments()
                  .SetStatus(held.comment.id + 50, CommentStatus::kPublished, PendingReason::kNone,
                             approve, kDay)
                  .error()
                  .is(ErrorCode::kNotFound));
}

TYPED_TEST(CommentContract, EditsAndReportsQueueAComment) {
  auto c = this->Write("Asli");
  auto edited = this->store().comments().UpdateBody(c.comment.id, "Baru", "<p>Baru</p>",
                                                    CommentStatus::kPublished, PendingReason::kNone,
                                                    kNow + 5, kDay);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->comment.body_source, "Baru");
  EXPECT_EQ(edited->comment.edited_at, kNow + 5);
  auto r1 = this->store().comments().Report(c.comment.id, model::Liker::Visitor(1), 2, kNow);
  ASSERT_TRUE(r1.ok()) << r1.error().message;
  EXPECT_TRUE(r1->first);
  EXPECT_FALSE(
      this->store().comments().Report(c.comment.id, model::Liker::Visitor(1), 2, kNow)->first);
  auto r2 = this->store().comments().Report(c.comment.id, model::Liker::Visitor(2), 2, kNow);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->change.comment.status, CommentStatus::kPending);
  EXPECT_EQ(r2->change.comment.reason, PendingReason::kReports);
  EXPECT_EQ(r2->change.comment.reports, 2);
  EXPECT_EQ(this->Published(), 0);
}

TYPED_TEST(CommentContract, BansAndClosedThreadsAreSwitches) {
  CommentStore& comments = this->store().comments();
  model::ModerationEntry ban;
  ban.action = model::ModerationAction::kBan;
  ban.created_at = kNow;
  ASSERT_TRUE(comments.SetBanned(this->user_, true, ban).ok());
  ASSERT_TRUE(comments.SetBanned(this->user_, true, ban).ok());
  EXPECT_TRUE(*comments.IsBanned(this->user_));
  ASSERT_TRUE(comments.SetBanned(this->user_, false, {}).ok());
  EXPECT_FALSE(*comments.IsBanned(this->user_));
  ASSERT_TRUE(comments.SetClosed(this->article_, true, {}).ok());
  EXPECT_TRUE(*comments.IsClosed(this->article_));
  ASSERT_TRUE(comments.SetClosed(this->article_, false, {}).ok());
  EXPECT_FALSE(*comments.IsClosed(this->article_));
  EXPECT_TRUE(comments.SetClosed(this->article_ + 9, true, {}).error().is(ErrorCode::kNotFound));
  EXPECT_EQ(comments.ListLog(10)->size(), 2u);  // only the entries with an action
}

// Two nodes approving and rejecting the same comment at once: it is counted at most once.
TYPED_TEST(CommentContract, ConcurrentModerationKeepsTheCountExact) {
  auto second = this->OpenSecond();
  ASSERT_NE(second, nullptr);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(this->Write("c", CommentStatus::kPending).comment.id);
  auto flip = [&](CommentStore& store, CommentStatus status) {
    for (int round = 0; round < 3; ++round) {
      for (std::int64_t id : ids) {
        auto done = store.SetStatus(id, status, PendingReason::kNone, {}, kDay);
        EXPECT_TRUE(done.ok()) << done.error().message;
      }
    }
  };
  std::thread a([&] { flip(this->store().comments(), CommentStatus::kPublished); });
  std::thread b([&] { flip(second->comments(), CommentStatus::kRejected); });
  a.join();
  b.join();
  auto all = this->store().comments().ListForArticle(this->article_, true, 100);
  ASSERT_TRUE(all.ok());
  std::int64_t published = 0;
  for (const auto& c : *all) published += c.status == CommentStatus::kPublished ? 1 : 0;
  EXPECT_EQ(this->Published(), published);
}

}  // namespace
}  // namespace warta::storage::contract
