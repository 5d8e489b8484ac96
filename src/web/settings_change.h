// Changing the site's settings (web/site.h "site settings"), shared by the Admin API's
// PATCH /api/v1/admin/settings and the /admin/settings form: every value is checked before
// anything is stored, and each stored value leaves an audit entry naming who changed it.
// The caller reloads the site afterwards (Context::reload_site), once.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "web/context.h"
#include "web/request/staff.h"

namespace warta::web {

// One setting's new stored text: key is one of SiteSettingKeys().
using SettingWrite = std::pair<std::string, std::string>;

// CheckSiteSetting, and what needs the store: a logo or share image must name a picture in
// the media library. InvalidArgument (with the setting's user key) when not; Unavailable when
// the store fails.
Result<void> CheckSiteSettingInStore(Context& context, std::string_view key,
                                     const std::string& value);

// Stores the checked `writes` in order, each with its audit entry by `staff`. Unavailable
// naming the key when the store fails (the values before it are stored).
Result<void> StoreSiteSettings(Context& context, const std::vector<SettingWrite>& writes,
                               const Staff& staff);

}  // namespace warta::web
