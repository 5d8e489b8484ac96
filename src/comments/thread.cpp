#include "comments/thread.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace warta::comments {
namespace {

struct Tree {
  std::unordered_map<std::int64_t, std::size_t> index;                  // id -> position
  std::unordered_map<std::int64_t, std::vector<std::size_t>> children;  // parent id -> kids
  std::vector<std::size_t> roots;
  std::vector<char> visible;
};

// Marks every comment that is published or has a published descendant. Iterative, so a
// hostile chain of replies cannot overflow the stack.
void MarkVisible(const std::vector<model::Comment>& comments, Tree& tree) {
  tree.visible.assign(comments.size(), 0);
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (comments[i].status != model::CommentStatus::kPublished) continue;
    std::size_t at = i;
    while (tree.visible[at] == 0) {
      tree.visible[at] = 1;
      auto parent = tree.index.find(comments[at].parent_id);
      if (comments[at].parent_id == 0 || parent == tree.index.end()) break;
      at = parent->second;
    }
  }
}

Tree BuildTree(const std::vector<model::Comment>& comments) {
  Tree tree;
  for (std::size_t i = 0; i < comments.size(); ++i) tree.index[comments[i].id] = i;
  std::vector<std::size_t> order(comments.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return comments[a].id < comments[b].id; });
  for (std::size_t i : order) {
    const model::Comment& c = comments[i];
    // A parent that is missing (or, by a bad row, not older) makes the reply a root.
    auto parent = tree.index.find(c.parent_id);
    if (c.parent_id == 0 || parent == tree.index.end() || c.parent_id >= c.id) {
      tree.roots.push_back(i);
    } else {
      tree.children[c.parent_id].push_back(i);
    }
  }
  MarkVisible(comments, tree);
  return tree;
}

void AppendThread(const std::vector<model::Comment>& comments, const Tree& tree, std::size_t root,
                  std::vector<ThreadEntry>& out) {
  std::vector<std::pair<std::size_t, int>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [at, depth] = stack.back();
    stack.pop_back();
    const model::Comment& c = comments[at];
    out.push_back(ThreadEntry{&c, depth, c.status != model::CommentStatus::kPublished});
    auto kids = tree.children.find(c.id);
    if (kids == tree.children.end()) continue;
    // Pushed last to first, so the first reply comes off the stack first.
    const std::vector<std::size_t>& replies = kids->second;
    for (std::size_t i = replies.size(); i-- > 0;) {
      if (tree.visible[replies[i]] != 0) stack.emplace_back(replies[i], depth + 1);
    }
  }
}

}  // namespace

ThreadPage BuildThreadPage(const std::vector<model::Comment>& comments, bool newest_first, int page,
                           int page_size) {
  page_size = std::max(page_size, 1);
  Tree tree = BuildTree(comments);
  std::vector<std::size_t> roots;
  for (std::size_t r : tree.roots) {
    if (tree.visible[r] != 0) roots.push_back(r);
  }
  if (newest_first) std::reverse(roots.begin(), roots.end());
  ThreadPage result;
  result.threads = static_cast<int>(roots.size());
  result.pages = std::max(1, (result.threads + page_size - 1) / page_size);
  result.page = std::clamp(page, 1, result.pages);
  const std::size_t first = static_cast<std::size_t>(result.page - 1) * page_size;
  const std::size_t last = std::min(roots.size(), first + static_cast<std::size_t>(page_size));
  for (std::size_t i = first; i < last; ++i) AppendThread(comments, tree, roots[i], result.entries);
  return result;
}

}  // namespace warta::comments
