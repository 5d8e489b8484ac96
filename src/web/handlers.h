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
// Tags (web/tag_pages.cpp): GET /tag (every tag with its count), GET /tag/{slug}?page=N.
Response TagsIndexPage(Context& context, const Request& request);
Response TagPage(Context& context, const Request& request, const RouteParams& params);

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

// The article page's hole-filled template, rendered once per article version.
Result<SplicedPage> RenderArticlePage(const Site& site, const model::Article& article,
                                      const std::string& path);
// The same, listing `related` articles (storage::TagStore::Related), computed by the caller
// once per render.
Result<SplicedPage> RenderArticlePage(const Site& site, const model::Article& article,
                                      const std::string& path,
                                      const std::vector<storage::RelatedArticle>& related);

// Localized error pages (error.mustache); fall back to plain text if rendering fails.
Response ErrorPage(const Context& context, int status);
// JSON error for API routes: {"error": message}.
Response ApiError(int status, const std::string& message);

}  // namespace warta::web
