// The comments section of the article page and of its thread pages: template data from an
// article's comments, arranged by comments/thread.h. The article page renders it once per
// article version (inside the cached, spliced page); what differs per reader (their id,
// role, a notice) is filled through slots, and CSS shows each reader only the actions they
// may take. Every action is a plain HTML form with the CSRF token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "comments/options.h"
#include "comments/thread.h"
#include "core/result.h"
#include "model/article.h"
#include "model/comment.h"
#include "model/media.h"
#include "storage/tag_store.h"
#include "view/templates.h"
#include "web/cache/spliced_page.h"
#include "web/context.h"
#include "web/site.h"

namespace warta::web {

struct ArticleNewsroom;  // web/view_models/article_newsroom.h

// What the article page needs to show its comments, loaded when it is rendered.
// Every comment of an article that a page loads: far more than any thread has, so only
// abuse is cut off.
inline constexpr int kMaxCommentsLoaded = 20'000;

struct CommentsRender {
  std::vector<model::Comment> comments;  // published and placeholders, oldest first
  bool closed = false;
  comments::CommentOptions options;
  int page = 1;
  bool newest_first = false;
};

// Loads the comments of `article` (a database read: only when a page is rendered, never per
// view). Comments off (no service): an empty, closed section.
Result<CommentsRender> LoadCommentsRender(CommentServices* services, const model::Article& article,
                                          std::int64_t now);

// Sets the comments section's keys in `data`: the thread (one page), pagination and order
// links, the form or the login link, the feed link. viewer_id / viewer_role / notice are
// the values to print (slot markers for the cached article page).
void FillCommentsSection(const Site& site, const model::Article& article, const std::string& path,
                         const CommentsRender& render, view::Data& data);

// The article page with its comments and related articles, as at `now` (whether comments
// are closed by age): the renderer of the article cache.
Result<SplicedPage> RenderArticleWithComments(
    const Site& site, CommentServices* services, const model::Article& article,
    const std::string& path, const std::vector<storage::RelatedArticle>& related, std::int64_t now,
    const ArticleNewsroom* newsroom = nullptr, const model::Media* lead = nullptr);

// The localized notice for ?comment=CODE after a form post: pending, published, edited,
// deleted, reported, closed, or error_<name> for the comment_error_<name> messages; "" for
// anything else (the query is the reader's input: it only selects a catalog string).
std::string CommentNoticeText(const Site& site, std::string_view code);

// Thread pages of an article: "{path}/komentar".
std::string CommentsPagePath(const std::string& article_path);
std::string CommentsFeedPath(const std::string& article_path);

}  // namespace warta::web
