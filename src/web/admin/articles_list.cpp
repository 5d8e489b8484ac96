// GET /admin/articles: the newsroom's articles, newest change first, in keyset pages
// (?after=UPDATED.ID), filtered by status, section, byline and words of the title. Authors
// see the articles they created (the newsroom limits the list).
#include <spdlog/spdlog.h>

#include <charconv>

#include "storage/author_store.h"
#include "storage/editorial_store.h"
#include "storage/section_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/article_editor.h"
#include "web/handlers.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

constexpr int kPageSize = 50;
constexpr std::size_t kMaxQueryChars = 200;
constexpr model::ArticleStatus kStatuses[] = {
    model::ArticleStatus::kDraft,       model::ArticleStatus::kHeld,
    model::ArticleStatus::kScheduled,   model::ArticleStatus::kPublished,
    model::ArticleStatus::kUnpublished, model::ArticleStatus::kDiscarded};

// "UPDATED.ID" of the last row of the previous page.
std::optional<storage::AdminCursor> ParseCursor(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  storage::AdminCursor cursor;
  auto a = std::from_chars(text.data(), text.data() + dot, cursor.updated_at);
  auto id = ParseId(text.substr(dot + 1));
  if (a.ec != std::errc() || a.ptr != text.data() + dot || !id) return std::nullopt;
  cursor.id = *id;
  return cursor;
}

view::Data StatusOptions(const Site& site, const std::optional<model::ArticleStatus>& chosen) {
  view::Data list = view::MakeList();
  for (model::ArticleStatus s : kStatuses) {
    view::Data item;
    item.set("value", std::string(model::ToText(s)));
    item.set("label", StatusText(site, s));
    item.set("selected", chosen == s);
    list.push_back(item);
  }
  return list;
}

view::Data SectionOptions(Context& context, std::int64_t chosen) {
  view::Data list = view::MakeList();
  auto sections = context.store.sections().List();
  if (!sections.ok()) return list;
  for (const model::Section& s : *sections) {
    view::Data item;
    item.set("value", std::to_string(s.id));
    item.set("label", s.name);
    item.set("selected", s.id == chosen);
    list.push_back(item);
  }
  return list;
}

view::Data AuthorOptions(Context& context, std::int64_t chosen) {
  view::Data list = view::MakeList();
  auto authors = context.store.authors().List(0, 1000);
  if (!authors.ok()) return list;
  for (const model::Author& a : *authors) {
    view::Data item;
    item.set("value", std::to_string(a.id));
    item.set("label", a.name);
    item.set("selected", a.id == chosen);
    list.push_back(item);
  }
  return list;
}

view::Data Rows(const Site& site, const std::vector<storage::AdminListRow>& rows) {
  view::Data list = view::MakeList();
  for (const storage::AdminListRow& r : rows) {
    view::Data item;
    item.set("edit_path", "/admin/articles/" + std::to_string(r.id));
    item.set("title", r.title);
    item.set("status", std::string(model::ToText(r.status)));
    item.set("status_text", StatusText(site, r.status));
    item.set("section", r.section_name);
    item.set("source", r.source);
    item.set("updated", AdminDateTime(site, r.updated_at));
    if (r.status == model::ArticleStatus::kScheduled) {
      item.set("scheduled_for", AdminDateTime(site, r.publish_at));
    }
    if (r.status == model::ArticleStatus::kPublished) {
      item.set("public_path", model::ArticlePath(r.id, r.slug));
    }
    item.set("featured", r.featured_at != 0);
    list.push_back(item);
  }
  return list;
}

}  // namespace

http::Response AdminArticles(Context& context, const http::Request& request,
                             const http::RouteParams& /*params*/, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  storage::AdminListQuery query;
  query.limit = kPageSize;
  const std::string status = request.QueryParam("status");
  if (!status.empty()) query.status = model::ParseArticleStatus(status);
  query.section_id = ParseId(request.QueryParam("section")).value_or(0);
  query.author_id = ParseId(request.QueryParam("author")).value_or(0);
  query.title = request.QueryParam("q").substr(0, kMaxQueryChars);
  query.after = ParseCursor(request.QueryParam("after"));
  auto page_rows = context.editorial->List(staff.principal, query);
  if (!page_rows.ok()) return AdminErrorPage(context, request, page_rows.error(), "article list");

  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_articles", "articles");
  const Site& site = page.site;
  view::Data& data = page.data;
  data.set("statuses", StatusOptions(site, query.status));
  data.set("sections", SectionOptions(context, query.section_id));
  data.set("authors", AuthorOptions(context, query.author_id));
  data.set("q", query.title);
  data.set("rows", Rows(site, page_rows->rows));
  data.set("has_rows", !page_rows->rows.empty());
  if (page_rows->next) {
    std::string next = "/admin/articles?after=" + std::to_string(page_rows->next->updated_at) +
                       "." + std::to_string(page_rows->next->id);
    if (query.status) next += "&status=" + std::string(model::ToText(*query.status));
    if (query.section_id) next += "&section=" + std::to_string(query.section_id);
    if (query.author_id) next += "&author=" + std::to_string(query.author_id);
    if (!query.title.empty()) next += "&q=" + PercentEncode(query.title);
    data.set("next_path", next);
  }
  data.set("filtered", query.after.has_value());
  return RenderAdminPage(context, request, page, "articles");
}

}  // namespace warta::web
