// GET /admin/articles/new and GET /admin/articles/{id}: the editor. Everything an article
// has is one form that works without JavaScript: title, dek, section (chosen, or a new slug
// typed: the newsroom creates it), tags, bylines, language, lead image (the media library's
// pictures as radio buttons), the Markdown body, the schedule time in the site's time zone,
// featured, the attribution and, once published, a correction note. Its buttons save,
// schedule, publish, unpublish or preview; an author's form has no button an editor's role
// needs (the newsroom refuses a forged one anyway). Also shown: who else has it open, the
// source's newer version of a wire item, links to the revisions and the public page.
// admin.js adds the local draft and refreshes the presence line.
#include "web/admin/article_editor.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "i18n/local_time.h"
#include "media/names.h"
#include "newsroom/word_diff.h"
#include "storage/editorial_store.h"
#include "storage/media_store.h"
#include "storage/section_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/media_view.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

constexpr int kPickerMedia = 24;

bool IsEditor(const Staff& staff) { return AdminMay(staff, model::Role::kEditor); }

view::Data Languages(const Site& site, const newsroom::NewsroomOptions& options,
                     const std::string& current) {
  view::Data list = view::MakeList();
  for (const std::string& code : options.languages) {
    view::Data item;
    item.set("code", code);
    item.set("name", site.catalog().Get(code, "language_self_name"));
    item.set("selected", code == current);
    list.push_back(item);
  }
  return list;
}

view::Data Sections(Context& context) {
  view::Data list = view::MakeList();
  auto sections = context.store.sections().List();
  if (!sections.ok()) {
    spdlog::warn("web: editor: sections: {}", sections.error().ToString());
    return list;
  }
  for (const model::Section& s : *sections) {
    view::Data item;
    item.set("slug", s.slug);
    item.set("name", s.name);
    list.push_back(item);
  }
  return list;
}

// The newest pictures, and the chosen one when it is older than those.
view::Data Picker(Context& context, std::int64_t chosen, bool& chosen_listed) {
  view::Data list = view::MakeList();
  chosen_listed = chosen == 0;
  auto media = context.store.media().ListNewest(kPickerMedia, 0);
  std::vector<model::Media> shown =
      media.ok() ? std::move(media).value() : std::vector<model::Media>{};
  const bool listed = std::any_of(shown.begin(), shown.end(),
                                  [&](const model::Media& m) { return m.id == chosen; });
  if (chosen > 0 && !listed) {
    auto one = context.store.media().FindById(chosen);
    if (one.ok()) shown.insert(shown.begin(), std::move(one).value());
  }
  for (const model::Media& m : shown) {
    view::Data item = MediaItemData(m);
    item.set("checked", m.id == chosen);
    if (m.id == chosen) chosen_listed = true;
    list.push_back(item);
  }
  return list;
}

void SetPresence(Context& context, const Staff& staff, std::int64_t id, view::Data& data) {
  data.set("presence_url", "/api/v1/admin/articles/" + std::to_string(id) + "/presence");
  auto others = context.editorial->Editing(staff.principal, id);
  if (!others.ok()) return;
  std::string names;
  for (const model::EditPresence& p : *others) {
    names += (names.empty() ? "" : ", ") + p.user_name;
  }
  data.set("editing_others", names);
}

// A wire item whose source sent a newer version: what changed there, for the editor to
// take in by hand (local edits are never overwritten).
void SetWireUpdate(Context& context, const Site& site, std::int64_t id, view::Data& data) {
  auto wire = context.store.editorial().Wire(id);
  if (!wire.ok() || !wire->has_value()) return;
  const model::ArticleWire& w = **wire;
  data.set("is_wire", true);
  // A title-only change keeps the text's hash: the title counts too. Back to the original:
  // nothing to show.
  if (w.updated_at == 0 ||
      (w.update_hash == w.original_hash && w.update_title == w.original_title)) {
    return;
  }
  data.set("wire_updated", AdminDateTime(site, w.updated_at));
  data.set("wire_title_diff", newsroom::DiffWords(w.original_title, w.update_title).html);
  data.set("wire_body_diff", newsroom::DiffWords(w.original_body_html, w.update_body_html).html);
}

void SetFields(AdminPage& page, const ArticleFormValues& v) {
  view::Data& data = page.data;
  data.set("title", v.title);
  data.set("dek", v.dek);
  data.set("section", v.section);
  data.set("tags", v.tags);
  data.set("author", v.author);
  data.set("source", v.source);
  data.set("url", v.url);
  const bool html = v.body_format == model::BodyFormat::kHtml;
  data.set("body_field", std::string(html ? "body_html" : "body_markdown"));
  data.set("body_is_html", html);
  data.set("body", v.body);
  data.set("publish_at", v.publish_at);
  data.set("correction", v.correction);
  data.set("featured", v.featured);
  data.set("version", std::to_string(v.version));
}

void SetConflict(AdminPage& page, const EditorConflict& c) {
  SetAdminTitle(page, page.T("admin_conflict_title") + ": " + c.their_title);
  view::Data& data = page.data;
  data.set("their_title", c.their_title);
  data.set("their_body", c.their_body);
  data.set("your_title", c.your_title);
  data.set("your_body", c.your_body);
  data.set("saved_by", c.saved_by.empty() ? page.T("admin_system") : c.saved_by);
  data.set("saved_at", AdminDateTime(page.site, c.saved_at));
  data.set("started_from", std::to_string(c.started_from));
  data.set("title_diff", newsroom::DiffWords(c.their_title, c.your_title).html);
  data.set("body_diff", newsroom::DiffWords(c.their_body, c.your_body).html);
}

}  // namespace

std::string StatusText(const Site& site, model::ArticleStatus status) {
  return site.T("admin_status_" + std::string(model::ToText(status)));
}

http::Response RenderEditor(Context& context, const http::Request& request, const Staff& staff,
                            const EditorState& state, int status) {
  const model::EditorialArticle* a = state.article;
  AdminPage page = StartAdminPage(context, request, staff,
                                  a ? "admin_edit_article" : "admin_new_article", "articles");
  if (a) SetAdminTitle(page, page.T("admin_edit_article") + ": " + a->content.title);
  view::Data& data = page.data;
  const Site& site = page.site;
  const bool editor = IsEditor(staff);
  SetFields(page, state.values);
  SetFieldErrors(page, state.errors);
  data.set("languages", Languages(site, context.editorial->options(), state.values.lang));
  data.set("sections", Sections(context));
  bool chosen_listed = false;
  data.set("media", Picker(context, state.values.lead_image, chosen_listed));
  data.set("lead_none", state.values.lead_image == 0);
  data.set("time_zone", site.settings().time_zone);
  data.set("now_local",
           i18n::FormatLocalDateTime(context.clock.NowUnix(), site.settings().time_zone));
  data.set("is_editor", editor);
  data.set("draft_key", a ? std::to_string(a->id) : std::string("new"));
  // After any successful save (PRG ?done=…) the local draft is obsolete (admin.js).
  if (!request.QueryParam("done").empty()) data.set("just_saved", true);
  if (state.preview_html) {
    data.set("preview", true);
    data.set("preview_html", *state.preview_html);  // sanitized by the newsroom's renderer
  }
  if (a == nullptr) {
    data.set("action", std::string("/admin/articles"));
    data.set("status_text", StatusText(site, model::ArticleStatus::kDraft));
    data.set("can_publish", editor);
    data.set("can_schedule", editor);
    return RenderAdminPage(context, request, page, "article_edit", status);
  }
  const std::string base = "/admin/articles/" + std::to_string(a->id);
  data.set("action", std::string("/admin/articles"));  // article_save.cpp: one path
  data.set("id", std::to_string(a->id));
  data.set("status", std::string(model::ToText(a->status)));
  data.set("status_text", StatusText(site, a->status));
  data.set("updated_ms", std::to_string(a->updated_at * 1000));
  data.set("revisions_path", base + "/revisions");
  data.set("revisions", site.formatter().Number(a->revisions));
  const bool published = a->status == model::ArticleStatus::kPublished;
  if (published) data.set("public_path", model::ArticlePath(a->id, a->content.slug));
  if (a->status == model::ArticleStatus::kScheduled) {
    data.set("scheduled_for", AdminDateTime(site, a->publish_at));
  }
  data.set("can_publish", editor && !published);
  data.set("can_schedule", editor && a->status != model::ArticleStatus::kPublished);
  data.set("can_unpublish", editor && published);
  data.set("can_draft", editor && (a->status == model::ArticleStatus::kScheduled ||
                                   a->status == model::ArticleStatus::kUnpublished ||
                                   a->status == model::ArticleStatus::kHeld));
  data.set("can_correct", editor && published);
  // An author's article once it left draft: shown, but only an editor changes it now.
  data.set("read_only", !editor && a->status != model::ArticleStatus::kDraft);
  SetPresence(context, staff, a->id, data);
  SetWireUpdate(context, site, a->id, data);
  if (state.conflict) {
    SetConflict(page, *state.conflict);
    return RenderAdminPage(context, request, page, "article_conflict", status);
  }
  return RenderAdminPage(context, request, page, "article_edit", status);
}

http::Response AdminArticleNew(Context& context, const http::Request& request,
                               const http::RouteParams& /*params*/, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  EditorState state;
  state.values.lang = context.editorial->options().default_lang;
  state.values.author = staff.principal.name;
  return RenderEditor(context, request, staff, state);
}

http::Response AdminArticleEdit(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto article = context.editorial->Get(staff.principal, *id);
  if (!article.ok()) return AdminErrorPage(context, request, article.error(), "editor");
  EditorState state;
  state.article = &*article;
  state.values = FormValuesOf(*article, context.site->settings().time_zone);
  return RenderEditor(context, request, staff, state);
}

}  // namespace warta::web
