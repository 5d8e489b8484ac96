#include "web/view_models/comment_view.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "web/handlers.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

// Threads longer than this are not shown in full on one page; pages hold page_size threads.

std::string CommentApi(std::int64_t id, std::string_view action) {
  std::string path = "/api/v1/comments/" + std::to_string(id);
  if (!action.empty()) path += "/" + std::string(action);
  return path;
}

view::Data CommentItem(const Site& site, const model::Comment& c, const comments::ThreadEntry& e,
                       const std::string& parent_author) {
  view::Data item;
  item.set("id", std::to_string(c.id));
  item.set("depth", std::to_string(std::min(e.depth, 9)));
  item.set("placeholder", e.placeholder);
  item.set("reply_to", parent_author);
  if (e.placeholder) return item;
  item.set("author", c.author);
  if (c.user_id != 0) item.set("author_id", std::to_string(c.user_id));
  item.set("created_unix", std::to_string(c.created_at));
  item.set("created_iso", i18n::Formatter::Iso8601Utc(c.created_at));
  item.set("created_text", site.formatter().DateTime(c.created_at));
  item.set("edited", c.edited_at != 0);
  item.set("comment_html", c.body_html);  // rendered from Markdown and sanitized on write
  item.set("body_source", c.body_source);
  item.set("edit_action", CommentApi(c.id, "edit"));
  item.set("delete_action", CommentApi(c.id, "delete"));
  item.set("report_action", CommentApi(c.id, "report"));
  item.set("ban_action", CommentApi(c.id, "ban"));
  return item;
}

std::string PageUrl(const std::string& path, int page, bool newest_first) {
  std::string url = CommentsPagePath(path) + "?page=" + std::to_string(page);
  if (newest_first) url += "&order=newest";
  return url + "#comments";
}

constexpr std::string_view kNotices[] = {"pending", "published", "edited", "deleted", "reported"};
constexpr std::string_view kErrors[] = {"empty",     "too_long",    "invalid",      "login",
                                        "banned",    "closed",      "parent",       "not_found",
                                        "not_yours", "edit_window", "rate_limited", "failed"};

}  // namespace

std::string CommentNoticeText(const Site& site, std::string_view code) {
  for (std::string_view notice : kNotices) {
    if (code == notice) return site.T("comment_notice_" + std::string(notice));
  }
  if (code.substr(0, 6) == "error_") {
    for (std::string_view error : kErrors) {
      if (code.substr(6) == error) return site.T("comment_error_" + std::string(error));
    }
  }
  return "";
}

std::string CommentsPagePath(const std::string& article_path) { return article_path + "/komentar"; }
std::string CommentsFeedPath(const std::string& article_path) {
  return article_path + "/comments.xml";
}

Result<CommentsRender> LoadCommentsRender(CommentServices* services, const model::Article& article,
                                          std::int64_t now) {
  CommentsRender render;
  if (services == nullptr) {
    render.closed = true;
    return render;
  }
  render.options = services->service.options();
  render.newest_first = render.options.newest_first;
  auto closed = services->service.IsClosed(article.id, article.published_at, now);
  if (!closed.ok()) return closed.error();
  render.closed = *closed;
  auto listed = services->service.store().ListForArticle(article.id, false, kMaxCommentsLoaded);
  if (!listed.ok()) return listed.error();
  render.comments = std::move(listed).value();
  return render;
}

void FillCommentsSection(const Site& site, const model::Article& article, const std::string& path,
                         const CommentsRender& render, view::Data& data) {
  comments::ThreadPage page = comments::BuildThreadPage(render.comments, render.newest_first,
                                                        render.page, render.options.page_size);
  std::unordered_map<std::int64_t, const model::Comment*> by_id;
  for (const model::Comment& c : render.comments) by_id[c.id] = &c;
  view::Data list = view::MakeList();
  for (const comments::ThreadEntry& e : page.entries) {
    std::string parent_author;
    auto parent = by_id.find(e.comment->parent_id);
    if (parent != by_id.end() && parent->second->status == model::CommentStatus::kPublished) {
      parent_author =
          parent->second->author.empty() ? site.T("comment_anonymous") : parent->second->author;
    }
    list.push_back(CommentItem(site, *e.comment, e, parent_author));
  }
  data.set("comments", list);
  data.set("has_comments", !page.entries.empty());
  const std::string action = "/api/v1/articles/" + std::to_string(article.id) + "/comments";
  data.set("comment_action", action);
  data.set("comments_open", !render.closed);
  data.set("comments_anonymous", render.options.anonymous);
  data.set("comment_max_length", std::to_string(render.options.max_chars));
  data.set("edit_window_seconds", std::to_string(std::int64_t{render.options.edit_minutes} * 60));
  data.set("login_url", "/login?next=" + PercentEncode(path + "#comments"));
  data.set("comments_feed_url", CommentsFeedPath(path));
  data.set("comments_page_url", CommentsPagePath(path));
  data.set("article_path", path);
  if (page.pages > 1) {
    view::Data pager;
    if (page.page > 1) pager.set("prev_url", PageUrl(path, page.page - 1, render.newest_first));
    if (page.page < page.pages) {
      pager.set("next_url", PageUrl(path, page.page + 1, render.newest_first));
    }
    pager.set("page_text", std::to_string(page.page) + " / " + std::to_string(page.pages));
    data.set("comments_pager", pager);
  }
  data.set("oldest_url", PageUrl(path, 1, false));
  data.set("newest_url", PageUrl(path, 1, true));
  data.set("order_newest", render.newest_first);
}

Result<SplicedPage> RenderArticleWithComments(const Site& site, CommentServices* services,
                                              const model::Article& article,
                                              const std::string& path,
                                              const std::vector<storage::RelatedArticle>& related,
                                              std::int64_t now, const ArticleNewsroom* newsroom,
                                              const model::Media* lead) {
  auto render = LoadCommentsRender(services, article, now);
  if (!render.ok()) return render.error();
  return RenderArticlePage(site, article, path, &render.value(), related, newsroom, lead);
}

}  // namespace warta::web
