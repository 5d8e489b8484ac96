// Registers the Admin API (docs/api.md "Admin API"; web/newsroom_routes.h). Every route goes
// through AdminRoute with the least role it needs; the handlers apply the finer rules of
// their resource (an author's own drafts: newsroom/rules.h). The upload, POST
// /api/v1/admin/media, is registered with the media routes (web/media_file.cpp), also
// through AdminRoute.
#include "web/api/admin/admin_api.h"
#include "web/newsroom_routes.h"

namespace warta::web {

void AddAdminApiRoutes(http::Router& router, Context& context) {
  using http::Method;
  using model::Role;
  namespace api = admin_api;
  auto add = [&](Method method, const char* pattern, const char* name, Role least,
                 AdminHandler handler) {
    router.Add(method, pattern, name, AdminRoute(context, least, AdminSurface::kApi, handler));
  };
  constexpr const char* kArticle = "/api/v1/admin/articles/{id}";

  // Articles (CONTRACT §6). Authors write their own drafts; the service refuses the rest.
  add(Method::kGet, "/api/v1/admin/articles", "api_admin_articles", Role::kAuthor,
      api::ListArticles);
  add(Method::kPost, "/api/v1/admin/articles", "api_admin_articles", Role::kAuthor,
      api::CreateArticle);
  add(Method::kGet, kArticle, "api_admin_article", Role::kAuthor, api::GetArticle);
  add(Method::kPatch, kArticle, "api_admin_article", Role::kAuthor, api::UpdateArticle);
  add(Method::kDelete, kArticle, "api_admin_article", Role::kEditor, api::UnpublishArticle);
  add(Method::kGet, "/api/v1/admin/articles/{id}/revisions", "api_admin_revisions", Role::kAuthor,
      api::ListRevisions);
  add(Method::kGet, "/api/v1/admin/articles/{id}/revisions/{n}", "api_admin_revision",
      Role::kAuthor, api::GetRevision);
  add(Method::kGet, "/api/v1/admin/articles/{id}/diff", "api_admin_diff", Role::kAuthor,
      api::DiffRevisions);
  add(Method::kPost, "/api/v1/admin/articles/{id}/restore", "api_admin_restore", Role::kAuthor,
      api::RestoreRevision);
  add(Method::kPost, "/api/v1/admin/articles/{id}/presence", "api_admin_presence", Role::kAuthor,
      api::Presence);
  add(Method::kPost, "/api/v1/admin/preview", "api_admin_preview", Role::kAuthor, api::Preview);

  // Sections, bylines, pictures: authors read them (the editor's pickers), editors change them.
  add(Method::kGet, "/api/v1/admin/sections", "api_admin_sections", Role::kAuthor,
      api::ListSections);
  add(Method::kPost, "/api/v1/admin/sections", "api_admin_sections", Role::kEditor,
      api::CreateSection);
  add(Method::kPatch, "/api/v1/admin/sections/{id}", "api_admin_section", Role::kEditor,
      api::UpdateSection);
  add(Method::kGet, "/api/v1/admin/authors", "api_admin_authors", Role::kAuthor, api::ListAuthors);
  add(Method::kPatch, "/api/v1/admin/authors/{id}", "api_admin_author", Role::kEditor,
      api::UpdateAuthor);
  add(Method::kGet, "/api/v1/admin/media", "api_admin_media_list", Role::kAuthor, api::ListMedia);
  add(Method::kPatch, "/api/v1/admin/media/{id}", "api_admin_media_item", Role::kEditor,
      api::UpdateMedia);

  // The wire: sources and the inbox of held items.
  add(Method::kGet, "/api/v1/admin/sources", "api_admin_sources", Role::kEditor, api::ListSources);
  add(Method::kPost, "/api/v1/admin/sources", "api_admin_sources", Role::kEditor, api::AddSource);
  add(Method::kPatch, "/api/v1/admin/sources/{id}", "api_admin_source", Role::kEditor,
      api::UpdateSource);
  add(Method::kPost, "/api/v1/admin/sources/{id}/fetch", "api_admin_source_fetch", Role::kEditor,
      api::FetchSource);
  add(Method::kGet, "/api/v1/admin/sources.opml", "api_admin_opml", Role::kEditor, api::ExportOpml);
  add(Method::kPost, "/api/v1/admin/sources.opml", "api_admin_opml", Role::kEditor,
      api::ImportOpml);
  add(Method::kGet, "/api/v1/admin/inbox", "api_admin_inbox", Role::kEditor, api::ListInbox);
  add(Method::kGet, "/api/v1/admin/inbox/{id}", "api_admin_inbox_item", Role::kEditor,
      api::GetInboxItem);
  add(Method::kPost, "/api/v1/admin/inbox/{id}/take", "api_admin_inbox_take", Role::kEditor,
      api::TakeInboxItem);
  add(Method::kPost, "/api/v1/admin/inbox/{id}/publish", "api_admin_inbox_publish", Role::kEditor,
      api::PublishInboxItem);
  add(Method::kPost, "/api/v1/admin/inbox/{id}/discard", "api_admin_inbox_discard", Role::kEditor,
      api::DiscardInboxItem);

  // Site settings: static pages (admins).
  add(Method::kGet, "/api/v1/admin/pages", "api_admin_pages", Role::kAdmin, api::ListPages);
  add(Method::kPost, "/api/v1/admin/pages", "api_admin_pages", Role::kAdmin, api::CreatePage);
  add(Method::kPatch, "/api/v1/admin/pages/{id}", "api_admin_page", Role::kAdmin, api::UpdatePage);
  add(Method::kDelete, "/api/v1/admin/pages/{id}", "api_admin_page", Role::kAdmin, api::DeletePage);

  // People: accounts (admins), one's own API tokens, the audit log (admins).
  add(Method::kGet, "/api/v1/admin/users", "api_admin_users", Role::kAdmin, api::ListUsers);
  add(Method::kPatch, "/api/v1/admin/users/{id}", "api_admin_user", Role::kAdmin, api::UpdateUser);
  add(Method::kPost, "/api/v1/admin/users/{id}/reset", "api_admin_user_reset", Role::kAdmin,
      api::ResetPassword);
  add(Method::kPost, "/api/v1/admin/invitations", "api_admin_invitations", Role::kAdmin,
      api::InviteUser);
  add(Method::kGet, "/api/v1/admin/tokens", "api_admin_tokens", Role::kAuthor, api::ListTokens);
  add(Method::kPost, "/api/v1/admin/tokens", "api_admin_tokens", Role::kAuthor, api::CreateToken);
  add(Method::kDelete, "/api/v1/admin/tokens/{id}", "api_admin_token", Role::kAuthor,
      api::RevokeToken);
  add(Method::kGet, "/api/v1/admin/audit", "api_admin_audit", Role::kAdmin, api::ListAudit);

  // Site settings (admins): web/api/admin/settings.cpp.
  AddAdminSettingsRoutes(router, context);
}

}  // namespace warta::web
