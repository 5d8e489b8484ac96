// doctor: the database (reachable, schema current, never migrated here), the templates,
// static files and locales compiled into the binary and the site they build, and libvips.
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string_view>

#include "app/doctor.h"
#include "media/render.h"
#include "resources/resources.h"
#include "storage/migrations/migrations.h"
#include "storage/store.h"
#include "web/site.h"

namespace warta::app::doctor {
namespace {

// A 2x2 RGB PNG (red, green, blue, white): small enough to render in milliseconds, real
// enough that libvips must load, decode and encode WebP and JPEG, as for an upload.
constexpr std::string_view kTestPicture(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00"
    "\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x12\x49\x44\x41\x54\x78\x9c\x63"
    "\xf8\xcf\xc0\xc0\x00\xc2\x0c\xff\x81\x00\x00\x1f\xee\x05\xfb\x0b\xd9\x68\x8b\x00\x00\x00"
    "\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    75);

Finding CheckTemplates() {
  int templates = 0;
  int statics = 0;
  int locales = 0;
  for (const resources::Resource& r : resources::All()) {
    if (r.path.substr(0, 10) == "templates/") ++templates;
    if (r.path.substr(0, 7) == "static/") ++statics;
    if (r.path.substr(0, 8) == "locales/") ++locales;
  }
  const std::string counts = std::to_string(templates) + " templates, " + std::to_string(statics) +
                             " static files and " + std::to_string(locales) + " locales";
  if (templates == 0 || locales == 0 || !resources::Find("templates/layout_head.mustache")) {
    return {Status::kFail, "templates", "only " + counts + " are compiled in",
            "rebuild warta: templates/, static/ and locales/ are embedded at build time"};
  }
  return {Status::kOk, "templates", counts + " compiled into the binary", ""};
}

Finding CheckSite(const config::Config& config, storage::Store& store) {
  // The database's values win once stored, but a bad configured one still breaks every fresh
  // database this configuration starts.
  if (auto configured = web::CheckConfiguredSiteSettings(config); !configured.ok()) {
    return {Status::kFail, "site", configured.error().message, "check site.* in the configuration"};
  }
  auto settings = web::ResolveSiteSettings(config, store.settings());
  if (!settings.ok()) {
    return {Status::kFail, "site", settings.error().message, "check site.* in the configuration"};
  }
  const std::string described =
      "\"" + settings->name + "\" in " + settings->locale + ", " + settings->time_zone;
  auto site = web::Site::Create(std::move(settings).value());
  if (!site.ok()) {
    return {Status::kFail, "site", site.error().message, "check site.* in the configuration"};
  }
  return {Status::kOk, "site", described + ": its templates and catalogs load", ""};
}

Finding CheckLibvips() {
  auto rendered = media::Render(kTestPicture, media::RenderOptions{});
  if (!rendered.ok()) {
    return {Status::kFail, "libvips", rendered.error().message,
            "install it: apt-get install libvips42 (pictures cannot be uploaded without it)"};
  }
  return {Status::kOk, "libvips",
          "libvips.so.42 loads and renders a test picture (" +
              std::to_string(rendered->renditions.size()) + " renditions)",
          ""};
}

// The schema against this binary's migrations. Only read: doctor never migrates, so it can
// run beside a serving warta and before an upgrade.
Finding CheckSchema(const config::Config& config, const Invocation& invocation,
                    storage::Store& store) {
  const std::string where =
      config.db.url.compare(0, 7, "sqlite:") == 0 ? config.db.url : store.backend_name();
  auto version = store.SchemaVersion();
  if (!version.ok()) {
    return {Status::kFail, "database", where + ": " + version.error().message,
            "restore the latest backup (docs/deploy.md, \"Restore\")"};
  }
  const int latest = storage::migrations::LatestVersion(storage::migrations::Sqlite());
  const std::string have = "schema version " + std::to_string(version.value());
  if (std::string_view(store.backend_name()) != "sqlite") {
    return {Status::kOk, "database", where + " answers, " + have, ""};
  }
  if (version.value() > latest) {
    return {Status::kFail, "database",
            where + ": " + have + " is newer than this warta's (" + std::to_string(latest) +
                "): a newer warta wrote it, and this one would not understand it",
            "install that newer warta again, or restore the backup taken before the upgrade "
            "(/var/lib/warta/backups)"};
  }
  if (version.value() < latest) {
    return {Status::kWarn, "database",
            where + ": " + have + ", older than this warta's " + std::to_string(latest) +
                "; serve migrates it at start",
            "to migrate now: " + CommandAsOwner(config, invocation, "warta backup FILE") +
                ", then " + CommandAsOwner(config, invocation, "warta migrate")};
  }
  return {Status::kOk, "database", where + ": " + have + ", this warta's", ""};
}

}  // namespace

void CheckStoreAndSite(const config::Config& config, const Invocation& invocation,
                       std::vector<Finding>& out) {
  out.push_back(CheckTemplates());
  const std::string path = SqlitePath(config);
  struct stat st {};
  if (!path.empty() && stat(path.c_str(), &st) != 0) {
    out.push_back({Status::kFail, "database", path + " does not exist",
                   "create it: " + CommandAsOwner(config, invocation, "warta migrate") +
                       " (or start the service, which does it)"});
  } else if (!path.empty() && geteuid() == 0 && st.st_uid != 0) {
    // SQLite would create its -wal and -shm files as root beside the service's database,
    // and the service could no longer write them.
    out.push_back({Status::kWarn, "database", "not opened: running as root",
                   "check it as its owner: " + CommandAsOwner(config, invocation, "warta doctor")});
  } else {
    auto store = storage::OpenStore(config.db.url);
    if (!store.ok()) {
      out.push_back({Status::kFail, "database", store.error().message,
                     "check db.url, and that the database server runs and accepts warta"});
    } else {
      out.push_back(CheckSchema(config, invocation, *store.value()));
      if (out.back().status != Status::kFail) out.push_back(CheckSite(config, *store.value()));
    }
  }
  out.push_back(CheckLibvips());
}

}  // namespace warta::app::doctor
