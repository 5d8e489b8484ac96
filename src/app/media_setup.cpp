#include "app/media_setup.h"

#include "storage/media_store.h"

namespace warta::app {

Result<std::string> MediaDir(const config::Config& config) {
  if (!config.media.dir.empty()) return config.media.dir;
  const std::string& url = config.db.url;
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.compare(0, kSqlite.size(), kSqlite) != 0) {
    return Error::InvalidArgument(
        "media: set media.dir (WARTA_MEDIA_DIR) to a folder every node shares: the database is "
        "not a local file");
  }
  const std::string path = url.substr(kSqlite.size());
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return std::string("media");
  return path.substr(0, slash + 1) + "media";
}

Result<std::unique_ptr<media::MediaLibrary>> OpenMediaLibrary(const config::Config& config,
                                                              storage::Store& store) {
  WARTA_ASSIGN_OR_RETURN(std::string dir, MediaDir(config));
  media::LibraryOptions options;
  options.dir = std::move(dir);
  options.render.max_bytes = config.media.max_upload_bytes;
  options.render.max_pixels = config.media.max_pixels;
  return media::MediaLibrary::Open(store.media(), std::move(options));
}

}  // namespace warta::app
