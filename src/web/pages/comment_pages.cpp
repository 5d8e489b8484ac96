// Reading comments: the thread pages GET {article path}/komentar?page=N&order=newest (pages
// beyond the first, and the other order; kept like the front page for readers without an
// account), and the comments feed GET {article path}/comments.xml (Atom, newest first). The
// same as JSON: web/api/comments.cpp.
#include <algorithm>
#include <memory>
#include <string>
#include <variant>

#include "auth/sessions.h"
#include "core/html_escape.h"
#include "syndication/xml_writer.h"
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/request/locale_choice.h"
#include "web/view_models/comment_view.h"

namespace warta::web {
namespace {

constexpr int kFeedEntries = 50;

// Who reads a thread page, as printed: the anonymous reader's values by default.
struct ThreadViewer {
  std::string csrf_token;
  std::string id = "none";
  std::string role = "anonymous";
  std::string notice;
};

// The thread page asked for: ?page=N (1 when absent or out of range).
int ThreadPageNumber(const Request& request) {
  auto page = ParseId(request.QueryParam("page"));
  return page && *page < 1'000'000 ? static_cast<int>(*page) : 1;
}

bool NewestFirst(const Request& request) { return request.QueryParam("order") == "newest"; }

// The comments of `article` as the thread page ?page=N&order=newest of `request` shows them
// (the order is the reader's choice here, not the site's default the article page uses).
Result<CommentsRender> LoadThread(Context& context, const Request& request,
                                  const model::Article& article, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(CommentsRender render, LoadCommentsRender(context.comments, article, now));
  render.newest_first = NewestFirst(request);
  render.page = ThreadPageNumber(request);
  return render;
}

Result<std::string> RenderThreadPage(const Site& site, const CachedArticle& entry,
                                     const CommentsRender& render, const ThreadViewer& viewer) {
  view::Data out = site.PageData(site.T("comments_heading") + ": " + entry.article.title,
                                 CommentsPagePath(entry.path), "", viewer.csrf_token);
  out.set("headline", entry.article.title);
  out.set("article_path", entry.path);
  FillCommentsSection(site, entry.article, entry.path, render, out);
  out.set("viewer_id", viewer.id);
  out.set("viewer_role", viewer.role);
  out.set("comment_notice", viewer.notice);
  return site.templates().Render("comments_page", out);
}

}  // namespace

// A reader without an account and without a notice to show (nearly everyone) gets the thread
// page kept for every such reader, their CSRF token a hole (web/cache/rendered_pages.h). It
// is kept under the article page's rendering (CachedArticle::rendering), so a comment posted,
// edited or moderated shows on it as soon as on the article page. Everyone else's is
// rendered for them.
Response CommentsPage(Context& context, const Request& request, const RouteParams& params) {
  auto loaded = LoadPublicArticle(context, params, /*api=*/false);
  if (auto* response = std::get_if<Response>(&loaded)) return std::move(*response);
  const auto& entry = std::get<std::shared_ptr<const CachedArticle>>(loaded);
  if (params.Get("slug") != entry->article.slug) {
    return http::RedirectResponse(301, CommentsPagePath(entry->path));
  }
  const std::int64_t now = context.clock.NowUnix();
  const Site& site = SiteFor(context, request);
  const std::string notice_code = request.QueryParam("comment");
  if (notice_code.empty() && request.Cookie(auth::kSessionCookie).empty()) {
    const std::string key = "comments|" + std::to_string(entry->article.id) + "|" +
                            std::to_string(entry->rendering) + "|" +
                            std::to_string(ThreadPageNumber(request)) +
                            (NewestFirst(request) ? "|newest" : "|oldest");
    return ServeCachedPage(context, request, site, key, now, [&]() -> Result<RenderedPage> {
      WARTA_ASSIGN_OR_RETURN(CommentsRender render,
                             LoadThread(context, request, entry->article, now));
      ThreadViewer anonymous;
      anonymous.csrf_token = SlotMarker(Slot::kCsrfToken);
      WARTA_ASSIGN_OR_RETURN(std::string html, RenderThreadPage(site, *entry, render, anonymous));
      RenderedPage rendered;
      rendered.page = SplicedPage::FromRendered(html);
      return rendered;
    });
  }
  auto render = LoadThread(context, request, entry->article, now);
  if (!render.ok()) return ErrorPage(context, request, 503);
  Reader reader = IdentifyReader(context, request, now);
  ThreadViewer viewer;
  viewer.csrf_token = reader.csrf_token;
  comments::Actor actor = ActorOf(reader);
  viewer.id = actor.user_id != 0 ? std::to_string(actor.user_id) : "none";
  viewer.role = std::string(ViewerRole(reader));
  viewer.notice = CommentNoticeText(site, notice_code);
  auto html = RenderThreadPage(site, *entry, *render, viewer);
  if (!html.ok()) return ErrorPage(context, request, 500);
  Response response;
  response.body = std::move(html).value();
  response.SetHeader("Cache-Control", "private, no-cache");
  MarkLocalized(response, site);
  if (!reader.visitor.set_cookie.empty()) {
    response.SetHeader("Set-Cookie", reader.visitor.set_cookie);
  }
  return response;
}

Response CommentsFeed(Context& context, const Request& /*request*/, const RouteParams& params) {
  auto loaded = LoadArticleComments(context, params, false, /*api=*/false);
  if (auto* response = std::get_if<Response>(&loaded)) return std::move(*response);
  ArticleComments& data = std::get<ArticleComments>(loaded);
  const CachedArticle& entry = *data.article;
  const Site& site = *context.site;
  const std::string base = site.settings().base_url;
  const std::string page_url = base + entry.path;
  std::int64_t updated = entry.article.published_at;
  std::vector<const model::Comment*> shown;
  for (std::size_t i = data.comments.size(); i-- > 0;) {  // newest first
    const model::Comment& c = data.comments[i];
    if (c.status != model::CommentStatus::kPublished) continue;
    if (shown.size() == static_cast<std::size_t>(kFeedEntries)) break;
    shown.push_back(&c);
    updated = std::max({updated, c.created_at, c.edited_at});
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>";
  syndication::AppendXmlEscaped(xml, site.T("comments_heading") + ": " + entry.article.title);
  xml += "</title>\n<id>";
  syndication::AppendXmlEscaped(xml, base + CommentsFeedPath(entry.path));
  xml += "</id>\n<link rel=\"self\" href=\"";
  syndication::AppendXmlEscaped(xml, base + CommentsFeedPath(entry.path));
  xml += "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"";
  syndication::AppendXmlEscaped(xml, page_url);
  xml += "\"/>\n<updated>" + i18n::Formatter::Iso8601Utc(updated) + "</updated>\n";
  for (const model::Comment* c : shown) {
    const std::string anchor = page_url + "#comment-" + std::to_string(c->id);
    const std::string author = c->author.empty() ? site.T("comment_anonymous") : c->author;
    xml += "<entry>\n<id>";
    syndication::AppendXmlEscaped(xml, anchor);
    xml += "</id>\n<title>";
    syndication::AppendXmlEscaped(xml, author);
    xml += "</title>\n<author><name>";
    syndication::AppendXmlEscaped(xml, author);
    xml += "</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"";
    syndication::AppendXmlEscaped(xml, anchor);
    xml += "\"/>\n<published>" + i18n::Formatter::Iso8601Utc(c->created_at) + "</published>\n";
    xml += "<updated>" + i18n::Formatter::Iso8601Utc(std::max(c->created_at, c->edited_at)) +
           "</updated>\n<content type=\"html\">";
    syndication::AppendXmlEscaped(xml,
                                  c->body_html);  // sanitized HTML, escaped once more as Atom text
    xml += "</content>\n</entry>\n";
  }
  xml += "</feed>\n";
  Response response;
  response.content_type = "application/atom+xml; charset=utf-8";
  response.body = std::move(xml);
  response.SetHeader("Cache-Control", "public, max-age=60");
  return response;
}

}  // namespace warta::web
