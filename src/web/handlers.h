// Every handler of the site, one file each, and where: pages/ (HTML), api/ (/api/v1/, JSON
// and the form posts that share those routes), feeds/ (feeds and crawler files),
// system_routes.cpp; routes.cpp binds them all. What they use: request/ (who asks, in which
// language), cache/ (kept between requests), view_models/ (template data). web/README.md
// has the layout.
#pragma once

#include "http/message.h"
#include "http/router/router.h"
#include "model/media.h"
#include "storage/tag_store.h"
#include "web/context.h"

namespace warta::web {

using http::Request;
using http::Response;
using http::RouteParams;

Response HomePage(Context& context, const Request& request);
// GET /rubrik/{slug}: a section's articles (web/pages/section_page.cpp).
Response SectionPage(Context& context, const Request& request, const RouteParams& params);
Response ArticlePage(Context& context, const Request& request, const RouteParams& params);
Response ApiArticle(Context& context, const Request& request, const RouteParams& params);
Response SearchPage(Context& context, const Request& request);
Response ApiSearch(Context& context, const Request& request);
Response StaticFile(Context& context, const Request& request, const RouteParams& params);
Response Healthz(Context& context, const Request& request);
Response Metrics(Context& context, const Request& request);
// GET /look.css: the site's own accent colour and custom CSS (web/site_look.h); 404 when the
// site keeps the built-in look.
Response LookStylesheet(Context& context, const Request& request);
// Tags (pages/tag_pages.cpp): GET /tag (every tag with its count), GET /tag/{slug}?page=N.
Response TagsIndexPage(Context& context, const Request& request);
Response TagPage(Context& context, const Request& request, const RouteParams& params);

// Readers: accounts, likes, shares. State-changing ones are ActionHandlers (web/request/reader.h),
// bound through RunAction so the CSRF token is checked before they run.
struct Reader;
Response ApiSession(Context& context, const Request& request);
Response LoginPage(Context& context, const Request& request);
Response RegisterPage(Context& context, const Request& request);
Response ApiRegister(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader);
Response ApiLogin(Context& context, const Request& request, const RouteParams& params,
                  const Reader& reader);
Response ApiLogout(Context& context, const Request& request, const RouteParams& params,
                   const Reader& reader);
Response LikeAction(Context& context, const Request& request, const RouteParams& params,
                    const Reader& reader);
Response ShareAction(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader);
// Password change (docs/api.md): api/password.cpp, pages/account_settings.cpp.
Response AccountPage(Context& context, const Request& request);
Response ApiChangePassword(Context& context, const Request& request, const RouteParams& params,
                           const Reader& reader);

// Feeds out, sitemaps and robots.txt (docs/decisions/0006-feeds-out-and-seo.md):
// feeds/feeds_out.cpp, feeds/sitemaps.cpp.
Response FeedOut(Context& context, const Request& request, const RouteParams& params);
Response Sitemap(Context& context, const Request& request);
Response SitemapPage(Context& context, const Request& request, const RouteParams& params);
Response NewsSitemap(Context& context, const Request& request);
Response RobotsTxt(Context& context, const Request& request);

// The article page's hole-filled template, rendered once per article version. comments:
// its comments section (web/view_models/comment_view.h); null shows none.
// newsroom: dek, bylines, section and corrections (web/view_models/article_newsroom.h);
// null shows none.
struct CommentsRender;
struct ArticleNewsroom;
Result<SplicedPage> RenderArticlePage(const Site& site, const model::Article& article,
                                      const std::string& path,
                                      const CommentsRender* comments = nullptr,
                                      const std::vector<storage::RelatedArticle>& related = {},
                                      const ArticleNewsroom* newsroom = nullptr,
                                      const model::Media* lead = nullptr);

// Comments and moderation (api/comment*.cpp, pages/comment_pages.cpp,
// pages/moderation_page.cpp).
Response ApiComments(Context& context, const Request& request, const RouteParams& params);
Response CommentsPage(Context& context, const Request& request, const RouteParams& params);
Response CommentsFeed(Context& context, const Request& request, const RouteParams& params);
Response ModerationPage(Context& context, const Request& request);
Response CommentCreate(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader);
Response CommentEdit(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader);
Response CommentDelete(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader);
Response CommentReport(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader);
Response CommentApprove(Context& context, const Request& request, const RouteParams& params,
                        const Reader& reader);
Response CommentReject(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader);
Response CommentSpam(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader);
Response CommentBan(Context& context, const Request& request, const RouteParams& params,
                    const Reader& reader);
Response CommentsClose(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader);
Response CommentsOpen(Context& context, const Request& request, const RouteParams& params,
                      const Reader& reader);

// The newsroom's public pages (pages/newsroom_pages.cpp, account_link_pages.cpp).
Response AuthorPage(Context& context, const Request& request, const RouteParams& params);
Response StaticPage(Context& context, const Request& request, const RouteParams& params);
Response CorrectionsPage(Context& context, const Request& request);
Response InvitePage(Context& context, const Request& request, const RouteParams& params);
Response ResetPage(Context& context, const Request& request, const RouteParams& params);
Response InviteAccept(Context& context, const Request& request, const RouteParams& params,
                      const Reader& reader);
Response ResetAccept(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader);

// Localized error pages (error.mustache); fall back to plain text if rendering fails.
Response ErrorPage(const Context& context, int status);
// The same in the request's locale (web/request/locale_choice.h).
Response ErrorPage(const Context& context, const Request& request, int status);
// GET /lang?set=xx&next=/path: remembers the reader's language, back to a local path.
Response LanguageSwitch(Context& context, const Request& request);

// JSON error for API routes: {"error": message}.
Response ApiError(int status, const std::string& message);

}  // namespace warta::web
