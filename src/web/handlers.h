// Every handler of the site, one file each. Routes are bound in routes.cpp.
#pragma once

#include "http/message.h"
#include "http/router/router.h"
#include "web/context.h"

namespace warta::web {

using http::Request;
using http::Response;
using http::RouteParams;

Response HomePage(Context& context, const Request& request);
Response ArticlePage(Context& context, const Request& request, const RouteParams& params);
Response ApiArticle(Context& context, const Request& request, const RouteParams& params);
Response StaticFile(Context& context, const Request& request, const RouteParams& params);
Response Healthz(Context& context, const Request& request);
Response Metrics(Context& context, const Request& request);

// Readers: accounts, likes, shares. State-changing ones are ActionHandlers (web/reader.h),
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

// Feeds out, sitemaps and robots.txt (issue 5): feeds_out.cpp, sitemaps.cpp.
Response FeedOut(Context& context, const Request& request, const RouteParams& params);
Response Sitemap(Context& context, const Request& request);
Response SitemapPage(Context& context, const Request& request, const RouteParams& params);
Response NewsSitemap(Context& context, const Request& request);
Response RobotsTxt(Context& context, const Request& request);

// The article page's hole-filled template, rendered once per article version.
Result<SplicedPage> RenderArticlePage(const Site& site, const model::Article& article,
                                      const std::string& path);

// Localized error pages (error.mustache); fall back to plain text if rendering fails.
Response ErrorPage(const Context& context, int status);
// JSON error for API routes: {"error": message}.
Response ApiError(int status, const std::string& message);

}  // namespace warta::web
