// The Admin API's handlers (docs/api.md "Admin API"; CONTRACT §6), one file per resource,
// all bound in routes.cpp through AdminRoute (web/newsroom_routes.h), which has already
// decided who the caller is, that their role is high enough and, for a session, that the
// CSRF token is right. Each handler still applies the rules of its resource (an author sees
// and edits only their own articles: newsroom/service.h).
#pragma once

#include "http/message.h"
#include "http/router/router.h"
#include "web/context.h"
#include "web/request/staff.h"

namespace warta::web::admin_api {

using http::Request;
using http::Response;
using http::RouteParams;

// articles.cpp: /api/v1/admin/articles[/{id}]
Response CreateArticle(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response ListArticles(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff);
Response GetArticle(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response UpdateArticle(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response UnpublishArticle(Context& context, const Request& request, const RouteParams& params,
                          const Staff& staff);
// article_history.cpp: revisions, diff, restore, presence, preview
Response ListRevisions(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response GetRevision(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response DiffRevisions(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response RestoreRevision(Context& context, const Request& request, const RouteParams& params,
                         const Staff& staff);
Response Presence(Context& context, const Request& request, const RouteParams& params,
                  const Staff& staff);
Response Preview(Context& context, const Request& request, const RouteParams& params,
                 const Staff& staff);
// sections.cpp, authors.cpp, pages.cpp
Response ListSections(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff);
Response CreateSection(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response UpdateSection(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response ListAuthors(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response UpdateAuthor(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff);
Response ListPages(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
Response CreatePage(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response UpdatePage(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response DeletePage(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
// users.cpp, tokens.cpp, audit.cpp
Response ListUsers(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
Response UpdateUser(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response InviteUser(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response ResetPassword(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response ListTokens(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response CreateToken(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response RevokeToken(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response ListAudit(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
// sources.cpp, source_opml.cpp, inbox.cpp
Response ListSources(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response AddSource(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
Response UpdateSource(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff);
Response FetchSource(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);
Response ExportOpml(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response ImportOpml(Context& context, const Request& request, const RouteParams& params,
                    const Staff& staff);
Response ListInbox(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
Response GetInboxItem(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff);
Response PublishInboxItem(Context& context, const Request& request, const RouteParams& params,
                          const Staff& staff);
Response TakeInboxItem(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff);
Response DiscardInboxItem(Context& context, const Request& request, const RouteParams& params,
                          const Staff& staff);
// media.cpp (the upload is web/api/media_upload.cpp)
Response ListMedia(Context& context, const Request& request, const RouteParams& params,
                   const Staff& staff);
Response UpdateMedia(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff);

}  // namespace warta::web::admin_api
