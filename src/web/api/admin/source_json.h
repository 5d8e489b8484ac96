// Sources in the Admin API's JSON: settings and health (last fetch, status, errors, items per
// day). Internal to src/web/api/admin/.
#pragma once

#include <string>

#include "model/source.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {

Json SourceJson(const model::Source& source);
// "enabled, review, refresh 30 min, …": the settings in one line for the audit log.
std::string SettingsSummary(const model::NewSource& settings);

}  // namespace warta::web::admin_api
