#include "comments/thread.h"

#include <gtest/gtest.h>

namespace warta::comments {
namespace {

model::Comment C(std::int64_t id, std::int64_t parent,
                 model::CommentStatus status = model::CommentStatus::kPublished) {
  model::Comment c;
  c.id = id;
  c.parent_id = parent;
  c.status = status;
  return c;
}

std::vector<std::int64_t> Ids(const ThreadPage& page) {
  std::vector<std::int64_t> ids;
  for (const ThreadEntry& e : page.entries) ids.push_back(e.comment->id);
  return ids;
}

TEST(Thread, RepliesFollowTheirParentDepthFirst) {
  std::vector<model::Comment> all = {C(1, 0), C(2, 0), C(3, 1), C(4, 3), C(5, 1), C(6, 2)};
  ThreadPage page = BuildThreadPage(all, false, 1, 20);
  EXPECT_EQ(Ids(page), (std::vector<std::int64_t>{1, 3, 4, 5, 2, 6}));
  EXPECT_EQ(page.entries[2].depth, 2);
  EXPECT_EQ(page.threads, 2);
  ThreadPage newest = BuildThreadPage(all, true, 1, 20);
  EXPECT_EQ(Ids(newest), (std::vector<std::int64_t>{2, 6, 1, 3, 4, 5}));
}

TEST(Thread, HiddenCommentsStayAsPlaceholdersOnlyAboveVisibleReplies) {
  std::vector<model::Comment> all = {
      C(1, 0, model::CommentStatus::kDeleted), C(2, 1), C(3, 0, model::CommentStatus::kDeleted),
      C(4, 0, model::CommentStatus::kPending), C(5, 3, model::CommentStatus::kRejected)};
  ThreadPage page = BuildThreadPage(all, false, 1, 20);
  ASSERT_EQ(Ids(page), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(page.entries[0].placeholder);
  EXPECT_FALSE(page.entries[1].placeholder);
  EXPECT_EQ(page.threads, 1);
}

TEST(Thread, PagesCountTopLevelThreads) {
  std::vector<model::Comment> all;
  for (int i = 1; i <= 45; ++i) all.push_back(C(i, 0));
  all.push_back(C(100, 1));
  ThreadPage first = BuildThreadPage(all, false, 1, 20);
  EXPECT_EQ(first.pages, 3);
  EXPECT_EQ(first.entries.size(), 21u);  // 20 threads, one with a reply
  ThreadPage last = BuildThreadPage(all, false, 3, 20);
  EXPECT_EQ(Ids(last), (std::vector<std::int64_t>{41, 42, 43, 44, 45}));
  EXPECT_EQ(BuildThreadPage(all, false, 99, 20).page, 3);
  EXPECT_EQ(BuildThreadPage(all, false, -5, 20).page, 1);
  EXPECT_EQ(BuildThreadPage({}, false, 1, 20).pages, 1);
}

TEST(Thread, OrphansAndLongChainsAreSafe) {
  std::vector<model::Comment> all = {C(5, 3)};  // parent missing
  EXPECT_EQ(Ids(BuildThreadPage(all, false, 1, 20)), (std::vector<std::int64_t>{5}));
  std::vector<model::Comment> chain;
  for (int i = 1; i <= 100000; ++i) chain.push_back(C(i, i - 1));
  ThreadPage page = BuildThreadPage(chain, false, 1, 20);
  EXPECT_EQ(page.entries.size(), 100000u);
}

}  // namespace
}  // namespace warta::comments
