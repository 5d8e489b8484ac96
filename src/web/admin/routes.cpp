// Registers the /admin pages and their form posts (web/newsroom_routes.h), each with the
// least role it needs (CONTRACT §6 roles). Handlers still check ownership: an author reaches
// the article pages, and the newsroom lets them open and change only their own drafts.
#include "http/router/router.h"
#include "web/admin/admin_handlers.h"
#include "web/newsroom_routes.h"

namespace warta::web {

void AddAdminPageRoutes(http::Router& router, Context& context) {
  using http::Method;
  using model::Role;
  auto page = [&context](Role least, AdminHandler handler) {
    return AdminRoute(context, least, AdminSurface::kPage, handler);
  };
  // Authors land here too and are sent on to their articles (dashboard.cpp).
  router.Add(Method::kGet, "/admin", "admin_dashboard", page(Role::kAuthor, AdminDashboard));
  router.Add(Method::kGet, "/api/v1/admin/stats", "admin_stats",
             AdminRoute(context, Role::kEditor, AdminSurface::kApi, AdminStatsApi));

  router.Add(Method::kGet, "/admin/articles", "admin_articles", page(Role::kAuthor, AdminArticles));
  router.Add(Method::kPost, "/admin/articles", "admin_article_create",
             page(Role::kAuthor, AdminArticleCreate));
  router.Add(Method::kGet, "/admin/articles/new", "admin_article_new",
             page(Role::kAuthor, AdminArticleNew));
  router.Add(Method::kGet, "/admin/articles/{id}", "admin_article_edit",
             page(Role::kAuthor, AdminArticleEdit));
  router.Add(Method::kPost, "/admin/articles/{id}", "admin_article_update",
             page(Role::kAuthor, AdminArticleUpdate));
  router.Add(Method::kGet, "/admin/articles/{id}/revisions", "admin_revisions",
             page(Role::kAuthor, AdminRevisions));
  router.Add(Method::kGet, "/admin/articles/{id}/revisions/{number}", "admin_revision",
             page(Role::kAuthor, AdminRevision));
  router.Add(Method::kPost, "/admin/articles/{id}/revisions/{number}/restore",
             "admin_revision_restore", page(Role::kAuthor, AdminRevisionRestore));

  router.Add(Method::kGet, "/admin/inbox", "admin_inbox", page(Role::kEditor, AdminInbox));
  router.Add(Method::kPost, "/admin/inbox/{id}/publish", "admin_inbox_publish",
             page(Role::kEditor, AdminInboxPublish));
  router.Add(Method::kPost, "/admin/inbox/{id}/discard", "admin_inbox_discard",
             page(Role::kEditor, AdminInboxDiscard));

  router.Add(Method::kGet, "/admin/media", "admin_media", page(Role::kEditor, AdminMedia));
  router.Add(Method::kPost, "/admin/media", "admin_media_upload",
             page(Role::kEditor, AdminMediaUpload));

  router.Add(Method::kGet, "/admin/sources", "admin_sources", page(Role::kEditor, AdminSources));
  router.Add(Method::kPost, "/admin/sources", "admin_source_create",
             page(Role::kEditor, AdminSourceCreate));
  router.Add(Method::kPost, "/admin/sources/{id}/switch", "admin_source_switch",
             page(Role::kEditor, AdminSourceSwitch));
  router.Add(Method::kPost, "/admin/sources/{id}/fetch", "admin_source_fetch",
             page(Role::kEditor, AdminSourceFetch));
  router.Add(Method::kGet, "/admin/sources.opml", "admin_opml_export",
             page(Role::kEditor, AdminOpmlExport));
  router.Add(Method::kPost, "/admin/sources/opml", "admin_opml_import",
             page(Role::kEditor, AdminOpmlImport));

  router.Add(Method::kGet, "/admin/people", "admin_people", page(Role::kAdmin, AdminPeople));
  router.Add(Method::kPost, "/admin/people/{id}/role", "admin_user_role",
             page(Role::kAdmin, AdminUserRole));
  router.Add(Method::kPost, "/admin/people/{id}/ban", "admin_user_ban",
             page(Role::kAdmin, AdminUserBan));
  router.Add(Method::kPost, "/admin/people/invite", "admin_people_invite",
             page(Role::kAdmin, AdminPeopleInvite));
  router.Add(Method::kPost, "/admin/people/{id}/reset", "admin_user_reset_link",
             page(Role::kAdmin, AdminUserResetLink));

  router.Add(Method::kGet, "/admin/pages", "admin_pages", page(Role::kAdmin, AdminPages));
  router.Add(Method::kPost, "/admin/pages", "admin_page_create",
             page(Role::kAdmin, AdminPageCreate));
  router.Add(Method::kGet, "/admin/pages/{id}", "admin_page_edit",
             page(Role::kAdmin, AdminPageEdit));
  router.Add(Method::kPost, "/admin/pages/{id}", "admin_page_update",
             page(Role::kAdmin, AdminPageUpdate));
  router.Add(Method::kPost, "/admin/pages/{id}/delete", "admin_page_delete",
             page(Role::kAdmin, AdminPageDelete));
  router.Add(Method::kGet, "/admin/settings", "admin_settings", page(Role::kAdmin, AdminSettings));
  router.Add(Method::kPost, "/admin/settings", "admin_settings_save",
             page(Role::kAdmin, AdminSettingsSave));

  router.Add(Method::kGet, "/admin/sections", "admin_sections", page(Role::kEditor, AdminSections));
  router.Add(Method::kPost, "/admin/sections", "admin_section_create",
             page(Role::kEditor, AdminSectionCreate));
  router.Add(Method::kPost, "/admin/sections/{id}", "admin_section_update",
             page(Role::kEditor, AdminSectionUpdate));
  router.Add(Method::kPost, "/admin/sections/{id}/move", "admin_section_move",
             page(Role::kEditor, AdminSectionMove));
}

}  // namespace warta::web
