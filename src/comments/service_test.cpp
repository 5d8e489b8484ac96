// The comment rules against a real SQLite store.
#include "comments/service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::comments {
namespace {

// A classifier that calls anything with "casino" spam and remembers what it was taught.
class KeywordSpam final : public SpamCheck {
 public:
  double SpamProbability(std::string_view text) override {
    return text.find("casino") != std::string_view::npos ? 0.99 : 0.01;
  }
  void Learn(std::string_view text, bool is_spam) override {
    learned.emplace_back(std::string(text), is_spam);
  }
  std::vector<std::pair<std::string, bool>> learned;
};

class CommentServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(dir_.File("warta.db"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate().ok());
    model::NewArticle a;
    a.title = "Artikel";
    a.body_html = "<p>Isi</p>";
    a.initial.comments = 7;  // ignored: the counter follows the stored comments
    auto id = store_->articles().Insert(a);
    ASSERT_TRUE(id.ok());
    article_ = *id;
    reader_ = User("budi", model::Role::kReader);
    other_ = User("sari", model::Role::kReader);
    moderator_ = User("mod", model::Role::kModerator);
    moderator_.moderator = true;
  }

  Actor User(const std::string& name, model::Role role) {
    model::NewUser user;
    user.name = name;
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    user.role = role;
    auto id = store_->users().Create(user);
    EXPECT_TRUE(id.ok());
    return Actor{id.ok() ? *id : 0, name, false};
  }

  CommentService Service(CommentOptions options = {}) {
    return CommentService(*store_, options, &spam_);
  }

  Result<model::CommentChange> Post(CommentService& s, const Actor& who, std::string body,
                                    std::int64_t parent = 0, std::int64_t now = 1000) {
    NewPost post;
    post.article_id = article_;
    post.article_published_at = 0;
    post.parent_id = parent;
    post.body = std::move(body);
    return s.Post(who, post, now);
  }

  std::int64_t StoredCount() {
    auto c = store_->articles().GetCounters(article_);
    return c.ok() ? c->comments : -1;
  }

  storage::test_util::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  KeywordSpam spam_;
  std::int64_t article_ = 0;
  Actor reader_, other_, moderator_;
};

TEST_F(CommentServiceTest, FirstCommentWaitsThenApprovalPublishesAndCounts) {
  CommentService s = Service();
  EXPECT_EQ(StoredCount(), 0);
  auto first = Post(s, reader_, "Komentar pertama");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->comment.status, model::CommentStatus::kPending);
  EXPECT_EQ(first->comment.reason, model::PendingReason::kFirst);
  EXPECT_EQ(first->counters.comments, 0);
  EXPECT_FALSE(s.Approve(reader_, first->comment.id, 1001).ok());  // readers cannot
  auto approved = s.Approve(moderator_, first->comment.id, 1001);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->counters.comments, 1);
  ASSERT_EQ(spam_.learned.size(), 1u);
  EXPECT_FALSE(spam_.learned[0].second);
  auto second = Post(s, reader_, "Komentar kedua");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->comment.status, model::CommentStatus::kPublished);
  EXPECT_EQ(StoredCount(), 2);
  auto log = store_->comments().ListLog(10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].action, model::ModerationAction::kApprove);
  EXPECT_EQ((*log)[0].moderator_name, "mod");
  EXPECT_EQ((*log)[0].target_name, "budi");
}

TEST_F(CommentServiceTest, LinksAndSpamWaitModeratorsDoNot) {
  CommentOptions options;
  options.moderate_first = false;
  CommentService s = Service(options);
  auto link = Post(s, reader_, "lihat https://example.com");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->comment.reason, model::PendingReason::kLink);
  auto casino = Post(s, reader_, "best casino here");
  ASSERT_TRUE(casino.ok());
  EXPECT_EQ(casino->comment.reason, model::PendingReason::kLikelySpam);
  auto rejected = s.Reject(moderator_, casino->comment.id, /*spam=*/true, 1001);
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->comment.status, model::CommentStatus::kSpam);
  ASSERT_EQ(spam_.learned.size(), 1u);
  EXPECT_TRUE(spam_.learned[0].second);
  auto mod = Post(s, moderator_, "lihat https://example.com");
  ASSERT_TRUE(mod.ok());
  EXPECT_EQ(mod->comment.status, model::CommentStatus::kPublished);
  EXPECT_EQ(StoredCount(), 1);
}

TEST_F(CommentServiceTest, SizeEmptyLoginBanAndClosedRules) {
  CommentOptions options;
  options.moderate_first = false;
  options.max_chars = 10;
  CommentService s = Service(options);
  EXPECT_EQ(Post(s, reader_, "   \n").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Post(s, reader_, "sebelas kar").error().code, ErrorCode::kTooLarge);
  EXPECT_TRUE(Post(s, reader_, "日本語日本語日本語日").ok());  // 10 code points, 30 bytes
  EXPECT_EQ(Post(s, Actor{}, "anonim").error().user_key, "comment_error_login");
  ASSERT_TRUE(s.Ban(moderator_, reader_.user_id, true, 1000).ok());
  EXPECT_EQ(Post(s, reader_, "lagi").error().user_key, "comment_error_banned");
  EXPECT_EQ(s.Ban(moderator_, moderator_.user_id, true, 1000).error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(s.SetClosed(moderator_, article_, true, 1000).ok());
  EXPECT_EQ(Post(s, other_, "tutup?").error().user_key, "comment_error_closed");
  ASSERT_TRUE(s.SetClosed(moderator_, article_, false, 1000).ok());
  EXPECT_TRUE(Post(s, other_, "buka").ok());
  NewPost missing;
  missing.article_id = 999999;
  missing.body = "x";
  EXPECT_EQ(s.Post(other_, missing, 1000).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(StoredCount(), 2);
}

TEST_F(CommentServiceTest, ClosedByAgeAndAnonymousWhenAllowed) {
  CommentOptions options;
  options.close_after_days = 2;
  options.anonymous = true;
  CommentService s = Service(options);
  NewPost post;
  post.article_id = article_;
  post.article_published_at = 0;
  post.body = "lama";
  EXPECT_EQ(s.Post(reader_, post, 3 * 86400).error().user_key, "comment_error_closed");
  auto anon = s.Post(Actor{}, post, 86400);
  ASSERT_TRUE(anon.ok());
  EXPECT_EQ(anon->comment.status, model::CommentStatus::kPending);
  EXPECT_EQ(anon->comment.user_id, 0);
}

TEST_F(CommentServiceTest, RepliesDeeperThanTheBoundJoinTheDeepestAncestor) {
  CommentOptions options;
  options.moderate_first = false;
  options.max_depth = 3;
  CommentService s = Service(options);
  std::int64_t parent = 0;
  std::vector<model::Comment> made;
  for (int i = 0; i < 5; ++i) {
    auto c = Post(s, reader_, "balasan " + std::to_string(i), parent);
    ASSERT_TRUE(c.ok()) << c.error().message;
    made.push_back(c->comment);
    parent = c->comment.id;
  }
  EXPECT_EQ(made[1].depth, 1);
  EXPECT_EQ(made[2].depth, 2);
  EXPECT_EQ(made[3].depth, 2);
  EXPECT_EQ(made[3].parent_id, made[1].id);
  EXPECT_EQ(made[4].parent_id, made[1].id);
  EXPECT_EQ(Post(s, reader_, "x", 424242).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(CommentServiceTest, EditWindowOwnershipAndSoftDelete) {
  CommentOptions options;
  options.moderate_first = false;
  CommentService s = Service(options);
  auto c = Post(s, reader_, "versi satu", 0, 1000);
  ASSERT_TRUE(c.ok());
  const std::int64_t id = c->comment.id;
  auto edited = s.Edit(reader_, id, "versi **dua**", 1000 + 14 * 60);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->comment.body_html, "<p>versi <strong>dua</strong></p>");
  EXPECT_EQ(edited->comment.edited_at, 1000 + 14 * 60);
  EXPECT_EQ(s.Edit(reader_, id, "terlambat", 1000 + 16 * 60).error().user_key,
            "comment_error_edit_window");
  EXPECT_EQ(s.Edit(other_, id, "bukan milikku", 1001).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(s.Delete(other_, id, 1001).error().code, ErrorCode::kPermissionDenied);
  auto link = s.Edit(reader_, id, "kini https://example.com", 1002);
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->comment.status, model::CommentStatus::kPending);
  EXPECT_EQ(link->counters.comments, 0);
  ASSERT_TRUE(s.Approve(moderator_, id, 1003).ok());
  auto reply = Post(s, other_, "balas", id);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(StoredCount(), 2);
  auto deleted = s.Delete(reader_, id, 1004);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->comment.status, model::CommentStatus::kDeleted);
  EXPECT_EQ(deleted->comment.body_source, "");
  EXPECT_EQ(deleted->counters.comments, 1);
  EXPECT_EQ(s.Delete(reader_, id, 1005).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(s.Approve(moderator_, id, 1006).ok());  // an author's deletion stands
  auto by_mod = s.Delete(moderator_, reply->comment.id, 1007);
  ASSERT_TRUE(by_mod.ok());
  EXPECT_EQ(StoredCount(), 0);
}

TEST_F(CommentServiceTest, ReportsOncePerReaderAndQueueAtTheThreshold) {
  CommentOptions options;
  options.moderate_first = false;
  options.report_threshold = 2;
  CommentService s = Service(options);
  auto c = Post(s, reader_, "kontroversial");
  ASSERT_TRUE(c.ok());
  const std::int64_t id = c->comment.id;
  EXPECT_EQ(s.Report(Actor{}, id, 1001).error().code, ErrorCode::kPermissionDenied);
  auto r1 = s.Report(other_, id, 1001);
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(r1->first);
  auto again = s.Report(other_, id, 1002);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->first);
  EXPECT_EQ(again->change.comment.reports, 1);
  EXPECT_EQ(again->change.comment.status, model::CommentStatus::kPublished);
  auto r2 = s.Report(moderator_, id, 1003);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->change.comment.status, model::CommentStatus::kPending);
  EXPECT_EQ(r2->change.comment.reason, model::PendingReason::kReports);
  EXPECT_EQ(StoredCount(), 0);
  auto queue = store_->comments().ListQueue(10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, id);
}

TEST_F(CommentServiceTest, CountStaysExactUnderConcurrentPostsAndDeletes) {
  CommentOptions options;
  options.moderate_first = false;
  CommentService s = Service(options);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  std::vector<std::int64_t> ids(40);
  for (int t = 0; t < 40; ++t) {
    threads.emplace_back([&, t] {
      auto c = Post(s, t % 2 == 0 ? reader_ : other_, "komentar " + std::to_string(t));
      if (!c.ok()) {
        ++failures;
        return;
      }
      ids[static_cast<std::size_t>(t)] = c->comment.id;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(StoredCount(), 40);
  threads.clear();
  for (int t = 0; t < 10; ++t) {
    threads.emplace_back([&, t] {
      if (!s.Delete(moderator_, ids[static_cast<std::size_t>(t)], 2000).ok()) ++failures;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(StoredCount(), 30);
  auto listed = store_->comments().ListForArticle(article_, false, 1000);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 40u);  // deleted ones stay as placeholders, without text
}

}  // namespace
}  // namespace warta::comments
