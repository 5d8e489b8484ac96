#include "web/settings_change.h"

#include "storage/audit_store.h"
#include "storage/media_store.h"
#include "storage/settings_store.h"

namespace warta::web {

Result<void> CheckSiteSettingInStore(Context& context, std::string_view key,
                                     const std::string& value) {
  WARTA_RETURN_IF_ERROR(CheckSiteSetting(key, value));
  if ((key != kSettingSiteLogo && key != kSettingSiteShareImage) || value.empty()) return Ok();
  // CheckSiteSetting accepted it: a positive decimal id.
  auto found = context.store.media().FindById(std::stoll(value));
  if (found.ok()) return Ok();
  if (found.error().code != ErrorCode::kNotFound) return found.error();
  const std::string name(key.substr(key.find('.') + 1));
  return Error::InvalidArgument(
      "settings: " + std::string(key) + ": no picture " + value + " in the media library",
      "settings_error_" + name);
}

Result<void> StoreSiteSettings(Context& context, const std::vector<SettingWrite>& writes,
                               const Staff& staff) {
  model::AuditEntry audit;
  audit.created_at = context.clock.NowUnix();
  audit.user_id = staff.principal.user_id;
  audit.target_type = "settings";
  audit.action = "settings.update";
  for (const auto& [key, text] : writes) {
    if (!context.store.settings().Set(key, text).ok()) {
      return Error::Unavailable("could not store " + key + "; try again");
    }
    audit.summary = key;
    (void)context.store.audit().Append(audit);
  }
  return Ok();
}

}  // namespace warta::web
