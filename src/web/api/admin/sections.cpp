// /api/v1/admin/sections: the site's ordered navigation items (/rubrik/{slug}). Authors read
// them (the editor's section picker); editors add, rename, describe and order them.
#include <algorithm>
#include <utility>

#include "i18n/formatter.h"
#include "storage/section_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

constexpr std::size_t kMaxSlugBytes = 64;  // as an article's `section` (newsroom/article_checks.h)
constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxDescriptionChars = 1000;
constexpr std::int64_t kMaxPosition = 1'000'000;

Json SectionJson(const model::Section& s) {
  return {{"id", s.id},
          {"slug", s.slug},
          {"name", s.name},
          {"description", s.description},
          {"position", s.position},
          {"path", "/rubrik/" + s.slug}};
}

void CheckPosition(Fields& fields, const std::optional<std::int64_t>& position) {
  if (position && (*position < 0 || *position > kMaxPosition)) {
    fields.Problem("position", "must be 0.." + std::to_string(kMaxPosition));
  }
}

}  // namespace

Response ListSections(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                      const Staff& /*staff*/) {
  auto sections = context.store.sections().List();
  if (!sections.ok()) return ErrorReply(sections.error());
  Json list = Json::array();
  for (const model::Section& s : *sections) list.push_back(SectionJson(s));
  return JsonReply(200, {{"sections", std::move(list)}});
}

Response CreateSection(Context& context, const Request& request, const RouteParams& /*params*/,
                       const Staff& staff) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "section_error_");
  model::Section section;
  section.name = fields.Text("name", kMaxNameChars, /*required=*/true).value_or("");
  section.description = fields.Text("description", kMaxDescriptionChars, false).value_or("");
  const std::optional<std::int64_t> position = fields.Int("position");
  CheckPosition(fields, position);
  std::optional<std::string> slug = fields.String("slug");
  if (!slug && !section.name.empty()) slug = i18n::Slugify(section.name);
  if (slug && !IsSlug(*slug, kMaxSlugBytes)) {
    fields.Problem("slug", "is not a slug (1-64 of a-z, 0-9 and '-')");
  }
  if (!fields.ok()) return fields.Refusal();
  section.slug = *slug;
  auto existing = context.store.sections().List();
  if (!existing.ok()) return ErrorReply(existing.error());
  // Last in the navigation unless placed.
  section.position = position.value_or(existing->empty() ? 0 : existing->back().position + 1);
  auto id = context.store.sections().Create(
      section, Audit(context, staff, "section.create", "section", 0, section.name));
  if (!id.ok()) {
    if (id.error().is(ErrorCode::kAlreadyExists)) {
      return FieldsReply("section", {{"slug", "is taken by another section", "section_error_slug",
                                      ErrorCode::kAlreadyExists}});
    }
    return ErrorReply(id.error());
  }
  section.id = *id;
  return JsonReply(201, SectionJson(section));
}

Response UpdateSection(Context& context, const Request& request, const RouteParams& params,
                       const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such section");
  auto sections = context.store.sections().List();
  if (!sections.ok()) return ErrorReply(sections.error());
  auto found = std::find_if(sections->begin(), sections->end(),
                            [&](const model::Section& s) { return s.id == *id; });
  if (found == sections->end()) return ErrorReply(404, "no such section");
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "section_error_");
  model::Section section = *found;
  if (auto name = fields.Text("name", kMaxNameChars, /*required=*/false)) {
    if (name->empty()) {
      fields.Problem("name", "is required");
    } else {
      section.name = *name;
    }
  }
  if (auto description = fields.Text("description", kMaxDescriptionChars, false)) {
    section.description = *description;
  }
  const std::optional<std::int64_t> position = fields.Int("position");
  CheckPosition(fields, position);
  if (position) section.position = *position;
  if (!fields.ok()) return fields.Refusal();
  auto updated = context.store.sections().Update(
      section, Audit(context, staff, "section.update", "section", section.id, section.name));
  if (!updated.ok()) return ErrorReply(updated.error());
  return JsonReply(200, SectionJson(section));
}

}  // namespace warta::web::admin_api
