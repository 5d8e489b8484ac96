// GET /admin/sections: the site's sections in navigation order, each with a rename form
// (name, slug, description) and move up/down buttons; a form to add one. Editors and admins.
// An article naming an unknown slug also creates a section (CONTRACT §6); here an editor
// names and orders them. Every change is audited by the section store.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/ascii.h"
#include "core/utf8.h"
#include "newsroom/article_checks.h"
#include "storage/section_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxDescriptionChars = 500;

// Characters as the newsroom counts them (code points); invalid UTF-8 counts as too long.
std::size_t Chars(std::string_view text) {
  if (!utf8::IsValid(text)) return SIZE_MAX;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) utf8::Next(text, i);
  return n;
}

// The newsroom's slug rule (newsroom/article_checks.cpp): a-z, 0-9 and inner hyphens.
bool IsSectionSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > newsroom::kMaxSectionSlugBytes) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

struct SectionInput {
  model::Section section;
  std::vector<FieldError> errors;
};

SectionInput ReadSection(const Site& site, const AdminForm& form, std::string_view prefix) {
  SectionInput in;
  in.section.slug = ascii::Lower(ascii::Trim(form.Value("slug")));
  in.section.name = std::string(ascii::Trim(form.Value("name")));
  in.section.description = std::string(ascii::Trim(form.Value("description")));
  const std::string p(prefix);
  if (!IsSectionSlug(in.section.slug))
    in.errors.push_back({p + "slug", site.T("admin_section_error_slug")});
  if (in.section.name.empty() || Chars(in.section.name) > kMaxNameChars) {
    in.errors.push_back({p + "name", site.T("admin_section_error_name")});
  }
  if (Chars(in.section.description) > kMaxDescriptionChars) {
    in.errors.push_back({p + "description", site.T("admin_section_error_description")});
  }
  return in;
}

model::AuditEntry Audit(const Context& context, const Staff& staff, std::string action,
                        std::string summary) {
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  audit.action = std::move(action);
  audit.target_type = "section";
  audit.summary = std::move(summary);
  return audit;
}

http::Response Page(Context& context, const http::Request& request, const Staff& staff,
                    const SectionInput* refused, int status) {
  auto sections = context.store.sections().List();
  if (!sections.ok()) return AdminErrorPage(context, request, sections.error(), "sections");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_sections", "sections");
  view::Data rows = view::MakeList();
  for (std::size_t i = 0; i < sections->size(); ++i) {
    const model::Section& s = (*sections)[i];
    view::Data row;
    row.set("id", std::to_string(s.id));
    row.set("slug", s.slug);
    row.set("name", s.name);
    row.set("description", s.description);
    row.set("public_path", "/rubrik/" + s.slug);
    row.set("can_up", i > 0);
    row.set("can_down", i + 1 < sections->size());
    rows.push_back(row);
  }
  page.data.set("rows", rows);
  page.data.set("has_rows", !sections->empty());
  if (refused != nullptr) {
    SetFieldErrors(page, refused->errors);
    page.data.set("new_slug", refused->section.slug);
    page.data.set("new_name", refused->section.name);
    page.data.set("new_description", refused->section.description);
  }
  return RenderAdminPage(context, request, page, "sections", status);
}

http::Response StoreFailed(Context& context, const http::Request& request, const Staff& staff,
                           SectionInput& in, const Error& error, std::string_view field_prefix) {
  if (error.code == ErrorCode::kAlreadyExists) {
    in.errors.push_back({std::string(field_prefix) + "slug",
                         SiteFor(context, request).T("admin_section_error_taken")});
    return Page(context, request, staff, &in, 409);
  }
  return AdminErrorPage(context, request, error, "section save");
}

}  // namespace

http::Response AdminSections(Context& context, const http::Request& request,
                             const http::RouteParams& /*params*/, const Staff& staff) {
  return Page(context, request, staff, nullptr, 200);
}

http::Response AdminSectionCreate(Context& context, const http::Request& request,
                                  const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  SectionInput in = ReadSection(SiteFor(context, request), *form, "new_");
  if (!in.errors.empty()) return Page(context, request, staff, &in, 400);
  auto sections = context.store.sections().List();
  if (!sections.ok()) return AdminErrorPage(context, request, sections.error(), "sections");
  // Last in the navigation.
  for (const model::Section& s : *sections) {
    in.section.position = std::max(in.section.position, s.position + 1);
  }
  auto id = context.store.sections().Create(
      in.section, Audit(context, staff, "section.create", in.section.slug));
  if (!id.ok()) return StoreFailed(context, request, staff, in, id.error(), "new_");
  return AdminSeeOther("/admin/sections?done=section_saved");
}

http::Response AdminSectionUpdate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto sections = context.store.sections().List();
  if (!sections.ok()) return AdminErrorPage(context, request, sections.error(), "sections");
  auto it = std::find_if(sections->begin(), sections->end(),
                         [&](const model::Section& s) { return s.id == *id; });
  if (it == sections->end()) return ErrorPage(context, request, 404);
  SectionInput in = ReadSection(SiteFor(context, request), *form, "");
  if (!in.errors.empty()) {
    // Shown under the add form's summary; the row keeps its stored values.
    return Page(context, request, staff, &in, 400);
  }
  in.section.id = *id;
  in.section.position = it->position;
  auto saved = context.store.sections().Update(
      in.section, Audit(context, staff, "section.update", it->slug + " -> " + in.section.slug));
  if (!saved.ok()) return StoreFailed(context, request, staff, in, saved.error(), "");
  return AdminSeeOther("/admin/sections?done=section_saved");
}

http::Response AdminSectionMove(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& staff) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  const std::string direction = form->Value("direction");
  if (direction != "up" && direction != "down") return ErrorPage(context, request, 400);
  auto sections = context.store.sections().List();
  if (!sections.ok()) return AdminErrorPage(context, request, sections.error(), "sections");
  std::vector<model::Section>& list = *sections;
  auto it =
      std::find_if(list.begin(), list.end(), [&](const model::Section& s) { return s.id == *id; });
  if (it == list.end()) return ErrorPage(context, request, 404);
  const auto index = static_cast<std::size_t>(it - list.begin());
  const std::size_t other = direction == "up" ? index - 1 : index + 1;
  if ((direction == "up" && index == 0) || other >= list.size()) {
    return AdminSeeOther("/admin/sections");
  }
  std::swap(list[index], list[other]);
  // Positions may be equal (sections created by articles), so the whole order is written
  // as 1..n; only rows whose position changes are updated, each audited.
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto position = static_cast<std::int64_t>(i + 1);
    if (list[i].position == position) continue;
    list[i].position = position;
    auto saved = context.store.sections().Update(
        list[i],
        Audit(context, staff, "section.move", list[i].slug + " -> " + std::to_string(position)));
    if (!saved.ok()) return AdminErrorPage(context, request, saved.error(), "section move");
  }
  return AdminSeeOther("/admin/sections?done=section_moved#section-" + std::to_string(*id));
}

}  // namespace warta::web
