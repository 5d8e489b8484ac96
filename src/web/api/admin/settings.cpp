// GET and PATCH /api/v1/admin/settings (admins): the site's settings as the database keeps
// them (web/site.h "site settings") and the order of the sections.
//
//   {"name", "tagline", "locale", "locales": [..], "time_zone", "date_pattern",
//    "month_names": [12 or none], "footer_links": [{"label", "url"}], "accent_color",
//    "logo" and "share_image" (a picture's id as text, "" none), "custom_css",
//    "sections": [slugs]}
//
// PATCH takes any of these members. Every value is checked before anything is stored (a
// bad one: 400 {"error", "field"}, nothing written); then the site is reloaded
// (Context::reload_site), so pages show the change without a restart.
#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/section_store.h"
#include "storage/settings_store.h"
#include "web/handlers.h"
#include "web/newsroom_routes.h"
#include "web/settings_change.h"

namespace warta::web {
namespace {

// The largest PATCH body: twenty footer links of 2 KB and a little more.
constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr std::size_t kMaxSections = 200;

// The API's member for each settings key: the key without "site.".
std::string MemberOf(std::string_view key) { return std::string(key.substr(key.find('.') + 1)); }

bool IsArrayKey(std::string_view key) {
  return key == kSettingSiteLocales || key == kSettingSiteMonthNames ||
         key == kSettingSiteFooterLinks;
}

Response FieldError(const std::string& field, const std::string& message) {
  nlohmann::json body = {{"error", message}, {"field", field}};
  Response response = http::JsonResponse(400, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Result<nlohmann::json> CurrentSettings(Context& context) {
  nlohmann::json out = nlohmann::json::object();
  for (std::string_view key : SiteSettingKeys()) {
    auto stored = context.store.settings().Get(std::string(key));
    if (!stored.ok()) return stored.error();
    const std::string text = stored->value_or("");
    if (IsArrayKey(key)) {
      auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      out[MemberOf(key)] = parsed.is_array() ? parsed : nlohmann::json::array();
    } else {
      out[MemberOf(key)] = text;
    }
  }
  auto sections = context.store.sections().List();
  if (!sections.ok()) return sections.error();
  nlohmann::json slugs = nlohmann::json::array();
  for (const model::Section& section : *sections) slugs.push_back(section.slug);
  out["sections"] = slugs;
  return out;
}

Response GetSettings(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                     const Staff& /*staff*/) {
  auto current = CurrentSettings(context);
  if (!current.ok()) return ApiError(503, "could not read the settings; try again");
  Response response = http::JsonResponse(200, current->dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// The new order of every section: `order` must name each existing section exactly once.
Result<std::vector<model::Section>> Reordered(Context& context, const nlohmann::json& order) {
  auto sections = context.store.sections().List();
  if (!sections.ok()) return sections.error();
  if (!order.is_array() || order.size() > kMaxSections || order.size() != sections->size()) {
    return Error::InvalidArgument("sections: expected every section's slug once, in the new order");
  }
  std::vector<model::Section> out;
  for (const auto& slug : order) {
    auto found = std::find_if(sections->begin(), sections->end(), [&slug](const model::Section& s) {
      return slug.is_string() && s.slug == slug.get<std::string>();
    });
    if (found == sections->end() ||
        std::any_of(out.begin(), out.end(),
                    [&found](const model::Section& s) { return s.id == found->id; })) {
      return Error::InvalidArgument("sections: '" +
                                    (slug.is_string() ? slug.get<std::string>() : slug.dump()) +
                                    "' is not a section, or named twice");
    }
    out.push_back(*found);
    out.back().position = static_cast<std::int64_t>(out.size());
  }
  return out;
}

Response PatchSettings(Context& context, const Request& request, const RouteParams& /*params*/,
                       const Staff& staff) {
  if (request.body.size() > kMaxBodyBytes) return ApiError(413, "the settings are too large");
  auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return ApiError(400, "expected a JSON object of settings");
  // Check everything first: a bad member stores nothing.
  std::vector<std::pair<std::string, std::string>> writes;
  for (const auto& [member, value] : body.items()) {
    if (member == "sections") continue;
    auto key = std::find_if(SiteSettingKeys().begin(), SiteSettingKeys().end(),
                            [&member](std::string_view k) { return MemberOf(k) == member; });
    if (key == SiteSettingKeys().end())
      return FieldError(member, "unknown setting '" + member + "'");
    if (IsArrayKey(*key) ? !value.is_array() : !value.is_string()) {
      return FieldError(member,
                        member + ": expected " + (IsArrayKey(*key) ? "an array" : "a string"));
    }
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (auto checked = CheckSiteSettingInStore(context, *key, text); !checked.ok()) {
      if (checked.error().code != ErrorCode::kInvalidArgument) {
        return ApiError(503, "could not check the settings; try again");
      }
      return FieldError(member, checked.error().message);
    }
    writes.emplace_back(std::string(*key), std::move(text));
  }
  std::vector<model::Section> order;
  if (body.contains("sections")) {
    auto reordered = Reordered(context, body["sections"]);
    if (!reordered.ok()) {
      if (reordered.error().code != ErrorCode::kInvalidArgument) {
        return ApiError(503, "could not read the sections; try again");
      }
      return FieldError("sections", reordered.error().message);
    }
    order = std::move(reordered).value();
  }
  if (writes.empty() && order.empty()) return ApiError(400, "no settings to change");

  if (auto stored = StoreSiteSettings(context, writes, staff); !stored.ok()) {
    return ApiError(503, stored.error().message);
  }
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  for (const model::Section& section : order) {
    audit.action = "section.reorder";
    audit.target_type = "section";
    audit.target_id = section.id;
    audit.summary = section.slug + " at " + std::to_string(section.position);
    if (!context.store.sections().Update(section, audit).ok()) {
      return ApiError(503, "could not store the section order; try again");
    }
  }
  if (context.reload_site) {
    if (auto reloaded = context.reload_site(); !reloaded.ok()) {
      return ApiError(500, "stored, but the site could not reload: " + reloaded.error().message);
    }
  }
  return GetSettings(context, request, {}, staff);
}

}  // namespace

void AddAdminSettingsRoutes(http::Router& router, Context& context) {
  router.Add(http::Method::kGet, "/api/v1/admin/settings", "admin_api_settings",
             AdminRoute(context, model::Role::kAdmin, AdminSurface::kApi, GetSettings));
  router.Add(http::Method::kPatch, "/api/v1/admin/settings", "admin_api_settings",
             AdminRoute(context, model::Role::kAdmin, AdminSurface::kApi, PatchSettings));
}

}  // namespace warta::web
