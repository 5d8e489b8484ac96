// Reading comments: the thread pages GET {article path}/komentar?page=N&order=newest (pages
// beyond the first, and the other order; rendered per request, off the article page's hot
// path), and the comments feed GET {article path}/comments.xml (Atom, newest first). The same
// as JSON: web/api/comments.cpp.
#include <algorithm>
#include <variant>

#include "core/html_escape.h"
#include "syndication/xml_writer.h"
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/view_models/comment_view.h"

namespace warta::web {
namespace {

constexpr int kFeedEntries = 50;

}  // namespace

Response CommentsPage(Context& context, const Request& request, const RouteParams& params) {
  auto loaded = LoadArticleComments(context, params, false, /*api=*/false);
  if (auto* response = std::get_if<Response>(&loaded)) return std::move(*response);
  ArticleComments& data = std::get<ArticleComments>(loaded);
  const CachedArticle& entry = *data.article;
  if (params.Get("slug") != entry.article.slug) {
    return http::RedirectResponse(301, CommentsPagePath(entry.path));
  }
  const std::int64_t now = context.clock.NowUnix();
  CommentsRender render;
  render.options = context.comments->service.options();
  auto closed =
      context.comments->service.IsClosed(entry.article.id, entry.article.published_at, now);
  render.closed = !closed.ok() || *closed;
  render.comments = std::move(data.comments);
  render.newest_first = request.QueryParam("order") == "newest";
  auto page = ParseId(request.QueryParam("page"));
  render.page = page && *page < 1'000'000 ? static_cast<int>(*page) : 1;

  const Site& site = SiteFor(context, request);
  Reader reader = IdentifyReader(context, request, now);
  view::Data out = site.PageData(site.T("comments_heading") + ": " + entry.article.title,
                                 CommentsPagePath(entry.path), "", reader.csrf_token);
  out.set("headline", entry.article.title);
  out.set("article_path", entry.path);
  FillCommentsSection(site, entry.article, entry.path, render, out);
  comments::Actor actor = ActorOf(reader);
  out.set("viewer_id", actor.user_id != 0 ? std::to_string(actor.user_id) : "none");
  out.set("viewer_role", std::string(ViewerRole(reader)));
  out.set("comment_notice", CommentNoticeText(site, request.QueryParam("comment")));
  auto html = site.templates().Render("comments_page", out);
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
