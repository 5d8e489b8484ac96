// From configuration to the media library (media.*); shared by `serve` and `media add`.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"
#include "core/result.h"
#include "media/library.h"
#include "storage/store.h"

namespace warta::app {

// media.dir, or a "media" folder beside the SQLite database file ("sqlite:data/warta.db" ->
// "data/media"). InvalidArgument when it is not set and the database is not a file.
Result<std::string> MediaDir(const config::Config& config);

// Opens (creating its folders) the library the configuration names.
Result<std::unique_ptr<media::MediaLibrary>> OpenMediaLibrary(const config::Config& config,
                                                              storage::Store& store);

}  // namespace warta::app
