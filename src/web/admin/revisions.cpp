// The history of an article: GET /admin/articles/{id}/revisions (every revision, newest
// first, with who, when, what kind and its size as stored), GET …/revisions/{number} (the
// word diff from the revision before it, and from it to the current text), and POST
// …/revisions/{number}/restore, which makes it current again as a new revision: history is
// never rewritten (docs/decisions/0009-newsroom.md "Revisions"). A restore from a page that
// went stale (someone saved since) is refused as a conflict; nothing is written.
#include <spdlog/spdlog.h>

#include <charconv>

#include "newsroom/service.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/article_editor.h"
#include "web/admin/form.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

constexpr int kRevisionsPerPage = 100;

std::optional<std::int64_t> ParseNumber(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::string KindText(const Site& site, model::RevisionKind kind) {
  return site.T("admin_revision_" + std::string(model::ToText(kind)));
}

std::string Base(std::int64_t id) { return "/admin/articles/" + std::to_string(id); }

// The article's heading and the links every history page shows.
void SetArticle(AdminPage& page, const model::EditorialArticle& article) {
  SetAdminTitle(page, page.T("admin_revisions") + ": " + article.content.title);
  page.data.set("edit_path", Base(article.id));
  page.data.set("revisions_path", Base(article.id) + "/revisions");
  page.data.set("current", std::to_string(article.revision));
  page.data.set("status_text", StatusText(page.site, article.status));
}

view::Data RevisionRows(const AdminPage& page, const model::EditorialArticle& article,
                        const std::vector<model::RevisionMeta>& revisions, bool may_restore) {
  view::Data rows = view::MakeList();
  const i18n::Formatter& f = page.site.formatter();
  for (const model::RevisionMeta& r : revisions) {
    view::Data row;
    row.set("number", std::to_string(r.number));
    row.set("path", Base(article.id) + "/revisions/" + std::to_string(r.number));
    row.set("restore_path",
            Base(article.id) + "/revisions/" + std::to_string(r.number) + "/restore");
    row.set("when", AdminDateTime(page.site, r.created_at));
    row.set("who", r.user_name.empty() ? page.T("admin_system") : r.user_name);
    row.set("kind", KindText(page.site, r.kind));
    row.set("title", r.title);
    row.set("plain_bytes", f.Number(r.plain_bytes));
    row.set("stored_bytes", f.Number(r.stored_bytes));
    row.set("is_current", r.number == article.revision);
    row.set("may_restore", may_restore && r.number != article.revision);
    rows.push_back(row);
  }
  return rows;
}

// Restoring changes the article, so it needs what a save needs: an editor, or the author of
// a draft (the newsroom decides; the button is shown when it would agree).
bool MayRestore(const Staff& staff, const model::EditorialArticle& article) {
  return AdminMay(staff, model::Role::kEditor) || (article.status == model::ArticleStatus::kDraft &&
                                                   article.created_by == staff.principal.user_id);
}

}  // namespace

http::Response AdminRevisions(Context& context, const http::Request& request,
                              const http::RouteParams& params, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return AdminErrorPage(context, request, article.error(), "revisions");
  auto revisions = context.editorial->Revisions(staff.principal, *id, 0, kRevisionsPerPage);
  if (!revisions.ok()) return AdminErrorPage(context, request, revisions.error(), "revisions");
  AdminPage page = StartAdminPage(context, request, staff, "admin_revisions", "articles");
  SetArticle(page, *article);
  page.data.set("rows", RevisionRows(page, *article, *revisions, MayRestore(staff, *article)));
  page.data.set("has_rows", !revisions->empty());
  return RenderAdminPage(context, request, page, "revisions");
}

http::Response AdminRevision(Context& context, const http::Request& request,
                             const http::RouteParams& params, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  auto number = ParseNumber(params.Get("number"));
  if (!id || !number) return ErrorPage(context, request, 404);
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return AdminErrorPage(context, request, article.error(), "revision");
  auto revision = context.editorial->Revision(staff.principal, *id, *number);
  if (!revision.ok()) return AdminErrorPage(context, request, revision.error(), "revision");
  AdminPage page = StartAdminPage(context, request, staff, "admin_revisions", "articles");
  SetArticle(page, *article);
  SetAdminTitle(page, page.T("admin_revision") + " " + std::to_string(*number) + ": " +
                          revision->content.title);
  view::Data& data = page.data;
  data.set("number", std::to_string(*number));
  data.set("when", AdminDateTime(page.site, revision->meta.created_at));
  data.set("who",
           revision->meta.user_name.empty() ? page.T("admin_system") : revision->meta.user_name);
  data.set("kind", KindText(page.site, revision->meta.kind));
  data.set("body", revision->content.body());
  if (*number > 1) {
    auto diff = context.editorial->Diff(staff.principal, *id, *number - 1, *number);
    if (diff.ok()) {
      data.set("previous", std::to_string(*number - 1));
      data.set("title_diff", diff->title.html);  // escaped by newsroom/word_diff.h
      data.set("body_diff", diff->body.html);
    }
  }
  if (*number != article->revision) {
    auto to_current = context.editorial->Diff(staff.principal, *id, *number, article->revision);
    if (to_current.ok()) {
      data.set("current_title_diff", to_current->title.html);
      data.set("current_body_diff", to_current->body.html);
      data.set("has_current_diff", true);
    }
    if (MayRestore(staff, *article)) {
      data.set("restore_path", Base(*id) + "/revisions/" + std::to_string(*number) + "/restore");
    }
  }
  return RenderAdminPage(context, request, page, "revision");
}

http::Response AdminRevisionRestore(Context& context, const http::Request& request,
                                    const http::RouteParams& params, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  auto number = ParseNumber(params.Get("number"));
  if (!id || !number) return ErrorPage(context, request, 404);
  // Whose article first: another author's answers 403/404 whatever the form holds.
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return AdminErrorPage(context, request, article.error(), "restore");
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto version = form->Id("version");
  if (!version) return ErrorPage(context, request, 400);
  auto restored = context.editorial->Restore(staff.principal, *id, *number, *version);
  if (!restored.ok()) return AdminErrorPage(context, request, restored.error(), "restore");
  if (restored->kind == newsroom::SaveOutcome::Kind::kConflict) {
    // Someone saved after this page was shown: the restore would have undone their save
    // unseen. The history page again, with the current revision, decides.
    return AdminSeeOther(Base(*id) + "/revisions?done=restore_conflict");
  }
  return AdminSeeOther(Base(*id) + "?done=restored");
}

}  // namespace warta::web
