#include "web/api/admin/source_json.h"

namespace warta::web::admin_api {

Json SourceJson(const model::Source& s) {
  return {{"id", s.id},
          {"url", s.url},
          {"name", s.name},
          {"display_name", s.DisplayName()},
          {"site_url", s.site_url},
          {"lang", s.lang},
          {"time_zone", s.time_zone},
          {"category", s.category},
          {"refresh_minutes", s.refresh_minutes},
          {"full_text", s.full_text},
          {"enabled", s.enabled},
          {"canonical", model::CanonicalPolicyName(s.canonical)},
          {"review", s.review},
          {"created", TimeJson(s.created_at)},
          {"health",
           {{"last_fetch", TimeJson(s.last_fetch_at)},
            {"last_success", TimeJson(s.last_success_at)},
            {"next_fetch", TimeJson(s.next_fetch_at)},
            {"status", s.last_status},
            {"error", s.last_error},
            {"consecutive_errors", s.consecutive_errors},
            {"items_total", s.items_total},
            {"items_last_week", s.items_last_week},
            {"items_per_day", s.ItemsPerDay()}}}};
}

std::string SettingsSummary(const model::NewSource& n) {
  std::string out = n.enabled ? "enabled" : "disabled";
  if (n.review) out += ", held for review";
  if (n.full_text) out += ", full text";
  if (n.refresh_minutes != 0) out += ", every " + std::to_string(n.refresh_minutes) + " min";
  out += ", canonical ";
  out += model::CanonicalPolicyName(n.canonical);
  return out;
}

}  // namespace warta::web::admin_api
