// Comments, reports, bans, closed threads and the moderation log on a real SQLite file.
#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

class SqliteCommentsTest : public test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    model::NewArticle a;
    a.title = "Article";
    a.body_html = "<p>Body</p>";
    auto id = store_->articles().Insert(a);
    ASSERT_TRUE(id.ok());
    article_ = *id;
    model::NewUser user;
    user.name = "budi";
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    auto uid = store_->users().Create(user);
    ASSERT_TRUE(uid.ok());
    user_ = *uid;
  }

  model::NewComment Make(model::CommentStatus status, std::int64_t parent = 0) {
    model::NewComment c;
    c.article_id = article_;
    c.parent_id = parent;
    c.user_id = user_;
    c.body_source = "*hi*";
    c.body_html = "<p><em>hi</em></p>";
    c.status = status;
    c.created_at = 100;
    return c;
  }

  std::int64_t Version() {
    auto a = store_->articles().FindById(article_);
    return a.ok() ? a->version : -1;
  }

  std::int64_t article_ = 0;
  std::int64_t user_ = 0;
};

TEST_F(SqliteCommentsTest, CreateCountsPublishedOnlyAndBumpsTheVersion) {
  CommentStore& comments = store_->comments();
  const std::int64_t v0 = Version();
  auto published = comments.Create(Make(model::CommentStatus::kPublished), 20000);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(published->counters.comments, 1);
  EXPECT_EQ(published->comment.author, "budi");
  EXPECT_EQ(published->comment.body_html, "<p><em>hi</em></p>");
  EXPECT_GT(Version(), v0);
  auto pending =
      comments.Create(Make(model::CommentStatus::kPending, published->comment.id), 20000);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->counters.comments, 1);
  EXPECT_EQ(pending->comment.parent_id, published->comment.id);
  EXPECT_EQ(comments.Create(Make(static_cast<model::CommentStatus>(99)), 20000).error().code,
            ErrorCode::kInvalidArgument);
  model::NewComment orphan = Make(model::CommentStatus::kPublished);
  orphan.article_id = 4242;
  EXPECT_EQ(comments.Create(orphan, 20000).error().code, ErrorCode::kNotFound);
  auto count = comments.CountPublishedBy(user_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
}

TEST_F(SqliteCommentsTest, StatusChangesMoveTheCounterByTheirDeltaAndAreLogged) {
  CommentStore& comments = store_->comments();
  auto c = comments.Create(Make(model::CommentStatus::kPending), 20000);
  ASSERT_TRUE(c.ok());
  const std::int64_t id = c->comment.id;
  model::ModerationEntry log;
  log.moderator_id = user_;
  log.action = model::ModerationAction::kApprove;
  log.created_at = 200;
  auto approved = comments.SetStatus(id, model::CommentStatus::kPublished,
                                     model::PendingReason::kNone, log, 20000);
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->counters.comments, 1);
  auto again = comments.SetStatus(id, model::CommentStatus::kPublished, model::PendingReason::kNone,
                                  model::ModerationEntry{}, 20000);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counters.comments, 1);
  auto deleted = comments.SetStatus(id, model::CommentStatus::kDeleted, model::PendingReason::kNone,
                                    model::ModerationEntry{}, 20000);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->counters.comments, 0);
  EXPECT_EQ(deleted->comment.body_source, "");
  EXPECT_EQ(
      comments
          .SetStatus(999, model::CommentStatus::kPublished, model::PendingReason::kNone, log, 20000)
          .error()
          .code,
      ErrorCode::kNotFound);
  auto entries = comments.ListLog(10);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].comment_id, id);
  EXPECT_EQ((*entries)[0].article_id, article_);
  EXPECT_EQ((*entries)[0].target_name, "budi");
}

TEST_F(SqliteCommentsTest, EditsKeepTheRowAndHiddenTextStaysOutOfPublicLists) {
  CommentStore& comments = store_->comments();
  auto c = comments.Create(Make(model::CommentStatus::kPublished), 20000);
  ASSERT_TRUE(c.ok());
  auto edited =
      comments.UpdateBody(c->comment.id, "new", "<p>new</p>", model::CommentStatus::kPublished,
                          model::PendingReason::kNone, 300, 20000);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->comment.edited_at, 300);
  EXPECT_EQ(edited->comment.body_html, "<p>new</p>");
  ASSERT_TRUE(comments.Create(Make(model::CommentStatus::kPending), 20000).ok());
  auto rejected = comments.Create(Make(model::CommentStatus::kRejected), 20000);
  ASSERT_TRUE(rejected.ok());
  auto visible = comments.ListForArticle(article_, false, 100);
  ASSERT_TRUE(visible.ok());
  ASSERT_EQ(visible->size(), 2u);  // the pending one is not listed; the rejected one is blank
  EXPECT_EQ((*visible)[1].body_html, "");
  auto all = comments.ListForArticle(article_, true, 100);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  EXPECT_FALSE(comments.ListForArticle(article_, true, 0).ok());
}

TEST_F(SqliteCommentsTest, ReportsAreOncePerReporterAndQueueAtTheThreshold) {
  CommentStore& comments = store_->comments();
  auto c = comments.Create(Make(model::CommentStatus::kPublished), 20000);
  ASSERT_TRUE(c.ok());
  const std::int64_t id = c->comment.id;
  auto r1 = comments.Report(id, model::Liker::Account(1), 2, 100);
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(r1->first);
  EXPECT_FALSE(comments.Report(id, model::Liker::Account(1), 2, 101)->first);
  auto r2 = comments.Report(id, model::Liker::Account(2), 2, 102);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->change.comment.status, model::CommentStatus::kPending);
  EXPECT_EQ(r2->change.comment.reports, 2);
  EXPECT_EQ(r2->change.counters.comments, 0);
  EXPECT_EQ(comments.Report(id, model::Liker::Account(0), 2, 103).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(comments.Report(777, model::Liker::Account(1), 2, 103).error().code,
            ErrorCode::kNotFound);
  auto queue = comments.ListQueue(10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  // The count agrees with the list: a pending comment joins it, a rejected one does not.
  EXPECT_EQ(comments.CountQueue().value(), 1);
  ASSERT_TRUE(comments.Create(Make(model::CommentStatus::kPending), 20000).ok());
  ASSERT_TRUE(comments.Create(Make(model::CommentStatus::kRejected), 20000).ok());
  EXPECT_EQ(comments.CountQueue().value(), 2);
  EXPECT_EQ(comments.ListQueue(10)->size(), 2u);
}

TEST_F(SqliteCommentsTest, BansAndClosedThreadsAreSwitches) {
  CommentStore& comments = store_->comments();
  model::ModerationEntry log;
  log.action = model::ModerationAction::kBan;
  log.created_at = 5;
  ASSERT_TRUE(comments.SetBanned(user_, true, log).ok());
  ASSERT_TRUE(comments.SetBanned(user_, true, log).ok());  // idempotent
  EXPECT_TRUE(*comments.IsBanned(user_));
  log.action = model::ModerationAction::kUnban;
  ASSERT_TRUE(comments.SetBanned(user_, false, log).ok());
  EXPECT_FALSE(*comments.IsBanned(user_));
  log.action = model::ModerationAction::kClose;
  ASSERT_TRUE(comments.SetClosed(article_, true, log).ok());
  EXPECT_TRUE(*comments.IsClosed(article_));
  EXPECT_EQ(comments.SetClosed(9999, true, log).error().code, ErrorCode::kNotFound);
  auto entries = comments.ListLog(10);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 4u);
}

// Words another program or a newer schema wrote are not guessed at: the read fails loudly.
TEST_F(SqliteCommentsTest, UnknownStoredWordsAreCorrupt) {
  CommentStore& comments = store_->comments();
  auto c = comments.Create(Make(model::CommentStatus::kPending), 20000);
  ASSERT_TRUE(c.ok());
  model::ModerationEntry log;
  log.action = model::ModerationAction::kClose;
  ASSERT_TRUE(comments.SetClosed(article_, true, log).ok());
  {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Exec("UPDATE comments SET reason = 'because'").ok());
    ASSERT_TRUE((*lease)->Exec("UPDATE moderation_log SET action = 'shrug'").ok());
  }
  auto found = comments.FindById(c->comment.id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(comments.ListQueue(10).error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(comments.ListLog(10).error().code, ErrorCode::kCorrupt);
}

// A value cast from a bad integer never reaches a row.
TEST_F(SqliteCommentsTest, ValuesOutsideTheEnumsAreRefused) {
  CommentStore& comments = store_->comments();
  model::NewComment odd = Make(model::CommentStatus::kPending);
  odd.reason = static_cast<model::PendingReason>(42);
  EXPECT_EQ(comments.Create(odd, 20000).error().code, ErrorCode::kInvalidArgument);
  auto c = comments.Create(Make(model::CommentStatus::kPublished), 20000);
  ASSERT_TRUE(c.ok());
  model::ModerationEntry log;
  log.action = static_cast<model::ModerationAction>(42);
  EXPECT_EQ(comments
                .SetStatus(c->comment.id, model::CommentStatus::kRejected,
                           model::PendingReason::kNone, log, 20000)
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  auto kept = comments.FindById(c->comment.id);
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ((*kept)->status, model::CommentStatus::kPublished);  // rolled back with the log
}

}  // namespace
}  // namespace warta::storage::sqlite
