// Every /admin page and form post, one file each under web/admin/ (web/admin/routes.cpp binds
// them through AdminRoute with the least role each needs). All are AdminHandlers: RunAdmin
// (web/request/staff.h) has already checked the account, its role and, for posts, the CSRF
// token. A post that succeeds answers 303 (Post/Redirect/Get); one that fails renders its
// form again with each error next to its field.
#pragma once

#include "http/message.h"
#include "http/router/router.h"
#include "web/context.h"
#include "web/request/staff.h"

namespace warta::web {

// dashboard.cpp, stats_api.cpp
http::Response AdminDashboard(Context& context, const http::Request& request,
                              const http::RouteParams& params, const Staff& staff);
http::Response AdminStatsApi(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
// articles_list.cpp
http::Response AdminArticles(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
// article_editor.cpp (GET), article_save.cpp (POST: save, schedule, publish, unpublish,
// preview; the conflict page)
http::Response AdminArticleNew(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
http::Response AdminArticleEdit(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff);
http::Response AdminArticleCreate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff);
http::Response AdminArticleUpdate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff);
// revisions.cpp
http::Response AdminRevisions(Context& context, const http::Request& request,
                              const http::RouteParams& params, const Staff& staff);
http::Response AdminRevision(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
http::Response AdminRevisionRestore(Context& context, const http::Request& request,
                                    const http::RouteParams& params, const Staff& staff);
// inbox.cpp
http::Response AdminInbox(Context& context, const http::Request& request,
                          const http::RouteParams& params, const Staff& staff);
http::Response AdminInboxPublish(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
http::Response AdminInboxDiscard(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
// people.cpp
http::Response AdminPeople(Context& context, const http::Request& request,
                           const http::RouteParams& params, const Staff& staff);
http::Response AdminUserRole(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
http::Response AdminUserBan(Context& context, const http::Request& request,
                            const http::RouteParams& params, const Staff& staff);
// One-time links shown on the people page (people.cpp).
http::Response AdminPeopleInvite(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
http::Response AdminUserResetLink(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff);
// sources.cpp, sources_opml.cpp
http::Response AdminSources(Context& context, const http::Request& request,
                            const http::RouteParams& params, const Staff& staff);
http::Response AdminSourceCreate(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
http::Response AdminSourceSwitch(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
http::Response AdminSourceFetch(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff);
http::Response AdminOpmlExport(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
http::Response AdminOpmlImport(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
// static_pages.cpp
http::Response AdminPages(Context& context, const http::Request& request,
                          const http::RouteParams& params, const Staff& staff);
http::Response AdminPageEdit(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
http::Response AdminPageCreate(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
http::Response AdminPageUpdate(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
http::Response AdminPageDelete(Context& context, const http::Request& request,
                               const http::RouteParams& params, const Staff& staff);
// settings.cpp
http::Response AdminSettings(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
http::Response AdminSettingsSave(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff);
// media_library.cpp
http::Response AdminMedia(Context& context, const http::Request& request,
                          const http::RouteParams& params, const Staff& staff);
http::Response AdminMediaUpload(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff);
// sections.cpp
http::Response AdminSections(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff);
http::Response AdminSectionCreate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff);
http::Response AdminSectionUpdate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff);
http::Response AdminSectionMove(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff);

}  // namespace warta::web
